package export_test

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/annals-project/annals/internal/export"
	"github.com/annals-project/annals/internal/store"
)

// gdeltEventSchema is the GDELT 2.0 event record as GDELT's column-label
// file for the Events table (September 2016) lists it: name and type of
// each of the 61 tab-separated columns, in order. The test reads our rows
// back with it rather than with the package's own column list.
const gdeltEventSchema = `
GLOBALEVENTID INTEGER
SQLDATE INTEGER
MonthYear INTEGER
Year INTEGER
FractionDate FLOAT
Actor1Code STRING
Actor1Name STRING
Actor1CountryCode STRING
Actor1KnownGroupCode STRING
Actor1EthnicCode STRING
Actor1Religion1Code STRING
Actor1Religion2Code STRING
Actor1Type1Code STRING
Actor1Type2Code STRING
Actor1Type3Code STRING
Actor2Code STRING
Actor2Name STRING
Actor2CountryCode STRING
Actor2KnownGroupCode STRING
Actor2EthnicCode STRING
Actor2Religion1Code STRING
Actor2Religion2Code STRING
Actor2Type1Code STRING
Actor2Type2Code STRING
Actor2Type3Code STRING
IsRootEvent INTEGER
EventCode STRING
EventBaseCode STRING
EventRootCode STRING
QuadClass INTEGER
GoldsteinScale FLOAT
NumMentions INTEGER
NumSources INTEGER
NumArticles INTEGER
AvgTone FLOAT
Actor1Geo_Type INTEGER
Actor1Geo_FullName STRING
Actor1Geo_CountryCode STRING
Actor1Geo_ADM1Code STRING
Actor1Geo_ADM2Code STRING
Actor1Geo_Lat FLOAT
Actor1Geo_Long FLOAT
Actor1Geo_FeatureID STRING
Actor2Geo_Type INTEGER
Actor2Geo_FullName STRING
Actor2Geo_CountryCode STRING
Actor2Geo_ADM1Code STRING
Actor2Geo_ADM2Code STRING
Actor2Geo_Lat FLOAT
Actor2Geo_Long FLOAT
Actor2Geo_FeatureID STRING
ActionGeo_Type INTEGER
ActionGeo_FullName STRING
ActionGeo_CountryCode STRING
ActionGeo_ADM1Code STRING
ActionGeo_ADM2Code STRING
ActionGeo_Lat FLOAT
ActionGeo_Long FLOAT
ActionGeo_FeatureID STRING
DATEADDED INTEGER
SOURCEURL STRING
`

// gdeltMentionSchema is the GDELT 2.0 mentions record (column-label file
// for the eventMentions table): 16 tab-separated columns.
const gdeltMentionSchema = `
GLOBALEVENTID INTEGER
EventTimeDate INTEGER
MentionTimeDate INTEGER
MentionType INTEGER
MentionSourceName STRING
MentionIdentifier STRING
SentenceID INTEGER
Actor1CharOffset INTEGER
Actor2CharOffset INTEGER
ActionCharOffset INTEGER
InRawText INTEGER
Confidence INTEGER
MentionDocLen INTEGER
MentionDocTone FLOAT
MentionDocTranslationInfo STRING
Extras STRING
`

// parseSchema reads a schema description: one "Name TYPE" a line.
func parseSchema(tb testing.TB, s string) []export.Column {
	tb.Helper()
	var cols []export.Column
	for _, line := range strings.Split(strings.TrimSpace(s), "\n") {
		name, typ, ok := strings.Cut(line, " ")
		if !ok {
			tb.Fatalf("bad schema line %q", line)
		}
		cols = append(cols, export.Column{Name: name, Type: export.ColumnType(typ)})
	}
	return cols
}

// readTSV reads tab-separated records with schema: every line must have
// exactly len(schema) fields, and every non-empty field must parse as its
// column's type. It returns each record as a map from column name to text.
func readTSV(tb testing.TB, out string, schema []export.Column) []map[string]string {
	tb.Helper()
	if out == "" {
		return nil
	}
	if !strings.HasSuffix(out, "\n") {
		tb.Fatalf("output does not end in a newline: %q", out[max(0, len(out)-40):])
	}
	var recs []map[string]string
	for i, line := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		fields := strings.Split(line, "\t")
		if len(fields) != len(schema) {
			tb.Fatalf("line %d has %d fields, want %d:\n%q", i+1, len(fields), len(schema), line)
		}
		rec := map[string]string{}
		for j, c := range schema {
			v := fields[j]
			if err := checkType(v, c.Type); err != nil {
				tb.Errorf("line %d column %d %s = %q: %v", i+1, j+1, c.Name, v, err)
			}
			rec[c.Name] = v
		}
		recs = append(recs, rec)
	}
	return recs
}

// checkType reports whether v, unless empty, is a value of type t.
func checkType(v string, t export.ColumnType) error {
	if v == "" {
		return nil
	}
	switch t {
	case export.Integer:
		_, err := strconv.ParseInt(v, 10, 64)
		return err
	case export.Float:
		_, err := strconv.ParseFloat(v, 64)
		return err
	case export.String:
		if strings.ContainsAny(v, "\t\n\r") {
			return fmt.Errorf("string holds a tab or line break")
		}
		return nil
	}
	return fmt.Errorf("unknown type %q", t)
}

func byID(tb testing.TB, recs []map[string]string) map[string]map[string]string {
	tb.Helper()
	m := map[string]map[string]string{}
	for _, r := range recs {
		m[r["GLOBALEVENTID"]] = r
	}
	return m
}

func TestGDELTColumns(t *testing.T) {
	for _, tc := range []struct {
		name string
		got  []export.Column
		want string
		n    int
	}{
		{"events", export.GDELTEventColumns(), gdeltEventSchema, 61},
		{"mentions", export.GDELTMentionColumns(), gdeltMentionSchema, 16},
	} {
		t.Run(tc.name, func(t *testing.T) {
			want := parseSchema(t, tc.want)
			if len(want) != tc.n {
				t.Fatalf("test schema has %d columns, want %d", len(want), tc.n)
			}
			if diff := cmp.Diff(want, tc.got); diff != "" {
				t.Errorf("columns (-want +got):\n%s", diff)
			}
		})
	}
}

func TestExportGDELT(t *testing.T) {
	s, _ := MustFixtureStore(t)
	out, res := MustExport(t, s, export.FormatGDELT, store.EventFilter{})
	recs := readTSV(t, out, parseSchema(t, gdeltEventSchema))
	if want := (export.Result{Events: 9, Records: 9}); res != want {
		t.Errorf("Result = %+v, want %+v", res, want)
	}
	if len(recs) != 9 {
		t.Fatalf("got %d rows, want 9", len(recs))
	}
	rows := byID(t, recs)
	noGeo := map[string]string{"Type": "0", "FullName": "", "CountryCode": "", "ADM1Code": "", "ADM2Code": "",
		"Lat": "", "Long": "", "FeatureID": ""}
	noActor := map[string]string{"Code": "", "Name": "", "CountryCode": "", "KnownGroupCode": "", "EthnicCode": "",
		"Religion1Code": "", "Religion2Code": "", "Type1Code": "", "Type2Code": "", "Type3Code": ""}
	with := func(base map[string]string, prefix string, m map[string]string) {
		for k, v := range m {
			base[prefix+k] = v
		}
	}

	// The Nairobi march: two reports from two outlets, one event. Every
	// column is checked.
	march := itoa(eventID(t, s, "Thousands of farmers"))
	want := map[string]string{
		"GLOBALEVENTID": march, "SQLDATE": "20240312", "MonthYear": "202403", "Year": "2024",
		"FractionDate": "2024.1973",
		"IsRootEvent":  "1", "EventCode": "141", "EventBaseCode": "141", "EventRootCode": "14",
		"QuadClass": "4", "GoldsteinScale": "-6.5", "NumMentions": "2", "NumSources": "2", "NumArticles": "2",
		"AvgTone": "", "DATEADDED": "20240406093015",
		"SOURCEURL": "https://www.nairobi-ledger.example/news/fuel-tax-march",
	}
	with(want, "Actor1", map[string]string{"Code": "KENAGR", "Name": "FARMERS", "CountryCode": "KEN",
		"KnownGroupCode": "", "EthnicCode": "", "Religion1Code": "", "Religion2Code": "",
		"Type1Code": "AGR", "Type2Code": "", "Type3Code": ""})
	with(want, "Actor2", noActor)
	with(want, "Actor1Geo_", noGeo)
	with(want, "Actor2Geo_", noGeo)
	with(want, "ActionGeo_", map[string]string{"Type": "4", "FullName": "Nairobi, Nairobi, Kenya",
		"CountryCode": "KE", "ADM1Code": "KE", "ADM2Code": "", "Lat": "-1.28333", "Long": "36.81667",
		"FeatureID": ""})
	if diff := cmp.Diff(want, rows[march]); diff != "" {
		t.Errorf("march row (-want +got):\n%s", diff)
	}

	// Other rows: the columns each case is about.
	for _, tc := range []struct {
		name, sentence string
		want           map[string]string
	}{
		{"second paragraph is not root", "Police fired", map[string]string{
			"IsRootEvent": "0", "EventCode": "175", "Actor2Code": "KENOPP", "Actor2Name": "MARCHERS",
			"Actor2Type1Code": "OPP", "NumSources": "1", "GoldsteinScale": "-9",
		}},
		{"statement without place", "The finance minister", map[string]string{
			"EventCode": "010", "EventBaseCode": "010", "EventRootCode": "01", "QuadClass": "1",
			"GoldsteinScale": "0", "ActionGeo_Type": "0", "ActionGeo_FullName": "", "ActionGeo_Lat": "",
			"Actor1Name": "THE FINANCE MINISTER", "Actor1Type1Code": "GOV",
		}},
		{"US city", "Protesters gathered", map[string]string{
			"ActionGeo_Type": "3", "ActionGeo_FullName": "Austin, Texas, United States",
			"ActionGeo_CountryCode": "US", "ActionGeo_ADM1Code": "USTX", "ActionGeo_FeatureID": "",
			"SQLDATE": "20240405", "FractionDate": "2024.2603", "DATEADDED": "20240406093215",
		}},
		{"US state", "California lawmakers", map[string]string{
			"ActionGeo_Type": "2", "ActionGeo_FullName": "California, United States",
			"ActionGeo_ADM1Code": "USCA", "ActionGeo_FeatureID": "CA", "EventBaseCode": "073",
			"Actor1Type1Code": "LEG", "IsRootEvent": "0",
		}},
		{"unidentified gunmen", "Gunmen killed", map[string]string{
			"Actor1Code": "UAF", "Actor1CountryCode": "", "Actor1Type1Code": "UAF", "Actor2Code": "SYRCVL",
			"Actor2CountryCode": "SYR", "EventCode": "1823", "EventBaseCode": "182", "EventRootCode": "18",
			"ActionGeo_Type": "4", "ActionGeo_CountryCode": "SY", "ActionGeo_FullName": "Idlib, Idlib, Syria",
			"SOURCEURL": "http://idlib-monitor.example.net/reports/0310",
		}},
		{"world state, undated report without URL", "Government troops shelled", map[string]string{
			"ActionGeo_Type": "5", "ActionGeo_FullName": "North Darfur, Sudan", "ActionGeo_CountryCode": "SU",
			"ActionGeo_ADM1Code": "SU", "ActionGeo_FeatureID": "",
			// No date anywhere: the day it was stored (2024-04-06).
			"SQLDATE": "20240406", "MonthYear": "202404", "FractionDate": "2024.2630",
			"SOURCEURL": "Sudan Wire: Fighting in Darfur", "DATEADDED": "20240406093415",
		}},
		{"international organisation, Gaza", "The United Nations", map[string]string{
			"Actor1Code": "IGOUNO", "Actor1Name": "UNITED NATIONS", "Actor1CountryCode": "",
			"Actor1KnownGroupCode": "UNO", "Actor1Type1Code": "IGO", "Actor2Code": "ISR", "Actor2CountryCode": "ISR",
			"Actor2Type1Code": "", "EventCode": "0233", "EventBaseCode": "023", "EventRootCode": "02",
			"ActionGeo_Type": "5", "ActionGeo_CountryCode": "GZ", "ActionGeo_ADM1Code": "GZ",
			"ActionGeo_FullName": "Gaza Strip, Palestine",
		}},
		{"region prefix and known group", "The European Union", map[string]string{
			"Actor1Code": "IGOEUREEC", "Actor1CountryCode": "EUR", "Actor1KnownGroupCode": "EEC",
			"Actor1Type1Code": "IGO", "Actor1Type2Code": "", "Actor2Code": "IRNGOV", "Actor2CountryCode": "IRN",
			"Actor2Type1Code": "GOV", "ActionGeo_Type": "0",
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			row := rows[itoa(eventID(t, s, tc.sentence))]
			got := map[string]string{}
			for k := range tc.want {
				got[k] = row[k]
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("row (-want +got):\n%s", diff)
			}
		})
	}
}

func TestExportGDELTMentions(t *testing.T) {
	s, _ := MustFixtureStore(t)
	out, res := MustExport(t, s, export.FormatGDELTMentions, store.EventFilter{})
	recs := readTSV(t, out, parseSchema(t, gdeltMentionSchema))
	if want := (export.Result{Events: 9, Records: 10}); res != want {
		t.Errorf("Result = %+v, want %+v", res, want)
	}
	march := itoa(eventID(t, s, "Thousands of farmers"))
	var got []map[string]string
	for _, r := range recs {
		if r["GLOBALEVENTID"] == march {
			got = append(got, r)
		}
	}
	// The second report has a three-byte apostrophe before its actor and
	// verb: offsets count characters, not bytes.
	text := "In Nairobi\u2019s city centre, Kenyan farmers rallied on Tuesday"
	actorChars := len([]rune(text[:strings.Index(text, "Kenyan")]))
	verbChars := len([]rune(text[:strings.Index(text, "rallied")]))
	doc1 := "Thousands of farmers marched through Nairobi on Tuesday to protest against new fuel taxes.\n" +
		"Police fired tear gas at marchers near parliament and four people were hurt, witnesses said. " +
		"The finance minister said the government would review the levy."
	docLen := len([]rune("In Nairobi\u2019s city centre, Kenyan farmers rallied on Tuesday against fuel taxes, and organisers put the crowd at 5,000."))
	want := []map[string]string{{
		"GLOBALEVENTID": march, "EventTimeDate": "20240406093015", "MentionTimeDate": "20240406093015",
		"MentionType": "1", "MentionSourceName": "nairobi-ledger.example",
		"MentionIdentifier": "https://www.nairobi-ledger.example/news/fuel-tax-march",
		"SentenceID":        "1", "Actor1CharOffset": "13", "Actor2CharOffset": "-1", "ActionCharOffset": "21",
		"InRawText": "1", "Confidence": "90", "MentionDocLen": strconv.Itoa(len(doc1)), "MentionDocTone": "",
		"MentionDocTranslationInfo": "", "Extras": "",
	}, {
		"GLOBALEVENTID": march, "EventTimeDate": "20240406093015", "MentionTimeDate": "20240406093115",
		"MentionType": "1", "MentionSourceName": "dailyclarion.example.org",
		"MentionIdentifier": "https://dailyclarion.example.org/africa/kenya-farmers-rally",
		"SentenceID":        "1", "Actor1CharOffset": strconv.Itoa(actorChars), "Actor2CharOffset": "-1",
		"ActionCharOffset": strconv.Itoa(verbChars), "InRawText": "1", "Confidence": "85",
		"MentionDocLen": strconv.Itoa(docLen), "MentionDocTone": "", "MentionDocTranslationInfo": "", "Extras": "",
	}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("march mentions (-want +got):\n%s", diff)
	}

	// A document without URL is cited, with MentionType 2.
	darfur := itoa(eventID(t, s, "Government troops shelled"))
	for _, r := range recs {
		if r["GLOBALEVENTID"] != darfur {
			continue
		}
		if r["MentionType"] != "2" || r["MentionIdentifier"] != "Sudan Wire: Fighting in Darfur" {
			t.Errorf("Darfur mention type %s identifier %q, want 2 and the citation", r["MentionType"], r["MentionIdentifier"])
		}
	}
}

func TestExportFilterAndLimit(t *testing.T) {
	s, _ := MustFixtureStore(t)
	for _, tc := range []struct {
		name   string
		filter store.EventFilter
		want   int
	}{
		{"country", store.EventFilter{Country: "KEN"}, 2},
		{"root", store.EventFilter{CAMEO: []string{"14"}}, 2},
		{"limit across batches", store.EventFilter{Limit: 6}, 6},
		{"offset", store.EventFilter{Offset: 7}, 2},
		{"date order, limit", store.EventFilter{Order: store.OrderDateDesc, Limit: 5}, 5},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out, res := MustExport(t, s, export.FormatGDELT, tc.filter)
			recs := readTSV(t, out, parseSchema(t, gdeltEventSchema))
			if len(recs) != tc.want || res.Events != tc.want {
				t.Errorf("got %d rows, %d events, want %d", len(recs), res.Events, tc.want)
			}
			seen := map[string]bool{}
			for _, r := range recs {
				if seen[r["GLOBALEVENTID"]] {
					t.Errorf("event %s written twice", r["GLOBALEVENTID"])
				}
				seen[r["GLOBALEVENTID"]] = true
			}
		})
	}
}

func TestExportErrors(t *testing.T) {
	s, _ := MustFixtureStore(t)
	x, err := export.New(export.Config{})
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	if _, err := x.Export(context.Background(), &b, s, "csv", store.EventFilter{}); err == nil {
		t.Error("Export(csv) succeeded, want an error")
	}
	if _, err := x.Export(context.Background(), &b, s, export.FormatGDELT, store.EventFilter{QuadClass: 7}); err == nil {
		t.Error("Export with quad class 7 succeeded, want an error")
	}
	if _, err := export.ParseFormat("gdelt-mentions"); err != nil {
		t.Errorf("ParseFormat(gdelt-mentions) = %v", err)
	}
}
