-- annals store schema, SQLite dialect. Keep semantically identical to
-- internal/store/postgres/migrations/0001_init.sql.
-- Dates are integers YYYYMMDD (0 = unknown); instants are integer
-- microseconds since the Unix epoch, UTC.

CREATE TABLE documents (
	id            INTEGER PRIMARY KEY,
	hash          TEXT    NOT NULL UNIQUE,
	article_id    TEXT    NOT NULL,
	source        TEXT    NOT NULL,
	url           TEXT    NOT NULL,
	title         TEXT    NOT NULL,
	byline        TEXT    NOT NULL,
	published     INTEGER NOT NULL,
	published_at  INTEGER,
	anchor        INTEGER NOT NULL,
	anchor_source TEXT    NOT NULL,
	outlet        TEXT    NOT NULL,
	origin        TEXT    NOT NULL,
	source_key    TEXT    NOT NULL, -- origin, else outlet: the independent source
	text          TEXT    NOT NULL,
	ingested_at   INTEGER NOT NULL,
	seen          INTEGER NOT NULL  -- published_at, else published, else ingested_at
);
CREATE INDEX documents_url ON documents (url);
CREATE INDEX documents_outlet ON documents (outlet);

-- One row per deduplicated real-world event. The descriptive columns copy
-- the representative (first) mention for filtering; the figures are the
-- highest any mention gave.
CREATE TABLE events (
	id            INTEGER PRIMARY KEY,
	mention_id    INTEGER REFERENCES mentions (id),
	document_id   INTEGER NOT NULL REFERENCES documents (id),
	cameo         TEXT    NOT NULL,
	root          TEXT    NOT NULL,
	quad_class    INTEGER NOT NULL,
	plover        TEXT    NOT NULL,
	acled_type    TEXT    NOT NULL,
	acled_subtype TEXT    NOT NULL,
	date          INTEGER NOT NULL,
	country       TEXT    NOT NULL,
	lat           REAL,
	lon           REAL,
	source_code   TEXT    NOT NULL,
	target_code   TEXT    NOT NULL,
	actor_text    TEXT    NOT NULL, -- case-folded source and target text and names
	num_mentions  INTEGER NOT NULL DEFAULT 0,
	num_articles  INTEGER NOT NULL DEFAULT 0,
	num_sources   INTEGER NOT NULL DEFAULT 0,
	first_seen    INTEGER NOT NULL,
	last_seen     INTEGER NOT NULL,
	fatalities    INTEGER,
	injuries      INTEGER,
	crowd         INTEGER
);
CREATE INDEX events_date ON events (date, id);
CREATE INDEX events_root_date ON events (root, date, source_code, target_code, lat, lon);
CREATE INDEX events_country_date ON events (country, date);
CREATE INDEX events_source ON events (source_code);
CREATE INDEX events_target ON events (target_code);
CREATE INDEX events_lat ON events (lat);

-- One row per coded report of an event: an event.Event as the coder found it.
CREATE TABLE mentions (
	id             INTEGER PRIMARY KEY,
	event_id       INTEGER NOT NULL REFERENCES events (id),
	document_id    INTEGER NOT NULL REFERENCES documents (id),
	idx            INTEGER NOT NULL,
	sentence       INTEGER NOT NULL,
	text           TEXT    NOT NULL,
	span_start     INTEGER NOT NULL,
	span_end       INTEGER NOT NULL,
	src_text       TEXT, -- src_* and tgt_* are all NULL when there is no such actor
	src_code       TEXT,
	src_country    TEXT,
	src_role       TEXT,
	src_name       TEXT,
	src_start      INTEGER,
	src_end        INTEGER,
	tgt_text       TEXT,
	tgt_code       TEXT,
	tgt_country    TEXT,
	tgt_role       TEXT,
	tgt_name       TEXT,
	tgt_start      INTEGER,
	tgt_end        INTEGER,
	cameo          TEXT    NOT NULL,
	root           TEXT    NOT NULL,
	quad_class     INTEGER NOT NULL,
	goldstein      REAL    NOT NULL,
	plover         TEXT    NOT NULL,
	plover_mode    TEXT    NOT NULL,
	acled_type     TEXT    NOT NULL,
	acled_subtype  TEXT    NOT NULL,
	date           INTEGER NOT NULL,
	date_precision TEXT    NOT NULL,
	loc_name       TEXT, -- loc_* are all NULL when there is no location
	loc_country    TEXT,
	loc_admin1     TEXT,
	lat            REAL,
	lon            REAL,
	loc_precision  TEXT,
	geonameid      INTEGER,
	loc_start      INTEGER,
	loc_end        INTEGER,
	fatalities     INTEGER,
	injuries       INTEGER,
	crowd          INTEGER,
	attribution    TEXT,
	confidence     REAL    NOT NULL,
	rule           TEXT    NOT NULL,
	UNIQUE (document_id, idx)
);
CREATE INDEX mentions_event ON mentions (event_id, document_id);

CREATE TABLE quotes (
	id           INTEGER PRIMARY KEY,
	document_id  INTEGER NOT NULL REFERENCES documents (id),
	idx          INTEGER NOT NULL,
	sentence     INTEGER NOT NULL,
	text         TEXT    NOT NULL,
	direct       INTEGER NOT NULL, -- 0 or 1
	sp_text      TEXT, -- sp_* are all NULL when there is no speaker
	sp_code      TEXT,
	sp_country   TEXT,
	sp_role      TEXT,
	sp_name      TEXT,
	sp_start     INTEGER,
	sp_end       INTEGER,
	speaker_text TEXT    NOT NULL, -- case-folded speaker text and name
	date         INTEGER NOT NULL,
	span_start   INTEGER NOT NULL,
	span_end     INTEGER NOT NULL,
	UNIQUE (document_id, idx)
);
CREATE INDEX quotes_speaker ON quotes (sp_code);

-- Actors by store.ActorKey: (code, canonical name), or ('', text).
CREATE TABLE actors (
	id         INTEGER PRIMARY KEY,
	code       TEXT    NOT NULL,
	name       TEXT    NOT NULL,
	text       TEXT    NOT NULL,
	country    TEXT    NOT NULL,
	role       TEXT    NOT NULL,
	fold       TEXT    NOT NULL, -- case-folded name and text
	count      INTEGER NOT NULL,
	first_seen INTEGER NOT NULL,
	last_seen  INTEGER NOT NULL,
	UNIQUE (code, name)
);
CREATE INDEX actors_count ON actors (count DESC, code, name);

-- Full-text search: words of letters, digits and marks, case-folded,
-- no stemming, as store.ParseTextQuery expects.
CREATE VIRTUAL TABLE mentions_fts USING fts5 (
	text, content = 'mentions', content_rowid = 'id',
	tokenize = 'unicode61 remove_diacritics 0'
);
CREATE TRIGGER mentions_fts_insert AFTER INSERT ON mentions BEGIN
	INSERT INTO mentions_fts (rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER mentions_fts_delete AFTER DELETE ON mentions BEGIN
	INSERT INTO mentions_fts (mentions_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;

CREATE VIRTUAL TABLE quotes_fts USING fts5 (
	text, content = 'quotes', content_rowid = 'id',
	tokenize = 'unicode61 remove_diacritics 0'
);
CREATE TRIGGER quotes_fts_insert AFTER INSERT ON quotes BEGIN
	INSERT INTO quotes_fts (rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER quotes_fts_delete AFTER DELETE ON quotes BEGIN
	INSERT INTO quotes_fts (quotes_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
