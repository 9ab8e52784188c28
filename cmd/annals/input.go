package main

import (
	"context"
	"fmt"
	"iter"
	"time"

	"github.com/annals-project/annals/internal/event"
	"github.com/annals-project/annals/internal/source"
)

// inputs yields the articles of every path in paths ("-" or no path at
// all: standard input), in order.
func (m *Main) inputs(ctx context.Context, paths []string, opts source.Options) iter.Seq2[*event.Article, error] {
	if len(paths) == 0 {
		paths = []string{"-"}
	}
	return func(yield func(*event.Article, error) bool) {
		for _, p := range paths {
			var seq iter.Seq2[*event.Article, error]
			if p == "-" {
				seq = source.ReadFrom(ctx, "stdin", m.Stdin, opts)
			} else {
				seq = source.Read(ctx, p, opts)
			}
			for a, err := range seq {
				if !yield(a, err) {
					return
				}
			}
		}
	}
}

// errorCounter prints read errors to stderr and counts them.
type errorCounter struct {
	m *Main
	n int
}

func (e *errorCounter) report(err error) {
	e.n++
	fmt.Fprintf(e.m.Stderr, "annals: %v\n", err)
}

// result turns the count into the command's error.
func (e *errorCounter) result(err error) error {
	if err != nil {
		return err
	}
	if e.n > 0 {
		return fmt.Errorf("%w (%d)", errPartial, e.n)
	}
	return nil
}

// dateFlag is a flag.Value holding an optional YYYY-MM-DD date.
type dateFlag struct{ d event.Date }

func (f *dateFlag) String() string { return f.d.String() }

func (f *dateFlag) Set(s string) error {
	t, err := time.Parse(event.DateLayout, s)
	if err != nil {
		return fmt.Errorf("want YYYY-MM-DD")
	}
	f.d = event.DateOf(t)
	return nil
}
