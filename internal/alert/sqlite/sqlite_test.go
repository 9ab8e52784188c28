package sqlite_test

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/annals-project/annals/internal/alert"
	"github.com/annals-project/annals/internal/alert/alerttest"
	"github.com/annals-project/annals/internal/alert/sqlite"
	storesqlite "github.com/annals-project/annals/internal/store/sqlite"
)

func mustOpen(tb testing.TB, path string, now func() time.Time) *sqlite.Store {
	tb.Helper()
	s, err := sqlite.Open(context.Background(), path, sqlite.Options{Now: now})
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { s.Close() })
	return s
}

func TestConformance(t *testing.T) {
	alerttest.Run(t, func(tb testing.TB, now func() time.Time) alert.Store {
		return mustOpen(tb, filepath.Join(tb.TempDir(), "annals.db"), now)
	})
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
	s := mustOpen(t, path, nil)
	if _, err := s.Add(ctx, []alert.Alert{alerttest.Alert("KAZ", alert.SchemeCAMEO, "14", "2022-01-05", 30)}); err != nil {
		t.Fatal(err)
	}
	if _, err := ev.Stats(ctx); err != nil {
		t.Fatalf("event store beside the alerts: %v", err)
	}
	s.Close()
	s2 := mustOpen(t, path, nil)
	got, err := s2.List(ctx, alert.Filter{})
	if err != nil || len(got) != 1 {
		t.Errorf("after reopening: %v, %v; want 1 alert", alerttest.Keys(got), err)
	}
	ev2, err := storesqlite.Open(ctx, path, storesqlite.Options{})
	if err != nil {
		t.Fatalf("event store reopened beside the alert tables: %v", err)
	}
	ev2.Close()
}

func TestOpenBadPath(t *testing.T) {
	tests := []struct {
		name, path string
	}{
		{"empty", ""},
		{"query", "a.db?mode=ro"},
		{"missing directory", filepath.Join(t.TempDir(), "missing", "dir", "a.db")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if s, err := sqlite.Open(context.Background(), tt.path, sqlite.Options{}); err == nil {
				s.Close()
				t.Errorf("Open(%q): want an error", tt.path)
			}
		})
	}
}
