package export_test

import (
	"bufio"
	"encoding/csv"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/annals-project/annals/internal/event"
	"github.com/annals-project/annals/internal/export"
	"github.com/annals-project/annals/internal/sharedtest"
	"github.com/annals-project/annals/internal/store"
)

// The tests in this file compare our output with third-party material in
// ../shared/data beside the repository; they skip when it is absent.

// TestSharedGDELTSchema checks the test's own schema descriptions against
// GDELT's column-label files.
func TestSharedGDELTSchema(t *testing.T) {
	dir := filepath.Join(sharedtest.Path(t, "data/gdelt"), "schema")
	t.Run("events", func(t *testing.T) {
		f, err := os.Open(filepath.Join(dir, "GDELT_2.0_Events_Column_Labels_Header_Row_Sep2016.csv"))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		recs, err := csv.NewReader(f).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		var got []export.Column
		for _, r := range recs[1:] { // header: tableId,dataType,Empty,Description
			got = append(got, export.Column{Name: r[0], Type: export.ColumnType(r[1])})
		}
		if diff := cmp.Diff(got, parseSchema(t, gdeltEventSchema)); diff != "" {
			t.Errorf("test schema vs GDELT's (-GDELT +test):\n%s", diff)
		}
	})
	t.Run("mentions", func(t *testing.T) {
		f, err := os.Open(filepath.Join(dir, "GDELT_2.0_eventMentions_Column_Labels_Header_Row_Sep2016.tsv"))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		var got []export.Column
		sc := bufio.NewScanner(f)
		sc.Buffer(nil, 1<<20)
		for sc.Scan() {
			fields := strings.Split(sc.Text(), "\t")
			if len(fields) < 3 {
				continue
			}
			if _, err := strconv.Atoi(fields[0]); err != nil || fields[2] == "" || fields[1] == "tableId" {
				continue // header and the trailing "Add New Fields" line
			}
			got = append(got, export.Column{Name: fields[1], Type: export.ColumnType(fields[2])})
		}
		if err := sc.Err(); err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(got, parseSchema(t, gdeltMentionSchema)); diff != "" {
			t.Errorf("test schema vs GDELT's (-GDELT +test):\n%s", diff)
		}
	})
}

// gdeltSample reads the real GDELT event rows: a header and 58 columns in
// the GDELT 1.0 / BigQuery layout, NULL for empty values.
func gdeltSample(t *testing.T) (header []string, rows [][]string) {
	t.Helper()
	f, err := os.Open(filepath.Join(sharedtest.Path(t, "data/gdelt"), "gdelt_events_usa_chn_2018_58col.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return recs[0], recs[1:]
}

// TestSharedGDELTSample compares our rows with real GDELT rows: the sample
// has 58 of our 61 columns (it lacks the three *_ADM2Code columns GDELT
// 2.0 added); in each shared column our values must be of the kind
// (integer, number) the sample's all are, and dates, codes and flags must
// have the width the format fixes. (The sample's DATEADDED is BigQuery's
// YYYYMMDD; GDELT 2.0's files, and ours, write YYYYMMDDHHMMSS.)
func TestSharedGDELTSample(t *testing.T) {
	header, sample := gdeltSample(t)
	if len(header) != 58 {
		t.Fatalf("sample has %d columns, want 58", len(header))
	}
	schema := parseSchema(t, gdeltEventSchema)
	index := map[string]int{}
	for i, c := range schema {
		index[c.Name] = i
	}
	var missing []string
	inSample := map[string]bool{}
	for _, h := range header {
		if _, ok := index[h]; !ok {
			t.Errorf("sample column %s is not a GDELT 2.0 column", h)
		}
		inSample[h] = true
	}
	for _, c := range schema {
		if !inSample[c.Name] {
			missing = append(missing, c.Name)
		}
	}
	if want := []string{"Actor1Geo_ADM2Code", "Actor2Geo_ADM2Code", "ActionGeo_ADM2Code"}; !cmp.Equal(want, missing) {
		t.Errorf("columns the sample lacks = %v, want %v", missing, want)
	}

	// Columns whose values have a width fixed by the format. (Not the
	// event codes: the sample's went through integer columns, which lost
	// their leading zeros, "01" becoming "1", as GDELT's schema warns.)
	widths := map[string]int{"SQLDATE": 8, "MonthYear": 6, "Year": 4, "IsRootEvent": 1,
		"QuadClass": 1, "Actor1CountryCode": 3, "Actor2CountryCode": 3, "Actor1Geo_Type": 1, "Actor2Geo_Type": 1,
		"ActionGeo_Type": 1, "Actor1Geo_CountryCode": 2, "Actor2Geo_CountryCode": 2, "ActionGeo_CountryCode": 2}
	type kind struct{ values, ints, floats int }
	kinds := make([]kind, len(header))
	for j, h := range header {
		for _, r := range sample {
			v := r[j]
			if v == "NULL" || v == "" {
				continue
			}
			kinds[j].values++
			if isInt(v) {
				kinds[j].ints++
			}
			if isFloat(v) {
				kinds[j].floats++
			}
			if w, ok := widths[h]; ok && len(v) != w {
				t.Errorf("sample %s %q: want %d characters", h, v, w)
			}
		}
	}

	s, _ := MustFixtureStore(t)
	out, _ := MustExport(t, s, export.FormatGDELT, store.EventFilter{})
	for _, row := range readTSV(t, out, schema) {
		for j, h := range header {
			v, k := row[h], kinds[j]
			if v == "" || k.values == 0 {
				continue
			}
			if k.ints == k.values && !isInt(v) {
				t.Errorf("event %s %s = %q, the sample's are integers", row["GLOBALEVENTID"], h, v)
			}
			if k.floats == k.values && !isFloat(v) {
				t.Errorf("event %s %s = %q, the sample's are numbers", row["GLOBALEVENTID"], h, v)
			}
			if w, ok := widths[h]; ok && len(v) != w {
				t.Errorf("event %s %s = %q, want %d characters", row["GLOBALEVENTID"], h, v, w)
			}
		}
	}
}

func isInt(s string) bool   { _, err := strconv.ParseInt(s, 10, 64); return err == nil }
func isFloat(s string) bool { _, err := strconv.ParseFloat(s, 64); return err == nil }

// TestSharedFractionDate checks our FractionDate against every sample row:
// GDELT computes ((month-1)*30+day)/365, not the codebook's month*30.
func TestSharedFractionDate(t *testing.T) {
	header, sample := gdeltSample(t)
	col := func(name string) int {
		for i, h := range header {
			if h == name {
				return i
			}
		}
		t.Fatalf("no column %s", name)
		return -1
	}
	sqlDate, frac := col("SQLDATE"), col("FractionDate")
	x, err := export.New(export.Config{})
	if err != nil {
		t.Fatal(err)
	}
	bad := 0
	for _, r := range sample {
		d := store.DateFromKey(atoi(t, r[sqlDate]))
		got := x.GDELTEvent(store.EventRecord{ID: 1, Event: event.Event{Date: d}}, nil)[4]
		g, _ := strconv.ParseFloat(got, 64)
		w, _ := strconv.ParseFloat(r[frac], 64)
		if math.Abs(g-w) > 0.00006 {
			if bad++; bad <= 5 {
				t.Errorf("SQLDATE %s: FractionDate %s, GDELT's %s", r[sqlDate], got, r[frac])
			}
		}
	}
	if bad > 0 {
		t.Errorf("%d of %d rows differ", bad, len(sample))
	}
}

// TestSharedFIPS checks that the FIPS country codes in GDELT's rows are
// codes of our table, and that our ISO numeric and FIPS codes agree with
// GeoNames' country table.
func TestSharedFIPS(t *testing.T) {
	tb, err := export.DefaultTables()
	if err != nil {
		t.Fatal(err)
	}
	ours := map[string]bool{}
	for _, iso3 := range allISO3(t) {
		c, _ := tb.Country(iso3)
		ours[c.FIPS] = true
	}
	t.Run("gdelt", func(t *testing.T) {
		header, sample := gdeltSample(t)
		for j, h := range header {
			if !strings.HasSuffix(h, "Geo_CountryCode") {
				continue
			}
			for _, r := range sample {
				// OS is GDELT's code for oceans and seas, not a country.
				if v := r[j]; v != "NULL" && v != "" && v != "OS" && !ours[v] {
					t.Errorf("%s %q is not a FIPS code of our table", h, v)
				}
			}
		}
	})
	t.Run("geonames", func(t *testing.T) {
		f, err := os.Open(filepath.Join(sharedtest.Path(t, "data/geonames"), "countryInfo.txt"))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		sc := bufio.NewScanner(f)
		n := 0
		for sc.Scan() {
			fields := strings.Split(sc.Text(), "\t")
			if strings.HasPrefix(sc.Text(), "#") || len(fields) < 5 {
				continue
			}
			iso3, num, fips := fields[1], fields[2], fields[3]
			c, ok := tb.Country(iso3)
			if !ok {
				continue // withdrawn codes GeoNames keeps (ANT, SCG)
			}
			n++
			if n, _ := strconv.Atoi(num); c.FIPS != fips || c.Numeric != n {
				t.Errorf("%s: ours numeric %d fips %q, GeoNames %s %q", iso3, c.Numeric, c.FIPS, num, fips)
			}
		}
		if err := sc.Err(); err != nil {
			t.Fatal(err)
		}
		if n < 240 {
			t.Errorf("compared %d countries, want at least 240", n)
		}
	})
}

// allISO3 lists the alpha-3 codes of our country table file.
func allISO3(t *testing.T) []string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("data", "countries.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, line := range strings.Split(string(data), "\n") {
		if line == "" || strings.HasPrefix(line, "#") || strings.HasPrefix(line, "iso3\t") {
			continue
		}
		out = append(out, strings.SplitN(line, "\t", 2)[0])
	}
	return out
}

func atoi(t *testing.T, s string) int {
	t.Helper()
	n, err := strconv.Atoi(s)
	if err != nil {
		t.Fatal(err)
	}
	return n
}
