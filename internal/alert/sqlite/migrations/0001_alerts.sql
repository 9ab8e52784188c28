-- Alerts, webhook subscriptions and the delivery queue of package alert,
-- SQLite dialect, beside the event store's tables in the same file. Days
-- are integers YYYYMMDD; instants integer microseconds since the Unix
-- epoch, UTC. Applied by alert/sqlite.Open and recorded in
-- alert_migrations (not the event store's migrations table).

-- One row per country, type and day. body is the alert as JSON (without
-- its id); the other columns are what queries filter on.
CREATE TABLE IF NOT EXISTS alerts (
	id      INTEGER PRIMARY KEY,
	country TEXT    NOT NULL,
	scheme  TEXT    NOT NULL,
	type    TEXT    NOT NULL,
	day     INTEGER NOT NULL,
	count   INTEGER NOT NULL,
	created INTEGER NOT NULL,
	body    TEXT    NOT NULL,
	UNIQUE (country, scheme, type, day)
);
CREATE INDEX IF NOT EXISTS alerts_day ON alerts (day, id);

-- Empty country, scheme and type match any alert.
CREATE TABLE IF NOT EXISTS alert_subscriptions (
	id       INTEGER PRIMARY KEY,
	endpoint TEXT    NOT NULL,
	country  TEXT    NOT NULL,
	scheme   TEXT    NOT NULL,
	type     TEXT    NOT NULL,
	created  INTEGER NOT NULL,
	UNIQUE (endpoint, country, scheme, type)
);

-- One row per alert and endpoint: an alert is delivered to an endpoint
-- at most once.
CREATE TABLE IF NOT EXISTS alert_deliveries (
	alert_id   INTEGER NOT NULL REFERENCES alerts (id) ON DELETE CASCADE,
	endpoint   TEXT    NOT NULL,
	state      TEXT    NOT NULL CHECK (state IN ('pending', 'delivered', 'failed')),
	attempts   INTEGER NOT NULL DEFAULT 0,
	last_error TEXT    NOT NULL DEFAULT '',
	updated    INTEGER NOT NULL,
	PRIMARY KEY (alert_id, endpoint)
);
CREATE INDEX IF NOT EXISTS alert_deliveries_state ON alert_deliveries (state, alert_id);
