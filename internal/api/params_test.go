package api_test

import (
	"errors"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/annals-project/annals/internal/api"
	"github.com/annals-project/annals/internal/event"
	"github.com/annals-project/annals/internal/store"
)

func TestParseEventFilter(t *testing.T) {
	tests := []struct {
		name  string
		query string
		want  store.EventFilter
		err   string // substring; "" for success
	}{
		{name: "empty", query: "", want: store.EventFilter{Order: store.OrderDateDesc}},
		{name: "everything", query: "country=ken&actor=kengov&source=KEN&target=ETH&actor_text=police&cameo=14,0251&root=19" +
			"&quad_class=4&plover=protest&acled_type=Protests&acled_subtype=Peaceful+protest&from=2023-01-01&to=2023-12-31" +
			"&bbox=-10,-20,30,40&q=tear+gas&min_sources=2&order=-mentions&limit=20&id=3,4",
			want: store.EventFilter{IDs: []int64{3, 4}, Country: "KEN", Actor: "KENGOV", Source: "KEN", Target: "ETH", ActorText: "police",
				CAMEO: []string{"14", "0251", "19"}, QuadClass: 4, PLOVER: "PROTEST", ACLEDType: "Protests", ACLEDSubtype: "Peaceful protest",
				From: event.Date{Year: 2023, Month: time.January, Day: 1}, To: event.Date{Year: 2023, Month: time.December, Day: 31},
				BBox: &store.BBox{MinLon: -10, MinLat: -20, MaxLon: 30, MaxLat: 40}, Text: "tear gas", MinSources: 2,
				Order: store.OrderMentionsDesc, Limit: 20}},
		{name: "antimeridian box", query: "bbox=170,-20,-170,0",
			want: store.EventFilter{BBox: &store.BBox{MinLon: 170, MinLat: -20, MaxLon: -170, MaxLat: 0}, Order: store.OrderDateDesc}},
		{name: "near", query: "near=-1.29,36.82&radius_km=25.5",
			want: store.EventFilter{Near: &store.Circle{Lat: -1.29, Lon: 36.82, RadiusKm: 25.5}, Order: store.OrderDateDesc}},
		{name: "near with the default radius", query: "near=0,0",
			want: store.EventFilter{Near: &store.Circle{RadiusKm: api.DefaultRadiusKm}, Order: store.OrderDateDesc}},
		{name: "cursor", query: "order=date&cursor=20230503.7",
			want: store.EventFilter{Order: store.OrderDate, After: "20230503.7"}},
		{name: "no cap on the command line", query: "limit=50000", want: store.EventFilter{Order: store.OrderDateDesc, Limit: 50000}},
		{name: "spaces trimmed", query: "country=+KEN+", want: store.EventFilter{Country: "KEN", Order: store.OrderDateDesc}},
		{name: "unknown", query: "place=Paris", err: `unknown parameter "place"`},
		{name: "SQL in a code", query: "actor=KEN'--", err: "actor"},
		{name: "huge radius", query: "near=0,0&radius_km=30000", err: "radius_km"},
		{name: "infinite coordinates", query: "near=Inf,0", err: "near"},
		{name: "text too long", query: "q=" + strings.Repeat("a", 501), err: "longer than"},
		{name: "too many terms", query: "q=" + strings.Repeat("a+", 33), err: "q:"},
		{name: "empty list items are ignored", query: "cameo=,,14,", want: store.EventFilter{CAMEO: []string{"14"}, Order: store.OrderDateDesc}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q, err := url.ParseQuery(tt.query)
			if err != nil {
				t.Fatal(err)
			}
			got, err := api.ParseEventFilter(q)
			if tt.err != "" {
				var re *api.RequestError
				if err == nil || !strings.Contains(err.Error(), tt.err) || !errors.As(err, &re) || re.Status != 400 {
					t.Errorf("ParseEventFilter(%q) error = %v, want a 400 containing %q", tt.query, err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatalf("ParseEventFilter(%q) = %v", tt.query, err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("ParseEventFilter(%q) (-want +got):\n%s", tt.query, diff)
			}
		})
	}
}

// FuzzParseEventFilter checks that any query string either parses into a
// filter the store accepts or fails as a 400, and never panics.
func FuzzParseEventFilter(f *testing.F) {
	for _, s := range []string{"", "country=KEN&limit=10", "bbox=1,2,3,4", "near=1,2&radius_km=3", "q=%22a+b%22*",
		"cursor=1.2&order=date", "from=2020-02-30", "cameo=,", "id=1,2,-3", "bbox=NaN,1,1,1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, query string) {
		q, err := url.ParseQuery(query)
		if err != nil {
			return
		}
		filter, err := api.ParseEventFilter(q)
		if err != nil {
			var re *api.RequestError
			if !errors.As(err, &re) || re.Status != 400 {
				t.Fatalf("ParseEventFilter(%q) error %v is not a 400", query, err)
			}
			return
		}
		if err := filter.Validate(); err != nil {
			t.Fatalf("ParseEventFilter(%q) = a filter the store rejects: %v", query, err)
		}
	})
}
