package main

import (
	"bufio"
	"context"
	"encoding/csv"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net/url"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"
	"unicode/utf8"

	"github.com/annals-project/annals/internal/cameo"
	"github.com/annals-project/annals/internal/event"
	"github.com/annals-project/annals/internal/store"
)

// QueryCommand prints the stored events that match filters: the filters
// of GET /api/events, as flags.
type QueryCommand struct {
	*Main
	db     string
	format string
	limit  int
	// filters holds the filter flags.
	filters *filterFlags
}

// Synopsis describes the command in one line.
func (c *QueryCommand) Synopsis() string {
	return "print the stored events that match filters"
}

func (c *QueryCommand) flagSet() *flag.FlagSet {
	fs := c.newFlagSet("query", "", c.Synopsis()+`.
The filters are those of GET /api/events (docs/api.md); all must hold.
Codes match by prefix. Prints an aligned table, JSON Lines of event records
(docs/format.md) or CSV.`)
	fs.StringVar(&c.db, "db", defaultDB, "store `DSN`: a SQLite file path, or a postgres:// URL")
	fs.StringVar(&c.format, "format", "table", "output `format`: table, json (JSON Lines) or csv")
	fs.IntVar(&c.limit, "limit", 50, "print at most `n` events (0: all)")
	c.filters = newFilterFlags()
	c.filters.addAll(fs)
	return fs
}

// Usage prints the command's flags.
func (c *QueryCommand) Usage() { c.flagSet().Usage() }

// Run queries the store and prints the events.
func (c *QueryCommand) Run(ctx context.Context, args []string) error {
	fs := c.flagSet()
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("%w: query takes flags only, got %q", errUsage, fs.Args())
	}
	if err := checkFormat(c.format, "table", "json", "csv"); err != nil {
		return err
	}
	if c.limit < 0 {
		return fmt.Errorf("%w: --limit must not be negative", errUsage)
	}
	q := url.Values{}
	if c.limit > 0 {
		q.Set("limit", strconv.Itoa(c.limit+1)) // one more, to know whether more match
	}
	f, err := c.filters.filter(q)
	if err != nil {
		return err
	}
	s, err := openStore(ctx, c.db, false) // an existing store: a query never creates one
	if err != nil {
		return err
	}
	defer s.Close()
	evs, err := s.Events(ctx, f)
	if err != nil {
		return fmt.Errorf("query: %w", err)
	}
	var next string
	if c.limit > 0 && len(evs) > c.limit {
		evs = evs[:c.limit]
		next = evs[len(evs)-1].Cursor(f.Order)
	}
	w := bufio.NewWriterSize(c.Stdout, 64<<10)
	switch c.format {
	case "json":
		err = writeEventsJSON(w, evs)
	case "csv":
		err = writeEventsCSV(w, evs)
	default:
		var codes *cameo.Table
		if codes, err = cameo.Default(); err == nil {
			err = writeEventsTable(w, evs, codes)
		}
	}
	if ferr := w.Flush(); err == nil {
		err = ferr
	}
	if err != nil {
		return fmt.Errorf("print events: %w", err)
	}
	switch {
	case next != "":
		fmt.Fprintf(c.Stderr, "annals: %s shown, more match: add --cursor %s\n", plural(len(evs), "event"), next)
	case c.format == "table":
		fmt.Fprintf(c.Stderr, "annals: %s\n", plural(len(evs), "event"))
	}
	return nil
}

func writeEventsJSON(w io.Writer, evs []store.EventRecord) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for i := range evs {
		if err := enc.Encode(&evs[i]); err != nil {
			return err
		}
	}
	return nil
}

// csvHeader names the CSV columns of an event record.
func csvHeader() []string {
	return []string{"id", "date", "cameo", "root", "quad_class", "goldstein", "plover", "acled_type", "acled_subtype",
		"source_text", "source_code", "target_text", "target_code", "place", "country", "lat", "lon", "precision",
		"fatalities", "injuries", "crowd", "num_mentions", "num_articles", "num_sources", "first_seen", "last_seen",
		"document_id", "confidence", "text"}
}

func writeEventsCSV(w io.Writer, evs []store.EventRecord) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(csvHeader()); err != nil {
		return err
	}
	num := func(p *int) string {
		if p == nil {
			return ""
		}
		return strconv.Itoa(*p)
	}
	float := func(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }
	for _, e := range evs {
		src, srcCode := actorFields(e.Source)
		tgt, tgtCode := actorFields(e.Target)
		var place, country, lat, lon, prec string
		if l := e.Location; l != nil {
			place, country, lat, lon, prec = l.Name, l.Country, float(l.Lat), float(l.Lon), l.Precision
		}
		row := []string{strconv.FormatInt(e.ID, 10), e.Date.String(), e.CAMEO, e.Root, strconv.Itoa(e.QuadClass),
			float(e.Goldstein), e.PLOVER, e.ACLEDType, e.ACLEDSubtype, src, srcCode, tgt, tgtCode,
			place, country, lat, lon, prec, num(e.Fatalities), num(e.Injuries), num(e.Crowd),
			strconv.Itoa(e.NumMentions), strconv.Itoa(e.NumArticles), strconv.Itoa(e.NumSources),
			e.FirstSeen.UTC().Format(time.RFC3339), e.LastSeen.UTC().Format(time.RFC3339),
			strconv.FormatInt(e.DocumentID, 10), float(e.Confidence), e.Text}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

func actorFields(a *event.Actor) (text, code string) {
	if a == nil {
		return "", ""
	}
	return a.Text, a.Code
}

// writeEventsTable prints events as an aligned table for a terminal, one
// line each, long cells cut with an ellipsis.
func writeEventsTable(w io.Writer, evs []store.EventRecord, codes *cameo.Table) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tDATE\tEVENT\tSOURCE\tTARGET\tPLACE\tSRC\tMENT")
	for _, e := range evs {
		what := e.CAMEO
		if en, ok := codes.Lookup(cameo.Code(e.CAMEO)); ok {
			what += " " + en.Name
		}
		place := "—"
		if l := e.Location; l != nil {
			place = l.Name
			if l.Country != "" && l.Country != l.Name {
				place += ", " + l.Country
			}
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\t%d\t%d\n", e.ID, orDash(e.Date.String()), cut(what, 30),
			cut(tableActor(e.Source), 28), cut(tableActor(e.Target), 28), cut(place, 22), e.NumSources, e.NumMentions)
	}
	return tw.Flush()
}

// tableActor labels an actor by its text and code, or either alone.
func tableActor(a *event.Actor) string {
	switch {
	case a == nil:
		return "—"
	case a.Text == "" || a.Text == a.Code:
		return orDash(a.Code)
	case a.Code == "":
		return a.Text
	}
	return a.Text + " [" + a.Code + "]"
}

func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return strconv.Itoa(n) + " " + what + "s"
}

// cut shortens s to n characters, ending it with an ellipsis when cut.
func cut(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return strings.TrimSpace(string(r[:n-1])) + "…"
}
