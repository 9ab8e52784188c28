package sqlite_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/annals-project/annals/internal/store"
	"github.com/annals-project/annals/internal/store/sqlite"
	"github.com/annals-project/annals/internal/store/storetest"
)

// MustOpen opens the store in file and closes it when tb ends.
func MustOpen(tb testing.TB, file string) store.Store {
	tb.Helper()
	s, err := sqlite.Open(context.Background(), file, sqlite.Options{})
	if err != nil {
		tb.Fatalf("Open(%s) = %v", file, err)
	}
	tb.Cleanup(func() {
		if err := s.Close(); err != nil {
			tb.Errorf("Close() = %v", err)
		}
	})
	return s
}

func newStore(tb testing.TB) store.Store {
	return MustOpen(tb, filepath.Join(tb.TempDir(), "annals.db"))
}

func TestConformance(t *testing.T) { storetest.Run(t, newStore) }

func TestKill(t *testing.T) {
	dir := t.TempDir()
	storetest.RunKill(t, filepath.Join(dir, "killed.db"), filepath.Join(dir, "clean.db"), MustOpen)
}

func BenchmarkPutDocument(b *testing.B) { storetest.Bench(b, newStore) }
