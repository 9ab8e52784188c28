package sqlq

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/annals-project/annals/internal/event"
	"github.com/annals-project/annals/internal/store"
	"github.com/annals-project/annals/internal/store/sqlrow"
)

// Rows is a result set: *sql.Rows is one, and a pgx.Rows with a Close
// that returns an error.
type Rows interface {
	Next() bool
	Scan(dest ...any) error
	Err() error
	Close() error
}

// A Querier runs a query and returns its rows, which the caller closes.
type Querier interface {
	Query(ctx context.Context, query string, args ...any) (Rows, error)
}

// SQLQuerier returns the Querier of a database/sql handle, connection,
// transaction or anything else with their QueryContext.
func SQLQuerier(q interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}) Querier {
	return sqlQuerier{q}
}

type sqlQuerier struct {
	q interface {
		QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	}
}

func (q sqlQuerier) Query(ctx context.Context, query string, args ...any) (Rows, error) {
	return q.q.QueryContext(ctx, query, args...)
}

// A Reader implements the reads of store.Store (every method but
// PutDocument, PutDocuments and Close) with the queries of a Dialect, run
// by a Querier. It is safe for concurrent use if its Querier is.
type Reader struct {
	d *Dialect
	q Querier
}

// NewReader returns the Reader that runs d's queries with q.
func NewReader(d *Dialect, q Querier) *Reader { return &Reader{d: d, q: q} }

// all scans every row of a query of what with scan, then closes the rows.
func all[T any](rows Rows, err error, what string, scan func(sqlrow.Scanner) (T, error)) ([]T, error) {
	if err != nil {
		return nil, fmt.Errorf("query %s: %w", what, err)
	}
	defer rows.Close()
	var out []T
	for rows.Next() {
		v, err := scan(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("query %s: %w", what, err)
	}
	return out, nil
}

// Events implements store.Store.
func (r *Reader) Events(ctx context.Context, f store.EventFilter) ([]store.EventRecord, error) {
	query, args, err := r.d.Events(f)
	if err != nil {
		return nil, err
	}
	rows, err := r.q.Query(ctx, query, args...)
	return r.d.ScanEvents(rows, err)
}

// ScanEvents reads and closes the rows of a query of Events; err is that
// of the query, returned wrapped.
func (d *Dialect) ScanEvents(rows Rows, err error) ([]store.EventRecord, error) {
	return all(rows, err, "events", d.scanEvent)
}

func (d *Dialect) scanEvent(row sqlrow.Scanner) (store.EventRecord, error) {
	var r store.EventRecord
	var fat, inj, crowd sql.NullInt64
	var es sqlrow.EventScan
	dest := append([]any{&r.ID, &r.DocumentID, &r.NumMentions, &r.NumArticles, &r.NumSources,
		d.InstantDest(&r.FirstSeen), d.InstantDest(&r.LastSeen), &fat, &inj, &crowd}, es.Dest()...)
	if err := row.Scan(dest...); err != nil {
		return r, fmt.Errorf("scan event: %w", err)
	}
	r.Event = es.Event()
	r.Fatalities, r.Injuries, r.Crowd = sqlrow.IntPtr(fat), sqlrow.IntPtr(inj), sqlrow.IntPtr(crowd)
	return r, nil
}

// Event implements store.Store.
func (r *Reader) Event(ctx context.Context, id int64) (store.EventRecord, []store.Mention, error) {
	query, args := r.d.Event(id)
	rows, err := r.q.Query(ctx, query, args...)
	evs, err := r.d.ScanEvents(rows, err)
	if err != nil {
		return store.EventRecord{}, nil, fmt.Errorf("event %d: %w", id, err)
	}
	if len(evs) == 0 {
		return store.EventRecord{}, nil, fmt.Errorf("event %d: %w", id, store.ErrNotFound)
	}
	ms, err := r.Mentions(ctx, store.MentionFilter{EventID: id})
	if err != nil {
		return evs[0], nil, err
	}
	return evs[0], ms, nil
}

// Mentions implements store.Store.
func (r *Reader) Mentions(ctx context.Context, f store.MentionFilter) ([]store.Mention, error) {
	query, args, err := r.d.Mentions(f)
	if err != nil {
		return nil, err
	}
	rows, err := r.q.Query(ctx, query, args...)
	return all(rows, err, "mentions", func(row sqlrow.Scanner) (store.Mention, error) {
		var m store.Mention
		var es sqlrow.EventScan
		var anchor int
		dest := append([]any{&m.ID, &m.EventID, &m.DocumentID, &m.Index, &m.URL, &m.Title, &m.Outlet, &m.Origin,
			r.d.InstantDest(&m.Seen), &anchor, &m.AnchorSource}, es.Dest()...)
		if err := row.Scan(dest...); err != nil {
			return m, fmt.Errorf("scan mention: %w", err)
		}
		m.Event = es.Event()
		m.Anchor = store.DateFromKey(anchor)
		return m, nil
	})
}

// Quotes implements store.Store.
func (r *Reader) Quotes(ctx context.Context, f store.QuoteFilter) ([]store.QuoteRecord, error) {
	query, args, err := r.d.Quotes(f)
	if err != nil {
		return nil, err
	}
	rows, err := r.q.Query(ctx, query, args...)
	return all(rows, err, "quotes", func(row sqlrow.Scanner) (store.QuoteRecord, error) {
		var q store.QuoteRecord
		var sp sqlrow.ActorScan
		var date int
		dest := []any{&q.ID, &q.DocumentID, &q.Index, &q.Sentence, &q.Text, &q.Direct}
		dest = append(dest, sp.Dest()...)
		dest = append(dest, &date, &q.Span.Start, &q.Span.End, &q.URL, &q.Title, r.d.InstantDest(&q.Seen))
		if err := row.Scan(dest...); err != nil {
			return q, fmt.Errorf("scan quote: %w", err)
		}
		q.Speaker = sp.Actor()
		q.Date = store.DateFromKey(date)
		return q, nil
	})
}

// Actors implements store.Store.
func (r *Reader) Actors(ctx context.Context, f store.ActorFilter) ([]store.ActorRecord, error) {
	query, args, err := r.d.Actors(f)
	if err != nil {
		return nil, err
	}
	rows, err := r.q.Query(ctx, query, args...)
	return all(rows, err, "actors", func(row sqlrow.Scanner) (store.ActorRecord, error) {
		var a store.ActorRecord
		if err := row.Scan(&a.Code, &a.Name, &a.Text, &a.Country, &a.Role, &a.Count,
			r.d.InstantDest(&a.FirstSeen), r.d.InstantDest(&a.LastSeen)); err != nil {
			return a, fmt.Errorf("scan actor: %w", err)
		}
		return a, nil
	})
}

// Timeline implements store.Store.
func (r *Reader) Timeline(ctx context.Context, f store.EventFilter, b store.Bucket) ([]store.TimelinePoint, error) {
	query, args, err := r.d.Timeline(f, b)
	if err != nil {
		return nil, err
	}
	rows, err := r.q.Query(ctx, query, args...)
	days, err := all(rows, err, "timeline", func(row sqlrow.Scanner) (store.DayCount, error) {
		var d store.DayCount
		var key int
		if err := row.Scan(&key, &d.Events, &d.Mentions, &d.Fatalities); err != nil {
			return d, fmt.Errorf("scan timeline: %w", err)
		}
		d.Date = store.DateFromKey(key)
		return d, nil
	})
	if err != nil {
		return nil, err
	}
	return store.Buckets(days, b)
}

// Stats implements store.Store.
func (r *Reader) Stats(ctx context.Context) (store.Stats, error) {
	rows, err := r.q.Query(ctx, stats)
	st, err := all(rows, err, "stats", func(row sqlrow.Scanner) (store.Stats, error) {
		var st store.Stats
		err := row.Scan(&st.Documents, &st.Events, &st.Mentions, &st.Quotes, &st.Actors)
		return st, err
	})
	if err != nil {
		return store.Stats{}, fmt.Errorf("stats: %w", err)
	}
	if len(st) != 1 {
		return store.Stats{}, fmt.Errorf("stats: %d rows, want 1", len(st))
	}
	return st[0], nil
}

// scanDocument scans the columns of Documents, then the text if text is
// not nil.
func (d *Dialect) scanDocument(row sqlrow.Scanner, text *string) (*store.Document, error) {
	doc := &store.Document{Article: &event.Article{}}
	a := doc.Article
	var published, anchor int
	dest := []any{&doc.ID, &doc.Hash, &a.ID, &a.Source, &a.URL, &a.Title, &a.Byline, &published,
		d.InstantDest(&a.PublishedAt), &anchor, &a.AnchorSource, &doc.Outlet, &doc.Origin,
		d.InstantDest(&doc.IngestedAt), &doc.Fingerprint}
	if text != nil {
		dest = append(dest, text)
	}
	if err := row.Scan(dest...); err != nil {
		return nil, fmt.Errorf("scan document: %w", err)
	}
	a.Published, a.Anchor = store.DateFromKey(published), store.DateFromKey(anchor)
	return doc, nil
}

// Document implements store.Store.
func (r *Reader) Document(ctx context.Context, id int64) (*store.Document, error) {
	var text string
	query, args := r.d.Document(id)
	rows, err := r.q.Query(ctx, query, args...)
	docs, err := all(rows, err, "document", func(row sqlrow.Scanner) (*store.Document, error) {
		return r.d.scanDocument(row, &text)
	})
	if err != nil {
		return nil, fmt.Errorf("document %d: %w", id, err)
	}
	if len(docs) == 0 {
		return nil, fmt.Errorf("document %d: %w", id, store.ErrNotFound)
	}
	doc := docs[0]
	doc.Article.Text = text
	ms, err := r.Mentions(ctx, store.MentionFilter{DocumentID: id})
	if err != nil {
		return nil, fmt.Errorf("document %d: %w", id, err)
	}
	for _, m := range ms {
		doc.Events = append(doc.Events, m.Event)
	}
	qs, err := r.Quotes(ctx, store.QuoteFilter{DocumentID: id})
	if err != nil {
		return nil, fmt.Errorf("document %d: %w", id, err)
	}
	for _, q := range qs {
		doc.Quotes = append(doc.Quotes, q.Quote)
	}
	return doc, nil
}

// Documents implements store.Store.
func (r *Reader) Documents(ctx context.Context, f store.DocumentFilter) ([]*store.Document, error) {
	query, args, err := r.d.Documents(f)
	if err != nil {
		return nil, err
	}
	rows, err := r.q.Query(ctx, query, args...)
	return all(rows, err, "documents", func(row sqlrow.Scanner) (*store.Document, error) {
		return r.d.scanDocument(row, nil)
	})
}
