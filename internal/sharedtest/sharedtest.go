package sharedtest

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/annals-project/annals/internal/event"
)

// Dir returns the ../shared folder beside the repository root (the folder
// with go.mod above the working directory), skipping the test when it is
// absent.
func Dir(tb testing.TB) string {
	tb.Helper()
	dir, err := os.Getwd()
	if err != nil {
		tb.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			tb.Skip("repository root not found")
		}
		dir = parent
	}
	shared := filepath.Join(dir, "..", "shared")
	if _, err := os.Stat(shared); err != nil {
		tb.Skipf("shared data absent: %v", err)
	}
	return shared
}

// Path returns the file or folder at the slash-separated rel below
// ../shared, skipping the test when it is absent.
func Path(tb testing.TB, rel string) string {
	tb.Helper()
	p := filepath.Join(Dir(tb), filepath.FromSlash(rel))
	if _, err := os.Stat(p); err != nil {
		tb.Skipf("shared data absent: %v", err)
	}
	return p
}

// ReadJSONL decodes each line of the JSON-lines file at path into a T.
func ReadJSONL[T any](tb testing.TB, path string) []T {
	tb.Helper()
	f, err := os.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	var out []T
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 1<<20), 1<<26)
	for sc.Scan() {
		var v T
		if err := json.Unmarshal(sc.Bytes(), &v); err != nil {
			tb.Fatalf("%s: %v", path, err)
		}
		out = append(out, v)
	}
	if err := sc.Err(); err != nil {
		tb.Fatalf("%s: %v", path, err)
	}
	return out
}

// Reuters returns the stories of the Reuters-21578 corpus that have text,
// with their paragraph blocks, and the bytes of text they hold. It skips
// the benchmark when the corpus is absent.
func Reuters(tb testing.TB) (articles []*event.Article, size int64) {
	tb.Helper()
	docs := ReadJSONL[struct {
		Text string `json:"text"`
	}](tb, Path(tb, "data/corpus/reuters21578/docs.jsonl"))
	for _, d := range docs {
		if d.Text == "" {
			continue
		}
		articles = append(articles, &event.Article{Text: d.Text, Blocks: Paragraphs(d.Text)})
		size += int64(len(d.Text))
	}
	return articles, size
}

// Paragraphs splits wire copy into paragraph blocks: a new paragraph starts
// after a blank line or at an indented line, as Reuters stories are laid
// out. Lines within a paragraph are hard-wrapped and stay in one block.
func Paragraphs(text string) []event.Block {
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
