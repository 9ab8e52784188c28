// Package sqlq holds the SQL that the two SQL stores (sqlite and postgres)
// share, written once and rendered for either of them through a Dialect:
// the queries of every read of store.Store, with the translation of the
// store filters into WHERE, ORDER BY and LIMIT clauses and their
// arguments, and the runner of embedded schema migrations.
//
// The package knows no database. What differs between them (placeholders,
// full-text search, a few function names, the type of a stored instant)
// is described by the Dialect each store package defines; the SQL that is
// genuinely different (the writes, the schema) stays in those packages.
// Running the queries and scanning their rows is left to the stores too,
// since their drivers differ; sqlrow holds the row mapping they share.
//
// Dialects are read-only once built and safe for concurrent use.
package sqlq
