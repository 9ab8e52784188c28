package postgres

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/annals-project/annals/internal/event"
	"github.com/annals-project/annals/internal/store"
	"github.com/annals-project/annals/internal/store/sqlq"
	"github.com/annals-project/annals/internal/store/sqlrow"
)

// querier is what *pgxpool.Pool and pgx.Tx have in common.
type querier interface {
	Query(ctx context.Context, query string, args ...any) (pgx.Rows, error)
	QueryRow(ctx context.Context, query string, args ...any) pgx.Row
}

func (s *Store) events(ctx context.Context, q querier, f store.EventFilter) ([]store.EventRecord, error) {
	query, args, err := s.d.Events(f)
	if err != nil {
		return nil, err
	}
	rows, err := q.Query(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("query events: %w", err)
	}
	return scanEvents(rows)
}

// scanEvents reads and closes rows of sqlq.Dialect.Events.
func scanEvents(rows pgx.Rows) ([]store.EventRecord, error) {
	defer rows.Close()
	var out []store.EventRecord
	for rows.Next() {
		r, err := scanEventRecord(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("query events: %w", err)
	}
	return out, nil
}

func scanEventRecord(row sqlrow.Scanner) (store.EventRecord, error) {
	var r store.EventRecord
	var first, last time.Time
	var fat, inj, crowd sql.NullInt64
	var es sqlrow.EventScan
	dest := append([]any{&r.ID, &r.DocumentID, &r.NumMentions, &r.NumArticles, &r.NumSources, &first, &last,
		&fat, &inj, &crowd}, es.Dest()...)
	if err := row.Scan(dest...); err != nil {
		return r, fmt.Errorf("scan event: %w", err)
	}
	r.Event = es.Event()
	r.Fatalities, r.Injuries, r.Crowd = sqlrow.IntPtr(fat), sqlrow.IntPtr(inj), sqlrow.IntPtr(crowd)
	r.FirstSeen, r.LastSeen = first.UTC(), last.UTC()
	return r, nil
}

// Events implements store.Store.
func (s *Store) Events(ctx context.Context, f store.EventFilter) ([]store.EventRecord, error) {
	return s.events(ctx, s.pool, f)
}

// Event implements store.Store.
func (s *Store) Event(ctx context.Context, id int64) (store.EventRecord, []store.Mention, error) {
	query, args := s.d.Event(id)
	r, err := scanEventRecord(s.pool.QueryRow(ctx, query, args...))
	if errors.Is(err, pgx.ErrNoRows) {
		return r, nil, fmt.Errorf("event %d: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return r, nil, fmt.Errorf("event %d: %w", id, err)
	}
	ms, err := s.Mentions(ctx, store.MentionFilter{EventID: id})
	if err != nil {
		return r, nil, err
	}
	return r, ms, nil
}

// Mentions implements store.Store.
func (s *Store) Mentions(ctx context.Context, f store.MentionFilter) ([]store.Mention, error) {
	query, args, err := s.d.Mentions(f)
	if err != nil {
		return nil, err
	}
	rows, err := s.pool.Query(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("query mentions: %w", err)
	}
	defer rows.Close()
	var out []store.Mention
	for rows.Next() {
		var m store.Mention
		var seen time.Time
		var es sqlrow.EventScan
		dest := append([]any{&m.ID, &m.EventID, &m.DocumentID, &m.Index, &m.URL, &m.Title, &m.Outlet, &m.Origin, &seen},
			es.Dest()...)
		if err := rows.Scan(dest...); err != nil {
			return nil, fmt.Errorf("scan mention: %w", err)
		}
		m.Event = es.Event()
		m.Seen = seen.UTC()
		out = append(out, m)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("query mentions: %w", err)
	}
	return out, nil
}

// Quotes implements store.Store.
func (s *Store) Quotes(ctx context.Context, f store.QuoteFilter) ([]store.QuoteRecord, error) {
	query, args, err := s.d.Quotes(f)
	if err != nil {
		return nil, err
	}
	rows, err := s.pool.Query(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("query quotes: %w", err)
	}
	defer rows.Close()
	var out []store.QuoteRecord
	for rows.Next() {
		var r store.QuoteRecord
		var sp sqlrow.ActorScan
		var date int
		var seen time.Time
		dest := []any{&r.ID, &r.DocumentID, &r.Index, &r.Sentence, &r.Text, &r.Direct}
		dest = append(dest, sp.Dest()...)
		dest = append(dest, &date, &r.Span.Start, &r.Span.End, &r.URL, &r.Title, &seen)
		if err := rows.Scan(dest...); err != nil {
			return nil, fmt.Errorf("scan quote: %w", err)
		}
		r.Speaker = sp.Actor()
		r.Date = store.DateFromKey(date)
		r.Seen = seen.UTC()
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("query quotes: %w", err)
	}
	return out, nil
}

// Actors implements store.Store.
func (s *Store) Actors(ctx context.Context, f store.ActorFilter) ([]store.ActorRecord, error) {
	query, args, err := s.d.Actors(f)
	if err != nil {
		return nil, err
	}
	rows, err := s.pool.Query(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("query actors: %w", err)
	}
	defer rows.Close()
	var out []store.ActorRecord
	for rows.Next() {
		var r store.ActorRecord
		var first, last time.Time
		if err := rows.Scan(&r.Code, &r.Name, &r.Text, &r.Country, &r.Role, &r.Count, &first, &last); err != nil {
			return nil, fmt.Errorf("scan actor: %w", err)
		}
		r.FirstSeen, r.LastSeen = first.UTC(), last.UTC()
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("query actors: %w", err)
	}
	return out, nil
}

// Timeline implements store.Store.
func (s *Store) Timeline(ctx context.Context, f store.EventFilter, b store.Bucket) ([]store.TimelinePoint, error) {
	query, args, err := s.d.Timeline(f, b)
	if err != nil {
		return nil, err
	}
	rows, err := s.pool.Query(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("query timeline: %w", err)
	}
	defer rows.Close()
	var days []store.DayCount
	for rows.Next() {
		var d store.DayCount
		var key int
		if err := rows.Scan(&key, &d.Events, &d.Mentions, &d.Fatalities); err != nil {
			return nil, fmt.Errorf("scan timeline: %w", err)
		}
		d.Date = store.DateFromKey(key)
		days = append(days, d)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("query timeline: %w", err)
	}
	return store.Buckets(days, b)
}

// Stats implements store.Store.
func (s *Store) Stats(ctx context.Context) (store.Stats, error) {
	var st store.Stats
	err := s.pool.QueryRow(ctx, sqlq.Stats).Scan(&st.Documents, &st.Events, &st.Mentions, &st.Quotes, &st.Actors)
	if err != nil {
		return st, fmt.Errorf("stats: %w", err)
	}
	return st, nil
}

func scanDocument(row sqlrow.Scanner, text *string) (*store.Document, error) {
	d := &store.Document{Article: &event.Article{}}
	a := d.Article
	var published, anchor int
	var publishedAt sql.NullTime
	var ingested time.Time
	dest := []any{&d.ID, &d.Hash, &a.ID, &a.Source, &a.URL, &a.Title, &a.Byline, &published, &publishedAt,
		&anchor, &a.AnchorSource, &d.Outlet, &d.Origin, &ingested, &d.Fingerprint}
	if text != nil {
		dest = append(dest, text)
	}
	if err := row.Scan(dest...); err != nil {
		return nil, err
	}
	a.Published, a.Anchor = store.DateFromKey(published), store.DateFromKey(anchor)
	if publishedAt.Valid {
		a.PublishedAt = publishedAt.Time.UTC()
	}
	d.IngestedAt = ingested.UTC()
	return d, nil
}

// Document implements store.Store.
func (s *Store) Document(ctx context.Context, id int64) (*store.Document, error) {
	var text string
	query, args := s.d.Document(id)
	d, err := scanDocument(s.pool.QueryRow(ctx, query, args...), &text)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, fmt.Errorf("document %d: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("document %d: %w", id, err)
	}
	d.Article.Text = text
	ms, err := s.Mentions(ctx, store.MentionFilter{DocumentID: id})
	if err != nil {
		return nil, fmt.Errorf("document %d: %w", id, err)
	}
	for _, m := range ms {
		d.Events = append(d.Events, m.Event)
	}
	qs, err := s.Quotes(ctx, store.QuoteFilter{DocumentID: id})
	if err != nil {
		return nil, fmt.Errorf("document %d: %w", id, err)
	}
	for _, q := range qs {
		d.Quotes = append(d.Quotes, q.Quote)
	}
	return d, nil
}

// Documents implements store.Store.
func (s *Store) Documents(ctx context.Context, f store.DocumentFilter) ([]*store.Document, error) {
	query, args, err := s.d.Documents(f)
	if err != nil {
		return nil, err
	}
	rows, err := s.pool.Query(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("query documents: %w", err)
	}
	defer rows.Close()
	var out []*store.Document
	for rows.Next() {
		d, err := scanDocument(rows, nil)
		if err != nil {
			return nil, fmt.Errorf("scan document: %w", err)
		}
		out = append(out, d)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("query documents: %w", err)
	}
	return out, nil
}
