package sqlrow

import (
	"cmp"
	"database/sql"
	"slices"
	"strings"
	"time"

	"github.com/annals-project/annals/internal/event"
	"github.com/annals-project/annals/internal/store"
)

// A Scanner reads the columns of one row into dest: *sql.Row, *sql.Rows
// and pgx rows are Scanners.
type Scanner interface{ Scan(dest ...any) error }

// EventCols returns the mentions columns that hold an event.Event, in the
// order of EventArgs and EventScan.Dest.
func EventCols() []string {
	return []string{
		"sentence", "text", "span_start", "span_end",
		"src_text", "src_code", "src_country", "src_role", "src_name", "src_start", "src_end",
		"tgt_text", "tgt_code", "tgt_country", "tgt_role", "tgt_name", "tgt_start", "tgt_end",
		"cameo", "root", "quad_class", "goldstein", "plover", "plover_mode", "acled_type", "acled_subtype",
		"date", "date_precision",
		"loc_name", "loc_country", "loc_admin1", "lat", "lon", "loc_precision", "geonameid", "loc_start", "loc_end",
		"fatalities", "injuries", "crowd", "attribution", "confidence", "rule",
	}
}

// Cols returns names qualified by a table alias and joined with ", ".
func Cols(alias string, names []string) string {
	var b strings.Builder
	for i, c := range names {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(alias)
		b.WriteByte('.')
		b.WriteString(c)
	}
	return b.String()
}

// EventArgs returns the values of EventCols for e.
func EventArgs(e *event.Event) []any {
	args := []any{e.Sentence, e.Text, e.Span.Start, e.Span.End}
	args = append(args, ActorArgs(e.Source)...)
	args = append(args, ActorArgs(e.Target)...)
	args = append(args, e.CAMEO, e.Root, e.QuadClass, e.Goldstein, e.PLOVER, e.PLOVERMode, e.ACLEDType, e.ACLEDSubtype,
		store.DateKey(e.Date), e.DatePrecision)
	if l := e.Location; l != nil {
		args = append(args, l.Name, l.Country, l.Admin1, l.Lat, l.Lon, l.Precision, l.GeonameID, l.Span.Start, l.Span.End)
	} else {
		args = append(args, nil, nil, nil, nil, nil, nil, nil, nil, nil)
	}
	var attr any
	if e.Attribution != nil {
		attr = *e.Attribution
	}
	return append(args, IntArg(e.Fatalities), IntArg(e.Injuries), IntArg(e.Crowd), attr, e.Confidence, e.Rule)
}

// DocumentCols returns the documents columns a new document is written
// to, in the order of DocumentArgs.
func DocumentCols() []string {
	return []string{
		"hash", "article_id", "source", "url", "title", "byline", "published", "published_at", "anchor",
		"anchor_source", "outlet", "origin", "source_key", "text", "ingested_at", "seen", "fingerprint",
	}
}

// DocumentArgs returns the values of DocumentCols for doc stored at
// ingested, with instant converting an instant into the store's column
// value, and the instant the document counts as seen (Document.Seen with
// that IngestedAt).
func DocumentArgs(doc *store.Document, ingested time.Time, instant func(time.Time) any) ([]any, time.Time) {
	a := doc.Article
	d := *doc
	d.IngestedAt = ingested
	seen := d.Seen()
	var publishedAt any
	if !a.PublishedAt.IsZero() {
		publishedAt = instant(a.PublishedAt)
	}
	return []any{doc.Hash, a.ID, a.Source, a.URL, a.Title, a.Byline,
		store.DateKey(a.Published), publishedAt, store.DateKey(a.Anchor), a.AnchorSource,
		doc.Outlet, doc.Origin, doc.OriginKey(), a.Text, instant(ingested), instant(seen), FingerprintArg(doc.Fingerprint),
	}, seen
}

// EventRowCols returns the columns of the events table that a new event
// copies from its first mention for the filters, in the order of
// AppendEventRowArgs.
func EventRowCols() []string {
	return []string{
		"cameo", "root", "quad_class", "plover", "acled_type", "acled_subtype", "date",
		"country", "lat", "lon", "source_code", "target_code", "actor_text",
	}
}

// AppendEventRowArgs appends the values of EventRowCols for e to args and
// returns the extended slice, so that a statement's arguments take one
// allocation.
func AppendEventRowArgs(args []any, e *event.Event) []any {
	var country string
	var lat, lon any
	if l := e.Location; l != nil {
		country, lat, lon = l.Country, l.Lat, l.Lon
	}
	var src, tgt string
	if e.Source != nil {
		src = e.Source.Code
	}
	if e.Target != nil {
		tgt = e.Target.Code
	}
	return append(args, e.CAMEO, e.Root, e.QuadClass, e.PLOVER, e.ACLEDType, e.ACLEDSubtype, store.DateKey(e.Date),
		country, lat, lon, src, tgt, ActorText(e.Source, e.Target))
}

// ActorArgs returns the seven column values of an optional actor (text,
// code, country, role, name, span start and end): all NULL for nil.
func ActorArgs(a *event.Actor) []any {
	if a == nil {
		return []any{nil, nil, nil, nil, nil, nil, nil}
	}
	return []any{a.Text, a.Code, a.Country, a.Role, a.Name, a.Span.Start, a.Span.End}
}

// IntArg returns the column value of an optional count: NULL for nil.
func IntArg(p *int) any {
	if p == nil {
		return nil
	}
	return int64(*p)
}

// ActorScan receives the seven columns of an optional actor.
type ActorScan struct {
	text, code, country, role, name sql.NullString
	start, end                      sql.NullInt64
}

// Dest returns the scan destinations of the actor's columns, in the order
// of ActorArgs.
func (s *ActorScan) Dest() []any {
	return []any{&s.text, &s.code, &s.country, &s.role, &s.name, &s.start, &s.end}
}

// Actor returns the scanned actor, nil if its columns were NULL.
func (s *ActorScan) Actor() *event.Actor {
	if !s.start.Valid {
		return nil
	}
	return &event.Actor{Text: s.text.String, Code: s.code.String, Country: s.country.String, Role: s.role.String,
		Name: s.name.String, Span: event.Span{Start: int(s.start.Int64), End: int(s.end.Int64)}}
}

// EventScan receives EventCols.
type EventScan struct {
	e                              event.Event
	src, tgt                       ActorScan
	date                           int
	locName, locCountry, locAdmin1 sql.NullString
	lat, lon                       sql.NullFloat64
	locPrecision                   sql.NullString
	geonameID, locStart, locEnd    sql.NullInt64
	fatalities, injuries, crowd    sql.NullInt64
	attribution                    sql.NullString
}

// Dest returns the scan destinations of EventCols, in order.
func (s *EventScan) Dest() []any {
	e := &s.e
	d := []any{&e.Sentence, &e.Text, &e.Span.Start, &e.Span.End}
	d = append(d, s.src.Dest()...)
	d = append(d, s.tgt.Dest()...)
	return append(d, &e.CAMEO, &e.Root, &e.QuadClass, &e.Goldstein, &e.PLOVER, &e.PLOVERMode, &e.ACLEDType, &e.ACLEDSubtype,
		&s.date, &e.DatePrecision,
		&s.locName, &s.locCountry, &s.locAdmin1, &s.lat, &s.lon, &s.locPrecision, &s.geonameID, &s.locStart, &s.locEnd,
		&s.fatalities, &s.injuries, &s.crowd, &s.attribution, &e.Confidence, &e.Rule)
}

// Event returns the scanned event.
func (s *EventScan) Event() event.Event {
	e := s.e
	e.Source = s.src.Actor()
	e.Target = s.tgt.Actor()
	e.Date = store.DateFromKey(s.date)
	if s.locStart.Valid {
		e.Location = &event.Location{Name: s.locName.String, Country: s.locCountry.String, Admin1: s.locAdmin1.String,
			Lat: s.lat.Float64, Lon: s.lon.Float64, Precision: s.locPrecision.String, GeonameID: int(s.geonameID.Int64),
			Span: event.Span{Start: int(s.locStart.Int64), End: int(s.locEnd.Int64)}}
	}
	e.Fatalities = IntPtr(s.fatalities)
	e.Injuries = IntPtr(s.injuries)
	e.Crowd = IntPtr(s.crowd)
	if s.attribution.Valid {
		a := s.attribution.String
		e.Attribution = &a
	}
	return e
}

// IntPtr returns a scanned optional count: nil for NULL.
func IntPtr(n sql.NullInt64) *int {
	if !n.Valid {
		return nil
	}
	v := int(n.Int64)
	return &v
}

// ActorText returns the folded text the actor_text and speaker_text
// columns hold for substring filters.
func ActorText(as ...*event.Actor) string {
	var b strings.Builder
	for _, a := range as {
		if a == nil {
			continue
		}
		b.WriteString(store.Fold(a.Text))
		b.WriteByte('\n')
		b.WriteString(store.Fold(a.Name))
		b.WriteByte('\n')
	}
	return b.String()
}

// LikeContains returns a LIKE pattern matching s anywhere, escaped with \.
func LikeContains(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)
	return "%" + r.Replace(store.Fold(s)) + "%"
}

// FingerprintArg returns the fingerprint column's value: NULL for a
// document without a fingerprint.
func FingerprintArg(fp []byte) any {
	if len(fp) == 0 {
		return nil
	}
	return fp
}

// Stamp sets the ID and ingest time of the documents a committed batch
// stored.
func Stamp(docs []*store.Document, res []store.PutResult, ingested time.Time) {
	for i, d := range docs {
		if !res[i].Skipped {
			d.ID, d.IngestedAt = res[i].Document, ingested
		}
	}
}

// ActorCount is one actor's occurrences in a document.
type ActorCount struct {
	Code, Name string       // the actors row's key (store.ActorKey)
	First      *event.Actor // the first occurrence
	Count      int
}

// ActorCounts accumulates the actors of a document by key. The zero value
// is ready to use.
type ActorCounts struct {
	m map[[2]string]*ActorCount
}

// Add counts ac; nil is ignored.
func (c *ActorCounts) Add(ac *event.Actor) {
	if ac == nil {
		return
	}
	code, name := store.ActorKey(ac)
	k := [2]string{code, name}
	if g := c.m[k]; g != nil {
		g.Count++
		return
	}
	if c.m == nil {
		c.m = map[[2]string]*ActorCount{}
	}
	c.m[k] = &ActorCount{Code: code, Name: name, First: ac, Count: 1}
}

// Sorted returns the counts ordered by code, then name, the order in which
// the stores write them.
func (c *ActorCounts) Sorted() []*ActorCount {
	out := make([]*ActorCount, 0, len(c.m))
	for _, g := range c.m {
		out = append(out, g)
	}
	slices.SortFunc(out, func(x, y *ActorCount) int {
		return cmp.Or(cmp.Compare(x.Code, y.Code), cmp.Compare(x.Name, y.Name))
	})
	return out
}
