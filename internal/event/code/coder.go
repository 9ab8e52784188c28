package code

import (
	"fmt"
	"sort"
	"strings"

	"github.com/annals-project/annals/internal/actor"
	"github.com/annals-project/annals/internal/cameo"
	"github.com/annals-project/annals/internal/date"
	"github.com/annals-project/annals/internal/event"
	"github.com/annals-project/annals/internal/geo"
)

// Config holds what a Coder codes with.
type Config struct {
	Verbs  *Dictionary
	Actors *actor.Dictionary
	Codes  *cameo.Table
	// Places geolocates events and tells which country a text is about;
	// nil leaves events without a location.
	Places *geo.Gazetteer
}

// A Coder codes the events of articles. It is safe for concurrent use.
type Coder struct {
	verbs  *Dictionary
	actors *actor.Dictionary
	codes  *cameo.Table
	places *geo.Gazetteer
}

// New returns a coder for cfg. Every field of cfg is required.
func New(cfg Config) (*Coder, error) {
	if cfg.Verbs == nil || cfg.Actors == nil || cfg.Codes == nil {
		return nil, fmt.Errorf("code: config needs verbs, actors and codes")
	}
	return &Coder{verbs: cfg.Verbs, actors: cfg.Actors, codes: cfg.Codes, places: cfg.Places}, nil
}

// Code codes every sentence of a. It returns the events sorted by sentence
// and offset, the quotes, and the named entities it recognised.
func (c *Coder) Code(a *event.Article, sents []event.Sentence) ([]event.Event, []event.Quote, []event.Entity) {
	d := &doc{c: c, a: a, sents: sents, learned: map[string]*phraseActor{}, focus: map[string]int{}, roots: map[string]bool{}, blockPlace: map[int]geo.Mention{}, authors: map[int]*phraseActor{}}
	d.ref = date.Reference(a)
	d.findPlaces()
	analyses := make([]*sentence, len(sents))
	for i, s := range sents {
		analyses[i] = d.analyse(s)
	}
	d.focusCountry = d.topFocus()
	cues := 0
	for _, s := range analyses {
		cues += s.sports
	}
	d.sportsDoc = cues >= 4 && cues*8 >= len(analyses)
	var events []event.Event
	var info []evInfo
	var entities []event.Entity
	var prev *sentenceContext
	prevBlock := -1
	contexts := make(map[int]*sentenceContext, len(analyses))
	for _, s := range analyses {
		sc := d.context(s, prev, prevBlock)
		contexts[s.s.Index] = sc
		evs, inf := d.events(s, sc)
		if len(evs) == 0 && len(events) > 0 && prevBlock == s.s.Block {
			// "… clashed in the town. Two people were killed": figures in
			// a sentence without events belong to the events before it.
			d.addCounts(events, prev.sentence, sc.counts)
		}
		events = append(events, evs...)
		info = append(info, inf...)
		entities = append(entities, s.entities(d.mentions)...)
		prev, prevBlock = sc, s.s.Block
		sc.sentence = s.s.Index
	}
	acledPass(events, info)
	sort.SliceStable(events, func(i, j int) bool {
		if events[i].Sentence != events[j].Sentence {
			return events[i].Sentence < events[j].Sentence
		}
		return events[i].Span.Start < events[j].Span.Start
	})
	return events, d.quotes(analyses, contexts), entities
}

// doc is the state of coding one article: names learned so far, the last
// person named, and how often each country is mentioned.
type doc struct {
	c            *Coder
	a            *event.Article
	sents        []event.Sentence
	learned      map[string]*phraseActor // lower-cased name → actor
	lastPerson   *phraseActor
	focus        map[string]int
	focusCountry string
	// authors caches the actor of each signature block.
	authors map[int]*phraseActor
	// blockPlace is the first place each block named after a locative
	// preposition, for the events of its later sentences.
	blockPlace map[int]geo.Mention
	// roots are the CAMEO roots of the events coded so far.
	roots map[string]bool
	// ref is the date relative expressions resolve against.
	ref event.Date
	// mentions are the article's place names; placeFocus the countries
	// they make it about.
	mentions   []geo.Mention
	placeFocus map[string]float64
	// sportsDoc is set for a report on sport: words of sport throughout.
	sportsDoc bool
}

// topFocus returns the country the document is about: the places it
// names, weighted, plus the countries of its actors.
func (d *doc) topFocus() string {
	score := map[string]float64{}
	total := 0
	for _, v := range d.focus {
		total += v
	}
	for k, v := range d.focus {
		score[k] += float64(v) / float64(total)
	}
	for k, v := range d.placeFocus {
		score[k] += 1.5 * v
	}
	best, n := "", 0.0
	for k, v := range score {
		if v > n || v == n && k < best {
			best, n = k, v
		}
	}
	return best
}

// entry returns the code table's entry for a CAMEO code.
func (c *Coder) entry(code string) (cameo.Entry, bool) {
	return c.codes.Lookup(cameo.Code(code))
}

func lower(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' || c >= 0x80 {
			return strings.ToLower(s)
		}
	}
	return s
}
