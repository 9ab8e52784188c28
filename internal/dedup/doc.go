// Package dedup decides which reports are the same: which coded mentions
// report one real-world event, and which documents are copies of one
// article.
//
// Merger is the store.Merger that ingest passes to Store.PutDocuments. For
// every mention it asks the store for the events that could be the same
// (same or compatible CAMEO root, dates close enough, same country) and then
// scores each candidate on its place and its actors, merging the mention
// into the best candidate that scores at least Options.MinScore and
// contradicts it nowhere. The thresholds are the fields of Options;
// docs/dedup.md explains and measures them.
//
// Fingerprint is a 64-bit SimHash of a text's word 3-shingles: reprints and
// syndicated copies of an article have fingerprints a few bits apart. Index
// remembers the fingerprints of the documents already seen and gives a copy
// the Origin of the article it copies, so that the store counts it as
// another article of an event but not as another source.
//
// Everything here is plain, deterministic code. Merger is read-only after
// NewMerger and safe for concurrent use; Index is safe for concurrent use.
// Only Index.Load does I/O.
package dedup
