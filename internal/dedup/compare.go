package dedup

import (
	"strings"
	"time"

	"github.com/annals-project/annals/internal/event"
	"github.com/annals-project/annals/internal/store"
)

// The scores of agreement between two reports (see Merger.Score).
const (
	scoreCity         = 2    // places in the same city
	scoreAdmin1       = 1.5  // places in the same first-level region
	scoreCountry      = 1    // both places country-level, same country
	scoreWithin       = 0.5  // a country-level place and a finer one in it
	scoreActor        = 1    // same actor: same name, or same code with a role
	scoreCountryActor = 0.5  // same country, compatible roles
	scoreSameDay      = 0.5  // both dated to the same day
	scoreMonth        = -0.5 // a date known only to the month
	scoreYear         = -1   // a date known only to the year
)

// dayNumber returns the days since 1970-01-01 of d.
func dayNumber(d event.Date) int { return int(d.Time().Unix() / 86400) }

// period returns the first and last day (as day numbers) that e's date
// stands for, given its precision.
func (m *Merger) period(e *event.Event) (lo, hi int) {
	d := dayNumber(e.Date)
	switch e.DatePrecision {
	case "week":
		return d, d + 6
	case "month":
		return d, dayNumber(event.DateOf(e.Date.Time().AddDate(0, 1, -1)))
	case "year":
		return d, dayNumber(event.Date{Year: e.Date.Year, Month: time.December, Day: 31})
	case "anchor":
		return d - m.opts.AnchorDays, d
	}
	return d, d
}

// dates reports whether the periods of a's and b's dates are at most
// DateSlack days apart, and the score of their agreement.
func (m *Merger) dates(a, b *event.Event) (float64, bool) {
	if a.Date.IsZero() || b.Date.IsZero() {
		return 0, false
	}
	alo, ahi := m.period(a)
	blo, bhi := m.period(b)
	if alo-m.opts.DateSlack > bhi || blo-m.opts.DateSlack > ahi {
		return 0, false
	}
	if a.Date == b.Date && isDay(a.DatePrecision) && isDay(b.DatePrecision) {
		return scoreSameDay, true
	}
	return min(vagueness(a.DatePrecision), vagueness(b.DatePrecision)), true
}

// vagueness is the score of a date of precision p: a month or a year is
// a long time for two reports to agree on by chance.
func vagueness(p string) float64 {
	switch p {
	case "month":
		return scoreMonth
	case "year":
		return scoreYear
	}
	return 0
}

func isDay(p string) bool { return p == "day" || p == "" }

// codes reports whether two CAMEO roots may be one event's.
func (m *Merger) codes(a, b string) bool {
	if a == "" || b == "" {
		return false
	}
	if a == b {
		return true
	}
	for _, g := range m.opts.Compatible {
		if contains(g, a) && contains(g, b) {
			return true
		}
	}
	return false
}

// compatibleRoots returns the roots a mention of root r may merge with,
// r first.
func (m *Merger) compatibleRoots(r string) []string {
	out := []string{r}
	for _, g := range m.opts.Compatible {
		if !contains(g, r) {
			continue
		}
		for _, x := range g {
			if !contains(out, x) {
				out = append(out, x)
			}
		}
	}
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// place scores the agreement of two locations; ok is false when they
// cannot be one place. A missing location agrees with anything and scores
// nothing. A country-level location is never the same place as a finer
// one, but it does not contradict one in its country either: "in Nigeria"
// and "in Kano" score only what two actors of one country would.
func (m *Merger) place(a, b *event.Location) (float64, bool) {
	if a == nil || b == nil {
		return 0, true
	}
	if a.Country != "" && b.Country != "" && a.Country != b.Country {
		return 0, false
	}
	pa, pb := level(a), level(b)
	dist := func() float64 { return store.DistanceKm(a.Lat, a.Lon, b.Lat, b.Lon) }
	switch {
	case pa == levelCountry && pb == levelCountry:
		if a.Country == "" || b.Country == "" {
			return 0, true
		}
		return scoreCountry, true
	case pa == levelCountry || pb == levelCountry:
		if a.Country == "" || b.Country == "" {
			return 0, true
		}
		return scoreWithin, true
	case pa == levelCity && pb == levelCity:
		if dist() <= m.opts.CityRadiusKm {
			return scoreCity, true
		}
		return 0, false
	}
	// A region and a region or a city: the same region by name when both
	// name one, else by distance.
	if a.Admin1 != "" && b.Admin1 != "" {
		if strings.EqualFold(a.Admin1, b.Admin1) {
			return scoreAdmin1, true
		}
		return 0, false
	}
	if dist() <= m.opts.Admin1RadiusKm {
		return scoreAdmin1, true
	}
	return 0, false
}

// Precision levels of a location.
const (
	levelCity = iota
	levelAdmin1
	levelCountry
)

func level(l *event.Location) int {
	switch l.Precision {
	case "country":
		return levelCountry
	case "admin1":
		return levelAdmin1
	}
	return levelCity
}

// actors scores the agreement of the sources and targets of two reports,
// trying them swapped as well when both roots are symmetric and both
// reports name both sides.
func (m *Merger) actors(a, b *event.Event) (float64, bool) {
	s, ok := pair(a.Source, b.Source, a.Target, b.Target)
	if contains(m.opts.Symmetric, a.Root) && contains(m.opts.Symmetric, b.Root) &&
		a.Source != nil && a.Target != nil && b.Source != nil && b.Target != nil {
		if s2, ok2 := pair(a.Source, b.Target, a.Target, b.Source); ok2 && (!ok || s2 > s) {
			return s2, true
		}
	}
	return s, ok
}

func pair(a1, b1, a2, b2 *event.Actor) (float64, bool) {
	s1, ok1 := actor(a1, b1)
	s2, ok2 := actor(a2, b2)
	return s1 + s2, ok1 && ok2
}

// actor scores the agreement of two actors; ok is false when they cannot
// be the same: different countries, different canonical names, or roles
// that cannot describe one group. A missing actor agrees with anything and
// scores nothing.
func actor(a, b *event.Actor) (float64, bool) {
	if a == nil || b == nil {
		return 0, true
	}
	if a.Country != "" && b.Country != "" && a.Country != b.Country {
		return 0, false
	}
	if a.Name != "" && b.Name != "" {
		if !strings.EqualFold(a.Name, b.Name) {
			return 0, false
		}
		return scoreActor, true
	}
	if !rolesAgree(a.Role, b.Role) {
		return 0, false
	}
	switch {
	case a.Code != "" && a.Code == b.Code && (a.Role != "" || a.Country == ""):
		return scoreActor, true
	case a.Country != "" && a.Country == b.Country:
		return scoreCountryActor, true
	}
	return 0, true
}

// roleFamily groups the CAMEO role codes that reports of one group may
// disagree between ("troops" and "government forces"; "gunmen" and
// "bandits"). Generic civilian roles agree with any civilian role; other
// civilian roles (MED, BUS, EDU, LAB…) only with themselves.
func roleFamily(r string) string {
	switch r {
	case "GOV", "MIL", "COP", "SPY", "JUD", "LEG":
		return "state"
	case "REB", "INS", "UAF", "CRM", "SEP", "RAD":
		return "armed"
	case "CVL", "OPP":
		return "civilian"
	case "MED", "BUS", "EDU", "REL", "LAB", "HLH", "REF", "AGR", "ELI", "HRI", "ENV", "NGO", "MNC":
		return "civilian:" + r
	}
	return r
}

func rolesAgree(a, b string) bool {
	if a == "" || b == "" || a == b {
		return true
	}
	fa, fb := roleFamily(a), roleFamily(b)
	if fa == fb {
		return true
	}
	return fa == "civilian" && strings.HasPrefix(fb, "civilian:") ||
		fb == "civilian" && strings.HasPrefix(fa, "civilian:")
}
