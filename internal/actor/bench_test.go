package actor_test

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/annals-project/annals/internal/actor"
	"github.com/annals-project/annals/internal/event"
	"github.com/annals-project/annals/internal/sharedtest"
)

// sentences cuts text into rough sentences at ". ", "? ", "! " and blank
// lines: good enough to time the matcher on realistic spans.
func sentences(text string, dst []event.Span) []event.Span {
	start := 0
	for i := 0; i < len(text); i++ {
		c := text[i]
		if (c == '.' || c == '?' || c == '!') && i+1 < len(text) && (text[i+1] == ' ' || text[i+1] == '\n') ||
			c == '\n' && i+1 < len(text) && text[i+1] == '\n' {
			if i+1 > start {
				dst = append(dst, event.Span{Start: start, End: i + 1})
			}
			start = i + 1
		}
	}
	if start < len(text) {
		dst = append(dst, event.Span{Start: start, End: len(text)})
	}
	return dst
}

type doc struct {
	text  string
	spans []event.Span
}

func reutersDocs(tb testing.TB) ([]doc, int) {
	tb.Helper()
	var docs []doc
	n := 0
	for _, r := range sharedtest.ReadJSONL[struct{ Text string }](tb, sharedtest.Path(tb, "data/corpus/reuters21578/docs.jsonl")) {
		d := doc{text: r.Text, spans: sentences(r.Text, nil)}
		n += len(d.spans)
		docs = append(docs, d)
	}
	return docs, n
}

// BenchmarkMatchReuters times Match over every sentence of Reuters-21578;
// one op is one sentence.
func BenchmarkMatchReuters(b *testing.B) {
	d := MustDefault(b)
	docs, n := reutersDocs(b)
	date := event.Date{Year: 1987, Month: 3, Day: 1}
	var dst []actor.Match
	matches := 0
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; {
		for _, dc := range docs {
			for _, sp := range dc.spans {
				dst = d.Match(dc.text, sp, date, dst[:0])
				matches += len(dst)
				i++
				if i == b.N {
					break
				}
			}
			if i == b.N {
				break
			}
		}
	}
	b.StopTimer()
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "sentences/s")
	b.ReportMetric(float64(matches)/float64(b.N), "matches/sentence")
	b.Logf("%d documents, %d sentences", len(docs), n)
}

// BenchmarkMatchNews times Match on our own news-style sentences (no
// shared data needed).
func BenchmarkMatchNews(b *testing.B) {
	d := MustDefault(b)
	texts := []string{
		"Iranian Foreign Minister Hossein Amir-Abdollahian said on Monday that Tehran would respond to any aggression.",
		"Kazakh protesters clashed with riot police in Almaty on Wednesday as the government resigned, the Kremlin said.",
		"The U.N. Security Council will hold an emergency meeting on Friday at the request of France and Britain.",
		"Prices of cocoa rose sharply in London trading after showers improved prospects for the mid-crop in West Africa.",
	}
	date := event.Date{Year: 2022, Month: 1, Day: 7}
	dst := make([]actor.Match, 0, 16)
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		t := texts[i%len(texts)]
		dst = d.Match(t, event.Span{End: len(t)}, date, dst[:0])
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "sentences/s")
}

func BenchmarkDefault(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := actor.Default(); err != nil {
			b.Fatal(err)
		}
	}
}

// TestMatchReutersThroughput guards the speed budget: the whole coder must
// code 5,000 sentences/s on one core, so matching gets well under 50 µs.
func TestMatchReutersThroughput(t *testing.T) {
	if testing.Short() {
		t.Skip("slow")
	}
	res := testing.Benchmark(BenchmarkMatchReuters)
	if res.N == 0 {
		t.Skip("benchmark skipped (no shared data)")
	}
	perSentence := float64(res.T.Nanoseconds()) / float64(res.N)
	t.Logf("Reuters: %.2f µs/sentence, %s", perSentence/1000, res.MemString())
	if perSentence > 50_000 {
		t.Errorf("Match takes %.1f µs per sentence, want < 50 µs", perSentence/1000)
	}
}

// TestDictionarySize reports entry counts per file and the heap the
// default dictionary holds, and keeps the heap under budget.
func TestDictionarySize(t *testing.T) {
	paths, err := filepath.Glob(filepath.Join("data", "*.txt"))
	if err != nil {
		t.Fatal(err)
	}
	for _, path := range paths {
		name := filepath.Base(path)
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		// Load the file alone, checking only its own syntax.
		d, err := actor.Load(fstest.MapFS{name: {Data: data}})
		if err != nil {
			t.Fatalf("Load(%s) alone: %v", name, err)
		}
		lines := 0
		for _, l := range strings.Split(string(data), "\n") {
			if l = strings.TrimSpace(l); l != "" && l[0] != '#' && l[0] != '!' {
				lines++
			}
		}
		t.Logf("%-14s %4d records, %5d entries, %5d phrases", name, lines, d.Len(), d.Phrases())
	}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.GC()
	runtime.ReadMemStats(&before)
	d := MustDefault(t)
	runtime.GC()
	runtime.GC()
	runtime.ReadMemStats(&after)
	heap := int64(after.HeapAlloc) - int64(before.HeapAlloc)
	total := after.TotalAlloc - before.TotalAlloc
	t.Logf("default: %v, retained heap %.2f MB, allocated while loading %.2f MB", d, float64(heap)/(1<<20), float64(total)/(1<<20))
	if heap > 30<<20 {
		t.Errorf("dictionary heap %d bytes, want < 30 MB", heap)
	}
	runtime.KeepAlive(d)
}
