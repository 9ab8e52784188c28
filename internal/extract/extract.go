package extract

import (
	"fmt"
	"io"
	"strings"

	"github.com/annals-project/annals/internal/event"
	trafilatura "github.com/markusmobius/go-trafilatura"
)

// Options tune extraction. The zero value works.
type Options struct {
	// URL is the page's address, when known.
	URL string
}

// HTML extracts the article from an HTML page.
func HTML(r io.Reader, opts Options) (*event.Article, error) {
	res, err := trafilatura.Extract(r, trafilatura.Options{})
	if err != nil {
		return nil, fmt.Errorf("extract: %w", err)
	}
	a := &event.Article{URL: opts.URL, Title: res.Metadata.Title}
	a.Text = strings.TrimSpace(res.ContentText)
	a.Blocks = Plain(a.Text)
	if !res.Metadata.Date.IsZero() {
		a.Published = event.DateOf(res.Metadata.Date)
	}
	return a, nil
}

// Plain gives plain text its block structure: each non-empty line is a
// paragraph block.
func Plain(text string) []event.Block {
	var blocks []event.Block
	start := 0
	for start <= len(text) {
		end := strings.IndexByte(text[start:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += start
		}
		s, e := start, end
		for s < e && (text[s] == ' ' || text[s] == '\t' || text[s] == '\r') {
			s++
		}
		for e > s && (text[e-1] == ' ' || text[e-1] == '\t' || text[e-1] == '\r') {
			e--
		}
		if e > s {
			blocks = append(blocks, event.Block{Kind: event.BlockParagraph, Span: event.Span{Start: s, End: e}})
		}
		start = end + 1
	}
	return blocks
}
