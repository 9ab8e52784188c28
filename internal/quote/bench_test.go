package quote_test

import (
	"testing"

	"github.com/annals-project/annals/internal/event"
	"github.com/annals-project/annals/internal/nlp"
	"github.com/annals-project/annals/internal/quote"
	"github.com/annals-project/annals/internal/sharedtest"
)

// loadReuters reads the Reuters-21578 stories and segments them as the
// pipeline does; it skips the benchmark when the corpus is absent.
func loadReuters(b *testing.B) (articles []*event.Article, sents [][]event.Sentence, size int64) {
	b.Helper()
	articles, size = sharedtest.Reuters(b)
	for _, a := range articles {
		sents = append(sents, nlp.Sentences(a))
	}
	return articles, sents, size
}

// BenchmarkFind measures Find alone, over sentences segmented beforehand
// as the pipeline does.
func BenchmarkFind(b *testing.B) {
	articles, sents, size := loadReuters(b)
	b.SetBytes(size)
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		for i, a := range articles {
			n += len(quote.Find(a, sents[i]))
		}
	}
	b.ReportMetric(float64(n)/float64(b.N), "quotes/op")
}

// BenchmarkFindSegment measures segmentation and Find together.
func BenchmarkFindSegment(b *testing.B) {
	articles, _, size := loadReuters(b)
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		for _, a := range articles {
			quote.Find(a, nlp.Sentences(a))
		}
	}
}
