package sqlq

import (
	"fmt"
	"strings"

	"github.com/annals-project/annals/internal/event"
	"github.com/annals-project/annals/internal/store"
	"github.com/annals-project/annals/internal/store/sqlrow"
)

// eventSelect selects the columns of Events: an event's own columns, then
// the sqlrow.EventCols of its representative mention.
var eventSelect = `SELECT e.id, e.document_id, e.num_mentions, e.num_articles, e.num_sources, e.first_seen, e.last_seen,
	e.fatalities, e.injuries, e.crowd, ` + sqlrow.Cols("m", sqlrow.EventCols()) + `
	FROM events e JOIN mentions m ON m.id = e.mention_id`

// Events returns the query that selects the events matching f, in
// f.Order and paged as f says, with its arguments. Its columns are id,
// document_id, num_mentions, num_articles, num_sources, first_seen,
// last_seen, fatalities, injuries, crowd, then sqlrow.EventCols. A
// malformed filter is an error wrapping store.ErrInvalid.
func (d *Dialect) Events(f store.EventFilter) (string, []any, error) {
	w, err := d.eventWhere(&f)
	if err != nil {
		return "", nil, err
	}
	ord := order(&f, w)
	return eventSelect + w.String() + ord + d.Limit(f.Limit, f.Offset), w.Args(), nil
}

// Event returns the query that selects the event with the given ID, with
// the columns of Events.
func (d *Dialect) Event(id int64) (string, []any) {
	return eventSelect + d.bind(" WHERE e.id = ?", 1), []any{id}
}

// Timeline returns the query that counts the dated events matching f
// (ignoring its order and paging) per date, oldest first: the columns are
// the date key, the number of events, the sum of their mentions and the
// sum of their fatalities. An unknown bucket or a malformed filter is an
// error wrapping store.ErrInvalid.
func (d *Dialect) Timeline(f store.EventFilter, b store.Bucket) (string, []any, error) {
	if _, err := b.Start(event.Date{Year: 2000, Month: 1, Day: 1}); err != nil {
		return "", nil, err
	}
	f.Order, f.After, f.Limit, f.Offset = "", "", 0, 0
	w, err := d.eventWhere(&f)
	if err != nil {
		return "", nil, err
	}
	w.Add("e.date <> 0")
	return `SELECT e.date, count(*), sum(e.num_mentions), coalesce(sum(e.fatalities), 0)
		FROM events e` + w.String() + " GROUP BY e.date ORDER BY e.date", w.Args(), nil
}

// eventWhere translates the selecting part of f (not order or paging).
func (d *Dialect) eventWhere(f *store.EventFilter) (*Where, error) {
	if err := f.Validate(); err != nil {
		return nil, err
	}
	w := d.Where()
	// The location conditions, which UnlocatedActor joins into one
	// condition with its own.
	var loc Where
	addLoc := w.Add
	if f.UnlocatedActor != "" {
		addLoc = func(cond string, args ...any) {
			loc.conds = append(loc.conds, cond)
			loc.args = append(loc.args, args...)
		}
	}
	if len(f.IDs) > 0 {
		w.Add("e.id IN (?"+strings.Repeat(", ?", len(f.IDs)-1)+")", anys(f.IDs)...)
	}
	if f.Country != "" {
		addLoc("e.country = ?", f.Country)
	}
	if f.Actor != "" {
		n := len(f.Actor)
		w.Add(fmt.Sprintf("(substr(e.source_code, 1, %d) = ? OR substr(e.target_code, 1, %d) = ?)", n, n), f.Actor, f.Actor)
	}
	if f.Source != "" {
		w.prefix("e.source_code", f.Source)
	}
	if f.Target != "" {
		w.prefix("e.target_code", f.Target)
	}
	if f.ActorText != "" {
		w.like("e.actor_text", f.ActorText)
	}
	if len(f.CAMEO) > 0 {
		or := make([]string, len(f.CAMEO))
		for i, c := range f.CAMEO {
			if len(c) == 2 {
				or[i] = "e.root = ?"
			} else {
				or[i] = fmt.Sprintf("substr(e.cameo, 1, %d) = ?", len(c))
			}
		}
		w.Add("("+strings.Join(or, " OR ")+")", anys(f.CAMEO)...)
	}
	if f.QuadClass != 0 {
		w.Add("e.quad_class = ?", f.QuadClass)
	}
	if f.PLOVER != "" {
		w.Add("e.plover = ?", f.PLOVER)
	}
	if f.ACLEDType != "" {
		w.Add("e.acled_type = ?", f.ACLEDType)
	}
	if f.ACLEDSubtype != "" {
		w.Add("e.acled_subtype = ?", f.ACLEDSubtype)
	}
	if !f.From.IsZero() {
		w.Add("e.date >= ?", store.DateKey(f.From))
	}
	if !f.To.IsZero() {
		w.Add("e.date BETWEEN 1 AND ?", store.DateKey(f.To))
	}
	if b := f.BBox; b != nil {
		addLoc("e.lat BETWEEN ? AND ?", b.MinLat, b.MaxLat)
		if b.MinLon <= b.MaxLon {
			addLoc("e.lon BETWEEN ? AND ?", b.MinLon, b.MaxLon)
		} else {
			addLoc("(e.lon >= ? OR e.lon <= ?)", b.MinLon, b.MaxLon)
		}
	}
	if c := f.Near; c != nil {
		// A latitude band the index can use, then the haversine distance
		// of store.DistanceKm.
		dl := c.LatDelta()
		addLoc("e.lat BETWEEN ? AND ?", c.Lat-dl, c.Lat+dl)
		addLoc(`2 * ? * asin(sqrt(`+d.Least+`(1, power(sin(radians(e.lat - ?) / 2), 2) +
			cos(radians(?)) * cos(radians(e.lat)) * power(sin(radians(e.lon - ?) / 2), 2)))) <= ?`,
			store.EarthRadiusKm, c.Lat, c.Lat, c.Lon, c.RadiusKm)
	}
	if len(loc.conds) > 0 {
		// Events without a location have a NULL latitude (and no country).
		n := len(f.UnlocatedActor)
		w.Add(fmt.Sprintf("((%s) OR (e.lat IS NULL AND (substr(e.source_code, 1, %d) = ? OR substr(e.target_code, 1, %d) = ?)))",
			strings.Join(loc.conds, " AND "), n, n), append(loc.args, f.UnlocatedActor, f.UnlocatedActor)...)
	}
	if f.Text != "" {
		q, err := d.textQuery(f.Text)
		if err != nil {
			return nil, err
		}
		w.Add(`e.id IN (SELECT t.event_id FROM mentions t WHERE `+d.TextMatch("mentions", "t")+`)`, q)
	}
	if f.MinSources > 0 {
		w.Add("e.num_sources >= ?", f.MinSources)
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

// order adds the cursor condition of f to w and returns the ORDER BY
// clause. f has been validated.
func order(f *store.EventFilter, w *Where) string {
	var c store.Cursor
	after := f.After != ""
	if after {
		c, _ = store.ParseCursor(f.Order, f.After)
	}
	switch f.Order {
	case store.OrderIDDesc:
		if after {
			w.Add("e.id < ?", c.ID)
		}
		return " ORDER BY e.id DESC"
	case store.OrderDate:
		if after {
			w.Add("(e.date > ? OR (e.date = ? AND e.id > ?))", c.Key, c.Key, c.ID)
		}
		return " ORDER BY e.date, e.id"
	case store.OrderDateDesc:
		if after {
			w.Add("(e.date < ? OR (e.date = ? AND e.id < ?))", c.Key, c.Key, c.ID)
		}
		return " ORDER BY e.date DESC, e.id DESC"
	case store.OrderMentionsDesc:
		if after {
			w.Add("(e.num_mentions < ? OR (e.num_mentions = ? AND e.id > ?))", c.Key, c.Key, c.ID)
		}
		return " ORDER BY e.num_mentions DESC, e.id"
	}
	if after {
		w.Add("e.id > ?", c.ID)
	}
	return " ORDER BY e.id"
}

// pageCheck returns the error of a negative limit or offset of what.
func pageCheck(what string, limit, offset int) error {
	if limit < 0 || offset < 0 {
		return fmt.Errorf("%s: negative limit or offset: %w", what, store.ErrInvalid)
	}
	return nil
}

var mentionSelect = `SELECT m.id, m.event_id, m.document_id, m.idx, d.url, d.title, d.outlet, d.source_key, d.seen,
	d.anchor, d.anchor_source, ` + sqlrow.Cols("m", sqlrow.EventCols()) + ` FROM mentions m JOIN documents d ON d.id = m.document_id`

// Mentions returns the query that selects the mentions matching f in ID
// order, with its arguments. Its columns are id, event_id, document_id,
// idx, the document's url, title, outlet, source key, seen, anchor and
// anchor source, then sqlrow.EventCols. A malformed filter is an error
// wrapping store.ErrInvalid.
func (d *Dialect) Mentions(f store.MentionFilter) (string, []any, error) {
	w := d.Where()
	if f.EventID != 0 {
		w.Add("m.event_id = ?", f.EventID)
	}
	if f.DocumentID != 0 {
		w.Add("m.document_id = ?", f.DocumentID)
	}
	if f.Text != "" {
		q, err := d.textQuery(f.Text)
		if err != nil {
			return "", nil, err
		}
		w.Add(d.TextMatch("mentions", "m"), q)
	}
	if err := pageCheck("mentions", f.Limit, f.Offset); err != nil {
		return "", nil, err
	}
	return mentionSelect + w.String() + " ORDER BY m.id" + d.Limit(f.Limit, f.Offset), w.Args(), nil
}

// Quotes returns the query that selects the quotes matching f in ID order,
// with its arguments. Its columns are id, document_id, idx, sentence,
// text, direct, the seven speaker columns of sqlrow.ActorScan, date,
// span_start, span_end, and the document's url, title and seen. A
// malformed filter is an error wrapping store.ErrInvalid.
func (d *Dialect) Quotes(f store.QuoteFilter) (string, []any, error) {
	w := d.Where()
	if f.DocumentID != 0 {
		w.Add("q.document_id = ?", f.DocumentID)
	}
	if f.Speaker != "" {
		w.prefix("q.sp_code", f.Speaker)
	}
	if f.SpeakerText != "" {
		w.like("q.speaker_text", f.SpeakerText)
	}
	if f.Text != "" {
		q, err := d.textQuery(f.Text)
		if err != nil {
			return "", nil, err
		}
		w.Add(d.TextMatch("quotes", "q"), q)
	}
	if f.Direct != nil {
		w.Add("q.direct = ?", *f.Direct)
	}
	if !f.From.IsZero() {
		w.Add("q.date >= ?", store.DateKey(f.From))
	}
	if !f.To.IsZero() {
		w.Add("q.date BETWEEN 1 AND ?", store.DateKey(f.To))
	}
	if err := pageCheck("quotes", f.Limit, f.Offset); err != nil {
		return "", nil, err
	}
	return `SELECT q.id, q.document_id, q.idx, q.sentence, q.text, q.direct,
		q.sp_text, q.sp_code, q.sp_country, q.sp_role, q.sp_name, q.sp_start, q.sp_end, q.date, q.span_start, q.span_end,
		d.url, d.title, d.seen
		FROM quotes q JOIN documents d ON d.id = q.document_id` + w.String() + " ORDER BY q.id" + d.Limit(f.Limit, f.Offset),
		w.Args(), nil
}

// Actors returns the query that selects the actors matching f, most often
// seen first, then by code and name, with its arguments. Its columns are
// code, name, text, country, role, count, first_seen and last_seen. A
// malformed filter is an error wrapping store.ErrInvalid.
func (d *Dialect) Actors(f store.ActorFilter) (string, []any, error) {
	w := d.Where()
	if f.Code != "" {
		w.prefix("code", f.Code)
	}
	if f.Name != "" {
		w.like("fold", f.Name)
	}
	if f.Country != "" {
		w.Add("country = ?", f.Country)
	}
	if f.Role != "" {
		w.Add("role = ?", f.Role)
	}
	if f.MinCount > 0 {
		w.Add("count >= ?", f.MinCount)
	}
	if err := pageCheck("actors", f.Limit, f.Offset); err != nil {
		return "", nil, err
	}
	return `SELECT code, name, text, country, role, count, first_seen, last_seen
		FROM actors` + w.String() + " ORDER BY count DESC, code, name" + d.Limit(f.Limit, f.Offset), w.Args(), nil
}

// documentCols are the columns of Documents.
const documentCols = `d.id, d.hash, d.article_id, d.source, d.url, d.title, d.byline, d.published, d.published_at,
	d.anchor, d.anchor_source, d.outlet, d.origin, d.ingested_at, d.fingerprint`

// Documents returns the query that selects the documents matching f in ID
// order, with its arguments. Its columns are id, hash, article_id,
// source, url, title, byline, published, published_at, anchor,
// anchor_source, outlet, origin, ingested_at and fingerprint. A negative
// limit is an error wrapping store.ErrInvalid.
func (d *Dialect) Documents(f store.DocumentFilter) (string, []any, error) {
	w := d.Where()
	if f.Hash != "" {
		w.Add("d.hash = ?", f.Hash)
	}
	if f.URL != "" {
		w.Add("d.url = ?", f.URL)
	}
	if f.Outlet != "" {
		w.Add("d.outlet = ?", f.Outlet)
	}
	if f.AfterID != 0 {
		w.Add("d.id > ?", f.AfterID)
	}
	if f.Limit < 0 {
		return "", nil, fmt.Errorf("documents: negative limit: %w", store.ErrInvalid)
	}
	return `SELECT ` + documentCols + ` FROM documents d` + w.String() + " ORDER BY d.id" + d.Limit(f.Limit, 0), w.Args(), nil
}

// Document returns the query that selects the document with the given ID:
// the columns of Documents, then text.
func (d *Dialect) Document(id int64) (string, []any) {
	return `SELECT ` + documentCols + `, d.text FROM documents d` + d.bind(" WHERE d.id = ?", 1), []any{id}
}

// stats is the query that counts the rows of each table, in the order of
// the store.Stats fields.
const stats = `SELECT
	(SELECT count(*) FROM documents), (SELECT count(*) FROM events), (SELECT count(*) FROM mentions),
	(SELECT count(*) FROM quotes), (SELECT count(*) FROM actors)`
