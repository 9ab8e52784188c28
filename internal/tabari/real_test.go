package tabari_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/annals-project/annals/internal/tabari"
)

// petrarchDir returns the third-party PETRARCH dictionaries in ../shared,
// skipping the test when they are absent.
func petrarchDir(tb testing.TB) string {
	tb.Helper()
	dir := filepath.Join("..", "..", "..", "shared", "data", "petrarch")
	if _, err := os.Stat(filepath.Join(dir, "dictionaries")); err != nil {
		tb.Skipf("PETRARCH dictionaries absent: %v", err)
	}
	return dir
}

func phoenixSet(dir string) tabari.Set {
	d := filepath.Join(dir, "dictionaries")
	return tabari.Set{
		Verbs: filepath.Join(d, "CAMEO.2.0.txt"),
		Actors: []string{
			filepath.Join(d, "Phoenix.Countries.actors.txt"),
			filepath.Join(d, "Phoenix.International.actors.txt"),
			filepath.Join(d, "Phoenix.MilNonState.actors.txt"),
		},
		Agents:   filepath.Join(d, "Phoenix.agents.txt"),
		Discards: filepath.Join(d, "Phoenix.discards.txt"),
	}
}

func validateSet(dir string) tabari.Set {
	d := filepath.Join(dir, "dictionaries")
	return tabari.Set{
		Verbs:    filepath.Join(d, "PETR.Validate.verbs.txt"),
		Actors:   []string{filepath.Join(d, "PETR.Validate.actors.txt")},
		Agents:   filepath.Join(d, "PETR.Validate.agents.txt"),
		Discards: filepath.Join(d, "PETR.Validate.discards.txt"),
	}
}

// TestRealDictionaries loads the stock CAMEO/Phoenix dictionaries and the
// PETRARCH validation dictionaries: both must load without an error.
func TestRealDictionaries(t *testing.T) {
	dir := petrarchDir(t)
	tests := []struct {
		name string
		set  tabari.Set
		// lower bounds, to catch a parser that silently drops lines
		verbs, patterns, actors, agents, discards int
	}{
		{"phoenix", phoenixSet(dir), 1800, 4600, 27000, 2200, 500},
		{"validate", validateSet(dir), 260, 470, 120, 85, 9},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := tabari.LoadSet(tt.set)
			if err != nil {
				t.Fatalf("LoadSet: %v", err)
			}
			names := 0
			for _, a := range d.Actors {
				names += len(a.Names)
			}
			t.Logf("%s: %d blocks, %d verbs, %d patterns, %d synsets, %d transformations; %d actors (%d names); %d agents; %d discards; %d warnings",
				tt.name, len(d.Verbs.Blocks), len(d.Verbs.Verbs), len(d.Verbs.Patterns), len(d.Verbs.Synsets), len(d.Verbs.Transformations),
				len(d.Actors), names, len(d.Agents), len(d.Discards), d.Warnings.Len())
			if testing.Verbose() {
				for _, w := range d.Warnings.Strings() {
					t.Log("warning: ", w)
				}
			}
			for _, c := range []struct {
				what      string
				got, want int
			}{
				{"verbs", len(d.Verbs.Verbs), tt.verbs},
				{"patterns", len(d.Verbs.Patterns), tt.patterns},
				{"actors", len(d.Actors), tt.actors},
				{"agents", len(d.Agents), tt.agents},
				{"discards", len(d.Discards), tt.discards},
			} {
				if c.got < c.want {
					t.Errorf("%s: got %d, want at least %d", c.what, c.got, c.want)
				}
			}
		})
	}
}

func BenchmarkLoadPhoenix(b *testing.B) {
	set := phoenixSet(petrarchDir(b))
	var size int64
	for _, p := range append([]string{set.Verbs, set.Agents, set.Discards}, set.Actors...) {
		fi, err := os.Stat(p)
		if err != nil {
			b.Fatal(err)
		}
		size += fi.Size()
	}
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := tabari.LoadSet(set); err != nil {
			b.Fatal(err)
		}
	}
}
