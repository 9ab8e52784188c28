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

func newFile(tb testing.TB) string { return filepath.Join(tb.TempDir(), "annals.db") }

func newStore(tb testing.TB) store.Store { return MustOpen(tb, newFile(tb)) }

func TestConformance(t *testing.T) { storetest.Run(t, newStore) }

func TestKill(t *testing.T) { storetest.RunKill(t, newFile, MustOpen) }

func BenchmarkPutDocument(b *testing.B) { storetest.Bench(b, newStore) }
