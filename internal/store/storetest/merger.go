package storetest

import (
	"github.com/annals-project/annals/internal/event"
	"github.com/annals-project/annals/internal/store"
)

// Merger is the simple deduplication policy the suite stores documents
// with: a dated mention joins an event with the same CAMEO root, the same
// source and target codes, an event date at most two days away and, when
// both have one, a location within 50 km. It stands in for the real policy
// of the dedup package and is safe for concurrent use.
type Merger struct{}

// Candidates implements store.Merger.
func (Merger) Candidates(m *store.Mention) (store.EventFilter, bool) {
	if m.Date.IsZero() || m.Root == "" {
		return store.EventFilter{}, false
	}
	f := store.EventFilter{CAMEO: []string{m.Root}, From: m.Date.AddDays(-2), To: m.Date.AddDays(2), Limit: 20}
	if m.Source != nil && m.Source.Code != "" {
		f.Source = m.Source.Code
	}
	if m.Location != nil {
		f.Near = &store.Circle{Lat: m.Location.Lat, Lon: m.Location.Lon, RadiusKm: 50}
	}
	return f, true
}

// Merge implements store.Merger.
func (Merger) Merge(m *store.Mention, candidates []store.EventRecord) int64 {
	for _, c := range candidates {
		if code(c.Source) == code(m.Source) && code(c.Target) == code(m.Target) && (c.Location == nil) == (m.Location == nil) {
			return c.ID
		}
	}
	return 0
}

func code(a *event.Actor) string {
	if a == nil {
		return ""
	}
	return a.Code
}
