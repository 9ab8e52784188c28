package eval

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/annals-project/annals/internal/event"
)

// fields is the view of an actor (or a location) the matching rules read,
// upper-cased as the reference scorer compares them.
type fields struct {
	present                         bool
	country, code, role, text, name string
}

func actorFields(a *event.Actor) fields {
	if a == nil {
		return fields{}
	}
	return fields{true, upper(a.Country), upper(a.Code), upper(a.Role), upper(a.Text), upper(a.Name)}
}

// locationFields views a location like an actor. A missing location is an
// empty one, not an absent actor: its country is "".
func locationFields(l *event.Location) fields {
	if l == nil {
		return fields{present: true}
	}
	return fields{present: true, country: upper(l.Country), name: upper(l.Name)}
}

// String joins the fields the way reports and the European Union rule
// see them.
func (f fields) String() string {
	return strings.Join([]string{f.country, f.code, f.role, f.text, f.name}, " ")
}

// countryOK reports whether f is in the country want: its country code is
// want, or its actor code starts with it. The European Union, which has no
// ISO code, is accepted under any of its usual spellings.
func countryOK(want string, f fields) bool {
	if want == "" {
		return true
	}
	if !f.present {
		return false
	}
	want = upper(want)
	if want == "EU" {
		return strings.Contains(f.country, "EU") || strings.Contains(f.code, "EU") ||
			strings.Contains(f.String(), "EUROPEAN UNION")
	}
	return f.country == want || strings.HasPrefix(f.code, want)
}

// roleOK reports whether f has one of roles: as its role, or anywhere in
// its actor code after the country.
func roleOK(roles []string, f fields) bool {
	if len(roles) == 0 {
		return true
	}
	if !f.present {
		return false
	}
	rest := dropRunes(f.code, 3)
	for _, r := range roles {
		if r == f.role || strings.Contains(rest, r) {
			return true
		}
	}
	return false
}

// rootOf returns the event's two-digit CAMEO root: Root, or the first two
// digits of its code.
func rootOf(e *event.Event) string {
	r := e.Root
	if r == "" {
		r = prefix(e.CAMEO, 2)
	}
	if r != "" && len(r) < 2 {
		r = strings.Repeat("0", 2-len(r)) + r
	}
	return r
}

// km is the great-circle distance in kilometres.
func km(lat1, lon1, lat2, lon2 float64) float64 {
	p := math.Pi / 180
	s1 := math.Sin((lat2 - lat1) * p / 2)
	s2 := math.Sin((lon2 - lon1) * p / 2)
	a := float64(s1*s1) + float64(float64(math.Cos(lat1*p)*math.Cos(lat2*p))*float64(s2*s2))
	return 12742 * math.Asin(math.Sqrt(a))
}

// coded is an event with the folded text the rules compare.
type coded struct {
	ev   *event.Event
	text string // norm(ev.Text)
	root string
	src  fields
}

func newCoded(e *event.Event) coded {
	return coded{ev: e, text: norm(e.Text), root: rootOf(e), src: actorFields(e.Source)}
}

// looseMatch reports whether e is the gold event g: the same sentence, an
// acceptable root, the right source country and role.
func looseMatch(g *GoldEvent, gsent string, e coded) bool {
	if !strings.Contains(e.text, gsent) || !slices.Contains(g.Roots, e.root) {
		return false
	}
	var country string
	var roles []string
	if g.Source != nil {
		country, roles = g.Source.Country, g.Source.Role
	}
	return countryOK(country, e.src) && roleOK(roles, e.src)
}

// strictProblems lists what a loosely matched event still gets wrong:
// "target", "date GOT!=WANT", "location", "fatalities", "injuries",
// "crowd".
func strictProblems(g *GoldEvent, e *event.Event) []string {
	var bad []string
	if g.Target != nil && !countryOK(g.Target.Country, actorFields(e.Target)) {
		bad = append(bad, "target")
	}
	if g.Date != "" && e.Date.String() != g.Date {
		got := e.Date.String()
		if got == "" {
			got = "null"
		}
		bad = append(bad, fmt.Sprintf("date %s!=%s", got, g.Date))
	}
	if l := g.Location; l.judged() {
		switch {
		case l.Lat != nil:
			if e.Location == nil || l.Lon == nil ||
				km(e.Location.Lat, e.Location.Lon, *l.Lat, *l.Lon) > l.radius() {
				bad = append(bad, "location")
			}
		case l.Country != "" && !countryOK(l.Country, locationFields(e.Location)):
			bad = append(bad, "location")
		}
	}
	for _, m := range []struct {
		name string
		min  *float64
		got  *int
	}{
		{"fatalities", g.FatalitiesMin, e.Fatalities},
		{"injuries", g.InjuriesMin, e.Injuries},
		{"crowd", g.CrowdMin, e.Crowd},
	} {
		if m.min != nil && (m.got == nil || !(float64(*m.got) >= *m.min)) {
			bad = append(bad, m.name)
		}
	}
	return bad
}

// quoteTextMatch reports whether a coded quote's folded text b is the gold
// quote's folded text a: it contains it, or is a part of it at least 60%
// as long.
func quoteTextMatch(a, b string) bool {
	if a == "" || b == "" {
		return false
	}
	return strings.Contains(b, a) ||
		float64(utf8Count(b)) >= 0.6*float64(utf8Count(a)) && strings.Contains(a, b)
}

// quoteMatch reports whether q is the gold quote g: matching text, the
// same direct flag when the gold gives one, and a speaker one of the
// gold's names matches.
func quoteMatch(g *GoldQuote, gtext string, q *event.Quote) bool {
	if !quoteTextMatch(gtext, norm(q.Text)) {
		return false
	}
	if g.Direct != nil && q.Direct != *g.Direct {
		return false
	}
	spk := ""
	if q.Speaker != nil {
		spk = norm(actorFields(q.Speaker).String())
	}
	for _, s := range g.Speaker {
		if strings.Contains(spk, norm(s)) {
			return true
		}
	}
	return false
}

func utf8Count(s string) int {
	n := 0
	for range s {
		n++
	}
	return n
}
