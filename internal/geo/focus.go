package geo

import (
	"slices"
	"strings"

	"github.com/annals-project/annals/internal/event"
)

// Weights of one mention in Focus.
const (
	focusCountry  = 1.0
	focusAdmin1   = 1.0
	focusCity     = 0.8 // a town is strong evidence for its country too
	focusLead     = 1.5 // multiplier for the first mention (dateline, lead)
	focusSplit    = 0.5 // multiplier for a name whose likely places lie in several countries
	focusLocative = 1.5 // multiplier after "in", "at", "near", "outside", "across"...
	focusRelation = 0.3 // multiplier for a country after "against", "with", "to"...
	focusPartial  = 0.5 // multiplier for "Myanmar's", "Israel-Palestine": a country as an attribute
	focusAlone    = 0.5 // multiplier for a town that is the only name of its country
	splitMargin   = 1.0 // prior lead over a namesake abroad that makes a name unambiguous
	nearBytes     = 200 // how far apart two mentions may be to inform each other
)

// Focus returns the countries text is about, by ISO3 code, as weights that
// sum to 1 (an empty map when it names no place). It weighs the mentions
// ms, or, when none are given, those Find reports over the whole text.
// Places where things happen count more than countries things are done
// to: a region or country counts 1 and a town 0.8; a mention after a
// locative word ("in", "at", "near", "outside", "across") counts 1.5
// times; a country after a word of relation ("against", "with", "to",
// "toward", "on") 0.3 times, and a country after "of", in the possessive,
// before a hyphen or before a capitalised word ("the people of Palestine",
// "Myanmar's aggression", "Israel-Palestine", "US Embassy") half. A town
// that is the only name the document gives in its country ("Gulistan" in
// a story about Dhaka and Paltan) counts half. The first
// mention counts 1.5 times. A name whose namesakes in other countries are
// about as likely counts half, for the country that a first pass over the
// unambiguous names favours.
func (g *Gazetteer) Focus(text string, ms ...Mention) map[string]float64 {
	if len(ms) == 0 {
		ms = g.Find(text, event.Span{End: len(text)}, nil)
	}
	focus := map[string]float64{}
	var cands []cand
	var key []byte
	ctx := make([]float64, len(ms))
	names := map[string]string{} // country → the one key named in it, or "" for several
	keys := make([]string, len(ms))
	for i, m := range ms {
		ctx[i] = contextWeight(text, m)
		if i > 0 && m.Place.Kind == Country && ms[i-1].Place.Kind == Country && joined(text, ms[i-1].Span.End, m.Span.Start) {
			// "talks with Russia and India": the relation holds for both.
			ctx[i] = ctx[i-1]
			if i == 1 {
				ctx[i] /= focusLead
			}
		}
		if i == 0 {
			ctx[i] *= focusLead
		}
		keys[i] = Key(m.Span.Of(text))
		if k, ok := names[m.Place.Country]; !ok {
			names[m.Place.Country] = keys[i]
		} else if k != keys[i] {
			names[m.Place.Country] = ""
		}
	}
	for i, m := range ms {
		if m.Place.Kind == City && !m.Qualified && names[m.Place.Country] != "" {
			ctx[i] *= focusAlone
		}
	}
	for pass := 0; pass < 2; pass++ {
		w := map[string]float64{}
		for i, m := range ms {
			place := m.Place
			weight := ctx[i]
			if !m.Qualified && m.Candidates > 1 {
				key = appendKey(key[:0], m.Span.Of(text))
				cands = g.candidates(cands[:0], key)
				if len(cands) > 0 && g.split(cands) {
					weight *= focusSplit
					if pass == 1 {
						place = g.places[g.choose(cands, focus, nil)]
					}
				}
			}
			switch place.Kind {
			case Country:
				weight *= focusCountry
			case Admin1:
				weight *= focusAdmin1
			default:
				weight *= focusCity
			}
			w[place.Country] += weight
		}
		focus = normalize(w)
	}
	return focus
}

// contextWeight weighs a mention by the words around it.
func contextWeight(text string, m Mention) float64 {
	w := 1.0
	prev := wordBefore(text, m.Span.Start)
	switch prev {
	case "in", "at", "near", "outside", "across", "inside", "around", "throughout", "within":
		w *= focusLocative
	}
	if m.Place.Kind != Country {
		return w
	}
	switch prev {
	case "against", "with", "to", "toward", "towards", "on", "by", "versus", "and":
		// "protest against Myanmar", "talks with Russia", "solidarity
		// with Palestine", "an attack on Israel"; "and" joins a country
		// to a list ("India and Pakistan") or a relationship.
		if prev != "and" {
			w *= focusRelation
		}
	}
	rest := text[m.Span.End:]
	if prev == "of" || strings.HasPrefix(rest, "'s") || strings.HasPrefix(rest, "’s") || strings.HasPrefix(rest, "-") ||
		len(rest) > 1 && rest[0] == ' ' && 'A' <= rest[1] && rest[1] <= 'Z' {
		// "solidarity of Palestine", "Myanmar's aggression",
		// "Israel-Palestine conflict", "US Embassy".
		w *= focusPartial
	}
	return w
}

// joined reports whether text[end:start] is a conjunction between two
// names of a list (" and ", ", ", " or ").
func joined(text string, end, start int) bool {
	if end > start {
		return false
	}
	switch text[end:start] {
	case " and ", ", ", " or ", ", and ":
		return true
	}
	return false
}

// wordBefore returns the lower-case word before offset i in text, skipping
// spaces and "the" ("protest against the Myanmar junta"); "" at a
// punctuation mark or the start.
func wordBefore(text string, i int) string {
	for n := 0; n < 2; n++ {
		j := i
		for j > 0 && text[j-1] == ' ' {
			j--
		}
		k := j
		for k > 0 && ('a' <= text[k-1] && text[k-1] <= 'z' || 'A' <= text[k-1] && text[k-1] <= 'Z') {
			k--
		}
		if k == j || k > 0 && text[k-1] != ' ' && text[k-1] != '\n' && text[k-1] != '(' {
			return ""
		}
		w := strings.ToLower(text[k:j])
		if w != "the" {
			return w
		}
		i = k
	}
	return ""
}

// split reports whether cands, best first, hold a namesake abroad that is
// about as likely as the best: "Dhaka" is the capital whatever town in
// Bihar shares its name, "Hyderabad" is split.
func (g *Gazetteer) split(cands []cand) bool {
	top := &cands[0]
	for _, c := range cands[1:] {
		if g.places[c.i].Country != g.places[top.i].Country && top.rank-c.rank < splitMargin {
			return true
		}
	}
	return false
}

// Locate resolves each of ms, found in text, in the light of the whole
// document: its Focus and the mentions within 200 bytes of it (so "Georgia"
// in a text about Atlanta and Savannah is the state). Qualified mentions
// keep their place, and lend it to the document's other mentions of the
// same name ("Mirpur" after "Dhaka - Mirpur"). It updates ms in place and
// returns it.
func (g *Gazetteer) Locate(text string, ms []Mention) []Mention {
	if len(ms) == 0 {
		return ms
	}
	var key []byte
	sense := map[string]int{} // key → the first qualified mention of it
	for i, m := range ms {
		if m.Qualified {
			key = appendKey(key[:0], m.Span.Of(text))
			if _, ok := sense[string(key)]; !ok {
				sense[string(key)] = i
			}
		}
	}
	for i := range ms {
		m := &ms[i]
		if m.Qualified || len(sense) == 0 {
			continue
		}
		key = appendKey(key[:0], m.Span.Of(text))
		if j, ok := sense[string(key)]; ok {
			m.Place, m.Qualified, m.Within = ms[j].Place, true, ms[j].Within
		}
	}
	focus := g.Focus(text, ms...)
	var cands []cand
	for i := range ms {
		m := &ms[i]
		if m.Qualified || m.Candidates < 2 {
			continue
		}
		key = appendKey(key[:0], m.Span.Of(text))
		cands = g.candidates(cands[:0], key)
		if len(cands) == 0 {
			continue
		}
		var near [][]cand
		for j := range ms {
			o := ms[j]
			if j == i || o.Span.Start > m.Span.End+nearBytes || m.Span.Start > o.Span.End+nearBytes {
				continue
			}
			if o.Qualified {
				if p, ok := g.placeIndex(o.Place); ok {
					near = append(near, []cand{{i: p, rank: g.prior[p]}})
				}
				continue
			}
			if oc := g.candidates(nil, appendKey(nil, o.Span.Of(text))); len(oc) > 0 {
				near = append(near, oc)
			}
		}
		m.Place = g.places[g.choose(cands, focus, near)]
	}
	return ms
}

// placeIndex returns the index of place p in g.
func (g *Gazetteer) placeIndex(p Place) (int32, bool) {
	switch {
	case p.Kind == City && p.ID > 0:
		k, ok := slices.BinarySearchFunc(g.byID, p.ID, func(i int32, id int) int { return g.places[i].ID - id })
		if ok {
			return g.byID[k], true
		}
	case p.Kind == Country:
		i, ok := g.country[p.Country]
		return i, ok
	}
	for _, c := range g.candidates(nil, appendKey(nil, p.Name)) {
		if g.places[c.i] == p {
			return c.i, true
		}
	}
	return 0, false
}

func normalize(w map[string]float64) map[string]float64 {
	sum := 0.0
	for _, v := range w {
		sum += v
	}
	for k, v := range w {
		w[k] = v / sum
	}
	return w
}
