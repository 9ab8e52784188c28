package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"

	"github.com/annals-project/annals/internal/eval"
	"github.com/annals-project/annals/internal/event"
	"github.com/annals-project/annals/internal/pipeline"
	"github.com/annals-project/annals/internal/source"
)

// EvalCommand scores the coder against hand-coded gold files, in process,
// with the figures of the reference scorers in ../shared/eval.
type EvalCommand struct {
	*Main
	verbose  bool
	acled    bool
	baseline string
	save     string
	workers  int
	dict     CodeCommand // only its dictionary flags are used
}

// Synopsis describes the command in one line.
func (c *EvalCommand) Synopsis() string {
	return "score the coder against gold files"
}

func (c *EvalCommand) flagSet() *flag.FlagSet {
	fs := c.newFlagSet("eval", "GOLD...", c.Synopsis()+`.
A GOLD is a directory of *.gold.json files (each naming its document, beside
it), one *.gold.json file, or a *.jsonl batch gold (see docs/eval.md).
Prints one summary line per GOLD:
  events P=.. R=.. F1=.. strict=.. date=.. location=.. (h/n required, m judged) · quotes P=.. R=.. · docs=N`)
	fs.BoolVar(&c.verbose, "v", false, "list each document's misses, partial matches and false positives")
	fs.BoolVar(&c.acled, "acled", false, "also score the ACLED sub-event type of labelled documents")
	fs.StringVar(&c.baseline, "baseline", "", "compare with the outcomes saved in `file` by --save")
	fs.StringVar(&c.save, "save", "", "save every gold item's outcome to `file` (JSON)")
	fs.IntVar(&c.workers, "workers", runtime.GOMAXPROCS(0), "documents coded at once")
	fs.StringVar(&c.dict.verbs, "verbs", "", "PETRARCH/TABARI verbs `file` replacing the built-in verb dictionary")
	fs.StringVar(&c.dict.actors, "actors", "", "PETRARCH/TABARI actors `files`, comma-separated")
	fs.StringVar(&c.dict.agents, "agents", "", "PETRARCH/TABARI agents `file`")
	fs.StringVar(&c.dict.discards, "discards", "", "PETRARCH/TABARI discards `file`")
	return fs
}

// Usage prints the command's flags.
func (c *EvalCommand) Usage() { c.flagSet().Usage() }

// Run codes the documents of every GOLD and prints their scores.
func (c *EvalCommand) Run(ctx context.Context, args []string) error {
	fs := c.flagSet()
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return fmt.Errorf("%w: eval needs at least one GOLD", errUsage)
	}
	var sets []*eval.Set
	for _, p := range fs.Args() {
		s, err := eval.Load(p)
		if err != nil {
			return err
		}
		sets = append(sets, s)
	}
	var base *eval.Snapshot
	if c.baseline != "" {
		f, err := os.Open(c.baseline)
		if err != nil {
			return fmt.Errorf("baseline: %w", err)
		}
		base, err = eval.ReadSnapshot(f)
		f.Close()
		if err != nil {
			return fmt.Errorf("baseline %s: %w", c.baseline, err)
		}
	}
	c.dict.Main = c.Main
	coder, err := c.dict.coder()
	if err != nil {
		return err
	}

	w := bufio.NewWriter(c.Stdout)
	defer w.Flush()
	errs := &errorCounter{m: c.Main}
	var snap eval.Snapshot
	for _, s := range sets {
		outs, err := c.codeSet(ctx, s, coder, errs)
		if err != nil {
			return err
		}
		if len(sets) > 1 {
			fmt.Fprintf(w, "── %s\n", s.Path)
		}
		snap.Sets = append(snap.Sets, c.scoreSet(w, s, outs))
	}
	if c.save != "" {
		if err := writeSnapshot(c.save, &snap); err != nil {
			return err
		}
	}
	if base != nil {
		printDiff(w, c.baseline, base, &snap)
	}
	if err := w.Flush(); err != nil {
		return err
	}
	return errs.result(nil)
}

// codeSet codes the documents of s and returns each gold's output, nil
// where its document could not be coded.
func (c *EvalCommand) codeSet(ctx context.Context, s *eval.Set, coder pipeline.Coder, errs *errorCounter) ([]*event.Coded, error) {
	outs := make([]*event.Coded, len(s.Golds))
	if !s.Batch {
		// Each document has its own publication date, given to the
		// pipeline as `annals code --published` would.
		for i, g := range s.Golds {
			var published event.Date
			if g.Published != "" {
				published, _ = event.ParseDate(g.Published) // checked by Load
			}
			a, err := readOne(ctx, g.Doc)
			if err != nil {
				errs.report(fmt.Errorf("%s: %w", g.Name, err))
				continue
			}
			outs[i] = pipeline.New(pipeline.Config{Published: published, Coder: coder}).Process(a)
		}
		return outs, ctx.Err()
	}
	// A batch is coded the way the reference scorer codes it: as one
	// JSON Lines input, outputs matched to golds by document id (the
	// last output wins when ids repeat).
	var buf bytes.Buffer
	if err := eval.WriteDocs(&buf, s.Golds); err != nil {
		return nil, err
	}
	byID := map[string]*event.Coded{}
	p := pipeline.New(pipeline.Config{Coder: coder, Workers: c.workers})
	err := p.Run(ctx, source.ReadFrom(ctx, s.Path, &buf, source.Options{}), func(d *event.Coded) error {
		byID[d.Document.ID] = d
		return nil
	}, errs.report)
	if err != nil {
		return nil, err
	}
	for i, g := range s.Golds {
		outs[i] = byID[g.ID]
	}
	return outs, nil
}

// errNotOne says a gold's document file held no document or several.
var errNotOne = errors.New("want exactly one document")

// readOne reads the one document in path.
func readOne(ctx context.Context, path string) (*event.Article, error) {
	var got []*event.Article
	for a, err := range source.Read(ctx, path, source.Options{}) {
		if err != nil {
			return nil, err
		}
		got = append(got, a)
	}
	if len(got) != 1 {
		return nil, fmt.Errorf("%s: %w, found %d", path, errNotOne, len(got))
	}
	return got[0], nil
}

// scoreSet scores the outputs of one set, prints its report and summary
// lines and returns its outcomes.
func (c *EvalCommand) scoreSet(w io.Writer, s *eval.Set, outs []*event.Coded) eval.SetOutcome {
	var tot eval.Totals
	var labels eval.Labels
	so := eval.SetOutcome{Gold: s.Path}
	for i, g := range s.Golds {
		r := eval.Score(g, outs[i])
		tot.Add(r)
		so.Docs = append(so.Docs, r.Outcome)
		if g.Label != "" {
			labels.Add(g.Label, r.Outcome.Predicted)
		}
		if c.verbose && len(r.Report) > 0 {
			fmt.Fprintln(w, g.Name)
			for _, l := range r.Report {
				fmt.Fprintln(w, l)
			}
		}
	}
	so.Summary = tot.Summary()
	fmt.Fprintln(w, so.Summary)
	if c.acled {
		if c.verbose {
			for _, l := range labels.Report() {
				fmt.Fprintln(w, l)
			}
		}
		so.ACLED = labels.Summary()
		fmt.Fprintln(w, so.ACLED)
	}
	return so
}

func writeSnapshot(path string, s *eval.Snapshot) error {
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("save: %w", err)
	}
	if _, err := s.WriteTo(f); err != nil {
		f.Close()
		return fmt.Errorf("save %s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("save %s: %w", path, err)
	}
	return nil
}

// printDiff prints what changed since the baseline run: its summary lines,
// every change, and a count of improvements and regressions.
func printDiff(w io.Writer, name string, base, cur *eval.Snapshot) {
	fmt.Fprintf(w, "\ncompared with %s:\n", name)
	for _, s := range base.Sets {
		fmt.Fprintf(w, "  was %s\n", s.Summary)
		if s.ACLED != "" {
			fmt.Fprintf(w, "  was %s\n", s.ACLED)
		}
	}
	changes := eval.Diff(base, cur)
	for _, ch := range changes {
		fmt.Fprintf(w, "  %s\n", ch)
	}
	better, worse := eval.Tally(changes)
	fmt.Fprintf(w, "%d better, %d worse\n", better, worse)
}
