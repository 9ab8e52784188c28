package geo

import "github.com/annals-project/annals/internal/event"

// Weights of one mention in Focus.
const (
	focusCountry = 1.0
	focusAdmin1  = 0.8
	focusCity    = 0.6
	focusLead    = 1.5 // multiplier for the first mention (dateline, lead)
	focusSplit   = 0.5 // multiplier for a name whose places lie in several countries
	nearBytes    = 200 // how far apart two mentions may be to inform each other
)

// Focus returns the countries text is about, by ISO3 code, as weights that
// sum to 1 (an empty map when it names no place). It weighs the mentions
// ms, or, when none are given, those Find reports over the whole text:
// a country counts more than a region, a region more than a city, the
// first mention more than the rest, and a name shared by places in several
// countries counts half, for the country that a first pass over the
// unambiguous names favours.
func (g *Gazetteer) Focus(text string, ms ...Mention) map[string]float64 {
	if len(ms) == 0 {
		ms = g.Find(text, event.Span{End: len(text)}, nil)
	}
	focus := map[string]float64{}
	var cands []cand
	var key []byte
	for pass := 0; pass < 2; pass++ {
		w := map[string]float64{}
		for i, m := range ms {
			place := m.Place
			weight := 1.0
			if !m.Qualified && m.Candidates > 1 {
				key = appendKey(key[:0], m.Span.Of(text))
				cands = g.candidates(cands[:0], key)
				if len(cands) > 0 && !sameCountry(g, cands) {
					weight = focusSplit
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
			if i == 0 {
				weight *= focusLead
			}
			w[place.Country] += weight
		}
		focus = normalize(w)
	}
	return focus
}

// Locate resolves each of ms, found in text, in the light of the whole
// document: its Focus and the mentions within 200 bytes of it (so "Georgia"
// in a text about Atlanta and Savannah is the state). Qualified mentions
// keep their place. It updates ms in place and returns it.
func (g *Gazetteer) Locate(text string, ms []Mention) []Mention {
	if len(ms) == 0 {
		return ms
	}
	focus := g.Focus(text, ms...)
	var cands []cand
	var key []byte
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
			if oc := g.candidates(nil, appendKey(nil, o.Span.Of(text))); len(oc) > 0 {
				if o.Qualified {
					oc = []cand{g.indexOf(o.Place, oc)}
				}
				near = append(near, oc)
			}
		}
		m.Place = g.places[g.choose(cands, focus, near)]
	}
	return ms
}

// indexOf returns the candidate among cands that is p, or cands[0].
func (g *Gazetteer) indexOf(p Place, cands []cand) cand {
	for _, c := range cands {
		if g.places[c.i] == p {
			return c
		}
	}
	return cands[0]
}

func sameCountry(g *Gazetteer, cands []cand) bool {
	for _, c := range cands[1:] {
		if g.places[c.i].Country != g.places[cands[0].i].Country {
			return false
		}
	}
	return true
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
