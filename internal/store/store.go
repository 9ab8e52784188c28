package store

import (
	"context"
	"errors"
)

// Sentinel errors of every Store. Implementations wrap them; test with
// errors.Is.
var (
	// ErrNotFound means the requested document or event does not exist.
	ErrNotFound = errors.New("not found")
	// ErrConflict means a write contradicts what is stored, for instance a
	// Merger chose an event that does not exist.
	ErrConflict = errors.New("conflict")
	// ErrInvalid means the input is malformed: a nil article, a span
	// outside the text, a filter that cannot be run.
	ErrInvalid = errors.New("invalid")
)

// Store keeps coded documents and answers queries over them.
// Implementations are safe for concurrent use.
type Store interface {
	// PutDocument stores doc with its mentions and quotes in one
	// transaction: either all of it is stored or none of it. A document
	// whose Hash is already stored is skipped (PutResult.Skipped, no
	// error), which makes re-ingesting idempotent. m decides which event
	// each mention reports; a nil m gives every mention a new event.
	// PutDocument sets doc.ID and doc.IngestedAt. It returns ErrInvalid for
	// a malformed document and ErrConflict when m names an unknown event.
	PutDocument(ctx context.Context, doc *Document, m Merger) (PutResult, error)

	// PutDocuments stores docs in one transaction, as PutDocument would
	// one after the other, with the same errors: all of them are stored
	// or, on error, none. Batches amortise the cost of a commit. A document
	// with the hash of an earlier one in the batch is skipped.
	PutDocuments(ctx context.Context, docs []*Document, m Merger) ([]PutResult, error)

	// Document returns the stored document with the given ID, with its
	// events (one per mention, in document order) and quotes. It returns
	// ErrNotFound if there is none.
	Document(ctx context.Context, id int64) (*Document, error)

	// Documents lists stored documents matching f, without their text,
	// events or quotes, in ID order. It reads each document's metadata
	// and Fingerprint only, which makes paging through a whole store with
	// DocumentFilter.AfterID cheap.
	Documents(ctx context.Context, f DocumentFilter) ([]*Document, error)

	// Events returns the deduplicated events matching f, in f.Order.
	// It returns ErrInvalid for a malformed filter (a bad cursor, an
	// unknown order, an empty text query).
	Events(ctx context.Context, f EventFilter) ([]EventRecord, error)

	// Event returns one event and all its mentions in ID order, or
	// ErrNotFound.
	Event(ctx context.Context, id int64) (EventRecord, []Mention, error)

	// Mentions returns the mentions matching f in ID order.
	Mentions(ctx context.Context, f MentionFilter) ([]Mention, error)

	// Quotes returns the quotes matching f in ID order.
	Quotes(ctx context.Context, f QuoteFilter) ([]QuoteRecord, error)

	// Actors returns the actors matching f, most often seen first, then
	// by code and name.
	Actors(ctx context.Context, f ActorFilter) ([]ActorRecord, error)

	// Timeline counts the events matching f (ignoring its paging and
	// order) per period of b, by event date, oldest first. Events without
	// a date are not counted; empty periods are omitted.
	Timeline(ctx context.Context, f EventFilter, b Bucket) ([]TimelinePoint, error)

	// Stats returns the number of rows of each kind.
	Stats(ctx context.Context) (Stats, error)

	// Close releases the store's connections. It waits for nothing: the
	// caller must not use the store concurrently with Close.
	Close() error
}

// A Merger is the deduplication policy PutDocument consults for every
// mention it stores, in document order, inside the write transaction.
// Candidates and events created earlier in the same document are visible to
// later mentions of it.
type Merger interface {
	// Candidates returns the filter selecting stored events that m could
	// report; ok false means m always starts a new event. A zero Limit is
	// taken as 50.
	Candidates(m *Mention) (f EventFilter, ok bool)
	// Merge returns the ID of the event among candidates that m reports,
	// or 0 for a new event.
	Merge(m *Mention, candidates []EventRecord) int64
}

// DefaultCandidateLimit is the candidate limit used when a Merger's filter
// has none.
const DefaultCandidateLimit = 50
