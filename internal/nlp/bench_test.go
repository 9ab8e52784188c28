package nlp_test

import (
	"testing"

	"github.com/annals-project/annals/internal/event"
	"github.com/annals-project/annals/internal/nlp"
	"github.com/annals-project/annals/internal/sharedtest"
)

func BenchmarkSentences(b *testing.B) {
	articles, size := sharedtest.Reuters(b)
	b.SetBytes(size)
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		for _, a := range articles {
			n += len(nlp.Sentences(a))
		}
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "sentences/s")
}

func BenchmarkSplit(b *testing.B) {
	articles, size := sharedtest.Reuters(b)
	b.SetBytes(size)
	b.ReportAllocs()
	dst := make([]event.Span, 0, 256)
	n := 0
	for b.Loop() {
		for _, a := range articles {
			for _, blk := range a.Blocks {
				dst = nlp.Split(a.Text, blk.Span, dst[:0])
				n += len(dst)
			}
		}
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "sentences/s")
}

func BenchmarkTokens(b *testing.B) {
	articles, size := sharedtest.Reuters(b)
	b.SetBytes(size)
	b.ReportAllocs()
	dst := make([]nlp.Token, 0, 4096)
	n := 0
	for b.Loop() {
		for _, a := range articles {
			dst = nlp.Tokens(a.Text, event.Span{Start: 0, End: len(a.Text)}, dst[:0])
			n += len(dst)
		}
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "tokens/s")
}
