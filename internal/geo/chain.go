package geo

import (
	"bytes"
	"math"
	"slices"
	"strings"
)

// A verdict is what the qualifiers after a name say about it.
type verdict uint8

const (
	unqualified verdict = iota // no qualifier, or none that helps
	qualified                  // a qualifier chose the place
	within                     // the qualifiers place the name where we know no such place: m.Place is the first of them
	described                  // a descriptor chose the place ("Donetsk region"); the word must still pass as a name
)

// maxLinks bounds the qualifiers read after one name.
const maxLinks = 4

// A link is one qualifier after a name: the places its name may be, and
// whether a city among them may qualify (inside parentheses or next to a
// descriptor; after a bare comma a city is more likely the next item of a
// list: "Paris, London and Berlin").
type link struct {
	cands []cand
	city  bool
}

// qualify reads the chain of qualifiers after the name toks[..last] (key,
// candidates cands) and sets m.Place and m.Qualified when they decide it.
// A chain is what news and ACLED notes put after a place name: descriptors
// ("upazila", "Sadar", "district"), then regions, districts or the country
// after a comma, inside parentheses or after "in"/"of": "Paris, Texas";
// "Krishnapur village, Jhenaidah Sadar upazila (Khulna)"; "Ukhiya town,
// Ukhia upazila (Cox's Bazar, Chittagong)"; "Santoshpur area in Mirzaganj
// upazila (Patuakhali, Barisal)". Names in the chain that we lack are
// skipped; the name's own key is no qualifier ("Mirpur (Mirpur)").
//
// Each qualifier is read first as the candidate with the best prior plus
// its best relation to one of cands (so "Georgia" after "Atlanta" is the
// state and "Dhaka" after "Gopalganj" stays the capital of Bangladesh).
// The candidate of the name related to most qualifiers wins; a descriptor
// right after the name breaks ties by kind ("Khulna division" is the
// region, "Rangpur city" the city). When none is related, the qualifiers'
// country steers the name to its best candidate there, and when it has
// none there the name is some village we lack, not its namesake abroad:
// the result is within the first qualifier, when the chain is explicit
// (parenthesised, after a descriptor or "in") or the name follows a city
// and a spaced hyphen ("Dhaka - Mirpur", the way ACLED names a city's
// neighbourhoods). A place before the name and a spaced hyphen or a
// possessive ("Dhaka's Mirpur district") is read as its first qualifier.
// Countries and regions are never taken for such a village.
func (g *Gazetteer) qualify(text string, toks []token, last int, key []byte, cands, before []cand, dash bool, m *Mention) verdict {
	k := last
	desc := notDescriptor
	for n := 0; n < 3 && toks[k].gap == 0 && toks[k].join && k+1 < len(toks); n++ {
		d := descriptor(text, toks[k+1])
		if d == notDescriptor {
			break
		}
		if desc == notDescriptor {
			desc = d
		}
		k++
	}
	described := desc != notDescriptor
	var linkArr [maxLinks]link
	links := linkArr[:0]
	if before != nil {
		links = append(links, link{before, true})
	}
	var qbArr [96]byte
	var endsArr [2 * maxWindow]winEnd
	inParen := false
	explicit := false // the first qualifier is parenthesised or follows a descriptor
	for len(links) < maxLinks {
		sep := toks[k].gap
		if sep == 0 && described && toks[k].join && k+2 < len(toks) && toks[k+1].join && !toks[k+1].upper {
			// "Santoshpur area in Mirzaganj upazila".
			// Not "of": "the Albanian city of Vlore" is Vlore.
			if w := text[toks[k+1].start:toks[k+1].end]; w == "in" {
				k++
				sep = 'i'
			}
		}
		if sep == 0 || k+1 >= len(toks) || !toks[k+1].upper {
			break
		}
		if sep == '(' {
			inParen = true
		}
		if len(links) == 0 || before != nil && len(links) == 1 {
			explicit = inParen || described || sep == 'i'
		}
		q := k + 1
		qb, qends := g.windows(text, toks, q, qbArr[:0], endsArr[:0])
		var qc []cand
		var qkey []byte
		e := -1
		for x := len(qends) - 1; x >= 0; x-- {
			qk := qb[:qends[x].keyLen]
			if x > 0 && g.stop[string(qk)] {
				break
			}
			if t := qends[x].tok; directions[string(qk)] && toks[t].join && t+1 < len(toks) && toks[t+1].upper {
				// "(North Gondar, Amhara)": a direction opening a longer
				// name is not Cameroon's North region.
				break
			}
			if g.index.find(qk) >= 0 {
				qc, qkey, e = g.candidates(nil, qk), qk, qends[x].tok
				break
			}
		}
		if e < 0 {
			// A name we lack ("Mirzaganj", "Jhenaidah Sadar"): skip it.
			e = q
			for e+1 < len(toks) && e-q < 3 && toks[e].join && toks[e+1].upper && descriptor(text, toks[e+1]) == notDescriptor {
				e++
			}
		}
		itemDesc := false
		for n := 0; n < 3 && toks[e].gap == 0 && toks[e].join && e+1 < len(toks) && descriptor(text, toks[e+1]) != notDescriptor; n++ {
			e++
			itemDesc = true
		}
		city := inParen || described || itemDesc
		if qc != nil && !bytes.Equal(qkey, key) {
			if sep == ',' && !city && !hasRegion(g, qc) {
				break // a list, not a qualifier
			}
			links = append(links, link{qc, city})
		}
		described = described || itemDesc
		k = e
	}
	if len(links) == 0 {
		return g.describe(cands, desc, m)
	}

	// Read each qualifier. The chain runs from the most precise to the
	// most general, so the last decides the country, and an earlier one
	// with no place there is a name we lack there ("Gopalganj" in
	// "(Gopalganj, Dhaka)").
	var readArr [maxLinks]int32
	read := readArr[:0]
	country := ""
	var outer []cand
	for x := len(links) - 1; x >= 0; x-- {
		if q := g.readLink(links[x], cands, country, outer); q >= 0 {
			read = append(read, q)
			country = g.places[q].Country
			outer = links[x].cands
		}
	}
	slices.Reverse(read)
	// The candidate related to the qualifiers, best first by relation,
	// descriptor and prior.
	best, bs := int32(-1), 0.0
	for _, c := range cands {
		s := 0.0
		for _, q := range read {
			s += g.related(c.i, q)
		}
		if s == 0 {
			continue
		}
		s += descBonus(g.places[c.i].Kind, desc)
		if best < 0 || s > bs {
			best, bs = c.i, s
		}
	}
	if best >= 0 {
		m.Place, m.Qualified = g.places[best], true
		return qualified
	}
	// None is related: steer to the qualifiers' country.
	if country == "" {
		return g.describe(cands, desc, m)
	}
	// An explicit chain that names a town or region there and that the
	// name's candidate there is unrelated to names another place of
	// the name: "Kaliganj upazila (Lalmonirhat, Rangpur)" is not the
	// Kaliganj we know 300 km away.
	specific := false
	for _, q := range read {
		specific = specific || g.places[q].Kind != Country
	}
	best, bs = -1, 0
	for _, c := range cands {
		if g.places[c.i].Country != country || explicit && specific {
			continue
		}
		if s := float64(c.rank) + descBonus(g.places[c.i].Kind, desc); best < 0 || s > bs {
			best, bs = c.i, s
		}
	}
	if best >= 0 {
		m.Place, m.Qualified = g.places[best], true
		return qualified
	}
	explicit = explicit || described && before != nil || dash && len(links) == 1
	if !explicit && (listAfter(text, toks, k) || g.places[read[0]].Kind == Country) {
		// "Delhi, Punjab and Sindh", "the Jubilee, Northern and
		// Piccadilly lines": a bare comma may start a list, and only
		// a town or region after it places a name we lack there
		// ("Gulshan, Dhaka"; not "Well, Syria is...").
		return g.describe(cands, desc, m)
	}
	for _, c := range cands {
		p := &g.places[c.i]
		if p.Kind != City || !explicit && c.primary && p.Population >= minInitialPopulation {
			return g.describe(cands, desc, m)
		}
	}
	m.Place, m.Qualified, m.Within = g.places[read[0]], true, true
	return within
}

// directions are the keys of compass words that also name regions
// (Cameroon's North, Nepal's Far-Western): alone they may be a place,
// before another capitalised word they open its name.
var directions = map[string]bool{"north": true, "south": true, "east": true, "west": true, "central": true,
	"northern": true, "southern": true, "eastern": true, "western": true, "upper": true, "lower": true,
	"centre": true, "center": true, "far": true}

// readLink returns the place link l most likely names, by prior plus its
// best relation to one of cands, or -1. When country is not "" it must
// lie there, and when outer (the places the next, more general link may
// be) holds towns or regions there, related to one of them: "Kaliganj
// upazila (Lalmonirhat, Rangpur)" is not the Kaliganj we know in Khulna.
func (g *Gazetteer) readLink(l link, cands []cand, country string, outer []cand) int32 {
	best, bs := int32(-1), math.Inf(-1)
	for _, q := range l.cands {
		p := &g.places[q.i]
		if p.Kind == City && !l.city || country != "" && p.Country != country || !g.inside(q.i, outer, country) {
			continue
		}
		r := 0.0
		for _, c := range cands {
			r = max(r, g.related(c.i, q.i))
		}
		if s := float64(q.rank) + r; s > bs {
			best, bs = q.i, s
		}
	}
	return best
}

// listAfter reports whether "and" or "or" follows toks[k]: the chain that
// ends there was a list.
func listAfter(text string, toks []token, k int) bool {
	if !toks[k].join || k+1 >= len(toks) {
		return false
	}
	w := text[toks[k+1].start:toks[k+1].end]
	return w == "and" || w == "or"
}

// inside reports whether place q is related to one of the towns or
// regions of outer in country, or outer has none there.
func (g *Gazetteer) inside(q int32, outer []cand, country string) bool {
	some := false
	for _, o := range outer {
		p := &g.places[o.i]
		if p.Kind == Country || p.Country != country {
			continue
		}
		if g.related(q, o.i) > 0 {
			return true
		}
		some = true
	}
	return !some
}

// describe applies a descriptor right after a name to its candidates: a
// region descriptor picks the best region ("Donetsk region"), a city
// descriptor the best city ("Rangpur city"), when the name has both.
func (g *Gazetteer) describe(cands []cand, desc descKind, m *Mention) verdict {
	if desc != descCity && desc != descRegion || len(cands) < 2 {
		return unqualified
	}
	want := City
	if desc == descRegion {
		want = Admin1
	}
	if g.places[cands[0].i].Kind == want {
		return unqualified
	}
	for pass := 0; pass < 2; pass++ {
		for _, c := range cands {
			p := &g.places[c.i]
			if p.Kind != want || pass == 0 && want == Admin1 && strings.HasSuffix(p.Name, " City") {
				// "Kyiv region" is Kyiv Oblast, not Kyiv City.
				continue
			}
			m.Place, m.Qualified = *p, true
			return described
		}
	}
	return unqualified
}

// descBonus prefers the kind of place a descriptor names.
func descBonus(k Kind, d descKind) float64 {
	if d == descCity && k == City || d == descRegion && k == Admin1 {
		return 0.5
	}
	return 0
}

// hasRegion reports whether a region or country is among cands.
func hasRegion(g *Gazetteer, cands []cand) bool {
	for _, c := range cands {
		if g.places[c.i].Kind != City {
			return true
		}
	}
	return false
}
