package geo_test

import (
	"runtime"
	"sync"
	"testing"

	"github.com/annals-project/annals/internal/geo"
)

// shared loads the default gazetteer once for all tests of the package.
var shared = sync.OnceValues(geo.Default)

// MustDefault returns the embedded gazetteer, failing tb if it does not load.
func MustDefault(tb testing.TB) *geo.Gazetteer {
	tb.Helper()
	g, err := shared()
	if err != nil {
		tb.Fatalf("Default() error: %v", err)
	}
	return g
}

func BenchmarkDefault(b *testing.B) {
	b.ReportAllocs()
	var heap float64
	for b.Loop() {
		var before, after runtime.MemStats
		b.StopTimer()
		runtime.GC()
		runtime.ReadMemStats(&before)
		b.StartTimer()
		g, err := geo.Default()
		if err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		runtime.GC()
		runtime.ReadMemStats(&after)
		b.StartTimer()
		heap = float64(after.HeapAlloc-before.HeapAlloc) / (1 << 20)
		runtime.KeepAlive(g)
	}
	b.ReportMetric(heap, "heap-MB")
}
