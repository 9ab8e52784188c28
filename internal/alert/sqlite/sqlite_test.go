package sqlite_test

import (
	"context"
	"errors"
	"path/filepath"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/annals-project/annals/internal/alert"
	"github.com/annals-project/annals/internal/alert/sqlite"
	"github.com/annals-project/annals/internal/event"
	storesqlite "github.com/annals-project/annals/internal/store/sqlite"
)

var t0 = time.Date(2022, 1, 6, 9, 0, 0, 0, time.UTC)

func mustOpen(t *testing.T, path string) *sqlite.Store {
	t.Helper()
	s, err := sqlite.Open(context.Background(), path, sqlite.Options{Now: func() time.Time { return t0 }})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func date(s string) event.Date {
	d, err := event.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

func mk(country string, scheme alert.Scheme, typ, day string, count int) alert.Alert {
	three := 3
	return alert.Alert{
		Cell: alert.Cell{Country: country, Scheme: scheme, Type: typ}, Day: date(day), Count: count,
		Expected: 2.5, P: 1e-9, Q: 1e-7, Created: t0,
		Events: []alert.EventRef{{ID: 7, Date: date(day), CAMEO: typ + "1", Text: "Crowds marched.", NumSources: 3, Fatalities: &three}},
	}
}

func keys(alerts []alert.Alert) []string {
	var out []string
	for _, a := range alerts {
		out = append(out, a.Key())
	}
	return out
}

func TestAddAndList(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t, filepath.Join(t.TempDir(), "annals.db"))
	first := []alert.Alert{
		mk("KAZ", alert.SchemeCAMEO, "14", "2022-01-05", 30),
		mk("KAZ", alert.SchemeACLED, "Protests", "2022-01-05", 28),
		mk("KGZ", alert.SchemeCAMEO, "18", "2022-01-04", 9),
	}
	added, err := s.Add(ctx, first)
	if err != nil {
		t.Fatal(err)
	}
	if len(added) != 3 || added[0].ID == 0 || added[2].ID <= added[0].ID {
		t.Fatalf("Add = %v with IDs %d…, want 3 new alerts with increasing IDs", keys(added), added[0].ID)
	}
	// The same cells and days again (with other counts) and one new one.
	again := append(first[:2:2], mk("KAZ", alert.SchemeCAMEO, "14", "2022-01-06", 40), mk("KAZ", alert.SchemeCAMEO, "14", "2022-01-06", 41))
	again[0].Count = 99
	added, err = s.Add(ctx, again)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"KAZ/cameo:14/2022-01-06"}, keys(added)); diff != "" {
		t.Errorf("second Add (-want +got):\n%s", diff)
	}

	tests := []struct {
		name string
		f    alert.Filter
		want []string
	}{
		{"all, newest day first", alert.Filter{}, []string{"KAZ/cameo:14/2022-01-06", "KAZ/acled:Protests/2022-01-05", "KAZ/cameo:14/2022-01-05", "KGZ/cameo:18/2022-01-04"}},
		{"country", alert.Filter{Country: "KGZ"}, []string{"KGZ/cameo:18/2022-01-04"}},
		{"type", alert.Filter{Scheme: alert.SchemeCAMEO, Type: "14"}, []string{"KAZ/cameo:14/2022-01-06", "KAZ/cameo:14/2022-01-05"}},
		{"scheme", alert.Filter{Scheme: alert.SchemeACLED}, []string{"KAZ/acled:Protests/2022-01-05"}},
		{"dates", alert.Filter{From: date("2022-01-05"), To: date("2022-01-05")}, []string{"KAZ/acled:Protests/2022-01-05", "KAZ/cameo:14/2022-01-05"}},
		{"limit", alert.Filter{Limit: 1}, []string{"KAZ/cameo:14/2022-01-06"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := s.List(ctx, tt.f)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, keys(got)); diff != "" {
				t.Errorf("List(%+v) (-want +got):\n%s", tt.f, diff)
			}
		})
	}
	got, _ := s.List(ctx, alert.Filter{Country: "KAZ", Scheme: alert.SchemeCAMEO, Type: "14", From: date("2022-01-05"), To: date("2022-01-05")})
	want := first[0]
	want.ID = got[0].ID
	if diff := cmp.Diff([]alert.Alert{want}, got); diff != "" {
		t.Errorf("stored alert round trip (-added +listed):\n%s", diff)
	}
}

func TestSubscriptionsAndDeliveries(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t, filepath.Join(t.TempDir(), "annals.db"))
	subs := []alert.Subscription{
		{Endpoint: "http://127.0.0.1:9/kaz", Country: "KAZ"},
		{Endpoint: "http://127.0.0.1:9/protests", Scheme: alert.SchemeACLED, Type: "Protests"},
		{Endpoint: "http://127.0.0.1:9/kaz", Country: "KAZ", Scheme: alert.SchemeCAMEO, Type: "14"}, // same endpoint: one delivery
		{Endpoint: "http://127.0.0.1:9/all"},
	}
	for i, sub := range subs {
		got, err := s.Subscribe(ctx, sub)
		if err != nil {
			t.Fatal(err)
		}
		if got.ID != int64(i+1) || !got.Created.Equal(t0) {
			t.Errorf("Subscribe(%+v) = ID %d created %v", sub, got.ID, got.Created)
		}
	}
	again, err := s.Subscribe(ctx, subs[0])
	if err != nil || again.ID != 1 {
		t.Errorf("Subscribe again = %d, %v; want the stored ID 1", again.ID, err)
	}
	for _, bad := range []alert.Subscription{
		{Endpoint: "mailto:desk@example.org"},
		{Endpoint: "http://127.0.0.1:9/", Country: "kaz"},
		{Endpoint: "http://127.0.0.1:9/", Scheme: alert.SchemeCAMEO},
		{Endpoint: "http://127.0.0.1:9/", Scheme: alert.SchemeCAMEO, Type: "21"},
		{Endpoint: "http://127.0.0.1:9/", Scheme: alert.SchemeACLED, Type: "protests"},
	} {
		if _, err := s.Subscribe(ctx, bad); !errors.Is(err, alert.ErrInvalid) {
			t.Errorf("Subscribe(%+v) = %v, want ErrInvalid", bad, err)
		}
	}
	if err := s.Unsubscribe(ctx, 4); err != nil {
		t.Fatal(err)
	}
	if err := s.Unsubscribe(ctx, 4); !errors.Is(err, alert.ErrNotFound) {
		t.Errorf("Unsubscribe twice = %v, want ErrNotFound", err)
	}
	list, err := s.Subscriptions(ctx)
	if err != nil || len(list) != 3 {
		t.Fatalf("Subscriptions = %d, %v; want 3", len(list), err)
	}

	if _, err := s.Add(ctx, []alert.Alert{
		mk("KAZ", alert.SchemeCAMEO, "14", "2022-01-05", 30),
		mk("KAZ", alert.SchemeACLED, "Protests", "2022-01-05", 28),
		mk("UZB", alert.SchemeCAMEO, "14", "2022-01-05", 9),
	}); err != nil {
		t.Fatal(err)
	}
	type row struct {
		Key, Endpoint string
		State         alert.DeliveryState
		Attempts      int
	}
	pendingRows := func() []row {
		t.Helper()
		p, err := s.Pending(ctx, 0)
		if err != nil {
			t.Fatal(err)
		}
		var out []row
		for _, d := range p {
			out = append(out, row{d.Alert.Key(), d.Endpoint, d.State, d.Attempts})
		}
		return out
	}
	want := []row{
		{"KAZ/cameo:14/2022-01-05", "http://127.0.0.1:9/kaz", alert.StatePending, 0},
		{"KAZ/acled:Protests/2022-01-05", "http://127.0.0.1:9/kaz", alert.StatePending, 0},
		{"KAZ/acled:Protests/2022-01-05", "http://127.0.0.1:9/protests", alert.StatePending, 0},
	}
	if diff := cmp.Diff(want, pendingRows()); diff != "" {
		t.Fatalf("Pending (-want +got):\n%s", diff)
	}
	p, _ := s.Pending(ctx, 2)
	if len(p) != 2 {
		t.Errorf("Pending(2) = %d deliveries", len(p))
	}
	p[0].State, p[0].Attempts, p[0].Updated = alert.StateDelivered, 3, t0
	p[1].Attempts, p[1].LastError, p[1].Updated = 5, "503 Service Unavailable", t0
	for _, d := range p {
		if err := s.Record(ctx, d); err != nil {
			t.Fatal(err)
		}
	}
	want = []row{
		{"KAZ/acled:Protests/2022-01-05", "http://127.0.0.1:9/kaz", alert.StatePending, 5},
		{"KAZ/acled:Protests/2022-01-05", "http://127.0.0.1:9/protests", alert.StatePending, 0},
	}
	if diff := cmp.Diff(want, pendingRows()); diff != "" {
		t.Errorf("Pending after Record (-want +got):\n%s", diff)
	}
	p[1].State = "lost"
	if err := s.Record(ctx, p[1]); !errors.Is(err, alert.ErrInvalid) {
		t.Errorf("Record with state lost = %v, want ErrInvalid", err)
	}
}

// TestBesideEventStore opens the alert tables in the event store's file,
// with both open at once, and reopens them.
func TestBesideEventStore(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "annals.db")
	ev, err := storesqlite.Open(ctx, path, storesqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ev.Close()
	s := mustOpen(t, path)
	if _, err := s.Add(ctx, []alert.Alert{mk("KAZ", alert.SchemeCAMEO, "14", "2022-01-05", 30)}); err != nil {
		t.Fatal(err)
	}
	if _, err := ev.Stats(ctx); err != nil {
		t.Fatalf("event store beside the alerts: %v", err)
	}
	s.Close()
	s2 := mustOpen(t, path)
	got, err := s2.List(ctx, alert.Filter{})
	if err != nil || len(got) != 1 {
		t.Errorf("after reopening: %v, %v; want 1 alert", keys(got), err)
	}
	ev2, err := storesqlite.Open(ctx, path, storesqlite.Options{})
	if err != nil {
		t.Fatalf("event store reopened beside the alert tables: %v", err)
	}
	ev2.Close()
}

func TestOpenBadPath(t *testing.T) {
	for _, p := range []string{"", "a.db?mode=ro", filepath.Join(t.TempDir(), "missing", "dir", "a.db")} {
		if s, err := sqlite.Open(context.Background(), p, sqlite.Options{}); err == nil {
			s.Close()
			t.Errorf("Open(%q): want an error", p)
		}
	}
}
