package alert_test

import (
	"fmt"
	"math"
	"math/rand/v2"
	"time"

	"github.com/annals-project/annals/internal/alert"
	"github.com/annals-project/annals/internal/event"
	"github.com/annals-project/annals/internal/store"
)

// A synthCountry is a country of the synthetic world: its capital, a scale
// on every rate, and the weekday factors of its own press (Sunday first).
type synthCountry struct {
	code, capital string
	scale         float64
	week          [7]float64
}

// Most countries follow the global week of the press: quiet weekends.
// Iran's weekend is Thursday and Friday, so its quiet days differ.
var (
	globalWeek = [7]float64{0.6, 1.05, 1.1, 1.1, 1.05, 1.0, 0.65}
	fridayWeek = [7]float64{1.0, 1.1, 1.1, 1.05, 0.6, 0.55, 1.0}
)

var synthCountries = []synthCountry{
	{"KAZ", "Almaty", 1.0, globalWeek},
	{"KGZ", "Bishkek", 0.5, globalWeek},
	{"UZB", "Tashkent", 0.8, globalWeek},
	{"RUS", "Moscow", 3.0, globalWeek},
	{"CHN", "Beijing", 2.5, globalWeek},
	{"IRN", "Tehran", 1.5, fridayWeek},
	{"TUR", "Ankara", 1.2, globalWeek},
	{"UKR", "Kyiv", 2.0, globalWeek},
}

// synthRoots are the daily rates of each CAMEO root in a country of scale
// 1, on a weekday of factor 1; 20 roots, 46 events a day in all.
var synthRoots = []struct {
	root  string
	rate  float64
	acled string
}{
	{"01", 7, ""}, {"02", 3, ""}, {"03", 3, ""}, {"04", 8, ""}, {"05", 4, ""},
	{"06", 1.5, ""}, {"07", 1, ""}, {"08", 1, ""}, {"09", 0.5, ""}, {"10", 1.5, ""},
	{"11", 3, ""}, {"12", 1, ""}, {"13", 1.5, ""}, {"14", 3, "Protests"}, {"15", 0.3, ""},
	{"16", 0.7, ""}, {"17", 2, ""}, {"18", 1.5, "Violence against civilians"},
	{"19", 2, "Battles"}, {"20", 0.5, ""},
}

// A synth describes a synthetic stretch of days: per country and root,
// counts drawn from a gamma-Poisson (negative-binomial) distribution whose
// mean is the rate times the day's media volume (the global week and a
// log-normal noise, times any shock) times the country's own week.
type synth struct {
	seed  uint64
	start event.Date
	days  int
	// acled gives roots 14, 18 and 19 their ACLED types.
	acled bool
	// surge adds extra events of a country and root on one day.
	surge *synthSurge
	// shock multiplies the media volume of a day (index from start).
	shock map[int]float64
	// size is the negative-binomial size of the day-to-day noise
	// (variance μ + μ²/size); 0 means 20.
	size float64
}

type synthSurge struct {
	country, root string
	day           event.Date
	extra         int
}

// records returns the events of the stretch, with IDs in date order.
func (s synth) records() []store.EventRecord {
	var out []store.EventRecord
	s.each(func(r *store.EventRecord) { out = append(out, *r) })
	return out
}

// each calls fn with each event of the stretch, with IDs in date order;
// fn must not keep the record.
func (s synth) each(fn func(*store.EventRecord)) {
	r := rand.New(rand.NewPCG(s.seed, 0xa1e27))
	size := s.size
	if size == 0 {
		size = 20
	}
	var n int64
	places := map[string]*event.Location{}
	for _, c := range synthCountries {
		places[c.code] = &event.Location{Name: c.capital, Country: c.code, Precision: "city"}
	}
	var rec store.EventRecord // reused: fn must not keep it
	add := func(day event.Date, c synthCountry, root, acled string, sources int, text string) {
		n++
		rec = store.EventRecord{
			ID: n, DocumentID: 1000 + n, NumSources: sources, NumMentions: sources + r.IntN(3), NumArticles: sources,
			Event: event.Event{
				Text: text, CAMEO: root + "0", Root: root, ACLEDType: acled,
				Date: day, DatePrecision: "day", Location: places[c.code],
			},
		}
		if root >= "18" {
			f := r.IntN(4)
			rec.Fatalities = &f
		}
		fn(&rec)
	}
	for i := range s.days {
		day := s.start.AddDays(i)
		wd := day.Time().Weekday()
		media := math.Exp(0.1 * r.NormFloat64())
		if f, ok := s.shock[i]; ok {
			media *= f
		}
		for _, c := range synthCountries {
			for _, rt := range synthRoots {
				mu := rt.rate * c.scale * media * c.week[wd]
				n := poisson(r, mu*gamma(r, size)/size)
				acled := ""
				if s.acled {
					acled = rt.acled
				}
				for range n {
					add(day, c, rt.root, acled, 1+r.IntN(3), "Officials reported a routine event.")
				}
			}
		}
		// Events with no country still count in the day's volume.
		for range poisson(r, 15*media*globalWeek[wd]) {
			n++
			fn(&store.EventRecord{ID: n, NumSources: 1, Event: event.Event{
				Text: "A statement was issued.", CAMEO: "010", Root: "01", Date: day, DatePrecision: "day"}})
		}
		if s.surge != nil && s.surge.day == day {
			c := countryOf(s.surge.country)
			acled := ""
			if s.acled {
				acled = rootACLED(s.surge.root)
			}
			for k := range s.surge.extra {
				add(day, c, s.surge.root, acled, 4+k%9,
					fmt.Sprintf("Crowds gathered in %s for the %d-th surge report of the day.", c.capital, k))
			}
		}
	}
}

func countryOf(code string) synthCountry {
	for _, c := range synthCountries {
		if c.code == code {
			return c
		}
	}
	panic("synth: no country " + code)
}

func rootACLED(root string) string {
	for _, rt := range synthRoots {
		if rt.root == root {
			return rt.acled
		}
	}
	return ""
}

// counts tallies the stretch's records.
func (s synth) counts() *alert.Counts {
	c := alert.NewCounts(0)
	s.each(c.Add)
	return c
}

// poisson draws a Poisson variate by Knuth's product of uniforms, for the
// small means used here.
func poisson(r *rand.Rand, mu float64) int {
	if mu <= 0 {
		return 0
	}
	if mu > 500 {
		return int(math.Max(0, math.Round(mu+math.Sqrt(mu)*r.NormFloat64())))
	}
	l, k, p := math.Exp(-mu), 0, 1.0
	for {
		p *= r.Float64()
		if p <= l {
			return k
		}
		k++
	}
}

// gamma draws a Gamma(shape, 1) variate, shape ≥ 1 (Marsaglia and Tsang,
// "A simple method for generating gamma variables", ACM TOMS 26(3), 2000).
func gamma(r *rand.Rand, shape float64) float64 {
	d := shape - 1.0/3
	c := 1 / math.Sqrt(9*d)
	for {
		x := r.NormFloat64()
		v := 1 + c*x
		if v <= 0 {
			continue
		}
		v = v * v * v
		u := r.Float64()
		if math.Log(u) < 0.5*x*x+d-d*v+d*math.Log(v) {
			return d * v
		}
	}
}

// mustDate parses a YYYY-MM-DD date.
func mustDate(s string) event.Date {
	d, err := event.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// noon returns a clock stopped at noon UTC of d.
func noon(d event.Date) func() time.Time {
	return func() time.Time { return d.Time().Add(12 * time.Hour) }
}
