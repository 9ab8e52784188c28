package api_test

import (
	"context"
	"io"
	"net/http"
	"os"
	"slices"
	"testing"
	"time"

	"github.com/annals-project/annals/internal/api"
	"github.com/annals-project/annals/internal/store"
	"github.com/annals-project/annals/internal/store/sqlite"
	"github.com/annals-project/annals/internal/store/storetest"
)

// benchEvents is the size of the benchmark store, the figure the
// dashboard's latency goal is stated for.
const benchEvents = 20000

// mustBenchStore fills a SQLite store with storetest.Synthetic documents
// until it holds benchEvents events (no deduplication: one event per
// mention).
func mustBenchStore(b *testing.B) store.Store {
	b.Helper()
	s := MustStore(b)
	ctx := context.Background()
	start := time.Now()
	docs := storetest.Synthetic(benchEvents/4, 7)
	n := 0
	for _, d := range docs {
		if n >= benchEvents {
			break
		}
		r, err := s.PutDocument(ctx, d, nil)
		if err != nil {
			b.Fatal(err)
		}
		n += r.NewEvents
	}
	st, err := s.Stats(ctx)
	if err != nil {
		b.Fatal(err)
	}
	b.Logf("benchmark store: %d documents, %d events, %d mentions, filled in %v", st.Documents, st.Events, st.Mentions, time.Since(start).Round(time.Millisecond))
	return s
}

// benchCase is a filtered listing to time.
type benchCase struct{ name, query string }

// BenchmarkEvents measures GET /api/events pages of 100 over loopback
// HTTP on a store of 20,000 synthetic events, with one filter or several,
// and reports the latency percentiles of the requests (the dashboard's
// goal: p95 ≤ 50 ms). With ANNALS_API_BENCH_DB naming a SQLite store (one
// that annals ingest filled from a real corpus), it times filters suited
// to news wires on that store instead.
func BenchmarkEvents(b *testing.B) {
	var s store.Store
	cases := synthCases()
	if path := os.Getenv("ANNALS_API_BENCH_DB"); path != "" {
		st, err := sqlite.Open(context.Background(), path, sqlite.Options{})
		if err != nil {
			b.Fatal(err)
		}
		b.Cleanup(func() { st.Close() })
		s, cases = st, corpusCases()
	} else {
		s = mustBenchStore(b)
	}
	base := MustServe(b, &api.Server{Store: s}, api.Timeouts{})
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 4}}
	for _, bc := range cases {
		b.Run(bc.name, func(b *testing.B) {
			url := base + "/api/events?limit=100&" + bc.query
			var got api.EventList
			MustGet(b, url, http.StatusOK, &got)
			if len(got.Events) == 0 {
				b.Fatalf("%s: no events", url)
			}
			lat := make([]time.Duration, 0, b.N)
			for b.Loop() {
				t0 := time.Now()
				resp, err := client.Get(url)
				if err != nil {
					b.Fatal(err)
				}
				if _, err := io.Copy(io.Discard, resp.Body); err != nil {
					b.Fatal(err)
				}
				resp.Body.Close()
				if resp.StatusCode != http.StatusOK {
					b.Fatalf("status %d", resp.StatusCode)
				}
				lat = append(lat, time.Since(t0))
			}
			slices.Sort(lat)
			pct := func(p float64) float64 {
				return float64(lat[min(len(lat)-1, int(p*float64(len(lat))))].Microseconds()) / 1000
			}
			b.ReportMetric(pct(0.50), "p50-ms")
			b.ReportMetric(pct(0.95), "p95-ms")
			b.ReportMetric(pct(0.99), "p99-ms")
			b.ReportMetric(float64(len(got.Events)), "events/page")
		})
	}
}

func synthCases() []benchCase {
	return []benchCase{
		{"NoFilter", ""},
		{"Country", "country=KEN"},
		{"Root+Dates", "root=19&from=2024-01-15&to=2024-02-15"},
		{"Actor+Quad", "actor=NGA&quad_class=4"},
		{"Near", "near=-1.29,36.82&radius_km=100"},
		{"BBox", "bbox=30,-5,40,10"},
		{"Text", "q=sanctions"},
		{"Text+Country+Dates", "q=ceasefire&country=FRA&from=2024-02-01"},
		{"ByMentions", "order=-mentions&plover=PROTEST"},
	}
}

// corpusCases suit a store of news-wire reports (BBC, Reuters).
func corpusCases() []benchCase {
	return []benchCase{
		{"NoFilter", ""},
		{"Country", "country=USA"},
		{"Root", "root=04"},
		{"Actor+Quad", "actor=USA&quad_class=3"},
		{"Near", "near=51.5,-0.12&radius_km=200"},
		{"BBox", "bbox=-10,35,30,60"},
		{"Text", "q=oil"},
		{"Text+Country", "q=%22interest+rates%22&country=USA"},
		{"MinSources", "min_sources=2"},
		{"ByMentions", "order=-mentions"},
	}
}
