// Package sqlite implements store.Store on an embedded SQLite database
// (modernc.org/sqlite, pure Go), the default store of annals.
//
// The database is one file in WAL mode: readers never block the writer and
// one writer runs at a time. Within a process, writes go through a single
// connection; across processes, write transactions start with BEGIN
// IMMEDIATE and wait up to the busy timeout. With synchronous=NORMAL a
// killed process loses no committed transaction; a power failure may lose
// the last ones but never leaves a document half stored.
//
// The schema lives in migrations/*.sql, embedded and applied in lexical
// order by Open, each in its own transaction and recorded in the
// migrations table. Full-text search uses FTS5.
//
// A *Store is safe for concurrent use.
package sqlite
