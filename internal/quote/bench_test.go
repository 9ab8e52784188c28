package quote_test

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/annals-project/annals/internal/event"
	"github.com/annals-project/annals/internal/nlp"
	"github.com/annals-project/annals/internal/quote"
)

// loadReuters reads the Reuters-21578 stories from ../shared, splitting
// each into blocks at blank lines; it skips the benchmark when the corpus
// is absent.
func loadReuters(b *testing.B) (articles []*event.Article, sents [][]event.Sentence, size int64) {
	b.Helper()
	name := filepath.Join(sharedDir(b), "data", "corpus", "reuters21578", "docs.jsonl")
	f, err := os.Open(name)
	if err != nil {
		b.Skipf("corpus absent: %v", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 1<<20), 16<<20)
	for sc.Scan() {
		var doc struct {
			Text string `json:"text"`
		}
		if err := json.Unmarshal(sc.Bytes(), &doc); err != nil {
			b.Fatalf("read %s: %v", name, err)
		}
		if doc.Text == "" {
			continue
		}
		a := &event.Article{Text: doc.Text, Blocks: blankLineBlocks(doc.Text)}
		articles = append(articles, a)
		sents = append(sents, nlp.Sentences(a))
		size += int64(len(doc.Text))
	}
	if err := sc.Err(); err != nil {
		b.Fatalf("read %s: %v", name, err)
	}
	return articles, sents, size
}

// blankLineBlocks splits text into paragraph blocks at blank lines.
func blankLineBlocks(text string) []event.Block {
	var blocks []event.Block
	start := 0
	add := func(s, e int) {
		for s < e && (text[s] == ' ' || text[s] == '\n' || text[s] == '\t') {
			s++
		}
		for e > s && (text[e-1] == ' ' || text[e-1] == '\n' || text[e-1] == '\t') {
			e--
		}
		if s < e {
			blocks = append(blocks, event.Block{Kind: event.BlockParagraph, Span: event.Span{Start: s, End: e}})
		}
	}
	for i := 0; i+1 < len(text); i++ {
		if text[i] == '\n' && text[i+1] == '\n' {
			add(start, i)
			start = i + 1
		}
	}
	add(start, len(text))
	return blocks
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
