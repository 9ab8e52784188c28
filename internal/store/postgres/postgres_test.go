package postgres_test

import (
	"context"
	"testing"

	"github.com/annals-project/annals/internal/store"
	"github.com/annals-project/annals/internal/store/postgres"
	"github.com/annals-project/annals/internal/store/postgres/pgtest"
	"github.com/annals-project/annals/internal/store/storetest"
)

// MustSchema creates a fresh schema in the test database, drops it when tb
// ends, and returns a DSN whose search_path selects it. It skips tb when
// ANNALS_TEST_POSTGRES is unset.
func MustSchema(tb testing.TB) string { return pgtest.MustSchema(tb, "annals_test") }

// MustOpen opens the store at dsn and closes it when tb ends.
func MustOpen(tb testing.TB, dsn string) store.Store {
	tb.Helper()
	s, err := postgres.Open(context.Background(), dsn, postgres.Options{})
	if err != nil {
		tb.Fatalf("Open() = %v", err)
	}
	tb.Cleanup(func() {
		if err := s.Close(); err != nil {
			tb.Errorf("Close() = %v", err)
		}
	})
	return s
}

func newStore(tb testing.TB) store.Store { return MustOpen(tb, MustSchema(tb)) }

func TestConformance(t *testing.T) { storetest.Run(t, newStore) }

func TestKill(t *testing.T) { storetest.RunKill(t, MustSchema, MustOpen) }

func TestMigrateTwice(t *testing.T) {
	dsn := MustSchema(t)
	MustOpen(t, dsn)
	s := MustOpen(t, dsn) // applies nothing the second time
	if st, err := s.Stats(context.Background()); err != nil || st != (store.Stats{}) {
		t.Errorf("Stats() after reopening = %+v, %v; want an empty store", st, err)
	}
}

func BenchmarkPutDocument(b *testing.B) { storetest.Bench(b, newStore) }
