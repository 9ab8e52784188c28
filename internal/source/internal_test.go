package source

import (
	"testing"

	"github.com/annals-project/annals/internal/event"
	"github.com/google/go-cmp/cmp"
)

func TestSanitize(t *testing.T) {
	para := func(s, e int) event.Block {
		return event.Block{Kind: event.BlockParagraph, Span: event.Span{Start: s, End: e}}
	}
	tests := []struct {
		name        string
		in          event.Article
		wantText    string
		wantBlocks  []string
		wantRepairs []string
	}{{
		name:       "valid text untouched",
		in:         event.Article{Text: "Talks resumed.\nNo deal.", Blocks: []event.Block{para(0, 14), para(15, 23)}},
		wantText:   "Talks resumed.\nNo deal.",
		wantBlocks: []string{"Talks resumed.", "No deal."},
	}, {
		name:        "invalid bytes replaced, spans moved",
		in:          event.Article{Text: "Caf\xe9 shut.\n\xff\xfeRiots.", Blocks: []event.Block{para(0, 10), para(11, 19)}},
		wantText:    "Caf\ufffd shut.\n\ufffdRiots.",
		wantBlocks:  []string{"Caf\ufffd shut.", "\ufffdRiots."},
		wantRepairs: []string{"invalid UTF-8 at text offset 3 replaced (1 bytes)", "invalid UTF-8 at text offset 11 replaced (2 bytes)"},
	}, {
		name:       "span edge inside a replaced run",
		in:         event.Article{Text: "ab\xff\xffcd", Blocks: []event.Block{para(0, 3), para(3, 6)}},
		wantText:   "ab\ufffdcd",
		wantBlocks: []string{"ab\ufffd", "cd"},
		wantRepairs: []string{
			"invalid UTF-8 at text offset 2 replaced (2 bytes)",
		},
	}, {
		name:        "bad blocks dropped and recorded",
		in:          event.Article{Text: "One. Two.", Blocks: []event.Block{para(0, 4), para(2, 9), para(5, 40)}},
		wantText:    "One. Two.",
		wantBlocks:  []string{"One."},
		wantRepairs: []string{"dropped paragraph block [2,9): out of order or outside the text", "dropped paragraph block [5,40): out of order or outside the text"},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := tt.in
			sanitize(&a)
			if a.Text != tt.wantText {
				t.Errorf("Text = %q, want %q", a.Text, tt.wantText)
			}
			var got []string
			for _, b := range a.Blocks {
				got = append(got, b.Span.Of(a.Text))
			}
			if diff := cmp.Diff(tt.wantBlocks, got); diff != "" {
				t.Errorf("blocks mismatch (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.wantRepairs, a.Repairs); diff != "" {
				t.Errorf("Repairs mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestLooksHTML(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"<p>Troops withdrew.</p>", true},
		{"Troops withdrew.<br/>Talks began.", true},
		{"Losses were < 5% and gains > 2%.", false},
		{"Tom &amp; Jerry Ltd said profits rose.", true},
		{"Profits rose 5% & costs fell.", false},
		{"Plain text about the 3<4 rule", false},
	}
	for _, tt := range tests {
		if got := looksHTML(tt.in); got != tt.want {
			t.Errorf("looksHTML(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestFragmentText(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"paragraphs", "<p>Police fired tear gas.</p><p>Ten were hurt.</p>", "Police fired tear gas.\nTen were hurt."},
		{"line breaks and entities", "Talks &amp; trade<br>Second   line", "Talks & trade\nSecond line"},
		{"script dropped", "<div>Vote count<script>var x = '<p>';</script> began.</div>", "Vote count began."},
		{"list", "<ul><li>Ardena</li><li>Velsk</li></ul>", "Ardena\nVelsk"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := fragmentText(tt.in); got != tt.want {
				t.Errorf("fragmentText(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestSniff(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want kind
	}{
		{"text", "Rebels seized the airport.", kindText},
		{"html doctype", "\n\n<!DOCTYPE html><html><body><p>x</p></body></html>", kindHTML},
		{"html after junk", "Warning: header sent\n<html><body>x</body></html>", kindHTML},
		{"fragment", "<p>Rebels seized the airport.</p>", kindHTML},
		{"rss", `<?xml version="1.0"?><rss version="2.0"><channel></channel></rss>`, kindFeed},
		{"atom", `<feed xmlns="http://www.w3.org/2005/Atom"></feed>`, kindFeed},
		{"rdf", `<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"></rdf:RDF>`, kindFeed},
		{"json feed", `{"version": "https://jsonfeed.org/version/1.1", "items": []}`, kindFeed},
		{"jsonl candidate", `{"id": "a", "text": "x"}`, kindBraced},
		{"angle text", "<<< Breaking >>> Rebels seized the airport.", kindText},
		{"utf-16le", "\xff\xfeR\x00", kindUTF16LE},
		{"nul", "Rebels\x00seized", kindBinary},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got, _ := sniff([]byte(tt.in)); got != tt.want {
				t.Errorf("sniff(%q) = %v, want %v", tt.in, got, tt.want)
			}
		})
	}
}
