package export_test

import (
	"bytes"
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/annals-project/annals/internal/cameo"
	"github.com/annals-project/annals/internal/export"
	"github.com/annals-project/annals/internal/store"
)

func TestExportPLOVER(t *testing.T) {
	s, _ := MustFixtureStore(t)
	out, res := MustExport(t, s, export.FormatPLOVER, store.EventFilter{})
	// Skipped: the statement (CAMEO 01) and the appeal (02), which PLOVER
	// does not code.
	if want := (export.Result{Events: 9, Records: 7, Skipped: 2}); res != want {
		t.Errorf("Result = %+v, want %+v", res, want)
	}
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) != 7 {
		t.Fatalf("got %d lines, want 7:\n%s", len(lines), out)
	}
	recs := map[string]export.PLOVERRecord{}
	for i, line := range lines {
		// Plain JSON first: the fields the PLOVER manual requires.
		var m map[string]any
		if err := json.Unmarshal([]byte(line), &m); err != nil {
			t.Fatalf("line %d is not JSON: %v\n%s", i+1, err, line)
		}
		for _, k := range []string{"id", "date", "actor", "event"} {
			if _, ok := m[k]; !ok {
				t.Errorf("line %d lacks required field %q: %s", i+1, k, line)
			}
		}
		// Then strictly into the record type: no field we did not declare.
		dec := json.NewDecoder(bytes.NewReader([]byte(line)))
		dec.DisallowUnknownFields()
		var r export.PLOVERRecord
		if err := dec.Decode(&r); err != nil {
			t.Fatalf("line %d: %v", i+1, err)
		}
		validatePLOVER(t, r)
		if _, dup := recs[r.ID]; dup {
			t.Errorf("id %s repeated", r.ID)
		}
		recs[r.ID] = r
	}

	police := recs["annals-"+itoa(eventID(t, s, "Police fired"))]
	scale := -7.5
	four := 4
	doc := "Thousands of farmers marched through Nairobi on Tuesday to protest against new fuel taxes.\n"
	sentence := "Police fired tear gas at marchers near parliament and four people were hurt, witnesses said."
	want := export.PLOVERRecord{
		ID: police.ID, Date: "2024-03-12",
		Actor:     []export.PLOVEREntity{{Code: "KEN", Sector: "COP", EntityText: "Police", CountryName: "Kenya", CAMEO: "KENCOP"}},
		Recipient: []export.PLOVEREntity{{Code: "KEN", Sector: "OPP", EntityText: "marchers", CountryName: "Kenya", CAMEO: "KENOPP"}},
		Event:     []string{"ASSAULT"},
		EventLoc: &export.PLOVERLocation{ExtractedPlace: "parliament", ResolvedPlace: "Nairobi", GeonameID: 184745,
			Lat: -1.28333, Lon: 36.81667, Province: "Nairobi", Country: "Kenya", CountryCode: "KEN", Resolution: 4},
		EventText: []string{"fired"}, QuadCode: 4, EventScale: &scale,
		Mode: []string{"crowd-control"}, Context: []string{"pro_autocracy", "military"},
		Text:     sentence,
		TextInfo: &export.PLOVERTextInfo{Sequence: 1, Start: len(doc), End: len(doc) + len(sentence)},
		CiteInfo: &export.PLOVERCiteInfo{URL: "https://www.nairobi-ledger.example/news/fuel-tax-march",
			Title: "Farmers march against fuel taxes", Publication: "nairobi-ledger.example", Language: "en",
			Coder: "annals test", Codebook: "plover-0.8"},
		Size:  &export.PLOVERSize{Injured: &four},
		Coder: "annals test", CodedDate: "2024-04-06",
		CAMEO: "175", Goldstein: -9, NumMentions: 1, NumArticles: 1, NumSources: 1,
	}
	if diff := cmp.Diff(want, police); diff != "" {
		t.Errorf("police record (-want +got):\n%s", diff)
	}

	for _, tc := range []struct {
		name, sentence string
		actor          export.PLOVEREntity
		event          string
		score          float64
	}{
		{"European Union", "The European Union",
			export.PLOVEREntity{Code: "EUR", CountryName: "European Union", EntityText: "The European Union",
				IdentifierText: "European Union", CAMEO: "IGOEUREEC"}, "COERCE", -7},
		{"unidentified gunmen", "Gunmen killed",
			export.PLOVEREntity{Sector: "UAF", EntityText: "Gunmen", CAMEO: "UAF"}, "ASSAULT", -9},
		{"legislators", "California lawmakers",
			export.PLOVEREntity{Code: "USA", Sector: "LEG", EntityText: "California lawmakers",
				CountryName: "United States", CAMEO: "USALEG"}, "AID", 10},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := recs["annals-"+itoa(eventID(t, s, tc.sentence))]
			if diff := cmp.Diff([]export.PLOVEREntity{tc.actor}, r.Actor); diff != "" {
				t.Errorf("actor (-want +got):\n%s", diff)
			}
			if len(r.Event) != 1 || r.Event[0] != tc.event || r.EventScale == nil || *r.EventScale != tc.score {
				t.Errorf("event %v scale %v, want %s %v", r.Event, r.EventScale, tc.event, tc.score)
			}
		})
	}
}

// validatePLOVER checks a record against the PLOVER manual's rules.
func validatePLOVER(t *testing.T, r export.PLOVERRecord) {
	t.Helper()
	if r.ID == "" {
		t.Errorf("record without id: %+v", r)
	}
	if _, err := time.Parse(time.DateOnly, r.Date); err != nil {
		t.Errorf("%s: date %q: %v", r.ID, r.Date, err)
	}
	if len(r.Actor) == 0 {
		t.Errorf("%s: no actor", r.ID)
	}
	for _, e := range append(slices.Clone(r.Actor), r.Recipient...) {
		if e.Code == "" && e.Sector == "" {
			t.Errorf("%s: entity %+v has neither code nor sector", r.ID, e)
		}
		if e.Sector != "" && len(e.Sector) != 3 {
			t.Errorf("%s: sector %q", r.ID, e.Sector)
		}
	}
	if len(r.Event) != 1 || !slices.Contains(cameo.PLOVEREvents(), r.Event[0]) {
		t.Fatalf("%s: event %v is not a PLOVER event type", r.ID, r.Event)
	}
	for _, m := range r.Mode {
		if !slices.Contains(cameo.PLOVERModes(r.Event[0]), m) {
			t.Errorf("%s: mode %q is not a mode of %s", r.ID, m, r.Event[0])
		}
	}
	for _, c := range r.Context {
		if !slices.Contains(cameo.PLOVERContexts(), c) {
			t.Errorf("%s: context %q is not a PLOVER context", r.ID, c)
		}
	}
	if r.QuadCode != export.PLOVERQuad(r.Event[0]) || r.QuadCode < 1 || r.QuadCode > 4 {
		t.Errorf("%s: quad_code %d for %s", r.ID, r.QuadCode, r.Event[0])
	}
	if r.EventScale == nil || *r.EventScale < -10 || *r.EventScale > 10 {
		t.Errorf("%s: event_scale %v", r.ID, r.EventScale)
	}
}

func TestPLOVERScore(t *testing.T) {
	for _, tc := range []struct {
		event, mode string
		want        float64
		ok          bool
	}{
		{"AID", "", 10, true},
		{"CONSULT", "phone", 1.5, true},
		{"ASSAULT", "unconventional", -10, true},
		{"ACCUSE", "", -3, true},
		{"PROTEST", "no-such-mode", -5, true},
		{"DEMAND", "", 0, false},
	} {
		t.Run(tc.event+"/"+tc.mode, func(t *testing.T) {
			got, ok := export.PLOVERScore(tc.event, tc.mode)
			if got != tc.want || ok != tc.ok {
				t.Errorf("PLOVERScore(%q, %q) = %v, %v, want %v, %v", tc.event, tc.mode, got, ok, tc.want, tc.ok)
			}
		})
	}
	// Every event type and mode of package cameo has a score and a quad.
	for _, ev := range cameo.PLOVEREvents() {
		if _, ok := export.PLOVERScore(ev, ""); !ok || export.PLOVERQuad(ev) == 0 {
			t.Errorf("event type %s has no score or quad", ev)
		}
	}
}
