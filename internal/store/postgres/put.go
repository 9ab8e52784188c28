package postgres

import (
	"cmp"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/jackc/pgx/v5/pgconn"

	"github.com/annals-project/annals/internal/event"
	"github.com/annals-project/annals/internal/store"
)

var insertMentionSQL = `INSERT INTO mentions (event_id, document_id, idx, ` + strings.Join(eventCols, ", ") +
	`) VALUES (` + placeholders(1, 3+len(eventCols)) + `) RETURNING id`

// placeholders returns "$from, …, $to".
func placeholders(from, to int) string {
	var b strings.Builder
	for i := from; i <= to; i++ {
		if i > from {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "$%d", i)
	}
	return b.String()
}

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
	for _, d := range docs {
		if err := d.Validate(); err != nil {
			return nil, fmt.Errorf("put document: %w", err)
		}
		if d.Hash == "" {
			d.Hash = store.ContentHash(d.Article)
		}
	}
	ingested := ts(s.now())
	res := make([]store.PutResult, len(docs))
	err := s.inLock(ctx, func(tx *sql.Tx) error {
		for i, d := range docs {
			var err error
			if res[i], err = s.put(ctx, tx, d, m, ingested); err != nil {
				return fmt.Errorf("put document %q: %w", d.Article.ID, err)
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("put documents: %w", err)
	}
	stamp(docs, res, ingested)
	return res, nil
}

// stamp sets the ID and ingest time of the documents a committed batch
// stored.
func stamp(docs []*store.Document, res []store.PutResult, ingested time.Time) {
	for i, d := range docs {
		if !res[i].Skipped {
			d.ID, d.IngestedAt = res[i].Document, ingested
		}
	}
}

// actorAgg accumulates one actor's occurrences in a document.
type actorAgg struct {
	code, name string
	first      *event.Actor
	count      int
}

func (s *Store) put(ctx context.Context, tx *sql.Tx, doc *store.Document, m store.Merger, ingested time.Time) (store.PutResult, error) {
	var res store.PutResult
	err := tx.QueryRowContext(ctx, `SELECT id FROM documents WHERE hash = $1`, doc.Hash).Scan(&res.Document)
	switch {
	case err == nil:
		res.Skipped = true
		return res, nil
	case !errors.Is(err, sql.ErrNoRows):
		return res, fmt.Errorf("look up hash: %w", err)
	}

	a := doc.Article
	d := *doc
	d.IngestedAt = ingested
	seen := d.Seen()
	var publishedAt any
	if !a.PublishedAt.IsZero() {
		publishedAt = ts(a.PublishedAt)
	}
	if err := tx.QueryRowContext(ctx, `INSERT INTO documents (hash, article_id, source, url, title, byline,
		published, published_at, anchor, anchor_source, outlet, origin, source_key, text, ingested_at, seen)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16) RETURNING id`,
		doc.Hash, a.ID, a.Source, a.URL, a.Title, a.Byline,
		store.DateKey(a.Published), publishedAt, store.DateKey(a.Anchor), a.AnchorSource,
		doc.Outlet, doc.Origin, doc.OriginKey(), a.Text, ingested, seen,
	).Scan(&res.Document); err != nil {
		return res, fmt.Errorf("insert document: %w", err)
	}
	docID := res.Document
	sourceKey := doc.OriginKey()

	actors := map[[2]string]*actorAgg{}
	addActor := func(ac *event.Actor) {
		if ac == nil {
			return
		}
		code, name := store.ActorKey(ac)
		k := [2]string{code, name}
		if g := actors[k]; g != nil {
			g.count++
			return
		}
		actors[k] = &actorAgg{code: code, name: name, first: ac, count: 1}
	}

	created := map[int64]bool{} // events this document created
	touched := map[int64]bool{} // events this document has mentioned
	for i := range doc.Events {
		ev := &doc.Events[i]
		men := &store.Mention{DocumentID: docID, Index: i, Event: *ev, URL: a.URL, Title: a.Title,
			Outlet: doc.Outlet, Origin: sourceKey, Seen: seen}
		var eid int64
		if m != nil {
			if f, ok := m.Candidates(men); ok {
				if f.Limit == 0 {
					f.Limit = store.DefaultCandidateLimit
				}
				cands, err := s.events(ctx, tx, f)
				if err != nil {
					return res, fmt.Errorf("event %d: candidates: %w", i, err)
				}
				eid = m.Merge(men, cands)
			}
		}
		if eid == 0 {
			var err error
			if eid, err = insertEvent(ctx, tx, ev, docID, seen); err != nil {
				return res, fmt.Errorf("event %d: %w", i, err)
			}
			created[eid] = true
			res.NewEvents++
		} else if !created[eid] {
			res.Merged++
		}
		args := append([]any{eid, docID, i}, eventArgs(ev)...)
		var mid int64
		if err := tx.QueryRowContext(ctx, insertMentionSQL, args...).Scan(&mid); err != nil {
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
				var dup bool
				if err := tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM mentions m
					JOIN documents d ON d.id = m.document_id
					WHERE m.event_id = $1 AND m.document_id <> $2 AND d.source_key = $3)`,
					eid, docID, sourceKey).Scan(&dup); err != nil {
					return res, fmt.Errorf("event %d: count sources: %w", i, err)
				}
				if !dup {
					sources = 1
				}
			}
		}
		r, err := tx.ExecContext(ctx, `UPDATE events SET
			mention_id = coalesce(mention_id, $1),
			num_mentions = num_mentions + 1,
			num_articles = num_articles + $2,
			num_sources = num_sources + $3,
			first_seen = LEAST(first_seen, $4),
			last_seen = GREATEST(last_seen, $4),
			fatalities = GREATEST(fatalities, $5),
			injuries = GREATEST(injuries, $6),
			crowd = GREATEST(crowd, $7)
			WHERE id = $8`,
			mid, articles, sources, seen, intArg(ev.Fatalities), intArg(ev.Injuries), intArg(ev.Crowd), eid)
		if err != nil {
			return res, fmt.Errorf("event %d: update event %d: %w", i, eid, err)
		}
		if n, err := r.RowsAffected(); err != nil || n != 1 {
			return res, fmt.Errorf("event %d: merge into event %d: %w", i, eid, store.ErrConflict)
		}
		res.Mentions++
		addActor(ev.Source)
		addActor(ev.Target)
	}

	for i := range doc.Quotes {
		q := &doc.Quotes[i]
		args := []any{docID, i, q.Sentence, q.Text, q.Direct}
		args = append(args, actorArgs(q.Speaker)...)
		args = append(args, actorText(q.Speaker), store.DateKey(q.Date), q.Span.Start, q.Span.End)
		if _, err := tx.ExecContext(ctx, `INSERT INTO quotes (document_id, idx, sentence, text, direct,
			sp_text, sp_code, sp_country, sp_role, sp_name, sp_start, sp_end, speaker_text, date, span_start, span_end)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)`, args...); err != nil {
			return res, fmt.Errorf("quote %d: %w", i, err)
		}
		res.Quotes++
		addActor(q.Speaker)
	}

	aggs := make([]*actorAgg, 0, len(actors))
	for _, g := range actors {
		aggs = append(aggs, g)
	}
	slices.SortFunc(aggs, func(x, y *actorAgg) int {
		return cmp.Or(cmp.Compare(x.code, y.code), cmp.Compare(x.name, y.name))
	})
	for _, g := range aggs {
		f := g.first
		if _, err := tx.ExecContext(ctx, `INSERT INTO actors (code, name, text, country, role, fold, count, first_seen, last_seen)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8)
			ON CONFLICT (code, name) DO UPDATE SET
				count = actors.count + excluded.count,
				first_seen = LEAST(actors.first_seen, excluded.first_seen),
				last_seen = GREATEST(actors.last_seen, excluded.last_seen)`,
			g.code, g.name, f.Text, f.Country, f.Role, actorText(f), g.count, seen); err != nil {
			return res, fmt.Errorf("actor %s %q: %w", g.code, g.name, err)
		}
	}
	return res, nil
}

func insertEvent(ctx context.Context, tx *sql.Tx, ev *event.Event, docID int64, seen time.Time) (int64, error) {
	var country string
	var lat, lon any
	if l := ev.Location; l != nil {
		country, lat, lon = l.Country, l.Lat, l.Lon
	}
	var src, tgt string
	if ev.Source != nil {
		src = ev.Source.Code
	}
	if ev.Target != nil {
		tgt = ev.Target.Code
	}
	var id int64
	err := tx.QueryRowContext(ctx, `INSERT INTO events (document_id, cameo, root, quad_class, plover, acled_type,
		acled_subtype, date, country, lat, lon, source_code, target_code, actor_text, first_seen, last_seen)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16) RETURNING id`,
		docID, ev.CAMEO, ev.Root, ev.QuadClass, ev.PLOVER, ev.ACLEDType, ev.ACLEDSubtype,
		store.DateKey(ev.Date), country, lat, lon, src, tgt, actorText(ev.Source, ev.Target), seen, seen,
	).Scan(&id)
	if err != nil {
		return 0, fmt.Errorf("insert event: %w", err)
	}
	return id, nil
}

// isForeignKey reports whether err is a foreign key violation.
func isForeignKey(err error) bool {
	var pe *pgconn.PgError
	return errors.As(err, &pe) && pe.Code == "23503"
}
