package extract_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/annals-project/annals/internal/extract"
)

func FuzzHTML(f *testing.F) {
	pages, _ := filepath.Glob(filepath.Join("testdata", "*.html"))
	for _, p := range pages {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	for _, s := range []string{
		"",
		"<p>",
		"<html><body><figcaption>(Photo: A/B)</figcaption></body></html>",
		`<blockquote class="twitter-tweet"><p>hi<br>there</p>&mdash; A (@a) May 1, 2020</blockquote>`,
		`<script type="application/ld+json">{"datePublished":"2020-01-01"}</script><p>x</p>`,
		"<article><p>" + strings.Repeat("word ", 400) + "</p></article>",
		"\xff\xfe<\x00p\x00>\x00",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, page []byte) {
		a, err := extract.HTML(strings.NewReader(string(page)), extract.Options{})
		if err != nil {
			if !errors.Is(err, extract.ErrNotHTML) && !errors.Is(err, extract.ErrNoContent) {
				t.Fatalf("HTML error %v wraps neither ErrNotHTML nor ErrNoContent", err)
			}
			return
		}
		if len(a.Blocks) == 0 {
			t.Fatal("HTML returned no error and no blocks")
		}
		checkArticle(t, a)
		// Blocks are the lines of Text.
		if got := strings.Count(a.Text, "\n") + 1; got != len(a.Blocks) {
			t.Fatalf("Text has %d lines, %d blocks", got, len(a.Blocks))
		}
	})
}

func FuzzPlain(f *testing.F) {
	for _, s := range []string{
		"",
		"\n\n",
		"One line.\nTwo lines.",
		"Caption here. (Photo credit: A B/C)",
		"Short post #tag\n— Name (@handle) May 1, 2020",
		"text — Name (@handle) May 1, 2020",
		"\u00a0 \u200b x \t\r\n",
		"\xff\xfe\n\xc3",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		blocks := extract.Plain(text)
		checkBlocks(t, text, blocks)
		for i, b := range blocks {
			s := b.Span.Of(text)
			if strings.TrimSpace(s) != s {
				t.Fatalf("block %d %q is not trimmed", i, s)
			}
			if strings.Contains(s, "\n") {
				t.Fatalf("block %d %q spans lines", i, s)
			}
		}
	})
}
