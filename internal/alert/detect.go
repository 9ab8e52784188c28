package alert

import (
	"fmt"
	"math"
	"slices"

	"github.com/annals-project/annals/internal/event"
)

// Config sets the test a Detector runs. DefaultConfig gives the values
// docs/alerts.md justifies; the zero value is invalid.
type Config struct {
	// BaselineDays is the length N of the trailing window, the days
	// d−N … d−1 before the tested day d.
	BaselineDays int
	// MinHistoryDays is the least number of days of the window on which
	// the store has any event; with fewer, the day is not tested
	// (ErrShortHistory).
	MinHistoryDays int
	// Alpha is the level of the corrected test: a cell alerts when its
	// q-value is at most Alpha.
	Alpha float64
	// Correction adjusts the p-values of one day's cells.
	Correction Correction
	// MinCount is the least count that can alert.
	MinCount int
	// MinRatio is the least count/expected ratio that can alert.
	MinRatio float64
	// PriorEvents and PriorDays are the Gamma prior on a cell's daily rate
	// (shape a₀ and rate b₀): a₀/b₀ events a day, worth b₀ days.
	PriorEvents, PriorDays float64
	// DispersionPrior is κ, the weight (in units of Σm², squared
	// expected counts summed over the window) that pulls a cell's
	// overdispersion towards its country's and a country's towards the
	// global one.
	DispersionPrior float64
	// WeekdayPrior is τ, the pseudo-events that shrink a country's
	// weekday factors towards 1.
	WeekdayPrior float64
	// MinVolume is the least mean daily number of other countries'
	// events over the window for the volume adjustment; below it the
	// volume factor is 1.
	MinVolume float64
	// VolumeFloor is the least volume factor of a day; lower volumes mean
	// an incomplete day or a broken feed rather than a quiet world.
	VolumeFloor float64
	// NoWeekday and NoVolume switch the adjustments off, for comparison.
	NoWeekday, NoVolume bool
}

// DefaultConfig returns the configuration documented in docs/alerts.md.
func DefaultConfig() Config {
	return Config{
		BaselineDays:    28,
		MinHistoryDays:  14,
		Alpha:           0.001,
		Correction:      BH,
		MinCount:        5,
		MinRatio:        1.5,
		PriorEvents:     0.5,
		PriorDays:       1,
		WeekdayPrior:    10,
		DispersionPrior: 50,
		MinVolume:       20,
		VolumeFloor:     0.2,
	}
}

// Validate checks every field, naming the first bad one.
func (c *Config) Validate() error {
	bad := func(field string, v any) error {
		return fmt.Errorf("alert config: %s = %v: %w", field, v, ErrInvalid)
	}
	switch {
	case c.BaselineDays < 7:
		return bad("BaselineDays (want ≥ 7)", c.BaselineDays)
	case c.MinHistoryDays < 1 || c.MinHistoryDays > c.BaselineDays:
		return bad("MinHistoryDays (want 1…BaselineDays)", c.MinHistoryDays)
	case !(c.Alpha > 0 && c.Alpha < 1):
		return bad("Alpha (want in (0, 1))", c.Alpha)
	case c.Correction != BH && c.Correction != Bonferroni:
		return bad("Correction (want bh or bonferroni)", c.Correction)
	case c.MinCount < 1:
		return bad("MinCount (want ≥ 1)", c.MinCount)
	case !(c.MinRatio >= 1) || math.IsInf(c.MinRatio, 0):
		return bad("MinRatio (want ≥ 1)", c.MinRatio)
	case !(c.PriorEvents > 0) || !(c.PriorDays > 0) || math.IsInf(c.PriorEvents, 0) || math.IsInf(c.PriorDays, 0):
		return bad("PriorEvents and PriorDays (want > 0)", [2]float64{c.PriorEvents, c.PriorDays})
	case !(c.DispersionPrior > 0) || math.IsInf(c.DispersionPrior, 0):
		return bad("DispersionPrior (want > 0)", c.DispersionPrior)
	case !(c.WeekdayPrior > 0) || math.IsInf(c.WeekdayPrior, 0):
		return bad("WeekdayPrior (want > 0)", c.WeekdayPrior)
	case !(c.MinVolume >= 0) || math.IsInf(c.MinVolume, 0):
		return bad("MinVolume (want ≥ 0)", c.MinVolume)
	case !(c.VolumeFloor > 0 && c.VolumeFloor <= 1):
		return bad("VolumeFloor (want in (0, 1])", c.VolumeFloor)
	}
	return nil
}

// A Detector tests days of Counts against their baselines. It is read-only
// and safe for concurrent use.
type Detector struct {
	cfg Config
}

// NewDetector returns a Detector running the test cfg describes.
func NewDetector(cfg Config) (*Detector, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	return &Detector{cfg: cfg}, nil
}

// Config returns the detector's configuration.
func (d *Detector) Config() Config { return d.cfg }

// A Test is the outcome of testing one cell on one day.
type Test struct {
	Cell
	Day event.Date
	// Count is y_d, the cell's count on Day.
	Count int
	// Expected is μ_d = r̂·v_d·w(d), the count the baseline predicts.
	Expected float64
	// Baseline is the cell's mean daily count over the window.
	Baseline float64
	// Weekday is the country's weekday factor w(d) and Volume the day's
	// volume factor v_d.
	Weekday, Volume float64
	// Dispersion is the NB2 overdispersion α ≥ 0 (a day's variance is
	// μ + αμ²): the larger of the cell's and its country's moment
	// estimates over the window, each shrunk towards the level above. Size is θ = 1/(α + 1/A), the
	// negative-binomial size of the test, which adds the uncertainty of
	// the estimated rate.
	Dispersion, Size float64
	// P is the upper-tail p-value P(Y ≥ Count) and Q the corrected one.
	P, Q float64
	// Alert is true when Q ≤ Alpha, Count ≥ MinCount and
	// Count ≥ MinRatio·Expected.
	Alert bool
}

// Ratio returns Count/Expected.
func (t *Test) Ratio() float64 { return float64(t.Count) / t.Expected }

// A Day is the outcome of testing every cell of one day.
type Day struct {
	Day event.Date
	// HistoryDays counts the days of the window with any event.
	HistoryDays int
	// Tests holds one test per cell with an event in the window or on
	// Day (the family the correction runs over), sorted by cell.
	Tests []Test
	// Alerts are the tests that alerted, as alerts with their top
	// events (Created unset), sorted by cell.
	Alerts []Alert
}

// Detect tests every cell of c on day against the cell's trailing window.
// It returns ErrShortHistory, with the partial Day, when the window has
// fewer than MinHistoryDays days with events. c must hold the window and
// the day: the days before day−BaselineDays are not read.
func (d *Detector) Detect(c *Counts, day event.Date) (Day, error) {
	cfg := &d.cfg
	n := cfg.BaselineDays
	first := day.AddDays(-n)
	window := make([]event.Date, n)
	for i := range window {
		window[i] = first.AddDays(i)
	}
	out := Day{Day: day}
	for _, t := range window {
		if c.Total(t) > 0 {
			out.HistoryDays++
		}
	}
	if out.HistoryDays < cfg.MinHistoryDays {
		return out, fmt.Errorf("test %s: %d days with events in the %d before, want %d: %w",
			day, out.HistoryDays, n, cfg.MinHistoryDays, ErrShortHistory)
	}
	span := c.span(first, n+1) // the window, then the day
	cells := c.cellsIn(span)
	if len(cells) == 0 {
		return out, nil
	}

	// Per-country exposures e_t = v_t·w(t) over the window, and e_d.
	type exposure struct {
		window []float64
		day    float64
		v, w   float64
	}
	exposures := map[string]*exposure{}
	expose := func(country string) *exposure {
		if e := exposures[country]; e != nil {
			return e
		}
		v := d.volume(c, country, window, day)
		w := d.weekday(c, country, window, day, v)
		e := &exposure{window: make([]float64, n), day: v[n] * w[n], v: v[n], w: w[n]}
		for i := range window {
			e.window[i] = v[i] * w[i]
		}
		exposures[country] = e
		return e
	}

	// First pass: each cell's rate and moment sums for its NB2
	// overdispersion, pooled per country.
	type fit struct {
		A, rate  float64
		num, den float64 // Σ[(y−m)² − m] and Σ m² over the window
	}
	fits := make([]fit, len(cells))
	pool := map[string]*[2]float64{}
	for i, ci := range cells {
		cell := c.cells[ci]
		e := expose(cell.Country)
		var sumY, sumE float64
		for j := range window {
			sumY += float64(span[j].n(ci))
			sumE += e.window[j]
		}
		f := fit{A: cfg.PriorEvents + sumY}
		f.rate = f.A / (cfg.PriorDays + sumE)
		for j := range window {
			y, m := float64(span[j].n(ci)), f.rate*e.window[j]
			f.num += (y-m)*(y-m) - m
			f.den += m * m
		}
		fits[i] = f
		pc := pool[cell.Country]
		if pc == nil {
			pc = new([2]float64)
			pool[cell.Country] = pc
		}
		pc[0] += f.num
		pc[1] += f.den
	}

	// Shrink each country's pooled estimate towards the global one, and
	// each cell's towards its country's, by DispersionPrior units of Σm².
	var global [2]float64
	for _, pc := range pool {
		global[0] += pc[0]
		global[1] += pc[1]
	}
	kappa := cfg.DispersionPrior
	alphaGlobal := overdispersion(global[0], global[1])
	alphaCountry := map[string]float64{}
	for country, pc := range pool {
		alphaCountry[country] = overdispersion(pc[0]+kappa*alphaGlobal, pc[1]+kappa)
	}

	out.Tests = make([]Test, len(cells))
	p := make([]float64, len(cells))
	for i, ci := range cells {
		cell := c.cells[ci]
		e := expose(cell.Country)
		f := fits[i]
		ac := alphaCountry[cell.Country]
		alpha := math.Max(overdispersion(f.num+kappa*ac, f.den+kappa), ac)
		mu := f.rate * e.day
		theta := 1 / (alpha + 1/f.A)
		y := span[n].n(ci)
		t := Test{
			Cell: cell, Day: day, Count: y, Expected: mu, Baseline: (f.A - cfg.PriorEvents) / float64(n),
			Weekday: e.w, Volume: e.v, Dispersion: alpha, Size: theta,
			P: UpperTail(y, mu, theta),
		}
		out.Tests[i] = t
		p[i] = t.P
	}
	q := cfg.Correction.Adjust(p)
	for i := range out.Tests {
		t := &out.Tests[i]
		t.Q = q[i]
		t.Alert = t.Q <= cfg.Alpha && t.Count >= cfg.MinCount && float64(t.Count) >= cfg.MinRatio*t.Expected
		if t.Alert {
			out.Alerts = append(out.Alerts, Alert{
				Cell: t.Cell, TypeName: typeName(t.Cell), Day: day, Count: t.Count,
				Expected: t.Expected, Baseline: t.Baseline, Ratio: t.Ratio(), P: t.P, Q: t.Q,
				Dispersion: t.Dispersion, Weekday: t.Weekday, Volume: t.Volume,
				Events: c.Events(t.Cell, day),
			})
		}
	}
	return out, nil
}

// volume returns the volume factors v_t of the window's days and, last, of
// day: the events of every other country on t over their window mean,
// floored at VolumeFloor; all 1 when that mean is below MinVolume.
func (d *Detector) volume(c *Counts, country string, window []event.Date, day event.Date) []float64 {
	n := len(window)
	v := make([]float64, n+1)
	other := func(t event.Date) float64 { return float64(c.Total(t) - c.Country(country, t)) }
	mean := 0.0
	for _, t := range window {
		mean += other(t)
	}
	mean /= float64(n)
	if d.cfg.NoVolume || mean < d.cfg.MinVolume || mean == 0 {
		for i := range v {
			v[i] = 1
		}
		return v
	}
	for i, t := range append(slices.Clip(window), day) {
		v[i] = math.Max(d.cfg.VolumeFloor, other(t)/mean)
	}
	return v
}

// weekday returns the country's weekday factors w(t) of the window's days
// and, last, of day: for weekday j, (Σ n_t + τ)/(Σ m·v_t + τ) over the
// window's days of weekday j, where n_t is the country's count, m its
// volume-adjusted mean rate and τ = WeekdayPrior.
func (d *Detector) weekday(c *Counts, country string, window []event.Date, day event.Date, v []float64) []float64 {
	n := len(window)
	w := make([]float64, n+1)
	if d.cfg.NoWeekday {
		for i := range w {
			w[i] = 1
		}
		return w
	}
	var obs, vol [7]float64
	sumN, sumV := 0.0, 0.0
	for i, t := range window {
		k := float64(c.Country(country, t))
		j := t.Time().Weekday()
		obs[j] += k
		vol[j] += v[i]
		sumN += k
		sumV += v[i]
	}
	m := sumN / sumV
	tau := d.cfg.WeekdayPrior
	var f [7]float64
	for j := range f {
		f[j] = (obs[j] + tau) / (m*vol[j] + tau)
	}
	for i, t := range append(slices.Clip(window), day) {
		w[i] = f[t.Time().Weekday()]
	}
	return w
}

// typeName names the ACLED types by themselves; CAMEO roots get their
// names from Watcher.TypeName.
func typeName(c Cell) string {
	if c.Scheme == SchemeACLED {
		return c.Type
	}
	return ""
}

// overdispersion returns the moment estimate of the NB2 overdispersion α
// from Σ[(y−m)² − m] and Σ m², at least 0.
func overdispersion(num, den float64) float64 {
	if den <= 0 || num <= 0 {
		return 0
	}
	return num / den
}
