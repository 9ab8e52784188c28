package alert_test

import (
	"cmp"
	"context"
	"net/http/httptest"
	"path/filepath"
	"slices"
	"testing"
	"time"

	gocmp "github.com/google/go-cmp/cmp"

	"github.com/annals-project/annals/internal/alert"
	alertsqlite "github.com/annals-project/annals/internal/alert/sqlite"
	"github.com/annals-project/annals/internal/store"
)

// sliceEvents is an alert.EventLister over records in memory: it honours
// the From, To, Order (date only), Limit and After of a filter, as Tally
// uses them.
type sliceEvents struct {
	recs    []store.EventRecord
	queries int
}

func (s *sliceEvents) Events(_ context.Context, f store.EventFilter) ([]store.EventRecord, error) {
	s.queries++
	if f.Order != store.OrderDate {
		panic("sliceEvents: want date order")
	}
	var c store.Cursor
	if f.After != "" {
		var err error
		if c, err = store.ParseCursor(f.Order, f.After); err != nil {
			return nil, err
		}
	}
	var out []store.EventRecord
	for _, r := range s.recs {
		k := int64(store.DateKey(r.Date))
		if k < int64(store.DateKey(f.From)) || k > int64(store.DateKey(f.To)) {
			continue
		}
		if f.After != "" && (k < c.Key || (k == c.Key && r.ID <= c.ID)) {
			continue
		}
		out = append(out, r)
	}
	slices.SortFunc(out, func(a, b store.EventRecord) int {
		return cmp.Or(cmp.Compare(store.DateKey(a.Date), store.DateKey(b.Date)), cmp.Compare(a.ID, b.ID))
	})
	if f.Limit > 0 && len(out) > f.Limit {
		out = out[:f.Limit]
	}
	return out, nil
}

func mustAlertStore(t *testing.T) *alertsqlite.Store {
	t.Helper()
	s, err := alertsqlite.Open(context.Background(), filepath.Join(t.TempDir(), "annals.db"), alertsqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func mustSubscribe(t *testing.T, s alert.Store, sub alert.Subscription) {
	t.Helper()
	if _, err := s.Subscribe(context.Background(), sub); err != nil {
		t.Fatal(err)
	}
}

func keys(alerts []alert.Alert) []string {
	var out []string
	for _, a := range alerts {
		out = append(out, a.Key())
	}
	return out
}

// TestWatcherDelivers runs a watcher on the surge month against a webhook
// that fails twice before it accepts: the alert is delivered once, after
// two retries, and later runs deliver nothing new.
func TestWatcherDelivers(t *testing.T) {
	ctx := context.Background()
	events := &sliceEvents{recs: withSurge(month(1), &synthSurge{country: "KAZ", root: "14", day: surgeDay, extra: 30}).records()}
	hook := &flakyServer{fails: 2, status: 500}
	srv := httptest.NewServer(hook)
	defer srv.Close()
	alerts := mustAlertStore(t)
	mustSubscribe(t, alerts, alert.Subscription{Endpoint: srv.URL + "/kaz", Country: "KAZ"})
	mustSubscribe(t, alerts, alert.Subscription{Endpoint: srv.URL + "/protests", Scheme: alert.SchemeCAMEO, Type: "14"})
	mustSubscribe(t, alerts, alert.Subscription{Endpoint: srv.URL + "/tur", Country: "TUR"})

	var waits []time.Duration
	now := noon(surgeDay)
	w := &alert.Watcher{
		Events: events, Alerts: alerts, Detector: mustDetector(t, alert.DefaultConfig()),
		Webhook:  &alert.Webhook{Sleep: recordSleeps(&waits)},
		TypeName: func(c alert.Cell) string { return map[string]string{"14": "PROTEST"}[c.Type] },
		Now:      func() time.Time { return now() },
	}
	type run struct {
		New                               []string
		Delivered, Posts, Retries, Failed int
	}
	summary := func(r alert.Result) run {
		return run{keys(r.New), r.Delivered, r.Posts, r.Retries, r.Failed}
	}

	res, err := w.Once(ctx)
	if err != nil {
		t.Fatal(err)
	}
	// Two endpoints match: /kaz fails twice then takes it, /protests
	// takes it at once; /tur gets nothing.
	want := run{New: []string{"KAZ/cameo:14/2022-01-05"}, Delivered: 2, Posts: 4, Retries: 2}
	if diff := gocmp.Diff(want, summary(res)); diff != "" {
		t.Errorf("first run (-want +got):\n%s", diff)
	}
	if len(res.Days) != 2 || len(res.Days[1].Tests) == 0 || events.queries < 2 {
		t.Errorf("first run tested %d days, %d queries", len(res.Days), events.queries)
	}
	if diff := gocmp.Diff([]time.Duration{time.Second, 2 * time.Second}, waits); diff != "" {
		t.Errorf("backoff waits (-want +got):\n%s", diff)
	}
	if got := hook.requests(); len(got) != 4 {
		t.Errorf("webhook saw %d requests, want 4: %v", len(got), got)
	}
	if a := hook.bodies[len(hook.bodies)-1]; a.TypeName != "PROTEST" || a.ID == 0 || a.Created != now().UTC() || len(a.Events) != 5 {
		t.Errorf("delivered alert: %+v", a)
	}

	// The same day again, then the next day (which tests 5 January again):
	// nothing new, nothing posted.
	for _, day := range []string{"2022-01-05", "2022-01-06"} {
		now = noon(mustDate(day))
		res, err := w.Once(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if diff := gocmp.Diff(run{}, summary(res)); diff != "" {
			t.Errorf("run on %s (-want +got):\n%s", day, diff)
		}
		if day == "2022-01-06" && !slices.Contains(keys(res.Raised), "KAZ/cameo:14/2022-01-05") {
			t.Errorf("run on %s raised %v, want the stored alert again", day, keys(res.Raised))
		}
	}
	if got := hook.requests(); len(got) != 4 {
		t.Errorf("webhook saw %d requests after three runs, want 4", len(got))
	}
	stored, err := alerts.List(ctx, alert.Filter{})
	if err != nil || len(stored) != 1 {
		t.Errorf("stored alerts: %v, %v; want 1", keys(stored), err)
	}
}

// TestWatcherEndpointDown checks that a delivery waits in the queue while
// its endpoint is down, is retried by the next run, and that a refusal is
// final.
func TestWatcherEndpointDown(t *testing.T) {
	ctx := context.Background()
	events := &sliceEvents{recs: withSurge(month(1), &synthSurge{country: "KAZ", root: "14", day: surgeDay, extra: 30}).records()}
	hook := &flakyServer{fails: 7, status: 503}
	srv := httptest.NewServer(hook)
	defer srv.Close()
	gone := &flakyServer{fails: 100, status: 404}
	srvGone := httptest.NewServer(gone)
	defer srvGone.Close()
	alerts := mustAlertStore(t)
	mustSubscribe(t, alerts, alert.Subscription{Endpoint: srv.URL})
	mustSubscribe(t, alerts, alert.Subscription{Endpoint: srvGone.URL})
	var waits []time.Duration
	w := &alert.Watcher{
		Events: events, Alerts: alerts, Detector: mustDetector(t, alert.DefaultConfig()),
		Webhook: &alert.Webhook{Sleep: recordSleeps(&waits)}, Now: noon(surgeDay),
	}
	var got [][4]int
	for range 3 {
		res, err := w.Once(ctx)
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, [4]int{res.Delivered, res.Failed, res.Pending, res.Posts})
	}
	// Run 1: 5 POSTs to the first endpoint fail (pending), 1 to the gone
	// one is refused (failed). Run 2: 2 more fail, the 3rd succeeds.
	// Run 3: nothing left.
	want := [][4]int{{0, 1, 1, 6}, {1, 0, 0, 3}, {0, 0, 0, 0}}
	if diff := gocmp.Diff(want, got); diff != "" {
		t.Errorf("runs [delivered failed pending posts] (-want +got):\n%s", diff)
	}
	if n := len(gone.requests()); n != 1 {
		t.Errorf("gone endpoint saw %d requests, want 1", n)
	}
}

func TestWatcherRun(t *testing.T) {
	w := &alert.Watcher{
		Events: &sliceEvents{}, Alerts: mustAlertStore(t), Detector: mustDetector(t, alert.DefaultConfig()),
		Now: noon(surgeDay),
	}
	if err := w.Run(context.Background(), 0); err == nil {
		t.Error("Run with a zero interval: want an error")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	if err := w.Run(ctx, 10*time.Millisecond); err != nil {
		t.Errorf("Run until the context ends = %v, want nil", err)
	}
	if _, err := (&alert.Watcher{}).Once(context.Background()); err == nil {
		t.Error("Once without Events, Alerts and Detector: want an error")
	}
}
