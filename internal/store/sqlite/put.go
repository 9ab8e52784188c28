package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/annals-project/annals/internal/event"
	"github.com/annals-project/annals/internal/store"
	"github.com/annals-project/annals/internal/store/sqlq"
	"github.com/annals-project/annals/internal/store/sqlrow"
)

// The statements of a write, prepared once by Open.
const (
	sqlHash       = `SELECT id FROM documents WHERE hash = ?`
	sqlSourceSeen = `SELECT EXISTS (SELECT 1 FROM mentions m
					JOIN documents d ON d.id = m.document_id
					WHERE m.event_id = ? AND m.document_id <> ? AND d.source_key = ?)`
	sqlUpdateEvent = `UPDATE events SET
			mention_id = coalesce(mention_id, ?1),
			num_mentions = num_mentions + 1,
			num_articles = num_articles + ?2,
			num_sources = num_sources + ?3,
			first_seen = min(first_seen, ?4),
			last_seen = max(last_seen, ?4),
			fatalities = max(coalesce(fatalities, ?5), coalesce(?5, fatalities)),
			injuries = max(coalesce(injuries, ?6), coalesce(?6, injuries)),
			crowd = max(coalesce(crowd, ?7), coalesce(?7, crowd))
			WHERE id = ?8`
	sqlQuote = `INSERT INTO quotes (document_id, idx, sentence, text, direct,
			sp_text, sp_code, sp_country, sp_role, sp_name, sp_start, sp_end, speaker_text, date, span_start, span_end)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
	sqlActor = `INSERT INTO actors (code, name, text, country, role, fold, count, first_seen, last_seen)
			VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)
			ON CONFLICT (code, name) DO UPDATE SET
				count = actors.count + excluded.count,
				first_seen = min(actors.first_seen, excluded.first_seen),
				last_seen = max(actors.last_seen, excluded.last_seen)`
)

// The statements of a write that take the column lists of sqlrow.
var (
	sqlDocument = `INSERT INTO documents (` + strings.Join(sqlrow.DocumentCols(), ", ") + `) VALUES (?` +
		strings.Repeat(", ?", len(sqlrow.DocumentCols())-1) + `) RETURNING id`
	sqlEvent = `INSERT INTO events (document_id, ` + strings.Join(sqlrow.EventRowCols(), ", ") + `, first_seen, last_seen)
		VALUES (?` + strings.Repeat(", ?", len(sqlrow.EventRowCols())+2) + `) RETURNING id`
	sqlMention = `INSERT INTO mentions (event_id, document_id, idx, ` + strings.Join(sqlrow.EventCols(), ", ") +
		`) VALUES (?, ?, ?` + strings.Repeat(", ?", len(sqlrow.EventCols())) + `) RETURNING id`
)

// PutDocument implements store.Store.
func (s *Store) PutDocument(ctx context.Context, doc *store.Document, m store.Merger) (store.PutResult, error) {
	res, err := s.PutDocuments(ctx, []*store.Document{doc}, m)
	if err != nil {
		return store.PutResult{}, err
	}
	return res[0], nil
}

// PutDocuments implements store.Store.
func (s *Store) PutDocuments(ctx context.Context, docs []*store.Document, m store.Merger) ([]store.PutResult, error) {
	if err := store.PrepareDocuments(docs); err != nil {
		return nil, err
	}
	ingested := s.now().UTC().Truncate(time.Microsecond)
	w, err := s.lockWriter(ctx)
	if err != nil {
		return nil, fmt.Errorf("put documents: %w", err)
	}
	defer s.unlockWriter(w)
	res := make([]store.PutResult, len(docs))
	err = w.inTx(ctx, func() error {
		for i, d := range docs {
			var err error
			if res[i], err = s.put(ctx, w, d, m, ingested); err != nil {
				return fmt.Errorf("put document %q: %w", d.Article.ID, err)
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	sqlrow.Stamp(docs, res, ingested)
	return res, nil
}

func (s *Store) put(ctx context.Context, p *writer, doc *store.Document, m store.Merger, ingested time.Time) (store.PutResult, error) {
	var res store.PutResult
	err := p.QueryRowContext(ctx, sqlHash, doc.Hash).Scan(&res.Document)
	switch {
	case err == nil:
		res.Skipped = true
		return res, nil
	case !errors.Is(err, sql.ErrNoRows):
		return res, fmt.Errorf("look up hash: %w", err)
	}

	a := doc.Article
	args, seen := sqlrow.DocumentArgs(doc, ingested, s.d.InstantArg)
	if err := p.QueryRowContext(ctx, sqlDocument, args...).Scan(&res.Document); err != nil {
		return res, fmt.Errorf("insert document: %w", err)
	}
	docID := res.Document
	sourceKey := doc.OriginKey()

	var actors sqlrow.ActorCounts

	created := map[int64]bool{} // events this document created
	touched := map[int64]bool{} // events this document has mentioned
	for i := range doc.Events {
		ev := &doc.Events[i]
		men := &store.Mention{DocumentID: docID, Index: i, Event: *ev, URL: a.URL, Title: a.Title,
			Outlet: doc.Outlet, Origin: sourceKey, Seen: seen, Anchor: a.Anchor, AnchorSource: a.AnchorSource}
		var eid int64
		if m != nil {
			if f, ok := m.Candidates(men); ok {
				if f.Limit == 0 {
					f.Limit = store.DefaultCandidateLimit
				}
				cands, err := p.rd.Events(ctx, f)
				if err != nil {
					return res, fmt.Errorf("event %d: candidates: %w", i, err)
				}
				eid = m.Merge(men, cands)
			}
		}
		if eid == 0 {
			var err error
			if eid, err = insertEvent(ctx, p, ev, docID, seen); err != nil {
				return res, fmt.Errorf("event %d: %w", i, err)
			}
			created[eid] = true
			res.NewEvents++
		} else if !created[eid] {
			res.Merged++
		}
		args := append([]any{eid, docID, i}, sqlrow.EventArgs(ev)...)
		var mid int64
		if err := p.QueryRowContext(ctx, sqlMention, args...).Scan(&mid); err != nil {
			if isForeignKey(err) {
				return res, fmt.Errorf("event %d: merge into event %d: %w", i, eid, store.ErrConflict)
			}
			return res, fmt.Errorf("event %d: insert mention: %w", i, err)
		}
		articles, sources := 0, 0
		if !touched[eid] {
			touched[eid] = true
			articles = 1
			if created[eid] || sourceKey == "" {
				sources = 1
			} else {
				var dup int
				if err := p.QueryRowContext(ctx, sqlSourceSeen,
					eid, docID, sourceKey).Scan(&dup); err != nil {
					return res, fmt.Errorf("event %d: count sources: %w", i, err)
				}
				sources = 1 - dup
			}
		}
		r, err := p.exec(ctx, sqlUpdateEvent,
			mid, articles, sources, micros(seen), sqlrow.IntArg(ev.Fatalities), sqlrow.IntArg(ev.Injuries), sqlrow.IntArg(ev.Crowd), eid)
		if err != nil {
			return res, fmt.Errorf("event %d: update event %d: %w", i, eid, err)
		}
		if n, err := r.RowsAffected(); err != nil || n != 1 {
			return res, fmt.Errorf("event %d: merge into event %d: %w", i, eid, store.ErrConflict)
		}
		res.Mentions++
		actors.Add(ev.Source)
		actors.Add(ev.Target)
	}

	for i := range doc.Quotes {
		q := &doc.Quotes[i]
		args := []any{docID, i, q.Sentence, q.Text, q.Direct}
		args = append(args, sqlrow.ActorArgs(q.Speaker)...)
		args = append(args, sqlrow.ActorText(q.Speaker), store.DateKey(q.Date), q.Span.Start, q.Span.End)
		if _, err := p.exec(ctx, sqlQuote, args...); err != nil {
			return res, fmt.Errorf("quote %d: %w", i, err)
		}
		res.Quotes++
		actors.Add(q.Speaker)
	}

	for _, g := range actors.Sorted() {
		f := g.First
		if _, err := p.exec(ctx, sqlActor,
			g.Code, g.Name, f.Text, f.Country, f.Role, sqlrow.ActorText(f), g.Count, micros(seen)); err != nil {
			return res, fmt.Errorf("actor %s %q: %w", g.Code, g.Name, err)
		}
	}
	return res, nil
}

func insertEvent(ctx context.Context, p *writer, ev *event.Event, docID int64, seen time.Time) (int64, error) {
	args := sqlrow.AppendEventRowArgs(append(make([]any, 0, 16), docID), ev)
	var id int64
	err := p.QueryRowContext(ctx, sqlEvent, append(args, micros(seen), micros(seen))...).Scan(&id)
	if err != nil {
		return 0, fmt.Errorf("insert event: %w", err)
	}
	return id, nil
}

// isForeignKey reports whether err is a foreign key violation.
func isForeignKey(err error) bool {
	return err != nil && strings.Contains(err.Error(), "FOREIGN KEY constraint failed")
}

// A writer is the one connection that writes. It runs transactions by hand
// (BEGIN IMMEDIATE … COMMIT) so that statements prepared on it, including
// the dynamic candidate queries of a Merger, are cached across
// transactions. It is used by one goroutine at a time (Store.lockWriter).
type writer struct {
	c     *sql.Conn
	stmts map[string]*sql.Stmt
	// rd reads through the writer, inside its transaction.
	rd *sqlq.Reader
}

// maxStmts bounds the statement cache; it is emptied when full.
const maxStmts = 128

func (w *writer) stmt(ctx context.Context, query string) (*sql.Stmt, error) {
	if st := w.stmts[query]; st != nil {
		return st, nil
	}
	if len(w.stmts) >= maxStmts {
		w.closeStmts()
	}
	st, err := w.c.PrepareContext(ctx, query)
	if err != nil {
		return nil, err
	}
	w.stmts[query] = st
	return st, nil
}

func (w *writer) closeStmts() error {
	var errs []error
	for q, st := range w.stmts {
		errs = append(errs, st.Close())
		delete(w.stmts, q)
	}
	return errors.Join(errs...)
}

// QueryContext runs a cached statement.
func (w *writer) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	st, err := w.stmt(ctx, query)
	if err != nil {
		return nil, err
	}
	return st.QueryContext(ctx, args...)
}

// QueryRowContext runs a cached statement; a statement that does not
// prepare runs unprepared, to return its error from Scan.
func (w *writer) QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row {
	st, err := w.stmt(ctx, query)
	if err != nil {
		return w.c.QueryRowContext(ctx, query, args...)
	}
	return st.QueryRowContext(ctx, args...)
}

func (w *writer) exec(ctx context.Context, query string, args ...any) (sql.Result, error) {
	st, err := w.stmt(ctx, query)
	if err != nil {
		return nil, err
	}
	return st.ExecContext(ctx, args...)
}

// inTx runs fn in a write transaction: committed if fn returns nil, rolled
// back otherwise, also when ctx is done.
func (w *writer) inTx(ctx context.Context, fn func() error) error {
	if _, err := w.c.ExecContext(ctx, "BEGIN IMMEDIATE"); err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	if err := fn(); err != nil {
		// The rollback must run even when ctx is done.
		if _, rerr := w.c.ExecContext(context.WithoutCancel(ctx), "ROLLBACK"); rerr != nil {
			return errors.Join(err, fmt.Errorf("rollback: %w", rerr))
		}
		return err
	}
	if _, err := w.c.ExecContext(ctx, "COMMIT"); err != nil {
		w.c.ExecContext(context.WithoutCancel(ctx), "ROLLBACK")
		return fmt.Errorf("commit: %w", err)
	}
	return nil
}
