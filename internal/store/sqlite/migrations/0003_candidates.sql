-- The index of a deduplicating Merger's candidate query (CAMEO roots, a
-- date range, then "in this country, or unlocated and about its people":
-- store.EventFilter.UnlocatedActor) holds the country as well, so that
-- the events of the roots and dates in other countries are passed over
-- without reading their rows. It replaces the index of 0001, which began
-- with the same columns. Keep semantically identical to
-- internal/store/postgres/migrations/0003_candidates.sql.

DROP INDEX events_root_date;
CREATE INDEX events_root_date ON events (root, date, country, lat, lon, source_code, target_code);
