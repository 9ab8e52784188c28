package api_test

import (
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/annals-project/annals/internal/api"
	"github.com/annals-project/annals/internal/store"
)

// fixtureServer serves MustFixture read-only.
func fixtureServer(t *testing.T) string {
	t.Helper()
	return MustServe(t, &api.Server{Store: MustFixture(t)}, api.Timeouts{})
}

func ids(evs []store.EventRecord) []int64 {
	out := []int64{}
	for _, e := range evs {
		out = append(out, e.ID)
	}
	return out
}

func TestEventFilters(t *testing.T) {
	base := fixtureServer(t)
	tests := []struct {
		name  string
		query string
		want  []int64
	}{
		{"everything", "", []int64{1, 2, 3, 4, 5, 6}},
		{"country", "country=KEN", []int64{1, 2}},
		{"country lower case", "country=nga", []int64{5, 6}},
		{"actor either side", "actor=KEN", []int64{1, 2, 3}},
		{"actor prefix with role", "actor=NGAUAF", []int64{5, 6}},
		{"source", "source=KENCOP", []int64{2}},
		{"target", "target=ETH", []int64{4}},
		{"actor text", "actor_text=police", []int64{2}},
		{"cameo prefix", "cameo=17", []int64{2}},
		{"cameo list", "cameo=19,040", []int64{3, 5, 6}},
		{"cameo repeated", "cameo=19&cameo=040", []int64{3, 5, 6}},
		{"root", "root=14", []int64{1}},
		{"quad class", "quad_class=4", []int64{2, 5, 6}},
		{"plover any case", "plover=assault", []int64{2, 5, 6}},
		{"acled type", "acled_type=Battles", []int64{6}},
		{"date range", "from=2023-06-01&to=2023-06-30", []int64{3, 4}},
		{"from only", "from=2023-07-01", []int64{5, 6}},
		{"to only", "to=2023-05-31", []int64{1, 2}},
		{"bbox west south east north", "bbox=35,-5,40,0", []int64{1, 2}},
		{"bbox without a match", "bbox=-10,40,0,50", []int64{}},
		{"near with radius", "near=-4.06,39.67&radius_km=10", []int64{1, 2}},
		{"near default radius", "near=9.0,38.7", []int64{3}},
		{"full text", "q=tear+gas", []int64{2}},
		{"full text phrase", "q=%22gas+at+protesters%22", []int64{2}},
		{"full text prefix", "q=protest*", []int64{1, 2}},
		{"min sources", "min_sources=2", []int64{2}},
		{"ids", "id=5,1", []int64{1, 5}},
		{"combined", "country=NGA&quad_class=4&from=2023-07-01&acled_type=Violence+against+civilians", []int64{5}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got api.EventList
			MustGet(t, base+"/api/events?order=id&"+tt.query, http.StatusOK, &got)
			if diff := cmp.Diff(tt.want, ids(got.Events)); diff != "" {
				t.Errorf("GET /api/events?%s: IDs (-want +got):\n%s", tt.query, diff)
			}
			if got.Next != "" {
				t.Errorf("GET /api/events?%s: next = %q on the only page", tt.query, got.Next)
			}
		})
	}
}

func TestEventRecord(t *testing.T) {
	base := fixtureServer(t)
	var got api.EventList
	MustGet(t, base+"/api/events?source=KENCOP", http.StatusOK, &got)
	if len(got.Events) != 1 {
		t.Fatalf("got %d events, want 1", len(got.Events))
	}
	e := got.Events[0]
	if e.NumMentions != 2 || e.NumSources != 2 || e.NumArticles != 2 {
		t.Errorf("mentions/sources/articles = %d/%d/%d, want 2/2/2", e.NumMentions, e.NumSources, e.NumArticles)
	}
	if e.CAMEO != "175" || e.Source == nil || e.Source.Text != "Kenyan police" || e.Location == nil || e.Location.Name != "Mombasa" {
		t.Errorf("event record = %+v, want the tear-gas event in Mombasa", e)
	}
}

func TestEventPagination(t *testing.T) {
	base := fixtureServer(t)
	for _, order := range []string{"id", "-id", "date", "-date", "-mentions"} {
		t.Run(order, func(t *testing.T) {
			var all api.EventList
			MustGet(t, base+"/api/events?order="+url.QueryEscape(order), http.StatusOK, &all)
			var paged []int64
			cursor := ""
			for pages := 0; ; pages++ {
				if pages > 10 {
					t.Fatal("pagination does not end")
				}
				var page api.EventList
				MustGet(t, base+"/api/events?limit=4&order="+url.QueryEscape(order)+"&cursor="+url.QueryEscape(cursor), http.StatusOK, &page)
				paged = append(paged, ids(page.Events)...)
				if page.Next == "" {
					break
				}
				cursor = page.Next
			}
			if diff := cmp.Diff(ids(all.Events), paged); diff != "" {
				t.Errorf("pages of 4 differ from one page (-one +pages):\n%s", diff)
			}
		})
	}
	t.Run("default order is latest first", func(t *testing.T) {
		var got api.EventList
		MustGet(t, base+"/api/events?limit=2", http.StatusOK, &got)
		if len(got.Events) != 2 || got.Next == "" {
			t.Fatalf("limit=2: %d events, next %q; want 2 and a cursor", len(got.Events), got.Next)
		}
		if d := got.Events[0].Date.String(); d != "2023-07-18" {
			t.Errorf("first event dated %s, want the latest, 2023-07-18", d)
		}
	})
}

func TestEventDetail(t *testing.T) {
	base := fixtureServer(t)
	var got api.EventDetail
	MustGet(t, base+"/api/events/2", http.StatusOK, &got)
	if got.Event.ID != 2 || len(got.Mentions) != 2 {
		t.Fatalf("event %d with %d mentions, want event 2 with 2", got.Event.ID, len(got.Mentions))
	}
	outlets := []string{got.Mentions[0].Outlet, got.Mentions[1].Outlet}
	if diff := cmp.Diff([]string{"coastal-times.example", "evening-wire.example"}, outlets); diff != "" {
		t.Errorf("mention outlets (-want +got):\n%s", diff)
	}
	ev := got.Mentions[1].Evidence
	if ev == nil {
		t.Fatal("second mention has no evidence")
	}
	wantText := "Kenyan police fired tear gas at protesters in Mombasa on Wednesday as workers marched on the harbour."
	if ev.Text != wantText {
		t.Errorf("evidence text = %q, want %q", ev.Text, wantText)
	}
	var joined strings.Builder
	var marked []api.Part
	for _, p := range ev.Parts {
		joined.WriteString(p.Text)
		if p.Kind != "" {
			marked = append(marked, p)
		}
	}
	if joined.String() != ev.Text {
		t.Errorf("parts join to %q, want the evidence text", joined.String())
	}
	want := []api.Part{
		{Text: "Kenyan police", Kind: api.MarkSource},
		{Text: "fired tear gas", Kind: api.MarkAction},
		{Text: "protesters", Kind: api.MarkTarget},
		{Text: "Mombasa", Kind: api.MarkLocation},
	}
	if diff := cmp.Diff(want, marked); diff != "" {
		t.Errorf("marked parts (-want +got):\n%s", diff)
	}
	// The first mention's sentence is the document's second line.
	if ev0 := got.Mentions[0].Evidence; ev0 == nil || ev0.Span.Start == 0 {
		t.Errorf("first mention evidence = %+v, want the sentence after the first line", ev0)
	}
}

func TestOtherEndpoints(t *testing.T) {
	base := fixtureServer(t)
	t.Run("healthz", func(t *testing.T) {
		var got map[string]string
		MustGet(t, base+"/healthz", http.StatusOK, &got)
		if got["status"] != "ok" {
			t.Errorf("healthz = %v", got)
		}
	})
	t.Run("stats", func(t *testing.T) {
		var got store.Stats
		MustGet(t, base+"/api/stats", http.StatusOK, &got)
		if got.Documents != 4 || got.Events != 6 || got.Mentions != 7 || got.Quotes != 1 {
			t.Errorf("stats = %+v, want 4 documents, 6 events, 7 mentions, 1 quote", got)
		}
	})
	t.Run("quotes", func(t *testing.T) {
		for _, q := range []struct {
			query string
			n     int
		}{{"", 1}, {"speaker=KENLAB", 1}, {"speaker=ETH", 0}, {"q=port", 1}, {"direct=false", 0}, {"document=1", 1}, {"document=2", 0}, {"speaker_text=otieno", 1}} {
			var got api.QuoteList
			MustGet(t, base+"/api/quotes?"+q.query, http.StatusOK, &got)
			if len(got.Quotes) != q.n {
				t.Errorf("GET /api/quotes?%s: %d quotes, want %d", q.query, len(got.Quotes), q.n)
			}
		}
	})
	t.Run("actors", func(t *testing.T) {
		var got api.ActorList
		MustGet(t, base+"/api/actors?code=KENCOP", http.StatusOK, &got)
		if len(got.Actors) != 1 || got.Actors[0].Count != 2 {
			t.Errorf("KENCOP actors = %+v, want one seen twice", got.Actors)
		}
		var page api.ActorList
		MustGet(t, base+"/api/actors?limit=2", http.StatusOK, &page)
		var rest api.ActorList
		MustGet(t, base+"/api/actors?limit=100&cursor="+page.Next, http.StatusOK, &rest)
		var all api.ActorList
		MustGet(t, base+"/api/actors", http.StatusOK, &all)
		if page.Next == "" || len(page.Actors)+len(rest.Actors) != len(all.Actors) || rest.Next != "" {
			t.Errorf("actor pages: %d + %d (next %q, %q), want %d in all", len(page.Actors), len(rest.Actors), page.Next, rest.Next, len(all.Actors))
		}
	})
	t.Run("timeline", func(t *testing.T) {
		var got api.Timeline
		MustGet(t, base+"/api/stats/timeline?bucket=month", http.StatusOK, &got)
		var counts []string
		for _, p := range got.Points {
			counts = append(counts, p.Start.String()+":"+strconv.Itoa(p.Events))
		}
		if diff := cmp.Diff([]string{"2023-05-01:2", "2023-06-01:2", "2023-07-01:2"}, counts); diff != "" {
			t.Errorf("monthly timeline (-want +got):\n%s", diff)
		}
		MustGet(t, base+"/api/stats/timeline?country=NGA", http.StatusOK, &got)
		if got.Bucket != store.Day || len(got.Points) != 1 || got.Points[0].Fatalities != 12 {
			t.Errorf("daily NGA timeline = %+v, want one day with 12 fatalities", got)
		}
	})
	t.Run("geojson", func(t *testing.T) {
		var got api.FeatureCollection
		r := MustGet(t, base+"/api/events.geojson?order=id", http.StatusOK, &got)
		if ct := r.header.Get("Content-Type"); ct != "application/geo+json" {
			t.Errorf("Content-Type = %q", ct)
		}
		var fids []int64
		for _, f := range got.Features {
			fids = append(fids, f.ID)
		}
		if diff := cmp.Diff([]int64{1, 2, 3, 5, 6}, fids); diff != "" {
			t.Errorf("features: the located events (-want +got):\n%s", diff)
		}
		if got.Type != "FeatureCollection" || got.Features[0].Geometry.Coordinates != [2]float64{39.66, -4.05} {
			t.Errorf("first feature = %+v, want a point at lon 39.66, lat -4.05", got.Features[0])
		}
	})
	t.Run("document", func(t *testing.T) {
		var got store.Document
		MustGet(t, base+"/api/documents/3", http.StatusOK, &got)
		if got.Article == nil || got.Article.ID != "summit-1" || len(got.Events) != 2 || !strings.HasPrefix(got.Article.Text, "Ethiopian") {
			t.Errorf("document 3 = %+v, want summit-1 with its text and 2 events", got)
		}
	})
}

func TestErrors(t *testing.T) {
	base := fixtureServer(t)
	tests := []struct {
		name, method, path string
		status             int
		code               string
		msg                string // substring
	}{
		{"unknown event", "GET", "/api/events/999", 404, api.CodeNotFound, "999"},
		{"bad event id", "GET", "/api/events/abc", 400, api.CodeInvalid, "positive integer"},
		{"unknown document", "GET", "/api/documents/999", 404, api.CodeNotFound, ""},
		{"unknown endpoint", "GET", "/api/nothing", 404, api.CodeNotFound, "/api/nothing"},
		{"outside the api", "GET", "/", 404, api.CodeNotFound, ""},
		{"misspelt filter", "GET", "/api/events?contry=KEN", 400, api.CodeInvalid, `unknown parameter "contry"`},
		{"quad class out of range", "GET", "/api/events?quad_class=5", 400, api.CodeInvalid, "quad_class"},
		{"bad date", "GET", "/api/events?from=2023-13-01", 400, api.CodeInvalid, "YYYY-MM-DD"},
		{"from after to", "GET", "/api/events?from=2023-06-02&to=2023-06-01", 400, api.CodeInvalid, "after"},
		{"bbox of three", "GET", "/api/events?bbox=1,2,3", 400, api.CodeInvalid, "west,south,east,north"},
		{"bbox upside down", "GET", "/api/events?bbox=0,10,5,-10", 400, api.CodeInvalid, "bbox"},
		{"bbox not numbers", "GET", "/api/events?bbox=a,b,c,d", 400, api.CodeInvalid, "bbox"},
		{"bbox NaN", "GET", "/api/events?bbox=NaN,0,1,1", 400, api.CodeInvalid, "bbox"},
		{"near off the globe", "GET", "/api/events?near=100,0", 400, api.CodeInvalid, "near"},
		{"radius without near", "GET", "/api/events?radius_km=5", 400, api.CodeInvalid, "radius_km"},
		{"negative radius", "GET", "/api/events?near=0,0&radius_km=-5", 400, api.CodeInvalid, "radius_km"},
		{"limit over the max", "GET", "/api/events?limit=1001", 400, api.CodeInvalid, "limit"},
		{"negative limit", "GET", "/api/events?limit=-1", 400, api.CodeInvalid, "limit"},
		{"bad order", "GET", "/api/events?order=random", 400, api.CodeInvalid, "order"},
		{"bad cursor", "GET", "/api/events?cursor=abc", 400, api.CodeInvalid, "cursor"},
		{"cursor of another order", "GET", "/api/events?order=id&cursor=20230101.4", 400, api.CodeInvalid, "cursor"},
		{"text without words", "GET", "/api/events?q=***", 400, api.CodeInvalid, "q:"},
		{"cameo not digits", "GET", "/api/events?cameo=1x", 400, api.CodeInvalid, "cameo"},
		{"root out of range", "GET", "/api/events?root=21", 400, api.CodeInvalid, "root"},
		{"country too long", "GET", "/api/events?country=KENYA", 400, api.CodeInvalid, "country"},
		{"parameter twice", "GET", "/api/events?country=KEN&country=ETH", 400, api.CodeInvalid, "once"},
		{"several problems at once", "GET", "/api/events?quad_class=9&from=x", 400, api.CodeInvalid, "quad_class"},
		{"bad bucket", "GET", "/api/stats/timeline?bucket=hour", 400, api.CodeInvalid, "bucket"},
		{"quote cursor", "GET", "/api/quotes?cursor=-3", 400, api.CodeInvalid, "cursor"},
		{"quote direct", "GET", "/api/quotes?direct=maybe", 400, api.CodeInvalid, "direct"},
		{"geojson over the max", "GET", "/api/events.geojson?limit=10001", 400, api.CodeInvalid, "limit"},
		{"stats take no parameters", "GET", "/api/stats?x=1", 400, api.CodeInvalid, "unknown parameter"},
		{"post to a read endpoint", "POST", "/api/events", 405, api.CodeMethod, "POST"},
		{"delete documents", "DELETE", "/api/documents", 405, api.CodeMethod, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := MustDo(t, tt.method, base+tt.path, "", nil)
			if r.status != tt.status {
				t.Errorf("%s %s: status %d, want %d; body %s", tt.method, tt.path, r.status, tt.status, r.body)
			}
			code, msg := errBody(t, r)
			if code != tt.code || !strings.Contains(msg, tt.msg) {
				t.Errorf("%s %s: error %s %q, want %s containing %q", tt.method, tt.path, code, msg, tt.code, tt.msg)
			}
			if tt.status == 405 && r.header.Get("Allow") == "" {
				t.Errorf("405 without an Allow header")
			}
		})
	}
	t.Run("several problems are all reported", func(t *testing.T) {
		_, msg := errBody(t, MustDo(t, "GET", base+"/api/events?quad_class=9&from=x&zzz=1", "", nil))
		for _, want := range []string{"quad_class", "from", "zzz"} {
			if !strings.Contains(msg, want) {
				t.Errorf("message %q does not name %s", msg, want)
			}
		}
	})
	t.Run("405 lists the allowed method", func(t *testing.T) {
		r := MustDo(t, "DELETE", base+"/api/documents", "", nil)
		if got := r.header.Values("Allow"); !slices.Equal(got, []string{"POST"}) {
			t.Errorf("Allow = %v, want [POST]", got)
		}
	})
}
