package source_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"

	"github.com/annals-project/annals/internal/source"
	"github.com/nlnwa/gowarc/v3"
)

// FuzzRead feeds arbitrary bytes to ReadFrom. Whatever the input, reading
// must not panic, every error must be an *Error, and every article must
// have valid UTF-8 text with its blocks inside it, in order.
func FuzzRead(f *testing.F) {
	for _, dir := range []string{"read", "feed", "jsonl", "bad"} {
		files, _ := filepath.Glob(filepath.Join("testdata", dir, "*"))
		for _, file := range files {
			if b, err := os.ReadFile(file); err == nil && len(b) < 64<<10 {
				f.Add(b)
			}
		}
	}
	page := newsPage("Talks collapse", "2024-06-01", "Talks between the two sides collapsed on Saturday.")
	recs := []warcRec{{typ: gowarc.Response, uri: "https://news.example/a", date: "2024-06-01T10:00:00Z", contentType: httpResp,
		block: httpResponse("200 OK", "text/html", page)}}
	w, _ := buildWARC(f, recs, false)
	wgz, _ := buildWARC(f, recs, true)
	f.Add(w)
	f.Add(wgz)
	f.Add(w[:len(w)/2])
	f.Add(gzipBytes([]byte("Rebels shelled the town.\xff\n")))
	f.Add([]byte("\xff\xfe\x41\x00\x00\xd8"))
	f.Add([]byte("{\"id\":\"x\",\"html\":\"<p>a\xffb</p>\"}\n"))

	f.Fuzz(func(t *testing.T, in []byte) {
		ctx := context.Background()
		opts := source.Options{MaxBytes: 1 << 20}
		for a, err := range source.ReadFrom(ctx, "fuzz", bytes.NewReader(in), opts) {
			if err != nil {
				var se *source.Error
				if !errors.As(err, &se) {
					t.Fatalf("error %T %v is not a *source.Error", err, err)
				}
				continue
			}
			if !utf8.ValidString(a.Text) {
				t.Errorf("article %s: text is not valid UTF-8", a.ID)
			}
			if err := checkBlocks(a); err != nil {
				t.Errorf("article %s: %v", a.ID, err)
			}
		}
	})
}
