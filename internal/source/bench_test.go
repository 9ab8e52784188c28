package source_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/annals-project/annals/internal/source"
)

// sharedDir is ../shared beside the repository root; tests that need it
// skip when it is absent.
func sharedDir(tb testing.TB) string {
	tb.Helper()
	dir := filepath.Join("..", "..", "..", "shared")
	if _, err := os.Stat(dir); err != nil {
		tb.Skipf("shared data absent: %v", err)
	}
	return dir
}

// BenchmarkReadJSONL reads the Reuters-21578 batch (19,043 documents).
func BenchmarkReadJSONL(b *testing.B) {
	path := filepath.Join(sharedDir(b), "data", "corpus", "reuters21578", "docs.jsonl")
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
