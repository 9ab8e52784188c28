package main

import (
	"cmp"
	"context"
	"flag"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"runtime"
	"sync"
	"time"

	"github.com/annals-project/annals/internal/alert"
	"github.com/annals-project/annals/internal/api"
	"github.com/annals-project/annals/internal/dedup"
	"github.com/annals-project/annals/internal/event/code"
	"github.com/annals-project/annals/internal/pipeline"
	"github.com/annals-project/annals/internal/store"
	"github.com/annals-project/annals/internal/web"
)

// minTokenLen is the shortest bearer token serve accepts.
const minTokenLen = 16

// ServeCommand serves the store over HTTP: the JSON API, and with a bearer
// token, ingestion of posted documents.
type ServeCommand struct {
	*Main
	db        string
	addr      string
	token     string
	maxBody   int64
	workers   int
	published dateFlag
	quiet     bool
	watch     time.Duration
	watchTill dateFlag

	// Getenv reads ANNALS_TOKEN; nil means os.Getenv.
	Getenv func(string) string
}

// Synopsis describes the command in one line.
func (c *ServeCommand) Synopsis() string {
	return "serve the store's events over HTTP (JSON API)"
}

func (c *ServeCommand) flagSet() *flag.FlagSet {
	fs := c.newFlagSet("serve", "", c.Synopsis()+`.
Serves GET /api/events, /api/events/{id}, /api/events.geojson, /api/quotes,
/api/actors, /api/stats, /api/stats/timeline, /api/documents/{id} and
/healthz (docs/api.md). POST /api/documents codes and stores documents only
when a bearer token is set with --token or, better (a flag shows in the
process list), the ANNALS_TOKEN environment variable. Stops gracefully on
interrupt.

With --watch INTERVAL, serve also runs the watcher of annals watch
with its default settings: every INTERVAL it stores the new alerts, which
the dashboard and /alerts.atom show, and posts them to the subscribed
webhooks (docs/alerts.md).`)
	fs.StringVar(&c.db, "db", defaultDB, "store `DSN`: a SQLite file path, or a postgres:// URL")
	fs.StringVar(&c.addr, "addr", "127.0.0.1:8080", "listen on `host:port` (port 0 picks a free one)")
	fs.StringVar(&c.token, "token", "", "bearer `token` that enables POST /api/documents (at least 16 characters; default $ANNALS_TOKEN)")
	fs.Int64Var(&c.maxBody, "max-body", api.DefaultMaxBodyBytes, "largest request body in `bytes`")
	fs.IntVar(&c.workers, "workers", runtime.GOMAXPROCS(0), "documents of one POST coded at once")
	fs.Var(&c.published, "published", "publication `date` (YYYY-MM-DD) for posted documents that carry none")
	fs.BoolVar(&c.quiet, "quiet", false, "log errors only, not every request")
	fs.DurationVar(&c.watch, "watch", 0, "raise alerts as annals watch does, every `interval` (0: off)")
	fs.Var(&c.watchTill, "watch-until", "with --watch, test the days ending on this `date` (YYYY-MM-DD) instead of today")
	return fs
}

// Usage prints the command's flags.
func (c *ServeCommand) Usage() { c.flagSet().Usage() }

// Run serves until ctx is done, then shuts down gracefully.
func (c *ServeCommand) Run(ctx context.Context, args []string) error {
	fs := c.flagSet()
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("%w: serve takes no arguments, got %q", errUsage, fs.Args())
	}
	getenv := c.Getenv
	if getenv == nil {
		getenv = os.Getenv
	}
	token := c.token
	if token == "" {
		token = getenv("ANNALS_TOKEN")
	}
	if token != "" && len(token) < minTokenLen {
		return fmt.Errorf("%w: the bearer token must have at least %d characters", errUsage, minTokenLen)
	}
	if c.maxBody <= 0 {
		return fmt.Errorf("%w: --max-body must be positive", errUsage)
	}
	if c.watch < 0 {
		return fmt.Errorf("%w: --watch must not be negative", errUsage)
	}
	wo := defaultWatchOptions()
	wo.until = c.watchTill.d
	det, err := wo.detector()
	if err != nil {
		return err
	}
	level := slog.LevelInfo
	if c.quiet {
		level = slog.LevelError
	}
	log := slog.New(slog.NewTextHandler(c.Stderr, &slog.HandlerOptions{Level: level}))

	s, err := openStore(ctx, c.db, true)
	if err != nil {
		return err
	}
	defer s.Close()
	srv := &api.Server{Store: s, Token: token, Logger: log, MaxBodyBytes: c.maxBody}
	if token != "" {
		coder, err := code.Default()
		if err != nil {
			return fmt.Errorf("load the coder: %w", err)
		}
		m := dedup.NewMerger(dedup.DefaultOptions())
		srv.Pipeline = pipeline.New(pipeline.Config{Published: c.published.d, Coder: coder, Workers: c.workers})
		srv.Merger = m
		srv.Prepare = &preparer{s: s, merger: m, index: dedup.NewIndex(dedup.DefaultOptions())}
	}

	ln, err := net.Listen("tcp", c.addr)
	if err != nil {
		return fmt.Errorf("listen: %w", err)
	}
	writes := "read-only: no token"
	if token != "" {
		writes = "POST /api/documents enabled"
	}
	// The alerts of annals watch live beside the store: in the same SQLite
	// file or PostgreSQL database.
	alerts, err := openAlerts(ctx, cmp.Or(c.db, defaultDB))
	if err != nil {
		return fmt.Errorf("alerts: %w", err)
	}
	defer alerts.Close()
	feed := alert.FeedHandler(alerts, alert.FeedConfig{Logger: log})
	wopts := web.Options{Store: s, Logger: log, Alerts: alerts}
	var watcher *alert.Watcher
	if c.watch > 0 {
		if watcher, err = newWatcher(s, alerts, det, wo, log); err != nil {
			return err
		}
	}
	dash, err := web.Handler(wopts)
	if err != nil {
		return fmt.Errorf("dashboard: %w", err)
	}
	fmt.Fprintf(c.Stderr, "annals: serving %s on http://%s/ (API at /api/, %s)\n", c.db, ln.Addr(), writes)
	serve := func(ctx context.Context) error {
		return api.Serve(ctx, ln, rootHandler(srv, dash, feed), api.Timeouts{}, log)
	}
	if watcher == nil {
		return serve(ctx)
	}
	fmt.Fprintf(c.Stderr, "annals: watching for alerts every %s\n", c.watch)
	return runGroup(ctx, serve, func(ctx context.Context) error { return watcher.Run(ctx, c.watch) })
}

// rootHandler mounts the API at /api/ and /healthz, the alerts' Atom feed
// at /alerts.atom when there is one, and the dashboard at /.
func rootHandler(srv *api.Server, dash, feed http.Handler) http.Handler {
	h := srv.Handler()
	mux := http.NewServeMux()
	mux.Handle("/api/", h)
	mux.Handle("/healthz", h)
	if feed != nil {
		mux.Handle("/alerts.atom", feed)
	}
	mux.Handle("/", dash)
	return mux
}

// preparer readies a posted document as ingest does: a copy of a stored
// article gets its origin, so that it adds an article and not a source, and
// incredible figures are cleared. The fingerprints of the stored documents
// are loaded on the first post.
type preparer struct {
	s      store.Store
	merger *dedup.Merger
	index  *dedup.Index

	mu     sync.Mutex
	loaded bool
}

// Prepare implements api.Preparer.
func (p *preparer) Prepare(ctx context.Context, d *store.Document) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	if !p.loaded {
		if err := p.index.Load(ctx, p.s); err != nil {
			return err
		}
		p.loaded = true
	}
	p.index.Assign(d)
	for i := range d.Events {
		p.merger.Credible(&d.Events[i])
	}
	return nil
}
