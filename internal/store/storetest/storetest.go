package storetest

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/annals-project/annals/internal/event"
	"github.com/annals-project/annals/internal/store"
)

// Run runs the conformance suite. newStore must return a new, empty store
// each time it is called and close it when the test ends (tb.Cleanup).
func Run(t *testing.T, newStore func(testing.TB) store.Store) {
	tests := []struct {
		name string
		fn   func(*testing.T, func(testing.TB) store.Store)
	}{
		{"RoundTrip", testRoundTrip},
		{"Idempotent", testIdempotent},
		{"Batch", testBatch},
		{"Invalid", testInvalid},
		{"NotFound", testNotFound},
		{"EventFilter", testEventFilter},
		{"Pagination", testPagination},
		{"Mentions", testMentions},
		{"Quotes", testQuotes},
		{"Actors", testActors},
		{"Timeline", testTimeline},
		{"Documents", testDocuments},
		{"Fingerprint", testFingerprint},
		{"Merge", testMerge},
		{"CountryOrUnlocated", testCountryOrUnlocated},
		{"MergeConflict", testMergeConflict},
		{"CancelMidTransaction", testCancel},
		{"ConcurrentWriters", testConcurrent},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { tt.fn(t, newStore) })
	}
}

// MustPut stores docs with m and fails tb on any error.
func MustPut(tb testing.TB, s store.Store, m store.Merger, docs ...*store.Document) []store.PutResult {
	tb.Helper()
	var out []store.PutResult
	for _, d := range docs {
		r, err := s.PutDocument(context.Background(), d, m)
		if err != nil {
			tb.Fatalf("PutDocument(%s) = %v", d.Article.ID, err)
		}
		out = append(out, r)
	}
	return out
}

// corpusStore returns a store holding Corpus, and the stored documents.
func corpusStore(t *testing.T, newStore func(testing.TB) store.Store) (store.Store, []*store.Document) {
	t.Helper()
	s := newStore(t)
	docs := Corpus()
	MustPut(t, s, nil, docs...)
	return s, docs
}

// rules returns the Rule of each record, the label fixture events carry.
func rules[T any](recs []T, rule func(T) string) []string {
	out := []string{}
	for _, r := range recs {
		out = append(out, rule(r))
	}
	return out
}

func eventRule(r store.EventRecord) string { return r.Rule }

func testRoundTrip(t *testing.T, newStore func(testing.TB) store.Store) {
	ctx := context.Background()
	s := newStore(t)
	docs := Corpus()
	for _, d := range docs {
		r, err := s.PutDocument(ctx, d, nil)
		if err != nil {
			t.Fatalf("PutDocument(%s) = %v", d.Article.ID, err)
		}
		want := store.PutResult{Document: d.ID, Mentions: len(d.Events), Quotes: len(d.Quotes), NewEvents: len(d.Events)}
		if d.ID == 0 || r != want {
			t.Errorf("PutDocument(%s) = %+v, ID %d; want %+v and an ID", d.Article.ID, r, d.ID, want)
		}
		if d.IngestedAt.IsZero() || d.IngestedAt.Location() != time.UTC || d.IngestedAt.Nanosecond()%1000 != 0 {
			t.Errorf("PutDocument(%s) set IngestedAt %v, want a UTC time in microseconds", d.Article.ID, d.IngestedAt)
		}
	}
	fresh := Corpus()
	for i, d := range docs {
		got, err := s.Document(ctx, d.ID)
		if err != nil {
			t.Fatalf("Document(%d) = %v", d.ID, err)
		}
		want := fresh[i]
		want.ID, want.IngestedAt = d.ID, d.IngestedAt
		if diff := cmp.Diff(want, got, cmpopts.EquateEmpty()); diff != "" {
			t.Errorf("Document(%d) mismatch (-want +got):\n%s", d.ID, diff)
		}
	}
	evs, err := s.Events(ctx, store.EventFilter{})
	if err != nil {
		t.Fatal(err)
	}
	var wantEvs []event.Event
	var wantDocs []*store.Document
	for i, d := range fresh {
		wantEvs = append(wantEvs, d.Events...)
		for range d.Events {
			wantDocs = append(wantDocs, docs[i])
		}
	}
	if len(evs) != len(wantEvs) {
		t.Fatalf("Events() returned %d events, want %d", len(evs), len(wantEvs))
	}
	for i, e := range evs {
		d := wantDocs[i]
		if diff := cmp.Diff(wantEvs[i], e.Event); diff != "" {
			t.Errorf("event %d mismatch (-want +got):\n%s", e.ID, diff)
		}
		if e.NumMentions != 1 || e.NumArticles != 1 || e.NumSources != 1 || e.DocumentID != d.ID ||
			!e.FirstSeen.Equal(d.Seen()) || !e.LastSeen.Equal(d.Seen()) {
			t.Errorf("event %d: counts %d/%d/%d, document %d, seen %v-%v; want 1/1/1, %d, %v",
				e.ID, e.NumMentions, e.NumArticles, e.NumSources, e.DocumentID, e.FirstSeen, e.LastSeen, d.ID, d.Seen())
		}
		got, ms, err := s.Event(ctx, e.ID)
		if err != nil {
			t.Fatalf("Event(%d) = %v", e.ID, err)
		}
		if diff := cmp.Diff(e, got); diff != "" {
			t.Errorf("Event(%d) differs from Events() (-list +get):\n%s", e.ID, diff)
		}
		if len(ms) != 1 {
			t.Fatalf("Event(%d) has %d mentions, want 1", e.ID, len(ms))
		}
		index := slices.IndexFunc(d.Events, func(x event.Event) bool { return x.Rule == e.Rule })
		wantM := []store.Mention{{ID: ms[0].ID, EventID: e.ID, DocumentID: d.ID, Index: index,
			Event: wantEvs[i], URL: d.Article.URL, Title: d.Article.Title, Outlet: d.Outlet, Origin: d.OriginKey(), Seen: d.Seen(),
			Anchor: d.Article.Anchor, AnchorSource: d.Article.AnchorSource}}
		if diff := cmp.Diff(wantM, ms); diff != "" {
			t.Errorf("Event(%d) mentions mismatch (-want +got):\n%s", e.ID, diff)
		}
	}
	if st, err := s.Stats(ctx); err != nil || st != (store.Stats{Documents: 3, Events: 7, Mentions: 7, Quotes: 2, Actors: 11}) {
		t.Errorf("Stats() = %+v, %v; want 3 documents, 7 events, 7 mentions, 2 quotes, 11 actors", st, err)
	}
	Check(t, s)
}

func testIdempotent(t *testing.T, newStore func(testing.TB) store.Store) {
	ctx := context.Background()
	s, docs := corpusStore(t, newStore)
	before, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	again := Corpus()
	again[0].Article.ID = "renamed" // same URL and text: same content hash
	again[0].Hash = store.ContentHash(again[0].Article)
	for i, d := range again {
		r, err := s.PutDocument(ctx, d, Merger{})
		if err != nil {
			t.Fatalf("PutDocument(%s) again = %v", d.Article.ID, err)
		}
		if want := (store.PutResult{Document: docs[i].ID, Skipped: true}); r != want {
			t.Errorf("PutDocument(%s) again = %+v, want %+v", d.Article.ID, r, want)
		}
	}
	after, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if after != before {
		t.Errorf("Stats() after re-put = %+v, want unchanged %+v", after, before)
	}
	moved := Corpus()[2]
	moved.Article.URL = "https://islands.example/fiji"
	moved.Hash = store.ContentHash(moved.Article)
	if r := MustPut(t, s, nil, moved)[0]; r.Skipped {
		t.Errorf("PutDocument(same text, new URL) skipped, want stored as another document")
	}
}

func testBatch(t *testing.T, newStore func(testing.TB) store.Store) {
	ctx := context.Background()
	s := newStore(t)
	docs := Corpus()
	dup := Corpus()[0]
	res, err := s.PutDocuments(ctx, append(docs, dup), Merger{})
	if err != nil {
		t.Fatalf("PutDocuments() = %v", err)
	}
	var got []string
	for i, r := range res {
		got = append(got, fmt.Sprintf("%d skipped=%v mentions=%d", i, r.Skipped, r.Mentions))
	}
	want := []string{"0 skipped=false mentions=2", "1 skipped=false mentions=3", "2 skipped=false mentions=2", "3 skipped=true mentions=0"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("PutDocuments() results mismatch (-want +got):\n%s", diff)
	}
	if res[3].Document != docs[0].ID || dup.ID != 0 || docs[2].ID == 0 || !docs[2].IngestedAt.Equal(docs[0].IngestedAt) {
		t.Errorf("PutDocuments(): skipped copy points at %d (want %d), copy ID %d (want 0), last ID %d, ingest times %v and %v",
			res[3].Document, docs[0].ID, dup.ID, docs[2].ID, docs[0].IngestedAt, docs[2].IngestedAt)
	}
	Check(t, s)

	// A failure part way through a batch stores none of it.
	s = newStore(t)
	fails := mergeFunc{
		candidates: func(*store.Mention) (store.EventFilter, bool) { return store.EventFilter{}, true },
		merge: func(m *store.Mention, _ []store.EventRecord) int64 {
			if m.Rule == "r4" {
				return 1 << 40
			}
			return 0
		},
	}
	batch := append(Synthetic(2, 8), Corpus()[1])
	if _, err := s.PutDocuments(ctx, batch, fails); !errors.Is(err, store.ErrConflict) {
		t.Errorf("PutDocuments(batch failing in its last document) = %v, want ErrConflict", err)
	}
	if st, err := s.Stats(ctx); err != nil || st != (store.Stats{}) {
		t.Errorf("Stats() after a failed batch = %+v, %v; want nothing stored", st, err)
	}
	if batch[0].ID != 0 {
		t.Errorf("failed batch set document ID %d, want 0", batch[0].ID)
	}
	if res, err := s.PutDocuments(ctx, nil, nil); err != nil || len(res) != 0 {
		t.Errorf("PutDocuments(nothing) = %v, %v; want no results", res, err)
	}
}

func testInvalid(t *testing.T, newStore func(testing.TB) store.Store) {
	ctx := context.Background()
	s, _ := corpusStore(t, newStore)
	bad := Corpus()[0]
	bad.Events[0].Span = event.Span{Start: 5, End: 5000}
	badSrc := Corpus()[1]
	badSrc.Events[0].Source.Span = event.Span{Start: 9, End: 3}
	puts := []struct {
		name string
		doc  *store.Document
	}{
		{"nil", nil},
		{"no article", &store.Document{Hash: "x"}},
		{"event span", bad},
		{"actor span", badSrc},
	}
	for _, tt := range puts {
		t.Run("put "+tt.name, func(t *testing.T) {
			if _, err := s.PutDocument(ctx, tt.doc, nil); !errors.Is(err, store.ErrInvalid) {
				t.Errorf("PutDocument(%s) = %v, want ErrInvalid", tt.name, err)
			}
		})
	}
	filters := []struct {
		name string
		f    store.EventFilter
	}{
		{"order", store.EventFilter{Order: "sideways"}},
		{"cursor", store.EventFilter{After: "zz"}},
		{"cursor key for id order", store.EventFilter{After: "20240101.3"}},
		{"text without words", store.EventFilter{Text: `*** "" -`}},
		{"bbox", store.EventFilter{BBox: &store.BBox{MinLat: 10, MaxLat: -10, MinLon: 0, MaxLon: 1}}},
		{"radius", store.EventFilter{Near: &store.Circle{Lat: 1, Lon: 1}}},
		{"quad class", store.EventFilter{QuadClass: 7}},
		{"limit", store.EventFilter{Limit: -1}},
	}
	for _, tt := range filters {
		t.Run("filter "+tt.name, func(t *testing.T) {
			if _, err := s.Events(ctx, tt.f); !errors.Is(err, store.ErrInvalid) {
				t.Errorf("Events(%s) = %v, want ErrInvalid", tt.name, err)
			}
		})
	}
	if _, err := s.Timeline(ctx, store.EventFilter{}, "fortnight"); !errors.Is(err, store.ErrInvalid) {
		t.Errorf("Timeline(fortnight) = %v, want ErrInvalid", err)
	}
	if _, err := s.Mentions(ctx, store.MentionFilter{Text: "!!"}); !errors.Is(err, store.ErrInvalid) {
		t.Errorf("Mentions(text !!) = %v, want ErrInvalid", err)
	}
	if st, err := s.Stats(ctx); err != nil || st.Documents != 3 {
		t.Errorf("Stats() after invalid puts = %+v, %v; want 3 documents", st, err)
	}
}

func testNotFound(t *testing.T, newStore func(testing.TB) store.Store) {
	ctx := context.Background()
	s, _ := corpusStore(t, newStore)
	if _, _, err := s.Event(ctx, 123456); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Event(123456) = %v, want ErrNotFound", err)
	}
	if _, err := s.Document(ctx, 123456); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Document(123456) = %v, want ErrNotFound", err)
	}
	empty := newStore(t)
	if evs, err := empty.Events(ctx, store.EventFilter{}); err != nil || len(evs) != 0 {
		t.Errorf("Events() on an empty store = %v, %v; want nothing", evs, err)
	}
	if st, err := empty.Stats(ctx); err != nil || st != (store.Stats{}) {
		t.Errorf("Stats() on an empty store = %+v, %v; want zeros", st, err)
	}
}

func date(s string) event.Date { return mustDate(s) }

func testEventFilter(t *testing.T, newStore func(testing.TB) store.Store) {
	ctx := context.Background()
	s, _ := corpusStore(t, newStore)
	all, err := s.Events(ctx, store.EventFilter{})
	if err != nil {
		t.Fatal(err)
	}
	id := map[string]int64{}
	for _, e := range all {
		id[e.Rule] = e.ID
	}
	tests := []struct {
		name string
		f    store.EventFilter
		want []string
	}{
		{"all", store.EventFilter{}, []string{"r1", "r2", "r3", "r4", "r5", "r6", "r7"}},
		{"ids", store.EventFilter{IDs: []int64{id["r6"], id["r2"]}}, []string{"r2", "r6"}},
		{"country", store.EventFilter{Country: "NGA"}, []string{"r3", "r4"}},
		{"actor either side", store.EventFilter{Actor: "KEN"}, []string{"r1", "r2"}},
		{"actor full code", store.EventFilter{Actor: "NGACVL"}, []string{"r3", "r4"}},
		{"source", store.EventFilter{Source: "FJI"}, []string{"r6", "r7"}},
		{"target", store.EventFilter{Target: "TZA"}, []string{"r2"}},
		{"source not target", store.EventFilter{Source: "TZA"}, []string{}},
		{"actor text", store.EventFilter{ActorText: "Counterpart"}, []string{"r2"}},
		{"actor name", store.EventFilter{ActorText: "ruto"}, []string{"r2"}},
		{"actor text literal percent", store.EventFilter{ActorText: "%"}, []string{}},
		{"cameo root", store.EventFilter{CAMEO: []string{"14"}}, []string{"r4"}},
		{"cameo roots", store.EventFilter{CAMEO: []string{"18", "17"}}, []string{"r1", "r3"}},
		{"cameo code", store.EventFilter{CAMEO: []string{"1823"}}, []string{"r3"}},
		{"cameo one digit", store.EventFilter{CAMEO: []string{"1"}}, []string{"r1", "r3", "r4", "r5"}},
		{"cameo base code", store.EventFilter{CAMEO: []string{"057"}}, []string{"r6"}},
		{"quad class", store.EventFilter{QuadClass: 4}, []string{"r1", "r3"}},
		{"plover", store.EventFilter{PLOVER: "PROTEST"}, []string{"r4"}},
		{"acled type", store.EventFilter{ACLEDType: "Violence against civilians"}, []string{"r3"}},
		{"acled subtype", store.EventFilter{ACLEDSubtype: "Peaceful protest"}, []string{"r4"}},
		{"date range", store.EventFilter{From: date("2024-03-09"), To: date("2024-03-10")}, []string{"r3", "r4", "r5"}},
		{"date to inclusive", store.EventFilter{To: date("2024-03-05")}, []string{"r1", "r2"}},
		{"date from excludes undated", store.EventFilter{From: date("2025-01-01")}, []string{"r6"}},
		{"bbox", store.EventFilter{BBox: &store.BBox{MinLat: -35, MinLon: -20, MaxLat: 38, MaxLon: 52}},
			[]string{"r1", "r2", "r3", "r4"}},
		{"bbox across antimeridian", store.EventFilter{BBox: &store.BBox{MinLat: -25, MinLon: 170, MaxLat: -10, MaxLon: -170}},
			[]string{"r6", "r7"}},
		{"near 300 km", store.EventFilter{Near: &store.Circle{Lat: -1.2864, Lon: 36.8172, RadiusKm: 300}}, []string{"r1"}},
		{"near 700 km", store.EventFilter{Near: &store.Circle{Lat: -1.2864, Lon: 36.8172, RadiusKm: 700}}, []string{"r1", "r2"}},
		{"near across antimeridian", store.EventFilter{Near: &store.Circle{Lat: -18.2, Lon: 179.9, RadiusKm: 200}},
			[]string{"r6", "r7"}},
		{"text word", store.EventFilter{Text: "fuel"}, []string{"r4"}},
		{"text words any order", store.EventFilter{Text: "gas tear"}, []string{"r1"}},
		{"text phrase", store.EventFilter{Text: `"foreign ministry"`}, []string{"r5"}},
		{"text phrase order", store.EventFilter{Text: `"gas tear"`}, []string{}},
		{"text case", store.EventFilter{Text: "NAIROBI"}, []string{"r1"}},
		{"text prefix", store.EventFilter{Text: "protest*"}, []string{"r1"}},
		{"text no stemming", store.EventFilter{Text: "protest"}, []string{}},
		{"text hyphen and apostrophe", store.EventFilter{Text: "Kenya's"}, []string{"r2"}},
		{"min sources", store.EventFilter{MinSources: 2}, []string{}},
		{"min sources one", store.EventFilter{MinSources: 1}, []string{"r1", "r2", "r3", "r4", "r5", "r6", "r7"}},
		{"combined", store.EventFilter{Country: "NGA", QuadClass: 3, Text: "lagos"}, []string{"r4"}},
		{"limit", store.EventFilter{Limit: 2}, []string{"r1", "r2"}},
		{"offset", store.EventFilter{Offset: 5}, []string{"r6", "r7"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := s.Events(ctx, tt.f)
			if err != nil {
				t.Fatalf("Events(%+v) = %v", tt.f, err)
			}
			if diff := cmp.Diff(tt.want, rules(got, eventRule)); diff != "" {
				t.Errorf("Events(%+v) rules mismatch (-want +got):\n%s", tt.f, diff)
			}
		})
	}
}

func testPagination(t *testing.T, newStore func(testing.TB) store.Store) {
	ctx := context.Background()
	s := newStore(t)
	MustPut(t, s, Merger{}, Synthetic(30, 3)...)
	orders := []struct {
		o    store.Order
		less func(a, b store.EventRecord) bool // a sorts strictly before b
	}{
		{store.OrderID, func(a, b store.EventRecord) bool { return a.ID < b.ID }},
		{"id", func(a, b store.EventRecord) bool { return a.ID < b.ID }},
		{store.OrderIDDesc, func(a, b store.EventRecord) bool { return a.ID > b.ID }},
		{store.OrderDate, func(a, b store.EventRecord) bool {
			ka, kb := store.DateKey(a.Date), store.DateKey(b.Date)
			return ka < kb || ka == kb && a.ID < b.ID
		}},
		{store.OrderDateDesc, func(a, b store.EventRecord) bool {
			ka, kb := store.DateKey(a.Date), store.DateKey(b.Date)
			return ka > kb || ka == kb && a.ID > b.ID
		}},
		{store.OrderMentionsDesc, func(a, b store.EventRecord) bool {
			return a.NumMentions > b.NumMentions || a.NumMentions == b.NumMentions && a.ID < b.ID
		}},
	}
	for _, tt := range orders {
		t.Run(string(tt.o), func(t *testing.T) {
			f := store.EventFilter{Order: tt.o, QuadClass: 4}
			all, err := s.Events(ctx, f)
			if err != nil {
				t.Fatal(err)
			}
			if len(all) < 10 {
				t.Fatalf("Events(%+v) returned %d events, want at least 10 to page through", f, len(all))
			}
			for i := 1; i < len(all); i++ {
				if !tt.less(all[i-1], all[i]) {
					t.Fatalf("Events(order %q): event %d before event %d is out of order", tt.o, all[i-1].ID, all[i].ID)
				}
			}
			var byOffset, byCursor []store.EventRecord
			for off := 0; off < len(all)+3; off += 3 {
				f.Offset, f.Limit = off, 3
				page, err := s.Events(ctx, f)
				if err != nil {
					t.Fatal(err)
				}
				byOffset = append(byOffset, page...)
			}
			f.Offset = 0
			for range len(all) {
				page, err := s.Events(ctx, f)
				if err != nil {
					t.Fatal(err)
				}
				if len(page) == 0 {
					break
				}
				byCursor = append(byCursor, page...)
				f.After = page[len(page)-1].Cursor(tt.o)
			}
			if diff := cmp.Diff(all, byOffset); diff != "" {
				t.Errorf("pages by offset differ from one listing (-all +paged):\n%s", diff)
			}
			if diff := cmp.Diff(all, byCursor); diff != "" {
				t.Errorf("pages by cursor differ from one listing (-all +paged):\n%s", diff)
			}
		})
	}
}

func testMentions(t *testing.T, newStore func(testing.TB) store.Store) {
	ctx := context.Background()
	s, docs := corpusStore(t, newStore)
	mentionRule := func(m store.Mention) string { return m.Rule }
	tests := []struct {
		name string
		f    store.MentionFilter
		want []string
	}{
		{"all", store.MentionFilter{}, []string{"r1", "r2", "r3", "r4", "r5", "r6", "r7"}},
		{"document", store.MentionFilter{DocumentID: docs[0].ID}, []string{"r1", "r2"}},
		{"text", store.MentionFilter{Text: "Maiduguri"}, []string{"r3"}},
		{"page", store.MentionFilter{Limit: 2, Offset: 2}, []string{"r3", "r4"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := s.Mentions(ctx, tt.f)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, rules(got, mentionRule)); diff != "" {
				t.Errorf("Mentions(%+v) mismatch (-want +got):\n%s", tt.f, diff)
			}
		})
	}
	evs, err := s.Events(ctx, store.EventFilter{CAMEO: []string{"1823"}})
	if err != nil || len(evs) != 1 {
		t.Fatalf("Events(1823) = %v, %v", evs, err)
	}
	got, err := s.Mentions(ctx, store.MentionFilter{EventID: evs[0].ID})
	if err != nil || len(got) != 1 || got[0].Rule != "r3" || got[0].URL != docs[1].Article.URL || got[0].Outlet != "news.example" {
		t.Errorf("Mentions(event %d) = %+v, %v; want r3 with its document's URL and outlet", evs[0].ID, got, err)
	}
}

func testQuotes(t *testing.T, newStore func(testing.TB) store.Store) {
	ctx := context.Background()
	s, docs := corpusStore(t, newStore)
	quoteText := func(q store.QuoteRecord) string { return q.Text }
	q1, q2 := docs[0].Quotes[0].Text, docs[1].Quotes[0].Text
	no := false
	tests := []struct {
		name string
		f    store.QuoteFilter
		want []string
	}{
		{"all", store.QuoteFilter{}, []string{q1, q2}},
		{"speaker code", store.QuoteFilter{Speaker: "KEN"}, []string{q1}},
		{"speaker text", store.QuoteFilter{SpeakerText: "MINISTRY"}, []string{q2}},
		{"text", store.QuoteFilter{Text: "violence"}, []string{q1}},
		{"text phrase", store.QuoteFilter{Text: `"international law"`}, []string{q2}},
		{"indirect", store.QuoteFilter{Direct: &no}, []string{q2}},
		{"from", store.QuoteFilter{From: date("2024-03-10")}, []string{q2}},
		{"to", store.QuoteFilter{To: date("2024-03-04")}, []string{q1}},
		{"document", store.QuoteFilter{DocumentID: docs[1].ID}, []string{q2}},
		{"offset", store.QuoteFilter{Offset: 1}, []string{q2}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := s.Quotes(ctx, tt.f)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, rules(got, quoteText)); diff != "" {
				t.Errorf("Quotes(%+v) mismatch (-want +got):\n%s", tt.f, diff)
			}
		})
	}
	got, err := s.Quotes(ctx, store.QuoteFilter{Limit: 1})
	if err != nil {
		t.Fatal(err)
	}
	want := []store.QuoteRecord{{ID: got[0].ID, DocumentID: docs[0].ID, Quote: docs[0].Quotes[0],
		URL: docs[0].Article.URL, Title: docs[0].Article.Title, Seen: docs[0].Seen()}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Quotes(limit 1) mismatch (-want +got):\n%s", diff)
	}
}

func testActors(t *testing.T, newStore func(testing.TB) store.Store) {
	ctx := context.Background()
	s, docs := corpusStore(t, newStore)
	key := func(a store.ActorRecord) string { return fmt.Sprintf("%s/%s/%d", a.Code, a.Name, a.Count) }
	tests := []struct {
		name string
		f    store.ActorFilter
		want []string
	}{
		{"all", store.ActorFilter{}, []string{"IRNGOV//2", "KENCOP//2", "NGACVL//2", "FJI//1", "FJICVL//1", "FJIMIL//1",
			"KENGOV/William Ruto/1", "KENOPP//1", "TZAGOV//1", "UAF//1", "WSM//1"}},
		{"code prefix", store.ActorFilter{Code: "KEN"}, []string{"KENCOP//2", "KENGOV/William Ruto/1", "KENOPP//1"}},
		{"name", store.ActorFilter{Name: "ruto"}, []string{"KENGOV/William Ruto/1"}},
		{"text", store.ActorFilter{Name: "NAVY"}, []string{"FJIMIL//1"}},
		{"country", store.ActorFilter{Country: "FJI"}, []string{"FJI//1", "FJICVL//1", "FJIMIL//1"}},
		{"role", store.ActorFilter{Role: "GOV"}, []string{"IRNGOV//2", "KENGOV/William Ruto/1", "TZAGOV//1"}},
		{"min count", store.ActorFilter{MinCount: 2}, []string{"IRNGOV//2", "KENCOP//2", "NGACVL//2"}},
		{"page", store.ActorFilter{Limit: 2, Offset: 1}, []string{"KENCOP//2", "NGACVL//2"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := s.Actors(ctx, tt.f)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, rules(got, key)); diff != "" {
				t.Errorf("Actors(%+v) mismatch (-want +got):\n%s", tt.f, diff)
			}
		})
	}
	got, err := s.Actors(ctx, store.ActorFilter{Code: "KENCOP"})
	if err != nil {
		t.Fatal(err)
	}
	seen := docs[0].Seen()
	want := []store.ActorRecord{{Code: "KENCOP", Text: "Police", Country: "KEN", Role: "COP", Count: 2, FirstSeen: seen, LastSeen: seen}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Actors(KENCOP) mismatch (-want +got):\n%s", diff)
	}
}

func testTimeline(t *testing.T, newStore func(testing.TB) store.Store) {
	ctx := context.Background()
	s, _ := corpusStore(t, newStore)
	p := func(start string, events, mentions, fatalities int) store.TimelinePoint {
		return store.TimelinePoint{Start: date(start), Events: events, Mentions: mentions, Fatalities: fatalities}
	}
	tests := []struct {
		name string
		f    store.EventFilter
		b    store.Bucket
		want []store.TimelinePoint
	}{
		{"month", store.EventFilter{}, store.Month, []store.TimelinePoint{p("2024-03-01", 5, 5, 12), p("2025-01-01", 1, 1, 0)}},
		{"year", store.EventFilter{}, store.Year, []store.TimelinePoint{p("2024-01-01", 5, 5, 12), p("2025-01-01", 1, 1, 0)}},
		{"week", store.EventFilter{}, store.Week, []store.TimelinePoint{p("2024-03-04", 5, 5, 12), p("2025-01-13", 1, 1, 0)}},
		{"day filtered", store.EventFilter{Country: "NGA", Limit: 1, Order: store.OrderDateDesc}, store.Day,
			[]store.TimelinePoint{p("2024-03-09", 2, 2, 12)}},
		{"nothing", store.EventFilter{Country: "ATA"}, store.Day, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := s.Timeline(ctx, tt.f, tt.b)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("Timeline(%+v, %s) mismatch (-want +got):\n%s", tt.f, tt.b, diff)
			}
		})
	}
}

func testDocuments(t *testing.T, newStore func(testing.TB) store.Store) {
	ctx := context.Background()
	s, docs := corpusStore(t, newStore)
	ids := func(ds []*store.Document) []int64 {
		out := []int64{}
		for _, d := range ds {
			out = append(out, d.ID)
		}
		return out
	}
	tests := []struct {
		name string
		f    store.DocumentFilter
		want []int64
	}{
		{"all", store.DocumentFilter{}, ids(docs)},
		{"outlet", store.DocumentFilter{Outlet: "wire.example"}, []int64{docs[0].ID}},
		{"hash", store.DocumentFilter{Hash: docs[1].Hash}, []int64{docs[1].ID}},
		{"url", store.DocumentFilter{URL: docs[1].Article.URL}, []int64{docs[1].ID}},
		{"page", store.DocumentFilter{AfterID: docs[0].ID, Limit: 1}, []int64{docs[1].ID}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := s.Documents(ctx, tt.f)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, ids(got)); diff != "" {
				t.Errorf("Documents(%+v) mismatch (-want +got):\n%s", tt.f, diff)
			}
		})
	}
	got, err := s.Documents(ctx, store.DocumentFilter{Limit: 1})
	if err != nil {
		t.Fatal(err)
	}
	want := *docs[0]
	a := *want.Article
	a.Text = ""
	want.Article, want.Events, want.Quotes = &a, nil, nil
	if diff := cmp.Diff([]*store.Document{&want}, got); diff != "" {
		t.Errorf("Documents(limit 1) mismatch (-want +got):\n%s", diff)
	}
}

// testFingerprint checks that Document.Fingerprint is stored as given,
// byte for byte, by PutDocument and PutDocuments, and read back by
// Document and Documents; a nil or empty one reads back as nil.
func testFingerprint(t *testing.T, newStore func(testing.TB) store.Store) {
	ctx := context.Background()
	s := newStore(t)
	docs := Corpus()
	long := make([]byte, 257)
	for i := range long {
		long[i] = byte(i * 7)
	}
	prints := [][]byte{long, nil, {}}
	for i, d := range docs {
		d.Fingerprint = prints[i]
	}
	MustPut(t, s, nil, docs[0])
	if _, err := s.PutDocuments(ctx, docs[1:], nil); err != nil {
		t.Fatalf("PutDocuments = %v", err)
	}
	want := [][]byte{long, nil, nil}
	list, err := s.Documents(ctx, store.DocumentFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != len(docs) {
		t.Fatalf("Documents() returned %d documents, want %d", len(list), len(docs))
	}
	for i, d := range docs {
		t.Run(d.Article.ID, func(t *testing.T) {
			if diff := cmp.Diff(want[i], list[i].Fingerprint); diff != "" {
				t.Errorf("Documents(): fingerprint mismatch (-want +got):\n%s", diff)
			}
			got, err := s.Document(ctx, d.ID)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(want[i], got.Fingerprint); diff != "" {
				t.Errorf("Document(%d): fingerprint mismatch (-want +got):\n%s", d.ID, diff)
			}
		})
	}
	// A document already stored keeps its fingerprint.
	again := Corpus()[0]
	again.Fingerprint = []byte("other")
	if r := MustPut(t, s, nil, again); !r[0].Skipped {
		t.Fatalf("PutDocument(again) = %+v, want skipped", r[0])
	}
	got, err := s.Document(ctx, docs[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(long, got.Fingerprint); diff != "" {
		t.Errorf("fingerprint after a skipped put (-want +got):\n%s", diff)
	}
}

// mergeDocs returns reports of a raid near Gao in four documents from
// three outlets, one a syndicated copy, and an older report of last year's
// raid that one of them recalls.
func mergeDocs() (old, a, b, c, d *store.Document) {
	raid := func(rule, sentence, verb string, killed int, day string) evSpec {
		return evSpec{rule: rule, sentence: sentence, verb: verb, src: "soldiers", srcCode: "MLIMIL", tgt: "fighters", tgtCode: "MLIREB",
			cameo: "190", quad: 4, goldstein: -10, plover: "ASSAULT", acledType: "Battles", acledSub: "Armed clash",
			date: day, place: "Gao", country: "MLI", lat: 16.2666, lon: -0.0400, fatalities: killed}
	}
	old = build("old", "https://delta.example/2023/gao", "2023-04-21",
		raid("m-old", "Malian soldiers killed 20 fighters near Gao on Thursday, the army said.", "killed", 20, "2023-04-20"))
	old.Article.PublishedAt = mustTime("2023-04-21T06:00:00Z")
	text := "Malian soldiers killed four fighters in a raid on a camp near Gao on Tuesday."
	a = build("a", "https://www.alpha.example/news/gao-raid", "2024-05-01", raid("m-a", text, "killed", 4, "2024-04-30"))
	a.Article.PublishedAt = mustTime("2024-05-01T08:00:00Z")
	b = build("b", "https://beta.example/gao", "2024-05-02",
		raid("m-b", "Malian soldiers killed seven fighters near Gao, the army said on Wednesday.", "killed", 7, "2024-04-30"))
	b.Article.PublishedAt = mustTime("2024-05-02T08:00:00Z")
	c = build("c", "https://gamma.example/wire/gao-raid", "2024-05-01", raid("m-c", text, "killed", 4, "2024-04-30"))
	c.Article.PublishedAt = mustTime("2024-05-01T09:00:00Z")
	c.Origin = "alpha.example"
	d = build("d", "https://beta.example/gao-followup", "2024-05-03",
		raid("m-d1", "Malian soldiers killed seven fighters near Gao on Tuesday, officials said.", "killed", 7, "2024-04-30"),
		raid("m-d2", "The soldiers killed the fighters after a gun battle near Gao.", "killed", 0, "2024-04-30"),
		raid("m-d3", "Last year soldiers killed 20 fighters near Gao.", "killed", 20, "2023-04-20"))
	d.Article.PublishedAt = mustTime("2024-05-03T10:00:00Z")
	return old, a, b, c, d
}

func testMerge(t *testing.T, newStore func(testing.TB) store.Store) {
	ctx := context.Background()
	s := newStore(t)
	old, a, b, c, d := mergeDocs()
	// d has no publication date: its anchor is taken from its text, and
	// it counts as seen when it was ingested.
	d.Article.Published, d.Article.PublishedAt = event.Date{}, time.Time{}
	d.Article.Anchor, d.Article.AnchorSource = mustDate("2024-05-02"), event.AnchorText
	var anchors []string // what the Merger is told of each mention's document
	seeing := mergeFunc{
		candidates: func(x *store.Mention) (store.EventFilter, bool) {
			anchors = append(anchors, x.Rule+"@"+x.Anchor.String()+"/"+x.AnchorSource)
			return Merger{}.Candidates(x)
		},
		merge: Merger{}.Merge,
	}
	res := MustPut(t, s, seeing, old, a, b, c, d)
	if diff := cmp.Diff([]string{"m-old@2023-04-21/published", "m-a@2024-05-01/published", "m-b@2024-05-02/published",
		"m-c@2024-05-01/published", "m-d1@2024-05-02/text", "m-d2@2024-05-02/text", "m-d3@2024-05-02/text"}, anchors); diff != "" {
		t.Errorf("anchors the Merger saw (-want +got):\n%s", diff)
	}
	wantRes := []store.PutResult{
		{Document: old.ID, Mentions: 1, NewEvents: 1},
		{Document: a.ID, Mentions: 1, NewEvents: 1},
		{Document: b.ID, Mentions: 1, Merged: 1},
		{Document: c.ID, Mentions: 1, Merged: 1},
		{Document: d.ID, Mentions: 3, Merged: 3},
	}
	if diff := cmp.Diff(wantRes, res); diff != "" {
		t.Errorf("PutDocument results mismatch (-want +got):\n%s", diff)
	}
	evs, err := s.Events(ctx, store.EventFilter{Order: store.OrderMentionsDesc})
	if err != nil {
		t.Fatal(err)
	}
	type summary struct {
		Rule                                string
		Mentions, Articles, Sources, Killed int
		First, Last                         time.Time
		Document                            int64
	}
	sum := func(e store.EventRecord) summary {
		return summary{e.Rule, e.NumMentions, e.NumArticles, e.NumSources, *e.Fatalities, e.FirstSeen, e.LastSeen, e.DocumentID}
	}
	want := []summary{
		// Five reports in four articles, from two independent sources
		// (the copy counts for alpha), with the highest toll given.
		{"m-a", 5, 4, 2, 7, a.Seen(), d.Seen(), a.ID},
		// Last year's raid, recalled in d.
		{"m-old", 2, 2, 2, 20, old.Seen(), d.Seen(), old.ID},
	}
	var got []summary
	for _, e := range evs {
		got = append(got, sum(e))
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("merged events mismatch (-want +got):\n%s", diff)
	}
	if got, err := s.Events(ctx, store.EventFilter{MinSources: 2, Order: store.OrderDate}); err != nil || len(got) != 2 || got[0].Rule != "m-old" {
		t.Errorf("Events(min sources 2, by date) = %v, %v; want m-old then m-a", rules(got, eventRule), err)
	}
	_, ms, err := s.Event(ctx, evs[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	mentionRule := func(m store.Mention) string {
		return m.Rule + "@" + m.Origin + "@" + m.Anchor.String() + "/" + m.AnchorSource
	}
	if diff := cmp.Diff([]string{"m-a@alpha.example@2024-05-01/published", "m-b@beta.example@2024-05-02/published",
		"m-c@alpha.example@2024-05-01/published", "m-d1@beta.example@2024-05-02/text", "m-d2@beta.example@2024-05-02/text"},
		rules(ms, mentionRule)); diff != "" {
		t.Errorf("Event(%d) mentions mismatch (-want +got):\n%s", evs[0].ID, diff)
	}
	Check(t, s)
}

// testCountryOrUnlocated checks EventFilter.UnlocatedActor, the filter of
// a deduplicating Merger's candidates: events near a place in its country,
// or without a location and involving its people, selected by the store
// before it orders and limits them.
func testCountryOrUnlocated(t *testing.T, newStore func(testing.TB) store.Store) {
	ctx := context.Background()
	s := newStore(t)
	attack := func(rule, sentence, tgt, tgtCode, day, place, country string, lat, lon float64) evSpec {
		return evSpec{rule: rule, sentence: sentence, verb: "attacked", src: "Gunmen", srcCode: "UAF", tgt: tgt, tgtCode: tgtCode,
			cameo: "190", quad: 4, goldstein: -10, plover: "ASSAULT", date: day, place: place, country: country, lat: lat, lon: lon}
	}
	// Coordinates are GeoNames' (geonames.org), rounded.
	docs := []*store.Document{
		build("lake-1", "https://lakechad.example/diffa", "2024-06-02",
			attack("diffa", "Gunmen attacked a market in Diffa on Saturday.", "a market", "NERCVL", "2024-06-01", "Diffa", "NER", 13.3154, 12.6113)),
		build("lake-2", "https://lakechad.example/maiduguri", "2024-06-02",
			attack("maiduguri", "Gunmen attacked a camp near Maiduguri on Saturday.", "a camp", "NGACVL", "2024-06-01", "Maiduguri", "NGA", 11.8464, 13.1603)),
		build("lake-3", "https://lakechad.example/nigerian-patrol", "2024-06-02",
			attack("unlocated-nga", "Gunmen attacked a Nigerian army patrol on Saturday.", "a Nigerian army patrol", "NGAMIL", "2024-06-01", "", "", 0, 0)),
		build("lake-4", "https://lakechad.example/niger-patrol", "2024-06-03",
			attack("unlocated-ner", "Gunmen attacked soldiers of Niger on Saturday.", "soldiers of Niger", "NERMIL", "2024-06-01", "", "", 0, 0)),
		build("lake-5", "https://lakechad.example/lagos", "2024-06-03",
			attack("lagos", "Gunmen attacked a bank in Lagos on Sunday.", "a bank", "NGABUS", "2024-06-02", "Lagos", "NGA", 6.4541, 3.3947)),
		build("lake-6", "https://lakechad.example/convoy", "2024-06-04",
			attack("unlocated-nga-late", "Gunmen attacked a Nigerian convoy on Monday.", "a Nigerian convoy", "NGAMIL", "2024-06-03", "", "", 0, 0)),
	}
	MustPut(t, s, nil, docs...)
	maiduguri := &store.Circle{Lat: 11.8464, Lon: 13.1603, RadiusKm: 300}
	tests := []struct {
		name string
		f    store.EventFilter
		want []string
	}{
		{"near reaches across the border", store.EventFilter{Near: maiduguri}, []string{"diffa", "maiduguri"}},
		{"near, in the country", store.EventFilter{Near: maiduguri, Country: "NGA"}, []string{"maiduguri"}},
		{"near in the country, or unlocated about it", store.EventFilter{Near: maiduguri, Country: "NGA", UnlocatedActor: "NGA"},
			[]string{"maiduguri", "unlocated-nga", "unlocated-nga-late"}},
		{"country, or unlocated about it", store.EventFilter{Country: "NGA", UnlocatedActor: "NGA"},
			[]string{"maiduguri", "unlocated-nga", "lagos", "unlocated-nga-late"}},
		{"country, or unlocated about another", store.EventFilter{Country: "NER", UnlocatedActor: "NGAMIL"},
			[]string{"diffa", "unlocated-nga", "unlocated-nga-late"}},
		{"bbox, or unlocated about it", store.EventFilter{BBox: &store.BBox{MinLat: 4, MinLon: 2, MaxLat: 10, MaxLon: 5}, UnlocatedActor: "NER"},
			[]string{"unlocated-ner", "lagos"}},
		{"no location filter: nothing more", store.EventFilter{UnlocatedActor: "NGA", CAMEO: []string{"19"}},
			[]string{"diffa", "maiduguri", "unlocated-nga", "unlocated-ner", "lagos", "unlocated-nga-late"}},
		// A Merger's query: the dates, the order and the limit apply to
		// the events the location filter kept.
		{"as a candidate query", store.EventFilter{CAMEO: []string{"19", "18"}, From: date("2024-05-31"), To: date("2024-06-02"),
			Near: maiduguri, Country: "NGA", UnlocatedActor: "NGA", Order: store.OrderIDDesc, Limit: 2},
			[]string{"unlocated-nga", "maiduguri"}},
		{"latest first", store.EventFilter{Country: "NGA", UnlocatedActor: "NGA", Order: store.OrderDateDesc, Limit: 2},
			[]string{"unlocated-nga-late", "lagos"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := s.Events(ctx, tt.f)
			if err != nil {
				t.Fatalf("Events(%+v) = %v", tt.f, err)
			}
			if diff := cmp.Diff(tt.want, rules(got, eventRule)); diff != "" {
				t.Errorf("Events(%+v) rules mismatch (-want +got):\n%s", tt.f, diff)
			}
			if n, err := s.Timeline(ctx, tt.f, store.Day); err != nil || tt.f.Limit == 0 && timelineEvents(n) != len(tt.want) {
				t.Errorf("Timeline(%+v) counts %d events, %v; want %d", tt.f, timelineEvents(n), err, len(tt.want))
			}
		})
	}
}

// timelineEvents sums the events of a timeline.
func timelineEvents(points []store.TimelinePoint) int {
	n := 0
	for _, p := range points {
		n += p.Events
	}
	return n
}

// mergeFunc adapts functions to store.Merger.
type mergeFunc struct {
	candidates func(*store.Mention) (store.EventFilter, bool)
	merge      func(*store.Mention, []store.EventRecord) int64
}

func (m mergeFunc) Candidates(x *store.Mention) (store.EventFilter, bool) { return m.candidates(x) }

func (m mergeFunc) Merge(x *store.Mention, c []store.EventRecord) int64 { return m.merge(x, c) }

func testMergeConflict(t *testing.T, newStore func(testing.TB) store.Store) {
	ctx := context.Background()
	s := newStore(t)
	bogus := mergeFunc{
		candidates: func(*store.Mention) (store.EventFilter, bool) { return store.EventFilter{}, true },
		merge:      func(*store.Mention, []store.EventRecord) int64 { return 1 << 40 },
	}
	d := Corpus()[0]
	if _, err := s.PutDocument(ctx, d, bogus); !errors.Is(err, store.ErrConflict) {
		t.Errorf("PutDocument(merge into a missing event) = %v, want ErrConflict", err)
	}
	if st, err := s.Stats(ctx); err != nil || st != (store.Stats{}) {
		t.Errorf("Stats() after a failed put = %+v, %v; want nothing stored", st, err)
	}
	MustPut(t, s, Merger{}, Corpus()...)
	Check(t, s)
}

func testCancel(t *testing.T, newStore func(testing.TB) store.Store) {
	s := newStore(t)
	MustPut(t, s, Merger{}, Corpus()[0])
	before, err := s.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	n := 0
	cancelling := mergeFunc{
		candidates: Merger{}.Candidates,
		merge: func(m *store.Mention, c []store.EventRecord) int64 {
			if n++; n == 2 { // half way through the document's events
				cancel()
			}
			return Merger{}.Merge(m, c)
		},
	}
	docs := Synthetic(1, 11)
	if len(docs[0].Events) < 3 {
		t.Fatalf("synthetic document has %d events, want at least 3", len(docs[0].Events))
	}
	if _, err := s.PutDocument(ctx, docs[0], cancelling); err == nil {
		t.Fatalf("PutDocument with its context cancelled half way = nil error, want one")
	}
	after, err := s.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if after != before {
		t.Errorf("Stats() after a cancelled put = %+v, want unchanged %+v", after, before)
	}
	Check(t, s)
	again := Synthetic(1, 11)[0]
	if r := MustPut(t, s, Merger{}, again)[0]; r.Skipped || r.Mentions != len(again.Events) {
		t.Errorf("PutDocument after the cancelled one = %+v, want it stored with %d mentions", r, len(again.Events))
	}
	Check(t, s)
}

func testConcurrent(t *testing.T, newStore func(testing.TB) store.Store) {
	const writers, n = 4, 40
	s := newStore(t)
	var wg sync.WaitGroup
	skipped := make([]int, writers)
	errs := make(chan error, writers*n)
	for w := range writers {
		docs := Synthetic(n, 5)
		r := rand.New(rand.NewPCG(uint64(w), 1))
		r.Shuffle(len(docs), func(i, j int) { docs[i], docs[j] = docs[j], docs[i] })
		wg.Go(func() {
			for _, d := range docs {
				res, err := s.PutDocument(context.Background(), d, Merger{})
				if err != nil {
					errs <- err
					return
				}
				if res.Skipped {
					skipped[w]++
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Errorf("PutDocument from %d writers: %v", writers, err)
	}
	total := 0
	for _, k := range skipped {
		total += k
	}
	var mentions, quotes int64
	for _, d := range Synthetic(n, 5) {
		mentions += int64(len(d.Events))
		quotes += int64(len(d.Quotes))
	}
	st, err := s.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if total != (writers-1)*n || st.Documents != n || st.Mentions != mentions || st.Quotes != quotes {
		t.Errorf("%d writers putting the same %d documents: %d skipped, Stats() = %+v; want %d skipped, %d documents, %d mentions, %d quotes",
			writers, n, total, st, (writers-1)*n, n, mentions, quotes)
	}
	Check(t, s)
}
