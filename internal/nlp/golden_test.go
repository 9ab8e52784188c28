package nlp_test

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/annals-project/annals/internal/event"
	"github.com/annals-project/annals/internal/nlp"
)

var update = flag.Bool("update", false, "update golden files")

// blankLineArticle reads a golden input: blocks are separated by blank
// lines, and a block may span several lines.
func blankLineArticle(text string) *event.Article {
	a := &event.Article{Text: text}
	start := 0
	for start < len(text) {
		end := strings.Index(text[start:], "\n\n")
		if end < 0 {
			end = len(text)
		} else {
			end += start
		}
		s, e := start, end
		for s < e && text[s] == '\n' {
			s++
		}
		for e > s && text[e-1] == '\n' {
			e--
		}
		if s < e {
			a.Blocks = append(a.Blocks, event.Block{Kind: event.BlockParagraph, Span: event.Span{Start: s, End: e}})
		}
		start = end + 2
	}
	return a
}

// flagString renders flags as letters: C cap, A all caps, U upper,
// I initial, . abbreviation, - hyphen, 9 digit, ' apostrophe,
// c contraction.
func flagString(f nlp.Flag) string {
	const letters = "CAUI.-9'c"
	var b strings.Builder
	for i := range len(letters) {
		if f&(1<<i) != 0 {
			b.WriteByte(letters[i])
		}
	}
	return b.String()
}

// golden compares got with testdata/<dir>/<name>.golden, or rewrites it
// under -update.
func golden(t *testing.T, dir, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", dir, name+".golden")
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read golden file (run with -update to create it): %v", err)
	}
	if diff := cmp.Diff(string(want), string(got)); diff != "" {
		t.Errorf("%s mismatch (-want +got):\n%s", path, diff)
	}
}

// inputs returns the names of the .in files in testdata/dir.
func inputs(t *testing.T, dir string) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("testdata", dir, "*.in"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no inputs in testdata/%s: %v", dir, err)
	}
	var names []string
	for _, f := range files {
		names = append(names, strings.TrimSuffix(filepath.Base(f), ".in"))
	}
	return names
}

// TestSentencesGolden segments testdata/sentences/*.in, whose blocks are
// separated by blank lines, and prints one sentence a line: index, block,
// span and text (newlines shown as ⏎).
func TestSentencesGolden(t *testing.T) {
	for _, name := range inputs(t, "sentences") {
		t.Run(name, func(t *testing.T) {
			in, err := os.ReadFile(filepath.Join("testdata", "sentences", name+".in"))
			if err != nil {
				t.Fatal(err)
			}
			a := blankLineArticle(string(in))
			var out bytes.Buffer
			for _, s := range nlp.Sentences(a) {
				fmt.Fprintf(&out, "%d b%d %v %s\n", s.Index, s.Block, s.Span, strings.ReplaceAll(s.Span.Of(a.Text), "\n", "⏎"))
			}
			golden(t, "sentences", name, out.Bytes())
		})
	}
}

// TestTokensGolden tokenises each sentence of testdata/tokens/*.in (one
// block a line) and prints one token a line: text, kind and flags.
func TestTokensGolden(t *testing.T) {
	for _, name := range inputs(t, "tokens") {
		t.Run(name, func(t *testing.T) {
			in, err := os.ReadFile(filepath.Join("testdata", "tokens", name+".in"))
			if err != nil {
				t.Fatal(err)
			}
			a := lineArticle(strings.TrimRight(string(in), "\n"))
			var out bytes.Buffer
			var toks []nlp.Token
			for _, s := range nlp.Sentences(a) {
				fmt.Fprintf(&out, "# %s\n", s.Span.Of(a.Text))
				toks = nlp.Tokens(a.Text, s.Span, toks[:0])
				for _, tok := range toks {
					fmt.Fprintf(&out, "%-28s %-8v %-5s %s\n", tok.Span.Of(a.Text), tok.Kind, flagString(tok.Flags), nlp.Norm(a.Text, tok))
				}
			}
			golden(t, "tokens", name, out.Bytes())
		})
	}
}
