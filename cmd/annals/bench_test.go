package main_test

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/annals-project/annals/internal/event"
	"github.com/annals-project/annals/internal/event/code"
	"github.com/annals-project/annals/internal/pipeline"
	"github.com/annals-project/annals/internal/sharedtest"
	"github.com/annals-project/annals/internal/source"
)

const benchDocs = `{"id": "n1", "text": "Farmers blocked the main road into Lyon on Wednesday. Police cleared the barricades by nightfall.", "published": "2024-01-25"}
{"id": "n2", "text": "The prime minister met union leaders in Rome to discuss pension reform.", "published": "2024-02-02"}
{"id": "n3", "text": "Rebels shelled a market town in the east, killing four civilians, the army said.", "published": "2024-02-09"}
`

func TestBench(t *testing.T) {
	dir := t.TempDir()
	docs := writeFile(t, dir, "docs.jsonl", benchDocs)
	cpu, mem := filepath.Join(dir, "cpu.prof"), filepath.Join(dir, "mem.prof")
	for _, mode := range [][]string{nil, {"--preload"}} {
		args := append([]string{"bench", "--workers", "1", "--limit", "2", "--cpuprofile", cpu, "--memprofile", mem}, mode...)
		out, errs, code := MustRun(t, "", append(args, docs)...)
		if code != 0 {
			t.Fatalf("bench %v: exit %d, stderr:\n%s", mode, code, errs)
		}
		for _, re := range []string{
			`(?m)^documents +2$`,
			`(?m)^sentences +[1-9]\d*$`,
			`(?m)^events +\d+$`,
			`(?m)^read +\d+\.\d{3}s`,
			`(?m)^code +\d+\.\d{3}s .* sentences/s · 1 worker\(s\)$`,
			`(?m)^per core +[\d,-]+ +sentences/s`,
			`(?m)^peak Go mem +\d+\.\d MB`,
		} {
			if !regexp.MustCompile(re).MatchString(out) {
				t.Errorf("bench %v: output does not match %s:\n%s", mode, re, out)
			}
		}
		for _, p := range []string{cpu, mem} {
			if fi, err := os.Stat(p); err != nil || fi.Size() == 0 {
				t.Errorf("bench %v: profile %s not written: %v", mode, p, err)
			}
		}
	}
	for _, args := range [][]string{{"bench", "--workers", "0", docs}, {"bench", "--limit", "-1", docs}} {
		if _, errs, code := MustRun(t, "", args...); code != 2 {
			t.Errorf("%v: exit %d, want 2; stderr:\n%s", args, code, errs)
		}
	}
	if out, _, code := MustRun(t, strings.Repeat("Troops withdrew from the border.\n", 3), "bench", "--workers", "2"); code != 0 || !strings.Contains(out, "documents") {
		t.Errorf("bench on standard input: exit %d\n%s", code, out)
	}
}

// reutersArticles reads up to n documents of the Reuters-21578 corpus, or
// skips.
func reutersArticles(b *testing.B, n int) []*event.Article {
	b.Helper()
	path := sharedtest.Path(b, "data/corpus/reuters21578/docs.jsonl")
	var docs []*event.Article
	for a, err := range source.Read(context.Background(), path, source.Options{}) {
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, a)
		if len(docs) == n {
			break
		}
	}
	return docs
}

// BenchmarkCodeReuters codes 2,000 Reuters-21578 documents end to end on
// one goroutine (anchor date, sentences, events), as `annals code` does.
func BenchmarkCodeReuters(b *testing.B) {
	docs := reutersArticles(b, 2000)
	coder, err := code.Default()
	if err != nil {
		b.Fatal(err)
	}
	p := pipeline.New(pipeline.Config{Coder: coder})
	sents := 0
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, a := range docs {
			sents += len(p.Process(a).Sentences)
		}
	}
	s := b.Elapsed().Seconds()
	b.ReportMetric(float64(sents)/s, "sentences/s")
	b.ReportMetric(float64(b.N*len(docs))/s, "docs/s")
}
