// Package store defines where annals keeps what it has read and coded:
// documents, the deduplicated real-world events they report, each coded
// report of an event (a mention), quotes, and the actors seen in them.
//
// Store is the interface; the sqlite and postgres subpackages implement it
// with the same schema semantics, and storetest is the conformance suite both
// pass. Everything dialect-specific (SQL text, full-text search syntax,
// locking) stays in those packages. This package holds the interface, the
// record and filter types, the sentinel errors, and the few dialect-neutral
// helpers the implementations share: the content hash, the full-text query
// language, cursors and timeline buckets.
//
// Deduplication is pluggable: PutDocument takes a Merger, which for every
// new mention names the stored events that could be the same real event
// (as an EventFilter) and then picks one of them or asks for a new event.
// The store runs the candidate query inside the document's write
// transaction, so concurrent writers never create two events for one.
//
// Store implementations are safe for concurrent use. Records returned to the
// caller are fresh values the caller owns.
package store
