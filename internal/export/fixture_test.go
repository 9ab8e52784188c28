package export_test

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/annals-project/annals/internal/cameo"
	"github.com/annals-project/annals/internal/event"
	"github.com/annals-project/annals/internal/export"
	"github.com/annals-project/annals/internal/store"
	"github.com/annals-project/annals/internal/store/sqlite"
)

// The fixture is a handful of short reports we wrote for these tests, in
// news style, coded by hand the way the coder would.

// An actorSpec is an actor: its text (a substring of the sentence), code,
// country, role and canonical name.
type actorSpec struct{ text, code, country, role, name string }

// A placeSpec is an event location; text is a substring of the sentence.
type placeSpec struct {
	text, name, country, admin1, precision string
	lat, lon                               float64
	geonameID                              int
}

// An evSpec is one coded report. PLOVER, mode and ACLED types default to
// those of the CAMEO table for the code; "-" clears one.
type evSpec struct {
	sentence                int
	verb                    string
	src, tgt                *actorSpec
	cameo                   string
	plover, mode            string
	acledType, acledSub     string
	date, precision         string
	place                   *placeSpec
	fatalities, hurt, crowd int
	confidence              float64
}

// A docSpec is one document: paragraphs of sentences.
type docSpec struct {
	id, url, title, outlet, published string
	paragraphs                        [][]string
	events                            []evSpec
}

func fixtureDocs() []docSpec {
	kenAgr := func(text string) *actorSpec { return &actorSpec{text, "KENAGR", "KEN", "AGR", ""} }
	nairobi := func(text string) *placeSpec {
		return &placeSpec{text, "Nairobi", "KEN", "Nairobi", "city", -1.28333, 36.81667, 184745}
	}
	return []docSpec{{
		id: "kenya-1", url: "https://www.nairobi-ledger.example/news/fuel-tax-march",
		title: "Farmers march against fuel taxes", published: "2024-03-12",
		paragraphs: [][]string{
			{"Thousands of farmers marched through Nairobi on Tuesday to protest against new fuel taxes."},
			{"Police fired tear gas at marchers near parliament and four people were hurt, witnesses said.",
				"The finance minister said the government would review the levy."},
		},
		events: []evSpec{
			{sentence: 0, verb: "marched", src: kenAgr("farmers"), cameo: "141", date: "2024-03-12",
				precision: "day", place: nairobi("Nairobi"), confidence: 0.9},
			{sentence: 1, verb: "fired", src: &actorSpec{"Police", "KENCOP", "KEN", "COP", ""},
				tgt: &actorSpec{"marchers", "KENOPP", "KEN", "OPP", ""}, cameo: "175", mode: "crowd-control",
				acledType: "Protests", acledSub: "Protest with intervention", date: "2024-03-12", precision: "day",
				place: nairobi("parliament"), hurt: 4, confidence: 0.8},
			{sentence: 2, verb: "said", src: &actorSpec{"The finance minister", "KENGOV", "KEN", "GOV", ""},
				cameo: "010", date: "2024-03-12", precision: "anchor", confidence: 0.6},
		},
	}, {
		id: "kenya-2", url: "https://dailyclarion.example.org/africa/kenya-farmers-rally",
		title: "Kenyan farmers rally in capital", published: "2024-03-12",
		paragraphs: [][]string{{
			"In Nairobi\u2019s city centre, Kenyan farmers rallied on Tuesday against fuel taxes, and organisers put the crowd at 5,000.",
		}},
		events: []evSpec{
			{sentence: 0, verb: "rallied", src: kenAgr("Kenyan farmers"), cameo: "141", date: "2024-03-12",
				precision: "day", place: nairobi("Nairobi"), crowd: 5000, confidence: 0.85},
		},
	}, {
		id: "texas-1", url: "https://capitolwire.example.com/texas/water-rally",
		title: "Water rally at the capitol", published: "2024-04-05",
		paragraphs: [][]string{
			{"Protesters gathered outside the state capitol in Austin, Texas, on Friday to demand water rights."},
			{"California lawmakers approved emergency aid for wildfire crews."},
		},
		events: []evSpec{
			{sentence: 0, verb: "gathered", src: &actorSpec{"Protesters", "USAOPP", "USA", "OPP", ""}, cameo: "141",
				date: "2024-04-05", precision: "day",
				place:      &placeSpec{"Austin", "Austin", "USA", "Texas", "city", 30.26715, -97.74306, 4671654},
				confidence: 0.9},
			{sentence: 1, verb: "approved", src: &actorSpec{"California lawmakers", "USALEG", "USA", "LEG", ""},
				cameo: "073", date: "2024-04-05", precision: "anchor",
				place:      &placeSpec{"California", "California", "USA", "California", "admin1", 37.25022, -119.75126, 5332921},
				confidence: 0.7},
		},
	}, {
		id: "syria-1", url: "http://idlib-monitor.example.net/reports/0310",
		title: "Village attack near Idlib", published: "2024-03-11",
		paragraphs: [][]string{
			{"Gunmen killed five civilians in an attack on a village near Idlib on Sunday, a monitoring group said."},
		},
		events: []evSpec{
			{sentence: 0, verb: "killed", src: &actorSpec{"Gunmen", "UAF", "", "UAF", ""},
				tgt: &actorSpec{"civilians", "SYRCVL", "SYR", "CVL", ""}, cameo: "1823", mode: "firearms",
				date: "2024-03-10", precision: "day",
				place:      &placeSpec{"Idlib", "Idlib", "SYR", "Idlib", "city", 35.93062, 36.63393, 169389},
				fatalities: 5, confidence: 0.9},
		},
	}, {
		// A wire item without a URL or a date: its event is dated by the
		// day it was stored.
		id: "sudan-1", title: "Fighting in Darfur", outlet: "Sudan Wire",
		paragraphs: [][]string{{"Government troops shelled rebel positions in North Darfur, the army said."}},
		events: []evSpec{
			{sentence: 0, verb: "shelled", src: &actorSpec{"Government troops", "SDNMIL", "SDN", "MIL", ""},
				tgt: &actorSpec{"rebel", "SDNREB", "SDN", "REB", ""}, cameo: "194",
				place:      &placeSpec{"North Darfur", "North Darfur", "SDN", "North Darfur", "admin1", 15.76667, 25.08333, 408660},
				confidence: 0.8},
		},
	}, {
		id: "world-1", url: "https://www.worlddesk.example/un-gaza-aid",
		title: "UN urges more aid for Gaza", published: "2024-03-18",
		paragraphs: [][]string{
			{"The United Nations on Monday urged Israel to let more aid convoys into Gaza.",
				"The European Union imposed new sanctions on Iranian officials."},
		},
		events: []evSpec{
			{sentence: 0, verb: "urged", src: &actorSpec{"The United Nations", "IGOUNO", "", "IGO", "United Nations"},
				tgt: &actorSpec{"Israel", "ISR", "ISR", "", "Israel"}, cameo: "0233", date: "2024-03-18", precision: "day",
				place:      &placeSpec{"Gaza", "Gaza Strip", "PSE", "Gaza Strip", "admin1", 31.41667, 34.33333, 7303868},
				confidence: 0.8},
			{sentence: 1, verb: "imposed", src: &actorSpec{"The European Union", "IGOEUREEC", "EUR", "IGO", "European Union"},
				tgt: &actorSpec{"Iranian officials", "IRNGOV", "IRN", "GOV", ""}, cameo: "163",
				date: "2024-03-18", precision: "anchor", confidence: 0.75},
		},
	}}
}

// build turns a docSpec into a store document. Paragraphs are separated
// by "\n", sentences by a space.
func (d docSpec) build(tb testing.TB, codes *cameo.Table) *store.Document {
	tb.Helper()
	var text strings.Builder
	var starts []int // start of each sentence
	var sents []string
	for i, p := range d.paragraphs {
		if i > 0 {
			text.WriteByte('\n')
		}
		for j, s := range p {
			if j > 0 {
				text.WriteByte(' ')
			}
			starts = append(starts, text.Len())
			sents = append(sents, s)
			text.WriteString(s)
		}
	}
	a := &event.Article{ID: d.id, URL: d.url, Title: d.title, Text: text.String(), Source: "fixture"}
	if d.published != "" {
		a.Published = mustDate(tb, d.published)
		a.Anchor, a.AnchorSource = a.Published, event.AnchorPublished
	}
	span := func(sentence int, sub string) event.Span {
		i := strings.Index(sents[sentence], sub)
		if i < 0 {
			tb.Fatalf("fixture %s: %q not in sentence %d", d.id, sub, sentence)
		}
		return event.Span{Start: starts[sentence] + i, End: starts[sentence] + i + len(sub)}
	}
	actor := func(sentence int, s *actorSpec) *event.Actor {
		if s == nil {
			return nil
		}
		return &event.Actor{Text: s.text, Code: s.code, Country: s.country, Role: s.role, Name: s.name,
			Span: span(sentence, s.text)}
	}
	var evs []event.Event
	for _, s := range d.events {
		entry, ok := codes.Lookup(cameo.Code(s.cameo))
		if !ok {
			tb.Fatalf("fixture %s: CAMEO %s not in table", d.id, s.cameo)
		}
		e := event.Event{
			Sentence: s.sentence, Text: sents[s.sentence], Span: span(s.sentence, s.verb),
			Source: actor(s.sentence, s.src), Target: actor(s.sentence, s.tgt),
			CAMEO: s.cameo, Root: entry.Root, QuadClass: entry.QuadClass, Goldstein: entry.Goldstein,
			PLOVER: or(s.plover, entry.PLOVER), PLOVERMode: or(s.mode, entry.PLOVERMode),
			ACLEDType: or(s.acledType, entry.ACLEDType), ACLEDSubtype: or(s.acledSub, entry.ACLEDSubtype),
			DatePrecision: s.precision, Confidence: s.confidence, Rule: "fixture",
		}
		if s.date != "" {
			e.Date = mustDate(tb, s.date)
		}
		if p := s.place; p != nil {
			e.Location = &event.Location{Name: p.name, Country: p.country, Admin1: p.admin1, Lat: p.lat, Lon: p.lon,
				Precision: p.precision, GeonameID: p.geonameID, Span: span(s.sentence, p.text)}
		}
		e.Fatalities, e.Injuries, e.Crowd = count(s.fatalities), count(s.hurt), count(s.crowd)
		evs = append(evs, e)
	}
	doc := store.NewDocument(&event.Coded{Document: a, Events: evs})
	if d.outlet != "" {
		doc.Outlet = d.outlet
	}
	return doc
}

func or(s, def string) string {
	switch s {
	case "-":
		return ""
	case "":
		return def
	}
	return s
}

func count(n int) *int {
	if n == 0 {
		return nil
	}
	return &n
}

func mustDate(tb testing.TB, s string) event.Date {
	tb.Helper()
	d, err := event.ParseDate(s)
	if err != nil {
		tb.Fatal(err)
	}
	return d
}

// sameEvent merges a report into a stored event with the same CAMEO code,
// date, source code and place name: enough for the fixture's two reports
// of the Nairobi march.
type sameEvent struct{}

func (sameEvent) Candidates(m *store.Mention) (store.EventFilter, bool) {
	if m.Date.IsZero() {
		return store.EventFilter{}, false
	}
	return store.EventFilter{CAMEO: []string{m.CAMEO}, From: m.Date, To: m.Date}, true
}

func (sameEvent) Merge(m *store.Mention, cands []store.EventRecord) int64 {
	for _, c := range cands {
		if c.CAMEO == m.CAMEO && c.Location != nil && m.Location != nil && c.Location.Name == m.Location.Name &&
			c.Source != nil && m.Source != nil && c.Source.Code == m.Source.Code {
			return c.ID
		}
	}
	return 0
}

// fixtureBase is the store clock's first reading; each document is
// stored a minute after the previous one.
var fixtureBase = time.Date(2024, 4, 6, 9, 30, 15, 0, time.UTC)

// MustFixtureStore returns a SQLite store in a temporary directory holding
// the fixture documents, and the path of its file.
func MustFixtureStore(tb testing.TB) (store.Store, string) {
	tb.Helper()
	codes, err := cameo.Default()
	if err != nil {
		tb.Fatal(err)
	}
	// The clock reads the time of the document being stored: documents
	// are stored a minute apart, whatever else reads the clock.
	var (
		mu  sync.Mutex
		cur = fixtureBase
	)
	now := func() time.Time {
		mu.Lock()
		defer mu.Unlock()
		return cur
	}
	file := filepath.Join(tb.TempDir(), "annals.db")
	ctx := context.Background()
	s, err := sqlite.Open(ctx, file, sqlite.Options{Now: now})
	if err != nil {
		tb.Fatalf("sqlite.Open(%s) = %v", file, err)
	}
	tb.Cleanup(func() {
		if err := s.Close(); err != nil {
			tb.Errorf("Close() = %v", err)
		}
	})
	for i, d := range fixtureDocs() {
		mu.Lock()
		cur = fixtureBase.Add(time.Duration(i) * time.Minute)
		mu.Unlock()
		if _, err := s.PutDocument(ctx, d.build(tb, codes), sameEvent{}); err != nil {
			tb.Fatalf("PutDocument(%s) = %v", d.id, err)
		}
	}
	return s, file
}

// MustExport runs an export of the whole fixture store and returns its
// output.
func MustExport(tb testing.TB, s store.Store, f export.Format, filter store.EventFilter) (string, export.Result) {
	tb.Helper()
	x, err := export.New(export.Config{Coder: "annals test", BatchSize: 4})
	if err != nil {
		tb.Fatal(err)
	}
	var b strings.Builder
	res, err := x.Export(context.Background(), &b, s, f, filter)
	if err != nil {
		tb.Fatalf("Export(%s) = %v", f, err)
	}
	return b.String(), res
}

// eventID returns the ID of the fixture event whose representative
// report has the given evidence-sentence prefix.
func eventID(tb testing.TB, s store.Store, prefix string) int64 {
	tb.Helper()
	recs, err := s.Events(context.Background(), store.EventFilter{})
	if err != nil {
		tb.Fatal(err)
	}
	for _, r := range recs {
		if strings.HasPrefix(r.Text, prefix) {
			return r.ID
		}
	}
	tb.Fatalf("no event with sentence %q", prefix)
	return 0
}

func itoa(n int64) string { return fmt.Sprint(n) }
