package nlp_test

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/annals-project/annals/internal/event"
	"github.com/annals-project/annals/internal/nlp"
)

// loadReuters reads the Reuters-21578 stories from ../shared and gives each
// its paragraph blocks; it skips the benchmark when the corpus is absent.
func loadReuters(b *testing.B) (articles []*event.Article, size int64) {
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
		articles = append(articles, &event.Article{Text: doc.Text, Blocks: paragraphs(doc.Text)})
		size += int64(len(doc.Text))
	}
	if err := sc.Err(); err != nil {
		b.Fatalf("read %s: %v", name, err)
	}
	return articles, size
}

// paragraphs splits wire copy into paragraph blocks: a new paragraph starts
// after a blank line or at an indented line, as Reuters stories are laid
// out. Lines within a paragraph are hard-wrapped and stay in one block.
func paragraphs(text string) []event.Block {
	var blocks []event.Block
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
	start := 0
	for i := 0; i < len(text); i++ {
		if text[i] == '\n' && i+1 < len(text) && (text[i+1] == ' ' || text[i+1] == '\t' || text[i+1] == '\n') {
			add(start, i)
			start = i + 1
		}
	}
	add(start, len(text))
	return blocks
}

func BenchmarkSentences(b *testing.B) {
	articles, size := loadReuters(b)
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
	articles, size := loadReuters(b)
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
	articles, size := loadReuters(b)
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
