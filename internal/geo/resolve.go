package geo

import "math"

// A Context is what a caller knows around a name when resolving it.
type Context struct {
	// Countries weighs the countries the document is about, by ISO3 code
	// (Focus returns such a map; weights are in [0, 1]).
	Countries map[string]float64
	// Admin1 holds names mentioned near the name: regions, countries or
	// cities ("Comilla", "Chittagong" in "Meghna upazila (Comilla,
	// Chittagong)"). A candidate inside one of them, containing one, or
	// within 100 km of a city among them is preferred.
	Admin1 []string
}

// Weights of the evidence Resolve adds to a candidate's prior (which runs
// from about 1 for a village to 4 for a country).
const (
	focusWeight   = 2.0 // times the candidate country's focus weight
	containBonus  = 3.0 // a nearby region contains the candidate or the reverse
	countryBonus  = 0.5 // a nearby country contains the candidate or the reverse
	nearBonus     = 2.0 // a nearby city is within nearKm
	nearKm        = 100.0
	earthRadiusKm = 6371.0
)

// Resolve returns the best place called name in the light of ctx, and
// false when no place has that name. With an empty Context it returns
// Lookup(name)[0].
func (g *Gazetteer) Resolve(name string, ctx Context) (Place, bool) {
	var near [][]cand
	for _, n := range ctx.Admin1 {
		if c := g.candidates(nil, appendKey(nil, n)); len(c) > 0 {
			near = append(near, c)
		}
	}
	cands := g.candidates(nil, appendKey(nil, name))
	if len(cands) == 0 {
		return Place{}, false
	}
	return g.places[g.choose(cands, ctx.Countries, near)], true
}

// choose returns the best of cands (ranked best first by prior) given
// country focus weights and the candidates of nearby names.
func (g *Gazetteer) choose(cands []cand, focus map[string]float64, near [][]cand) int32 {
	if len(cands) == 1 || len(focus) == 0 && len(near) == 0 {
		return cands[0].i
	}
	best, bestScore := cands[0].i, math.Inf(-1)
	for _, c := range cands {
		s := float64(c.rank)
		s += focusWeight * focus[g.places[c.i].Country]
		bonus := 0.0
		for _, qs := range near {
			for _, q := range qs {
				bonus = max(bonus, g.related(c.i, q.i))
			}
		}
		s += bonus
		if s > bestScore {
			best, bestScore = c.i, s
		}
	}
	return best
}

// related scores how place c relates to place q: the same place,
// containment either way, or two cities near each other.
func (g *Gazetteer) related(c, q int32) float64 {
	if c == q {
		return containBonus
	}
	pc, pq := &g.places[c], &g.places[q]
	if pc.Country != pq.Country {
		return 0
	}
	switch {
	case pq.Kind == Country || pc.Kind == Country:
		return countryBonus
	case pq.Kind == Admin1 && g.admin[c] == q, pc.Kind == Admin1 && g.admin[q] == c:
		return containBonus
	case pq.Kind == City && pc.Kind == City && distanceKm(pc.Lat, pc.Lon, pq.Lat, pq.Lon) <= nearKm:
		if g.admin[c] >= 0 && g.admin[c] == g.admin[q] && g.flags[c] != 0 {
			// The seat of the region a nearby town is in counts as much
			// as the region ("Dhaka - Paltan" is the city, not the
			// division).
			return containBonus
		}
		return nearBonus
	}
	return 0
}

// distanceKm is the great-circle distance between two points.
func distanceKm(lat1, lon1, lat2, lon2 float64) float64 {
	const rad = math.Pi / 180
	dlat := (lat2 - lat1) * rad
	dlon := (lon2 - lon1) * rad
	a := math.Sin(dlat/2)*math.Sin(dlat/2) + math.Cos(lat1*rad)*math.Cos(lat2*rad)*math.Sin(dlon/2)*math.Sin(dlon/2)
	return 2 * earthRadiusKm * math.Asin(math.Min(1, math.Sqrt(a)))
}
