package cameo_test

import (
	"testing"

	"github.com/annals-project/annals/internal/cameo"
)

func BenchmarkDefault(b *testing.B) {
	for b.Loop() {
		if _, err := cameo.Default(); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkLookup(b *testing.B) {
	tab := mustDefault(b)
	codes := []cameo.Code{"013", "0251", "141", "1823", "2042", "999"}
	for b.Loop() {
		for _, c := range codes {
			tab.Lookup(c)
		}
	}
}

func BenchmarkACLED(b *testing.B) {
	tab := mustDefault(b)
	ctx := cameo.ACLEDContext{SourceIsState: true, TargetIsProtester: true, Fatalities: 2}
	for b.Loop() {
		tab.ACLED("175", ctx)
	}
}

func TestLookupAllocs(t *testing.T) {
	tab := mustDefault(t)
	ctx := cameo.ACLEDContext{Weapon: cameo.WeaponShelling}
	allocs := testing.AllocsPerRun(100, func() {
		tab.Lookup("1823")
		tab.ACLED("190", ctx)
	})
	if allocs != 0 {
		t.Errorf("Lookup+ACLED allocate %v times per run, want 0", allocs)
	}
}
