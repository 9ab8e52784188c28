package extract_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/annals-project/annals/internal/event"
	"github.com/annals-project/annals/internal/extract"
	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "update golden files")

// TestHTMLGolden extracts each testdata/<case>.html and compares the
// Article, as JSON, with testdata/<case>.golden.
func TestHTMLGolden(t *testing.T) {
	pages, err := filepath.Glob(filepath.Join("testdata", "*.html"))
	if err != nil {
		t.Fatal(err)
	}
	if len(pages) == 0 {
		t.Fatal("no testdata/*.html")
	}
	for _, page := range pages {
		name := strings.TrimSuffix(filepath.Base(page), ".html")
		t.Run(name, func(t *testing.T) {
			a := mustExtract(t, page)
			checkArticle(t, a)
			got, err := json.MarshalIndent(a, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, '\n')
			golden := strings.TrimSuffix(page, ".html") + ".golden"
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if diff := cmp.Diff(string(want), string(got)); diff != "" {
				t.Errorf("HTML(%s) mismatch (-want +got):\n%s", page, diff)
			}
		})
	}
}

// TestHTMLBlocks checks, case by case, the facts the golden files hold
// that matter most, so that a careless -update cannot lose them.
func TestHTMLBlocks(t *testing.T) {
	a := mustExtract(t, filepath.Join("testdata", "tweet-caption.html"))
	var kinds []event.BlockKind
	for _, b := range a.Blocks {
		kinds = append(kinds, b.Kind)
	}
	wantKinds := []event.BlockKind{
		event.BlockCaption,
		event.BlockParagraph, event.BlockParagraph, event.BlockParagraph,
		event.BlockCaption,
		event.BlockParagraph, event.BlockParagraph,
		event.BlockPost, event.BlockSignature,
		event.BlockParagraph, event.BlockParagraph,
	}
	if diff := cmp.Diff(wantKinds, kinds); diff != "" {
		t.Fatalf("block kinds (-want +got):\n%s", diff)
	}
	if got, want := a.Blocks[0].Credit, "Anton Reyes/Ledger"; got != want {
		t.Errorf("lead caption credit = %q, want %q", got, want)
	}
	if got, want := a.Blocks[4].Credit, "Lena Okafor/Reuters"; got != want {
		t.Errorf("inline caption credit = %q, want %q", got, want)
	}
	sig := a.Blocks[8]
	if sig.Author != "Elena Varga" || sig.Handle != "ElenaVargaMin" || sig.Date != (event.Date{Year: 2023, Month: 3, Day: 14}) {
		t.Errorf("signature = %+v, want Elena Varga, ElenaVargaMin, 2023-03-14", sig)
	}
	for _, junk := range []string{"Advertisement", "Related stories", "Comments", "never fair", "All rights reserved", "Sport"} {
		if strings.Contains(a.Text, junk) {
			t.Errorf("text contains boilerplate %q", junk)
		}
	}

	tests := []struct {
		page      string
		published string
		at        string
		byline    string
	}{
		{"tweet-caption.html", "2023-03-14", "2023-03-14T09:30:00+01:00", "Mira Castell"},
		{"jsonld-date.html", "2022-09-05", "2022-09-05T06:15:00Z", "Tomas Lindqvist"},
		{"dateline-only.html", "2021-06-21", "", ""},
		{"boilerplate.html", "2024-02-08", "2024-02-08T17:45:00Z", ""},
	}
	for _, tt := range tests {
		t.Run(tt.page, func(t *testing.T) {
			a := mustExtract(t, filepath.Join("testdata", tt.page))
			if got := a.Published.String(); got != tt.published {
				t.Errorf("Published = %q, want %q", got, tt.published)
			}
			at := ""
			if !a.PublishedAt.IsZero() {
				at = a.PublishedAt.Format("2006-01-02T15:04:05Z07:00")
			}
			if at != tt.at {
				t.Errorf("PublishedAt = %q, want %q", at, tt.at)
			}
			if a.Byline != tt.byline {
				t.Errorf("Byline = %q, want %q", a.Byline, tt.byline)
			}
		})
	}
}

func TestHTMLOptionsURL(t *testing.T) {
	f, err := os.Open(filepath.Join("testdata", "tweet-caption.html"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	a, err := extract.HTML(f, extract.Options{URL: "https://mirror.example.net/a/1"})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := a.URL, "https://mirror.example.net/a/1"; got != want {
		t.Errorf("URL = %q, want %q", got, want)
	}
}

func TestHTMLCharset(t *testing.T) {
	// A page declared and encoded as ISO-8859-1: "é" is the single byte 0xE9.
	page := []byte("<html><head><meta charset=\"iso-8859-1\"><title>Caf\xe9 owners protest</title></head><body><article><h1>Caf\xe9 owners protest</h1>" +
		strings.Repeat("<p>Owners of caf\xe9s in the old town marched to city hall on Friday to protest against a new tax on outdoor seating.</p>", 4) +
		"</article></body></html>")
	a, err := extract.HTML(bytes.NewReader(page), extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(a.Text, "cafés") {
		t.Errorf("Text = %q, want it to contain %q", a.Text, "cafés")
	}
	if diff := cmp.Diff([]string{"decoded from windows-1252"}, a.Repairs); diff != "" {
		t.Errorf("Repairs (-want +got):\n%s", diff)
	}
}

func TestHTMLErrors(t *testing.T) {
	tests := []struct {
		name  string
		input string
		want  error
	}{
		{"empty", "", extract.ErrNotHTML},
		{"white space", " \n\t ", extract.ErrNotHTML},
		{"plain text", "Protesters marched through the capital on Sunday.", extract.ErrNotHTML},
		{"binary", "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", extract.ErrNotHTML},
		{"markup without text", "<html><body><div><img src=a.png></div></body></html>", extract.ErrNoContent},
		{"scripts only", "<html><head><script>var a = 1;</script></head><body><script>b()</script></body></html>", extract.ErrNoContent},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := extract.HTML(strings.NewReader(tt.input), extract.Options{})
			if !errors.Is(err, tt.want) {
				t.Errorf("HTML(%q) = %v, %v; want error %v", tt.input, a, err, tt.want)
			}
		})
	}
}

func TestHTMLReadError(t *testing.T) {
	want := errors.New("connection reset")
	_, err := extract.HTML(errReader{want}, extract.Options{})
	if !errors.Is(err, want) {
		t.Errorf("HTML(failing reader) error = %v, want %v", err, want)
	}
}

type errReader struct{ err error }

func (r errReader) Read([]byte) (int, error) { return 0, r.err }

func mustExtract(tb testing.TB, path string) *event.Article {
	tb.Helper()
	f, err := os.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	a, err := extract.HTML(f, extract.Options{})
	if err != nil {
		tb.Fatalf("HTML(%s): %v", path, err)
	}
	return a
}

// checkArticle checks checkBlocks's invariants and that the text is
// valid UTF-8, which HTML guarantees whatever its input.
func checkArticle(tb testing.TB, a *event.Article) {
	tb.Helper()
	if !utf8.ValidString(a.Text) {
		tb.Errorf("text is not valid UTF-8")
	}
	checkBlocks(tb, a.Text, a.Blocks)
}

// checkBlocks checks the invariants every extraction keeps: blocks in
// bounds, ordered, not overlapping, not empty.
func checkBlocks(tb testing.TB, text string, blocks []event.Block) {
	tb.Helper()
	prev := 0
	for i, b := range blocks {
		if !b.Span.Valid(len(text)) {
			tb.Fatalf("block %d span %v out of bounds (len %d)", i, b.Span, len(text))
		}
		if b.Span.Start < prev {
			tb.Fatalf("block %d span %v overlaps or precedes the previous block (end %d)", i, b.Span, prev)
		}
		if strings.TrimSpace(b.Span.Of(text)) == "" {
			tb.Fatalf("block %d span %v is empty", i, b.Span)
		}
		prev = b.Span.End
	}
}
