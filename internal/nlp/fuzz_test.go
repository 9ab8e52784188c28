package nlp_test

import (
	"strings"
	"testing"
	"unicode"

	"github.com/annals-project/annals/internal/event"
	"github.com/annals-project/annals/internal/nlp"
)

var fuzzSeeds = []string{
	"",
	"The talks ended on Monday. Both sides claimed progress.",
	"Mr. Vance met Gen. Haddad in the U.S. The envoy left at 9 p.m. GMT.",
	"\u201cWhy now?\u201d Senator Ortiz asked. (Photo: Jane Roe/Agency) Next.",
	"Demands:\n\u2022 wages\n- elections\n1. release\n\nEnd . . . \u2026 ?!",
	"Peace now pic.twitter.com/x \u2014 Jane Roe (@janeroe) March 3, 2023",
	"didn't can't won\u2019t O'Brien's U.S.-based 1,200 3.5 #tag @h a@b.co https://x.y/z.",
	"\xff\xfe. \u00a0\u2028( ( ) ).\u201d\u2019 x",
	"a.b.c. d.e. F. G.H. (x. y) 12. 1) - \u2014 \u2013",
}

// lineArticle makes an Article with one block per line of text, keeping
// white space inside the blocks.
func lineArticle(text string) *event.Article {
	a := &event.Article{Text: text}
	off := 0
	for line := range strings.SplitSeq(text, "\n") {
		a.Blocks = append(a.Blocks, event.Block{Span: event.Span{Start: off, End: off + len(line)}})
		off += len(line) + 1
	}
	return a
}

func FuzzSentences(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		for _, a := range []*event.Article{lineArticle(text), {Text: text}} {
			checkSentences(t, a)
		}
	})
}

// checkSentences checks the invariants of Sentences(a).
func checkSentences(t *testing.T, a *event.Article) {
	t.Helper()
	text := a.Text
	blocks := a.Blocks
	if len(blocks) == 0 {
		blocks = []event.Block{{Span: event.Span{Start: 0, End: len(text)}}}
	}
	sents := nlp.Sentences(a)
	prev := 0
	covered := make([]bool, len(text))
	for i, s := range sents {
		sp := s.Span
		switch {
		case s.Index != i:
			t.Fatalf("sentence %d has Index %d", i, s.Index)
		case !sp.Valid(len(text)) || sp.Len() == 0:
			t.Fatalf("sentence %d span %v invalid or empty in text of %d bytes", i, sp, len(text))
		case sp.Start < prev:
			t.Fatalf("sentence %d span %v starts before the end %d of the one before", i, sp, prev)
		case s.Block < 0 || s.Block >= len(blocks) || !blocks[s.Block].Span.Contains(sp):
			t.Fatalf("sentence %d span %v not inside its block %d", i, sp, s.Block)
		}
		str := sp.Of(text)
		if strings.TrimFunc(str, unicode.IsSpace) != str {
			t.Fatalf("sentence %d %q has leading or trailing space", i, str)
		}
		for x := sp.Start; x < sp.End; x++ {
			covered[x] = true
		}
		prev = sp.End
	}
	for _, b := range blocks {
		for x := b.Span.Start; x < b.Span.End; {
			if covered[x] {
				x++
				continue
			}
			y := x
			for y < b.Span.End && !covered[y] {
				y++
			}
			if gap := text[x:y]; strings.TrimFunc(gap, unicode.IsSpace) != "" {
				t.Fatalf("text %q at [%d,%d) is in no sentence", gap, x, y)
			}
			x = y
		}
	}
}

func FuzzTokens(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		spans := []event.Span{{Start: 0, End: len(text)}}
		for _, s := range nlp.Sentences(lineArticle(text)) {
			spans = append(spans, s.Span)
		}
		for _, span := range spans {
			prev := span.Start
			for i, tok := range nlp.Tokens(text, span, nil) {
				sp := tok.Span
				switch {
				case !sp.Valid(len(text)) || sp.Len() == 0:
					t.Fatalf("token %d span %v invalid or empty", i, sp)
				case sp.Start < prev || sp.End > span.End:
					t.Fatalf("token %d span %v overlaps the one before (end %d) or leaves %v", i, sp, prev, span)
				case tok.Kind < nlp.Word || tok.Kind > nlp.Clitic:
					t.Fatalf("token %d %q has kind %d", i, sp.Of(text), tok.Kind)
				}
				if strings.IndexFunc(sp.Of(text), unicode.IsSpace) >= 0 {
					t.Fatalf("token %d %q holds white space", i, sp.Of(text))
				}
				_ = nlp.Norm(text, tok)
				prev = sp.End
			}
		}
	})
}
