package postgres_test

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
	"github.com/jackc/pgx/v5"

	"github.com/annals-project/annals/internal/alert"
	"github.com/annals-project/annals/internal/alert/alerttest"
	"github.com/annals-project/annals/internal/alert/postgres"
	storepostgres "github.com/annals-project/annals/internal/store/postgres"
	"github.com/annals-project/annals/internal/store/postgres/pgtest"
)

// MustSchema creates a fresh schema in the test database, drops it when tb
// ends, and returns a DSN whose search_path selects it. It skips tb when
// ANNALS_TEST_POSTGRES is unset.
func MustSchema(tb testing.TB) string { return pgtest.MustSchema(tb, "annals_alert_test") }

// MustOpen opens the alert store at dsn and closes it when tb ends.
func MustOpen(tb testing.TB, dsn string, now func() time.Time) *postgres.Store {
	tb.Helper()
	s, err := postgres.Open(context.Background(), dsn, postgres.Options{Now: now})
	if err != nil {
		tb.Fatalf("Open() = %v", err)
	}
	tb.Cleanup(func() { s.Close() })
	return s
}

func TestConformance(t *testing.T) {
	alerttest.Run(t, func(tb testing.TB, now func() time.Time) alert.Store {
		return MustOpen(tb, MustSchema(tb), now)
	})
}

// names returns the first column of query's rows.
func names(tb testing.TB, dsn, query string) []string {
	tb.Helper()
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		tb.Fatal(err)
	}
	defer conn.Close(ctx)
	rows, err := conn.Query(ctx, query)
	if err != nil {
		tb.Fatal(err)
	}
	out, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		tb.Fatal(err)
	}
	return out
}

// TestBesideEventStore opens the alert tables in the event store's schema,
// with both open at once, checks that each keeps its own migrations, and
// reopens them.
func TestBesideEventStore(t *testing.T) {
	ctx := context.Background()
	dsn := MustSchema(t)
	ev, err := storepostgres.Open(ctx, dsn, storepostgres.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ev.Close()
	s := MustOpen(t, dsn, nil)
	if _, err := s.Add(ctx, []alert.Alert{alerttest.Alert("KAZ", alert.SchemeCAMEO, "14", "2022-01-05", 30)}); err != nil {
		t.Fatal(err)
	}
	if _, err := ev.Stats(ctx); err != nil {
		t.Fatalf("event store beside the alerts: %v", err)
	}
	if got := names(t, dsn, `SELECT name FROM alert_migrations ORDER BY name`); !cmp.Equal(got, []string{"0001_alerts.sql"}) {
		t.Errorf("alert_migrations = %q, want the alert migration only", got)
	}
	for _, name := range names(t, dsn, `SELECT name FROM migrations ORDER BY name`) {
		if strings.Contains(name, "alert") {
			t.Errorf("the event store's migrations table records %q", name)
		}
	}
	s.Close()
	ev.Close()

	s2 := MustOpen(t, dsn, nil)
	got, err := s2.List(ctx, alert.Filter{})
	if err != nil || len(got) != 1 {
		t.Errorf("after reopening: %v, %v; want 1 alert", alerttest.Keys(got), err)
	}
	ev2, err := storepostgres.Open(ctx, dsn, storepostgres.Options{})
	if err != nil {
		t.Fatalf("event store reopened beside the alert tables: %v", err)
	}
	ev2.Close()
}

// TestConcurrentOpen opens one new schema from several stores at once:
// the migrations run once and every Open succeeds.
func TestConcurrentOpen(t *testing.T) {
	dsn := MustSchema(t)
	const n = 4
	errs := make([]error, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			s, err := postgres.Open(context.Background(), dsn, postgres.Options{MaxConns: 2})
			if err == nil {
				s.Close()
			}
			errs[i] = err
		})
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Errorf("Open %d: %v", i, err)
		}
	}
	if got := names(t, dsn, `SELECT name FROM alert_migrations`); len(got) != 1 {
		t.Errorf("alert_migrations = %q, want one row", got)
	}
}

// TestOpenBadDSN needs no server: the DSNs do not parse, or name a port
// on the loopback where none listens.
func TestOpenBadDSN(t *testing.T) {
	tests := []struct {
		name, dsn string
	}{
		{"not a DSN", "postgres://[::1"},
		{"bad parameter", "postgres://127.0.0.1:9/annals?sslmode=sometimes"},
		{"nobody listening", "postgres://annals@127.0.0.1:9/annals?sslmode=disable&connect_timeout=5"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := postgres.Open(context.Background(), tt.dsn, postgres.Options{})
			if err == nil {
				s.Close()
				t.Fatalf("Open(%q): want an error", tt.dsn)
			}
			if !strings.HasPrefix(err.Error(), "open alerts: ") {
				t.Errorf("Open(%q) = %v, want it to start with the context", tt.dsn, err)
			}
		})
	}
}

// TestConcurrentAddAcrossStores adds overlapping batches, each in its own
// order, from several stores on one schema at once (as several watcher
// processes would), round after round: every Add succeeds (no deadlock),
// each alert is returned as new once and queued once.
func TestConcurrentAddAcrossStores(t *testing.T) {
	ctx := context.Background()
	dsn := MustSchema(t)
	const stores, rounds, days = 3, 5, 8
	ss := make([]*postgres.Store, stores)
	for i := range ss {
		ss[i] = MustOpen(t, dsn, nil)
	}
	if _, err := ss[0].Subscribe(ctx, alert.Subscription{Endpoint: "http://127.0.0.1:9/all"}); err != nil {
		t.Fatal(err)
	}
	var want []string
	for r := range rounds {
		var batch []alert.Alert
		for d := range days {
			batch = append(batch, alerttest.Alert("KAZ", alert.SchemeCAMEO, "14", fmt.Sprintf("2022-%02d-%02d", r+1, d+1), 10+d))
		}
		want = append(want, alerttest.Keys(batch)...)
		added := make([][]alert.Alert, stores)
		errs := make([]error, stores)
		var wg sync.WaitGroup
		for i, s := range ss {
			mine := slices.Clone(batch)
			switch i % 3 {
			case 1:
				slices.Reverse(mine)
			case 2:
				mine = append(mine[days/2:], mine[:days/2]...)
			}
			wg.Go(func() { added[i], errs[i] = s.Add(ctx, mine) })
		}
		wg.Wait()
		if err := errors.Join(errs...); err != nil {
			t.Fatalf("round %d: %v", r, err)
		}
		var got []string
		for _, a := range added {
			got = append(got, alerttest.Keys(a)...)
		}
		slices.Sort(got)
		wantRound := alerttest.Keys(batch)
		slices.Sort(wantRound)
		if diff := cmp.Diff(wantRound, got); diff != "" {
			t.Fatalf("round %d: alerts returned as new (-want +got):\n%s", r, diff)
		}
	}
	if p, err := ss[0].Pending(ctx, 0); err != nil || len(p) != len(want) {
		t.Errorf("Pending = %d deliveries, %v; want %d", len(p), err, len(want))
	}
}
