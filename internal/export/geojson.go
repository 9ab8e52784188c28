package export

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"time"

	"github.com/annals-project/annals/internal/event"
	"github.com/annals-project/annals/internal/store"
)

// A FeatureCollection is a GeoJSON (RFC 7946) feature collection.
type FeatureCollection struct {
	Type     string    `json:"type"` // "FeatureCollection"
	Features []Feature `json:"features"`
}

// A Feature is one event as a GeoJSON feature with a point geometry.
type Feature struct {
	Type       string            `json:"type"` // "Feature"
	ID         int64             `json:"id"`
	Geometry   Point             `json:"geometry"`
	Properties FeatureProperties `json:"properties"`
}

// A Point is a GeoJSON point geometry.
type Point struct {
	Type string `json:"type"` // "Point"
	// Coordinates are longitude then latitude, in degrees (WGS 84), as
	// RFC 7946 orders them.
	Coordinates [2]float64 `json:"coordinates"`
}

// FeatureProperties are an event's fields as feature properties. Absent
// values are null.
type FeatureProperties struct {
	ID            int64           `json:"id"`
	CAMEO         string          `json:"cameo"`
	Root          string          `json:"root"`
	QuadClass     int             `json:"quad_class"`
	Goldstein     float64         `json:"goldstein"`
	PLOVER        string          `json:"plover,omitempty"`
	PLOVERMode    string          `json:"plover_mode,omitempty"`
	ACLEDType     string          `json:"acled_type,omitempty"`
	ACLEDSubtype  string          `json:"acled_subtype,omitempty"`
	Date          event.Date      `json:"date"`
	DatePrecision string          `json:"date_precision,omitempty"`
	Source        *event.Actor    `json:"source"`
	Target        *event.Actor    `json:"target"`
	Location      *event.Location `json:"location"`
	NumMentions   int             `json:"num_mentions"`
	NumArticles   int             `json:"num_articles"`
	NumSources    int             `json:"num_sources"`
	Fatalities    *int            `json:"fatalities"`
	Injuries      *int            `json:"injuries"`
	Crowd         *int            `json:"crowd"`
	FirstSeen     time.Time       `json:"first_seen"`
	LastSeen      time.Time       `json:"last_seen"`
	// Text is the evidence sentence of the representative report.
	Text string `json:"text"`
}

// Feature returns r as a GeoJSON feature, or ok false when r has no point:
// no location, coordinates out of range, or the point 0,0 that an
// unresolved location leaves. Coordinates are rounded to six decimals
// (about 0.1 m), the precision RFC 7946 recommends.
func (x *Exporter) Feature(r store.EventRecord) (Feature, bool) {
	l := r.Location
	if l == nil || l.Lat == 0 && l.Lon == 0 || !(l.Lat >= -90 && l.Lat <= 90) || !(l.Lon >= -180 && l.Lon <= 180) {
		return Feature{}, false
	}
	round := func(v float64) float64 { return math.Round(v*1e6) / 1e6 }
	return Feature{
		Type:     "Feature",
		ID:       r.ID,
		Geometry: Point{Type: "Point", Coordinates: [2]float64{round(l.Lon), round(l.Lat)}},
		Properties: FeatureProperties{
			ID: r.ID, CAMEO: r.CAMEO, Root: r.Root, QuadClass: r.QuadClass, Goldstein: r.Goldstein,
			PLOVER: r.PLOVER, PLOVERMode: r.PLOVERMode, ACLEDType: r.ACLEDType, ACLEDSubtype: r.ACLEDSubtype,
			Date: r.Date, DatePrecision: r.DatePrecision, Source: r.Source, Target: r.Target, Location: l,
			NumMentions: r.NumMentions, NumArticles: r.NumArticles, NumSources: r.NumSources,
			Fatalities: r.Fatalities, Injuries: r.Injuries, Crowd: r.Crowd,
			FirstSeen: r.FirstSeen, LastSeen: r.LastSeen, Text: r.Text,
		},
	}, true
}

// geojson writes one FeatureCollection, a feature a line, without holding
// the collection in memory.
func (r *run) geojson(ctx context.Context, w io.Writer, f store.EventFilter) (Result, error) {
	var res Result
	wrap := func(err error) error { return fmt.Errorf("export geojson: write: %w", err) }
	if _, err := io.WriteString(w, `{"type":"FeatureCollection","features":[`); err != nil {
		return res, wrap(err)
	}
	sep := "\n"
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	n, err := r.each(ctx, f, func(rec store.EventRecord) error {
		feat, ok := r.x.Feature(rec)
		if !ok {
			res.Skipped++
			return nil
		}
		buf.Reset()
		if err := enc.Encode(feat); err != nil {
			return fmt.Errorf("export geojson: event %d: %w", rec.ID, err)
		}
		if _, err := io.WriteString(w, sep); err != nil {
			return wrap(err)
		}
		if _, err := w.Write(bytes.TrimSuffix(buf.Bytes(), []byte("\n"))); err != nil {
			return wrap(err)
		}
		sep = ",\n"
		res.Records++
		return nil
	})
	res.Events = n
	if err != nil {
		return res, err
	}
	if _, err := io.WriteString(w, "\n]}\n"); err != nil {
		return res, wrap(err)
	}
	return res, nil
}
