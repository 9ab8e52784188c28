// Package postgres implements alert.Store on PostgreSQL (12 or later,
// tested with 15) through github.com/jackc/pgx/v5, normally in the
// database and schema of the postgres event store.
//
// Its three tables (alerts, alert_subscriptions, alert_deliveries) sit
// beside the event store's and are created by Open with CREATE TABLE IF NOT
// EXISTS from the embedded migrations/*.sql, applied in lexical order by
// the event store's runner (sqlq.Dialect.Migrate), one transaction each
// under an advisory lock of their own, and recorded in an alert_migrations
// table, so that the event store's migrations table never sees them. The
// tables go to the first schema of the connection's search_path. The
// package does not read or write the event tables. Its statements are
// those of alertsql, shared with alert/sqlite, bound for PostgreSQL.
//
// Add and Subscribe each run in one READ COMMITTED transaction; the unique
// keys of alerts, subscriptions and deliveries, with ON CONFLICT DO
// NOTHING, make concurrent watchers store each alert and queue each
// delivery once. Add also holds the same advisory lock, so that the Adds
// of any number of processes run one at a time: without it, two batches
// that share alerts in differing orders could each wait for the other's
// uncommitted insert and deadlock. The lock is the database's, shared by
// the alert stores of every schema in it. A *Store is safe for concurrent
// use.
package postgres
