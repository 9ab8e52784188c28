package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/annals-project/annals/internal/export"
	"github.com/annals-project/annals/internal/store"
)

// ExportCommand writes the stored events in another dataset's format:
// GDELT 2.0 events or mentions, ACLED CSV, PLOVER JSON or GeoJSON.
type ExportCommand struct {
	*Main
	db, format, out string
	limit           int
	filters         *filterFlags
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
	ff := newFilterFlags()
	for _, f := range queryFilters() {
		switch f.param {
		case "from":
			ff.add(fs, "since", f.param, "", f.usage)
			ff.add(fs, "from", f.param, "", "same as --since")
		case "to":
			ff.add(fs, "until", f.param, "", f.usage)
			ff.add(fs, "to", f.param, "", "same as --until")
		case "order":
			ff.add(fs, "order", f.param, "id", "`order`: id (ingest order), -id, date, -date or -mentions")
		case "cursor":
		default:
			ff.add(fs, flagName(f.param), f.param, "", f.usage)
		}
	}
	c.filters = ff
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
	filter, err := c.filters.filter(nil)
	if err != nil {
		return err
	}
	if filter.Order == "id" {
		filter.Order = store.OrderID
	}
	filter.Limit = c.limit

	x, err := export.New(export.Config{Coder: "annals " + Version})
	if err != nil {
		return err
	}
	s, err := openStore(ctx, c.db, false)
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
