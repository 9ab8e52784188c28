package source_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"flag"
	"fmt"
	"iter"
	"strings"
	"testing"
	"time"

	"github.com/annals-project/annals/internal/event"
	"github.com/annals-project/annals/internal/source"
	"github.com/nlnwa/gowarc/v3"
)

var update = flag.Bool("update", false, "regenerate the binary fixtures in testdata")

// A doc is the part of an Article a test compares.
type doc struct {
	ID          string
	URL         string
	Title       string
	Byline      string
	Source      string
	Published   string
	PublishedAt string // RFC 3339, "" when zero
	Text        string // compared in full when TextHas is nil
	Repairs     []string
}

// summary reduces an article to a doc. With full unset the text is left
// out (for pages, whose extracted text other tests pin down).
func summary(a *event.Article, full bool) doc {
	d := doc{
		ID: a.ID, URL: a.URL, Title: a.Title, Byline: a.Byline, Source: a.Source,
		Published: a.Published.String(), Repairs: a.Repairs,
	}
	if !a.PublishedAt.IsZero() {
		d.PublishedAt = a.PublishedAt.Format(time.RFC3339)
	}
	if full {
		d.Text = a.Text
	}
	return d
}

// collect drains an iterator, checking the invariants every article must
// keep: blocks within the text, in order, not overlapping.
func collect(tb testing.TB, seq iter.Seq2[*event.Article, error]) ([]*event.Article, []error) {
	tb.Helper()
	var (
		arts []*event.Article
		errs []error
	)
	for a, err := range seq {
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if a == nil {
			tb.Fatalf("nil article with nil error")
		}
		if err := checkBlocks(a); err != nil {
			tb.Errorf("%s: %v", a.Source, err)
		}
		arts = append(arts, a)
	}
	return arts, errs
}

func checkBlocks(a *event.Article) error {
	end := 0
	for i, b := range a.Blocks {
		if !b.Span.Valid(len(a.Text)) {
			return fmt.Errorf("block %d span %v outside text of %d bytes", i, b.Span, len(a.Text))
		}
		if b.Span.Start < end {
			return fmt.Errorf("block %d span %v starts before the previous block ends (%d)", i, b.Span, end)
		}
		end = b.Span.End
	}
	return nil
}

func errStrings(errs []error) []string {
	var s []string
	for _, e := range errs {
		s = append(s, e.Error())
	}
	return s
}

// readString reads an in-memory input named name.
func readString(tb testing.TB, name, in string, opts source.Options) ([]*event.Article, []error) {
	tb.Helper()
	return collect(tb, source.ReadFrom(context.Background(), name, strings.NewReader(in), opts))
}

// A warcRec is one record for buildWARC.
type warcRec struct {
	typ         gowarc.RecordType
	uri         string
	date        string // WARC-Date, RFC 3339
	contentType string // WARC Content-Type
	block       string
}

// httpResponse formats an HTTP response for a WARC response record.
func httpResponse(status, contentType, body string, extra ...string) string {
	var sb strings.Builder
	fmt.Fprintf(&sb, "HTTP/1.1 %s\r\nContent-Type: %s\r\n", status, contentType)
	for _, h := range extra {
		sb.WriteString(h + "\r\n")
	}
	if !strings.Contains(strings.Join(extra, "\n"), "Transfer-Encoding") {
		fmt.Fprintf(&sb, "Content-Length: %d\r\n", len(body))
	}
	sb.WriteString("\r\n")
	sb.WriteString(body)
	return sb.String()
}

// buildWARC writes records with gowarc's builder and marshaler, each
// gzipped on its own when gz is set. It returns the file and the offset of
// each record in it.
func buildWARC(tb testing.TB, recs []warcRec, gz bool) ([]byte, []int64) {
	tb.Helper()
	var (
		out     bytes.Buffer
		offsets []int64
	)
	for i, rc := range recs {
		rb := gowarc.NewRecordBuilder(rc.typ, gowarc.WithAddMissingDigest(true))
		if _, err := rb.WriteString(rc.block); err != nil {
			tb.Fatal(err)
		}
		rb.AddWarcHeader(gowarc.WarcRecordID, fmt.Sprintf("<urn:uuid:5e1c0000-0000-4000-8000-%012d>", i+1))
		rb.AddWarcHeader(gowarc.WarcDate, rc.date)
		rb.AddWarcHeader(gowarc.ContentType, rc.contentType)
		if rc.uri != "" {
			rb.AddWarcHeader(gowarc.WarcTargetURI, rc.uri)
		}
		rec, _, err := rb.Build()
		if err != nil {
			tb.Fatalf("build record %d: %v", i, err)
		}
		var raw bytes.Buffer
		if _, _, err := gowarc.NewMarshaler().Marshal(&raw, rec, 0); err != nil {
			tb.Fatalf("marshal record %d: %v", i, err)
		}
		rec.Close()
		offsets = append(offsets, int64(out.Len()))
		if gz {
			zw := gzip.NewWriter(&out)
			zw.Write(raw.Bytes())
			if err := zw.Close(); err != nil {
				tb.Fatal(err)
			}
		} else {
			out.Write(raw.Bytes())
		}
	}
	return out.Bytes(), offsets
}

// newsPage is a small article page for WARC and fetch tests.
func newsPage(title, date string, paras ...string) string {
	var sb strings.Builder
	sb.WriteString("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>" + title + "</title>\n")
	if date != "" {
		sb.WriteString(`<meta property="article:published_time" content="` + date + `">` + "\n")
	}
	sb.WriteString("</head><body><nav><a href=\"/\">Home</a></nav><article><h1>" + title + "</h1>\n")
	for _, p := range paras {
		sb.WriteString("<p>" + p + "</p>\n")
	}
	sb.WriteString("</article><footer>All rights reserved.</footer></body></html>\n")
	return sb.String()
}

// gzipBytes compresses b as one gzip member.
func gzipBytes(b []byte) []byte {
	var out bytes.Buffer
	zw := gzip.NewWriter(&out)
	zw.Write(b)
	zw.Close()
	return out.Bytes()
}
