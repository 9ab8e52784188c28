package export

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/annals-project/annals/internal/cameo"
	"github.com/annals-project/annals/internal/event"
	"github.com/annals-project/annals/internal/store"
)

// A Format names an export format.
type Format string

// The export formats.
const (
	FormatGDELT         Format = "gdelt"
	FormatGDELTMentions Format = "gdelt-mentions"
	FormatACLED         Format = "acled"
	FormatPLOVER        Format = "plover"
	FormatGeoJSON       Format = "geojson"
)

// Formats returns every format, in the order the documentation lists them.
func Formats() []Format {
	return []Format{FormatGDELT, FormatGDELTMentions, FormatACLED, FormatPLOVER, FormatGeoJSON}
}

// ErrFormat is returned for an unknown format name.
var ErrFormat = errors.New("unknown export format")

// ParseFormat returns the Format named s, or an error wrapping ErrFormat.
func ParseFormat(s string) (Format, error) {
	for _, f := range Formats() {
		if string(f) == s {
			return f, nil
		}
	}
	return "", fmt.Errorf("format %q: %w", s, ErrFormat)
}

// Config configures an Exporter. The zero value works.
type Config struct {
	// Coder names the system that coded the events, for PLOVER's
	// cite_info.coder ("annals v1.2.0"); empty means "annals".
	Coder string
	// BatchSize is how many events each store query reads; 0 means 500.
	BatchSize int
	// DocCache is how many documents an Export keeps in memory to avoid
	// reading a document once per event; 0 means 256.
	DocCache int
}

// An Exporter writes the events of a store in the export formats. It is
// read-only once built and safe for concurrent use.
type Exporter struct {
	cfg    Config
	tables *Tables
	codes  *cameo.Table
	roles  *cameo.Roles
}

// New returns an Exporter using the tables embedded in this package and in
// package cameo.
func New(cfg Config) (*Exporter, error) {
	t, err := DefaultTables()
	if err != nil {
		return nil, err
	}
	codes, err := cameo.Default()
	if err != nil {
		return nil, fmt.Errorf("new exporter: %w", err)
	}
	roles, err := cameo.DefaultRoles()
	if err != nil {
		return nil, fmt.Errorf("new exporter: %w", err)
	}
	return NewWithTables(cfg, t, codes, roles), nil
}

// NewWithTables returns an Exporter using the given tables, none of which
// may be nil.
func NewWithTables(cfg Config, t *Tables, codes *cameo.Table, roles *cameo.Roles) *Exporter {
	if t == nil || codes == nil || roles == nil {
		panic("export: NewWithTables with a nil table")
	}
	if cfg.Coder == "" {
		cfg.Coder = "annals"
	}
	if cfg.BatchSize <= 0 {
		cfg.BatchSize = 500
	}
	if cfg.DocCache <= 0 {
		cfg.DocCache = 256
	}
	return &Exporter{cfg: cfg, tables: t, codes: codes, roles: roles}
}

// Tables returns the exporter's lookup tables.
func (x *Exporter) Tables() *Tables { return x.tables }

// Result counts what an Export did.
type Result struct {
	// Events counts the events read from the store.
	Events int `json:"events"`
	// Records counts the records written: rows, JSON records or features
	// (for gdelt-mentions, one per mention).
	Records int `json:"records"`
	// Skipped counts the events the format cannot represent: without an
	// ACLED type (acled), without a PLOVER type or an actor (plover), or
	// without a point (geojson).
	Skipped int `json:"skipped"`
}

// Export writes the events of s that match f to w in format format, in f's
// order. f.Limit caps the number of events read (0: all of them). It
// returns ErrFormat for an unknown format, a store error (such as
// store.ErrInvalid for a bad filter) wrapped with context, or the first
// write error. Output already written stays written: write to a temporary
// file and rename it to publish only complete exports.
func (x *Exporter) Export(ctx context.Context, w io.Writer, s store.Store, format Format, f store.EventFilter) (Result, error) {
	if err := f.Validate(); err != nil {
		return Result{}, fmt.Errorf("export: %w", err)
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	run := &run{x: x, s: s, docs: newDocCache(x.cfg.DocCache)}
	var (
		res Result
		err error
	)
	switch format {
	case FormatGDELT:
		res, err = run.gdelt(ctx, bw, f)
	case FormatGDELTMentions:
		res, err = run.gdeltMentions(ctx, bw, f)
	case FormatACLED:
		res, err = run.acled(ctx, bw, f)
	case FormatPLOVER:
		res, err = run.plover(ctx, bw, f)
	case FormatGeoJSON:
		res, err = run.geojson(ctx, bw, f)
	default:
		return Result{}, fmt.Errorf("export: format %q: %w", format, ErrFormat)
	}
	if err != nil {
		return res, err
	}
	if err := bw.Flush(); err != nil {
		return res, fmt.Errorf("export %s: write: %w", format, err)
	}
	return res, nil
}

// run is the state of one Export call.
type run struct {
	x    *Exporter
	s    store.Store
	docs *docCache
}

// each calls fn for every event matching f, reading them in batches. f's
// Limit is the total number of events; its Offset applies once.
func (r *run) each(ctx context.Context, f store.EventFilter, fn func(store.EventRecord) error) (int, error) {
	total := f.Limit
	n := 0
	for {
		batch := r.x.cfg.BatchSize
		if total > 0 {
			batch = min(batch, total-n)
			if batch <= 0 {
				return n, nil
			}
		}
		f.Limit = batch
		recs, err := r.s.Events(ctx, f)
		if err != nil {
			return n, fmt.Errorf("export: read events: %w", err)
		}
		for _, rec := range recs {
			if err := ctx.Err(); err != nil {
				return n, err
			}
			n++
			if err := fn(rec); err != nil {
				return n, err
			}
		}
		if len(recs) < batch {
			return n, nil
		}
		f.After = recs[len(recs)-1].Cursor(f.Order)
		f.Offset = 0
	}
}

// doc returns the stored document id, from the cache when it is there.
func (r *run) doc(ctx context.Context, id int64) (*store.Document, error) {
	if d, ok := r.docs.get(id); ok {
		return d, nil
	}
	d, err := r.s.Document(ctx, id)
	if err != nil {
		return nil, fmt.Errorf("export: read document %d: %w", id, err)
	}
	// The exporter needs the article, not the document's coded events.
	d.Events, d.Quotes = nil, nil
	r.docs.put(id, d)
	return d, nil
}

// docCache keeps the most recently added documents, up to a fixed number.
type docCache struct {
	max   int
	m     map[int64]*store.Document
	order []int64 // insertion order, a ring of len max
	next  int
}

func newDocCache(n int) *docCache {
	return &docCache{max: n, m: make(map[int64]*store.Document, n), order: make([]int64, 0, n)}
}

func (c *docCache) get(id int64) (*store.Document, bool) {
	d, ok := c.m[id]
	return d, ok
}

func (c *docCache) put(id int64, d *store.Document) {
	if _, ok := c.m[id]; ok {
		return
	}
	if len(c.order) < c.max {
		c.order = append(c.order, id)
	} else {
		delete(c.m, c.order[c.next])
		c.order[c.next] = id
		c.next = (c.next + 1) % c.max
	}
	c.m[id] = d
}

// eventDate returns the date an event is exported under: its own date, or,
// for an event whose text gave none and whose document had no date either,
// the day it was first seen (UTC), with fromSeen true. It returns the zero
// date when the event has neither.
func eventDate(r *store.EventRecord) (d event.Date, fromSeen bool) {
	if !r.Date.IsZero() {
		return r.Date, false
	}
	if r.FirstSeen.IsZero() {
		return event.Date{}, false
	}
	return event.DateOf(r.FirstSeen.UTC()), true
}

// clean makes s safe for a tab- or comma-separated field: tabs, line
// breaks and other control characters become spaces, and runs of spaces
// collapse.
func clean(s string) string {
	if !strings.ContainsFunc(s, isControl) && !strings.Contains(s, "  ") {
		return s
	}
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || isControl(r) }), " ")
}

func isControl(r rune) bool {
	return r < 0x20 || r == 0x7f || r == '\u2028' || r == '\u2029' || r == 0x85
}

// citation returns a document's URL, or for a document without one, its
// outlet and title.
func citation(d *store.Document) string {
	a := d.Article
	if a == nil {
		return d.Outlet
	}
	if a.URL != "" {
		return clean(a.URL)
	}
	parts := make([]string, 0, 2)
	for _, p := range []string{d.Outlet, a.Title} {
		if p = clean(p); p != "" {
			parts = append(parts, p)
		}
	}
	return strings.Join(parts, ": ")
}
