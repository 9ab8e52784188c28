package store_test

import (
	"errors"
	"math"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/annals-project/annals/internal/event"
	"github.com/annals-project/annals/internal/store"
)

func date(s string) event.Date {
	d, err := event.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

func TestContentHash(t *testing.T) {
	a := &event.Article{URL: "https://wire.example/a", Text: "Police fired tear gas.", Title: "T", ID: "x"}
	// Pinned: a change would make every stored document look new.
	const want = "464d1ae8e8292de59a76815789d39ec35960eb8961cd44be4bed2377265b3aba"
	got := store.ContentHash(a)
	if got != want {
		t.Fatalf("ContentHash() = %q, want %q", got, want)
	}
	b := *a
	b.ID, b.Title = "y", "Other headline"
	if store.ContentHash(&b) != got {
		t.Errorf("ContentHash changed with the ID and title; it must depend on URL and text only")
	}
	b.URL = "https://other.example/a"
	if store.ContentHash(&b) == got {
		t.Errorf("ContentHash ignored the URL")
	}
	c := *a
	c.Text += " "
	if store.ContentHash(&c) == got {
		t.Errorf("ContentHash ignored the text")
	}
	// URL and text are separated, not concatenated.
	d1 := &event.Article{URL: "ab", Text: "c"}
	d2 := &event.Article{URL: "a", Text: "bc"}
	if store.ContentHash(d1) == store.ContentHash(d2) {
		t.Errorf("ContentHash(URL ab, text c) == ContentHash(URL a, text bc)")
	}
}

func TestOutletOf(t *testing.T) {
	tests := []struct{ in, want string }{
		{"https://www.Wire.example/africa/1", "wire.example"},
		{"http://news.example:8080/x", "news.example"},
		{"wire.example/no-scheme", ""},
		{"", ""},
		{"::", ""},
	}
	for _, tt := range tests {
		if got := store.OutletOf(tt.in); got != tt.want {
			t.Errorf("OutletOf(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestDocumentSeen(t *testing.T) {
	ingested := time.Date(2024, 6, 1, 12, 0, 0, 0, time.UTC)
	at := time.Date(2024, 5, 30, 8, 15, 0, 123456789, time.FixedZone("EAT", 3*3600))
	tests := []struct {
		name string
		a    event.Article
		want time.Time
	}{
		{"instant", event.Article{PublishedAt: at, Published: date("2024-05-30")}, time.Date(2024, 5, 30, 5, 15, 0, 123456000, time.UTC)},
		{"date", event.Article{Published: date("2024-05-29")}, time.Date(2024, 5, 29, 0, 0, 0, 0, time.UTC)},
		{"ingested", event.Article{}, ingested},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := &store.Document{Article: &tt.a, IngestedAt: ingested}
			if got := d.Seen(); !got.Equal(tt.want) || got.Location() != time.UTC {
				t.Errorf("Seen() = %v, want %v in UTC", got, tt.want)
			}
		})
	}
}

func TestDocumentValidate(t *testing.T) {
	text := "Police fired tear gas at protesters."
	ok := func() *store.Document {
		return &store.Document{Article: &event.Article{Text: text},
			Events: []event.Event{{Span: event.Span{Start: 7, End: 12}, Source: &event.Actor{Span: event.Span{Start: 0, End: 6}},
				Location: &event.Location{Span: event.Span{Start: 0, End: 0}}}},
			Quotes: []event.Quote{{Span: event.Span{Start: 0, End: len(text)}}}}
	}
	tests := []struct {
		name  string
		edit  func(*store.Document) *store.Document
		valid bool
	}{
		{"ok", func(d *store.Document) *store.Document { return d }, true},
		{"nil", func(*store.Document) *store.Document { return nil }, false},
		{"no article", func(d *store.Document) *store.Document { d.Article = nil; return d }, false},
		{"event past end", func(d *store.Document) *store.Document { d.Events[0].Span.End = len(text) + 1; return d }, false},
		{"reversed actor", func(d *store.Document) *store.Document {
			d.Events[0].Source.Span = event.Span{Start: 5, End: 2}
			return d
		}, false},
		{"negative location", func(d *store.Document) *store.Document { d.Events[0].Location.Span.Start = -1; return d }, false},
		{"quote", func(d *store.Document) *store.Document { d.Quotes[0].Span.End = 999; return d }, false},
		{"speaker", func(d *store.Document) *store.Document {
			d.Quotes[0].Speaker = &event.Actor{Span: event.Span{Start: 50, End: 60}}
			return d
		}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.edit(ok()).Validate()
			if tt.valid && err != nil || !tt.valid && !errors.Is(err, store.ErrInvalid) {
				t.Errorf("Validate() = %v, want valid %v", err, tt.valid)
			}
		})
	}
}

func TestPrepareDocuments(t *testing.T) {
	doc := func(text, hash string) *store.Document {
		return &store.Document{Article: &event.Article{URL: "https://wire.example/1", Text: text}, Hash: hash}
	}
	tests := []struct {
		name    string
		docs    []*store.Document
		want    []string // the hashes after
		invalid bool
	}{
		{"empty batch", nil, nil, false},
		{"fills an empty hash", []*store.Document{doc("Troops withdrew.", "")},
			[]string{store.ContentHash(&event.Article{URL: "https://wire.example/1", Text: "Troops withdrew."})}, false},
		{"keeps a set hash", []*store.Document{doc("Troops withdrew.", "given")}, []string{"given"}, false},
		{"no article", []*store.Document{doc("Troops withdrew.", "given"), {}}, nil, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := store.PrepareDocuments(tt.docs)
			if tt.invalid {
				if !errors.Is(err, store.ErrInvalid) {
					t.Fatalf("PrepareDocuments() = %v, want an error wrapping ErrInvalid", err)
				}
				return
			}
			if err != nil {
				t.Fatalf("PrepareDocuments() = %v", err)
			}
			var got []string
			for _, d := range tt.docs {
				got = append(got, d.Hash)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("hashes after PrepareDocuments() (-want +got):\n%s", diff)
			}
		})
	}
}

func TestActorKey(t *testing.T) {
	tests := []struct {
		a          event.Actor
		code, name string
	}{
		{event.Actor{Text: "Kenya's president", Code: "KENGOV", Name: "William Ruto"}, "KENGOV", "William Ruto"},
		{event.Actor{Text: "Police", Code: "KENCOP"}, "KENCOP", ""},
		{event.Actor{Text: "a local militia"}, "", "a local militia"},
		{event.Actor{Text: "the militia leader", Name: "Some Name"}, "", "Some Name"},
	}
	for _, tt := range tests {
		if code, name := store.ActorKey(&tt.a); code != tt.code || name != tt.name {
			t.Errorf("ActorKey(%+v) = %q, %q; want %q, %q", tt.a, code, name, tt.code, tt.name)
		}
	}
}

func TestDateKey(t *testing.T) {
	for _, d := range []event.Date{{}, date("2024-03-04"), date("0001-01-01"), date("1999-12-31")} {
		k := store.DateKey(d)
		if got := store.DateFromKey(k); got != d {
			t.Errorf("DateFromKey(DateKey(%v) = %d) = %v", d, k, got)
		}
	}
	if a, b := store.DateKey(date("2023-12-31")), store.DateKey(date("2024-01-01")); a >= b {
		t.Errorf("DateKey orders 2023-12-31 (%d) after 2024-01-01 (%d)", a, b)
	}
}

func TestDistanceKm(t *testing.T) {
	tests := []struct {
		name                   string
		lat1, lon1, lat2, lon2 float64
		want, tol              float64
	}{
		{"same point", -1.2864, 36.8172, -1.2864, 36.8172, 0, 1e-9},
		{"Nairobi to Dodoma", -1.2864, 36.8172, -6.1722, 35.7395, 556, 3},
		{"across the antimeridian", -18.1416, 178.4415, -18.2, -178.8, 291, 3},
		{"antipodes", 0, 0, 0, 180, math.Pi * store.EarthRadiusKm, 1e-6},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := store.DistanceKm(tt.lat1, tt.lon1, tt.lat2, tt.lon2); math.Abs(got-tt.want) > tt.tol {
				t.Errorf("DistanceKm() = %.2f, want %.2f ± %g", got, tt.want, tt.tol)
			}
		})
	}
}

func TestCursor(t *testing.T) {
	r := store.EventRecord{ID: 42, NumMentions: 7, Event: event.Event{Date: date("2024-03-09")}}
	tests := []struct {
		o    store.Order
		want store.Cursor
	}{
		{store.OrderID, store.Cursor{ID: 42}},
		{store.OrderIDDesc, store.Cursor{ID: 42}},
		{store.OrderDate, store.Cursor{Key: 20240309, ID: 42}},
		{store.OrderDateDesc, store.Cursor{Key: 20240309, ID: 42}},
		{store.OrderMentionsDesc, store.Cursor{Key: 7, ID: 42}},
	}
	for _, tt := range tests {
		got, err := store.ParseCursor(tt.o, r.Cursor(tt.o))
		if err != nil || got != tt.want {
			t.Errorf("ParseCursor(%q, Cursor()) = %+v, %v; want %+v", tt.o, got, err, tt.want)
		}
	}
	for _, bad := range []string{"", "12", "a.b", "1.-2", "-1.2", "1.2.3", "9999999999999999999999.1"} {
		if _, err := store.ParseCursor(store.OrderDate, bad); !errors.Is(err, store.ErrInvalid) {
			t.Errorf("ParseCursor(date, %q) = %v, want ErrInvalid", bad, err)
		}
	}
}

func TestBuckets(t *testing.T) {
	days := []store.DayCount{
		{Date: date("2024-03-10"), Events: 1, Mentions: 2, Fatalities: 3}, // a Sunday
		{Date: date("2024-03-04"), Events: 2, Mentions: 2},                // the Monday before
		{Date: date("2024-03-11"), Events: 1, Mentions: 1},                // the Monday after
		{Events: 9}, // undated: dropped
		{Date: date("2025-01-01"), Events: 1, Mentions: 1},
	}
	p := func(s string, e, m, f int) store.TimelinePoint {
		return store.TimelinePoint{Start: date(s), Events: e, Mentions: m, Fatalities: f}
	}
	tests := []struct {
		b    store.Bucket
		want []store.TimelinePoint
	}{
		{store.Day, []store.TimelinePoint{p("2024-03-04", 2, 2, 0), p("2024-03-10", 1, 2, 3), p("2024-03-11", 1, 1, 0), p("2025-01-01", 1, 1, 0)}},
		{store.Week, []store.TimelinePoint{p("2024-03-04", 3, 4, 3), p("2024-03-11", 1, 1, 0), p("2024-12-30", 1, 1, 0)}},
		{store.Month, []store.TimelinePoint{p("2024-03-01", 4, 5, 3), p("2025-01-01", 1, 1, 0)}},
		{store.Year, []store.TimelinePoint{p("2024-01-01", 4, 5, 3), p("2025-01-01", 1, 1, 0)}},
	}
	for _, tt := range tests {
		t.Run(string(tt.b), func(t *testing.T) {
			got, err := store.Buckets(days, tt.b)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Buckets(%s) mismatch (-want +got):\n%s", tt.b, diff)
			}
		})
	}
	if _, err := store.Buckets(days, "fortnight"); !errors.Is(err, store.ErrInvalid) {
		t.Errorf("Buckets(fortnight) = %v, want ErrInvalid", err)
	}
}
