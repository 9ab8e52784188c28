package postgres

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/annals-project/annals/internal/event"
	"github.com/annals-project/annals/internal/store"
	"github.com/annals-project/annals/internal/store/sqlrow"
)

// querier is what *pgxpool.Pool and pgx.Tx have in common.
type querier interface {
	Query(ctx context.Context, query string, args ...any) (pgx.Rows, error)
	QueryRow(ctx context.Context, query string, args ...any) pgx.Row
}

// where builds a conjunction of conditions with positional arguments.
type where struct {
	conds []string
	args  []any
}

// add appends cond, whose ? placeholders are numbered in turn.
func (w *where) add(cond string, args ...any) {
	var b strings.Builder
	for _, r := range cond {
		if r == '?' {
			w.args = append(w.args, nil)
			fmt.Fprintf(&b, "$%d", len(w.args))
			continue
		}
		b.WriteRune(r)
	}
	w.args = append(w.args[:len(w.args)-strings.Count(cond, "?")], args...)
	w.conds = append(w.conds, b.String())
}

func (w *where) String() string {
	if len(w.conds) == 0 {
		return ""
	}
	return " WHERE " + strings.Join(w.conds, " AND ")
}

// prefix adds a condition that col starts with p.
func (w *where) prefix(col, p string) {
	w.add(fmt.Sprintf("substr(%s, 1, %d) = ?", col, len(p)), p)
}

// ftsQuery renders a parsed text query as a tsquery for the 'simple'
// configuration. Words hold only letters, digits and marks, so they need no
// quoting.
func ftsQuery(s string) (string, error) {
	q, err := store.ParseTextQuery(s)
	if err != nil {
		return "", err
	}
	terms := make([]string, len(q))
	for i, t := range q {
		terms[i] = strings.Join(t.Words, " <-> ")
		if t.Prefix {
			terms[i] += ":*"
		}
		terms[i] = "(" + terms[i] + ")"
	}
	return strings.Join(terms, " & "), nil
}

// limit renders LIMIT and OFFSET.
func limit(n, off int) string {
	var s string
	if n > 0 {
		s = fmt.Sprintf(" LIMIT %d", n)
	}
	if off > 0 {
		s += fmt.Sprintf(" OFFSET %d", off)
	}
	return s
}

// eventWhere translates the selecting part of f (not order or paging).
func eventWhere(f *store.EventFilter) (*where, error) {
	if err := f.Validate(); err != nil {
		return nil, err
	}
	w := &where{}
	if len(f.IDs) > 0 {
		w.add("e.id IN (?"+strings.Repeat(", ?", len(f.IDs)-1)+")", anys(f.IDs)...)
	}
	if f.Country != "" {
		w.add("e.country = ?", f.Country)
	}
	if f.Actor != "" {
		n := len(f.Actor)
		w.add(fmt.Sprintf("(substr(e.source_code, 1, %d) = ? OR substr(e.target_code, 1, %d) = ?)", n, n), f.Actor, f.Actor)
	}
	if f.Source != "" {
		w.prefix("e.source_code", f.Source)
	}
	if f.Target != "" {
		w.prefix("e.target_code", f.Target)
	}
	if f.ActorText != "" {
		w.add(`e.actor_text LIKE ? ESCAPE '\'`, sqlrow.LikeContains(f.ActorText))
	}
	if len(f.CAMEO) > 0 {
		var or []string
		var args []any
		for _, c := range f.CAMEO {
			if len(c) == 2 {
				or = append(or, "e.root = ?")
			} else {
				or = append(or, fmt.Sprintf("substr(e.cameo, 1, %d) = ?", len(c)))
			}
			args = append(args, c)
		}
		w.add("("+strings.Join(or, " OR ")+")", args...)
	}
	if f.QuadClass != 0 {
		w.add("e.quad_class = ?", f.QuadClass)
	}
	if f.PLOVER != "" {
		w.add("e.plover = ?", f.PLOVER)
	}
	if f.ACLEDType != "" {
		w.add("e.acled_type = ?", f.ACLEDType)
	}
	if f.ACLEDSubtype != "" {
		w.add("e.acled_subtype = ?", f.ACLEDSubtype)
	}
	if !f.From.IsZero() {
		w.add("e.date >= ?", store.DateKey(f.From))
	}
	if !f.To.IsZero() {
		w.add("e.date BETWEEN 1 AND ?", store.DateKey(f.To))
	}
	if b := f.BBox; b != nil {
		w.add("e.lat BETWEEN ? AND ?", b.MinLat, b.MaxLat)
		if b.MinLon <= b.MaxLon {
			w.add("e.lon BETWEEN ? AND ?", b.MinLon, b.MaxLon)
		} else {
			w.add("(e.lon >= ? OR e.lon <= ?)", b.MinLon, b.MaxLon)
		}
	}
	if c := f.Near; c != nil {
		d := c.LatDelta()
		w.add("e.lat BETWEEN ? AND ?", c.Lat-d, c.Lat+d)
		w.add(`2 * ? * asin(sqrt(LEAST(1, power(sin(radians(e.lat - ?) / 2), 2) +
			cos(radians(?)) * cos(radians(e.lat)) * power(sin(radians(e.lon - ?) / 2), 2)))) <= ?`,
			store.EarthRadiusKm, c.Lat, c.Lat, c.Lon, c.RadiusKm)
	}
	if f.Text != "" {
		q, err := ftsQuery(f.Text)
		if err != nil {
			return nil, err
		}
		w.add(`e.id IN (SELECT t.event_id FROM mentions t WHERE t.tsv @@ to_tsquery('simple', ?))`, q)
	}
	if f.MinSources > 0 {
		w.add("e.num_sources >= ?", f.MinSources)
	}
	return w, nil
}

func anys[T any](v []T) []any {
	out := make([]any, len(v))
	for i, x := range v {
		out[i] = x
	}
	return out
}

// order adds the cursor condition of f to w and returns the ORDER BY clause.
func order(f *store.EventFilter, w *where) string {
	var c store.Cursor
	after := f.After != ""
	if after {
		c, _ = store.ParseCursor(f.Order, f.After) // validated by eventWhere
	}
	switch f.Order {
	case store.OrderIDDesc:
		if after {
			w.add("e.id < ?", c.ID)
		}
		return " ORDER BY e.id DESC"
	case store.OrderDate:
		if after {
			w.add("(e.date > ? OR (e.date = ? AND e.id > ?))", c.Key, c.Key, c.ID)
		}
		return " ORDER BY e.date, e.id"
	case store.OrderDateDesc:
		if after {
			w.add("(e.date < ? OR (e.date = ? AND e.id < ?))", c.Key, c.Key, c.ID)
		}
		return " ORDER BY e.date DESC, e.id DESC"
	case store.OrderMentionsDesc:
		if after {
			w.add("(e.num_mentions < ? OR (e.num_mentions = ? AND e.id > ?))", c.Key, c.Key, c.ID)
		}
		return " ORDER BY e.num_mentions DESC, e.id"
	}
	if after {
		w.add("e.id > ?", c.ID)
	}
	return " ORDER BY e.id"
}

var eventSelect = `SELECT e.id, e.document_id, e.num_mentions, e.num_articles, e.num_sources, e.first_seen, e.last_seen,
	e.fatalities, e.injuries, e.crowd, ` + sqlrow.Cols("m", sqlrow.EventCols()) + `
	FROM events e JOIN mentions m ON m.id = e.mention_id`

func (s *Store) events(ctx context.Context, q querier, f store.EventFilter) ([]store.EventRecord, error) {
	query, args, err := eventQuery(f)
	if err != nil {
		return nil, err
	}
	rows, err := q.Query(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("query events: %w", err)
	}
	return scanEvents(rows)
}

// eventQuery returns the SQL and arguments that select f's events.
func eventQuery(f store.EventFilter) (string, []any, error) {
	w, err := eventWhere(&f)
	if err != nil {
		return "", nil, err
	}
	ord := order(&f, w)
	return eventSelect + w.String() + ord + limit(f.Limit, f.Offset), w.args, nil
}

// scanEvents reads and closes rows of eventSelect.
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
	r, err := scanEventRecord(s.pool.QueryRow(ctx, eventSelect+" WHERE e.id = $1", id))
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

var mentionSelect = `SELECT m.id, m.event_id, m.document_id, m.idx, d.url, d.title, d.outlet, d.source_key, d.seen, ` +
	sqlrow.Cols("m", sqlrow.EventCols()) + ` FROM mentions m JOIN documents d ON d.id = m.document_id`

// Mentions implements store.Store.
func (s *Store) Mentions(ctx context.Context, f store.MentionFilter) ([]store.Mention, error) {
	w := &where{}
	if f.EventID != 0 {
		w.add("m.event_id = ?", f.EventID)
	}
	if f.DocumentID != 0 {
		w.add("m.document_id = ?", f.DocumentID)
	}
	if f.Text != "" {
		q, err := ftsQuery(f.Text)
		if err != nil {
			return nil, err
		}
		w.add("m.tsv @@ to_tsquery('simple', ?)", q)
	}
	if f.Limit < 0 || f.Offset < 0 {
		return nil, fmt.Errorf("mentions: negative limit or offset: %w", store.ErrInvalid)
	}
	rows, err := s.pool.Query(ctx, mentionSelect+w.String()+" ORDER BY m.id"+limit(f.Limit, f.Offset), w.args...)
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
	w := &where{}
	if f.DocumentID != 0 {
		w.add("q.document_id = ?", f.DocumentID)
	}
	if f.Speaker != "" {
		w.prefix("q.sp_code", f.Speaker)
	}
	if f.SpeakerText != "" {
		w.add(`q.speaker_text LIKE ? ESCAPE '\'`, sqlrow.LikeContains(f.SpeakerText))
	}
	if f.Text != "" {
		q, err := ftsQuery(f.Text)
		if err != nil {
			return nil, err
		}
		w.add("q.tsv @@ to_tsquery('simple', ?)", q)
	}
	if f.Direct != nil {
		w.add("q.direct = ?", *f.Direct)
	}
	if !f.From.IsZero() {
		w.add("q.date >= ?", store.DateKey(f.From))
	}
	if !f.To.IsZero() {
		w.add("q.date BETWEEN 1 AND ?", store.DateKey(f.To))
	}
	if f.Limit < 0 || f.Offset < 0 {
		return nil, fmt.Errorf("quotes: negative limit or offset: %w", store.ErrInvalid)
	}
	rows, err := s.pool.Query(ctx, `SELECT q.id, q.document_id, q.idx, q.sentence, q.text, q.direct,
		q.sp_text, q.sp_code, q.sp_country, q.sp_role, q.sp_name, q.sp_start, q.sp_end, q.date, q.span_start, q.span_end,
		d.url, d.title, d.seen
		FROM quotes q JOIN documents d ON d.id = q.document_id`+w.String()+" ORDER BY q.id"+limit(f.Limit, f.Offset), w.args...)
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
	w := &where{}
	if f.Code != "" {
		w.prefix("code", f.Code)
	}
	if f.Name != "" {
		w.add(`fold LIKE ? ESCAPE '\'`, sqlrow.LikeContains(f.Name))
	}
	if f.Country != "" {
		w.add("country = ?", f.Country)
	}
	if f.Role != "" {
		w.add("role = ?", f.Role)
	}
	if f.MinCount > 0 {
		w.add("count >= ?", f.MinCount)
	}
	if f.Limit < 0 || f.Offset < 0 {
		return nil, fmt.Errorf("actors: negative limit or offset: %w", store.ErrInvalid)
	}
	rows, err := s.pool.Query(ctx, `SELECT code, name, text, country, role, count, first_seen, last_seen
		FROM actors`+w.String()+" ORDER BY count DESC, code, name"+limit(f.Limit, f.Offset), w.args...)
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
	if _, err := b.Start(event.Date{Year: 2000, Month: 1, Day: 1}); err != nil {
		return nil, err
	}
	f.Order, f.After, f.Limit, f.Offset = "", "", 0, 0
	w, err := eventWhere(&f)
	if err != nil {
		return nil, err
	}
	w.add("e.date <> 0")
	rows, err := s.pool.Query(ctx, `SELECT e.date, count(*), sum(e.num_mentions)::bigint, coalesce(sum(e.fatalities), 0)::bigint
		FROM events e`+w.String()+" GROUP BY e.date ORDER BY e.date", w.args...)
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
	err := s.pool.QueryRow(ctx, `SELECT
		(SELECT count(*) FROM documents), (SELECT count(*) FROM events), (SELECT count(*) FROM mentions),
		(SELECT count(*) FROM quotes), (SELECT count(*) FROM actors)`).
		Scan(&st.Documents, &st.Events, &st.Mentions, &st.Quotes, &st.Actors)
	if err != nil {
		return st, fmt.Errorf("stats: %w", err)
	}
	return st, nil
}

const documentCols = `d.id, d.hash, d.article_id, d.source, d.url, d.title, d.byline, d.published, d.published_at,
	d.anchor, d.anchor_source, d.outlet, d.origin, d.ingested_at, d.fingerprint`

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
	d, err := scanDocument(s.pool.QueryRow(ctx, `SELECT `+documentCols+`, d.text FROM documents d WHERE d.id = $1`, id), &text)
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
	w := &where{}
	if f.Hash != "" {
		w.add("d.hash = ?", f.Hash)
	}
	if f.URL != "" {
		w.add("d.url = ?", f.URL)
	}
	if f.Outlet != "" {
		w.add("d.outlet = ?", f.Outlet)
	}
	if f.AfterID != 0 {
		w.add("d.id > ?", f.AfterID)
	}
	if f.Limit < 0 {
		return nil, fmt.Errorf("documents: negative limit: %w", store.ErrInvalid)
	}
	rows, err := s.pool.Query(ctx, `SELECT `+documentCols+` FROM documents d`+w.String()+" ORDER BY d.id"+limit(f.Limit, 0), w.args...)
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
