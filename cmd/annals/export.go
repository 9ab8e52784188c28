package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/annals-project/annals/internal/event"
	"github.com/annals-project/annals/internal/export"
	"github.com/annals-project/annals/internal/store"
	"github.com/annals-project/annals/internal/store/postgres"
	"github.com/annals-project/annals/internal/store/sqlite"
)

// ExportCommand writes the stored events in another dataset's format:
// GDELT 2.0 events or mentions, ACLED CSV, PLOVER JSON or GeoJSON.
type ExportCommand struct {
	*Main
	db, format, out string
	limit           int
	f               exportFilterFlags
}

// exportFilterFlags are the event filters, as flags named like those of
// annals query.
type exportFilterFlags struct {
	country, actor, source, target, actorText string
	cameo, root, plover, acledType, acledSub  string
	since, until, bbox, near, q, order        string
	quad, minSources                          int
	radiusKm                                  float64
}

// Synopsis describes the command in one line.
func (c *ExportCommand) Synopsis() string {
	return "write stored events as GDELT, ACLED, PLOVER or GeoJSON"
}

func (c *ExportCommand) flagSet() *flag.FlagSet {
	fs := c.newFlagSet("export", "", c.Synopsis()+`.
Formats (docs/export.md):
  gdelt           GDELT 2.0 event records: 61 tab-separated columns
  gdelt-mentions  GDELT 2.0 mentions records: 16 tab-separated columns
  acled           CSV with ACLED's columns, for events with an ACLED type
  plover          PLOVER JSON records, one a line, for events with a PLOVER type
  geojson         a GeoJSON FeatureCollection of the events with a place
The filters are those of annals query; all must hold. Codes match by prefix.`)
	fs.StringVar(&c.db, "db", "annals.db", "store `DSN`: a SQLite file path, or a postgres:// URL")
	fs.StringVar(&c.format, "format", "gdelt", "output `format`: gdelt, gdelt-mentions, acled, plover or geojson")
	fs.StringVar(&c.out, "out", "", "write to `file` (replaced only when the export is complete) instead of standard output")
	fs.IntVar(&c.limit, "limit", 0, "export at most `n` events (0: all)")
	f := &c.f
	fs.StringVar(&f.country, "country", "", "ISO 3166-1 alpha-3 `code` of the event's place (KEN)")
	fs.StringVar(&f.actor, "actor", "", "CAMEO actor `code` or prefix of the source or the target")
	fs.StringVar(&f.source, "source", "", "CAMEO actor `code` or prefix of the source")
	fs.StringVar(&f.target, "target", "", "CAMEO actor `code` or prefix of the target")
	fs.StringVar(&f.actorText, "actor-text", "", "`words` in the source's or the target's text or name")
	fs.StringVar(&f.cameo, "cameo", "", "CAMEO event `codes` or prefixes, comma-separated (14,0251)")
	fs.StringVar(&f.root, "root", "", "CAMEO `roots` 01-20, comma-separated")
	fs.IntVar(&f.quad, "quad-class", 0, "quad `class` 1-4")
	fs.StringVar(&f.plover, "plover", "", "PLOVER event `type` (PROTEST)")
	fs.StringVar(&f.acledType, "acled-type", "", "ACLED event `type` (Protests)")
	fs.StringVar(&f.acledSub, "acled-subtype", "", "ACLED `subtype` (Peaceful protest)")
	fs.StringVar(&f.since, "since", "", "events on or after this `date` (YYYY-MM-DD)")
	fs.StringVar(&f.until, "until", "", "events on or before this `date` (YYYY-MM-DD)")
	fs.StringVar(&f.since, "from", "", "same as --since")
	fs.StringVar(&f.until, "to", "", "same as --until")
	fs.StringVar(&f.bbox, "bbox", "", "events in the box `west,south,east,north` (degrees)")
	fs.StringVar(&f.near, "near", "", "events within --radius-km of the point `lat,lon`")
	fs.Float64Var(&f.radiusKm, "radius-km", 50, "radius in `km` around --near")
	fs.StringVar(&f.q, "q", "", "full-text `query` over the reporting sentences")
	fs.IntVar(&f.minSources, "min-sources", 0, "events reported by at least `n` independent sources")
	fs.StringVar(&f.order, "order", "id", "`order`: id (ingest order), -id, date, -date or -mentions")
	return fs
}

// Usage prints the command's flags.
func (c *ExportCommand) Usage() { c.flagSet().Usage() }

// Run exports the events that match the filters.
func (c *ExportCommand) Run(ctx context.Context, args []string) error {
	fs := c.flagSet()
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("%w: export takes flags only, got %q", errUsage, fs.Args())
	}
	format, err := export.ParseFormat(c.format)
	if err != nil {
		names := make([]string, 0, len(export.Formats()))
		for _, f := range export.Formats() {
			names = append(names, string(f))
		}
		return fmt.Errorf("%w: --format %q: want one of %s", errUsage, c.format, strings.Join(names, ", "))
	}
	if c.limit < 0 {
		return fmt.Errorf("%w: --limit must not be negative", errUsage)
	}
	filter, err := c.f.filter()
	if err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	filter.Limit = c.limit

	x, err := export.New(export.Config{Coder: "annals " + Version})
	if err != nil {
		return err
	}
	s, err := openExportStore(ctx, c.db)
	if err != nil {
		return err
	}
	defer s.Close()

	var res export.Result
	if c.out == "" {
		w := bufio.NewWriterSize(c.Stdout, 64<<10)
		res, err = x.Export(ctx, w, s, format, filter)
		if ferr := w.Flush(); err == nil && ferr != nil {
			err = fmt.Errorf("export: write: %w", ferr)
		}
	} else {
		res, err = writeFileAtomic(c.out, func(w io.Writer) (export.Result, error) {
			return x.Export(ctx, w, s, format, filter)
		})
	}
	if err != nil {
		return err
	}
	msg := fmt.Sprintf("annals: exported %d %s records from %d events", res.Records, format, res.Events)
	if res.Skipped > 0 {
		msg += fmt.Sprintf(" (%d events have no %s form)", res.Skipped, format)
	}
	fmt.Fprintln(c.Stderr, msg)
	return nil
}

// filter builds the store filter the flags describe.
func (f *exportFilterFlags) filter() (store.EventFilter, error) {
	ef := store.EventFilter{
		Country: f.country, Actor: f.actor, Source: f.source, Target: f.target, ActorText: f.actorText,
		QuadClass: f.quad, PLOVER: f.plover, ACLEDType: f.acledType, ACLEDSubtype: f.acledSub,
		Text: f.q, MinSources: f.minSources, Order: store.Order(f.order),
	}
	if f.order == "id" {
		ef.Order = store.OrderID
	}
	ef.CAMEO = splitList(f.cameo)
	for _, r := range splitList(f.root) {
		if n, err := strconv.Atoi(r); err != nil || len(r) != 2 || n < 1 || n > 20 {
			return ef, fmt.Errorf("--root %q: want two-digit roots 01-20", f.root)
		}
		ef.CAMEO = append(ef.CAMEO, r)
	}
	var err error
	if ef.From, err = parseDateFlag("since", f.since); err != nil {
		return ef, err
	}
	if ef.To, err = parseDateFlag("until", f.until); err != nil {
		return ef, err
	}
	if f.bbox != "" {
		v, err := parseFloats(f.bbox, 4)
		if err != nil {
			return ef, fmt.Errorf("--bbox %q: want west,south,east,north", f.bbox)
		}
		ef.BBox = &store.BBox{MinLon: v[0], MinLat: v[1], MaxLon: v[2], MaxLat: v[3]}
	}
	if f.near != "" {
		v, err := parseFloats(f.near, 2)
		if err != nil {
			return ef, fmt.Errorf("--near %q: want lat,lon", f.near)
		}
		ef.Near = &store.Circle{Lat: v[0], Lon: v[1], RadiusKm: f.radiusKm}
	}
	if err := ef.Validate(); err != nil {
		return ef, err
	}
	return ef, nil
}

func splitList(s string) []string {
	var out []string
	for p := range strings.SplitSeq(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

func parseDateFlag(name, s string) (event.Date, error) {
	if s == "" {
		return event.Date{}, nil
	}
	d, err := event.ParseDate(s)
	if err != nil {
		return d, fmt.Errorf("--%s %q: want YYYY-MM-DD", name, s)
	}
	return d, nil
}

func parseFloats(s string, n int) ([]float64, error) {
	parts := strings.Split(s, ",")
	if len(parts) != n {
		return nil, fmt.Errorf("want %d numbers", n)
	}
	v := make([]float64, n)
	for i, p := range parts {
		f, err := strconv.ParseFloat(strings.TrimSpace(p), 64)
		if err != nil {
			return nil, err
		}
		v[i] = f
	}
	return v, nil
}

// openExportStore opens an existing store: a postgres:// (or
// postgresql://) URL, or a SQLite file, which must exist (an export never
// creates an empty store).
func openExportStore(ctx context.Context, dsn string) (store.Store, error) {
	if strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://") {
		s, err := postgres.Open(ctx, dsn, postgres.Options{})
		if err != nil {
			return nil, fmt.Errorf("open store: %w", err)
		}
		return s, nil
	}
	if _, err := os.Stat(dsn); err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("no store at %s: run annals ingest --db %s first", dsn, dsn)
		}
		return nil, fmt.Errorf("open store: %w", err)
	}
	s, err := sqlite.Open(ctx, dsn, sqlite.Options{})
	if err != nil {
		return nil, fmt.Errorf("open store: %w", err)
	}
	return s, nil
}

// writeFileAtomic runs write on a temporary file beside path and renames
// it to path when write succeeds; on failure path is left as it was.
func writeFileAtomic(path string, write func(io.Writer) (export.Result, error)) (export.Result, error) {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return export.Result{}, fmt.Errorf("export: %w", err)
	}
	defer os.Remove(tmp.Name()) // fails harmlessly after the rename
	res, err := write(tmp)
	if cerr := tmp.Close(); err == nil && cerr != nil {
		err = fmt.Errorf("export: write %s: %w", path, cerr)
	}
	if err != nil {
		return res, err
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return res, fmt.Errorf("export: %w", err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return res, fmt.Errorf("export: %w", err)
	}
	return res, nil
}
