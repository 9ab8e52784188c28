package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestParseOPML(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		want    []string
		wantErr bool
	}{
		{"flat", `<opml version="2.0"><body><outline xmlUrl="https://a.example/rss"/><outline xmlUrl=" https://b.example/atom "/></body></opml>`,
			[]string{"https://a.example/rss", "https://b.example/atom"}, false},
		{"folders", `<?xml version="1.0"?><opml><head/><body><outline text="News"><outline xmlUrl="https://a.example/rss"/></outline><outline text="empty"/></body></opml>`,
			[]string{"https://a.example/rss"}, false},
		{"no feed", `<opml><body><outline text="nothing"/></body></opml>`, nil, true},
		{"not OPML", `<rss><channel/></rss>`, nil, true},
		{"truncated", `<opml><body><outline xmlUrl="https://a.example/rss"`, nil, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := parseOPML([]byte(tt.in))
			if (err != nil) != tt.wantErr {
				t.Fatalf("parseOPML error = %v, want error %v", err, tt.wantErr)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("parseOPML (-want +got):\n%s", diff)
			}
		})
	}
}

func FuzzParseOPML(f *testing.F) {
	f.Add([]byte(`<opml version="2.0"><body><outline text="x"><outline xmlUrl="https://a.example/rss"/></outline></body></opml>`))
	f.Add([]byte(`<opml><body><outline xmlUrl="`))
	f.Add([]byte(strings.Repeat("<outline>", 100)))
	f.Fuzz(func(t *testing.T, data []byte) {
		feeds, err := parseOPML(data)
		if err == nil && len(feeds) == 0 {
			t.Errorf("parseOPML(%q) = no feeds and no error", data)
		}
		for _, u := range feeds {
			if u == "" || strings.TrimSpace(u) != u {
				t.Errorf("parseOPML(%q): feed URL %q", data, u)
			}
		}
	})
}

func TestCountDocuments(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) string {
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	jl := write("a/batch.jsonl", "{\"text\":\"one\"}\n{\"text\":\"two\"}\n{\"text\":\"three\"}")
	txt := write("a/story.txt", "Ministers met in Rome.\n")
	write("a/.hidden.txt", "skipped")
	page := write("b/page.html", "<?xml version=\"1.0\"?>\n<html><body><p>Talks resumed.</p></body></html>")
	feed := write("c/feed.xml", "<?xml version=\"1.0\"?><rss><channel></channel></rss>")
	warc := write("c/crawl.warc", "WARC/1.1\r\n")
	gz := write("c/batch.jsonl.gz", "\x1f\x8b\x08")
	tests := []struct {
		name  string
		paths []string
		n     int
		ok    bool
	}{
		{"JSONL lines", []string{jl}, 3, true},
		{"directory", []string{filepath.Join(dir, "a")}, 4, true},
		{"glob and XHTML", []string{filepath.Join(dir, "a", "*.txt"), page}, 2, true},
		{"text", []string{txt}, 1, true},
		{"feed", []string{feed}, 0, false},
		{"WARC", []string{warc}, 0, false},
		{"gzip", []string{gz}, 0, false},
		{"stdin", []string{"-"}, 0, false},
		{"URL", []string{"https://a.example/rss"}, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n, ok := countDocuments(context.Background(), tt.paths)
			if n != tt.n || ok != tt.ok {
				t.Errorf("countDocuments = %d, %v; want %d, %v", n, ok, tt.n, tt.ok)
			}
		})
	}
}

func TestProgressLine(t *testing.T) {
	in := &ingester{}
	in.read.Store(40)
	in.added.Store(30)
	in.skipped.Store(10)
	in.mentions.Store(90)
	var b bytes.Buffer
	p := &progressLine{w: &b, show: true, ing: in, start: time.Now().Add(-2 * time.Second)}
	p.setTotal(100, true)
	p.draw()
	got := b.String()
	for _, want := range []string{"\r\x1b[K40 documents (30 stored, 10 skipped)", "documents/s", "events/s", "40% · ETA"} {
		if !strings.Contains(got, want) {
			t.Errorf("progress line %q lacks %q", got, want)
		}
	}
	b.Reset()
	p.Write([]byte("annals: bad.txt: empty document\n"))
	if got := b.String(); got != "\r\x1b[Kannals: bad.txt: empty document\n" {
		t.Errorf("a message over the progress line = %q, want the line cleared first", got)
	}
}
