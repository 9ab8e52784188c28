package code

import (
	"github.com/annals-project/annals/internal/count"
	"github.com/annals-project/annals/internal/date"
	"github.com/annals-project/annals/internal/event"
	"github.com/annals-project/annals/internal/geo"
	"sort"
)

// sentenceContext is what a sentence says about where, when and how many,
// shared by the events coded in it.
type sentenceContext struct {
	places    []geo.Mention // place names in the sentence, in text order
	date      event.Date
	precision string
	counts    count.Counts
	sentence  int // the sentence's index
}

// findPlaces runs the gazetteer over the whole article once and records the
// document's country focus from the places it names.
func (d *doc) findPlaces() {
	g := d.c.places
	if g == nil {
		return
	}
	ms := g.Find(d.a.Text, event.Span{Start: 0, End: len(d.a.Text)}, nil)
	ms = g.Locate(d.a.Text, ms)
	d.mentions = ms
	d.placeFocus = g.Focus(d.a.Text, ms...)
}

// context builds the sentence context of st: its places, its date (or the
// date carried from the previous sentence of the same block), its counts.
func (d *doc) context(st *sentence, prev *sentenceContext, prevBlock int) *sentenceContext {
	sc := &sentenceContext{}
	for _, m := range d.mentions {
		if st.s.Span.Contains(m.Span) {
			sc.places = append(sc.places, m)
		}
	}
	// A date after the document was written ("plans to build it by
	// 2030", "will meet next week") is when something is meant to happen,
	// not when this report's event did: the event is the announcement.
	if e, ok := date.Sentence(st.text, st.s.Span, d.ref); ok && !e.Date.IsZero() && !(d.ref.Before(e.Date) && !d.ref.IsZero()) {
		sc.date, sc.precision = e.Date, string(e.Precision)
	} else if prev != nil && prevBlock == st.s.Block && !prev.date.IsZero() && prev.precision != string(date.Fallback) {
		sc.date, sc.precision = prev.date, prev.precision
	} else {
		sc.date, sc.precision = d.a.Anchor, string(date.Fallback)
	}
	ws := make([]string, len(st.toks))
	for i, t := range st.toks {
		ws[i] = t.low
	}
	sc.counts = count.Read(ws)
	return sc
}

// placeCountry returns the country of the sentence's first place named
// after a locative preposition ("protesters in Almaty"), or "".
func (st *sentence) placeCountry(sc *sentenceContext) string {
	for _, m := range sc.places {
		if st.locative(m.Span) {
			return m.Place.Country
		}
	}
	return ""
}

// placeOf are the parts and sides of places, and the places named by
// what they are, whose "of" introduces a place: "in front of", "on the
// outskirts of", "in the north of", "the capital of".
var placeOf = set("front", "outside", "outskirts", "north", "south", "east", "west", "centre", "center",
	"heart", "part", "parts", "suburbs", "vicinity", "capital", "port", "island")

// ofPlace reports the nouns whose "of" introduces a place: the parts and
// sides of places ("in front of", "on the outskirts of") and the place
// nouns themselves ("the town of", "the city of").
func ofPlace(w string) bool { return placeOf[w] || placeNouns[w] == areaNoun }

// locative reports whether the place at sp follows a locative preposition.
func (st *sentence) locative(sp event.Span) bool {
	for i, t := range st.toks {
		if t.span.Start == sp.Start {
			return st.locativeTok(i, sp.End)
		}
	}
	return false
}

// locativeTok reports whether the place whose first token is i and which
// ends at byte end follows a locative preposition.
func (st *sentence) locativeTok(i, end int) bool {
	for e := i; e < len(st.toks) && st.toks[e].span.Start < end; e++ {
		if w := st.low(e + 1); w == "'s" || w == "’s" {
			// "a protest against India's new dam": a possessive place
			// names an owner, not where it happened.
			return false
		}
	}
	from := i
	if p := st.low(i - 1); p == "'s" || p == "’s" {
		// "in Lagos's Otumara district": the district lies where its
		// possessor is named.
		for from = i - 2; from > 0 && st.toks[from-1].cap && st.toks[from-1].word; from-- {
		}
	}
	for b := from - 1; b >= 0 && b >= from-3; b-- {
		w := st.toks[b].low
		if locationPreps[w] && w != "from" || w == "to" || w == "into" || w == "off" || w == "of" && ofPlace(st.low(b-1)) {
			return true
		}
		if w != "the" && w != "central" && w != "northern" && w != "southern" && w != "eastern" && w != "western" {
			return false
		}
	}
	return false
}

// location picks the event's place: a place named after a locative
// preposition in the sentence, nearest the trigger; else any place the
// sentence names that is not one of the event's actors; else the
// document's focus country.
func (d *doc) location(st *sentence, sc *sentenceContext, t *trigger, src, tgt *phraseActor) *event.Location {
	loc, dist := d.knownLocation(st, sc, t, src, tgt)
	if loc == nil {
		return nil
	}
	if name, sp, sd, ok := st.subPlace(sc.places, t); ok && sd <= dist+subPlaceSlack && !sp.Contains(loc.Span) {
		// "in the Qasr Nurani area of Damascus": the text names a place
		// the gazetteer lacks; the event is there, at the coordinates of
		// the place that contains it.
		loc.Name, loc.Span = name, sp
	}
	return loc
}

// knownLocation picks the gazetteer place of an event (see location) and
// how far from the trigger the sentence names it (notNamed when it does
// not).
func (d *doc) knownLocation(st *sentence, sc *sentenceContext, t *trigger, src, tgt *phraseActor) (*event.Location, int) {
	trig := st.toks[t.i].span.Start
	best, bestDist := -1, noPlace
	for k, m := range sc.places {
		if !st.locative(m.Span) {
			continue
		}
		if dist := placeDistance(m.Span.Start, trig); dist < bestDist {
			best, bestDist = k, dist
		}
	}
	if best < 0 {
		for k, m := range sc.places {
			if overlaps(src, m.Span) || overlaps(tgt, m.Span) {
				continue
			}
			best = k
			break
		}
	}
	if best >= 0 {
		if bestDist < noPlace {
			// "the West Bank town of Jenin": a more precise place
			// right after the chosen one is where it happened.
			for k := best + 1; k < len(sc.places); k++ {
				m, b := sc.places[k], sc.places[best]
				if m.Span.Start-b.Span.End > nextPlaceGap || !st.locative(m.Span) {
					break
				}
				if m.Place.Kind == geo.City && b.Place.Kind != geo.City {
					best = k
				}
			}
		} else {
			bestDist = notNamed
		}
		m := sc.places[best]
		if st.locative(m.Span) {
			if _, ok := d.blockPlace[st.s.Block]; !ok {
				d.blockPlace[st.s.Block] = m
			}
		}
		loc := placeLocation(m.Place, m.Span)
		loc.Name = m.Span.Of(d.a.Text)
		return loc, bestDist
	}
	// No place in the sentence: the place its paragraph named before
	// ("On 5 May, students clashed in Sylhet. … Police fired …"), else the
	// document's first place where something happened in its focus
	// country, else the focus country.
	if m, ok := d.blockPlace[st.s.Block]; ok {
		loc := placeLocation(m.Place, m.Span)
		loc.Name = m.Span.Of(d.a.Text)
		return loc, notNamed
	}
	for _, m := range d.mentions {
		if m.Place.Country == d.focusCountry && m.Place.Kind != geo.Country && d.locativeAt(m.Span) {
			loc := placeLocation(m.Place, m.Span)
			loc.Name = m.Span.Of(d.a.Text)
			return loc, notNamed
		}
	}
	if d.focusCountry != "" && d.c.places != nil {
		if p, ok := d.c.places.Country(d.focusCountry); ok {
			return placeLocation(p, event.Span{}), notNamed
		}
	}
	return nil, 0
}

// subPlace returns the sub-place (see subPlaces) nearest the trigger, its
// name as written and its distance, measured as location measures it.
func (st *sentence) subPlace(known []geo.Mention, t *trigger) (string, event.Span, int, bool) {
	trig := st.toks[t.i].span.Start
	var name event.Span
	bestDist := -1
	for _, sp := range st.subPlaces(known) {
		dist := placeDistance(sp.Start, trig)
		if bestDist < 0 || dist < bestDist {
			name, bestDist = sp, dist
		}
	}
	if bestDist < 0 {
		return "", event.Span{}, 0, false
	}
	return name.Of(st.text), name, bestDist, true
}

// placeDistance is how far a place at byte start lies from a trigger at
// trig, in bytes; places before the trigger count beforePenalty more, as
// places after it are likelier its own.
func placeDistance(start, trig int) int {
	if d := start - trig; d >= 0 {
		return d
	}
	return trig - start + beforePenalty
}

// Distances, in bytes, that location weighs places by.
const (
	beforePenalty = 40      // added to a place before the trigger
	subPlaceSlack = 60      // how much farther than the gazetteer place a sub-place may lie
	nextPlaceGap  = 25      // a more precise place right after the chosen one
	notNamed      = 1 << 29 // a place the sentence does not name (paragraph or focus)
	noPlace       = 1 << 30
)

// subPlaces finds, once per sentence, the places after a locative
// preposition that the gazetteer lacks (known holds the sentence's
// gazetteer places), named the way news names the parts of a city or
// district: capitalised words and a place noun ("the Qasr Nurani area",
// "the Al-Amal district", "Liberation Square"), or a place noun and "of"
// ("the town of Marka"). A span keeps the noun when it is part of the name
// ("Liberation Square").
func (st *sentence) subPlaces(known []geo.Mention) []event.Span {
	if st.subDone {
		return st.subs
	}
	st.subDone = true
	isKnown := func(from, to int) bool {
		sp := event.Span{Start: st.toks[from].span.Start, End: st.toks[to-1].span.End}
		for _, m := range known {
			if m.Span.Start < sp.End && sp.Start < m.Span.End {
				return true
			}
		}
		for g := from; g < to; g++ {
			if st.phraseAt[g] >= 0 {
				return true
			}
		}
		return false
	}
	for i := 0; i+1 < len(st.toks); i++ {
		if !subPlacePreps[st.toks[i].low] {
			continue
		}
		j := i + 1
		if st.low(j) == "the" {
			j++
		}
		var from, to int
		var keep bool
		switch {
		case j+2 < len(st.toks) && placeNouns[st.low(j)] != 0 && st.low(j+1) == "of" && st.toks[j+2].cap:
			// "the town of Marka"
			from, to = j+2, j+3
			for to < len(st.toks) && to-from < 4 && st.toks[to].cap && st.toks[to].word {
				to++
			}
		case j < len(st.toks) && st.toks[j].cap && st.toks[j].word:
			from, to = j, j
			for to < len(st.toks) && to-from < 4 && st.toks[to].cap && st.toks[to].word {
				to++
			}
			switch next := st.low(to); {
			case to < len(st.toks) && !st.toks[to].cap && placeNouns[next] == areaNoun:
				// "the Qasr Nurani area": the noun is not the name.
			case to < len(st.toks) && !st.toks[to].cap && placeNouns[next] == nameNoun:
				// "Station road"
				keep = true
			case to-from >= 2 && placeNouns[st.low(to-1)] == nameNoun:
				// "Liberation Square", "Clock Tower Roundabout": already in.
			default:
				continue
			}
		default:
			continue
		}
		if to <= from || isKnown(from, to) {
			continue
		}
		end := to
		if keep {
			end = to + 1
		}
		st.subs = append(st.subs, event.Span{Start: st.toks[from].span.Start, End: st.toks[end-1].span.End})
	}
	return st.subs
}

// subPlacePreps introduce where something happened.
var subPlacePreps = set("in", "at", "near", "outside", "inside", "into", "around", "across", "through")

// Kinds of place nouns: a part of a city or district, written after a name
// and left out of it ("the Qasr Nurani area"), or a thing whose noun is
// part of its name ("Tahrir Square").
const (
	areaNoun = 1 + iota
	nameNoun
)

// placeNouns maps the nouns of places to their kind.
var placeNouns = map[string]int{
	"area": areaNoun, "district": areaNoun, "neighbourhood": areaNoun, "neighborhood": areaNoun, "village": areaNoun,
	"town": areaNoun, "quarter": areaNoun, "suburb": areaNoun, "township": areaNoun, "locality": areaNoun,
	"municipality": areaNoun, "governorate": areaNoun, "upazila": areaNoun, "ward": areaNoun, "settlement": areaNoun,
	"sub-district": areaNoun, "subdistrict": areaNoun, "countryside": areaNoun, "county": areaNoun, "city": areaNoun,
	"province": areaNoun, "region": areaNoun, "camp": nameNoun,
	"square": nameNoun, "road": nameNoun, "street": nameNoun, "roundabout": nameNoun, "bridge": nameNoun,
	"station": nameNoun, "market": nameNoun, "airport": nameNoun, "checkpoint": nameNoun, "junction": nameNoun,
	"highway": nameNoun, "hill": nameNoun, "valley": nameNoun, "crossing": nameNoun, "avenue": nameNoun,
	"park": nameNoun, "mosque": nameNoun, "hospital": nameNoun, "university": nameNoun, "prison": nameNoun,
}

// locativeAt reports whether the text just before sp is a locative
// preposition ("in", "at", "near" …), reading bytes rather than tokens.
func (d *doc) locativeAt(sp event.Span) bool {
	i := sp.Start
	for i > 0 && d.a.Text[i-1] == ' ' {
		i--
	}
	j := i
	for j > 0 && d.a.Text[j-1] >= 'a' && d.a.Text[j-1] <= 'z' {
		j--
	}
	w := d.a.Text[j:i]
	if w == "the" {
		return d.locativeAt(event.Span{Start: j, End: j})
	}
	return locationPreps[w]
}

func overlaps(a *phraseActor, sp event.Span) bool {
	return a != nil && a.Span.Start < sp.End && sp.Start < a.Span.End
}

func placeLocation(p geo.Place, sp event.Span) *event.Location {
	prec := "city"
	switch p.Kind {
	case geo.Admin1:
		prec = "admin1"
	case geo.Country:
		prec = "country"
	}
	return &event.Location{Name: p.Name, Geoname: p.Name, Country: p.Country, Admin1: p.Admin1, Lat: p.Lat, Lon: p.Lon,
		Precision: prec, GeonameID: p.ID, Span: sp}
}

// addCounts gives the figures of a sentence without events to the events
// of sentence index sent.
func (d *doc) addCounts(events []event.Event, sent int, c count.Counts) {
	for i := len(events) - 1; i >= 0 && events[i].Sentence == sent; i-- {
		setCounts(&events[i], c)
	}
}

// setCounts attaches figures to an event of the kind they fit: deaths and
// injuries to material conflict, crowds to protests.
func setCounts(e *event.Event, c count.Counts) {
	if e.QuadClass == 4 {
		if c.Killed != nil && (e.Fatalities == nil || *e.Fatalities < *c.Killed) {
			e.Fatalities = c.Killed
		}
		if c.Injured != nil && (e.Injuries == nil || *e.Injuries < *c.Injured) {
			e.Injuries = c.Injured
		}
	}
	if e.Root == "14" && c.Crowd != nil {
		e.Crowd = c.Crowd
	}
}

// placeAt returns the place mention starting at byte off, if any.
func (d *doc) placeAt(off int) (geo.Mention, bool) {
	i := sort.Search(len(d.mentions), func(i int) bool { return d.mentions[i].Span.Start >= off })
	if i < len(d.mentions) && d.mentions[i].Span.Start == off {
		return d.mentions[i], true
	}
	return geo.Mention{}, false
}
