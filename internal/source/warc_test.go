package source_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/annals-project/annals/internal/source"
	"github.com/google/go-cmp/cmp"
	"github.com/nlnwa/gowarc/v3"
)

const httpResp = "application/http;msgtype=response"

// chunked gzips body and sends it in HTTP chunks of 100 bytes.
func chunked(body string) string {
	z := gzipBytes([]byte(body))
	var sb strings.Builder
	for len(z) > 0 {
		n := min(len(z), 100)
		fmt.Fprintf(&sb, "%x\r\n%s\r\n", n, z[:n])
		z = z[n:]
	}
	sb.WriteString("0\r\n\r\n")
	return sb.String()
}

// crawl is a small crawl: article pages among records to skip.
func crawl() []warcRec {
	talks := newsPage("Ministers agree on grain corridor", "2024-06-03T16:00:00Z",
		"Agriculture ministers from Ardena and Velsk agreed on Monday to open a corridor for grain shipments through the port of Sallo, officials said.",
		"The first ships are expected to sail next week.")
	undated := newsPage("Curfew lifted in Orvilla", "",
		"Authorities in Orvilla lifted a night-time curfew on Tuesday, a week after deadly clashes near the central market.")
	encoded := newsPage("Union calls general strike", "2024-06-05",
		"The country's largest trade union called a general strike for next Monday over plans to raise the retirement age.")
	resource := newsPage("Opposition leader released", "2024-06-06",
		"Opposition leader Dario Venn was released from detention on Thursday after 11 days, his lawyer said.")
	const date = "2024-06-04T10:00:00Z"
	return []warcRec{
		{typ: gowarc.Warcinfo, date: date, contentType: "application/warc-fields", block: "software: annals-test\r\nformat: WARC File Format 1.1\r\n"},
		{typ: gowarc.Request, uri: "https://news.example/talks", date: date, contentType: "application/http;msgtype=request",
			block: "GET /talks HTTP/1.1\r\nHost: news.example\r\n\r\n"},
		{typ: gowarc.Response, uri: "https://news.example/talks", date: date, contentType: httpResp,
			block: httpResponse("200 OK", "text/html; charset=utf-8", talks)},
		{typ: gowarc.Response, uri: "https://news.example/curfew", date: date, contentType: httpResp,
			block: httpResponse("200 OK", "text/html", undated)},
		{typ: gowarc.Response, uri: "https://news.example/missing", date: date, contentType: httpResp,
			block: httpResponse("404 Not Found", "text/html", newsPage("Not found", "", "The page you asked for does not exist on this server."))},
		{typ: gowarc.Response, uri: "https://news.example/logo.png", date: date, contentType: httpResp,
			block: httpResponse("200 OK", "image/png", "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")},
		{typ: gowarc.Response, uri: "https://news.example/strike", date: date, contentType: httpResp,
			block: httpResponse("200 OK", "text/html", chunked(encoded), "Content-Encoding: gzip", "Transfer-Encoding: chunked")},
		{typ: gowarc.Resource, uri: "https://news.example/venn", date: date, contentType: "text/html", block: resource},
		{typ: gowarc.Metadata, uri: "https://news.example/talks", date: date, contentType: "application/warc-fields", block: "outlinks: https://news.example/curfew\r\n"},
		{typ: gowarc.Response, uri: "https://news.example/blank", date: date, contentType: httpResp,
			block: httpResponse("200 OK", "text/html", "<html><head><title></title></head><body></body></html>")},
	}
}

func TestReadWARC(t *testing.T) {
	for _, gz := range []bool{false, true} {
		name := "crawl.warc"
		if gz {
			name += ".gz"
		}
		t.Run(name, func(t *testing.T) {
			data, offs := buildWARC(t, crawl(), gz)
			arts, errs := collect(t, source.ReadFrom(context.Background(), name, bytes.NewReader(data), source.Options{}))
			at := func(i int) string { return fmt.Sprintf("%s@%d", name, offs[i]) }
			want := []doc{
				{ID: "https://news.example/talks", URL: "https://news.example/talks", Title: "Ministers agree on grain corridor",
					Source: at(2), Published: "2024-06-03"},
				{ID: "https://news.example/curfew", URL: "https://news.example/curfew", Title: "Curfew lifted in Orvilla",
					Source: at(3), Published: "2024-06-04", PublishedAt: "2024-06-04T10:00:00Z"}, // from WARC-Date
				{ID: "https://news.example/strike", URL: "https://news.example/strike", Title: "Union calls general strike",
					Source: at(6), Published: "2024-06-05"},
				{ID: "https://news.example/venn", URL: "https://news.example/venn", Title: "Opposition leader released",
					Source: at(7), Published: "2024-06-06"},
			}
			has := []string{
				"grain shipments through the port of Sallo",
				"lifted a night-time curfew on Tuesday",
				"called a general strike for next Monday",
				"was released from detention on Thursday after 11 days",
			}
			var got []doc
			for i, a := range arts {
				d := summary(a, false)
				if d.Source != at(3) {
					d.PublishedAt = "" // pages with a date: whatever the extractor made of it
				}
				d.Repairs, d.Byline = nil, ""
				got = append(got, d)
				if i < len(has) && !strings.Contains(a.Text, has[i]) {
					t.Errorf("%s text lacks %q: %q", a.Source, has[i], a.Text)
				}
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("ReadFrom(%s) mismatch (-want +got):\n%s", name, diff)
			}
			wantErr := fmt.Sprintf("%s: offset %d: https://news.example/blank: empty document", name, offs[len(offs)-1])
			if len(errs) != 1 || !strings.HasPrefix(errs[0].Error(), wantErr) {
				t.Errorf("errors = %v, want one starting %q", errs, wantErr)
			}
		})
	}
}

// TestWARCFile reads a WARC.gz from disk, named as a user would name it.
func TestWARCFile(t *testing.T) {
	data, _ := buildWARC(t, crawl()[:4], true)
	dir := t.TempDir()
	path := filepath.Join(dir, "crawl-20240604.warc.gz")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	arts, errs := collect(t, source.Read(context.Background(), path, source.Options{}))
	if len(arts) != 2 || len(errs) != 0 {
		t.Errorf("Read(%s) = %d articles, errors %v; want 2 articles", path, len(arts), errs)
	}
}

func TestWARCNoPages(t *testing.T) {
	data, _ := buildWARC(t, crawl()[:2], false)
	arts, errs := readString(t, "info.warc", string(data), source.Options{})
	if len(arts) != 0 || len(errs) != 1 || !errors.Is(errs[0], source.ErrEmpty) {
		t.Errorf("got %d articles, errors %v; want only ErrEmpty", len(arts), errs)
	}
}

func TestWARCPayloadCap(t *testing.T) {
	page := newsPage("Budget passes", "2024-06-10", strings.Repeat("The lower house passed the budget on Monday by a narrow margin. ", 100))
	data, offs := buildWARC(t, []warcRec{
		{typ: gowarc.Response, uri: "https://news.example/budget", date: "2024-06-10T12:00:00Z", contentType: httpResp,
			block: httpResponse("200 OK", "text/html", page)},
	}, true)
	_, errs := readString(t, "big.warc.gz", string(data), source.Options{MaxBytes: 1024})
	want := fmt.Sprintf("big.warc.gz: offset %d: document too large", offs[0])
	if len(errs) != 1 || !errors.Is(errs[0], source.ErrTooLarge) || !strings.HasPrefix(errs[0].Error(), want) {
		t.Errorf("errors = %v, want one starting %q", errs, want)
	}
}
