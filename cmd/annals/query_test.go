package main_test

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/annals-project/annals/internal/store"
	"github.com/annals-project/annals/internal/store/sqlite"
	"github.com/annals-project/annals/internal/store/storetest"
)

// MustQueryStore writes a SQLite store of synthetic documents (40 of them,
// five events each, no deduplication) and returns its path.
func MustQueryStore(tb testing.TB) string {
	tb.Helper()
	path := filepath.Join(tb.TempDir(), "annals.db")
	s, err := sqlite.Open(context.Background(), path, sqlite.Options{})
	if err != nil {
		tb.Fatal(err)
	}
	defer s.Close()
	for _, d := range storetest.Synthetic(40, 3) {
		if _, err := s.PutDocument(context.Background(), d, nil); err != nil {
			tb.Fatal(err)
		}
	}
	return path
}

func TestQuery(t *testing.T) {
	db := MustQueryStore(t)
	decode := func(t *testing.T, out string) []store.EventRecord {
		t.Helper()
		var evs []store.EventRecord
		for line := range strings.Lines(out) {
			var e store.EventRecord
			if err := json.Unmarshal([]byte(line), &e); err != nil {
				t.Fatalf("not a JSON line: %v\n%s", err, line)
			}
			evs = append(evs, e)
		}
		return evs
	}

	t.Run("table", func(t *testing.T) {
		out, errs, code := MustRun(t, "", "query", "--db", db, "--limit", "5")
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errs)
		}
		lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
		if len(lines) != 6 || !regexp.MustCompile(`^ID +DATE +EVENT +SOURCE +TARGET +PLACE +SRC +MENT$`).MatchString(lines[0]) {
			t.Fatalf("want a header and 5 rows, got:\n%s", out)
		}
		col := strings.Index(lines[0], "DATE")
		for _, l := range lines[1:] {
			if !regexp.MustCompile(`^\d{4}-\d\d-\d\d `).MatchString(l[col:]) {
				t.Errorf("row not aligned under DATE: %q", l)
			}
		}
		if !strings.Contains(errs, "5 events shown, more match: add --cursor ") {
			t.Errorf("stderr = %q, want the cursor of the next page", errs)
		}
	})
	t.Run("json lines and paging", func(t *testing.T) {
		all, _, code := MustRun(t, "", "query", "--db", db, "--format", "json", "--limit", "0", "--order", "id")
		if code != 0 {
			t.Fatal("exit", code)
		}
		evs := decode(t, all)
		if len(evs) != 200 {
			t.Fatalf("got %d events, want 200", len(evs))
		}
		first, errs, _ := MustRun(t, "", "query", "--db", db, "--format", "json", "--limit", "150", "--order", "id")
		cursor := regexp.MustCompile(`--cursor (\S+)`).FindStringSubmatch(errs)
		if cursor == nil {
			t.Fatalf("no cursor in %q", errs)
		}
		rest, errs, _ := MustRun(t, "", "query", "--db", db, "--format", "json", "--limit", "150", "--order", "id", "--cursor", cursor[1])
		if strings.Contains(errs, "--cursor") {
			t.Errorf("last page offers a cursor: %q", errs)
		}
		if got := len(decode(t, first)) + len(decode(t, rest)); got != 200 || first+rest != all {
			t.Errorf("two pages give %d events, want the 200 of one", got)
		}
	})
	t.Run("filters", func(t *testing.T) {
		for _, tt := range []struct {
			args  []string
			check func(store.EventRecord) bool
		}{
			{[]string{"--country", "KEN"}, func(e store.EventRecord) bool { return e.Location.Country == "KEN" }},
			{[]string{"--root", "19", "--from", "2024-01-20", "--to", "2024-01-31"}, func(e store.EventRecord) bool {
				d := e.Date.String()
				return e.Root == "19" && d >= "2024-01-20" && d <= "2024-01-31"
			}},
			{[]string{"--actor", "FRA", "--quad-class", "4"}, func(e store.EventRecord) bool {
				return e.QuadClass == 4 && (strings.HasPrefix(e.Source.Code, "FRA") || e.Target != nil && strings.HasPrefix(e.Target.Code, "FRA"))
			}},
			{[]string{"--near", "-1.29,36.82", "--radius-km", "10"}, func(e store.EventRecord) bool { return e.Location.Name == "Nairobi" }},
			{[]string{"--bbox", "-100,10,-90,25"}, func(e store.EventRecord) bool { return e.Location.Name == "Mexico City" }},
			{[]string{"-q", "sanctions"}, func(e store.EventRecord) bool { return strings.Contains(e.Text, "sanctions") }},
			{[]string{"--plover", "protest"}, func(e store.EventRecord) bool { return e.PLOVER == "PROTEST" }},
			{[]string{"--acled-type", "Battles"}, func(e store.EventRecord) bool { return e.ACLEDType == "Battles" }},
			{[]string{"--min-sources", "1", "--cameo", "040,071"}, func(e store.EventRecord) bool { return e.CAMEO == "040" || e.CAMEO == "071" }},
		} {
			t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
				out, errs, code := MustRun(t, "", append([]string{"query", "--db", db, "--format", "json", "--limit", "0"}, tt.args...)...)
				if code != 0 {
					t.Fatalf("exit %d: %s", code, errs)
				}
				evs := decode(t, out)
				if len(evs) == 0 {
					t.Fatal("no event matches")
				}
				for _, e := range evs {
					if !tt.check(e) {
						t.Errorf("event %d does not match the filter: %+v", e.ID, e)
					}
				}
			})
		}
	})
	t.Run("csv", func(t *testing.T) {
		out, _, code := MustRun(t, "", "query", "--db", db, "--format", "csv", "--limit", "7", "--country", "FRA")
		if code != 0 {
			t.Fatal("exit", code)
		}
		rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		if len(rows) != 8 || rows[0][0] != "id" || rows[0][len(rows[0])-1] != "text" {
			t.Fatalf("want a header and 7 rows, got %d rows: %v", len(rows), rows[0])
		}
		for _, r := range rows[1:] {
			if r[14] != "FRA" || len(r) != len(rows[0]) {
				t.Errorf("row %v: country %q, want FRA", r[:3], r[14])
			}
		}
	})
	for _, tt := range []struct {
		name   string
		args   []string
		code   int
		stderr string
	}{
		{"bad filter names the flag", []string{"--quad-class", "9"}, 2, "--quad-class"},
		{"bad format", []string{"--format", "xml"}, 2, "--format"},
		{"bad box", []string{"--bbox", "1,2"}, 2, "--bbox"},
		{"arguments", []string{"extra"}, 2, "flags only"},
		{"missing store", []string{"--db", filepath.Join(t.TempDir(), "none.db")}, 1, "no store at"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			args := append([]string{"query", "--db", db}, tt.args...)
			_, errs, code := MustRun(t, "", args...)
			if code != tt.code || !strings.Contains(errs, tt.stderr) {
				t.Errorf("exit %d, stderr %q; want %d and %q", code, errs, tt.code, tt.stderr)
			}
		})
	}
}
