package export_test

import (
	"encoding/json"
	"math"
	"testing"

	"github.com/annals-project/annals/internal/event"
	"github.com/annals-project/annals/internal/export"
	"github.com/annals-project/annals/internal/store"
)

func TestExportGeoJSON(t *testing.T) {
	s, _ := MustFixtureStore(t)
	out, res := MustExport(t, s, export.FormatGeoJSON, store.EventFilter{})
	if want := (export.Result{Events: 9, Records: 7, Skipped: 2}); res != want {
		t.Errorf("Result = %+v, want %+v", res, want)
	}
	// Read it back as plain GeoJSON, not through the package's types.
	var fc struct {
		Type     string `json:"type"`
		Features []struct {
			Type     string `json:"type"`
			ID       int64  `json:"id"`
			Geometry struct {
				Type        string    `json:"type"`
				Coordinates []float64 `json:"coordinates"`
			} `json:"geometry"`
			Properties map[string]any `json:"properties"`
		} `json:"features"`
	}
	if err := json.Unmarshal([]byte(out), &fc); err != nil {
		t.Fatalf("output is not JSON: %v\n%s", err, out)
	}
	if fc.Type != "FeatureCollection" || len(fc.Features) != 7 {
		t.Fatalf("type %q with %d features, want FeatureCollection with 7", fc.Type, len(fc.Features))
	}
	coords := map[int64][]float64{}
	for _, f := range fc.Features {
		if f.Type != "Feature" || f.Geometry.Type != "Point" || len(f.Geometry.Coordinates) != 2 {
			t.Errorf("feature %d: type %q geometry %q %v, want a Feature with a Point", f.ID, f.Type,
				f.Geometry.Type, f.Geometry.Coordinates)
			continue
		}
		lon, lat := f.Geometry.Coordinates[0], f.Geometry.Coordinates[1]
		if math.Abs(lon) > 180 || math.Abs(lat) > 90 {
			t.Errorf("feature %d: coordinates %v out of range", f.ID, f.Geometry.Coordinates)
		}
		loc, _ := f.Properties["location"].(map[string]any)
		if loc["lon"] != lon || loc["lat"] != lat {
			t.Errorf("feature %d: coordinates %v, want [lon, lat] = [%v, %v]", f.ID, f.Geometry.Coordinates, loc["lon"], loc["lat"])
		}
		for _, k := range []string{"id", "cameo", "root", "quad_class", "goldstein", "plover", "acled_type",
			"acled_subtype", "date", "source", "target", "num_sources", "num_mentions", "fatalities"} {
			if _, ok := f.Properties[k]; !ok && k != "plover" && k != "acled_type" && k != "acled_subtype" {
				t.Errorf("feature %d: no property %q", f.ID, k)
			}
		}
		if f.Properties["id"] != float64(f.ID) {
			t.Errorf("feature %d: properties.id = %v", f.ID, f.Properties["id"])
		}
		coords[f.ID] = f.Geometry.Coordinates
	}
	for _, tc := range []struct {
		name, sentence string
		lon, lat       float64
	}{
		{"Nairobi", "Thousands of farmers", 36.81667, -1.28333},
		// A longitude beyond ±90 shows the order is [lon, lat].
		{"Austin", "Protesters gathered", -97.74306, 30.26715},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := coords[eventID(t, s, tc.sentence)]
			if len(got) != 2 || got[0] != tc.lon || got[1] != tc.lat {
				t.Errorf("coordinates = %v, want [%v, %v]", got, tc.lon, tc.lat)
			}
		})
	}
	march := eventID(t, s, "Thousands of farmers")
	for _, f := range fc.Features {
		if f.ID != march {
			continue
		}
		p := f.Properties
		if p["cameo"] != "141" || p["plover"] != "PROTEST" || p["acled_type"] != "Protests" ||
			p["num_sources"] != float64(2) || p["date"] != "2024-03-12" || p["quad_class"] != float64(4) {
			t.Errorf("march properties = %v", p)
		}
	}
}

func TestFeatureWithoutPoint(t *testing.T) {
	x, err := export.New(export.Config{})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		rec  store.EventRecord
	}{
		{"no location", store.EventRecord{ID: 1}},
		{"unresolved 0,0", store.EventRecord{ID: 2, Event: event.Event{Location: &event.Location{Name: "Nowhere"}}}},
		{"latitude out of range", store.EventRecord{ID: 3, Event: event.Event{Location: &event.Location{Lat: 95, Lon: 10}}}},
		{"longitude NaN", store.EventRecord{ID: 4, Event: event.Event{Location: &event.Location{Lat: 5, Lon: math.NaN()}}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if f, ok := x.Feature(tc.rec); ok {
				t.Errorf("Feature() = %+v, want none", f)
			}
		})
	}
}
