package storetest

import (
	"fmt"
	"strings"
	"time"

	"github.com/annals-project/annals/internal/event"
	"github.com/annals-project/annals/internal/store"
)

// evSpec describes one coded event of a fixture sentence. Texts (verb,
// actors, place) are substrings of the sentence; the builder turns them into
// spans.
type evSpec struct {
	rule, sentence, verb  string
	src, srcCode, srcName string
	tgt, tgtCode          string
	cameo, plover         string
	quad                  int
	goldstein             float64
	acledType, acledSub   string
	date, precision       string
	place, country        string
	lat, lon              float64
	fatalities, crowd     int // 0: none reported
	attribution           string
	confidence            float64
}

// quoteSpec describes one quote: quoted is a substring of sentence.
type quoteSpec struct {
	sentence, quoted string
	direct           bool
	speaker, code    string
	date             string
}

// build assembles a document whose text is its sentences joined by spaces.
func build(id, url, published string, items ...any) *store.Document {
	a := &event.Article{ID: id, URL: url, Source: "storetest", AnchorSource: event.AnchorPublished}
	if published != "" {
		a.Published = mustDate(published)
		a.Anchor = a.Published
	}
	var text strings.Builder
	var evs []event.Event
	var qs []event.Quote
	for i, it := range items {
		if i > 0 {
			text.WriteByte(' ')
		}
		off := text.Len()
		switch s := it.(type) {
		case evSpec:
			text.WriteString(s.sentence)
			evs = append(evs, s.event(i, off))
		case quoteSpec:
			text.WriteString(s.sentence)
			q := event.Quote{Sentence: i, Text: s.quoted, Direct: s.direct, Span: spanOf(s.sentence, s.quoted, off)}
			if s.speaker != "" {
				q.Speaker = actorOf(s.sentence, s.speaker, s.code, "", off)
			}
			if s.date != "" {
				q.Date = mustDate(s.date)
			}
			qs = append(qs, q)
		case string:
			text.WriteString(s)
		default:
			panic(fmt.Sprintf("storetest: build item %T", it))
		}
	}
	a.Text = text.String()
	a.Title, _, _ = strings.Cut(a.Text, ". ")
	return store.NewDocument(&event.Coded{Document: a, Events: evs, Quotes: qs})
}

func (s evSpec) event(sentence, off int) event.Event {
	e := event.Event{
		Sentence: sentence, Text: s.sentence, Span: spanOf(s.sentence, s.verb, off),
		CAMEO: s.cameo, Root: s.cameo[:2], QuadClass: s.quad, Goldstein: s.goldstein,
		PLOVER: s.plover, ACLEDType: s.acledType, ACLEDSubtype: s.acledSub,
		DatePrecision: s.precision, Confidence: s.confidence, Rule: s.rule,
	}
	if e.Confidence == 0 {
		e.Confidence = 0.8
	}
	if s.plover != "" {
		e.PLOVERMode = "direct"
	}
	if s.date != "" {
		e.Date = mustDate(s.date)
		if e.DatePrecision == "" {
			e.DatePrecision = "day"
		}
	}
	if s.src != "" {
		e.Source = actorOf(s.sentence, s.src, s.srcCode, s.srcName, off)
	}
	if s.tgt != "" {
		e.Target = actorOf(s.sentence, s.tgt, s.tgtCode, "", off)
	}
	if s.place != "" {
		e.Location = &event.Location{Name: s.place, Country: s.country, Lat: s.lat, Lon: s.lon,
			Precision: "city", Span: spanOf(s.sentence, s.place, off)}
	}
	if s.fatalities > 0 {
		n := s.fatalities
		e.Fatalities = &n
	}
	if s.crowd > 0 {
		n := s.crowd
		e.Crowd = &n
	}
	if s.attribution != "" {
		a := s.attribution
		e.Attribution = &a
	}
	return e
}

func actorOf(sentence, text, code, name string, off int) *event.Actor {
	a := &event.Actor{Text: text, Code: code, Name: name, Span: spanOf(sentence, text, off)}
	if len(code) >= 3 && code != "UAF" {
		a.Country = code[:3]
	}
	if len(code) >= 6 {
		a.Role = code[3:6]
	}
	return a
}

func spanOf(sentence, sub string, off int) event.Span {
	i := strings.Index(sentence, sub)
	if i < 0 {
		panic(fmt.Sprintf("storetest: %q not in %q", sub, sentence))
	}
	return event.Span{Start: off + i, End: off + i + len(sub)}
}

func mustDate(s string) event.Date {
	d, err := event.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

func mustTime(s string) time.Time {
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		panic(err)
	}
	return t
}

// Corpus returns three hand-written news documents with seven coded events
// (rules r1 to r7) and two quotes, the data the filter tests query. Each
// call returns fresh values.
func Corpus() []*store.Document {
	d1 := build("kenya-1", "https://www.wire.example/africa/kenya-protests", "2024-03-04",
		evSpec{rule: "r1", sentence: "Police fired tear gas at protesters in Nairobi on Monday, witnesses said.",
			verb: "fired tear gas", src: "Police", srcCode: "KENCOP", tgt: "protesters", tgtCode: "KENOPP",
			cameo: "175", quad: 4, goldstein: -9, plover: "COERCE", acledType: "Protests", acledSub: "Protest with intervention",
			date: "2024-03-04", place: "Nairobi", country: "KEN", lat: -1.2864, lon: 36.8172, attribution: "witnesses"},
		evSpec{rule: "r2", sentence: "Kenya's president met his Tanzanian counterpart in Dodoma on Tuesday.",
			verb: "met", src: "Kenya's president", srcCode: "KENGOV", srcName: "William Ruto",
			tgt: "his Tanzanian counterpart", tgtCode: "TZAGOV",
			cameo: "040", quad: 1, goldstein: 1, plover: "CONSULT",
			date: "2024-03-05", place: "Dodoma", country: "TZA", lat: -6.1722, lon: 35.7395},
		quoteSpec{sentence: `"We will not tolerate violence on our streets," the police chief said.`,
			quoted: "We will not tolerate violence on our streets,", direct: true,
			speaker: "the police chief", code: "KENCOP", date: "2024-03-04"},
	)
	d1.Article.PublishedAt = mustTime("2024-03-04T17:30:00.123456Z")
	d2 := build("nigeria-1", "https://news.example/world/nigeria-attack", "2024-03-10",
		evSpec{rule: "r3", sentence: "Gunmen killed 12 villagers in an attack near Maiduguri on Saturday.",
			verb: "killed", src: "Gunmen", srcCode: "UAF", tgt: "villagers", tgtCode: "NGACVL",
			cameo: "1823", quad: 4, goldstein: -10, plover: "ASSAULT", acledType: "Violence against civilians", acledSub: "Attack",
			date: "2024-03-09", place: "Maiduguri", country: "NGA", lat: 11.8464, lon: 13.1603, fatalities: 12},
		evSpec{rule: "r4", sentence: "Thousands marched through Lagos to demand lower fuel prices.",
			verb: "marched", src: "Thousands", srcCode: "NGACVL",
			cameo: "141", quad: 3, goldstein: -6.5, plover: "PROTEST", acledType: "Protests", acledSub: "Peaceful protest",
			date: "2024-03-09", place: "Lagos", country: "NGA", lat: 6.4541, lon: 3.3947, crowd: 5000},
		evSpec{rule: "r5", sentence: "Iran's foreign ministry condemned the strike.",
			verb: "condemned", src: "Iran's foreign ministry", srcCode: "IRNGOV",
			cameo: "111", quad: 3, goldstein: -2, plover: "DISAPPROVE", date: "2024-03-10", precision: "anchor"},
		quoteSpec{sentence: "The ministry said the strike broke international law.",
			quoted: "the strike broke international law", speaker: "The ministry", code: "IRNGOV", date: "2024-03-10"},
	)
	d3 := build("pacific-1", "", "2025-01-15",
		evSpec{rule: "r6", sentence: "Fiji and Samoa signed a fisheries agreement in Suva.",
			verb: "signed", src: "Fiji", srcCode: "FJI", tgt: "Samoa", tgtCode: "WSM",
			cameo: "057", quad: 1, goldstein: 8, plover: "AGREE",
			date: "2025-01-14", place: "Suva", country: "FJI", lat: -18.1416, lon: 178.4415},
		evSpec{rule: "r7", sentence: "Fiji's navy evacuated residents of the Lau Islands after the cyclone.",
			verb: "evacuated", src: "Fiji's navy", srcCode: "FJIMIL", tgt: "residents", tgtCode: "FJICVL",
			cameo: "0234", quad: 2, goldstein: 7, plover: "AID",
			place: "Lau Islands", country: "FJI", lat: -18.2, lon: -178.8},
	)
	return []*store.Document{d1, d2, d3}
}
