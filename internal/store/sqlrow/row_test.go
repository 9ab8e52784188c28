package sqlrow

import (
	"database/sql"
	"fmt"
	"reflect"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/annals-project/annals/internal/event"
	"github.com/annals-project/annals/internal/store"
)

// argRow is a Scanner over the values written to a row, as a driver would
// return them.
type argRow []any

func (r argRow) Scan(dest ...any) error {
	if len(dest) != len(r) {
		return fmt.Errorf("scan: %d destinations for %d columns", len(dest), len(r))
	}
	for i, d := range dest {
		if s, ok := d.(sql.Scanner); ok {
			if err := s.Scan(r[i]); err != nil {
				return fmt.Errorf("column %d: %w", i, err)
			}
			continue
		}
		v := reflect.ValueOf(d).Elem()
		v.Set(reflect.ValueOf(r[i]).Convert(v.Type()))
	}
	return nil
}

func TestEventRoundTrip(t *testing.T) {
	three, attr := 3, "police said"
	tests := []struct {
		name string
		e    event.Event
	}{
		{"bare", event.Event{Sentence: 2, Text: "Protesters marched on the ministry.", CAMEO: "141", Root: "14",
			QuadClass: 3, Goldstein: -6.5, Rule: "protest"}},
		{"full", event.Event{Sentence: 0, Text: "Troops shelled the town, killing three.",
			Span:   event.Span{Start: 4, End: 40},
			Source: &event.Actor{Text: "Troops", Code: "MIL", Country: "XYZ", Role: "MIL", Name: "army", Span: event.Span{Start: 0, End: 6}},
			Target: &event.Actor{Text: "the town", Code: "CVL", Span: event.Span{Start: 19, End: 27}},
			CAMEO:  "195", Root: "19", QuadClass: 4, Goldstein: -10, PLOVER: "ATTACK", PLOVERMode: "shelling",
			Date:       event.Date{Year: 2024, Month: time.March, Day: 5},
			Location:   &event.Location{Name: "Riverton", Country: "XYZ", Admin1: "North", Lat: 1.5, Lon: -2.25, GeonameID: 42, Span: event.Span{Start: 19, End: 27}},
			Fatalities: &three, Attribution: &attr, Confidence: 0.8}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			args := EventArgs(&tt.e)
			if len(args) != len(EventCols()) {
				t.Fatalf("EventArgs: %d values for %d columns", len(args), len(EventCols()))
			}
			var s EventScan
			if err := argRow(args).Scan(s.Dest()...); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.e, s.Event()); diff != "" {
				t.Errorf("round trip (-want +got):\n%s", diff)
			}
		})
	}
}

func TestDocumentArgs(t *testing.T) {
	ingested := time.Date(2024, 3, 9, 12, 0, 0, 0, time.UTC)
	published := time.Date(2024, 3, 8, 6, 30, 0, 0, time.UTC)
	instant := func(t time.Time) any { return t.UnixMicro() }
	tests := []struct {
		name        string
		publishedAt time.Time
		wantAt      any // published_at
		wantSeen    time.Time
	}{
		{"undated", time.Time{}, nil, ingested},
		{"published", published, published.UnixMicro(), published},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := &store.Document{Hash: "h", Outlet: "wire.example",
				Article: &event.Article{ID: "a1", URL: "https://wire.example/1", Text: "Troops withdrew.", PublishedAt: tt.publishedAt}}
			args, seen := DocumentArgs(doc, ingested, instant)
			if len(args) != len(DocumentCols()) {
				t.Fatalf("DocumentArgs: %d values for %d columns", len(args), len(DocumentCols()))
			}
			col := map[string]any{}
			for i, c := range DocumentCols() {
				col[c] = args[i]
			}
			got := []any{col["hash"], col["published_at"], col["source_key"], col["ingested_at"], col["seen"], col["fingerprint"], seen}
			want := []any{"h", tt.wantAt, "wire.example", ingested.UnixMicro(), tt.wantSeen.UnixMicro(), nil, tt.wantSeen}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("DocumentArgs hash, published_at, source_key, ingested_at, seen, fingerprint and seen (-want +got):\n%s", diff)
			}
			if doc.IngestedAt != (time.Time{}) {
				t.Errorf("DocumentArgs set doc.IngestedAt to %v; it must leave the document alone", doc.IngestedAt)
			}
		})
	}
}

func TestAppendEventRowArgs(t *testing.T) {
	tests := []struct {
		name string
		e    event.Event
		want []any
	}{
		{"bare", event.Event{CAMEO: "141", Root: "14", QuadClass: 3},
			[]any{"141", "14", 3, "", "", "", 0, "", nil, nil, "", "", ""}},
		{"placed, with actors", event.Event{CAMEO: "195", Root: "19", QuadClass: 4, PLOVER: "ATTACK",
			Date:     event.Date{Year: 2024, Month: time.March, Day: 5},
			Location: &event.Location{Country: "XYZ", Lat: 1.5, Lon: -2.25},
			Source:   &event.Actor{Text: "Troops", Code: "MIL"}, Target: &event.Actor{Text: "the Town", Code: "CVL", Name: "Riverton"}},
			[]any{"195", "19", 4, "ATTACK", "", "", 20240305, "XYZ", 1.5, -2.25, "MIL", "CVL", "troops\n\nthe town\nriverton\n"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := AppendEventRowArgs([]any{"first"}, &tt.e)
			if len(got) != 1+len(EventRowCols()) {
				t.Fatalf("AppendEventRowArgs: %d values for 1 + %d columns", len(got), len(EventRowCols()))
			}
			if diff := cmp.Diff(append([]any{"first"}, tt.want...), got); diff != "" {
				t.Errorf("AppendEventRowArgs (-want +got):\n%s", diff)
			}
		})
	}
}

func TestCols(t *testing.T) {
	tests := []struct {
		name, alias string
		names       []string
		want        string
	}{
		{"none", "m", nil, ""},
		{"two", "m", []string{"a", "b"}, "m.a, m.b"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Cols(tt.alias, tt.names); got != tt.want {
				t.Errorf("Cols = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestLikeContains(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"plain", "Army", "%army%"},
		{"wildcards", `50%_a\b`, `%50\%\_a\\b%`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := LikeContains(tt.in); got != tt.want {
				t.Errorf("LikeContains(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestActorCounts(t *testing.T) {
	a := &event.Actor{Text: "the army", Code: "MIL"}
	b := &event.Actor{Text: "protesters", Code: "CVL"}
	var c ActorCounts
	for _, ac := range []*event.Actor{a, nil, b, a} {
		c.Add(ac)
	}
	var got []string
	for _, g := range c.Sorted() {
		got = append(got, fmt.Sprintf("%s/%s %d %q", g.Code, g.Name, g.Count, g.First.Text))
	}
	want := []string{`CVL/ 1 "protesters"`, `MIL/ 2 "the army"`}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Sorted (-want +got):\n%s", diff)
	}
}
