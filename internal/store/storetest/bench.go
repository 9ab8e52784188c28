package storetest

import (
	"context"
	"testing"

	"github.com/annals-project/annals/internal/store"
)

// Bench measures storing Synthetic documents (five events and two quotes
// each) one per transaction and in batches of 64, without a Merger and with
// the suite's Merger, and reports documents per second.
func Bench(b *testing.B, newStore func(testing.TB) store.Store) {
	for _, bc := range []struct {
		name  string
		m     store.Merger
		batch int
	}{{"NoMerge", nil, 1}, {"Merge", Merger{}, 1}, {"NoMerge/Batch64", nil, 64}, {"Merge/Batch64", Merger{}, 64}} {
		b.Run(bc.name, func(b *testing.B) {
			s := newStore(b)
			docs := Synthetic(b.N, 99)
			ctx := context.Background()
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i += bc.batch {
				var err error
				if bc.batch == 1 {
					_, err = s.PutDocument(ctx, docs[i], bc.m)
				} else {
					_, err = s.PutDocuments(ctx, docs[i:min(i+bc.batch, b.N)], bc.m)
				}
				if err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "docs/s")
		})
	}
}
