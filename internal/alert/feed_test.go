package alert_test

import (
	"bytes"
	"context"
	"encoding/xml"
	"flag"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/annals-project/annals/internal/alert"
)

var update = flag.Bool("update", false, "update golden files")

// fixedAlerts are two alerts as a store returns them, newest day first.
func fixedAlerts() []alert.Alert {
	four := 4
	created := time.Date(2022, 1, 6, 9, 30, 0, 0, time.UTC)
	return []alert.Alert{
		{
			ID: 2, Cell: alert.Cell{Country: "KAZ", Scheme: alert.SchemeCAMEO, Type: "14"}, TypeName: "PROTEST",
			Day: mustDate("2022-01-05"), Count: 32, Expected: 3.47, Baseline: 2.96, Ratio: 9.2,
			P: 5.9e-12, Q: 9.5e-10, Dispersion: 0.09, Weekday: 1.02, Volume: 1.18, Created: created,
			Events: []alert.EventRef{
				{ID: 901, DocumentID: 77, Date: mustDate("2022-01-05"), CAMEO: "145", Text: "Police fired tear gas at protesters in Almaty's main square on Wednesday, & witnesses said <dozens> were hurt.",
					Source: "police", Target: "protesters", Place: "Almaty", NumSources: 12, Mentions: 19, Fatalities: &four},
				{ID: 902, DocumentID: 78, Date: mustDate("2022-01-05"), CAMEO: "141", Text: "Thousands marched in Zhanaozen against the fuel price rise.",
					Place: "Zhanaozen", NumSources: 9, Mentions: 11},
			},
		},
		{
			ID: 1, Cell: alert.Cell{Country: "KGZ", Scheme: alert.SchemeACLED, Type: "Riots"}, TypeName: "Riots",
			Day: mustDate("2022-01-04"), Count: 7, Expected: 0.8, Baseline: 0.7, Ratio: 8.75,
			P: 2e-6, Q: 3e-4, Weekday: 0.97, Volume: 1, Created: created.Add(-24 * time.Hour),
		},
	}
}

// atomDoc is what RFC 4287 requires of a feed and its entries.
type atomDoc struct {
	XMLName xml.Name `xml:"http://www.w3.org/2005/Atom feed"`
	ID      string   `xml:"http://www.w3.org/2005/Atom id"`
	Title   string   `xml:"http://www.w3.org/2005/Atom title"`
	Updated string   `xml:"http://www.w3.org/2005/Atom updated"`
	Author  []struct {
		Name string `xml:"http://www.w3.org/2005/Atom name"`
	} `xml:"http://www.w3.org/2005/Atom author"`
	Links []struct {
		Rel  string `xml:"rel,attr"`
		Href string `xml:"href,attr"`
	} `xml:"http://www.w3.org/2005/Atom link"`
	Entries []struct {
		ID      string `xml:"http://www.w3.org/2005/Atom id"`
		Title   string `xml:"http://www.w3.org/2005/Atom title"`
		Updated string `xml:"http://www.w3.org/2005/Atom updated"`
		Content struct {
			Type string `xml:"type,attr"`
			Body string `xml:",chardata"`
		} `xml:"http://www.w3.org/2005/Atom content"`
		Links []struct {
			Rel  string `xml:"rel,attr"`
			Href string `xml:"href,attr"`
		} `xml:"http://www.w3.org/2005/Atom link"`
		Categories []struct {
			Term string `xml:"term,attr"`
		} `xml:"http://www.w3.org/2005/Atom category"`
	} `xml:"http://www.w3.org/2005/Atom entry"`
}

// parseAtom parses b as XML and checks the elements RFC 4287 requires:
// feed id, title, updated and author (or an author in every entry); entry
// id, title, updated, and content or an alternate link; timestamps in RFC
// 3339.
func parseAtom(t *testing.T, b []byte) atomDoc {
	t.Helper()
	// Well-formed XML first, token by token.
	dec := xml.NewDecoder(bytes.NewReader(b))
	for {
		_, err := dec.Token()
		if err != nil {
			if err.Error() == "EOF" {
				break
			}
			t.Fatalf("feed is not well-formed XML: %v\n%s", err, b)
		}
	}
	var doc atomDoc
	if err := xml.Unmarshal(b, &doc); err != nil {
		t.Fatalf("feed does not decode as Atom: %v", err)
	}
	rfc3339 := func(what, s string) {
		if _, err := time.Parse(time.RFC3339, s); err != nil {
			t.Errorf("%s %q is not an RFC 3339 date", what, s)
		}
	}
	if doc.ID == "" || doc.Title == "" || len(doc.Author) == 0 || doc.Author[0].Name == "" {
		t.Errorf("feed lacks id, title or author: %+v", doc)
	}
	rfc3339("feed updated", doc.Updated)
	ids := map[string]bool{}
	for i, e := range doc.Entries {
		if e.ID == "" || e.Title == "" || (e.Content.Body == "" && len(e.Links) == 0) {
			t.Errorf("entry %d lacks id, title, or content and link: %+v", i, e)
		}
		if ids[e.ID] {
			t.Errorf("entry %d repeats id %s", i, e.ID)
		}
		ids[e.ID] = true
		rfc3339("entry updated", e.Updated)
	}
	return doc
}

func TestFeed(t *testing.T) {
	cfg := alert.FeedConfig{
		Self: "http://127.0.0.1:8080/alerts.atom",
		Link: func(a *alert.Alert) string {
			return "http://127.0.0.1:8080/?country=" + a.Country + "&from=" + a.Day.String() + "&to=" + a.Day.String()
		},
	}
	got, err := alert.Feed(fixedAlerts(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join("testdata", "feed.golden")
	if *update {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(string(want), string(got)); diff != "" {
		t.Errorf("Feed (-golden +got):\n%s", diff)
	}
	doc := parseAtom(t, got)
	if len(doc.Entries) != 2 || doc.Updated != "2022-01-06T09:30:00Z" {
		t.Fatalf("got %d entries updated %s, want 2 updated 2022-01-06T09:30:00Z", len(doc.Entries), doc.Updated)
	}
	e := doc.Entries[0]
	if e.ID != "urn:annals:alerts:KAZ%2Fcameo:14%2F2022-01-05" || e.Content.Type != "html" ||
		!strings.Contains(e.Content.Body, "Almaty&#39;s main square on Wednesday, &amp; witnesses said &lt;dozens&gt;") {
		t.Errorf("first entry id %q, content (%s) %q", e.ID, e.Content.Type, e.Content.Body)
	}
	if len(doc.Links) != 1 || doc.Links[0].Rel != "self" || len(e.Links) != 1 || e.Links[0].Rel != "alternate" {
		t.Errorf("links: feed %+v, entry %+v", doc.Links, e.Links)
	}
}

func TestFeedEmpty(t *testing.T) {
	now := time.Date(2022, 1, 7, 0, 0, 0, 0, time.UTC)
	got, err := alert.Feed(nil, alert.FeedConfig{Now: func() time.Time { return now }})
	if err != nil {
		t.Fatal(err)
	}
	doc := parseAtom(t, got)
	if len(doc.Entries) != 0 || doc.Updated != "2022-01-07T00:00:00Z" || doc.ID != "urn:annals:alerts" {
		t.Errorf("empty feed: %+v", doc)
	}
}

// listerFunc adapts a function to alert.Lister.
type listerFunc func(context.Context, alert.Filter) ([]alert.Alert, error)

func (f listerFunc) List(ctx context.Context, flt alert.Filter) ([]alert.Alert, error) {
	return f(ctx, flt)
}

func TestFeedHandler(t *testing.T) {
	var seen alert.Filter
	h := alert.FeedHandler(listerFunc(func(_ context.Context, f alert.Filter) ([]alert.Alert, error) {
		seen = f
		if f.Country == "ERR" {
			return nil, os.ErrPermission
		}
		return fixedAlerts(), nil
	}), alert.FeedConfig{})
	tests := []struct {
		name, method, target string
		header               http.Header
		status               int
		filter               alert.Filter
	}{
		{"all", "GET", "/alerts.atom", nil, 200, alert.Filter{Limit: 100}},
		{"filtered", "GET", "/alerts.atom?country=kaz&type=14&limit=5", nil, 200,
			alert.Filter{Country: "KAZ", Scheme: alert.SchemeCAMEO, Type: "14", Limit: 5}},
		{"acled type", "GET", "/alerts.atom?type=riots", nil, 200, alert.Filter{Scheme: alert.SchemeACLED, Type: "Riots", Limit: 100}},
		{"head", "HEAD", "/alerts.atom", nil, 200, alert.Filter{Limit: 100}},
		{"not modified", "GET", "/alerts.atom", http.Header{"If-Modified-Since": {"Thu, 06 Jan 2022 09:30:00 GMT"}}, 304, alert.Filter{Limit: 100}},
		{"bad country", "GET", "/alerts.atom?country=K1", nil, 400, alert.Filter{}},
		{"bad type", "GET", "/alerts.atom?type=cameo:99", nil, 400, alert.Filter{}},
		{"bad limit", "GET", "/alerts.atom?limit=-1", nil, 400, alert.Filter{}},
		{"store error", "GET", "/alerts.atom?country=ERR", nil, 500, alert.Filter{Country: "ERR", Limit: 100}},
		{"post", "POST", "/alerts.atom", nil, 405, alert.Filter{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			seen = alert.Filter{}
			req := httptest.NewRequest(tt.method, "http://example.test"+tt.target, nil)
			for k, v := range tt.header {
				req.Header[k] = v
			}
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			if rec.Code != tt.status {
				t.Fatalf("%s %s: status %d, want %d: %s", tt.method, tt.target, rec.Code, tt.status, rec.Body)
			}
			if diff := cmp.Diff(tt.filter, seen); diff != "" {
				t.Errorf("filter (-want +got):\n%s", diff)
			}
			if tt.status != 200 {
				return
			}
			if ct := rec.Header().Get("Content-Type"); ct != "application/atom+xml; charset=utf-8" {
				t.Errorf("Content-Type = %q", ct)
			}
			if tt.method == "HEAD" {
				return
			}
			doc := parseAtom(t, rec.Body.Bytes())
			if len(doc.Links) != 1 || doc.Links[0].Href != "http://example.test"+tt.target {
				t.Errorf("self link %+v, want the request URL", doc.Links)
			}
		})
	}
}
