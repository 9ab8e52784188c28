package api_test

import (
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"path/filepath"
	"strings"
	"testing"

	"github.com/annals-project/annals/internal/api"
	"github.com/annals-project/annals/internal/event"
	"github.com/annals-project/annals/internal/store"
	"github.com/annals-project/annals/internal/store/sqlite"
	"github.com/annals-project/annals/internal/store/storetest"
)

// MustStore opens a SQLite store in tb's temporary directory.
func MustStore(tb testing.TB) store.Store {
	tb.Helper()
	s, err := sqlite.Open(context.Background(), filepath.Join(tb.TempDir(), "annals.db"), sqlite.Options{})
	if err != nil {
		tb.Fatalf("sqlite.Open = %v", err)
	}
	tb.Cleanup(func() {
		if err := s.Close(); err != nil {
			tb.Errorf("Close = %v", err)
		}
	})
	return s
}

// MustServe runs srv on a loopback port until tb ends and returns its base
// URL.
func MustServe(tb testing.TB, srv *api.Server, t api.Timeouts) string {
	tb.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		tb.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- api.Serve(ctx, ln, srv.Handler(), t, nil) }()
	tb.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			tb.Errorf("Serve = %v", err)
		}
	})
	return "http://" + ln.Addr().String()
}

// response is a decoded reply.
type response struct {
	status int
	header http.Header
	body   []byte
}

// MustDo makes a request and reads the whole reply.
func MustDo(tb testing.TB, method, url, token string, body io.Reader) response {
	tb.Helper()
	req, err := http.NewRequest(method, url, body)
	if err != nil {
		tb.Fatal(err)
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		tb.Fatalf("%s %s: %v", method, url, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		tb.Fatalf("%s %s: read body: %v", method, url, err)
	}
	return response{resp.StatusCode, resp.Header, b}
}

// MustGet GETs url, checks the status and decodes the JSON body into v.
func MustGet(tb testing.TB, url string, status int, v any) response {
	tb.Helper()
	r := MustDo(tb, http.MethodGet, url, "", nil)
	if r.status != status {
		tb.Fatalf("GET %s: status %d, want %d; body %s", url, r.status, status, r.body)
	}
	if v != nil {
		if err := json.Unmarshal(r.body, v); err != nil {
			tb.Fatalf("GET %s: body is not the JSON expected: %v\n%s", url, err, r.body)
		}
	}
	return r
}

// errBody decodes a JSON error response.
func errBody(tb testing.TB, r response) (code, msg string) {
	tb.Helper()
	var e struct {
		Error struct{ Code, Message string }
	}
	if err := json.Unmarshal(r.body, &e); err != nil || e.Error.Code == "" {
		tb.Fatalf("error body is not {\"error\": {\"code\", \"message\"}}: %v\n%s", err, r.body)
	}
	if ct := r.header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		tb.Errorf("error Content-Type = %q, want application/json", ct)
	}
	return e.Error.Code, e.Error.Message
}

// evSpec describes a hand-coded event of a fixture sentence: the strings
// are substrings of the sentence that become spans.
type evSpec struct {
	sentence                 int
	action                   string
	src, srcCode             string
	tgt, tgtCode             string
	cameo, plover, acledType string
	quad                     int
	date                     string
	place, placeText         string // placeText: where the sentence names it, if it does
	country                  string
	lat, lon                 float64
	fatalities, crowd        int
}

type quoteSpec struct {
	sentence        int
	quoted, speaker string
	code            string
}

// mkDoc builds a coded document from sentences (joined by newlines) and
// hand-made events and quotes.
func mkDoc(tb testing.TB, id, url, published string, sentences []string, evs []evSpec, qs []quoteSpec) *store.Document {
	tb.Helper()
	offs := make([]int, len(sentences))
	for i := range sentences {
		if i > 0 {
			offs[i] = offs[i-1] + len(sentences[i-1]) + 1
		}
	}
	span := func(i int, sub string) event.Span {
		j := strings.Index(sentences[i], sub)
		if j < 0 {
			tb.Fatalf("fixture %s: %q not in sentence %d %q", id, sub, i, sentences[i])
		}
		return event.Span{Start: offs[i] + j, End: offs[i] + j + len(sub)}
	}
	actor := func(i int, text, code string) *event.Actor {
		a := &event.Actor{Text: text, Code: code, Span: span(i, text)}
		if len(code) >= 3 {
			a.Country = code[:3]
		}
		if len(code) >= 6 {
			a.Role = code[3:6]
		}
		return a
	}
	pub, err := event.ParseDate(published)
	if err != nil {
		tb.Fatal(err)
	}
	a := &event.Article{ID: id, URL: url, Title: sentences[0], Published: pub, Anchor: pub,
		AnchorSource: event.AnchorPublished, Text: strings.Join(sentences, "\n")}
	c := &event.Coded{Document: a}
	for _, s := range evs {
		e := event.Event{Sentence: s.sentence, Text: sentences[s.sentence], Span: span(s.sentence, s.action),
			CAMEO: s.cameo, Root: s.cameo[:2], QuadClass: s.quad, PLOVER: s.plover, ACLEDType: s.acledType,
			DatePrecision: "day", Confidence: 0.7, Rule: "fixture"}
		e.Date, err = event.ParseDate(s.date)
		if err != nil {
			tb.Fatal(err)
		}
		if s.src != "" {
			e.Source = actor(s.sentence, s.src, s.srcCode)
		}
		if s.tgt != "" {
			e.Target = actor(s.sentence, s.tgt, s.tgtCode)
		}
		if s.place != "" {
			e.Location = &event.Location{Name: s.place, Country: s.country, Lat: s.lat, Lon: s.lon, Precision: "city"}
			if s.placeText != "" {
				e.Location.Span = span(s.sentence, s.placeText)
			}
		}
		if s.fatalities > 0 {
			e.Fatalities = &s.fatalities
		}
		if s.crowd > 0 {
			e.Crowd = &s.crowd
		}
		c.Events = append(c.Events, e)
	}
	for _, q := range qs {
		c.Quotes = append(c.Quotes, event.Quote{Sentence: q.sentence, Text: q.quoted, Direct: true,
			Speaker: actor(q.sentence, q.speaker, q.code), Date: pub, Span: span(q.sentence, q.quoted)})
	}
	return store.NewDocument(c)
}

// fixtureDocs are four short reports of our own, hand-coded: a port protest
// in Mombasa reported by two outlets (the tear-gas event merges into one
// event of two sources), a summit in Addis Ababa, and a raid in Nigeria.
// Stored in order with storetest.Merger they give events 1 to 6:
//
//	1 141 dockworkers protest, Mombasa      4 112 Sudan accuses Ethiopia (no place)
//	2 175 police tear gas, Mombasa (2 src)  5 190 gunmen kill 12, Gusau
//	3 040 Abiy meets Ruto, Addis Ababa      6 190 troops clash, Nigeria
func fixtureDocs(tb testing.TB) []*store.Document {
	const (
		// Coordinates from general knowledge, rounded.
		mombasaLat, mombasaLon = -4.05, 39.66
		addisLat, addisLon     = 9.03, 38.74
		gusauLat, gusauLon     = 12.17, 6.66
		ngaLat, ngaLon         = 10.0, 8.0 // a country-level point
	)
	return []*store.Document{
		mkDoc(tb, "port-1", "https://coastal-times.example/2023/05/04/port-strike", "2023-05-04", []string{
			"Thousands of dockworkers protested in Mombasa on Wednesday against the planned sale of the port.",
			"Kenyan police fired tear gas at protesters in Mombasa on Wednesday, witnesses said.",
			`"We will not give up our port," union leader Samuel Otieno told reporters.`,
		}, []evSpec{
			{sentence: 0, action: "protested", src: "dockworkers", srcCode: "KENLAB", cameo: "141", plover: "PROTEST",
				acledType: "Protests", quad: 3, date: "2023-05-03", place: "Mombasa", placeText: "Mombasa", country: "KEN",
				lat: mombasaLat, lon: mombasaLon, crowd: 3000},
			{sentence: 1, action: "fired tear gas", src: "Kenyan police", srcCode: "KENCOP", tgt: "protesters", tgtCode: "KENOPP",
				cameo: "175", plover: "ASSAULT", acledType: "Protests", quad: 4, date: "2023-05-03", place: "Mombasa",
				placeText: "Mombasa", country: "KEN", lat: mombasaLat, lon: mombasaLon},
		}, []quoteSpec{{sentence: 2, quoted: "We will not give up our port", speaker: "union leader Samuel Otieno", code: "KENLAB"}}),
		mkDoc(tb, "port-2", "https://evening-wire.example/africa/mombasa-tear-gas", "2023-05-04", []string{
			"Kenyan police fired tear gas at protesters in Mombasa on Wednesday as workers marched on the harbour.",
			"The workers oppose plans to lease the port to a foreign operator.",
		}, []evSpec{
			{sentence: 0, action: "fired tear gas", src: "Kenyan police", srcCode: "KENCOP", tgt: "protesters", tgtCode: "KENOPP",
				cameo: "175", plover: "ASSAULT", acledType: "Protests", quad: 4, date: "2023-05-03", place: "Mombasa",
				placeText: "Mombasa", country: "KEN", lat: mombasaLat, lon: mombasaLon},
		}, nil),
		mkDoc(tb, "summit-1", "https://capital-herald.example/world/addis-summit", "2023-06-12", []string{
			"Ethiopian Prime Minister Abiy Ahmed met Kenyan President William Ruto in Addis Ababa on Monday.",
			"Sudan accused Ethiopia of sending troops across the border near Gallabat.",
		}, []evSpec{
			{sentence: 0, action: "met", src: "Ethiopian Prime Minister Abiy Ahmed", srcCode: "ETHGOV",
				tgt: "Kenyan President William Ruto", tgtCode: "KENGOV", cameo: "040", plover: "CONSULT", quad: 1,
				date: "2023-06-12", place: "Addis Ababa", placeText: "Addis Ababa", country: "ETH", lat: addisLat, lon: addisLon},
			{sentence: 1, action: "accused", src: "Sudan", srcCode: "SDN", tgt: "Ethiopia", tgtCode: "ETH", cameo: "112",
				plover: "ACCUSE", quad: 3, date: "2023-06-12"},
		}, nil),
		mkDoc(tb, "raid-1", "https://river-post.example/nigeria/zamfara-raid", "2023-07-20", []string{
			"Gunmen killed 12 villagers in an attack on a market in Gusau on Tuesday, police said.",
			"Nigerian troops later clashed with the attackers outside the town.",
		}, []evSpec{
			{sentence: 0, action: "killed", src: "Gunmen", srcCode: "NGAUAF", tgt: "villagers", tgtCode: "NGACVL", cameo: "190",
				plover: "ASSAULT", acledType: "Violence against civilians", quad: 4, date: "2023-07-18", place: "Gusau",
				placeText: "Gusau", country: "NGA", lat: gusauLat, lon: gusauLon, fatalities: 12},
			{sentence: 1, action: "clashed", src: "Nigerian troops", srcCode: "NGAMIL", tgt: "the attackers", tgtCode: "NGAUAF",
				cameo: "190", plover: "ASSAULT", acledType: "Battles", quad: 4, date: "2023-07-18", place: "Nigeria",
				placeText: "Nigeria", country: "NGA", lat: ngaLat, lon: ngaLon},
		}, nil),
	}
}

// MustFixture returns a store holding fixtureDocs.
func MustFixture(tb testing.TB) store.Store {
	tb.Helper()
	s := MustStore(tb)
	for _, d := range fixtureDocs(tb) {
		if _, err := s.PutDocument(context.Background(), d, storetest.Merger{}); err != nil {
			tb.Fatalf("PutDocument(%s) = %v", d.Article.ID, err)
		}
	}
	return s
}

// blockingStore is a store whose Events waits for release: a request in
// flight for as long as a test needs one.
type blockingStore struct {
	store.Store
	entered chan struct{}
	release chan struct{}
}

func (s *blockingStore) Events(ctx context.Context, f store.EventFilter) ([]store.EventRecord, error) {
	if f.Limit == 1 { // the health check
		return s.Store.Events(ctx, f)
	}
	s.entered <- struct{}{}
	<-s.release
	return s.Store.Events(ctx, f)
}

// hideLength hides a body's length so that it is sent chunked.
type hideLength struct{ r io.Reader }

func (h hideLength) Read(p []byte) (int, error) { return h.r.Read(p) }
