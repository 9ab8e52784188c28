package storetest

import (
	"context"
	"testing"

	"github.com/annals-project/annals/internal/store"
)

// Bench measures PutDocument on Synthetic documents (six events and two
// quotes each), without a Merger and with the suite's Merger, and reports
// documents per second.
func Bench(b *testing.B, newStore func(testing.TB) store.Store) {
	for _, bc := range []struct {
		name string
		m    store.Merger
	}{{"NoMerge", nil}, {"Merge", Merger{}}} {
		b.Run(bc.name, func(b *testing.B) {
			s := newStore(b)
			docs := Synthetic(b.N, 99)
			ctx := context.Background()
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if _, err := s.PutDocument(ctx, docs[i], bc.m); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "docs/s")
		})
	}
}
