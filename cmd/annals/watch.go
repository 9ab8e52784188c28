package main

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"strings"
	"time"

	"github.com/annals-project/annals/internal/alert"
	alertpostgres "github.com/annals-project/annals/internal/alert/postgres"
	alertsqlite "github.com/annals-project/annals/internal/alert/sqlite"
	"github.com/annals-project/annals/internal/cameo"
	"github.com/annals-project/annals/internal/event"
)

// WatchCommand recomputes the alerts of the latest days on an interval,
// stores the new ones, and POSTs them to subscribed webhooks.
type WatchCommand struct {
	*Main
	db, alertsDB     string
	interval         time.Duration
	once             bool
	webhook          string
	countries, types string
	unsubscribe      bool
	listSubs         bool
	until            dateFlag
	opts             watchOptions
	format           string
	quiet            bool
}

// Synopsis describes the command in one line.
func (c *WatchCommand) Synopsis() string {
	return "raise alerts when a country's daily events depart from its baseline"
}

func (c *WatchCommand) flagSet() *flag.FlagSet {
	fs := c.newFlagSet("watch", "", c.Synopsis()+`.
Every --interval, counts the stored events per country and event type (CAMEO
root, and ACLED type when the event has one) and day, tests today and
yesterday against each country's own trailing baseline, adjusted for the
weekday and the day's media volume (docs/alerts.md), stores the alerts not
stored yet and prints them. Each new alert is queued for every subscribed
webhook whose country and type match, and POSTed as JSON with retries; an
alert is delivered to an endpoint once.

--webhook URL subscribes URL to the alerts of --country and --type
(comma-separated lists, empty for any), stored in the database; later runs
deliver to it without the flag. With --unsubscribe, the matching
subscriptions of --webhook are removed instead. Alerts live in tables of
their own in the database of --db (a SQLite file or PostgreSQL), or in
--alerts-db.`)
	fs.StringVar(&c.db, "db", defaultDB, "store `DSN`: a SQLite file path, or a postgres:// URL")
	fs.StringVar(&c.alertsDB, "alerts-db", "", "alerts `DSN`: a SQLite file path, or a postgres:// URL (default: the --db database)")
	fs.DurationVar(&c.interval, "interval", 10*time.Minute, "time between runs")
	fs.BoolVar(&c.once, "once", false, "run once and exit")
	fs.StringVar(&c.webhook, "webhook", "", "subscribe this http(s) `URL` to alerts")
	fs.StringVar(&c.countries, "country", "", "ISO 3166-1 alpha-3 `codes`, comma-separated, that --webhook subscribes to (default any)")
	fs.StringVar(&c.types, "type", "", "event `types` that --webhook subscribes to: CAMEO roots (14), ACLED types (Protests), or scheme:type, comma-separated (default any)")
	fs.BoolVar(&c.unsubscribe, "unsubscribe", false, "remove the subscriptions of --webhook (all, or those of --country and --type) and exit")
	fs.BoolVar(&c.listSubs, "subscriptions", false, "list the stored subscriptions and exit")
	fs.Var(&c.until, "until", "test the days ending on this `date` (YYYY-MM-DD) instead of today, to replay history")
	d := defaultWatchOptions()
	fs.IntVar(&c.opts.lookback, "lookback", d.lookback, "number of `days` tested per run, ending today")
	fs.IntVar(&c.opts.baselineDays, "baseline-days", d.baselineDays, "length of the trailing baseline in `days`")
	fs.Float64Var(&c.opts.alpha, "alpha", d.alpha, "level of the corrected test")
	fs.StringVar(&c.opts.correction, "correction", d.correction, "multiple-testing correction across a day's cells: bh or bonferroni")
	fs.IntVar(&c.opts.minCount, "min-count", d.minCount, "least count of events that can alert")
	fs.DurationVar(&c.opts.backoff, "backoff", d.backoff, "first wait before a webhook retry, doubled after each failure (at most 1m)")
	fs.IntVar(&c.opts.attempts, "attempts", d.attempts, "webhook POSTs per alert and run before it waits for the next run")
	fs.StringVar(&c.format, "format", "text", "output `format` of new alerts: text or json (JSON Lines)")
	fs.BoolVar(&c.quiet, "quiet", false, "log errors only")
	return fs
}

// Usage prints the command's flags.
func (c *WatchCommand) Usage() { c.flagSet().Usage() }

// Run watches until ctx is done, or runs once with --once.
func (c *WatchCommand) Run(ctx context.Context, args []string) error {
	fs := c.flagSet()
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("%w: watch takes flags only, got %q", errUsage, fs.Args())
	}
	if err := checkFormat(c.format, "text", "json"); err != nil {
		return err
	}
	subs, err := c.subscriptions()
	if err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	if !c.once && c.interval <= 0 {
		return fmt.Errorf("%w: --interval must be positive", errUsage)
	}
	c.opts.until = c.until.d
	det, err := c.opts.detector()
	if err != nil {
		return err
	}

	level := slog.LevelWarn // alerts, postponed deliveries and errors; the summary line says the rest
	if c.quiet {
		level = slog.LevelError
	}
	log := slog.New(slog.NewTextHandler(c.Stderr, &slog.HandlerOptions{Level: level}))

	events, err := openStore(ctx, c.db, false)
	if err != nil {
		return err
	}
	defer events.Close()
	alerts, err := openAlerts(ctx, cmp.Or(c.alertsDB, c.db))
	if err != nil {
		return err
	}
	defer alerts.Close()

	if c.listSubs || c.unsubscribe || len(subs) > 0 {
		done, err := c.manageSubscriptions(ctx, alerts, subs)
		if done || err != nil {
			return err
		}
	}

	w, err := newWatcher(events, alerts, det, c.opts, log)
	if err != nil {
		return err
	}
	if c.once {
		res, err := w.Once(ctx)
		if err != nil {
			return err
		}
		return c.report(res)
	}
	var werr error
	w.Notify = func(res alert.Result) {
		if err := c.report(res); err != nil && werr == nil {
			werr = err
		}
	}
	fmt.Fprintf(c.Stderr, "annals: watching %s every %s\n", c.db, c.interval)
	if err := w.Run(ctx, c.interval); err != nil {
		return err
	}
	return werr
}

// openAlerts opens the alert store at dsn: tables of their own in a
// PostgreSQL database for a postgres:// URL, else in a SQLite file.
func openAlerts(ctx context.Context, dsn string) (alert.Store, error) {
	if isPostgres(dsn) {
		s, err := alertpostgres.Open(ctx, dsn, alertpostgres.Options{})
		if err != nil {
			return nil, err
		}
		return s, nil
	}
	s, err := alertsqlite.Open(ctx, dsn, alertsqlite.Options{})
	if err != nil {
		return nil, err
	}
	return s, nil
}

// watchOptions are the settings of the alert.Watcher that annals watch
// sets with flags and annals serve --watch leaves at their defaults.
type watchOptions struct {
	baselineDays, minCount int
	alpha                  float64
	correction             string
	lookback, attempts     int
	backoff                time.Duration
	// until is the last day tested; the zero date means today.
	until event.Date
}

// defaultWatchOptions returns the defaults of annals watch's flags.
func defaultWatchOptions() watchOptions {
	cfg := alert.DefaultConfig()
	return watchOptions{
		baselineDays: cfg.BaselineDays, minCount: cfg.MinCount, alpha: cfg.Alpha,
		correction: string(cfg.Correction), lookback: 2, attempts: alert.DefaultMaxAttempts,
		backoff: time.Second,
	}
}

// detector checks o and returns the detector it configures, or an
// errUsage error.
func (o watchOptions) detector() (*alert.Detector, error) {
	if o.lookback < 1 || o.attempts < 1 || o.backoff <= 0 {
		return nil, fmt.Errorf("%w: --lookback and --attempts must be at least 1, --backoff positive", errUsage)
	}
	cfg := alert.DefaultConfig()
	cfg.BaselineDays, cfg.Alpha, cfg.MinCount = o.baselineDays, o.alpha, o.minCount
	cfg.Correction = alert.Correction(strings.ToLower(o.correction))
	if cfg.BaselineDays < cfg.MinHistoryDays {
		cfg.MinHistoryDays = cfg.BaselineDays
	}
	det, err := alert.NewDetector(cfg)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", errUsage, err)
	}
	return det, nil
}

// newWatcher returns the watcher of annals watch and annals serve --watch:
// it counts events, stores alerts in alerts with det's test, and posts them
// to the subscribed webhooks.
func newWatcher(events alert.EventLister, alerts alert.Store, det *alert.Detector, o watchOptions, log *slog.Logger) (*alert.Watcher, error) {
	names, err := rootNames()
	if err != nil {
		return nil, err
	}
	return &alert.Watcher{
		Events: events, Alerts: alerts, Detector: det,
		Webhook: &alert.Webhook{
			UserAgent: "annals/" + Version, MaxAttempts: o.attempts,
			Backoff: o.backoff, MaxBackoff: max(o.backoff, time.Minute),
		},
		TypeName: names, Logger: log, Until: o.until, Lookback: o.lookback,
	}, nil
}

// report prints a run's new alerts on stdout and a summary on stderr.
func (c *WatchCommand) report(res alert.Result) error {
	enc := json.NewEncoder(c.Stdout)
	for i := range res.New {
		a := &res.New[i]
		var err error
		if c.format == "json" {
			err = enc.Encode(a)
		} else {
			_, err = fmt.Fprintln(c.Stdout, a.Summary())
		}
		if err != nil {
			return fmt.Errorf("write alerts: %w", err)
		}
	}
	cells, tested := 0, 0
	for _, d := range res.Days {
		if len(d.Tests) > 0 {
			tested++
		}
		cells += len(d.Tests)
	}
	fmt.Fprintf(c.Stderr, "annals: watch: tested %d of %d days, %d cells: %d alerts, %d new; webhook: %d delivered, %d retries, %d failed, %d pending\n",
		tested, len(res.Days), cells, len(res.Raised), len(res.New), res.Delivered, res.Retries, res.Failed, res.Pending)
	return nil
}

// subscriptions returns the subscriptions --webhook, --country and --type
// describe: one per country and type pair, empty meaning any.
func (c *WatchCommand) subscriptions() ([]alert.Subscription, error) {
	if c.webhook == "" {
		if c.countries != "" || c.types != "" || c.unsubscribe {
			return nil, errors.New("--country, --type and --unsubscribe need --webhook")
		}
		return nil, nil
	}
	countries := []string{""}
	if c.countries != "" {
		countries = nil
		for s := range strings.SplitSeq(c.countries, ",") {
			code, err := alert.ParseCountry(s)
			if err != nil {
				return nil, err
			}
			countries = append(countries, code)
		}
	}
	type typ struct {
		scheme alert.Scheme
		name   string
	}
	types := []typ{{}}
	if c.types != "" {
		types = nil
		for s := range strings.SplitSeq(c.types, ",") {
			sc, t, err := alert.ParseType(s)
			if err != nil {
				return nil, err
			}
			types = append(types, typ{sc, t})
		}
	}
	var out []alert.Subscription
	for _, country := range countries {
		for _, t := range types {
			s := alert.Subscription{Endpoint: c.webhook, Country: country, Scheme: t.scheme, Type: t.name}
			if err := s.Validate(); err != nil {
				return nil, err
			}
			out = append(out, s)
		}
	}
	return out, nil
}

// manageSubscriptions lists, removes or adds subscriptions. It returns
// true when the command is done (a listing or a removal).
func (c *WatchCommand) manageSubscriptions(ctx context.Context, s alert.Store, subs []alert.Subscription) (bool, error) {
	stored, err := s.Subscriptions(ctx)
	if err != nil {
		return true, err
	}
	switch {
	case c.listSubs:
		for _, sub := range stored {
			fmt.Fprintf(c.Stdout, "%d\t%s\t%s\t%s\n", sub.ID, sub.Endpoint, orAny(sub.Country), orAny(typeKey(sub)))
		}
		return true, nil
	case c.unsubscribe:
		all := c.countries == "" && c.types == ""
		n := 0
		for _, st := range stored {
			for _, sub := range subs {
				if st.Endpoint == sub.Endpoint && (all || (st.Country == sub.Country && st.Scheme == sub.Scheme && st.Type == sub.Type)) {
					if err := s.Unsubscribe(ctx, st.ID); err != nil {
						return true, err
					}
					n++
					break
				}
			}
		}
		fmt.Fprintf(c.Stderr, "annals: removed %d subscriptions of %s\n", n, c.webhook)
		return true, nil
	}
	for _, sub := range subs {
		got, err := s.Subscribe(ctx, sub)
		if err != nil {
			return true, err
		}
		fmt.Fprintf(c.Stderr, "annals: subscription %d: %s gets alerts of country %s, type %s\n",
			got.ID, got.Endpoint, orAny(got.Country), orAny(typeKey(got)))
	}
	return false, nil
}

func typeKey(s alert.Subscription) string {
	if s.Type == "" {
		return ""
	}
	return string(s.Scheme) + ":" + s.Type
}

func orAny(s string) string {
	if s == "" {
		return "any"
	}
	return s
}

// rootNames returns a function naming CAMEO roots from the embedded code
// table, in sentence case ("Protest").
func rootNames() (func(alert.Cell) string, error) {
	t, err := cameo.Default()
	if err != nil {
		return nil, fmt.Errorf("load the CAMEO table: %w", err)
	}
	names := map[string]string{}
	for _, e := range t.Roots() {
		n := strings.ToLower(e.Name)
		if n != "" {
			n = strings.ToUpper(n[:1]) + n[1:]
		}
		names[string(e.Code)] = n
	}
	return func(c alert.Cell) string {
		if c.Scheme == alert.SchemeCAMEO {
			return names[c.Type]
		}
		return ""
	}, nil
}
