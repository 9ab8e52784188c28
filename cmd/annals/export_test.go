package main_test

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/annals-project/annals/internal/event"
	"github.com/annals-project/annals/internal/store"
	"github.com/annals-project/annals/internal/store/sqlite"
)

// MustExportStore writes a SQLite store with two short reports of our own
// to a temporary directory and returns its path.
func MustExportStore(tb testing.TB) string {
	tb.Helper()
	file := filepath.Join(tb.TempDir(), "annals.db")
	ctx := context.Background()
	s, err := sqlite.Open(ctx, file, sqlite.Options{})
	if err != nil {
		tb.Fatal(err)
	}
	defer s.Close()
	docs := []struct {
		url, published, text, verb, actor, code, country, cameo, plover, acled, acledSub, place string
		lat, lon                                                                                float64
	}{
		{"https://harbour-times.example/port-strike", "2024-05-02",
			"Dock workers walked out at the port of Mombasa on Thursday, halting container traffic.",
			"walked out", "Dock workers", "KENLAB", "KEN", "143", "PROTEST", "Protests", "Peaceful protest",
			"Mombasa", -4.05466, 39.66359},
		{"https://valley-courier.example/minister-visit", "2024-05-03",
			"The Ugandan foreign minister met his Kenyan counterpart in Kampala on Friday.",
			"met", "The Ugandan foreign minister", "UGAGOV", "UGA", "036", "", "", "",
			"Kampala", 0.31628, 32.58219},
	}
	for _, d := range docs {
		i := strings.Index(d.text, d.verb)
		j := strings.Index(d.text, d.actor)
		k := strings.Index(d.text, d.place)
		pub, _ := event.ParseDate(d.published)
		a := &event.Article{ID: d.url, URL: d.url, Text: d.text, Published: pub, Anchor: pub}
		e := event.Event{
			Text: d.text, Span: event.Span{Start: i, End: i + len(d.verb)},
			Source: &event.Actor{Text: d.actor, Code: d.code, Country: d.country, Role: d.code[3:],
				Span: event.Span{Start: j, End: j + len(d.actor)}},
			CAMEO: d.cameo, Root: d.cameo[:2], QuadClass: 4, Goldstein: -6.5, PLOVER: d.plover,
			ACLEDType: d.acled, ACLEDSubtype: d.acledSub, Date: pub, DatePrecision: "day",
			Location: &event.Location{Name: d.place, Country: d.country, Lat: d.lat, Lon: d.lon, Precision: "city",
				Span: event.Span{Start: k, End: k + len(d.place)}},
			Confidence: 0.8, Rule: "test",
		}
		if _, err := s.PutDocument(ctx, store.NewDocument(&event.Coded{Document: a, Events: []event.Event{e}}), nil); err != nil {
			tb.Fatal(err)
		}
	}
	return file
}

func TestExportCommand(t *testing.T) {
	db := MustExportStore(t)
	for _, tc := range []struct {
		name  string
		args  []string
		check func(t *testing.T, out string)
	}{
		{"gdelt", []string{"--format", "gdelt"}, func(t *testing.T, out string) {
			lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
			if len(lines) != 2 {
				t.Fatalf("got %d rows, want 2", len(lines))
			}
			for _, l := range lines {
				if n := len(strings.Split(l, "\t")); n != 61 {
					t.Errorf("row has %d columns, want 61: %q", n, l)
				}
			}
		}},
		{"gdelt mentions, limit", []string{"--format", "gdelt-mentions", "--limit", "1"}, func(t *testing.T, out string) {
			lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
			if len(lines) != 1 || len(strings.Split(lines[0], "\t")) != 16 {
				t.Errorf("got %q, want one row of 16 columns", out)
			}
		}},
		{"acled, country filter", []string{"--format", "acled", "--country", "KEN", "--since", "2024-05-01"}, func(t *testing.T, out string) {
			recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
			if err != nil {
				t.Fatal(err)
			}
			if len(recs) != 2 || recs[0][0] != "event_id_cnty" || recs[1][5] != "Protests" {
				t.Errorf("got %q, want a header and the Mombasa strike", recs)
			}
		}},
		{"plover", []string{"--format", "plover"}, func(t *testing.T, out string) {
			var r map[string]any
			if err := json.Unmarshal([]byte(strings.TrimSpace(out)), &r); err != nil || r["event"] == nil {
				t.Errorf("got %q (%v), want one PLOVER record", out, err)
			}
		}},
		{"geojson, bbox", []string{"--format", "geojson", "--bbox", "39,-5,40,-4"}, func(t *testing.T, out string) {
			var fc struct {
				Features []json.RawMessage `json:"features"`
			}
			if err := json.Unmarshal([]byte(out), &fc); err != nil || len(fc.Features) != 1 {
				t.Errorf("got %q (%v), want one feature", out, err)
			}
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out, errs, code := MustRun(t, "", append([]string{"export", "--db", db}, tc.args...)...)
			if code != 0 {
				t.Fatalf("exit %d, stderr:\n%s", code, errs)
			}
			if !strings.Contains(errs, "annals: exported") {
				t.Errorf("stderr = %q, want a summary", errs)
			}
			tc.check(t, out)
		})
	}
}

func TestExportCommandOut(t *testing.T) {
	db := MustExportStore(t)
	path := filepath.Join(t.TempDir(), "events.geojson")
	out, errs, code := MustRun(t, "", "export", "--db", db, "--format", "geojson", "--out", path)
	if code != 0 || out != "" {
		t.Fatalf("exit %d, stdout %q, stderr:\n%s", code, out, errs)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !json.Valid(data) {
		t.Errorf("%s is not JSON:\n%s", path, data)
	}
	entries, _ := os.ReadDir(filepath.Dir(path))
	if len(entries) != 1 {
		t.Errorf("directory holds %d files, want only %s", len(entries), filepath.Base(path))
	}
}

func TestExportCommandErrors(t *testing.T) {
	db := MustExportStore(t)
	missing := filepath.Join(t.TempDir(), "none.db")
	for _, tc := range []struct {
		name string
		args []string
		code int
		want string
	}{
		{"format", []string{"--db", db, "--format", "csv"}, 2, "want one of gdelt"},
		{"date", []string{"--db", db, "--since", "May 2024"}, 2, "--since"},
		{"root", []string{"--db", db, "--root", "21"}, 2, "--root"},
		{"bbox", []string{"--db", db, "--bbox", "1,2,3"}, 2, "--bbox"},
		{"argument", []string{"--db", db, "extra"}, 2, "flags only"},
		{"no store", []string{"--db", missing}, 1, "no store at"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, errs, code := MustRun(t, "", append([]string{"export"}, tc.args...)...)
			if code != tc.code || !strings.Contains(errs, tc.want) {
				t.Errorf("exit %d, stderr %q; want exit %d and %q", code, errs, tc.code, tc.want)
			}
		})
	}
	if _, err := os.Stat(missing); err == nil {
		t.Errorf("export created %s", missing)
	}
}
