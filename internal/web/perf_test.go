package web_test

import (
	"context"
	"net/http"
	"os"
	"testing"
	"time"

	"github.com/annals-project/annals/internal/store"
	"github.com/annals-project/annals/internal/store/sqlite"
	"github.com/annals-project/annals/internal/store/storetest"
)

// perfEvents is the size of the store the dashboard's paint goal (≤ 1 s)
// is stated for.
const perfEvents = 20000

// fillPerf stores storetest.Synthetic documents in s, in batches, until it
// holds perfEvents events (no deduplication: one event per mention).
func fillPerf(tb testing.TB, s store.Store) {
	tb.Helper()
	ctx := context.Background()
	start := time.Now()
	docs := storetest.Synthetic(perfEvents/4, 7)
	n := 0
	for i := 0; i < len(docs) && n < perfEvents; {
		j := min(i+50, len(docs))
		rs, err := s.PutDocuments(ctx, docs[i:j], nil)
		if err != nil {
			tb.Fatal(err)
		}
		for _, r := range rs {
			n += r.NewEvents
		}
		i = j
	}
	st, err := s.Stats(ctx)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Logf("store: %d documents, %d events, %d mentions, filled in %v", st.Documents, st.Events, st.Mentions, time.Since(start).Round(time.Millisecond))
}

// TestPerfStore writes the store of web/test/perf.test.mjs: a SQLite file
// at $ANNALS_WEB_PERF_DB holding 20,000 synthetic events. Without the
// variable it is skipped; web/test/run.sh sets it when ANNALS_WEB_PERF=1.
func TestPerfStore(t *testing.T) {
	path := os.Getenv("ANNALS_WEB_PERF_DB")
	if path == "" {
		t.Skip("ANNALS_WEB_PERF_DB is not set")
	}
	s, err := sqlite.Open(context.Background(), path, sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	fillPerf(t, s)
}

// BenchmarkPages times the server side of the pages on a store of 20,000
// events, over loopback HTTP: what the browser waits for before its first
// paint.
//
//	go test -run '^$' -bench Pages -benchtime 50x ./internal/web/
func BenchmarkPages(b *testing.B) {
	s, err := sqlite.Open(context.Background(), b.TempDir()+"/perf.db", sqlite.Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	fillPerf(b, s)
	base := MustServe(b, s)
	for _, path := range []string{"/", "/?country=KEN", "/?root=14&from=2024-01-15&to=2024-02-15", "/?q=sanctions", "/events/1", "/actors/KEN", "/fragment/events?country=NGA"} {
		b.Run(path, func(b *testing.B) {
			for b.Loop() {
				resp, err := http.Get(base + path)
				if err != nil {
					b.Fatal(err)
				}
				resp.Body.Close()
				if resp.StatusCode != 200 {
					b.Fatalf("GET %s = %d", path, resp.StatusCode)
				}
			}
		})
	}
}
