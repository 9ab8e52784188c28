package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/annals-project/annals/internal/date"
	"github.com/annals-project/annals/internal/event"
	"github.com/annals-project/annals/internal/source"
)

// ExtractCommand prints the extracted documents: text, metadata, blocks.
type ExtractCommand struct {
	*Main
	format    string
	published dateFlag
	fetch     bool
}

// Synopsis describes the command in one line.
func (c *ExtractCommand) Synopsis() string {
	return "extract articles from text, HTML, feeds, WARC and JSONL"
}

func (c *ExtractCommand) flagSet() *flag.FlagSet {
	fs := c.newFlagSet("extract", "[FILE...]", c.Synopsis()+".\nWith no FILE, or FILE \"-\", read standard input.")
	fs.StringVar(&c.format, "format", "text", "output `format`: text or json (JSON Lines, one document a line)")
	fs.Var(&c.published, "published", "publication `date` (YYYY-MM-DD) for documents that carry none")
	fs.BoolVar(&c.fetch, "fetch", false, "download the pages that feed items link to")
	return fs
}

// Usage prints the command's flags.
func (c *ExtractCommand) Usage() { c.flagSet().Usage() }

// Run extracts every input and prints it.
func (c *ExtractCommand) Run(ctx context.Context, args []string) error {
	fs := c.flagSet()
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if err := checkFormat(c.format, "text", "json"); err != nil {
		return err
	}
	errs := &errorCounter{m: c.Main}
	enc := json.NewEncoder(c.Stdout)
	enc.SetEscapeHTML(false)
	for a, err := range c.inputs(ctx, fs.Args(), source.Options{Fetch: c.fetch}) {
		if err != nil {
			errs.report(err)
			continue
		}
		if ctx.Err() != nil {
			return ctx.Err()
		}
		if a.Published.IsZero() && !c.published.d.IsZero() {
			a.Published = c.published.d
		}
		date.Anchor(a, event.Date{})
		if c.format == "json" {
			if err := enc.Encode(struct {
				Document *event.Article `json:"document"`
			}{a}); err != nil {
				return err
			}
			continue
		}
		if err := printArticle(c.Stdout, a); err != nil {
			return err
		}
	}
	return errs.result(nil)
}

// printArticle writes a for a person reading a terminal.
func printArticle(w io.Writer, a *event.Article) error {
	var b strings.Builder
	fmt.Fprintf(&b, "── %s\n", a.ID)
	if a.Title != "" {
		fmt.Fprintf(&b, "   title      %s\n", a.Title)
	}
	if a.URL != "" {
		fmt.Fprintf(&b, "   url        %s\n", a.URL)
	}
	if a.Byline != "" {
		fmt.Fprintf(&b, "   byline     %s\n", a.Byline)
	}
	if !a.Published.IsZero() {
		fmt.Fprintf(&b, "   published  %s\n", a.Published)
	}
	fmt.Fprintf(&b, "   anchor     %s (%s)\n", orDash(a.Anchor.String()), a.AnchorSource)
	for _, r := range a.Repairs {
		fmt.Fprintf(&b, "   repaired   %s\n", r)
	}
	b.WriteString("\n")
	for _, bl := range a.Blocks {
		fmt.Fprintf(&b, "   %-10s %s\n", bl.Kind, bl.Span.Of(a.Text))
		if bl.Credit != "" {
			fmt.Fprintf(&b, "   %-10s credit: %s\n", "", bl.Credit)
		}
		if bl.Author != "" || bl.Handle != "" {
			fmt.Fprintf(&b, "   %-10s by %s %s %s\n", "", bl.Author, bl.Handle, bl.Date)
		}
	}
	b.WriteString("\n")
	_, err := io.WriteString(w, b.String())
	return err
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
