package api

import (
	"net/http"

	"github.com/annals-project/annals/internal/event"
	"github.com/annals-project/annals/internal/store"
)

// FeatureCollection is the body of GET /api/events.geojson (RFC 7946): one
// Point feature per located event. Next, a foreign member, is the cursor of
// the next page.
type FeatureCollection struct {
	Type     string    `json:"type"`
	Features []Feature `json:"features"`
	Next     string    `json:"next,omitempty"`
}

// A Feature is one event on the map.
type Feature struct {
	Type       string       `json:"type"`
	ID         int64        `json:"id"`
	Geometry   Point        `json:"geometry"`
	Properties FeatureProps `json:"properties"`
}

// A Point is a GeoJSON point: longitude then latitude.
type Point struct {
	Type        string     `json:"type"`
	Coordinates [2]float64 `json:"coordinates"`
}

// FeatureProps are the fields of an event a map draws and filters by: a
// small subset of store.EventRecord, so that a map of many thousand events
// loads quickly. GET /api/events/{id} has the rest.
type FeatureProps struct {
	ID           int64      `json:"id"`
	Date         event.Date `json:"date"`
	CAMEO        string     `json:"cameo"`
	Root         string     `json:"root"`
	QuadClass    int        `json:"quad_class"`
	Goldstein    float64    `json:"goldstein"`
	PLOVER       string     `json:"plover,omitempty"`
	ACLEDType    string     `json:"acled_type,omitempty"`
	ACLEDSubtype string     `json:"acled_subtype,omitempty"`
	Source       string     `json:"source,omitempty"`
	SourceCode   string     `json:"source_code,omitempty"`
	Target       string     `json:"target,omitempty"`
	TargetCode   string     `json:"target_code,omitempty"`
	Place        string     `json:"place"`
	Country      string     `json:"country"`
	Precision    string     `json:"precision"`
	Fatalities   *int       `json:"fatalities"`
	Crowd        *int       `json:"crowd"`
	NumMentions  int        `json:"num_mentions"`
	NumSources   int        `json:"num_sources"`
	NumArticles  int        `json:"num_articles"`
}

// NewFeature returns the feature of a located event; ok is false for an
// event without a location.
func NewFeature(r *store.EventRecord) (f Feature, ok bool) {
	l := r.Location
	if l == nil {
		return Feature{}, false
	}
	p := FeatureProps{
		ID: r.ID, Date: r.Date, CAMEO: r.CAMEO, Root: r.Root, QuadClass: r.QuadClass, Goldstein: r.Goldstein,
		PLOVER: r.PLOVER, ACLEDType: r.ACLEDType, ACLEDSubtype: r.ACLEDSubtype,
		Place: l.Name, Country: l.Country, Precision: l.Precision,
		Fatalities: r.Fatalities, Crowd: r.Crowd,
		NumMentions: r.NumMentions, NumSources: r.NumSources, NumArticles: r.NumArticles,
	}
	if a := r.Source; a != nil {
		p.Source, p.SourceCode = a.Text, a.Code
	}
	if a := r.Target; a != nil {
		p.Target, p.TargetCode = a.Text, a.Code
	}
	return Feature{Type: "Feature", ID: r.ID, Geometry: Point{Type: "Point", Coordinates: [2]float64{l.Lon, l.Lat}},
		Properties: p}, true
}

func (s *Server) handleGeoJSON(w http.ResponseWriter, r *http.Request) {
	p := newParams(r.URL.Query())
	f := p.eventSelect()
	p.eventPage(&f, DefaultGeoJSONLimit, MaxGeoJSONLimit)
	if err := p.err(); err != nil {
		s.Error(w, r, err)
		return
	}
	if f.BBox == nil && f.Near == nil {
		// The whole world: a geometric filter matches located events only,
		// so every page is full of points.
		f.BBox = &store.BBox{MinLat: -90, MinLon: -180, MaxLat: 90, MaxLon: 180}
	}
	evs, next, err := s.eventPage(r.Context(), f)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	fc := &FeatureCollection{Type: "FeatureCollection", Features: make([]Feature, 0, len(evs)), Next: next}
	for i := range evs {
		if ft, ok := NewFeature(&evs[i]); ok {
			fc.Features = append(fc.Features, ft)
		}
	}
	w.Header().Set("Content-Type", "application/geo+json")
	writeJSON(w, http.StatusOK, fc)
}
