package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"iter"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/annals-project/annals/internal/dedup"
	"github.com/annals-project/annals/internal/event"
	"github.com/annals-project/annals/internal/pipeline"
	"github.com/annals-project/annals/internal/source"
	"github.com/annals-project/annals/internal/store"
)

// defaultDB is the store ingest and the other store commands use when
// --db is not given.
const defaultDB = "annals.db"

// IngestCommand reads documents, codes them and stores them with their
// events deduplicated. Documents already stored are skipped, so running it
// twice adds nothing; each batch is one transaction, so a run killed at any
// moment and run again ends as a clean run would.
type IngestCommand struct {
	*Main
	db        string
	published dateFlag
	fetch     bool
	workers   int
	batch     int
	progress  string
	dict      CodeCommand // only its dictionary flags are used

	// Client fetches URL inputs and, with --fetch, feed items' pages; nil
	// means a client with a one-minute timeout.
	Client *http.Client
}

// Synopsis describes the command in one line.
func (c *IngestCommand) Synopsis() string {
	return "code documents into a store, one record per real event"
}

func (c *IngestCommand) flagSet() *flag.FlagSet {
	fs := c.newFlagSet("ingest", "[PATH|URL...]", c.Synopsis()+`.
Reads every input (a file, a directory walked recursively, a glob pattern,
an http(s) URL of a page, an RSS/Atom feed or an OPML list of feeds, "-" or
nothing for standard input; files may be text, HTML, feeds, WARC or JSONL,
gzipped or not), codes the documents on all cores and stores them in the
store named by --db: a file path for SQLite, or a postgres:// URL.
Documents already stored (same URL and text) are skipped. Reports of one
real-world event merge into one event, and copies of an article do not
count as independent sources (docs/dedup.md).`)
	fs.StringVar(&c.db, "db", defaultDB, "store: a SQLite `file` or a postgres:// URL")
	fs.Var(&c.published, "published", "publication `date` (YYYY-MM-DD) for documents that carry none")
	fs.BoolVar(&c.fetch, "fetch", false, "download the pages that feed items link to")
	fs.IntVar(&c.workers, "workers", runtime.GOMAXPROCS(0), "documents coded at once")
	fs.IntVar(&c.batch, "batch", 128, "documents stored per transaction")
	fs.StringVar(&c.progress, "progress", "auto", "progress line on standard error: auto (on a terminal), always or never")
	fs.StringVar(&c.dict.verbs, "verbs", "", "PETRARCH/TABARI verbs `file` replacing the built-in verb dictionary")
	fs.StringVar(&c.dict.actors, "actors", "", "PETRARCH/TABARI actors `files`, comma-separated")
	fs.StringVar(&c.dict.agents, "agents", "", "PETRARCH/TABARI agents `file`")
	fs.StringVar(&c.dict.discards, "discards", "", "PETRARCH/TABARI discards `file`")
	return fs
}

// Usage prints the command's flags.
func (c *IngestCommand) Usage() { c.flagSet().Usage() }

// Run ingests the inputs named by args.
func (c *IngestCommand) Run(ctx context.Context, args []string) error {
	fs := c.flagSet()
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if c.workers < 1 || c.batch < 1 {
		return fmt.Errorf("%w: --workers and --batch must be at least 1", errUsage)
	}
	switch c.progress {
	case "auto", "always", "never":
	default:
		return fmt.Errorf("%w: --progress %q: want auto, always or never", errUsage, c.progress)
	}
	client := c.Client
	if client == nil {
		client = &http.Client{Timeout: time.Minute}
	}
	paths := fs.Args()
	if len(paths) == 0 {
		paths = []string{"-"}
	}

	c.dict.Main = c.Main
	coder, err := c.dict.coder()
	if err != nil {
		return err
	}
	s, err := openStore(ctx, c.db, true)
	if err != nil {
		return err
	}
	defer s.Close()
	in, err := newIngester(ctx, s)
	if err != nil {
		return err
	}

	show := c.progress == "always" || c.progress == "auto" && isTerminal(c.Stderr)
	pr := &progressLine{w: c.Stderr, show: show, ing: in, start: time.Now()}
	stopProgress := pr.run(ctx, paths)

	errs := &errorCounter{m: &Main{Stderr: pr}}
	p := pipeline.New(pipeline.Config{Published: c.published.d, Coder: coder, Workers: c.workers})
	opts := source.Options{Fetch: c.fetch, Client: client}
	articles := in.unseen(c.inputs(ctx, paths, opts, client))

	w := in.startWriter(c.batch)
	runErr := p.Run(ctx, articles, in.add, errs.report)
	// What was coded is stored even when the run was interrupted: the
	// writes do not take ctx's cancellation, only its values.
	werr := w.close()
	stopProgress()
	if runErr == nil {
		runErr = werr
	}
	if err := in.summary(context.WithoutCancel(ctx), c.Stdout, time.Since(pr.start)); err != nil && runErr == nil {
		runErr = err
	}
	return errs.result(runErr)
}

// An ingester stores coded documents: it skips the ones already stored,
// gives copies their original's origin, and writes batches on a goroutine
// of its own.
type ingester struct {
	s      store.Store
	merger *dedup.Merger
	index  *dedup.Index

	// known holds the content hashes stored before the run or read
	// during it; stored says whether the store held any document at
	// start, in which case the index is loaded before the first new
	// document is assigned its origin.
	known  map[string]bool
	stored bool
	loaded bool
	ctx    context.Context

	batch []*store.Document
	size  int
	w     *batchWriter

	// Counters, read by the progress line while the run goes on.
	read, skipped, coded, mentions, copies atomic.Int64
	added, newEvents, merged, dups         atomic.Int64
}

// newIngester reads the hashes of the documents s holds.
func newIngester(ctx context.Context, s store.Store) (*ingester, error) {
	opts := dedup.DefaultOptions()
	in := &ingester{s: s, merger: dedup.NewMerger(opts), index: dedup.NewIndex(opts), known: map[string]bool{}, ctx: ctx}
	const page = 5000
	var after int64
	for {
		docs, err := s.Documents(ctx, store.DocumentFilter{AfterID: after, Limit: page})
		if err != nil {
			return nil, fmt.Errorf("read stored documents: %w", err)
		}
		for _, d := range docs {
			in.known[d.Hash] = true
			after = d.ID
		}
		if len(docs) < page {
			break
		}
	}
	in.stored = len(in.known) > 0
	return in, nil
}

// unseen passes on the articles whose content is not stored yet, nor read
// earlier in this run, counting the others.
func (in *ingester) unseen(seq iter.Seq2[*event.Article, error]) iter.Seq2[*event.Article, error] {
	return func(yield func(*event.Article, error) bool) {
		for a, err := range seq {
			if err == nil {
				in.read.Add(1)
				h := store.ContentHash(a)
				if in.known[h] {
					in.skipped.Add(1)
					continue
				}
				in.known[h] = true
			}
			if !yield(a, err) {
				return
			}
		}
	}
}

// add takes one coded document: it is given its origin, its incredible
// figures are dropped, and it joins the batch being filled.
func (in *ingester) add(c *event.Coded) error {
	if err := in.w.failed(); err != nil {
		return err
	}
	if in.stored && !in.loaded {
		// Originals stored by an earlier run must be found as they
		// would have been in one clean run.
		if err := in.index.Load(in.ctx, in.s); err != nil {
			return err
		}
	}
	in.loaded = true
	d := store.NewDocument(c)
	if in.index.Assign(d) {
		in.copies.Add(1)
	}
	for i := range d.Events {
		in.merger.Credible(&d.Events[i])
	}
	in.coded.Add(1)
	in.mentions.Add(int64(len(d.Events)))
	in.batch = append(in.batch, d)
	if len(in.batch) >= in.size {
		return in.flush()
	}
	return nil
}

// flush hands the batch to the writer.
func (in *ingester) flush() error {
	if len(in.batch) == 0 {
		return nil
	}
	b := in.batch
	in.batch = nil
	return in.w.put(b)
}

// startWriter starts the goroutine that stores batches of size documents.
func (in *ingester) startWriter(size int) *batchWriter {
	in.size = size
	w := &batchWriter{in: in, ch: make(chan []*store.Document, 1), done: make(chan struct{})}
	in.w = w
	go w.run(context.WithoutCancel(in.ctx))
	return w
}

// A batchWriter stores batches on its own goroutine, so that coding goes
// on while a transaction commits. It stops at the first error.
type batchWriter struct {
	in   *ingester
	ch   chan []*store.Document
	done chan struct{}

	mu  sync.Mutex
	err error
}

func (w *batchWriter) run(ctx context.Context) {
	defer close(w.done)
	for b := range w.ch {
		if w.failed() != nil {
			continue
		}
		res, err := w.in.s.PutDocuments(ctx, b, w.in.merger)
		if err != nil {
			w.mu.Lock()
			w.err = fmt.Errorf("store documents: %w", err)
			w.mu.Unlock()
			continue
		}
		for _, r := range res {
			if r.Skipped {
				w.in.dups.Add(1)
				continue
			}
			w.in.added.Add(1)
			w.in.newEvents.Add(int64(r.NewEvents))
			w.in.merged.Add(int64(r.Merged))
		}
	}
}

func (w *batchWriter) failed() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.err
}

func (w *batchWriter) put(b []*store.Document) error {
	if err := w.failed(); err != nil {
		return err
	}
	w.ch <- b
	return nil
}

// close stores the last batch, waits for the writer and returns its
// error.
func (w *batchWriter) close() error {
	err := w.in.flush()
	close(w.ch)
	<-w.done
	if werr := w.failed(); werr != nil {
		return werr
	}
	return err
}

// summary prints what the run did and what the store now holds.
func (in *ingester) summary(ctx context.Context, out io.Writer, took time.Duration) error {
	st, err := in.s.Stats(ctx)
	if err != nil {
		return fmt.Errorf("store stats: %w", err)
	}
	sec := max(took.Seconds(), 1e-9)
	fmt.Fprintf(out, "read %d documents in %.1fs: %d stored, %d already stored, %d copies of others\n",
		in.read.Load(), took.Seconds(), in.added.Load(), in.skipped.Load()+in.dups.Load(), in.copies.Load())
	fmt.Fprintf(out, "coded %d events: %d new, %d merged into earlier events\n",
		in.mentions.Load(), in.newEvents.Load(), in.merged.Load())
	fmt.Fprintf(out, "rate: %.0f documents/s, %.0f events/s\n",
		float64(in.read.Load())/sec, float64(in.mentions.Load())/sec)
	fmt.Fprintf(out, "store: %d documents, %d events, %d mentions, %d quotes, %d actors\n",
		st.Documents, st.Events, st.Mentions, st.Quotes, st.Actors)
	return nil
}

// inputs yields the articles of every input: standard input ("-"), an
// http(s) URL, a glob pattern, or a file or directory, where a file that
// is an OPML list names feeds to read.
func (c *IngestCommand) inputs(ctx context.Context, paths []string, opts source.Options, client *http.Client) iter.Seq2[*event.Article, error] {
	return func(yield func(*event.Article, error) bool) {
		for _, p := range paths {
			if !c.input(ctx, p, opts, client, yield) {
				return
			}
		}
	}
}

// input yields the articles of one input and reports whether to go on.
func (c *IngestCommand) input(ctx context.Context, p string, opts source.Options, client *http.Client, yield func(*event.Article, error) bool) bool {
	each := func(seq iter.Seq2[*event.Article, error]) bool {
		for a, err := range seq {
			if !yield(a, err) {
				return false
			}
		}
		return ctx.Err() == nil
	}
	fail := func(err error) bool {
		return yield(nil, &source.Error{Name: p, Offset: -1, Err: err}) && ctx.Err() == nil
	}
	switch {
	case p == "-":
		return each(source.ReadFrom(ctx, "-", c.Stdin, opts))
	case isURL(p):
		return c.readURL(ctx, p, opts, client, yield, 0)
	}
	if _, err := os.Lstat(p); err != nil && hasMeta(p) {
		matches, gerr := glob(p)
		if gerr != nil {
			return fail(gerr)
		}
		if len(matches) == 0 {
			return fail(errors.New("no file matches the pattern"))
		}
		for _, m := range matches {
			if !c.input(ctx, m, opts, client, yield) {
				return false
			}
		}
		return true
	}
	if feeds, ok, err := readOPMLFile(p); ok {
		if err != nil {
			return fail(err)
		}
		return c.readFeeds(ctx, p, feeds, opts, client, yield, 1)
	}
	return each(source.Read(ctx, p, opts))
}

func isURL(p string) bool { return strings.HasPrefix(p, "http://") || strings.HasPrefix(p, "https://") }

func hasMeta(p string) bool { return strings.ContainsAny(p, `*?[`) }

// glob returns the files matching pattern, without the names starting
// with a dot that a shell and a directory walk skip, unless the pattern's
// last element asks for them.
func glob(pattern string) ([]string, error) {
	matches, err := filepath.Glob(pattern)
	if err != nil {
		return nil, fmt.Errorf("glob: %w", err)
	}
	if strings.HasPrefix(filepath.Base(pattern), ".") {
		return matches, nil
	}
	out := matches[:0]
	for _, m := range matches {
		if !strings.HasPrefix(filepath.Base(m), ".") {
			out = append(out, m)
		}
	}
	return out, nil
}

// maxOPMLDepth bounds OPML lists that name other OPML lists.
const maxOPMLDepth = 2

// readURL fetches a page, a feed or an OPML list and yields its articles.
func (c *IngestCommand) readURL(ctx context.Context, u string, opts source.Options, client *http.Client, yield func(*event.Article, error) bool, depth int) bool {
	fail := func(err error) bool {
		return yield(nil, &source.Error{Name: u, Offset: -1, Err: err}) && ctx.Err() == nil
	}
	body, ctype, err := fetch(ctx, client, u)
	if err != nil {
		return fail(err)
	}
	if isOPML(body) {
		if depth >= maxOPMLDepth {
			return fail(errors.New("OPML list nested too deep"))
		}
		feeds, err := parseOPML(body)
		if err != nil {
			return fail(err)
		}
		return c.readFeeds(ctx, u, feeds, opts, client, yield, depth+1)
	}
	page := strings.Contains(ctype, "html")
	for a, err := range source.ReadFrom(ctx, u, bytes.NewReader(body), opts) {
		if a != nil && a.URL == "" && page {
			a.URL = u
		}
		if !yield(a, err) {
			return false
		}
	}
	return ctx.Err() == nil
}

// readFeeds reads the feeds an OPML list names; depth counts the lists
// read to get there.
func (c *IngestCommand) readFeeds(ctx context.Context, list string, feeds []string, opts source.Options, client *http.Client, yield func(*event.Article, error) bool, depth int) bool {
	for _, f := range feeds {
		if !isURL(f) {
			if !yield(nil, &source.Error{Name: list, Offset: -1, Err: fmt.Errorf("feed %q: want an http(s) URL", f)}) {
				return false
			}
			continue
		}
		if !c.readURL(ctx, f, opts, client, yield, depth) {
			return false
		}
	}
	return ctx.Err() == nil
}

// fetch GETs u and returns its body (at most source.DefaultMaxBytes) and
// content type.
func fetch(ctx context.Context, client *http.Client, u string) ([]byte, string, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return nil, "", err
	}
	req.Header.Set("User-Agent", "annals (news event coder)")
	resp, err := client.Do(req)
	if err != nil {
		return nil, "", err
	}
	defer resp.Body.Close()
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return nil, "", fmt.Errorf("HTTP status %s", resp.Status)
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, source.DefaultMaxBytes+1))
	if err != nil {
		return nil, "", fmt.Errorf("read body: %w", err)
	}
	if len(body) > source.DefaultMaxBytes {
		return nil, "", fmt.Errorf("%w: over %d bytes", source.ErrTooLarge, source.DefaultMaxBytes)
	}
	return body, strings.ToLower(resp.Header.Get("Content-Type")), nil
}

// isOPML reports whether data starts an OPML document.
func isOPML(data []byte) bool {
	head := data[:min(len(data), 1024)]
	return bytes.Contains(bytes.ToLower(head), []byte("<opml"))
}

// readOPMLFile reads the feeds of the file p when it is an OPML list; ok
// is false when p is not a regular file or not OPML.
func readOPMLFile(p string) (feeds []string, ok bool, err error) {
	f, err := os.Open(p)
	if err != nil {
		return nil, false, nil
	}
	defer f.Close()
	if fi, err := f.Stat(); err != nil || !fi.Mode().IsRegular() {
		return nil, false, nil
	}
	head := make([]byte, 1024)
	n, _ := io.ReadFull(f, head)
	if !isOPML(head[:n]) {
		return nil, false, nil
	}
	data, err := io.ReadAll(io.MultiReader(bytes.NewReader(head[:n]), io.LimitReader(f, source.DefaultMaxBytes)))
	if err != nil {
		return nil, true, err
	}
	feeds, err = parseOPML(data)
	return feeds, true, err
}

// An opmlOutline is one entry of an OPML list; feeds carry an xmlUrl,
// folders nest outlines.
type opmlOutline struct {
	XMLURL   string        `xml:"xmlUrl,attr"`
	Outlines []opmlOutline `xml:"outline"`
}

// parseOPML returns the feed URLs of an OPML list, in document order.
func parseOPML(data []byte) ([]string, error) {
	var doc struct {
		XMLName xml.Name      `xml:"opml"`
		Body    []opmlOutline `xml:"body>outline"`
	}
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = false
	if err := d.Decode(&doc); err != nil {
		return nil, fmt.Errorf("parse OPML: %w", err)
	}
	var out []string
	var walk func([]opmlOutline, int)
	walk = func(os []opmlOutline, depth int) {
		if depth > 32 {
			return
		}
		for _, o := range os {
			if u := strings.TrimSpace(o.XMLURL); u != "" {
				out = append(out, u)
			}
			walk(o.Outlines, depth+1)
		}
	}
	walk(doc.Body, 0)
	if len(out) == 0 {
		return nil, errors.New("OPML list names no feed")
	}
	return out, nil
}

// countDocuments estimates how many documents the local inputs hold: one
// per line of a JSONL file, one per other file. ok is false when the
// inputs include something it cannot count (standard input, URLs, WARC,
// feeds, gzip) or ctx is done.
func countDocuments(ctx context.Context, paths []string) (n int, ok bool) {
	for _, p := range paths {
		if p == "-" || isURL(p) {
			return 0, false
		}
		matches := []string{p}
		if _, err := os.Lstat(p); err != nil && hasMeta(p) {
			matches, _ = glob(p)
		}
		for _, m := range matches {
			err := filepath.WalkDir(m, func(q string, d fs.DirEntry, err error) error {
				if err != nil {
					return err
				}
				if err := ctx.Err(); err != nil {
					return err
				}
				if q != m && strings.HasPrefix(d.Name(), ".") {
					if d.IsDir() {
						return fs.SkipDir
					}
					return nil
				}
				if d.IsDir() {
					return nil
				}
				k, ok := countFile(q)
				if !ok {
					return errors.New("uncountable")
				}
				n += k
				return nil
			})
			if err != nil {
				return 0, false
			}
		}
	}
	return n, true
}

// countFile counts the documents of one file.
func countFile(p string) (int, bool) {
	f, err := os.Open(p)
	if err != nil {
		return 0, true // reported when read
	}
	defer f.Close()
	br := bufio.NewReaderSize(f, 64<<10)
	head, _ := br.Peek(512)
	trimmed := bytes.TrimLeft(bytes.TrimPrefix(head, []byte("\xef\xbb\xbf")), " \t\r\n")
	switch {
	case bytes.HasPrefix(head, []byte{0x1f, 0x8b}), bytes.HasPrefix(head, []byte("WARC/")):
		return 0, false
	case bytes.HasPrefix(trimmed, []byte("{")):
		n := 0
		buf := make([]byte, 64<<10)
		last := byte('\n')
		for {
			k, err := br.Read(buf)
			n += bytes.Count(buf[:k], []byte{'\n'})
			if k > 0 {
				last = buf[k-1]
			}
			if err != nil {
				break
			}
		}
		if last != '\n' {
			n++
		}
		return n, true
	case bytes.HasPrefix(trimmed, []byte("<?xml")), bytes.HasPrefix(trimmed, []byte("<rss")),
		bytes.HasPrefix(trimmed, []byte("<feed")), bytes.HasPrefix(trimmed, []byte("<rdf")), isOPML(head):
		if !bytes.Contains(bytes.ToLower(head), []byte("<html")) {
			return 0, false
		}
	}
	return 1, true
}

// isTerminal reports whether w is a terminal (a character device).
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

// A progressLine redraws one status line on a terminal: documents read,
// stored and skipped, documents and events per second, and an ETA once the
// number of documents is known. Other writes to it (error messages) clear
// the line first. It is safe for concurrent use.
type progressLine struct {
	w     io.Writer
	show  bool
	ing   *ingester
	start time.Time

	mu    sync.Mutex
	total int
	drawn bool
}

// Write clears the progress line and writes p.
func (p *progressLine) Write(b []byte) (int, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.clear()
	return p.w.Write(b)
}

func (p *progressLine) clear() {
	if p.drawn {
		io.WriteString(p.w, "\r\x1b[K")
		p.drawn = false
	}
}

func (p *progressLine) setTotal(n int, ok bool) {
	if !ok {
		return
	}
	p.mu.Lock()
	p.total = n
	p.mu.Unlock()
}

// run counts the documents of paths and redraws the line every half
// second until the returned function is called, which clears it and waits
// for both goroutines.
func (p *progressLine) run(ctx context.Context, paths []string) (stop func()) {
	if !p.show {
		return func() {}
	}
	ctx, cancel := context.WithCancel(ctx)
	counted := make(chan struct{})
	go func() {
		defer close(counted)
		p.setTotal(countDocuments(ctx, paths))
	}()
	done, exited := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(exited)
		t := time.NewTicker(500 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
				p.draw()
			}
		}
	}()
	return func() {
		cancel()
		close(done)
		<-exited
		<-counted
		p.mu.Lock()
		p.clear()
		p.mu.Unlock()
	}
}

func (p *progressLine) draw() {
	in := p.ing
	sec := max(time.Since(p.start).Seconds(), 1e-9)
	read := in.read.Load()
	rate := float64(read) / sec
	line := fmt.Sprintf("%d documents (%d stored, %d skipped) · %.0f documents/s · %.0f events/s",
		read, in.added.Load(), in.skipped.Load()+in.dups.Load(), rate, float64(in.mentions.Load())/sec)
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.total > 0 && rate > 0 {
		left := time.Duration(float64(max(int64(p.total)-read, 0))/rate) * time.Second
		line += fmt.Sprintf(" · %d%% · ETA %s", min(100, read*100/int64(p.total)), left.Round(time.Second))
	}
	io.WriteString(p.w, "\r\x1b[K"+line)
	p.drawn = true
}
