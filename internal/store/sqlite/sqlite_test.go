package sqlite_test

import (
	"context"
	"database/sql"
	"path/filepath"
	"sync"
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

func TestReopen(t *testing.T) {
	file := newFile(t)
	s := MustOpen(t, file)
	storetest.MustPut(t, s, nil, storetest.Corpus()...)
	again := MustOpen(t, file) // applies no migration twice
	if st, err := again.Stats(context.Background()); err != nil || st.Documents != 3 {
		t.Errorf("Stats() after reopening = %+v, %v; want the 3 documents", st, err)
	}
}

// TestMigrateFingerprint opens a store made before migration 0002: its
// documents keep working, without fingerprints, and new ones get theirs.
func TestMigrateFingerprint(t *testing.T) {
	ctx := context.Background()
	file := newFile(t)
	docs := storetest.Corpus()
	s, err := sqlite.Open(ctx, file, sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	docs[0].Fingerprint = []byte("stored before")
	storetest.MustPut(t, s, nil, docs[0])
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	// Undo migration 0002, as a store written by an older annals.
	db, err := sql.Open("sqlite", file)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{`ALTER TABLE documents DROP COLUMN fingerprint`,
		`DELETE FROM migrations WHERE name = '0002_fingerprint.sql'`} {
		if _, err := db.ExecContext(ctx, q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	again := MustOpen(t, file)
	docs[1].Fingerprint = []byte("stored after")
	storetest.MustPut(t, again, nil, docs[1])
	list, err := again.Documents(ctx, store.DocumentFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 2 || list[0].Fingerprint != nil || string(list[1].Fingerprint) != "stored after" {
		t.Fatalf("Documents() after migrating = %d documents; want 2, the old one without fingerprint", len(list))
	}
}

// TestTwoHandles writes through two handles on one file at once, as two
// processes would: BEGIN IMMEDIATE and the busy timeout serialize them.
func TestTwoHandles(t *testing.T) {
	file := newFile(t)
	handles := []store.Store{MustOpen(t, file), MustOpen(t, file)}
	const n = 30
	errs := make(chan error, 2*n)
	var wg sync.WaitGroup
	for _, s := range handles {
		wg.Go(func() {
			for _, d := range storetest.Synthetic(n, 17) {
				if _, err := s.PutDocument(context.Background(), d, storetest.Merger{}); err != nil {
					errs <- err
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Errorf("PutDocument through two handles: %v", err)
	}
	st, err := handles[0].Stats(context.Background())
	if err != nil || st.Documents != n {
		t.Errorf("Stats() = %+v, %v; want %d documents", st, err, n)
	}
	storetest.Check(t, handles[1])
}

func TestOpenBadPath(t *testing.T) {
	for _, file := range []string{"", "a.db?mode=ro", filepath.Join(t.TempDir(), "missing", "dir", "a.db")} {
		if s, err := sqlite.Open(context.Background(), file, sqlite.Options{}); err == nil {
			s.Close()
			t.Errorf("Open(%q) = nil error, want one", file)
		}
	}
}
