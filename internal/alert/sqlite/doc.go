// Package sqlite implements alert.Store in a SQLite file, normally the
// annals database itself (modernc.org/sqlite, pure Go).
//
// Its three tables (alerts, alert_subscriptions, alert_deliveries) sit
// beside the event store's and are created by Open with CREATE TABLE IF NOT
// EXISTS from the embedded migrations/*.sql, applied in lexical order and
// recorded in an alert_migrations table of their own, so that the event
// store's migrations never see them. The package does not read or write the
// event tables. Package alert/postgres is its PostgreSQL twin; the SQL they
// share (every statement on the alert tables) is alertsql's.
//
// Like the event store, the file is in WAL mode, write transactions begin
// IMMEDIATE and wait up to a busy timeout for another writer, and writes in
// one process go through one connection. A *Store is safe for concurrent
// use.
package sqlite
