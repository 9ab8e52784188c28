package quote_test

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/annals-project/annals/internal/event"
	"github.com/annals-project/annals/internal/nlp"
	"github.com/annals-project/annals/internal/quote"
)

// fuzzArticle gives text a block per line; a line starting with "— " is a
// signature and the line before it a post, so that every path runs.
func fuzzArticle(text string) *event.Article {
	a := &event.Article{Text: text}
	start := 0
	for start <= len(text) {
		end := strings.IndexByte(text[start:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += start
		}
		if end > start {
			kind := event.BlockParagraph
			line := text[start:end]
			switch {
			case strings.HasPrefix(line, "— "):
				kind = event.BlockSignature
				if n := len(a.Blocks); n > 0 {
					a.Blocks[n-1].Kind = event.BlockPost
				}
			case strings.HasPrefix(line, "> "):
				kind = event.BlockQuote
			}
			a.Blocks = append(a.Blocks, event.Block{Kind: kind, Span: event.Span{Start: start, End: end}, Author: "Ann Lee"})
		}
		start = end + 1
	}
	return a
}

func FuzzFind(f *testing.F) {
	for _, s := range []string{
		"“We will not give up,” the minister said.",
		`"The talks have failed," said Mr. Smith. "We go home."`,
		"According to the ministry, 12 people died.\n“Now we strike.\n“Again.",
		"He said: \n> Quoted block.\nPost text\n— Ann Lee (@ann) May 1, 2024",
		"Ali, who said ‘no’, left. Kazakhstan’s don’t '90s ‚x‘ „y“ «z» ‹w› ''t''",
		"“Unclosed quote at the end",
		"Smith, the minister, (R-Ohio) said, “a,” and “b” … he said that , and that",
		"\xff“\xfe”",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		a := fuzzArticle(text)
		for _, sents := range [][]event.Sentence{nlp.Sentences(a), nil} {
			qs := quote.Find(a, sents)
			check(t, a, qs)
		}
	})
}

// check verifies the invariants of Find's result: spans within the text,
// non-empty content, order by Content.Start, block indices in range.
func check(t *testing.T, a *event.Article, qs []quote.Quote) {
	t.Helper()
	n := len(a.Text)
	for i, q := range qs {
		for _, s := range []event.Span{q.Content, q.Cue, q.Speaker, q.Antecedent} {
			if !s.Valid(n) {
				t.Fatalf("quote %d: span %v out of range [0,%d) in %q", i, s, n, a.Text)
			}
		}
		if q.Content.Len() == 0 {
			t.Fatalf("quote %d: empty content in %q", i, a.Text)
		}
		if i > 0 && q.Content.Start < qs[i-1].Content.Start {
			t.Fatalf("quote %d: out of order (%v after %v) in %q", i, q.Content, qs[i-1].Content, a.Text)
		}
		if q.Block < 0 || len(a.Blocks) > 0 && q.Block >= len(a.Blocks) {
			t.Fatalf("quote %d: block %d out of range in %q", i, q.Block, a.Text)
		}
		if q.Kind > quote.Post {
			t.Fatalf("quote %d: kind %d", i, q.Kind)
		}
	}
}

// TestRandomPieces checks the invariants on texts assembled at random from
// the pieces the rules look at, a cheap complement to FuzzFind.
func TestRandomPieces(t *testing.T) {
	pieces := []string{"“", "”", "\"", "'", "‘", "’", "«", "»", "„", "said", "he", "the", " ", ",", ".",
		":", "\n", "Smith", "that", "according", "to", "who", "(", ")", "—", "— ", "> ", "saying", "told",
		"reporters", "Mr.", "of", "and", "expressed", "a", "minister", "x", "pointed", "out", "vowed"}
	r := rand.New(rand.NewPCG(1, 2))
	for range 3000 {
		var b strings.Builder
		for range r.IntN(120) {
			b.WriteString(pieces[r.IntN(len(pieces))])
			if r.IntN(2) == 0 {
				b.WriteByte(' ')
			}
		}
		a := fuzzArticle(b.String())
		check(t, a, quote.Find(a, nlp.Sentences(a)))
	}
}
