package dedup_test

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	dates "github.com/annals-project/annals/internal/date"
	"github.com/annals-project/annals/internal/dedup"
	"github.com/annals-project/annals/internal/event"
	"github.com/annals-project/annals/internal/event/code"
	"github.com/annals-project/annals/internal/pipeline"
	"github.com/annals-project/annals/internal/store"
	"github.com/annals-project/annals/internal/store/sqlite"
)

// A story is one document of our test news: where and when it was
// published, its text, and the events a coder finds in it (for the tests
// that do not run the coder).
type story struct {
	url, published, text string
	events               []ev
}

// Reports of one attack by three outlets, a syndicated copy of the first,
// a report a year later that recalls it, and two other events of the same
// day in the same country.
var (
	herald = story{"https://lagosherald.example/news/zamfara-attack", "2025-03-10",
		"Gunmen killed 12 villagers in an attack on a farming community in Zamfara State on Sunday, police said.\n" +
			"The attackers arrived on motorcycles shortly after dawn and set fire to several homes, a police spokesman said.",
		[]ev{{"190", "2025-03-09", "NGAUAF", "NGACVL", "Zamfara"}, {"010", "2025-03-09", "NGACOP", "", "Zamfara"}}}
	observer = story{"https://abujaobserver.example/2025/03/10/bandits-raid", "2025-03-10",
		"Armed bandits killed at least 12 people in a raid on a village in Zamfara State, northwestern Nigeria, on Sunday.\n" +
			"Residents said the gunmen burned houses and stole cattle before fleeing into a nearby forest.",
		[]ev{{"190", "2025-03-09", "NGA", "NGACVL", "Zamfara"}}}
	times = story{"https://northerntimes.example/zamfara-killings", "2025-03-10",
		"At least 14 villagers were killed when gunmen attacked a village in Nigeria's Zamfara State on Sunday, a local official said.\n" +
			"The state government condemned the killings and promised to send more troops to the area.",
		[]ev{{"190", "2025-03-09", "NGA", "NGACVL", "Nigeria"}}}
	syndicated = story{"https://regionalwire.example/stories/88412", "2025-03-11",
		"REGIONAL WIRE — Gunmen killed 12 villagers in an attack on a farming community in Zamfara State on Sunday, police said.\n\n" +
			"The attackers arrived on motorcycles shortly after dawn and set fire to several homes, a police spokesman said.\n" +
			"This story first appeared in the Lagos Herald.",
		[]ev{{"190", "2025-03-09", "NGAUAF", "NGACVL", "Zamfara"}, {"010", "2025-03-09", "NGACOP", "", "Zamfara"}}}
	anniversary = story{"https://lagosherald.example/news/zamfara-vigilantes", "2026-02-17",
		"Hundreds of residents of Zamfara State marched on Tuesday to demand better protection from armed gangs.\n" +
			"Gunmen killed 12 villagers in Zamfara State on 9 March 2025, an attack that prompted the state to hire local vigilantes.",
		[]ev{{"141", "2026-02-17", "NGACVL", "NGACRM", "Zamfara"}, {"190", "2025-03-09", "NGAUAF", "NGACVL", "Zamfara"}}}
	maiduguri = story{"https://abujaobserver.example/2025/03/10/maiduguri-mosque", "2025-03-10",
		"A suicide bomber killed five worshippers at a mosque in Maiduguri on Sunday, the Borno State police said.",
		[]ev{{"1831", "2025-03-09", "NGAUAF", "NGAREL", "Maiduguri"}, {"010", "2025-03-09", "NGACOP", "", "Maiduguri"}}}
	lagos = story{"https://lagosherald.example/news/fuel-protest", "2025-03-10",
		"Police arrested 30 protesters in Lagos on Sunday after a march against rising fuel prices turned violent.",
		[]ev{{"173", "2025-03-09", "NGACOP", "NGAOPP", "Lagos"}, {"145", "2025-03-09", "NGAOPP", "", "Lagos"}}}
	// Two documents without a publication date: their anchor is the
	// latest date their text gives. A wire item of the day…
	dayItem = story{"https://sahelwire.example/item/20250310-zamfara", "",
		"Gunmen killed 12 villagers in an attack on a farming community in Zamfara State on Sunday, residents said.\n" +
			"The state governor visited the village on 10 March 2025 and promised to rebuild the burned homes.",
		[]ev{{"190", "2025-03-09", "NGAUAF", "NGACVL", "Zamfara"}}}
	// …and a feature written months later, which recalls the attack.
	feature = story{"https://sahelreview.example/features/zamfara-six-months-on", "",
		"Six months after gunmen killed 12 villagers in Zamfara State on 9 March 2025, farmers in the village still sleep in the bush at night.\n" +
			"A police post opened in the village on 2 September 2025, but residents said none of the attackers had been caught.",
		[]ev{{"190", "2025-03-09", "NGAUAF", "NGACVL", "Zamfara"}}}
)

// article returns the story's document, its anchor set as the pipeline
// sets it: the publication date, else the latest date in the text.
func (s story) article() *event.Article {
	a := &event.Article{ID: s.url, URL: s.url, Text: s.text}
	if s.published != "" {
		a.Published = date(s.published)
	}
	a.Blocks = []event.Block{{Kind: event.BlockParagraph, Span: event.Span{Start: 0, End: len(s.text)}}}
	dates.Anchor(a, event.Date{})
	return a
}

// fatalities of the first event of the Zamfara attack's stories.
var fatalities = map[string]int{herald.url: 12, observer.url: 12, times.url: 14, syndicated.url: 12, anniversary.url: 12,
	maiduguri.url: 5, dayItem.url: 12, feature.url: 12}

// codedByHand returns the stories as documents with their events given.
func codedByHand(stories ...story) []*store.Document {
	var docs []*store.Document
	for _, s := range stories {
		c := &event.Coded{Document: s.article()}
		for _, e := range s.events {
			x := e.event()
			if x.Root == "18" || x.Root == "19" {
				n := fatalities[s.url]
				x.Fatalities = &n
			}
			c.Events = append(c.Events, x)
		}
		docs = append(docs, store.NewDocument(c))
	}
	return docs
}

// MustOpen opens a new SQLite store in a temporary directory.
func MustOpen(tb testing.TB) store.Store {
	tb.Helper()
	s, err := sqlite.Open(context.Background(), filepath.Join(tb.TempDir(), "annals.db"), sqlite.Options{
		Now: func() time.Time { return time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC) },
	})
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { s.Close() })
	return s
}

// MustIngest stores docs the way annals ingest does: each gets its origin
// from the index, then is stored with the merger.
func MustIngest(tb testing.TB, s store.Store, docs []*store.Document) {
	tb.Helper()
	x, m := dedup.NewIndex(dedup.Options{}), dedup.NewMerger(dedup.Options{})
	for _, d := range docs {
		x.Assign(d)
		if _, err := s.PutDocument(context.Background(), d, m); err != nil {
			tb.Fatalf("PutDocument(%s) = %v", d.Article.ID, err)
		}
	}
}

// summary is what the tests check of an event.
type summary struct {
	Root, Place                        string
	Mentions, Articles, Sources, Fatal int
}

// summaries returns the stored events of the given roots, in ID order.
func summaries(tb testing.TB, s store.Store, roots ...string) []summary {
	tb.Helper()
	evs, err := s.Events(context.Background(), store.EventFilter{CAMEO: roots})
	if err != nil {
		tb.Fatal(err)
	}
	var out []summary
	for _, e := range evs {
		x := summary{Root: e.Root, Mentions: e.NumMentions, Articles: e.NumArticles, Sources: e.NumSources}
		if e.Location != nil {
			x.Place = e.Location.Name
		}
		if e.Fatalities != nil {
			x.Fatal = *e.Fatalities
		}
		out = append(out, x)
	}
	return out
}

// storyCases are the story tests, for coded-by-hand and coder runs alike:
// the documents in order and the violent events (roots 18 to 20) that
// must result.
var storyCases = []struct {
	name    string
	stories []story
	want    []summary
}{
	{"one event reported by three outlets", []story{herald, observer, times}, []summary{
		{"19", "Zamfara State", 3, 3, 3, 14},
	}},
	{"a syndicated copy is not a new source", []story{herald, observer, times, syndicated}, []summary{
		{"19", "Zamfara State", 4, 4, 3, 14},
	}},
	{"a background mention attaches to last year's event", []story{herald, observer, times, anniversary}, []summary{
		{"19", "Zamfara State", 4, 4, 3, 14},
	}},
	{"two events the same day in one country", []story{herald, maiduguri, lagos, observer}, []summary{
		{"19", "Zamfara State", 2, 2, 2, 12},
		{"18", "Maiduguri", 1, 1, 1, 5},
	}},
	{"an undated feature recalls the attack", []story{herald, feature}, []summary{
		{"19", "Zamfara State", 2, 2, 2, 12},
	}},
	{"the undated feature first", []story{feature, herald}, []summary{
		{"19", "Zamfara State", 2, 2, 2, 12},
	}},
	{"undated reports of the day and months later", []story{herald, dayItem, feature, observer}, []summary{
		{"19", "Zamfara State", 4, 4, 4, 12},
	}},
}

func TestStoriesCodedByHand(t *testing.T) {
	for _, tt := range storyCases {
		t.Run(tt.name, func(t *testing.T) {
			s := MustOpen(t)
			MustIngest(t, s, codedByHand(tt.stories...))
			if diff := cmp.Diff(tt.want, summaries(t, s, "18", "19", "20")); diff != "" {
				t.Errorf("violent events (-want +got):\n%s", diff)
			}
		})
	}
}

// TestStoriesCoded runs the same stories through the real coder, so that
// what it finds (actors, places, dates of precision "anchor") is what
// deduplication gets.
func TestStoriesCoded(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the coder's dictionaries")
	}
	coder, err := code.Default()
	if err != nil {
		t.Fatal(err)
	}
	p := pipeline.New(pipeline.Config{Coder: coder})
	for _, tt := range storyCases {
		t.Run(tt.name, func(t *testing.T) {
			s := MustOpen(t)
			var docs []*store.Document
			for _, st := range tt.stories {
				docs = append(docs, store.NewDocument(p.Process(st.article())))
			}
			MustIngest(t, s, docs)
			got := summaries(t, s, "18", "19", "20")
			// The coder may find more than one violent report in a story
			// (the fire the attackers set); the tests are about the attack,
			// which is the event with the most fatalities per place.
			// It may also code one report twice ("were killed when gunmen
			// attacked"): mentions are not compared.
			got = slices.DeleteFunc(got, func(x summary) bool { return x.Fatal == 0 })
			want := slices.Clone(tt.want)
			for i := range want {
				want[i].Mentions = 0
			}
			for i := range got {
				got[i].Mentions = 0
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("violent events with fatalities (-want +got):\n%s", diff)
			}
		})
	}
}

// TestStoriesOrder checks that ingesting the stories in another order
// gives the same events and counts. (Not with the syndicated copy: the
// first of two copies ingested is taken for the original.)
func TestStoriesOrder(t *testing.T) {
	all := []story{herald, observer, times, anniversary, maiduguri, lagos}
	rev := slices.Clone(all)
	slices.Reverse(rev)
	a, b := MustOpen(t), MustOpen(t)
	MustIngest(t, a, codedByHand(all...))
	MustIngest(t, b, codedByHand(rev...))
	less := func(x, y summary) int {
		if x.Root != y.Root {
			return cmpString(x.Root, y.Root)
		}
		return cmpString(x.Place, y.Place)
	}
	ga, gb := summaries(t, a), summaries(t, b)
	slices.SortFunc(ga, less)
	slices.SortFunc(gb, less)
	if diff := cmp.Diff(ga, gb); diff != "" {
		t.Errorf("events in input order (-) and reversed (+):\n%s", diff)
	}
}

func cmpString(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// TestStoriesBusyYear checks the reports of one attack in a region where
// a year of earlier attacks, each reported twice, outnumbers the
// candidates the store returns: the undated report of the day must look
// at its own days, not at the busiest events of a year (it was written
// on the day, long before it was ingested), and the undated feature
// written months later must find the attack among that year's.
func TestStoriesBusyYear(t *testing.T) {
	var docs []*store.Document
	last := date("2025-03-02")
	for i := range 60 {
		day := last.AddDays(-6 * i)
		place := []string{"Gusau", "Zamfara"}[i%2]
		for j, outlet := range []string{"lagosherald.example/news", "abujaobserver.example/stories"} {
			text := fmt.Sprintf("Gunmen killed %d people in a raid on village number %d in %s on %s, officials told reporter %d.",
				3+i%7, i, place, day, j)
			a := &event.Article{ID: fmt.Sprintf("raid-%d-%d", i, j), URL: fmt.Sprintf("https://%s/raid-%d", outlet, i),
				Text: text, Published: day.AddDays(1)}
			dates.Anchor(a, event.Date{})
			docs = append(docs, store.NewDocument(&event.Coded{Document: a,
				Events: []event.Event{ev{"190", day.String(), "NGAUAF", "NGACVL", place}.event()}}))
		}
	}
	docs = append(docs, codedByHand(herald, dayItem, feature)...)
	s := MustOpen(t)
	MustIngest(t, s, docs)
	evs, err := s.Events(context.Background(), store.EventFilter{CAMEO: []string{"18", "19", "20"}, From: date("2025-03-09"), To: date("2025-03-09")})
	if err != nil {
		t.Fatal(err)
	}
	var got []summary
	for _, e := range evs {
		got = append(got, summary{Root: e.Root, Place: e.Location.Name, Mentions: e.NumMentions,
			Articles: e.NumArticles, Sources: e.NumSources, Fatal: *e.Fatalities})
	}
	want := []summary{{"19", "Zamfara State", 3, 3, 3, 12}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("events of 9 March 2025 (-want +got):\n%s", diff)
	}
	if st, err := s.Stats(context.Background()); err != nil || st.Events != 62 {
		t.Errorf("Stats() = %+v, %v; want 62 events: 60 raids, the attack and a statement", st, err)
	}
}
