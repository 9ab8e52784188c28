// Package postgres implements store.Store on PostgreSQL (12 or later,
// tested with 15) through github.com/jackc/pgx/v5, for deployments that
// want a database server.
//
// Writes take a transaction-level advisory lock, so PutDocument calls from
// any number of processes run one at a time and a Merger always sees every
// event stored before it; reads run concurrently on the pool.
//
// The schema lives in migrations/*.sql, embedded and applied in lexical
// order by Open, each in its own transaction and recorded in the
// migrations table of the connection's search_path. Full-text search uses
// a tsvector column with the 'simple' configuration and a GIN index.
//
// A *Store is safe for concurrent use.
package postgres
