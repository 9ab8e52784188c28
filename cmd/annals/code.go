package main

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"runtime"
	"strings"

	"github.com/annals-project/annals/internal/cameo"
	"github.com/annals-project/annals/internal/event"
	"github.com/annals-project/annals/internal/event/code"
	"github.com/annals-project/annals/internal/pipeline"
	"github.com/annals-project/annals/internal/source"
	"github.com/annals-project/annals/internal/tabari"
)

// CodeCommand codes the events of documents and prints them: a filter from
// documents to event records.
type CodeCommand struct {
	*Main
	format    string
	published dateFlag
	fetch     bool
	workers   int
	verbs     string
	actors    string
	agents    string
	discards  string
}

// Synopsis describes the command in one line.
func (c *CodeCommand) Synopsis() string {
	return "code the events, quotes and entities of documents"
}

func (c *CodeCommand) flagSet() *flag.FlagSet {
	fs := c.newFlagSet("code", "[FILE...]", c.Synopsis()+".\nWith no FILE, or FILE \"-\", read standard input.")
	fs.StringVar(&c.format, "format", "text", "output `format`: text or json (JSON Lines, one document a line; see docs/format.md)")
	fs.Var(&c.published, "published", "publication `date` (YYYY-MM-DD) for documents that carry none")
	fs.BoolVar(&c.fetch, "fetch", false, "download the pages that feed items link to")
	fs.IntVar(&c.workers, "workers", runtime.GOMAXPROCS(0), "documents coded at once")
	fs.StringVar(&c.verbs, "verbs", "", "PETRARCH/TABARI verbs `file` replacing the built-in verb dictionary")
	fs.StringVar(&c.actors, "actors", "", "PETRARCH/TABARI actors `files`, comma-separated")
	fs.StringVar(&c.agents, "agents", "", "PETRARCH/TABARI agents `file`")
	fs.StringVar(&c.discards, "discards", "", "PETRARCH/TABARI discards `file`")
	return fs
}

// Usage prints the command's flags.
func (c *CodeCommand) Usage() { c.flagSet().Usage() }

// Run codes every input and prints the result.
func (c *CodeCommand) Run(ctx context.Context, args []string) error {
	fs := c.flagSet()
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if err := checkFormat(c.format, "text", "json"); err != nil {
		return err
	}
	coder, err := c.coder()
	if err != nil {
		return err
	}
	p := pipeline.New(pipeline.Config{Published: c.published.d, Coder: coder, Workers: c.workers})
	w := bufio.NewWriterSize(c.Stdout, 64<<10)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	emit := func(d *event.Coded) error {
		if c.format == "json" {
			// The coded record carries the document's metadata, not its
			// text: offsets refer to it and the input already has it.
			doc := *d.Document
			doc.Text, doc.Blocks = "", nil
			out := *d
			out.Document = &doc
			return enc.Encode(&out)
		}
		return printCoded(w, d)
	}
	errs := &errorCounter{m: c.Main}
	err = p.Run(ctx, c.inputs(ctx, fs.Args(), source.Options{Fetch: c.fetch}), emit, errs.report)
	if ferr := w.Flush(); err == nil {
		err = ferr
	}
	return errs.result(err)
}

// coder builds the event coder: the built-in dictionaries, or the
// PETRARCH-format ones the flags name.
func (c *CodeCommand) coder() (pipeline.Coder, error) {
	if c.verbs != "" || c.actors != "" || c.agents != "" || c.discards != "" {
		if c.verbs == "" || c.actors == "" {
			return nil, fmt.Errorf("%w: PETRARCH dictionaries need at least --verbs and --actors", errUsage)
		}
		set := tabari.Set{Verbs: c.verbs, Actors: strings.Split(c.actors, ","), Agents: c.agents, Discards: c.discards}
		d, err := tabari.LoadSet(set)
		if err != nil {
			return nil, fmt.Errorf("load dictionaries:\n%w", err)
		}
		codes, err := cameo.Default()
		if err != nil {
			return nil, err
		}
		return code.NewPETRARCH(d, codes), nil
	}
	c2, err := code.Default()
	if err != nil {
		return nil, err
	}
	return c2, nil
}

// printCoded writes a coded document for a person reading a terminal.
func printCoded(w io.Writer, d *event.Coded) error {
	a := d.Document
	var b strings.Builder
	fmt.Fprintf(&b, "── %s", a.ID)
	if a.Title != "" {
		fmt.Fprintf(&b, " · %s", a.Title)
	}
	fmt.Fprintf(&b, "\n   anchor %s (%s) · %d sentences · %d events · %d quotes\n\n",
		orDash(a.Anchor.String()), a.AnchorSource, len(d.Sentences), len(d.Events), len(d.Quotes))
	ev, qs := 0, 0
	for _, s := range d.Sentences {
		fmt.Fprintf(&b, "%4d  %s\n", s.Index, s.Span.Of(a.Text))
		for ; ev < len(d.Events) && d.Events[ev].Sentence == s.Index; ev++ {
			e := d.Events[ev]
			fmt.Fprintf(&b, "      ▸ %s → %s  %s (%s, Goldstein %+.1f)  %s\n",
				actorLabel(e.Source), actorLabel(e.Target), e.CAMEO, e.PLOVER, e.Goldstein, e.Date)
		}
		for ; qs < len(d.Quotes) && d.Quotes[qs].Sentence == s.Index; qs++ {
			q := d.Quotes[qs]
			fmt.Fprintf(&b, "      ❝ %s: %s\n", actorLabel(q.Speaker), q.Text)
		}
	}
	b.WriteString("\n")
	_, err := io.WriteString(w, b.String())
	return err
}

func actorLabel(a *event.Actor) string {
	if a == nil {
		return "—"
	}
	if a.Code == "" {
		return a.Text
	}
	return fmt.Sprintf("%s [%s]", a.Text, a.Code)
}
