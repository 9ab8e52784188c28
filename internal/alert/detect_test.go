package alert_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/annals-project/annals/internal/alert"
	"github.com/annals-project/annals/internal/event"
)

// The replayed month is January 2022; its baseline starts 28 days before.
// The surge is in Kazakhstan's protests on Wednesday 5 January, the day
// the seed article's unrest peaked.
var (
	monthStart = mustDate("2022-01-01")
	monthDays  = 31
	histStart  = monthStart.AddDays(-28)
	surgeDay   = mustDate("2022-01-05")
)

// month returns the synthetic stretch of the baseline and January 2022.
func month(seed uint64) synth {
	return synth{seed: seed, start: histStart, days: 28 + monthDays}
}

// replay tests every day of the month in turn and returns the keys of the
// alerts raised, with the alerts.
func replay(t testing.TB, d *alert.Detector, c *alert.Counts) ([]string, []alert.Alert) {
	t.Helper()
	var keys []string
	var all []alert.Alert
	for i := range monthDays {
		day, err := d.Detect(c, monthStart.AddDays(i))
		if err != nil {
			t.Fatalf("Detect(%s): %v", monthStart.AddDays(i), err)
		}
		for _, a := range day.Alerts {
			keys = append(keys, a.Key())
			all = append(all, a)
		}
	}
	return keys, all
}

func mustDetector(t testing.TB, cfg alert.Config) *alert.Detector {
	t.Helper()
	d, err := alert.NewDetector(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestReplayMonth(t *testing.T) {
	kazSurge := &synthSurge{country: "KAZ", root: "14", day: surgeDay, extra: 30}
	tests := []struct {
		name string
		s    synth
		want []string
	}{
		{"flat month", month(1), nil},
		{"surge in one country and type", withSurge(month(1), kazSurge), []string{"KAZ/cameo:14/2022-01-05"}},
		{"surge with ACLED types: one cell per typology", withACLED(withSurge(month(1), kazSurge)),
			[]string{"KAZ/acled:Protests/2022-01-05", "KAZ/cameo:14/2022-01-05"}},
		{"media volume doubles on a Monday", withShock(month(1), 37, 2), nil},
		{"a feed outage halves a Thursday", withShock(month(1), 40, 0.5), nil},
	}
	d := mustDetector(t, alert.DefaultConfig())
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, _ := replay(t, d, tt.s.counts())
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("alerts of the month (-want +got):\n%s", diff)
			}
		})
	}
}

func withSurge(s synth, sg *synthSurge) synth { s.surge = sg; return s }
func withACLED(s synth) synth                 { s.acled = true; return s }
func withShock(s synth, day int, f float64) synth {
	s.shock = map[int]float64{day: f}
	return s
}

// TestSurgeAlert checks the figures and the driving events of the surge's
// alert.
func TestSurgeAlert(t *testing.T) {
	s := withSurge(month(1), &synthSurge{country: "KAZ", root: "14", day: surgeDay, extra: 30})
	_, alerts := replay(t, mustDetector(t, alert.DefaultConfig()), s.counts())
	if len(alerts) != 1 {
		t.Fatalf("got %d alerts, want 1", len(alerts))
	}
	a := alerts[0]
	t.Logf("%s; baseline %.2f/day, weekday %.2f, volume %.2f, dispersion %.2f",
		a.Summary(), a.Baseline, a.Weekday, a.Volume, a.Dispersion)
	if a.Count < 30 || a.Expected > 6 || a.P > 1e-10 || a.Q > 1e-8 || a.Ratio < 5 {
		t.Errorf("alert %s: count %d, expected %.2f, p %.3g, q %.3g, ratio %.1f: want ≥ 30, ≤ 6, ≤ 1e-10, ≤ 1e-8, ≥ 5",
			a.Key(), a.Count, a.Expected, a.P, a.Q, a.Ratio)
	}
	if len(a.Events) != alert.DefaultTopEvents {
		t.Fatalf("alert names %d events, want %d", len(a.Events), alert.DefaultTopEvents)
	}
	// The surge's reports have 4 to 12 sources, three of them 12 and
	// three 11; the baseline's at most 3.
	wantSources := []int{12, 12, 12, 11, 11}
	for i, ev := range a.Events {
		if ev.NumSources != wantSources[i] || ev.Date != surgeDay || ev.CAMEO != "140" || ev.Place != "Almaty" ||
			!strings.HasPrefix(ev.Text, "Crowds gathered in Almaty") {
			t.Errorf("event %d = %+v, want a surge report of %d sources in Almaty on %s", i, ev, wantSources[i], surgeDay)
		}
	}
}

func TestShortHistory(t *testing.T) {
	s := synth{seed: 1, start: monthStart, days: 10}
	d := mustDetector(t, alert.DefaultConfig())
	day, err := d.Detect(s.counts(), monthStart.AddDays(9))
	if !errors.Is(err, alert.ErrShortHistory) {
		t.Fatalf("Detect after 9 days: err = %v, want ErrShortHistory", err)
	}
	if day.HistoryDays != 9 || len(day.Tests) != 0 {
		t.Errorf("Detect after 9 days: %d history days, %d tests; want 9, 0", day.HistoryDays, len(day.Tests))
	}
}

// TestNewCountry checks that a cell with no history alerts on a large
// count and not on a small one.
func TestNewCountry(t *testing.T) {
	c := month(2).counts()
	add := func(day event.Date, n int) {
		for range n {
			c.AddCount(day, alert.Cell{Country: "BLR", Scheme: alert.SchemeCAMEO, Type: "14"}, 1)
		}
	}
	add(mustDate("2022-01-10"), 3)
	add(mustDate("2022-01-20"), 12)
	got, _ := replay(t, mustDetector(t, alert.DefaultConfig()), c)
	if diff := cmp.Diff([]string{"BLR/cameo:14/2022-01-20"}, got); diff != "" {
		t.Errorf("alerts (-want +got):\n%s", diff)
	}
}

func TestConfigValidate(t *testing.T) {
	tests := []struct {
		name string
		edit func(*alert.Config)
	}{
		{"short baseline", func(c *alert.Config) { c.BaselineDays = 6 }},
		{"history beyond baseline", func(c *alert.Config) { c.MinHistoryDays = 29 }},
		{"zero alpha", func(c *alert.Config) { c.Alpha = 0 }},
		{"alpha one", func(c *alert.Config) { c.Alpha = 1 }},
		{"unknown correction", func(c *alert.Config) { c.Correction = "holm" }},
		{"zero min count", func(c *alert.Config) { c.MinCount = 0 }},
		{"ratio below one", func(c *alert.Config) { c.MinRatio = 0.5 }},
		{"zero prior", func(c *alert.Config) { c.PriorDays = 0 }},
		{"zero weekday prior", func(c *alert.Config) { c.WeekdayPrior = 0 }},
		{"negative volume", func(c *alert.Config) { c.MinVolume = -1 }},
		{"zero floor", func(c *alert.Config) { c.VolumeFloor = 0 }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := alert.DefaultConfig()
			tt.edit(&cfg)
			if _, err := alert.NewDetector(cfg); !errors.Is(err, alert.ErrInvalid) {
				t.Errorf("NewDetector = %v, want ErrInvalid", err)
			}
		})
	}
	if _, err := alert.NewDetector(alert.DefaultConfig()); err != nil {
		t.Errorf("NewDetector(DefaultConfig()) = %v", err)
	}
}

// BenchmarkDetect tests one day of the synthetic world: 8 countries, 160
// CAMEO cells, a 28-day window.
func BenchmarkDetect(b *testing.B) {
	c := month(1).counts()
	d := mustDetector(b, alert.DefaultConfig())
	for b.Loop() {
		if _, err := d.Detect(c, surgeDay); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCountsAdd counts the events of the synthetic stretch (about
// 33,000).
func BenchmarkCountsAdd(b *testing.B) {
	recs := month(1).records()
	for b.Loop() {
		c := alert.NewCounts(0)
		for i := range recs {
			c.Add(&recs[i])
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(recs)), "ns/event")
}
