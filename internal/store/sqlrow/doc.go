// Package sqlrow holds the dialect-neutral mapping between store records
// and the rows of the SQL stores (sqlite and postgres): the mentions
// columns that hold an event, the arguments written to them, the values
// scanned back from them; the columns and arguments of a new document row
// and of a new event row; and the few write-side helpers both stores share
// (folded actor text, LIKE patterns, per-document actor counts).
//
// Nothing here knows a dialect: no SQL text beyond column names, no
// driver; a stored instant's value comes from the caller. Scanning goes through Scanner, which both *sql.Rows / *sql.Row
// and pgx rows satisfy; nullable columns scan into database/sql's Null
// types, which pgx also accepts.
package sqlrow
