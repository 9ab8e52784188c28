package alert_test

import (
	"flag"
	"slices"
	"testing"

	"github.com/annals-project/annals/internal/alert"
)

var calibrate = flag.Int("calibrate", 0, "replay this many synthetic months per scenario in TestCalibration (default 12)")

// TestCalibration replays synthetic months under several scenarios and
// detectors and reports how often each alerts: false alerts in flat months
// and in months with media-volume shocks, and how often it finds a modest
// surge (12 extra protests) in a small country on a Wednesday and in a
// country with a Thursday–Friday weekend on its Friday. Run with
// -calibrate 100 -v for the figures of docs/alerts.md.
func TestCalibration(t *testing.T) {
	if testing.Short() {
		t.Skip("replays many months")
	}
	seeds := *calibrate
	if seeds <= 0 {
		seeds = 12
	}
	full := alert.DefaultConfig()
	alpha01 := full
	alpha01.Alpha = 0.01
	noVolume := full
	noVolume.NoVolume = true
	noWeekday := full
	noWeekday.NoWeekday = true
	configs := []struct {
		name string
		d    *alert.Detector
	}{
		{"default (BH, alpha 0.001)", mustDetector(t, full)},
		{"alpha 0.01", mustDetector(t, alpha01)},
		{"no volume adjustment", mustDetector(t, noVolume)},
		{"no weekday adjustment", mustDetector(t, noWeekday)},
	}
	type tally struct{ flat, shock, kgz, irn int }
	got := make([]tally, len(configs))
	kgz := &synthSurge{country: "KGZ", root: "14", day: surgeDay, extra: 12}
	irn := &synthSurge{country: "IRN", root: "14", day: mustDate("2022-01-07"), extra: 12}
	for seed := uint64(1000); seed < 1000+uint64(seeds); seed++ {
		shocked := month(seed)
		// A doubled Monday and a halved Thursday, in different weeks.
		shocked.shock = map[int]float64{28 + 2 + int(seed%4)*7: 2, 28 + 5 + int(seed/4%4)*7: 0.5}
		counts := []*alert.Counts{month(seed).counts(), shocked.counts(),
			withSurge(month(seed), kgz).counts(), withSurge(month(seed), irn).counts()}
		for i, cfg := range configs {
			flat, _ := replay(t, cfg.d, counts[0])
			shock, _ := replay(t, cfg.d, counts[1])
			k, _ := replay(t, cfg.d, counts[2])
			r, _ := replay(t, cfg.d, counts[3])
			got[i].flat += len(flat)
			got[i].shock += len(shock)
			if slices.Contains(k, "KGZ/cameo:14/2022-01-05") {
				got[i].kgz++
			}
			if slices.Contains(r, "IRN/cameo:14/2022-01-07") {
				got[i].irn++
			}
		}
	}
	for i, cfg := range configs {
		g := got[i]
		t.Logf("%-26s false alerts: %3d in %d flat months, %3d in %d shocked months; found KGZ +12: %3d/%d, IRN Friday +12: %3d/%d",
			cfg.name, g.flat, seeds, g.shock, seeds, g.kgz, seeds, g.irn, seeds)
	}
	// Loose bounds that hold for any seeds: the default detector is quiet
	// in flat and shocked months and finds most modest surges.
	d := got[0]
	if d.flat > seeds/6 || d.shock > seeds/6 {
		t.Errorf("default detector: %d and %d false alerts in %d flat and shocked months, want ≤ %d each", d.flat, d.shock, seeds, seeds/6)
	}
	if d.kgz < seeds/2 || d.irn < seeds/2 {
		t.Errorf("default detector found %d and %d of %d surges, want ≥ %d", d.kgz, d.irn, seeds, seeds/2)
	}
	if nv := got[2]; nv.shock <= d.shock {
		t.Errorf("without the volume adjustment, %d false alerts in shocked months, want more than the default's %d", nv.shock, d.shock)
	}
}
