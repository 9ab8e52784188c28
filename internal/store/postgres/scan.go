package postgres

import (
	"database/sql"
	"strings"
	"time"

	"github.com/annals-project/annals/internal/event"
	"github.com/annals-project/annals/internal/store"
)

// eventCols are the mentions columns that hold an event.Event, in the order
// of eventArgs and eventScan.dest.
var eventCols = []string{
	"sentence", "text", "span_start", "span_end",
	"src_text", "src_code", "src_country", "src_role", "src_name", "src_start", "src_end",
	"tgt_text", "tgt_code", "tgt_country", "tgt_role", "tgt_name", "tgt_start", "tgt_end",
	"cameo", "root", "quad_class", "goldstein", "plover", "plover_mode", "acled_type", "acled_subtype",
	"date", "date_precision",
	"loc_name", "loc_country", "loc_admin1", "lat", "lon", "loc_precision", "geonameid", "loc_start", "loc_end",
	"fatalities", "injuries", "crowd", "attribution", "confidence", "rule",
}

// cols returns eventCols qualified by a table alias.
func cols(alias string, names []string) string {
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

func eventArgs(e *event.Event) []any {
	args := []any{e.Sentence, e.Text, e.Span.Start, e.Span.End}
	args = append(args, actorArgs(e.Source)...)
	args = append(args, actorArgs(e.Target)...)
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
	return append(args, intArg(e.Fatalities), intArg(e.Injuries), intArg(e.Crowd), attr, e.Confidence, e.Rule)
}

func actorArgs(a *event.Actor) []any {
	if a == nil {
		return []any{nil, nil, nil, nil, nil, nil, nil}
	}
	return []any{a.Text, a.Code, a.Country, a.Role, a.Name, a.Span.Start, a.Span.End}
}

func intArg(p *int) any {
	if p == nil {
		return nil
	}
	return int64(*p)
}

// actorScan receives the seven columns of an optional actor.
type actorScan struct {
	text, code, country, role, name sql.NullString
	start, end                      sql.NullInt64
}

func (s *actorScan) dest() []any {
	return []any{&s.text, &s.code, &s.country, &s.role, &s.name, &s.start, &s.end}
}

func (s *actorScan) actor() *event.Actor {
	if !s.start.Valid {
		return nil
	}
	return &event.Actor{Text: s.text.String, Code: s.code.String, Country: s.country.String, Role: s.role.String,
		Name: s.name.String, Span: event.Span{Start: int(s.start.Int64), End: int(s.end.Int64)}}
}

// eventScan receives eventCols.
type eventScan struct {
	e                              event.Event
	src, tgt                       actorScan
	date                           int
	locName, locCountry, locAdmin1 sql.NullString
	lat, lon                       sql.NullFloat64
	locPrecision                   sql.NullString
	geonameID, locStart, locEnd    sql.NullInt64
	fatalities, injuries, crowd    sql.NullInt64
	attribution                    sql.NullString
}

func (s *eventScan) dest() []any {
	e := &s.e
	d := []any{&e.Sentence, &e.Text, &e.Span.Start, &e.Span.End}
	d = append(d, s.src.dest()...)
	d = append(d, s.tgt.dest()...)
	return append(d, &e.CAMEO, &e.Root, &e.QuadClass, &e.Goldstein, &e.PLOVER, &e.PLOVERMode, &e.ACLEDType, &e.ACLEDSubtype,
		&s.date, &e.DatePrecision,
		&s.locName, &s.locCountry, &s.locAdmin1, &s.lat, &s.lon, &s.locPrecision, &s.geonameID, &s.locStart, &s.locEnd,
		&s.fatalities, &s.injuries, &s.crowd, &s.attribution, &e.Confidence, &e.Rule)
}

func (s *eventScan) event() event.Event {
	e := s.e
	e.Source = s.src.actor()
	e.Target = s.tgt.actor()
	e.Date = store.DateFromKey(s.date)
	if s.locStart.Valid {
		e.Location = &event.Location{Name: s.locName.String, Country: s.locCountry.String, Admin1: s.locAdmin1.String,
			Lat: s.lat.Float64, Lon: s.lon.Float64, Precision: s.locPrecision.String, GeonameID: int(s.geonameID.Int64),
			Span: event.Span{Start: int(s.locStart.Int64), End: int(s.locEnd.Int64)}}
	}
	e.Fatalities = intPtr(s.fatalities)
	e.Injuries = intPtr(s.injuries)
	e.Crowd = intPtr(s.crowd)
	if s.attribution.Valid {
		a := s.attribution.String
		e.Attribution = &a
	}
	return e
}

func intPtr(n sql.NullInt64) *int {
	if !n.Valid {
		return nil
	}
	v := int(n.Int64)
	return &v
}

// ts returns the instant to store: UTC, rounded down to the microsecond
// precision of timestamptz.
func ts(t time.Time) time.Time { return t.UTC().Truncate(time.Microsecond) }

// actorText returns the folded text the actor_text and speaker_text
// columns hold for substring filters.
func actorText(as ...*event.Actor) string {
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

// likeContains returns a LIKE pattern matching s anywhere, escaped with \.
func likeContains(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)
	return "%" + r.Replace(store.Fold(s)) + "%"
}
