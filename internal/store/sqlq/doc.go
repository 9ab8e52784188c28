// Package sqlq holds what the two SQL stores (sqlite and postgres) share
// beyond the row mapping of sqlrow, written once for either of them
// through a Dialect: the queries of every read of store.Store, with the
// translation of the store filters into WHERE, ORDER BY and LIMIT clauses
// and their arguments; a Reader that runs them and scans their rows into
// store records; and the runner of embedded schema migrations.
//
// The package knows no database and imports no driver. What differs
// between them (placeholders, full-text search, a few function names, how
// an instant is stored) is described by the Dialect each store package
// defines, and each adapts its driver to Querier, Rows and DB. The SQL
// that is genuinely different (the writes, the schema) stays in those
// packages.
//
// Dialects are read-only once built and safe for concurrent use; a Reader
// is as safe as its Querier.
package sqlq
