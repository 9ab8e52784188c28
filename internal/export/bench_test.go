package export_test

import (
	"context"
	"io"
	"path/filepath"
	"testing"

	"github.com/annals-project/annals/internal/export"
	"github.com/annals-project/annals/internal/store"
	"github.com/annals-project/annals/internal/store/sqlite"
	"github.com/annals-project/annals/internal/store/storetest"
)

// benchDocs is the number of synthetic documents (six reports each) the
// export benchmarks store.
const benchDocs = 1000

// BenchmarkExport exports a SQLite store of synthetic documents in each
// format and reports events exported per second.
func BenchmarkExport(b *testing.B) {
	ctx := context.Background()
	file := filepath.Join(b.TempDir(), "bench.db")
	s, err := sqlite.Open(ctx, file, sqlite.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	docs := storetest.Synthetic(benchDocs, 7)
	for i := 0; i < len(docs); i += 100 {
		if _, err := s.PutDocuments(ctx, docs[i:min(i+100, len(docs))], nil); err != nil {
			b.Fatal(err)
		}
	}
	x, err := export.New(export.Config{})
	if err != nil {
		b.Fatal(err)
	}
	for _, f := range export.Formats() {
		b.Run(string(f), func(b *testing.B) {
			var res export.Result
			for b.Loop() {
				if res, err = x.Export(ctx, io.Discard, s, f, store.EventFilter{}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(res.Events)*float64(b.N)/b.Elapsed().Seconds(), "events/s")
			b.ReportMetric(float64(res.Records), "records")
		})
	}
}

// BenchmarkGDELTEvent formats one event record, the per-event work of
// the gdelt export without the store.
func BenchmarkGDELTEvent(b *testing.B) {
	s, _ := MustFixtureStore(b)
	recs, err := s.Events(context.Background(), store.EventFilter{})
	if err != nil {
		b.Fatal(err)
	}
	doc, err := s.Document(context.Background(), recs[0].DocumentID)
	if err != nil {
		b.Fatal(err)
	}
	x, err := export.New(export.Config{})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		x.GDELTEvent(recs[0], doc)
	}
}
