package code_test

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/annals-project/annals/internal/date"
	"github.com/annals-project/annals/internal/event"
	"github.com/annals-project/annals/internal/extract"
	"github.com/annals-project/annals/internal/nlp"
	"golang.org/x/tools/txtar"
)

// specStories returns the input stories of the behaviour spec, our own
// news-style sentences.
func specStories(tb testing.TB) []string {
	tb.Helper()
	files, err := filepath.Glob("testdata/*.txtar")
	if err != nil {
		tb.Fatal(err)
	}
	var out []string
	for _, f := range files {
		ar, err := txtar.ParseFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		for _, file := range ar.Files {
			if file.Name == "input.txt" {
				out = append(out, string(file.Data))
			}
		}
	}
	return out
}

// BenchmarkCode codes the spec's stories, one article each, and reports
// sentences per second. The corpus benchmark is in cmd/annals
// (BenchmarkCodeReuters) and `annals bench`.
func BenchmarkCode(b *testing.B) {
	c := MustCoder(b)
	stories := specStories(b)
	arts := make([]*event.Article, len(stories))
	sents := make([][]event.Sentence, len(stories))
	n := 0
	for i, s := range stories {
		a := &event.Article{ID: "bench", Text: s, Blocks: extract.Plain(s)}
		date.Anchor(a, event.Date{Year: 2024, Month: 3, Day: 1})
		arts[i], sents[i] = a, nlp.Sentences(a)
		n += len(sents[i])
	}
	b.ResetTimer()
	for b.Loop() {
		for i, a := range arts {
			c.Code(a, sents[i])
		}
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "sentences/s")
}

// FuzzCode checks that any text codes without a panic and that every
// event, quote and entity span lies inside the text.
func FuzzCode(f *testing.F) {
	for _, s := range specStories(f) {
		f.Add(s)
	}
	f.Add("“Unclosed quote, said the minister")
	f.Add("WALLACE: one\n\nPENCE: two")
	f.Add("In Lagos's Otumara district ' ' 's 2-1 (")
	c := MustCoder(f)
	f.Fuzz(func(t *testing.T, text string) {
		if !strings.ContainsAny(text, " ") || len(text) > 4000 {
			return
		}
		a := &event.Article{ID: "fuzz", Text: text, Blocks: extract.Plain(text)}
		date.Anchor(a, event.Date{Year: 2024, Month: 3, Day: 1})
		evs, qs, ents := c.Code(a, nlp.Sentences(a))
		in := func(sp event.Span) bool { return sp.Start >= 0 && sp.Start <= sp.End && sp.End <= len(text) }
		for _, e := range evs {
			if !in(e.Span) {
				t.Fatalf("event span %v outside %d bytes", e.Span, len(text))
			}
		}
		for _, q := range qs {
			if !in(q.Span) {
				t.Fatalf("quote span %v outside %d bytes", q.Span, len(text))
			}
		}
		for _, e := range ents {
			if !in(e.Span) {
				t.Fatalf("entity span %v outside %d bytes", e.Span, len(text))
			}
		}
	})
}
