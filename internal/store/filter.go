package store

import (
	"fmt"
	"math"
	"time"

	"github.com/annals-project/annals/internal/event"
)

// An EventFilter selects events. Zero fields select everything; set fields
// are combined with AND. Codes match by prefix, so "14" selects every
// protest and "IRN" every Iranian actor.
type EventFilter struct {
	// IDs, when set, restricts the result to these events.
	IDs []int64 `json:"ids,omitempty"`
	// Country is the ISO 3166-1 alpha-3 code of the event's location.
	Country string `json:"country,omitempty"`
	// Actor is a CAMEO actor code prefix matched against the source or
	// the target; Source and Target match one side only.
	Actor  string `json:"actor,omitempty"`
	Source string `json:"source,omitempty"`
	Target string `json:"target,omitempty"`
	// ActorText is a case-insensitive substring of the source's or the
	// target's text or name.
	ActorText string `json:"actor_text,omitempty"`
	// CAMEO lists event code prefixes, any of which may match: "14",
	// "145", "0251".
	CAMEO []string `json:"cameo,omitempty"`
	// QuadClass is 1 to 4, or 0 for any.
	QuadClass int `json:"quad_class,omitempty"`
	// PLOVER, ACLEDType and ACLEDSubtype match exactly.
	PLOVER       string `json:"plover,omitempty"`
	ACLEDType    string `json:"acled_type,omitempty"`
	ACLEDSubtype string `json:"acled_subtype,omitempty"`
	// From and To bound the event date, inclusive. A set bound excludes
	// events without a date.
	From event.Date `json:"from,omitzero"`
	To   event.Date `json:"to,omitzero"`
	// BBox and Near restrict to events whose location lies in a box or
	// within a radius of a point; events without a location never match.
	BBox *BBox   `json:"bbox,omitempty"`
	Near *Circle `json:"near,omitempty"`
	// UnlocatedActor widens the location filters (Country, BBox, Near),
	// which select located events only, to the events without a location
	// whose source or target code starts with it: "in this country, or
	// unlocated and about its people". Deduplication looks up the
	// candidates of a located report this way. Without a location filter
	// it selects nothing more.
	UnlocatedActor string `json:"unlocated_actor,omitempty"`
	// Text is a full-text query (see ParseTextQuery) matched against the
	// sentences of the event's mentions.
	Text string `json:"text,omitempty"`
	// MinSources is the least num_sources an event must have.
	MinSources int `json:"min_sources,omitempty"`

	// Order sorts the result; the zero value is OrderID.
	Order Order `json:"order,omitempty"`
	// Limit caps the number of results, 0 for no cap. Offset skips
	// results. After is a cursor from EventRecord.Cursor with the same
	// Order: the result starts after that record.
	Limit  int    `json:"limit,omitempty"`
	Offset int    `json:"offset,omitempty"`
	After  string `json:"after,omitempty"`
}

// Validate checks the parts of f that can be wrong on their own: the order,
// the cursor, the text query, the geometry. Errors wrap ErrInvalid.
func (f *EventFilter) Validate() error {
	if !f.Order.Valid() {
		return fmt.Errorf("order %q: %w", f.Order, ErrInvalid)
	}
	if f.After != "" {
		if _, err := ParseCursor(f.Order, f.After); err != nil {
			return err
		}
	}
	if f.Text != "" {
		if _, err := ParseTextQuery(f.Text); err != nil {
			return err
		}
	}
	if f.BBox != nil {
		if err := f.BBox.Validate(); err != nil {
			return err
		}
	}
	if f.Near != nil {
		if err := f.Near.Validate(); err != nil {
			return err
		}
	}
	if f.Limit < 0 || f.Offset < 0 || f.QuadClass < 0 || f.QuadClass > 4 || f.MinSources < 0 {
		return fmt.Errorf("negative limit, offset or minimum, or quad class outside 0-4: %w", ErrInvalid)
	}
	return nil
}

// A BBox is a latitude/longitude box, in degrees. A box with MinLon greater
// than MaxLon crosses the antimeridian.
type BBox struct {
	MinLat float64 `json:"min_lat"`
	MinLon float64 `json:"min_lon"`
	MaxLat float64 `json:"max_lat"`
	MaxLon float64 `json:"max_lon"`
}

// Validate checks that the box's coordinates are in range.
func (b *BBox) Validate() error {
	if !latOK(b.MinLat) || !latOK(b.MaxLat) || !lonOK(b.MinLon) || !lonOK(b.MaxLon) || b.MinLat > b.MaxLat {
		return fmt.Errorf("bbox %v: %w", *b, ErrInvalid)
	}
	return nil
}

// A Circle is a point and a radius in kilometres, on a sphere of
// EarthRadiusKm.
type Circle struct {
	Lat      float64 `json:"lat"`
	Lon      float64 `json:"lon"`
	RadiusKm float64 `json:"radius_km"`
}

// Validate checks that the circle's centre is in range and its radius is
// positive.
func (c *Circle) Validate() error {
	if !latOK(c.Lat) || !lonOK(c.Lon) || !(c.RadiusKm > 0) || math.IsInf(c.RadiusKm, 0) {
		return fmt.Errorf("circle %v: %w", *c, ErrInvalid)
	}
	return nil
}

// LatDelta returns the half-height in degrees of latitude of the box that
// contains c, for an index prefilter.
func (c *Circle) LatDelta() float64 { return c.RadiusKm / EarthRadiusKm * 180 / math.Pi }

func latOK(v float64) bool { return v >= -90 && v <= 90 }
func lonOK(v float64) bool { return v >= -180 && v <= 180 }

// EarthRadiusKm is the mean Earth radius the distance filters use.
const EarthRadiusKm = 6371.0088

// DistanceKm returns the great-circle (haversine) distance between two
// points, the formula the stores evaluate in SQL.
func DistanceKm(lat1, lon1, lat2, lon2 float64) float64 {
	const rad = math.Pi / 180
	dlat := (lat2 - lat1) * rad / 2
	dlon := (lon2 - lon1) * rad / 2
	h := math.Sin(dlat)*math.Sin(dlat) + math.Cos(lat1*rad)*math.Cos(lat2*rad)*math.Sin(dlon)*math.Sin(dlon)
	return 2 * EarthRadiusKm * math.Asin(math.Sqrt(math.Min(1, h)))
}

// An Order sorts events. Every order breaks ties by ID, so results are
// deterministic.
type Order string

// The event orders.
const (
	OrderID           Order = ""          // by ID, ascending (ingest order)
	OrderIDDesc       Order = "-id"       // newest ID first
	OrderDate         Order = "date"      // by event date, undated first
	OrderDateDesc     Order = "-date"     // latest event date first
	OrderMentionsDesc Order = "-mentions" // most mentioned first
)

// Valid reports whether o is one of the defined orders.
func (o Order) Valid() bool {
	switch o {
	case OrderID, "id", OrderIDDesc, OrderDate, OrderDateDesc, OrderMentionsDesc:
		return true
	}
	return false
}

// A MentionFilter selects mentions.
type MentionFilter struct {
	EventID    int64 `json:"event_id,omitempty"`
	DocumentID int64 `json:"document_id,omitempty"`
	// Text is a full-text query over the mention's sentence.
	Text   string `json:"text,omitempty"`
	Limit  int    `json:"limit,omitempty"`
	Offset int    `json:"offset,omitempty"`
}

// A QuoteFilter selects quotes.
type QuoteFilter struct {
	DocumentID int64 `json:"document_id,omitempty"`
	// Speaker is a CAMEO actor code prefix of the speaker; SpeakerText a
	// case-insensitive substring of the speaker's text or name.
	Speaker     string `json:"speaker,omitempty"`
	SpeakerText string `json:"speaker_text,omitempty"`
	// Text is a full-text query over the quoted words.
	Text string `json:"text,omitempty"`
	// Direct, when set, selects direct (true) or indirect (false) quotes.
	Direct *bool `json:"direct,omitempty"`
	// From and To bound the quote's date, inclusive.
	From   event.Date `json:"from,omitzero"`
	To     event.Date `json:"to,omitzero"`
	Limit  int        `json:"limit,omitempty"`
	Offset int        `json:"offset,omitempty"`
}

// An ActorFilter selects actors.
type ActorFilter struct {
	// Code is a CAMEO actor code prefix.
	Code string `json:"code,omitempty"`
	// Name is a case-insensitive substring of the name or text.
	Name     string `json:"name,omitempty"`
	Country  string `json:"country,omitempty"`
	Role     string `json:"role,omitempty"`
	MinCount int    `json:"min_count,omitempty"`
	Limit    int    `json:"limit,omitempty"`
	Offset   int    `json:"offset,omitempty"`
}

// A DocumentFilter selects documents.
type DocumentFilter struct {
	Hash   string `json:"hash,omitempty"`
	URL    string `json:"url,omitempty"`
	Outlet string `json:"outlet,omitempty"`
	// AfterID selects documents with a greater ID, for paging.
	AfterID int64 `json:"after_id,omitempty"`
	Limit   int   `json:"limit,omitempty"`
}

// DateKey returns the integer YYYYMMDD the stores keep a date as; 0 is the
// unknown date. Keys order like dates.
func DateKey(d event.Date) int {
	if d.IsZero() {
		return 0
	}
	return d.Year*10000 + int(d.Month)*100 + d.Day
}

// DateFromKey is the inverse of DateKey.
func DateFromKey(k int) event.Date {
	if k == 0 {
		return event.Date{}
	}
	return event.Date{Year: k / 10000, Month: time.Month(k / 100 % 100), Day: k % 100}
}
