package source_test

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/annals-project/annals/internal/source"
	"github.com/google/go-cmp/cmp"
)

func TestReadJSONLBatch(t *testing.T) {
	path := filepath.Join("testdata", "jsonl", "batch.jsonl")
	arts, errs := collect(t, source.Read(context.Background(), path, source.Options{}))
	var got []doc
	for _, a := range arts {
		d := summary(a, a.ID != "b-2")
		if a.ID == "b-2" {
			d.Repairs = nil // extracted from html: the extractor's business
		}
		got = append(got, d)
	}
	want := []doc{{
		ID: "b-1", URL: "https://wire.example/b-1", Title: "Talks on water rights stall", Source: path + ":1", Published: "2024-05-06",
		Text: "Talks between Ostra and Linden on sharing the river's water stalled on Monday, a spokesman for the Ostran delegation said.",
	}, {
		ID: "b-2", Source: path + ":2", Published: "2024-05-07", PublishedAt: "2024-05-07T22:30:00-04:00",
	}, {
		ID: "7", Source: path + ":7", Published: "2024-05-08", PublishedAt: "2024-05-08T09:00:00Z",
		Text: "The navy rescued 31 crew members from the ferry on Wednesday.",
	}, {
		ID: path + ":8", Source: path + ":8",
		Text: "Lawmakers opened an inquiry into the ferry accident on Thursday.",
	}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Read(batch.jsonl) mismatch (-want +got):\n%s", diff)
	}
	if len(arts) > 1 {
		for _, s := range []string{"Police in Harwick arrested 15 people", "Two officers were injured"} {
			if !strings.Contains(arts[1].Text, s) {
				t.Errorf("b-2 text lacks %q: %q", s, arts[1].Text)
			}
		}
	}
	wantErrs := []string{
		path + ":3: json: unexpected end of JSON input",
		path + `:5: no "text" or "html" field`,
		path + `:6: published "May 8th": want YYYY-MM-DD or RFC 3339`,
		path + ":9: empty document",
	}
	if diff := cmp.Diff(wantErrs, errStrings(errs)); diff != "" {
		t.Errorf("Read(batch.jsonl) errors mismatch (-want +got):\n%s", diff)
	}
	for _, err := range errs {
		var se *source.Error
		if !errors.As(err, &se) || se.Line == 0 {
			t.Errorf("error %v: want a *source.Error with a line", err)
		}
	}
}

func TestReadJSONL(t *testing.T) {
	long := strings.Repeat("Officials said the talks in the capital would continue. ", 5000) // ~280 KB, past any bufio buffer
	tests := []struct {
		name     string
		in       string
		max      int64
		wantIDs  []string
		wantErrs []string
		repairs  []string
	}{{
		name:    "long line",
		in:      `{"id": "long", "text": "` + long + `"}` + "\n" + `{"id": "after", "text": "Talks ended."}`,
		wantIDs: []string{"long", "after"},
	}, {
		name:     "line over the cap",
		in:       `{"id": "ok", "text": "A short item."}` + "\n" + `{"id": "long", "text": "` + long + `"}` + "\n" + `{"id": "after", "text": "Talks ended."}` + "\n",
		max:      64 << 10,
		wantIDs:  []string{"ok", "after"},
		wantErrs: []string{"in.jsonl:2: document too large: line over 65536 bytes"},
	}, {
		name:    "crlf, bom and no final newline",
		in:      "\ufeff{\"id\": \"a\", \"text\": \"Troops left the town.\"}\r\n\r\n{\"id\": \"b\", \"text\": \"Residents returned.\"}",
		wantIDs: []string{"a", "b"},
	}, {
		name:     "bad first line",
		in:       "{\"id\": \"a\", \"text\": \"cut\n{\"id\": \"b\", \"text\": \"The river rose again.\"}\n",
		wantIDs:  []string{"b"},
		wantErrs: []string{"in.jsonl:1: json: unexpected end of JSON input"},
	}, {
		name:    "invalid utf-8 recorded",
		in:      "{\"id\": \"a\", \"text\": \"Caf\xe9 owners protested.\"}\n",
		wantIDs: []string{"a"},
		repairs: []string{"invalid UTF-8 at byte offset 24 replaced (1 bytes)"},
	}, {
		name:     "not an object",
		in:       "{\"id\": \"a\", \"text\": \"Polls opened.\"}\n[1, 2]\n\"text\"\n",
		wantIDs:  []string{"a"},
		wantErrs: []string{"in.jsonl:2: json: want an object, got array", "in.jsonl:3: json: want an object, got string"},
	}, {
		name:     "wrong field type",
		in:       `{"id": "a", "text": 42}`,
		wantErrs: []string{`in.jsonl:1: json: field "text": want string, got number`},
	}, {
		name:     "bad id",
		in:       `{"id": {"x": 1}, "text": "Polls opened."}`,
		wantErrs: []string{`in.jsonl:1: json: id: want a string or number, got {"x": 1}`},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			arts, errs := readString(t, "in.jsonl", tt.in, source.Options{MaxBytes: tt.max})
			var ids []string
			var repairs []string
			for _, a := range arts {
				ids = append(ids, a.ID)
				repairs = append(repairs, a.Repairs...)
			}
			if diff := cmp.Diff(tt.wantIDs, ids); diff != "" {
				t.Errorf("IDs mismatch (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.wantErrs, errStrings(errs)); diff != "" {
				t.Errorf("errors mismatch (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.repairs, repairs); diff != "" {
				t.Errorf("repairs mismatch (-want +got):\n%s", diff)
			}
		})
	}
}
