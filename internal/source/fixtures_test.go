package source_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/nlnwa/gowarc/v3"
)

// writeBadFixtures regenerates the binary fixtures of testdata/bad
// (go test -update).
func writeBadFixtures(tb testing.TB) {
	tb.Helper()
	story := strings.Repeat("Witnesses said soldiers opened fire on demonstrators near the central market of Orvilla on Friday, killing at least two people.\n", 40)
	html := newsPage("Clashes in Orvilla", "2024-06-07", "Witnesses said soldiers opened fire on demonstrators near the central market of Orvilla on Friday.")
	recs := []warcRec{
		{typ: gowarc.Response, uri: "https://orvilla.example/news/1", date: "2024-06-07T12:00:00Z",
			contentType: "application/http;msgtype=response", block: httpResponse("200 OK", "text/html; charset=utf-8", html)},
		{typ: gowarc.Response, uri: "https://orvilla.example/news/2", date: "2024-06-07T12:01:00Z",
			contentType: "application/http;msgtype=response", block: httpResponse("200 OK", "text/html; charset=utf-8", html)},
	}
	warc, _ := buildWARC(tb, recs, false)
	warcGz, offs := buildWARC(tb, recs, true)
	gz := gzipBytes([]byte(story))
	corrupt := append([]byte(nil), gz...)
	for i := 20; i < 60 && i < len(corrupt)-8; i++ {
		corrupt[i] ^= 0x5a
	}
	var batch bytes.Buffer
	for i := 0; i < 200; i++ {
		batch.WriteString(`{"id": "t", "text": "Rescue teams searched the rubble of the collapsed school in Vennet for a third day."}` + "\n")
	}
	batchGz := gzipBytes(batch.Bytes())
	files := map[string][]byte{
		"binary.bad.bin":         append([]byte{0, 1, 2, 0xff, 0xfe, 0x80}, bytes.Repeat([]byte{0, 0x9c, 0x41, 0xd7}, 64)...),
		"controls.bad.txt":       append([]byte("A"), bytes.Repeat([]byte{1, 2, 3, 4, 5, 6, 7, 8}, 20)...),
		"empty.bad.txt":          {},
		"blank.bad.txt":          []byte("  \n\t\r\n   \n"),
		"truncated.bad.gz":       gz[:len(gz)/2],
		"corrupt.bad.gz":         corrupt,
		"nested.bad.gz":          gzipBytes(gzipBytes(gzipBytes([]byte(story)))),
		"truncated.bad.warc":     warc[:len(warc)-300],
		"truncated.bad.warc.gz":  warcGz[:offs[1]+(int64(len(warcGz))-offs[1])/2],
		"junk.bad.warc":          []byte("WARC/1.1\r\nthis is not a header line\r\n\x01\x02\x03 garbage\r\n\r\n"),
		"noitems.bad.xml":        []byte(`<?xml version="1.0"?><rss version="2.0"><channel><title>Empty wire</title><link>https://wire.example/</link></channel></rss>`),
		"broken.bad.xml":         []byte(`<?xml version="1.0"?><rss version="2.0"><channel><title>Broken wire</title><item><title>Talks <b>fail</title></item></channel>`),
		"nobody.bad.html":        []byte("<!DOCTYPE html><html><head><title></title></head><body><script>var x = 1;</script></body></html>"),
		"lines.bad.jsonl":        []byte("{\"id\": \"x\", \"text\": \"The minister sai\n{\"id\": \"y\"}\n"),
		"halfutf16.bad.txt":      {0xff, 0xfe, 0x41},
		"jsonl-truncated.bad.gz": batchGz[:len(batchGz)*3/4],
	}
	dir := filepath.Join("testdata", "bad")
	for name, b := range files {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			tb.Fatal(err)
		}
	}
}
