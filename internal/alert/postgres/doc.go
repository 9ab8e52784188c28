// Package postgres implements alert.Store on PostgreSQL (12 or later,
// tested with 15) through github.com/jackc/pgx/v5, normally in the
// database and schema of the postgres event store.
//
// Its three tables (alerts, alert_subscriptions, alert_deliveries) sit
// beside the event store's and are created by Open with CREATE TABLE IF NOT
// EXISTS from the embedded migrations/*.sql, applied in lexical order, one
// transaction each under an advisory lock of their own, and recorded in an
// alert_migrations table, so that the event store's migrations table never
// sees them. The tables go to the first schema of the connection's
// search_path. The package does not read or write the event tables.
//
// Add and Subscribe each run in one READ COMMITTED transaction; the unique
// keys of alerts, subscriptions and deliveries, with ON CONFLICT DO
// NOTHING, make concurrent watchers store each alert and queue each
// delivery once. A *Store is safe for concurrent use.
package postgres
