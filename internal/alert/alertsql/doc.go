// Package alertsql holds the SQL of alert.Store that its two backends
// (alert/sqlite and alert/postgres) share, written once with ? placeholders
// and bound for either database by the event store's sqlq.Dialect: the
// statements on the alerts, alert_subscriptions and alert_deliveries
// tables, the translation of an alert.Filter into WHERE and LIMIT clauses,
// and the scans of their rows.
//
// The package knows no database and imports no driver. Each backend adapts
// its driver to Conn and gives New its transactions and the little of the
// SQL that differs (see Config); its connections, its migrations and how it
// serializes Add stay in the backend. A Store is as safe for concurrent use
// as its Conns and transactions.
package alertsql
