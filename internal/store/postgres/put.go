package postgres

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"github.com/annals-project/annals/internal/event"
	"github.com/annals-project/annals/internal/store"
	"github.com/annals-project/annals/internal/store/sqlrow"
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
//
// The statements of a batch are pipelined: they go to the server together
// and their results come back together, new rows referring to one another
// through the sequences' currval. Without a Merger a whole batch costs a
// few round trips; with one, each mention whose candidates are looked up
// costs one more.
func (s *Store) PutDocuments(ctx context.Context, docs []*store.Document, m store.Merger) ([]store.PutResult, error) {
	if err := store.PrepareDocuments(docs); err != nil {
		return nil, err
	}
	hashes := make([]string, len(docs))
	for i, d := range docs {
		hashes[i] = d.Hash
	}
	ingested := ts(s.now())
	res := make([]store.PutResult, len(docs))
	err := s.inLock(ctx, func(tx pgx.Tx) error {
		stored := map[string]int64{}
		rows, err := tx.Query(ctx, `SELECT hash, id FROM documents WHERE hash = ANY($1)`, hashes)
		if err != nil {
			return fmt.Errorf("look up hashes: %w", err)
		}
		for rows.Next() {
			var h string
			var id int64
			if err := rows.Scan(&h, &id); err != nil {
				return fmt.Errorf("look up hashes: %w", err)
			}
			stored[h] = id
		}
		if err := rows.Err(); err != nil {
			return fmt.Errorf("look up hashes: %w", err)
		}
		p := &pipe{tx: tx, b: &pgx.Batch{}}
		for i, d := range docs {
			if id, ok := stored[d.Hash]; ok {
				res[i] = store.PutResult{Document: id, Skipped: true}
				continue
			}
			if err := s.put(ctx, p, d, m, ingested, &res[i]); err != nil {
				return fmt.Errorf("put document %q: %w", d.Article.ID, err)
			}
			// A later copy in the batch is skipped; its ID is known once
			// the pipe is flushed.
			stored[d.Hash] = -1 - int64(i)
		}
		if err := p.flush(ctx); err != nil {
			return err
		}
		for i, d := range docs {
			if id := stored[d.Hash]; res[i].Skipped && id < 0 {
				res[i].Document = res[-1-id].Document
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("put documents: %w", err)
	}
	sqlrow.Stamp(docs, res, ingested)
	return res, nil
}

// A pipe queues statements of a write transaction until their results are
// needed.
type pipe struct {
	tx pgx.Tx
	b  *pgx.Batch
}

// flush sends the queued statements and runs their callbacks. A foreign key
// violation means a Merger chose an event that does not exist.
func (p *pipe) flush(ctx context.Context) error {
	if p.b.Len() == 0 {
		return nil
	}
	err := p.tx.SendBatch(ctx, p.b).Close()
	p.b = &pgx.Batch{}
	var pe *pgconn.PgError
	if errors.As(err, &pe) && pe.Code == "23503" {
		return fmt.Errorf("merge into a missing event: %w", store.ErrConflict)
	}
	return err
}

func (s *Store) put(ctx context.Context, p *pipe, doc *store.Document, m store.Merger, ingested time.Time, res *store.PutResult) error {
	a := doc.Article
	args, seen := sqlrow.DocumentArgs(doc, ingested, s.d.InstantArg)
	p.b.Queue(s.st.insertDocument, args...).QueryRow(func(row pgx.Row) error { return row.Scan(&res.Document) })
	sourceKey := doc.OriginKey()
	if m != nil && len(doc.Events) > 0 {
		// A Merger sees the document's ID.
		if err := p.flush(ctx); err != nil {
			return err
		}
	}

	var actors sqlrow.ActorCounts

	created := map[int64]bool{} // events this document created, known after a flush
	touched := map[int64]bool{} // events this document has mentioned
	for i := range doc.Events {
		ev := &doc.Events[i]
		var eid int64
		if m != nil {
			men := &store.Mention{DocumentID: res.Document, Index: i, Event: *ev, URL: a.URL, Title: a.Title,
				Outlet: doc.Outlet, Origin: sourceKey, Seen: seen, Anchor: a.Anchor, AnchorSource: a.AnchorSource}
			f, ok := m.Candidates(men)
			if ok {
				if f.Limit == 0 {
					f.Limit = store.DefaultCandidateLimit
				}
				query, args, err := s.d.Events(f)
				if err != nil {
					return fmt.Errorf("event %d: candidates: %w", i, err)
				}
				// The candidates ride with the writes of the previous
				// mention: one round trip.
				var cands []store.EventRecord
				p.b.Queue(query, args...).Query(func(rows pgx.Rows) error {
					var err error
					cands, err = s.d.ScanEvents(pgRows{rows}, nil)
					return err
				})
				if err := p.flush(ctx); err != nil {
					return fmt.Errorf("event %d: candidates: %w", i, err)
				}
				eid = m.Merge(men, cands)
			}
		}
		args := append([]any{i}, sqlrow.EventArgs(ev)...)
		if eid == 0 {
			s.queueEvent(p, ev, seen, func(id int64) { created[id], touched[id] = true, true })
			p.b.Queue(s.st.insertNewMention, args...)
			res.NewEvents++
		} else {
			if !created[eid] {
				res.Merged++
			}
			first := !touched[eid]
			touched[eid] = true
			p.b.Queue(s.st.insertMention, append([]any{eid}, args...)...)
			p.b.Queue(s.st.updateEvent, eid, first, sourceKey, seen,
				sqlrow.IntArg(ev.Fatalities), sqlrow.IntArg(ev.Injuries), sqlrow.IntArg(ev.Crowd),
			).Exec(func(ct pgconn.CommandTag) error {
				if ct.RowsAffected() != 1 {
					return fmt.Errorf("event %d: merge into event %d: %w", i, eid, store.ErrConflict)
				}
				return nil
			})
		}
		res.Mentions++
		actors.Add(ev.Source)
		actors.Add(ev.Target)
	}

	for i := range doc.Quotes {
		q := &doc.Quotes[i]
		args := []any{i, q.Sentence, q.Text, q.Direct}
		args = append(args, sqlrow.ActorArgs(q.Speaker)...)
		args = append(args, sqlrow.ActorText(q.Speaker), store.DateKey(q.Date), q.Span.Start, q.Span.End)
		p.b.Queue(s.st.insertQuote, args...)
		res.Quotes++
		actors.Add(q.Speaker)
	}

	for _, g := range actors.Sorted() {
		f := g.First
		p.b.Queue(`INSERT INTO actors (code, name, text, country, role, fold, count, first_seen, last_seen)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8)
			ON CONFLICT (code, name) DO UPDATE SET
				count = actors.count + excluded.count,
				first_seen = LEAST(actors.first_seen, excluded.first_seen),
				last_seen = GREATEST(actors.last_seen, excluded.last_seen)`,
			g.Code, g.Name, f.Text, f.Country, f.Role, sqlrow.ActorText(f), g.Count, seen)
	}
	return nil
}

// queueEvent queues the insertion of a new event with the counts of its
// first mention, which is queued next and takes the mention ID the event
// reserves.
func (s *Store) queueEvent(p *pipe, ev *event.Event, seen time.Time, created func(int64)) {
	args := sqlrow.AppendEventRowArgs(make([]any, 0, 17), ev)
	args = append(args, seen, sqlrow.IntArg(ev.Fatalities), sqlrow.IntArg(ev.Injuries), sqlrow.IntArg(ev.Crowd))
	p.b.Queue(s.st.insertEvent, args...).QueryRow(func(row pgx.Row) error {
		var id int64
		if err := row.Scan(&id); err != nil {
			return fmt.Errorf("insert event: %w", err)
		}
		created(id)
		return nil
	})
}

// statements holds the write statements that name the identity sequences
// of the store's schema.
type statements struct {
	insertDocument, insertEvent, insertNewMention, insertMention, updateEvent, insertQuote string
}

func newStatements(docSeq, eventSeq, mentionSeq string) statements {
	cur := func(seq string) string { return "currval('" + strings.ReplaceAll(seq, "'", "''") + "')" }
	next := strings.Replace(cur(mentionSeq), "currval", "nextval", 1)
	mcols := "idx, " + strings.Join(sqlrow.EventCols(), ", ")
	return statements{
		insertDocument: `INSERT INTO documents (` + strings.Join(sqlrow.DocumentCols(), ", ") + `) VALUES (` +
			placeholders(1, len(sqlrow.DocumentCols())) + `) RETURNING id`,
		insertEvent: `INSERT INTO events (mention_id, document_id, ` + strings.Join(sqlrow.EventRowCols(), ", ") + `,
			num_mentions, num_articles, num_sources, first_seen, last_seen, fatalities, injuries, crowd)
			VALUES (` + next + `, ` + cur(docSeq) + `, $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13,
			1, 1, 1, $14, $14, $15, $16, $17) RETURNING id`,
		insertNewMention: `INSERT INTO mentions (id, event_id, document_id, ` + mcols + `) VALUES (` +
			cur(mentionSeq) + `, ` + cur(eventSeq) + `, ` + cur(docSeq) + `, ` + placeholders(1, 1+len(sqlrow.EventCols())) + `)`,
		insertMention: `INSERT INTO mentions (event_id, document_id, ` + mcols + `) VALUES ($1, ` + cur(docSeq) + `, ` +
			placeholders(2, 2+len(sqlrow.EventCols())) + `)`,
		// $2 says whether this is the document's first mention of the
		// event; then it adds an article, and a source unless another
		// document of the same source already reports the event.
		updateEvent: `UPDATE events SET
			num_mentions = num_mentions + 1,
			num_articles = num_articles + CASE WHEN $2 THEN 1 ELSE 0 END,
			num_sources = num_sources + CASE WHEN $2 AND ($3 = '' OR NOT EXISTS (SELECT 1 FROM mentions m
				JOIN documents d ON d.id = m.document_id
				WHERE m.event_id = $1 AND m.document_id <> ` + cur(docSeq) + ` AND d.source_key = $3)) THEN 1 ELSE 0 END,
			first_seen = LEAST(first_seen, $4),
			last_seen = GREATEST(last_seen, $4),
			fatalities = GREATEST(fatalities, $5),
			injuries = GREATEST(injuries, $6),
			crowd = GREATEST(crowd, $7)
			WHERE id = $1`,
		insertQuote: `INSERT INTO quotes (document_id, idx, sentence, text, direct,
			sp_text, sp_code, sp_country, sp_role, sp_name, sp_start, sp_end, speaker_text, date, span_start, span_end)
			VALUES (` + cur(docSeq) + `, ` + placeholders(1, 15) + `)`,
	}
}

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
