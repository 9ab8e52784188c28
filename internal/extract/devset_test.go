package extract_test

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"unicode"

	"github.com/annals-project/annals/internal/extract"
)

// devSet is the extraction benchmark in ../shared: pages and the body
// text a person marked as the article.
type devSet struct {
	ids   []string
	pages map[string][]byte
	truth map[string]string
}

// loadDevSet reads ../shared/data/html/extraction-dev, skipping the test
// when it is absent.
func loadDevSet(tb testing.TB) *devSet {
	tb.Helper()
	dir := filepath.Join("..", "..", "..", "shared", "data", "html", "extraction-dev")
	raw, err := os.ReadFile(filepath.Join(dir, "ground-truth.json"))
	if err != nil {
		tb.Skipf("extraction dev set absent: %v", err)
	}
	var truth map[string]struct {
		ArticleBody string `json:"articleBody"`
	}
	if err := json.Unmarshal(raw, &truth); err != nil {
		tb.Fatal(err)
	}
	ds := &devSet{pages: map[string][]byte{}, truth: map[string]string{}}
	for id, t := range truth {
		f, err := os.Open(filepath.Join(dir, "html", id+".html.gz"))
		if err != nil {
			tb.Fatal(err)
		}
		zr, err := gzip.NewReader(f)
		if err != nil {
			f.Close()
			tb.Fatal(err)
		}
		b, err := io.ReadAll(zr)
		f.Close()
		if err != nil {
			tb.Fatal(err)
		}
		ds.ids = append(ds.ids, id)
		ds.pages[id] = b
		ds.truth[id] = t.ArticleBody
	}
	sort.Strings(ds.ids)
	return ds
}

// shingles counts the word 4-grams of s, lower-cased, the way the shared
// scorer (eval/score_extract.py) does.
func shingles(s string) map[string]int {
	words := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_')
	})
	out := map[string]int{}
	if len(words) < 4 {
		if len(words) > 0 {
			out[strings.Join(words, " ")]++
		}
		return out
	}
	for i := 0; i+4 <= len(words); i++ {
		out[strings.Join(words[i:i+4], " ")]++
	}
	return out
}

// f1 scores extracted text against the truth by shingle overlap.
func f1(got, want string) float64 {
	g, w := shingles(got), shingles(want)
	var inter, ng, nw int
	for k, n := range g {
		ng += n
		inter += min(n, w[k])
	}
	for _, n := range w {
		nw += n
	}
	if inter == 0 {
		return 0
	}
	p, r := float64(inter)/float64(ng), float64(inter)/float64(nw)
	return 2 * p * r / (p + r)
}

// TestDevSet extracts every page of the dev set: each must give text, and
// the mean F1 must stay well above the acceptance bar (0.95 by the shared
// scorer), so that a regression shows up here first.
func TestDevSet(t *testing.T) {
	if testing.Short() {
		t.Skip("slow: extracts ~90 real pages")
	}
	ds := loadDevSet(t)
	var sum float64
	for _, id := range ds.ids {
		a, err := extract.HTML(bytes.NewReader(ds.pages[id]), extract.Options{})
		if err != nil {
			t.Errorf("page %s: %v", id, err)
			continue
		}
		if a.Text == "" || len(a.Blocks) == 0 {
			t.Errorf("page %s: empty text", id)
		}
		checkArticle(t, a)
		sum += f1(a.Text, ds.truth[id])
	}
	mean := sum / float64(len(ds.ids))
	t.Logf("mean F1 over %d pages: %.3f", len(ds.ids), mean)
	if mean < 0.95 {
		t.Errorf("mean F1 = %.3f, want >= 0.95", mean)
	}
}

// BenchmarkHTML extracts the dev-set pages in turn and reports pages/s
// and MB/s of HTML.
func BenchmarkHTML(b *testing.B) {
	ds := loadDevSet(b)
	var pages [][]byte
	for _, id := range ds.ids {
		pages = append(pages, ds.pages[id])
	}
	b.ReportAllocs()
	var n, bytesIn int
	for b.Loop() {
		p := pages[n%len(pages)]
		if _, err := extract.HTML(bytes.NewReader(p), extract.Options{}); err != nil {
			b.Fatal(err)
		}
		n++
		bytesIn += len(p)
	}
	sec := b.Elapsed().Seconds()
	b.ReportMetric(float64(n)/sec, "pages/s")
	b.ReportMetric(float64(bytesIn)/sec/1e6, "MB/s")
}
