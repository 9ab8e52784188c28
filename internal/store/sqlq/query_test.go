package sqlq_test

import (
	"errors"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/annals-project/annals/internal/event"
	"github.com/annals-project/annals/internal/store"
	"github.com/annals-project/annals/internal/store/sqlq"
)

// numbered is a dialect of numbered placeholders, shaped like
// PostgreSQL's, and question one of ? placeholders, shaped like SQLite's.
var (
	numbered = &sqlq.Dialect{
		Numbered:  true,
		Least:     "LEAST",
		TextQuery: func(q store.TextQuery) string { return strings.Join(q[0].Words, "+") },
		TextMatch: func(_, alias string) string { return alias + ".tsv @@ ?" },
	}
	question = &sqlq.Dialect{
		NoLimit:   "-1",
		Least:     "min",
		TextQuery: func(q store.TextQuery) string { return strings.Join(q[0].Words, "+") },
		TextMatch: func(table, alias string) string {
			return alias + ".id IN (SELECT rowid FROM " + table + "_fts WHERE ?)"
		},
	}
)

// tail returns what query adds after its FROM clause, which ends in from.
func tail(t *testing.T, query, from string) string {
	t.Helper()
	_, after, ok := strings.Cut(query, from)
	if !ok {
		t.Fatalf("query %q has no %q", query, from)
	}
	return strings.Join(strings.Fields(after), " ")
}

func TestEvents(t *testing.T) {
	tests := []struct {
		name           string
		f              store.EventFilter
		question, numb string
		args           []any
	}{
		{"everything", store.EventFilter{}, "ORDER BY e.id", "ORDER BY e.id", nil},
		{"country and quad class", store.EventFilter{Country: "KEN", QuadClass: 4},
			"WHERE e.country = ? AND e.quad_class = ? ORDER BY e.id",
			"WHERE e.country = $1 AND e.quad_class = $2 ORDER BY e.id", []any{"KEN", 4}},
		{"ids", store.EventFilter{IDs: []int64{3, 5}},
			"WHERE e.id IN (?, ?) ORDER BY e.id", "WHERE e.id IN ($1, $2) ORDER BY e.id", []any{int64(3), int64(5)}},
		{"actor prefix", store.EventFilter{Actor: "KEN"},
			"WHERE (substr(e.source_code, 1, 3) = ? OR substr(e.target_code, 1, 3) = ?) ORDER BY e.id",
			"WHERE (substr(e.source_code, 1, 3) = $1 OR substr(e.target_code, 1, 3) = $2) ORDER BY e.id", []any{"KEN", "KEN"}},
		{"cameo root and code", store.EventFilter{CAMEO: []string{"14", "0251"}},
			"WHERE (e.root = ? OR substr(e.cameo, 1, 4) = ?) ORDER BY e.id",
			"WHERE (e.root = $1 OR substr(e.cameo, 1, 4) = $2) ORDER BY e.id", []any{"14", "0251"}},
		{"actor text", store.EventFilter{ActorText: "50%_Ruto"},
			`WHERE e.actor_text LIKE ? ESCAPE '\' ORDER BY e.id`,
			`WHERE e.actor_text LIKE $1 ESCAPE '\' ORDER BY e.id`, []any{`%50\%\_ruto%`}},
		{"dates", store.EventFilter{From: event.Date{Year: 2024, Month: 3, Day: 1}, To: event.Date{Year: 2024, Month: 3, Day: 31}},
			"WHERE e.date >= ? AND e.date BETWEEN 1 AND ? ORDER BY e.id",
			"WHERE e.date >= $1 AND e.date BETWEEN 1 AND $2 ORDER BY e.id", []any{20240301, 20240331}},
		{"bbox across antimeridian", store.EventFilter{BBox: &store.BBox{MinLat: -25, MinLon: 170, MaxLat: -10, MaxLon: -170}},
			"WHERE e.lat BETWEEN ? AND ? AND (e.lon >= ? OR e.lon <= ?) ORDER BY e.id",
			"WHERE e.lat BETWEEN $1 AND $2 AND (e.lon >= $3 OR e.lon <= $4) ORDER BY e.id", []any{-25.0, -10.0, 170.0, -170.0}},
		{"country or unlocated", store.EventFilter{Country: "NGA", UnlocatedActor: "NGA", QuadClass: 4},
			"WHERE e.quad_class = ? AND ((e.country = ?) OR (e.lat IS NULL AND (substr(e.source_code, 1, 3) = ? OR substr(e.target_code, 1, 3) = ?))) ORDER BY e.id",
			"WHERE e.quad_class = $1 AND ((e.country = $2) OR (e.lat IS NULL AND (substr(e.source_code, 1, 3) = $3 OR substr(e.target_code, 1, 3) = $4))) ORDER BY e.id",
			[]any{4, "NGA", "NGA", "NGA"}},
		{"box or unlocated", store.EventFilter{BBox: &store.BBox{MinLat: -5, MinLon: 30, MaxLat: 5, MaxLon: 40}, UnlocatedActor: "KENGOV"},
			"WHERE ((e.lat BETWEEN ? AND ? AND e.lon BETWEEN ? AND ?) OR (e.lat IS NULL AND (substr(e.source_code, 1, 6) = ? OR substr(e.target_code, 1, 6) = ?))) ORDER BY e.id",
			"WHERE ((e.lat BETWEEN $1 AND $2 AND e.lon BETWEEN $3 AND $4) OR (e.lat IS NULL AND (substr(e.source_code, 1, 6) = $5 OR substr(e.target_code, 1, 6) = $6))) ORDER BY e.id",
			[]any{-5.0, 5.0, 30.0, 40.0, "KENGOV", "KENGOV"}},
		{"unlocated without a location filter", store.EventFilter{UnlocatedActor: "KEN"}, "ORDER BY e.id", "ORDER BY e.id", nil},
		{"text", store.EventFilter{Text: `"tear gas"`},
			"WHERE e.id IN (SELECT t.event_id FROM mentions t WHERE t.id IN (SELECT rowid FROM mentions_fts WHERE ?)) ORDER BY e.id",
			"WHERE e.id IN (SELECT t.event_id FROM mentions t WHERE t.tsv @@ $1) ORDER BY e.id", []any{"tear+gas"}},
		{"date order after a cursor, paged", store.EventFilter{Order: store.OrderDate, After: "20240301.7", Limit: 10, Offset: 20},
			"WHERE (e.date > ? OR (e.date = ? AND e.id > ?)) ORDER BY e.date, e.id LIMIT 10 OFFSET 20",
			"WHERE (e.date > $1 OR (e.date = $2 AND e.id > $3)) ORDER BY e.date, e.id LIMIT 10 OFFSET 20",
			[]any{int64(20240301), int64(20240301), int64(7)}},
		{"offset without limit", store.EventFilter{Order: store.OrderIDDesc, Offset: 5},
			"ORDER BY e.id DESC LIMIT -1 OFFSET 5", "ORDER BY e.id DESC OFFSET 5", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, c := range []struct {
				d    *sqlq.Dialect
				want string
			}{{question, tt.question}, {numbered, tt.numb}} {
				query, args, err := c.d.Events(tt.f)
				if err != nil {
					t.Fatalf("Events(%+v) = %v", tt.f, err)
				}
				if got := tail(t, query, "m.id = e.mention_id"); got != c.want {
					t.Errorf("Events(%+v) ends\n%s\nwant\n%s", tt.f, got, c.want)
				}
				if diff := cmp.Diff(tt.args, args); diff != "" {
					t.Errorf("Events(%+v) arguments (-want +got):\n%s", tt.f, diff)
				}
			}
		})
	}
}

func TestNear(t *testing.T) {
	f := store.EventFilter{Near: &store.Circle{Lat: -1.28, Lon: 36.82, RadiusKm: 300}}
	for _, d := range []*sqlq.Dialect{question, numbered} {
		query, args, err := d.Events(f)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(query, d.Least+"(1, ") {
			t.Errorf("Events(near) does not bound the haversine term with %s:\n%s", d.Least, query)
		}
		dl := f.Near.LatDelta()
		want := []any{-1.28 - dl, -1.28 + dl, store.EarthRadiusKm, -1.28, -1.28, 36.82, 300.0}
		if diff := cmp.Diff(want, args); diff != "" {
			t.Errorf("Events(near) arguments (-want +got):\n%s", diff)
		}
	}
}

func TestOtherQueries(t *testing.T) {
	yes := true
	tests := []struct {
		name, from   string
		query        func(d *sqlq.Dialect) (string, []any, error)
		question, nb string
		args         []any
	}{
		{"mentions", "d.id = m.document_id", func(d *sqlq.Dialect) (string, []any, error) {
			return d.Mentions(store.MentionFilter{EventID: 2, Text: "protest", Offset: 1})
		}, "WHERE m.event_id = ? AND m.id IN (SELECT rowid FROM mentions_fts WHERE ?) ORDER BY m.id LIMIT -1 OFFSET 1",
			"WHERE m.event_id = $1 AND m.tsv @@ $2 ORDER BY m.id OFFSET 1", []any{int64(2), "protest"}},
		{"quotes", "d.id = q.document_id", func(d *sqlq.Dialect) (string, []any, error) {
			return d.Quotes(store.QuoteFilter{Speaker: "KENGOV", Direct: &yes, Limit: 3})
		}, "WHERE substr(q.sp_code, 1, 6) = ? AND q.direct = ? ORDER BY q.id LIMIT 3",
			"WHERE substr(q.sp_code, 1, 6) = $1 AND q.direct = $2 ORDER BY q.id LIMIT 3", []any{"KENGOV", true}},
		{"actors", "FROM actors", func(d *sqlq.Dialect) (string, []any, error) {
			return d.Actors(store.ActorFilter{Name: "Ruto", MinCount: 2})
		}, `WHERE fold LIKE ? ESCAPE '\' AND count >= ? ORDER BY count DESC, code, name`,
			`WHERE fold LIKE $1 ESCAPE '\' AND count >= $2 ORDER BY count DESC, code, name`, []any{"%ruto%", 2}},
		{"documents", "FROM documents d", func(d *sqlq.Dialect) (string, []any, error) {
			return d.Documents(store.DocumentFilter{Outlet: "wire.example", AfterID: 9, Limit: 50})
		}, "WHERE d.outlet = ? AND d.id > ? ORDER BY d.id LIMIT 50",
			"WHERE d.outlet = $1 AND d.id > $2 ORDER BY d.id LIMIT 50", []any{"wire.example", int64(9)}},
		{"timeline", "FROM events e", func(d *sqlq.Dialect) (string, []any, error) {
			return d.Timeline(store.EventFilter{Country: "KEN", Limit: 5, Order: store.OrderDateDesc, After: "1.1"}, store.Week)
		}, "WHERE e.country = ? AND e.date <> 0 GROUP BY e.date ORDER BY e.date",
			"WHERE e.country = $1 AND e.date <> 0 GROUP BY e.date ORDER BY e.date", []any{"KEN"}},
		{"event", "m.id = e.mention_id", func(d *sqlq.Dialect) (string, []any, error) {
			q, args := d.Event(4)
			return q, args, nil
		}, "WHERE e.id = ?", "WHERE e.id = $1", []any{int64(4)}},
		{"document", "FROM documents d", func(d *sqlq.Dialect) (string, []any, error) {
			q, args := d.Document(4)
			return q, args, nil
		}, "WHERE d.id = ?", "WHERE d.id = $1", []any{int64(4)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, c := range []struct {
				d    *sqlq.Dialect
				want string
			}{{question, tt.question}, {numbered, tt.nb}} {
				query, args, err := tt.query(c.d)
				if err != nil {
					t.Fatal(err)
				}
				if got := tail(t, query, tt.from); got != c.want {
					t.Errorf("query ends\n%s\nwant\n%s", got, c.want)
				}
				if diff := cmp.Diff(tt.args, args); diff != "" {
					t.Errorf("arguments (-want +got):\n%s", diff)
				}
			}
		})
	}
}

func TestInvalid(t *testing.T) {
	d := question
	tests := []struct {
		name  string
		query func() error
	}{
		{"event order", func() error { _, _, err := d.Events(store.EventFilter{Order: "size"}); return err }},
		{"event text", func() error { _, _, err := d.Events(store.EventFilter{Text: `"*"`}); return err }},
		{"timeline bucket", func() error { _, _, err := d.Timeline(store.EventFilter{}, "fortnight"); return err }},
		{"mention text", func() error { _, _, err := d.Mentions(store.MentionFilter{Text: "--"}); return err }},
		{"mention offset", func() error { _, _, err := d.Mentions(store.MentionFilter{Offset: -1}); return err }},
		{"quote limit", func() error { _, _, err := d.Quotes(store.QuoteFilter{Limit: -1}); return err }},
		{"actor limit", func() error { _, _, err := d.Actors(store.ActorFilter{Limit: -2}); return err }},
		{"document limit", func() error { _, _, err := d.Documents(store.DocumentFilter{Limit: -1}); return err }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := tt.query(); !errors.Is(err, store.ErrInvalid) {
				t.Errorf("query = %v, want an error wrapping ErrInvalid", err)
			}
		})
	}
}

var placeholder = regexp.MustCompile(`\$(\d+)`)

// FuzzEvents checks that every query Events builds has one placeholder per
// argument, numbered in order in the numbered dialect.
func FuzzEvents(f *testing.F) {
	f.Add("KEN", "IRN", "14 0251", "tear gas", "ruto", int64(3), 2, 10, 5, -1.3, 36.8, 200.0, "date", "20240301.4")
	f.Add("", "", "", "", "", int64(0), 0, 0, 0, 0.0, 0.0, 0.0, "", "")
	f.Fuzz(func(t *testing.T, country, actor, cameo, text, actorText string, id int64, quad, limit, offset int,
		lat, lon, radius float64, order, after string) {
		flt := store.EventFilter{Country: country, Actor: actor, CAMEO: strings.Fields(cameo), Text: text,
			ActorText: actorText, QuadClass: quad, Limit: limit, Offset: offset, Order: store.Order(order), After: after}
		if id != 0 {
			flt.IDs = []int64{id, id + 1}
		}
		if radius != 0 {
			flt.Near = &store.Circle{Lat: lat, Lon: lon, RadiusKm: radius}
		}
		query, args, err := question.Events(flt)
		if err != nil {
			return
		}
		if n := strings.Count(query, "?"); n != len(args) {
			t.Fatalf("Events(%+v): %d placeholders, %d arguments:\n%s", flt, n, len(args), query)
		}
		query, args, err = numbered.Events(flt)
		if err != nil {
			t.Fatalf("Events(%+v) = %v in one dialect only", flt, err)
		}
		got := placeholder.FindAllStringSubmatch(query, -1)
		if len(got) != len(args) || strings.Contains(query, "?") {
			t.Fatalf("Events(%+v): %d numbered placeholders, %d arguments:\n%s", flt, len(got), len(args), query)
		}
		for i, m := range got {
			if m[1] != strconv.Itoa(i+1) {
				t.Fatalf("Events(%+v): placeholder %d is $%s:\n%s", flt, i+1, m[1], query)
			}
		}
	})
}

func BenchmarkEvents(b *testing.B) {
	f := store.EventFilter{Country: "KEN", CAMEO: []string{"14", "0251"}, From: event.Date{Year: 2024, Month: 1, Day: 1},
		Text: "tear gas", Order: store.OrderDateDesc, After: "20240301.7", Limit: 100}
	for _, d := range []struct {
		name string
		d    *sqlq.Dialect
	}{{"Question", question}, {"Numbered", numbered}} {
		b.Run(d.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, _, err := d.d.Events(f); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func TestBind(t *testing.T) {
	tests := []struct {
		name, query, numbered, question string
	}{
		{"none", "SELECT 1", "SELECT 1", "SELECT 1"},
		{"values", "INSERT INTO t (a, b) VALUES (?, ?)", "INSERT INTO t (a, b) VALUES ($1, $2)", "INSERT INTO t (a, b) VALUES (?, ?)"},
		{"where", "UPDATE t SET a = ? WHERE b = ? AND c = ?", "UPDATE t SET a = $1 WHERE b = $2 AND c = $3", "UPDATE t SET a = ? WHERE b = ? AND c = ?"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := numbered.Bind(tt.query); got != tt.numbered {
				t.Errorf("numbered.Bind(%q) = %q, want %q", tt.query, got, tt.numbered)
			}
			if got := question.Bind(tt.query); got != tt.question {
				t.Errorf("question.Bind(%q) = %q, want %q", tt.query, got, tt.question)
			}
		})
	}
}
