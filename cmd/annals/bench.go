package main

import (
	"bufio"
	"bytes"
	"context"
	"flag"
	"fmt"
	"iter"
	"os"
	"runtime"
	"runtime/metrics"
	"runtime/pprof"
	"strconv"
	"time"

	"github.com/annals-project/annals/internal/event"
	"github.com/annals-project/annals/internal/pipeline"
	"github.com/annals-project/annals/internal/source"
)

// BenchCommand times the pipeline end to end on a corpus: reading, then
// segmenting and coding, output discarded.
type BenchCommand struct {
	*Main
	cpuprofile string
	memprofile string
	workers    int
	limit      int
	preload    bool
	published  dateFlag
	dict       CodeCommand // only its dictionary flags are used
}

// Synopsis describes the command in one line.
func (c *BenchCommand) Synopsis() string {
	return "time reading and coding a corpus"
}

func (c *BenchCommand) flagSet() *flag.FlagSet {
	fs := c.newFlagSet("bench", "[FILE...]", c.Synopsis()+`.
Reads the documents of the FILEs (any input "annals code" reads) and codes
them as "annals code" does, discarding the output, and prints counts, times,
rates and peak memory. Reading is timed apart from coding: streamed, by the
time spent inside the readers; with --preload, as a phase of its own. With
no FILE, or FILE "-", read standard input.`)
	fs.StringVar(&c.cpuprofile, "cpuprofile", "", "write a CPU profile to `file`: of reading and coding, or of coding alone with --preload")
	fs.StringVar(&c.memprofile, "memprofile", "", "write a heap profile taken after coding to `file`")
	fs.IntVar(&c.workers, "workers", runtime.GOMAXPROCS(0), "documents coded at once")
	fs.IntVar(&c.limit, "limit", 0, "read at most `n` documents (0: all)")
	fs.BoolVar(&c.preload, "preload", false, "read every document into memory before coding (separate phases; peak memory then includes the corpus)")
	fs.Var(&c.published, "published", "publication `date` (YYYY-MM-DD) for documents that carry none")
	fs.StringVar(&c.dict.verbs, "verbs", "", "PETRARCH/TABARI verbs `file` replacing the built-in verb dictionary")
	fs.StringVar(&c.dict.actors, "actors", "", "PETRARCH/TABARI actors `files`, comma-separated")
	fs.StringVar(&c.dict.agents, "agents", "", "PETRARCH/TABARI agents `file`")
	fs.StringVar(&c.dict.discards, "discards", "", "PETRARCH/TABARI discards `file`")
	return fs
}

// Usage prints the command's flags.
func (c *BenchCommand) Usage() { c.flagSet().Usage() }

// Run reads, codes and reports.
func (c *BenchCommand) Run(ctx context.Context, args []string) error {
	fs := c.flagSet()
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if c.workers < 1 {
		return fmt.Errorf("%w: --workers %d: want at least 1", errUsage, c.workers)
	}
	if c.limit < 0 {
		return fmt.Errorf("%w: --limit %d: want 0 or more", errUsage, c.limit)
	}
	mem := newMemSampler()

	start := time.Now()
	c.dict.Main = c.Main
	coder, err := c.dict.coder()
	if err != nil {
		return err
	}
	loadTime := time.Since(start)

	errs := &errorCounter{m: c.Main}
	var readTime time.Duration
	in := timedInput(c.inputs(ctx, fs.Args(), source.Options{}), c.limit, &readTime)
	var n int
	if c.preload {
		start = time.Now()
		var docs []*event.Article
		for a, err := range in {
			if err != nil {
				errs.report(err)
				continue
			}
			docs = append(docs, a)
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		readTime = time.Since(start)
		mem.sample()
		in = func(yield func(*event.Article, error) bool) {
			for i, a := range docs {
				docs[i] = nil // coded documents can be collected
				if !yield(a, nil) {
					return
				}
			}
		}
	}

	if c.cpuprofile != "" {
		f, err := os.Create(c.cpuprofile)
		if err != nil {
			return fmt.Errorf("cpuprofile: %w", err)
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return fmt.Errorf("cpuprofile: %w", err)
		}
	}
	cpu0 := processCPU()
	start = time.Now()
	var sents, events int
	p := pipeline.New(pipeline.Config{Published: c.published.d, Coder: coder, Workers: c.workers})
	err = p.Run(ctx, in, func(d *event.Coded) error {
		n++
		sents += len(d.Sentences)
		events += len(d.Events)
		mem.sample()
		return nil
	}, errs.report)
	runTime := time.Since(start)
	cpu1 := processCPU()
	if c.cpuprofile != "" {
		pprof.StopCPUProfile()
	}
	if err != nil {
		return err
	}
	if c.memprofile != "" {
		if err := writeHeapProfile(c.memprofile); err != nil {
			return err
		}
	}
	// Streaming with one worker, reading and coding take turns on one
	// goroutine; with more, the feeder reads while workers code, and
	// coding is timed by the wall clock.
	codeTime := runTime
	if !c.preload && c.workers == 1 {
		codeTime -= readTime
	}
	wall := loadTime + runTime
	if c.preload {
		wall += readTime
	}

	w := bufio.NewWriter(c.Stdout)
	rate := func(k int, d time.Duration) string {
		if d <= 0 {
			return "-"
		}
		return commas(float64(k) / d.Seconds())
	}
	mode := "streamed: time inside the readers"
	if c.preload {
		mode = "preloaded: read before coding"
	}
	fmt.Fprintf(w, "documents     %12d\n", n)
	fmt.Fprintf(w, "sentences     %12d\n", sents)
	fmt.Fprintf(w, "events        %12d\n", events)
	fmt.Fprintf(w, "dictionaries  %11.3fs   load\n", loadTime.Seconds())
	fmt.Fprintf(w, "read          %11.3fs   %s documents/s (%s)\n", readTime.Seconds(), rate(n, readTime), mode)
	fmt.Fprintf(w, "code          %11.3fs   %s documents/s · %s sentences/s · %d worker(s)\n",
		codeTime.Seconds(), rate(n, codeTime), rate(sents, codeTime), c.workers)
	fmt.Fprintf(w, "per core      %12s   sentences/s (code rate ÷ workers)\n", rate(sents, codeTime*time.Duration(c.workers)))
	if cpu0 >= 0 && cpu1 >= 0 {
		cpu := cpu1 - cpu0
		what := "read and code"
		if c.preload {
			what = "code"
		}
		fmt.Fprintf(w, "CPU           %11.3fs   %s sentences per CPU-second (user+system of %s, all threads, GC included)\n",
			cpu.Seconds(), rate(sents, cpu), what)
	}
	fmt.Fprintf(w, "wall          %11.3fs   load + read + code\n", wall.Seconds())
	if rss, ok := peakRSS(); ok {
		fmt.Fprintf(w, "peak RSS      %9.1f MB   (VmHWM of /proc/self/status, whole process)\n", float64(rss)/(1<<20))
	}
	fmt.Fprintf(w, "peak Go mem   %9.1f MB   (runtime/metrics /memory/classes/total:bytes, sampled after each document)\n", float64(mem.peak)/(1<<20))
	if err := w.Flush(); err != nil {
		return err
	}
	return errs.result(nil)
}

// timedInput passes on at most limit (0: all) items of in and adds the
// time spent inside in, producing them, to *spent.
func timedInput(in iter.Seq2[*event.Article, error], limit int, spent *time.Duration) iter.Seq2[*event.Article, error] {
	return func(yield func(*event.Article, error) bool) {
		n := 0
		t := time.Now()
		for a, err := range in {
			*spent += time.Since(t)
			if err == nil {
				n++
			}
			if !yield(a, err) || limit > 0 && n == limit {
				return
			}
			t = time.Now()
		}
		*spent += time.Since(t)
	}
}

// commas formats a rate as an integer with thousands separators.
func commas(v float64) string {
	s := strconv.FormatFloat(v, 'f', 0, 64)
	var b []byte
	for i := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b = append(b, ',')
		}
		b = append(b, s[i])
	}
	return string(b)
}

func writeHeapProfile(path string) error {
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("memprofile: %w", err)
	}
	runtime.GC()
	if err := pprof.WriteHeapProfile(f); err != nil {
		f.Close()
		return fmt.Errorf("memprofile: %w", err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("memprofile: %w", err)
	}
	return nil
}

// memSampler tracks the peak of the memory the Go runtime has mapped.
type memSampler struct {
	s    []metrics.Sample
	peak uint64
}

func newMemSampler() *memSampler {
	m := &memSampler{s: []metrics.Sample{{Name: "/memory/classes/total:bytes"}}}
	m.sample()
	return m
}

func (m *memSampler) sample() {
	metrics.Read(m.s)
	if m.s[0].Value.Kind() == metrics.KindUint64 {
		m.peak = max(m.peak, m.s[0].Value.Uint64())
	}
}

// peakRSS returns the process's peak resident set size in bytes, from
// Linux's /proc/self/status; ok is false elsewhere.
func peakRSS() (uint64, bool) {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0, false
	}
	for line := range bytes.Lines(b) {
		rest, found := bytes.CutPrefix(line, []byte("VmHWM:"))
		if !found {
			continue
		}
		f := bytes.Fields(rest) // "178240", "kB"
		if len(f) != 2 || string(f[1]) != "kB" {
			return 0, false
		}
		kb, err := strconv.ParseUint(string(f[0]), 10, 64)
		if err != nil {
			return 0, false
		}
		return kb << 10, true
	}
	return 0, false
}

// processCPU returns the user and system CPU time of the whole process,
// from Linux's /proc/self/stat, or -1 elsewhere. The kernel counts in
// clock ticks, 100 a second on every Linux port Go supports.
func processCPU() time.Duration {
	b, err := os.ReadFile("/proc/self/stat")
	if err != nil {
		return -1
	}
	// The command name, field 2, is in parentheses and may hold spaces.
	i := bytes.LastIndexByte(b, ')')
	if i < 0 {
		return -1
	}
	f := bytes.Fields(b[i+1:]) // f[0] is field 3, the state
	if len(f) < 13 {
		return -1
	}
	var ticks uint64
	for _, s := range f[11:13] { // fields 14 and 15: utime, stime
		t, err := strconv.ParseUint(string(s), 10, 64)
		if err != nil {
			return -1
		}
		ticks += t
	}
	return time.Duration(ticks) * (time.Second / 100)
}
