package alerttest

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/annals-project/annals/internal/alert"
	"github.com/annals-project/annals/internal/event"
)

// T0 is the time the suite's stores are opened with: what Now returns,
// and the Created time of the suite's alerts.
var T0 = time.Date(2022, 1, 6, 9, 0, 0, 0, time.UTC)

// An Opener returns a new, empty store whose clock is now, and closes it
// when tb ends (tb.Cleanup).
type Opener func(tb testing.TB, now func() time.Time) alert.Store

// Run runs the conformance suite against the stores open returns.
func Run(t *testing.T, open Opener) {
	tests := []struct {
		name string
		fn   func(*testing.T, alert.Store)
	}{
		{"AddAndList", testAddAndList},
		{"RoundTrip", testRoundTrip},
		{"Subscriptions", testSubscriptions},
		{"Deliveries", testDeliveries},
		{"ConcurrentAdd", testConcurrentAdd},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.fn(t, open(t, func() time.Time { return T0 }))
		})
	}
}

// Date parses a YYYY-MM-DD date written by a test; it panics on a typo.
func Date(s string) event.Date {
	d, err := event.ParseDate(s)
	if err != nil {
		panic(fmt.Sprintf("alerttest: bad date %q: %v", s, err))
	}
	return d
}

// Alert returns an alert of country and type on day with count events and
// one driving event, created at T0.
func Alert(country string, scheme alert.Scheme, typ, day string, count int) alert.Alert {
	three := 3
	return alert.Alert{
		Cell: alert.Cell{Country: country, Scheme: scheme, Type: typ}, Day: Date(day), Count: count,
		Expected: 2.5, P: 1e-9, Q: 1e-7, Created: T0,
		Events: []alert.EventRef{{ID: 7, Date: Date(day), CAMEO: typ + "1", Text: "Crowds marched on the square.", NumSources: 3, Fatalities: &three}},
	}
}

// Keys returns the keys of alerts, in order.
func Keys(alerts []alert.Alert) []string {
	var out []string
	for _, a := range alerts {
		out = append(out, a.Key())
	}
	return out
}

func testAddAndList(t *testing.T, s alert.Store) {
	ctx := context.Background()
	if got, err := s.List(ctx, alert.Filter{}); err != nil || len(got) != 0 {
		t.Fatalf("List of an empty store = %v, %v; want none", Keys(got), err)
	}
	if got, err := s.Add(ctx, nil); err != nil || len(got) != 0 {
		t.Fatalf("Add(nil) = %v, %v; want none", Keys(got), err)
	}
	first := []alert.Alert{
		Alert("KAZ", alert.SchemeCAMEO, "14", "2022-01-05", 30),
		Alert("KAZ", alert.SchemeACLED, "Protests", "2022-01-05", 28),
		Alert("KGZ", alert.SchemeCAMEO, "18", "2022-01-04", 9),
	}
	added, err := s.Add(ctx, first)
	if err != nil {
		t.Fatal(err)
	}
	if len(added) != 3 || added[0].ID <= 0 || added[1].ID <= added[0].ID || added[2].ID <= added[1].ID {
		t.Fatalf("Add = %v with IDs %v, want 3 new alerts with increasing IDs", Keys(added), ids(added))
	}
	// The same cells and days again (with other counts), and one new cell
	// and day twice in one call.
	again := append(first[:2:2], Alert("KAZ", alert.SchemeCAMEO, "14", "2022-01-06", 40), Alert("KAZ", alert.SchemeCAMEO, "14", "2022-01-06", 41))
	again[0].Count = 99
	added, err = s.Add(ctx, again)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"KAZ/cameo:14/2022-01-06"}, Keys(added)); diff != "" {
		t.Errorf("second Add (-want +got):\n%s", diff)
	}
	if len(added) == 1 && added[0].Count != 40 {
		t.Errorf("second Add kept count %d, want the first one given, 40", added[0].Count)
	}

	tests := []struct {
		name string
		f    alert.Filter
		want []string
	}{
		{"all, newest day first", alert.Filter{}, []string{"KAZ/cameo:14/2022-01-06", "KAZ/acled:Protests/2022-01-05", "KAZ/cameo:14/2022-01-05", "KGZ/cameo:18/2022-01-04"}},
		{"country", alert.Filter{Country: "KGZ"}, []string{"KGZ/cameo:18/2022-01-04"}},
		{"unknown country", alert.Filter{Country: "UZB"}, nil},
		{"type", alert.Filter{Scheme: alert.SchemeCAMEO, Type: "14"}, []string{"KAZ/cameo:14/2022-01-06", "KAZ/cameo:14/2022-01-05"}},
		{"scheme", alert.Filter{Scheme: alert.SchemeACLED}, []string{"KAZ/acled:Protests/2022-01-05"}},
		{"from", alert.Filter{From: Date("2022-01-05")}, []string{"KAZ/cameo:14/2022-01-06", "KAZ/acled:Protests/2022-01-05", "KAZ/cameo:14/2022-01-05"}},
		{"dates", alert.Filter{From: Date("2022-01-05"), To: Date("2022-01-05")}, []string{"KAZ/acled:Protests/2022-01-05", "KAZ/cameo:14/2022-01-05"}},
		{"limit", alert.Filter{Limit: 1}, []string{"KAZ/cameo:14/2022-01-06"}},
		{"everything", alert.Filter{Country: "KAZ", Scheme: alert.SchemeCAMEO, Type: "14", To: Date("2022-01-05"), Limit: 5}, []string{"KAZ/cameo:14/2022-01-05"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := s.List(ctx, tt.f)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, Keys(got)); diff != "" {
				t.Errorf("List(%+v) (-want +got):\n%s", tt.f, diff)
			}
		})
	}
	got, err := s.List(ctx, alert.Filter{Country: "KAZ", Scheme: alert.SchemeCAMEO, Type: "14", From: Date("2022-01-05"), To: Date("2022-01-05")})
	if err != nil || len(got) != 1 {
		t.Fatalf("List of one alert = %v, %v", Keys(got), err)
	}
	want := first[0]
	want.ID = got[0].ID
	if diff := cmp.Diff([]alert.Alert{want}, got); diff != "" {
		t.Errorf("stored alert (-added +listed):\n%s", diff)
	}
}

func ids(alerts []alert.Alert) []int64 {
	var out []int64
	for _, a := range alerts {
		out = append(out, a.ID)
	}
	return out
}

// testRoundTrip stores alerts with every field set and awkward text, and
// lists them back unchanged.
func testRoundTrip(t *testing.T, s alert.Store) {
	ctx := context.Background()
	full := Alert("CIV", alert.SchemeACLED, "Violence against civilians", "2021-12-31", 12)
	full.TypeName = "Violence against civilians"
	full.Baseline, full.Ratio, full.Dispersion, full.Weekday, full.Volume = 0.4285714285714286, 4.8, 0.125, 1.1666666666666667, 0.93
	full.P, full.Q = 4.9406564584124654e-324, 1.7976931348623157e+308
	full.Created = time.Date(2022, 1, 1, 23, 59, 59, 123456000, time.UTC)
	full.Events = append(full.Events, alert.EventRef{
		ID: 1 << 40, DocumentID: 99, Date: Date("2021-12-30"), CAMEO: "180", ACLEDType: "Violence against civilians",
		Text:   "Gunmen \"stormed\" a café in Abidjan — witnesses said <three> died & \\ fled.\u0000\tEnd\u2028.",
		Source: "Gunmen", Target: "Civilians", Place: "Abidjan", NumSources: 1, Mentions: 2,
	})
	bare := alert.Alert{Cell: alert.Cell{Country: "ZZZ", Scheme: alert.SchemeCAMEO, Type: "20"}, Day: Date("1999-01-01")}
	in := []alert.Alert{full, bare}
	added, err := s.Add(ctx, in)
	if err != nil {
		t.Fatal(err)
	}
	got, err := s.List(ctx, alert.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(added) != 2 || len(got) != 2 {
		t.Fatalf("Add = %v, List = %v; want both alerts", Keys(added), Keys(got))
	}
	for i := range in {
		in[i].ID = added[i].ID
	}
	// Sorting inputs by day descending gives List's order.
	if diff := cmp.Diff(in, got); diff != "" {
		t.Errorf("List after Add (-added +listed):\n%s", diff)
	}
	if diff := cmp.Diff(in, added); diff != "" {
		t.Errorf("Add's result (-given +returned):\n%s", diff)
	}
}

// subs are the suite's subscriptions: two to Kazakhstan at one endpoint,
// one to ACLED protests anywhere, one to everything.
var subs = []alert.Subscription{
	{Endpoint: "http://127.0.0.1:9/kaz", Country: "KAZ"},
	{Endpoint: "http://127.0.0.1:9/protests", Scheme: alert.SchemeACLED, Type: "Protests"},
	{Endpoint: "http://127.0.0.1:9/kaz", Country: "KAZ", Scheme: alert.SchemeCAMEO, Type: "14"},
	{Endpoint: "http://127.0.0.1:9/all"},
}

func mustSubscribe(t *testing.T, s alert.Store) []alert.Subscription {
	t.Helper()
	var out []alert.Subscription
	for _, sub := range subs {
		got, err := s.Subscribe(context.Background(), sub)
		if err != nil {
			t.Fatalf("Subscribe(%+v) = %v", sub, err)
		}
		out = append(out, got)
	}
	return out
}

func testSubscriptions(t *testing.T, s alert.Store) {
	ctx := context.Background()
	if got, err := s.Subscriptions(ctx); err != nil || len(got) != 0 {
		t.Fatalf("Subscriptions of an empty store = %v, %v; want none", got, err)
	}
	stored := mustSubscribe(t, s)
	for i, got := range stored {
		want := subs[i]
		want.ID, want.Created = got.ID, T0
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("Subscribe(%+v) (-want +got):\n%s", subs[i], diff)
		}
		if i > 0 && got.ID <= stored[i-1].ID {
			t.Errorf("Subscribe(%+v) = ID %d after ID %d, want increasing IDs", subs[i], got.ID, stored[i-1].ID)
		}
	}
	again, err := s.Subscribe(ctx, subs[0])
	if err != nil || again.ID != stored[0].ID {
		t.Errorf("Subscribe again = ID %d, %v; want the stored ID %d", again.ID, err, stored[0].ID)
	}

	bad := []struct {
		name string
		sub  alert.Subscription
	}{
		{"not http", alert.Subscription{Endpoint: "mailto:desk@example.org"}},
		{"lower-case country", alert.Subscription{Endpoint: "http://127.0.0.1:9/", Country: "kaz"}},
		{"scheme without type", alert.Subscription{Endpoint: "http://127.0.0.1:9/", Scheme: alert.SchemeCAMEO}},
		{"no such root", alert.Subscription{Endpoint: "http://127.0.0.1:9/", Scheme: alert.SchemeCAMEO, Type: "21"}},
		{"misspelt ACLED type", alert.Subscription{Endpoint: "http://127.0.0.1:9/", Scheme: alert.SchemeACLED, Type: "protests"}},
	}
	for _, tt := range bad {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := s.Subscribe(ctx, tt.sub); !errors.Is(err, alert.ErrInvalid) {
				t.Errorf("Subscribe(%+v) = %v, want ErrInvalid", tt.sub, err)
			}
		})
	}

	last := stored[3].ID
	if err := s.Unsubscribe(ctx, last); err != nil {
		t.Fatal(err)
	}
	if err := s.Unsubscribe(ctx, last); !errors.Is(err, alert.ErrNotFound) {
		t.Errorf("Unsubscribe twice = %v, want ErrNotFound", err)
	}
	if err := s.Unsubscribe(ctx, last+1000); !errors.Is(err, alert.ErrNotFound) {
		t.Errorf("Unsubscribe of an unknown ID = %v, want ErrNotFound", err)
	}
	list, err := s.Subscriptions(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(stored[:3], list); diff != "" {
		t.Errorf("Subscriptions after Unsubscribe (-want +got):\n%s", diff)
	}
}

// row is a delivery as the suite compares it.
type row struct {
	Key, Endpoint string
	State         alert.DeliveryState
	Attempts      int
	LastError     string
}

func pendingRows(t *testing.T, s alert.Store) []row {
	t.Helper()
	p, err := s.Pending(context.Background(), 0)
	if err != nil {
		t.Fatal(err)
	}
	var out []row
	for _, d := range p {
		out = append(out, row{d.Alert.Key(), d.Endpoint, d.State, d.Attempts, d.LastError})
	}
	return out
}

func testDeliveries(t *testing.T, s alert.Store) {
	ctx := context.Background()
	// An alert raised before any subscription is never queued.
	if _, err := s.Add(ctx, []alert.Alert{Alert("KAZ", alert.SchemeCAMEO, "14", "2022-01-01", 20)}); err != nil {
		t.Fatal(err)
	}
	stored := mustSubscribe(t, s)
	if err := s.Unsubscribe(ctx, stored[3].ID); err != nil {
		t.Fatal(err)
	}
	added, err := s.Add(ctx, []alert.Alert{
		Alert("KAZ", alert.SchemeCAMEO, "14", "2022-01-05", 30),
		Alert("KAZ", alert.SchemeACLED, "Protests", "2022-01-05", 28),
		Alert("UZB", alert.SchemeCAMEO, "14", "2022-01-05", 9),
	})
	if err != nil {
		t.Fatal(err)
	}
	// Pending lists the oldest alert first, then by endpoint.
	want := []row{
		{"KAZ/cameo:14/2022-01-05", "http://127.0.0.1:9/kaz", alert.StatePending, 0, ""},
		{"KAZ/acled:Protests/2022-01-05", "http://127.0.0.1:9/kaz", alert.StatePending, 0, ""},
		{"KAZ/acled:Protests/2022-01-05", "http://127.0.0.1:9/protests", alert.StatePending, 0, ""},
	}
	if diff := cmp.Diff(want, pendingRows(t, s)); diff != "" {
		t.Fatalf("Pending (-want +got):\n%s", diff)
	}
	p, err := s.Pending(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(added[0], p[0].Alert); diff != "" {
		t.Errorf("Pending's alert (-added +pending):\n%s", diff)
	}
	if !p[0].Updated.Equal(T0) {
		t.Errorf("pending delivery updated %v, want the alert's creation %v", p[0].Updated, T0)
	}

	// Deliveries stay queued when their subscription goes.
	if err := s.Unsubscribe(ctx, stored[1].ID); err != nil {
		t.Fatal(err)
	}
	p, err = s.Pending(ctx, 2)
	if err != nil {
		t.Fatal(err)
	}
	if len(p) != 2 {
		t.Fatalf("Pending(2) = %d deliveries, want 2", len(p))
	}
	later := T0.Add(90 * time.Second)
	p[0].State, p[0].Attempts, p[0].Updated = alert.StateDelivered, 3, later
	p[1].Attempts, p[1].LastError, p[1].Updated = 5, "503 Service Unavailable", later
	for _, d := range p {
		if err := s.Record(ctx, d); err != nil {
			t.Fatal(err)
		}
	}
	want = []row{
		{"KAZ/acled:Protests/2022-01-05", "http://127.0.0.1:9/kaz", alert.StatePending, 5, "503 Service Unavailable"},
		{"KAZ/acled:Protests/2022-01-05", "http://127.0.0.1:9/protests", alert.StatePending, 0, ""},
	}
	if diff := cmp.Diff(want, pendingRows(t, s)); diff != "" {
		t.Errorf("Pending after Record (-want +got):\n%s", diff)
	}
	if p, err := s.Pending(ctx, 1); err != nil || len(p) != 1 || !p[0].Updated.Equal(later) {
		t.Errorf("Pending(1) = %+v, %v; want the recorded delivery updated at %v", p, err, later)
	}

	p[1].State, p[1].Attempts, p[1].LastError = alert.StateFailed, 20, "410 Gone"
	if err := s.Record(ctx, p[1]); err != nil {
		t.Fatal(err)
	}
	unknown := p[1]
	unknown.Endpoint = "http://127.0.0.1:9/nobody"
	if err := s.Record(ctx, unknown); err != nil {
		t.Errorf("Record of an unknown delivery = %v, want a no-op", err)
	}
	want = want[1:]
	if diff := cmp.Diff(want, pendingRows(t, s)); diff != "" {
		t.Errorf("Pending after a failure (-want +got):\n%s", diff)
	}
	// Error text is whatever a server sent: a store keeps it as it can.
	rest, err := s.Pending(ctx, 0)
	if err != nil || len(rest) != 1 {
		t.Fatalf("Pending = %d deliveries, %v; want 1", len(rest), err)
	}
	rest[0].Attempts, rest[0].LastError = 1, "502 Bad\x00Gateway \xff\xfe"
	if err := s.Record(ctx, rest[0]); err != nil {
		t.Errorf("Record with a NUL and invalid UTF-8 in LastError = %v", err)
	}
	if rest, err = s.Pending(ctx, 0); err != nil || len(rest) != 1 || rest[0].Attempts != 1 || !strings.HasPrefix(rest[0].LastError, "502 Bad") {
		t.Errorf("Pending after Record = %+v, %v; want one delivery with 1 attempt and its error", rest, err)
	}
	p[1].State = "lost"
	if err := s.Record(ctx, p[1]); !errors.Is(err, alert.ErrInvalid) {
		t.Errorf("Record with state lost = %v, want ErrInvalid", err)
	}
}

// testConcurrentAdd adds overlapping batches from several goroutines:
// each alert is returned as new exactly once, and queued once.
func testConcurrentAdd(t *testing.T, s alert.Store) {
	ctx := context.Background()
	if _, err := s.Subscribe(ctx, alert.Subscription{Endpoint: "http://127.0.0.1:9/all"}); err != nil {
		t.Fatal(err)
	}
	const workers, days = 4, 6
	var batch []alert.Alert
	for d := range days {
		batch = append(batch, Alert("KAZ", alert.SchemeCAMEO, "14", fmt.Sprintf("2022-01-%02d", d+1), 10+d))
	}
	var mu sync.Mutex
	var all []string
	errs := make([]error, workers)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			mine := slices.Clone(batch)
			slices.Reverse(mine[:w%days]) // differing orders
			added, err := s.Add(ctx, mine)
			errs[w] = err
			mu.Lock()
			all = append(all, Keys(added)...)
			mu.Unlock()
		})
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		t.Fatal(err)
	}
	slices.Sort(all)
	want := Keys(batch)
	slices.Sort(want)
	if diff := cmp.Diff(want, all); diff != "" {
		t.Errorf("alerts returned as new (-want +got):\n%s", diff)
	}
	if p, err := s.Pending(ctx, 0); err != nil || len(p) != days {
		t.Errorf("Pending = %d deliveries, %v; want %d", len(p), err, days)
	}
}
