// Package tsv reads the tab-separated tables annals keeps in its own data
// files (CAMEO codes and roles, export tables): a header line, then one
// line of fields per record, with every problem reported as file:line.
package tsv
