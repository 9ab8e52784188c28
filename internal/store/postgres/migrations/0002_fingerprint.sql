-- Deduplication fingerprint of each document (store.Document.Fingerprint):
-- an opaque blob the dedup package serializes, so that loading the
-- fingerprints of a store does not re-read every text. NULL for documents
-- stored before this migration. Keep semantically identical to
-- internal/store/sqlite/migrations/0002_fingerprint.sql.

ALTER TABLE documents ADD COLUMN fingerprint bytea;
