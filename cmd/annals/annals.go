package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
)

// errUsage marks an error in the command line; it exits with status 2.
var errUsage = errors.New("usage")

// errPartial says some inputs could not be read; the rest were processed.
// It exits with status 1 after the per-input errors were printed.
var errPartial = errors.New("some inputs could not be read")

// Main holds what every subcommand shares: its I/O streams.
type Main struct {
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer
}

// NewMain returns a Main wired to the process's standard streams.
func NewMain() *Main {
	return &Main{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr}
}

// A command is one subcommand of annals.
type command interface {
	Run(ctx context.Context, args []string) error
	Usage()
	Synopsis() string
}

func (m *Main) commands() map[string]command {
	return map[string]command{
		"bench":   &BenchCommand{Main: m},
		"code":    &CodeCommand{Main: m},
		"eval":    &EvalCommand{Main: m},
		"export":  &ExportCommand{Main: m},
		"extract": &ExtractCommand{Main: m},
		"ingest":  &IngestCommand{Main: m},
		"query":   &QueryCommand{Main: m},
		"serve":   &ServeCommand{Main: m},
		"version": &VersionCommand{Main: m},
		"watch":   &WatchCommand{Main: m},
	}
}

// Run runs the subcommand named by args[0].
func (m *Main) Run(ctx context.Context, args []string) error {
	if len(args) == 0 {
		m.usage()
		return errUsage
	}
	name := args[0]
	switch name {
	case "help", "-h", "-help", "--help":
		if len(args) > 1 {
			if c, ok := m.commands()[args[1]]; ok {
				c.Usage()
				return nil
			}
		}
		m.usage()
		return nil
	}
	c, ok := m.commands()[name]
	if !ok {
		fmt.Fprintf(m.Stderr, "annals: unknown command %q\n\n", name)
		m.usage()
		return errUsage
	}
	return c.Run(ctx, args[1:])
}

// ExitCode maps the error Run returned to the process exit status and
// prints it when it has not been printed yet.
func (m *Main) ExitCode(err error) int {
	switch {
	case err == nil:
		return 0
	case errors.Is(err, flag.ErrHelp):
		return 0
	case errors.Is(err, errUsage):
		if err != errUsage {
			fmt.Fprintf(m.Stderr, "annals: %v\n", err)
		}
		return 2
	case errors.Is(err, errPartial):
		fmt.Fprintf(m.Stderr, "annals: %v\n", err)
		return 1
	default:
		fmt.Fprintf(m.Stderr, "annals: %v\n", err)
		return 1
	}
}

func (m *Main) usage() {
	fmt.Fprint(m.Stderr, `annals turns news reports into political event data:
who did what to whom, where, when, how many, and who said so.

Usage:

	annals <command> [flags] [FILE...]

Commands:

`)
	cmds := m.commands()
	names := make([]string, 0, len(cmds))
	for n := range cmds {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(m.Stderr, "\t%-10s %s\n", n, cmds[n].Synopsis())
	}
	fmt.Fprint(m.Stderr, "\nRun \"annals help <command>\" for a command's flags.\n")
}

// newFlagSet returns a flag set that reports to m.Stderr and whose usage
// line names the subcommand.
func (m *Main) newFlagSet(name, args, synopsis string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(m.Stderr)
	fs.Usage = func() {
		fmt.Fprintf(m.Stderr, "Usage: annals %s [flags] %s\n\n%s\n\nFlags:\n", name, args, synopsis)
		fs.PrintDefaults()
	}
	return fs
}

// parseFlags parses args, mapping a parse error to errUsage.
func parseFlags(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return errUsage
	}
	return nil
}

// checkFormat validates a --format value.
func checkFormat(f string, allowed ...string) error {
	for _, a := range allowed {
		if f == a {
			return nil
		}
	}
	return fmt.Errorf("%w: --format %q: want one of %s", errUsage, f, strings.Join(allowed, ", "))
}
