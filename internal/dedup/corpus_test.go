package dedup_test

import (
	"bufio"
	"encoding/json"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/annals-project/annals/internal/dedup"
	"github.com/annals-project/annals/internal/event"
	"github.com/annals-project/annals/internal/store"
)

// corpus reads the texts of a JSONL corpus in ../shared, or skips.
func corpus(t *testing.T, name string) []string {
	t.Helper()
	p := filepath.Join("..", "..", "..", "shared", "data", "corpus", name, "docs.jsonl")
	f, err := os.Open(p)
	if err != nil {
		t.Skipf("no %s: %v", p, err)
	}
	defer f.Close()
	var texts []string
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		var d struct{ Text string }
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			t.Fatal(err)
		}
		texts = append(texts, d.Text)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return texts
}

// TestCorpusCopies measures the fingerprints on real news (run with -v):
// how many documents of each corpus the Index takes for copies of an
// earlier one, and how similar edited copies of its documents stay. It
// fails only if an edit that keeps nine tenths of a text loses it.
func TestCorpusCopies(t *testing.T) {
	for _, name := range []string{"reuters21578", "bbc-news"} {
		t.Run(name, func(t *testing.T) {
			texts := corpus(t, name)
			x := dedup.NewIndex(dedup.Options{})
			copies, short := 0, 0
			for _, text := range texts {
				sig := dedup.Fingerprint(text)
				if sig.IsZero() {
					short++
				}
				d := store.NewDocument(&event.Coded{Document: &event.Article{Text: text}})
				if x.Assign(d) {
					copies++
				}
			}
			t.Logf("%d documents: %d too short to fingerprint, %d taken for copies of an earlier one", len(texts), short, copies)

			r := rand.New(rand.NewPCG(1, 2))
			edits := []struct {
				name string
				edit func(string) string
				keep bool // the edit keeps nine tenths of the text
			}{
				{"dateline added", func(s string) string { return "LAGOS (Regional Wire) - " + s }, true},
				{"last tenth of the text dropped", func(s string) string {
					cut := strings.LastIndexByte(s[:len(s)*9/10], ' ')
					return s[:max(cut, 0)]
				}, true},
				{"credit line added", func(s string) string {
					return s + "\nThis article first appeared in another newspaper and is reproduced with permission."
				}, false},
			}
			for _, e := range edits {
				var hist [11]int
				lost := 0
				for range 500 {
					text := texts[r.IntN(len(texts))]
					a, b := dedup.Fingerprint(text), dedup.Fingerprint(e.edit(text))
					if a.IsZero() {
						continue
					}
					s := dedup.Similarity(&a, &b)
					hist[int(s*10)]++
					if s < 0.6 {
						lost++
					}
				}
				t.Logf("%s: similarity by tenths %v; %d of 500 below 0.6", e.name, hist, lost)
				if e.keep && lost > 5 {
					t.Errorf("%s: %d of 500 copies below 0.6", e.name, lost)
				}
			}
		})
	}
}
