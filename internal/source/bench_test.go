package source_test

import (
	"context"
	"os"
	"testing"

	"github.com/annals-project/annals/internal/sharedtest"
	"github.com/annals-project/annals/internal/source"
)

// BenchmarkReadJSONL reads the Reuters-21578 batch (19,043 documents).
func BenchmarkReadJSONL(b *testing.B) {
	path := sharedtest.Path(b, "data/corpus/reuters21578/docs.jsonl")
	info, err := os.Stat(path)
	if err != nil {
		b.Skipf("corpus absent: %v", err)
	}
	b.SetBytes(info.Size())
	b.ReportAllocs()
	var docs int
	for b.Loop() {
		docs = 0
		for _, err := range source.Read(context.Background(), path, source.Options{}) {
			if err != nil {
				b.Fatal(err)
			}
			docs++
		}
	}
	b.ReportMetric(float64(docs), "docs/op")
}
