package export_test

import (
	"encoding/csv"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/annals-project/annals/internal/event"
	"github.com/annals-project/annals/internal/export"
	"github.com/annals-project/annals/internal/store"
)

// acledHeader is ACLED's column list (ACLED Codebook 2023, export columns
// as listed for the data export tool), written here independently of the
// package.
var acledHeader = strings.Fields(`event_id_cnty event_date year time_precision disorder_type event_type
sub_event_type actor1 assoc_actor_1 inter1 actor2 assoc_actor_2 inter2 interaction civilian_targeting
iso region country admin1 admin2 admin3 location latitude longitude geo_precision source source_scale
notes fatalities tags timestamp`)

func TestExportACLED(t *testing.T) {
	s, _ := MustFixtureStore(t)
	out, res := MustExport(t, s, export.FormatACLED, store.EventFilter{})
	if want := (export.Result{Events: 9, Records: 5, Skipped: 4}); res != want {
		t.Errorf("Result = %+v, want %+v", res, want)
	}
	r := csv.NewReader(strings.NewReader(out))
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatalf("output is not CSV: %v\n%s", err, out)
	}
	if len(recs) == 0 {
		t.Fatal("no header")
	}
	if diff := cmp.Diff(acledHeader, recs[0]); diff != "" {
		t.Fatalf("header (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(acledHeader, export.ACLEDColumns()); diff != "" {
		t.Errorf("ACLEDColumns (-want +got):\n%s", diff)
	}
	rows := map[string]map[string]string{} // by event_id_cnty
	for _, rec := range recs[1:] {
		row := map[string]string{}
		for i, c := range acledHeader {
			row[c] = rec[i]
		}
		for _, c := range []string{"year", "time_precision", "inter1", "inter2", "interaction", "iso",
			"geo_precision", "fatalities", "timestamp"} {
			if v := row[c]; v != "" {
				if _, err := strconv.Atoi(v); err != nil {
					t.Errorf("%s %s = %q, want an integer", row["event_id_cnty"], c, v)
				}
			}
		}
		for _, c := range []string{"latitude", "longitude"} {
			if v := row[c]; v != "" {
				if _, err := strconv.ParseFloat(v, 64); err != nil {
					t.Errorf("%s %s = %q, want a number", row["event_id_cnty"], c, v)
				}
			}
		}
		if _, err := time.Parse(time.DateOnly, row["event_date"]); err != nil {
			t.Errorf("%s event_date %q: %v", row["event_id_cnty"], row["event_date"], err)
		}
		rows[row["event_id_cnty"]] = row
	}
	unix := func(day string) string {
		d, _ := time.Parse(time.DateOnly, day)
		return strconv.FormatInt(d.Unix(), 10)
	}

	march := "KEN" + itoa(eventID(t, s, "Thousands of farmers"))
	want := map[string]string{
		"event_id_cnty": march, "event_date": "2024-03-12", "year": "2024", "time_precision": "1",
		"disorder_type": "Demonstrations", "event_type": "Protests", "sub_event_type": "Peaceful protest",
		"actor1": "Protesters (Kenya)", "assoc_actor_1": "Farmers (Kenya)", "inter1": "6",
		"actor2": "", "assoc_actor_2": "", "inter2": "", "interaction": "60", "civilian_targeting": "",
		"iso": "404", "region": "Eastern Africa", "country": "Kenya", "admin1": "Nairobi", "admin2": "",
		"admin3": "", "location": "Nairobi", "latitude": "-1.2833", "longitude": "36.8167", "geo_precision": "1",
		"source": "nairobi-ledger.example; dailyclarion.example.org", "source_scale": "",
		"notes":      "Thousands of farmers marched through Nairobi on Tuesday to protest against new fuel taxes.",
		"fatalities": "0", "tags": "crowd size=5000", "timestamp": unix("2024-03-12"),
	}
	if diff := cmp.Diff(want, rows[march]); diff != "" {
		t.Errorf("march row (-want +got):\n%s", diff)
	}

	for _, tc := range []struct {
		name, id string
		want     map[string]string
	}{
		{"police intervention", "KEN" + itoa(eventID(t, s, "Police fired")), map[string]string{
			"sub_event_type": "Protest with intervention", "disorder_type": "Demonstrations",
			"actor1": "Police Forces of Kenya", "inter1": "1", "actor2": "Protesters (Kenya)", "inter2": "6",
			"interaction": "16", "civilian_targeting": "",
		}},
		{"gunmen kill civilians", "SYR" + itoa(eventID(t, s, "Gunmen killed")), map[string]string{
			"disorder_type": "Political violence", "event_type": "Violence against civilians",
			"actor1": "Unidentified Armed Group (Syria)", "inter1": "3", "actor2": "Civilians (Syria)",
			"inter2": "7", "interaction": "37", "civilian_targeting": "Civilian targeting", "fatalities": "5",
			"iso": "760", "region": "Middle East", "event_date": "2024-03-10",
		}},
		{"undated shelling", "SDN" + itoa(eventID(t, s, "Government troops shelled")), map[string]string{
			"event_type": "Explosions/Remote violence", "sub_event_type": "Shelling/artillery/missile attack",
			"actor1": "Military Forces of Sudan", "inter1": "1", "actor2": "Rebel Group (Sudan)", "inter2": "2",
			"interaction": "12", "event_date": "2024-04-06", "time_precision": "3", "geo_precision": "3",
			"admin1": "North Darfur", "location": "North Darfur", "source": "Sudan Wire",
		}},
		{"US protest", "USA" + itoa(eventID(t, s, "Protesters gathered")), map[string]string{
			"actor1": "Protesters (United States)", "assoc_actor_1": "", "iso": "840", "region": "North America",
			"admin1": "Texas", "location": "Austin", "latitude": "30.2672", "longitude": "-97.7431",
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			row, ok := rows[tc.id]
			if !ok {
				t.Fatalf("no row %s", tc.id)
			}
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

func TestACLEDActors(t *testing.T) {
	x, err := export.New(export.Config{})
	if err != nil {
		t.Fatal(err)
	}
	place := func(iso3 string) *event.Location {
		return &event.Location{Name: "X", Country: iso3, Precision: "city", Lat: 1, Lon: 1}
	}
	type party struct{ name, assoc, inter string }
	for _, tc := range []struct {
		name         string
		typ, sub     string
		src, tgt     *event.Actor
		loc          *event.Location
		want1, want2 party
		interaction  string
		civTargeting string
		wantSkip     bool
		disorder     string
	}{
		{name: "foreign troops fight rebels", typ: "Battles", sub: "Armed clash",
			src: &event.Actor{Code: "USAMIL", Country: "USA", Role: "MIL"},
			tgt: &event.Actor{Code: "SYRREB", Country: "SYR", Role: "REB", Name: "Free Army"}, loc: place("SYR"),
			want1: party{"Military Forces of the United States", "", "8"}, want2: party{"Free Army", "", "2"},
			interaction: "28", disorder: "Political violence"},
		{name: "international militant group", typ: "Explosions/Remote violence", sub: "Suicide bomb",
			src: &event.Actor{Code: "IRQIMGISI", Country: "IRQ", Role: "IMG", Name: "Islamic State"},
			tgt: &event.Actor{Code: "IRQCVL", Country: "IRQ", Role: "CVL"}, loc: place("IRQ"),
			want1: party{"Islamic State", "", "2"}, want2: party{"Civilians (Iraq)", "", "7"},
			interaction: "27", civTargeting: "Civilian targeting", disorder: "Political violence"},
		{name: "bare country in violence", typ: "Battles", sub: "Armed clash",
			src: &event.Actor{Code: "RUS", Country: "RUS"}, tgt: &event.Actor{Code: "UKR", Country: "UKR"}, loc: place("UKR"),
			want1: party{"Military Forces of Russia", "", "8"}, want2: party{"Military Forces of Ukraine", "", "1"},
			interaction: "18", disorder: "Political violence"},
		{name: "journalists attacked by unknown", typ: "Violence against civilians", sub: "Attack",
			tgt: &event.Actor{Code: "MEXMED", Country: "MEX", Role: "MED"}, loc: place("MEX"),
			want1: party{"Unidentified Armed Group (Mexico)", "", "3"}, want2: party{"Civilians (Mexico)", "Journalists (Mexico)", "7"},
			interaction: "37", civTargeting: "Civilian targeting", disorder: "Political violence"},
		{name: "mob attacks a family", typ: "Riots", sub: "Mob violence",
			src: &event.Actor{Code: "INDCVL", Country: "IND", Role: "CVL"}, tgt: &event.Actor{Code: "INDCVL", Country: "IND", Role: "CVL"},
			loc: place("IND"), want1: party{"Rioters (India)", "", "5"}, want2: party{"Civilians (India)", "", "7"},
			interaction: "57", civTargeting: "Civilian targeting", disorder: "Political violence"},
		{name: "excessive force", typ: "Protests", sub: "Excessive force against protesters",
			src: &event.Actor{Code: "IRNCOP", Country: "IRN", Role: "COP"}, tgt: &event.Actor{Code: "IRNOPP", Country: "IRN", Role: "OPP"},
			loc: place("IRN"), want1: party{"Police Forces of Iran", "", "1"}, want2: party{"Protesters (Iran)", "", "6"},
			interaction: "16", disorder: "Political violence; Demonstrations"},
		{name: "agreement", typ: "Strategic developments", sub: "Agreement",
			src: &event.Actor{Code: "COLGOV", Country: "COL", Role: "GOV"}, tgt: &event.Actor{Code: "COLREB", Country: "COL", Role: "REB", Name: "ELN"},
			loc: place("COL"), want1: party{"Government of Colombia", "", "1"}, want2: party{"ELN", "", "2"},
			interaction: "12", disorder: "Strategic developments"},
		{name: "no ACLED type", wantSkip: true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := store.EventRecord{ID: 5, Event: event.Event{ACLEDType: tc.typ, ACLEDSubtype: tc.sub,
				Source: tc.src, Target: tc.tgt, Location: tc.loc, Date: event.Date{Year: 2024, Month: 1, Day: 2}}}
			row, ok := x.ACLEDRow(r, nil)
			if ok == tc.wantSkip {
				t.Fatalf("ACLEDRow ok = %v, want %v", ok, !tc.wantSkip)
			}
			if !ok {
				return
			}
			col := map[string]string{}
			for i, c := range acledHeader {
				col[c] = row[i]
			}
			got1 := party{col["actor1"], col["assoc_actor_1"], col["inter1"]}
			got2 := party{col["actor2"], col["assoc_actor_2"], col["inter2"]}
			if got1 != tc.want1 || got2 != tc.want2 {
				t.Errorf("actors %+v / %+v, want %+v / %+v", got1, got2, tc.want1, tc.want2)
			}
			if col["interaction"] != tc.interaction || col["civilian_targeting"] != tc.civTargeting || col["disorder_type"] != tc.disorder {
				t.Errorf("interaction %q targeting %q disorder %q, want %q %q %q", col["interaction"],
					col["civilian_targeting"], col["disorder_type"], tc.interaction, tc.civTargeting, tc.disorder)
			}
		})
	}
}
