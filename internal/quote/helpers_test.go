package quote_test

import (
	"fmt"
	"strings"

	"github.com/annals-project/annals/internal/event"
	"github.com/annals-project/annals/internal/quote"
)

// article builds an Article from blocks separated by blank lines. A block
// may start with a kind tag that is not part of the text: "@post ",
// "@blockquote ", "@caption ", or "@signature Author Name|" which also sets
// Block.Author.
func article(src string) *event.Article {
	var b strings.Builder
	a := &event.Article{}
	for i, part := range strings.Split(strings.Trim(src, "\n"), "\n\n") {
		kind, author := event.BlockParagraph, ""
		switch {
		case strings.HasPrefix(part, "@post "):
			kind, part = event.BlockPost, part[len("@post "):]
		case strings.HasPrefix(part, "@blockquote "):
			kind, part = event.BlockQuote, part[len("@blockquote "):]
		case strings.HasPrefix(part, "@caption "):
			kind, part = event.BlockCaption, part[len("@caption "):]
		case strings.HasPrefix(part, "@signature "):
			rest := part[len("@signature "):]
			bar := strings.IndexByte(rest, '|')
			kind, author, part = event.BlockSignature, rest[:bar], rest[bar+1:]
		}
		if i > 0 {
			b.WriteString("\n\n")
		}
		start := b.Len()
		b.WriteString(part)
		a.Blocks = append(a.Blocks, event.Block{Kind: kind, Author: author, Span: event.Span{Start: start, End: b.Len()}})
	}
	a.Text = b.String()
	return a
}

// render writes a quotation as one line: D (direct) or I (indirect), f for
// a fragment, + when it continues the quotation before, the kind, the
// speaker, the cue and the content, and the antecedent if any.
func render(text string, q quote.Quote) string {
	d := "I"
	if q.Direct {
		d = "D"
	}
	if q.Fragment {
		d += "f"
	}
	if q.Continues {
		d += "+"
	}
	s := fmt.Sprintf("%s %s %q cue=%q: %q", d, q.Kind, q.Speaker.Of(text), q.Cue.Of(text), q.Content.Of(text))
	if q.Antecedent.Len() > 0 {
		s += fmt.Sprintf(" (= %q)", q.Antecedent.Of(text))
	}
	return s
}

func renderAll(text string, qs []quote.Quote) []string {
	out := make([]string, 0, len(qs))
	for _, q := range qs {
		out = append(out, render(text, q))
	}
	return out
}
