package web_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/annals-project/annals/internal/alert"
	"github.com/annals-project/annals/internal/event"
	"github.com/annals-project/annals/internal/web"
)

// fakeAlerts is an alert.Lister over a slice, newest first as a store
// lists them; a non-nil err fails every call.
type fakeAlerts struct {
	alerts []alert.Alert
	err    error
}

func (f *fakeAlerts) List(_ context.Context, flt alert.Filter) ([]alert.Alert, error) {
	if f.err != nil {
		return nil, f.err
	}
	var out []alert.Alert
	for _, a := range f.alerts {
		if flt.Country != "" && a.Country != flt.Country {
			continue
		}
		if flt.Limit > 0 && len(out) == flt.Limit {
			break
		}
		out = append(out, a)
	}
	return out, nil
}

func mustDate(tb testing.TB, s string) event.Date {
	tb.Helper()
	d, err := event.ParseDate(s)
	if err != nil {
		tb.Fatal(err)
	}
	return d
}

// testAlerts are alerts over the events of storetest.Corpus.
func testAlerts(tb testing.TB) []alert.Alert {
	tb.Helper()
	many := make([]alert.EventRef, 7)
	for i := range many {
		many[i] = alert.EventRef{ID: int64(100 + i), Date: mustDate(tb, "2024-03-05"), NumSources: 1}
	}
	many[0] = alert.EventRef{ID: 1, Date: mustDate(tb, "2024-03-05"), Text: "Police fired tear gas at protesters in Nairobi.", Place: "Nairobi", NumSources: 2}
	return []alert.Alert{
		{ID: 3, Cell: alert.Cell{Country: "NGA", Scheme: alert.SchemeCAMEO, Type: "14"}, TypeName: "Protest",
			Day: mustDate(tb, "2024-03-09"), Count: 6, Expected: 1.25,
			Events: []alert.EventRef{{ID: 4, Date: mustDate(tb, "2024-03-09"), Text: "Thousands marched in Lagos.", Place: "Lagos", NumSources: 1}}},
		{ID: 2, Cell: alert.Cell{Country: "NGA", Scheme: alert.SchemeACLED, Type: "Violence against civilians"}, TypeName: "Violence against civilians",
			Day: mustDate(tb, "2024-03-09"), Count: 1, Expected: 0.1,
			Events: []alert.EventRef{{ID: 3, Date: mustDate(tb, "2024-03-09"), NumSources: 1}}},
		{ID: 1, Cell: alert.Cell{Country: "KEN", Scheme: alert.SchemeCAMEO, Type: "14"}, TypeName: "Protest",
			Day: mustDate(tb, "2024-03-05"), Count: 7, Expected: 2, Events: many},
	}
}

func TestAlertsPanel(t *testing.T) {
	st := MustStore(t)
	tests := []struct {
		name   string
		alerts alert.Lister
		path   string
		// has are substrings the body must contain, hasnt ones it must
		// not.
		has, hasnt []string
	}{
		{name: "all countries", alerts: &fakeAlerts{alerts: testAlerts(t)}, path: "/",
			has: []string{`<h2 id="alerts-h">Recent alerts</h2>`, `href="/alerts.atom"`,
				`href="/?country=NGA&amp;from=2024-03-09&amp;root=14&amp;to=2024-03-09"`,
				`href="/?acled_type=Violence&#43;against&#43;civilians&amp;country=NGA&amp;from=2024-03-09&amp;to=2024-03-09"`,
				`href="/events/4"`, `href="/events/3"`, `href="/events/1"`, `href="/events/104"`, "and 2 more",
				"1 event,", "7 events,"},
			hasnt: []string{`href="/events/105"`}},
		{name: "one country", alerts: &fakeAlerts{alerts: testAlerts(t)}, path: "/?country=ken",
			has:   []string{"Recent alerts in Kenya", `href="/alerts.atom?country=KEN"`, `href="/events/1"`},
			hasnt: []string{`href="/events/4"`}},
		{name: "bad country", alerts: &fakeAlerts{alerts: testAlerts(t)}, path: "/?country=K1",
			has: []string{`<h2 id="alerts-h">Recent alerts</h2>`, `href="/events/4"`, `role="alert"`}},
		{name: "none", alerts: &fakeAlerts{}, path: "/", has: []string{"No alert yet."}},
		{name: "none in country", alerts: &fakeAlerts{alerts: testAlerts(t)}, path: "/?country=FJI", has: []string{"No alert for Fiji yet."}},
		{name: "store error", alerts: &fakeAlerts{err: errors.New("disk on fire")}, path: "/",
			has: []string{"The alerts could not be read", `<tr data-id="1">`}, hasnt: []string{"disk on fire"}},
		{name: "no alert store", path: "/", hasnt: []string{"alerts-h", "/alerts.atom"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			base := mustServeOptions(t, web.Options{Store: st, Alerts: tt.alerts})
			_, _, body := MustGet(t, "GET", base+tt.path)
			for _, s := range tt.has {
				if !strings.Contains(body, s) {
					t.Errorf("GET %s: body lacks %q", tt.path, s)
				}
			}
			for _, s := range tt.hasnt {
				if strings.Contains(body, s) {
					t.Errorf("GET %s: body has %q", tt.path, s)
				}
			}
		})
	}
}

// TestAlertsGolden compares the dashboard with its alerts panel with
// testdata/dashboard-alerts.golden; -update rewrites it.
func TestAlertsGolden(t *testing.T) {
	base := mustServeOptions(t, web.Options{Store: MustStore(t), Alerts: &fakeAlerts{alerts: testAlerts(t)}})
	_, _, got := MustGet(t, "GET", base+"/?country=NGA")
	got = versionRE.ReplaceAllString(got, "?v=HASH")
	file := filepath.Join("testdata", "dashboard-alerts.golden")
	if *update {
		if err := os.WriteFile(file, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(string(want), got); diff != "" {
		t.Errorf("GET /?country=NGA differs from %s (-want +got):\n%s", file, diff)
	}
}
