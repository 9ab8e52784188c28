package dedup_test

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/annals-project/annals/internal/dedup"
	"github.com/annals-project/annals/internal/event"
	"github.com/annals-project/annals/internal/store"
)

// Places our tests use. Coordinates are GeoNames' (geonames.org), rounded.
var places = map[string]event.Location{
	"Gusau":     {Name: "Gusau", Country: "NGA", Admin1: "Zamfara State", Lat: 12.170, Lon: 6.664, Precision: "city"},
	"Zamfara":   {Name: "Zamfara State", Country: "NGA", Admin1: "Zamfara State", Lat: 12.170, Lon: 6.664, Precision: "admin1"},
	"Maiduguri": {Name: "Maiduguri", Country: "NGA", Admin1: "Borno State", Lat: 11.847, Lon: 13.157, Precision: "city"},
	"Kano":      {Name: "Kano", Country: "NGA", Admin1: "Kano State", Lat: 12.000, Lon: 8.517, Precision: "city"},
	"Lagos":     {Name: "Lagos", Country: "NGA", Admin1: "Lagos State", Lat: 6.454, Lon: 3.395, Precision: "city"},
	"Ikeja":     {Name: "Ikeja", Country: "NGA", Lat: 6.602, Lon: 3.351, Precision: "city"},
	"Nigeria":   {Name: "Nigeria", Country: "NGA", Lat: 10, Lon: 8, Precision: "country"},
	"Niger":     {Name: "Niger", Country: "NER", Lat: 18, Lon: 9, Precision: "country"},
	"Kabul":     {Name: "Kabul", Country: "AFG", Admin1: "Kabul", Lat: 34.528, Lon: 69.172, Precision: "city"},
}

// ev describes a coded report tersely: CAMEO code, date ("2025-03-09",
// with precision after a slash: "2025-03-01/month"), source and target
// actor codes (country and role; "=Name" adds a canonical name), place.
type ev struct {
	cameo, date, src, tgt, place string
}

func (e ev) event() event.Event {
	out := event.Event{CAMEO: e.cameo, Root: e.cameo[:min(2, len(e.cameo))]}
	if e.date != "" {
		d, prec, ok := cut(e.date, "/")
		if !ok {
			prec = "day"
		}
		t, err := time.Parse(event.DateLayout, d)
		if err != nil {
			panic(err)
		}
		out.Date, out.DatePrecision = event.DateOf(t), prec
	}
	out.Source, out.Target = actorOf(e.src), actorOf(e.tgt)
	if e.place != "" {
		l, ok := places[e.place]
		if !ok {
			panic("no place " + e.place)
		}
		out.Location = &l
	}
	return out
}

func cut(s, sep string) (string, string, bool) {
	for i := 0; i+len(sep) <= len(s); i++ {
		if s[i:i+len(sep)] == sep {
			return s[:i], s[i+len(sep):], true
		}
	}
	return s, "", false
}

func actorOf(code string) *event.Actor {
	if code == "" {
		return nil
	}
	code, name, _ := cut(code, "=")
	a := &event.Actor{Text: code, Code: code, Name: name}
	if len(code) >= 3 {
		a.Country = code[:3]
	}
	if len(code) >= 6 {
		a.Role = code[3:6]
	}
	return a
}

func TestScore(t *testing.T) {
	const no = -1 // want: not the same event
	tests := []struct {
		name string
		a, b ev
		want float64
	}{
		{"same city, day and actors", ev{"190", "2025-03-09", "NGAUAF", "NGACVL", "Gusau"}, ev{"190", "2025-03-09", "NGAUAF", "NGACVL", "Gusau"}, 4.5},
		{"a day apart", ev{"190", "2025-03-09", "NGAUAF", "", "Gusau"}, ev{"190", "2025-03-10", "NGAUAF", "", "Gusau"}, 3},
		{"two days apart", ev{"190", "2025-03-09", "NGAUAF", "", "Gusau"}, ev{"190", "2025-03-11", "NGAUAF", "", "Gusau"}, no},
		{"day within a week", ev{"141", "2025-03-12", "", "", "Lagos"}, ev{"141", "2025-03-10/week", "", "", "Lagos"}, 2},
		{"day after a week", ev{"141", "2025-03-17", "", "", "Lagos"}, ev{"141", "2025-03-10/week", "", "", "Lagos"}, 2},
		{"day well after a week", ev{"141", "2025-03-19", "", "", "Lagos"}, ev{"141", "2025-03-10/week", "", "", "Lagos"}, no},
		{"day within a month", ev{"141", "2025-03-30", "", "", "Lagos"}, ev{"141", "2025-03-01/month", "", "", "Lagos"}, 1.5},
		{"day within a year", ev{"183", "2024-03-12", "", "", "Kabul"}, ev{"183", "2024-01-01/year", "", "", "Kabul"}, 1},
		{"year needs more", ev{"183", "2024-03-12", "AFGUAF", "AFGCVL", "Kabul"}, ev{"183", "2024-01-01/year", "AFGUAF", "AFGCVL", "Kabul"}, 3},
		{"anchor covers the days before", ev{"190", "2025-03-10/anchor", "NGAUAF", "", "Gusau"}, ev{"190", "2025-03-06", "NGAUAF", "", "Gusau"}, 3},
		{"anchor not the days after", ev{"190", "2025-03-10/anchor", "NGAUAF", "", "Gusau"}, ev{"190", "2025-03-12", "NGAUAF", "", "Gusau"}, no},
		{"undated", ev{"190", "", "NGAUAF", "", "Gusau"}, ev{"190", "2025-03-09", "NGAUAF", "", "Gusau"}, no},
		{"fight and assault", ev{"190", "2025-03-09", "", "", "Gusau"}, ev{"183", "2025-03-09", "", "", "Gusau"}, 2.5},
		{"protest and riot", ev{"141", "2025-03-09", "", "", "Lagos"}, ev{"145", "2025-03-09", "", "", "Lagos"}, 2.5},
		{"protest and arrest", ev{"141", "2025-03-09", "", "", "Lagos"}, ev{"173", "2025-03-09", "", "", "Lagos"}, no},
		{"neighbouring cities", ev{"141", "2025-03-09", "", "", "Lagos"}, ev{"141", "2025-03-09", "", "", "Ikeja"}, 2.5},
		{"distant cities", ev{"141", "2025-03-09", "", "", "Lagos"}, ev{"141", "2025-03-09", "", "", "Kano"}, no},
		{"city in the region", ev{"190", "2025-03-09", "", "", "Gusau"}, ev{"190", "2025-03-09", "", "", "Zamfara"}, 2},
		{"city in another region", ev{"190", "2025-03-09", "", "", "Maiduguri"}, ev{"190", "2025-03-09", "", "", "Zamfara"}, no},
		{"country and city", ev{"190", "2025-03-09", "NGAUAF", "", "Nigeria"}, ev{"190", "2025-03-09", "NGAUAF", "", "Gusau"}, 2},
		{"country and country", ev{"190", "2025-03-09", "", "", "Nigeria"}, ev{"190", "2025-03-09", "", "", "Nigeria"}, 1.5},
		{"other country", ev{"190", "2025-03-09", "", "", "Nigeria"}, ev{"190", "2025-03-09", "", "", "Niger"}, no},
		{"no place", ev{"190", "2025-03-09", "NGAUAF", "NGACVL", ""}, ev{"190", "2025-03-09", "NGAUAF", "NGACVL", "Gusau"}, 2.5},
		{"gunmen and bandits", ev{"190", "2025-03-09", "NGAUAF", "", ""}, ev{"190", "2025-03-09", "NGACRM", "", ""}, 1},
		{"gunmen and troops", ev{"190", "2025-03-09", "NGAUAF", "", ""}, ev{"190", "2025-03-09", "NGAMIL", "", ""}, no},
		{"country without role", ev{"190", "2025-03-09", "NGA", "", ""}, ev{"190", "2025-03-09", "NGAUAF", "", ""}, 1},
		{"civilians and teachers", ev{"141", "2025-03-09", "NGACVL", "", ""}, ev{"141", "2025-03-09", "NGAEDU", "", ""}, 1},
		{"teachers and farmers", ev{"141", "2025-03-09", "NGAEDU", "", "Lagos"}, ev{"141", "2025-03-09", "NGAAGR", "", "Lagos"}, no},
		{"actors of two countries", ev{"190", "2025-03-09", "NGAMIL", "", ""}, ev{"190", "2025-03-09", "NERMIL", "", ""}, no},
		{"same name", ev{"040", "2025-03-09", "USAGOV=Joe Biden", "", ""}, ev{"040", "2025-03-09", "USAGOV=Joe Biden", "", ""}, 1.5},
		{"other name", ev{"040", "2025-03-09", "USAGOV=Joe Biden", "", ""}, ev{"040", "2025-03-09", "USAGOV=Kamala Harris", "", ""}, no},
		{"meeting told both ways", ev{"040", "2025-03-09", "USAGOV", "CHNGOV", ""}, ev{"040", "2025-03-09", "CHNGOV", "USAGOV", ""}, 2.5},
		{"attack told both ways", ev{"180", "2025-03-09", "NGAMIL", "NGAREB", ""}, ev{"180", "2025-03-09", "NGAREB", "NGAMIL", ""}, no},
	}
	m := dedup.NewMerger(dedup.Options{})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, b := tt.a.event(), tt.b.event()
			got, ok := m.Score(&a, &b)
			if !ok {
				got = no
			}
			if got != tt.want {
				t.Errorf("Score(%v, %v) = %v, %v; want %v", tt.a, tt.b, got, ok, tt.want)
			}
			// Score is symmetric.
			if back, ok := m.Score(&b, &a); ok != (got != no) || ok && back != got {
				t.Errorf("Score(%v, %v) = %v, %v; want %v", tt.b, tt.a, back, ok, got)
			}
		})
	}
}

func record(id int64, mentions int, e ev) store.EventRecord {
	return store.EventRecord{ID: id, Event: e.event(), NumMentions: mentions}
}

func TestMerge(t *testing.T) {
	men := ev{"190", "2025-03-09", "NGAUAF", "NGACVL", "Gusau"}
	tests := []struct {
		name  string
		cands []store.EventRecord
		want  int64
	}{
		{"none", nil, 0},
		{"too weak", []store.EventRecord{record(1, 1, ev{"190", "2025-03-08", "NGA", "", "Nigeria"})}, 0},
		{"incompatible", []store.EventRecord{record(1, 1, ev{"190", "2025-03-09", "NGAUAF", "NGACVL", "Kano"})}, 0},
		{"highest score", []store.EventRecord{
			record(1, 5, ev{"190", "2025-03-09", "", "", "Zamfara"}),
			record(2, 1, ev{"190", "2025-03-09", "NGAUAF", "NGACVL", "Gusau"}),
		}, 2},
		{"then nearest date", []store.EventRecord{
			record(1, 1, ev{"190", "2025-03-10", "NGAUAF", "NGACVL", "Gusau"}),
			record(2, 1, ev{"190", "2025-03-08", "NGAUAF", "NGACVL", "Gusau"}),
			record(3, 1, ev{"190", "2025-03-09/anchor", "NGAUAF", "NGACVL", "Gusau"}),
		}, 3},
		{"then most mentions", []store.EventRecord{
			record(1, 1, ev{"190", "2025-03-10", "NGAUAF", "NGACVL", "Gusau"}),
			record(2, 3, ev{"190", "2025-03-08", "NGAUAF", "NGACVL", "Gusau"}),
		}, 2},
		{"then lowest ID", []store.EventRecord{
			record(7, 2, ev{"190", "2025-03-10", "NGAUAF", "NGACVL", "Gusau"}),
			record(4, 2, ev{"190", "2025-03-08", "NGAUAF", "NGACVL", "Gusau"}),
		}, 4},
	}
	m := dedup.NewMerger(dedup.Options{})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			mm := &store.Mention{Event: men.event()}
			if got := m.Merge(mm, tt.cands); got != tt.want {
				t.Errorf("Merge = %d, want %d", got, tt.want)
			}
		})
	}
}

// TestMergeVerbal checks that statements and the like need
// VerbalMinScore.
func TestMergeVerbal(t *testing.T) {
	tests := []struct {
		name     string
		men, rec ev
		want     int64
	}{
		{"speaker and country", ev{"010", "2025-03-09", "NGAGOV", "", "Nigeria"}, ev{"010", "2025-03-09", "NGAGOV", "", "Nigeria"}, 0},
		{"speaker and city", ev{"010", "2025-03-09", "NGAGOV", "", "Lagos"}, ev{"010", "2025-03-09", "NGAGOV", "", "Lagos"}, 1},
		{"speaker, audience and country", ev{"040", "2025-03-09/anchor", "NGAGOV", "NERGOV", "Nigeria"}, ev{"040", "2025-03-08", "NGAGOV", "NERGOV", "Nigeria"}, 1},
		{"material event, speaker and country", ev{"190", "2025-03-09", "NGAUAF", "", "Nigeria"}, ev{"190", "2025-03-09", "NGAUAF", "", "Nigeria"}, 1},
	}
	m := dedup.NewMerger(dedup.Options{})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := m.Merge(&store.Mention{Event: tt.men.event()}, []store.EventRecord{record(1, 1, tt.rec)})
			if got != tt.want {
				t.Errorf("Merge = %d, want %d", got, tt.want)
			}
		})
	}
}

func date(s string) event.Date {
	t, err := time.Parse(event.DateLayout, s)
	if err != nil {
		panic(err)
	}
	return event.DateOf(t)
}

func TestCandidates(t *testing.T) {
	seen := time.Date(2025, 3, 10, 8, 0, 0, 0, time.UTC)
	// ingested is when a document without a publication date was stored.
	ingested := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	published := anchor{"2025-03-10", event.AnchorPublished}
	zamfara := []string{"19", "18", "20"}
	gusau := &store.Circle{Lat: 12.170, Lon: 6.664, RadiusKm: 300}
	tests := []struct {
		name string
		e    ev
		seen time.Time
		a    anchor
		want store.EventFilter
		ok   bool
	}{
		{"city", ev{"190", "2025-03-09", "NGAUAF", "NGACVL", "Gusau"}, seen, published, store.EventFilter{
			CAMEO: zamfara, From: date("2025-03-08"), To: date("2025-03-13"),
			Country: "NGA", Near: gusau, UnlocatedActor: "NGA", Order: store.OrderIDDesc, Limit: 50}, true},
		{"city, actors of no country", ev{"190", "2025-03-09", "", "", "Gusau"}, seen, published, store.EventFilter{
			CAMEO: zamfara, From: date("2025-03-08"), To: date("2025-03-13"),
			Country: "NGA", Near: gusau, Order: store.OrderIDDesc, Limit: 50}, true},
		{"country", ev{"190", "2025-03-09", "NGAUAF", "NGACVL", "Nigeria"}, seen, published, store.EventFilter{
			CAMEO: zamfara, From: date("2025-03-08"), To: date("2025-03-13"),
			Country: "NGA", UnlocatedActor: "NGA", Order: store.OrderIDDesc, Limit: 50}, true},
		{"country, target's country", ev{"190", "2025-03-09", "=Boko Haram", "NERMIL", "Nigeria"}, seen, published, store.EventFilter{
			CAMEO: zamfara, From: date("2025-03-08"), To: date("2025-03-13"),
			Country: "NGA", UnlocatedActor: "NER", Order: store.OrderIDDesc, Limit: 50}, true},
		{"one actor: no unlocated candidates", ev{"190", "2025-03-09", "NGAUAF", "", "Gusau"}, seen, published, store.EventFilter{
			CAMEO: zamfara, From: date("2025-03-08"), To: date("2025-03-13"),
			Country: "NGA", Near: gusau, Order: store.OrderIDDesc, Limit: 50}, true},
		{"statement: no unlocated candidates", ev{"040", "2025-03-09", "NGAGOV", "NERGOV", "Gusau"}, seen, published, store.EventFilter{
			CAMEO: []string{"04"}, From: date("2025-03-08"), To: date("2025-03-13"),
			Country: "NGA", Near: gusau, Order: store.OrderIDDesc, Limit: 50}, true},
		{"no place", ev{"141", "2025-03-09", "NGAOPP", "NGACOP", ""}, seen, published, store.EventFilter{
			CAMEO: []string{"14"}, From: date("2025-03-08"), To: date("2025-03-13"),
			Actor: "NGA", Order: store.OrderIDDesc, Limit: 50}, true},
		{"month", ev{"141", "2025-02-01/month", "NGAOPP", "", "Lagos"}, seen, published, store.EventFilter{
			CAMEO: []string{"14"}, From: date("2025-01-31"), To: date("2025-03-04"), Country: "NGA",
			Near: &store.Circle{Lat: 6.454, Lon: 3.395, RadiusKm: 300}, Order: store.OrderIDDesc, Limit: 50}, true},
		{"background, day: latest first", ev{"190", "2024-03-09", "NGAUAF", "NGACVL", "Gusau"}, seen, published, store.EventFilter{
			CAMEO: zamfara, From: date("2023-03-08"), To: date("2024-03-13"),
			Country: "NGA", Near: gusau, UnlocatedActor: "NGA", Order: store.OrderDateDesc, Limit: 50}, true},
		{"background, year: most mentioned first", ev{"190", "2024-01-01/year", "NGAUAF", "NGACVL", "Gusau"}, seen, published, store.EventFilter{
			CAMEO: zamfara, From: date("2022-12-30"), To: date("2025-01-04"),
			Country: "NGA", Near: gusau, Order: store.OrderMentionsDesc, Limit: 50}, true},
		// A document without a publication date was written on or after
		// the latest date its text gives, long before it was ingested.
		{"undated report of the day", ev{"190", "2025-03-09", "NGAUAF", "NGACVL", "Gusau"}, ingested, anchor{"2025-03-10", event.AnchorText}, store.EventFilter{
			CAMEO: zamfara, From: date("2025-03-08"), To: date("2025-03-13"),
			Country: "NGA", Near: gusau, UnlocatedActor: "NGA", Order: store.OrderIDDesc, Limit: 50}, true},
		{"undated feature months later", ev{"190", "2025-03-09", "NGAUAF", "NGACVL", "Gusau"}, ingested, anchor{"2025-09-02", event.AnchorText}, store.EventFilter{
			CAMEO: zamfara, From: date("2024-03-07"), To: date("2025-03-13"),
			Country: "NGA", Near: gusau, UnlocatedActor: "NGA", Order: store.OrderDateDesc, Limit: 50}, true},
		{"no anchor: not background", ev{"190", "2025-03-01/month", "NGAUAF", "NGACVL", "Gusau"}, ingested, anchor{"", event.AnchorNone}, store.EventFilter{
			CAMEO: zamfara, From: date("2025-02-28"), To: date("2025-04-04"),
			Country: "NGA", Near: gusau, Order: store.OrderIDDesc, Limit: 50}, true},
		{"given date", ev{"190", "2025-03-09", "NGAUAF", "NGACVL", "Gusau"}, ingested, anchor{"2025-06-01", event.AnchorFlag}, store.EventFilter{
			CAMEO: zamfara, From: date("2024-03-07"), To: date("2025-03-13"),
			Country: "NGA", Near: gusau, UnlocatedActor: "NGA", Order: store.OrderDateDesc, Limit: 50}, true},
		{"no anchor source: seen", ev{"190", "2025-03-09", "NGAUAF", "NGACVL", "Gusau"}, ingested, anchor{}, store.EventFilter{
			CAMEO: zamfara, From: date("2024-03-07"), To: date("2025-03-13"),
			Country: "NGA", Near: gusau, UnlocatedActor: "NGA", Order: store.OrderDateDesc, Limit: 50}, true},
		{"undated", ev{"190", "", "NGAUAF", "", "Gusau"}, seen, published, store.EventFilter{}, false},
		{"too vague to merge", ev{"010", "2025-03-10/anchor", "NGA", "", "Nigeria"}, seen, published, store.EventFilter{}, false},
		{"no code", ev{"", "2025-03-09", "NGAUAF", "", "Gusau"}, seen, published, store.EventFilter{}, false},
	}
	m := dedup.NewMerger(dedup.Options{})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			men := &store.Mention{Event: tt.e.event(), Seen: tt.seen, AnchorSource: tt.a.source}
			if tt.a.date != "" {
				men.Anchor = date(tt.a.date)
			}
			got, ok := m.Candidates(men)
			if ok != tt.ok {
				t.Fatalf("Candidates ok = %v, want %v", ok, tt.ok)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Candidates (-want +got):\n%s", diff)
			}
		})
	}
}

// anchor is a document's anchor date and its source.
type anchor struct{ date, source string }

func TestCredible(t *testing.T) {
	n := func(v int) *int { return &v }
	tests := []struct {
		name       string
		fat, crowd *int
		wantFat    *int
		wantCrowd  *int
	}{
		{"none", nil, nil, nil, nil},
		{"plausible", n(14), n(5000), n(14), n(5000)},
		{"misread year", n(2024), nil, n(2024), nil},
		{"too many", n(3_000_000), n(80_000_000), nil, nil},
		{"negative", n(-3), nil, nil, nil},
	}
	m := dedup.NewMerger(dedup.Options{})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := event.Event{Fatalities: tt.fat, Crowd: tt.crowd}
			m.Credible(&e)
			if diff := cmp.Diff(tt.wantFat, e.Fatalities); diff != "" {
				t.Errorf("fatalities (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.wantCrowd, e.Crowd); diff != "" {
				t.Errorf("crowd (-want +got):\n%s", diff)
			}
		})
	}
}
