package pipeline

import (
	"context"
	"iter"
	"sync"

	"github.com/annals-project/annals/internal/date"
	"github.com/annals-project/annals/internal/event"
	"github.com/annals-project/annals/internal/nlp"
)

// A Coder turns one segmented article into events, quotes and entities.
// Implementations must be safe for concurrent use.
type Coder interface {
	Code(a *event.Article, sents []event.Sentence) (events []event.Event, quotes []event.Quote, entities []event.Entity)
}

// Config configures a Pipeline. The zero value segments articles and codes
// nothing.
type Config struct {
	// Published is the publication date given to articles that carry none.
	Published event.Date
	// Coder codes events; nil leaves events, quotes and entities empty.
	Coder Coder
	// Workers is the number of articles processed at once; 0 or 1 runs
	// everything on the calling goroutine.
	Workers int
}

// Pipeline processes articles. It is safe for concurrent use.
type Pipeline struct {
	cfg Config
}

// New returns a pipeline for cfg.
func New(cfg Config) *Pipeline { return &Pipeline{cfg: cfg} }

// Process runs every stage on a and returns the coded document. It sets
// a's anchor date.
func (p *Pipeline) Process(a *event.Article) *event.Coded {
	date.Anchor(a, p.cfg.Published)
	c := &event.Coded{
		Document:  a,
		Sentences: nlp.Sentences(a),
		Events:    []event.Event{},
		Quotes:    []event.Quote{},
		Entities:  []event.Entity{},
	}
	if p.cfg.Coder != nil {
		ev, q, en := p.cfg.Coder.Code(a, c.Sentences)
		if ev != nil {
			c.Events = ev
		}
		if q != nil {
			c.Quotes = q
		}
		if en != nil {
			c.Entities = en
		}
	}
	return c
}

// Run processes every article of in with cfg.Workers workers and calls emit
// for each result in input order. A read error from in is passed to onErr
// and the stream goes on. Run returns the first error emit returns, or
// ctx.Err() when ctx is done.
func (p *Pipeline) Run(ctx context.Context, in iter.Seq2[*event.Article, error], emit func(*event.Coded) error, onErr func(error)) error {
	if p.cfg.Workers <= 1 {
		for a, err := range in {
			if err != nil {
				onErr(err)
				continue
			}
			if err := ctx.Err(); err != nil {
				return err
			}
			if err := emit(p.Process(a)); err != nil {
				return err
			}
		}
		return ctx.Err()
	}
	return p.runParallel(ctx, in, emit, onErr)
}

// result is one slot of the ordered output: a coded article or a read error.
type result struct {
	c   *event.Coded
	err error
}

// runParallel fans articles out to workers and restores input order with a
// queue of per-article result channels.
func (p *Pipeline) runParallel(parent context.Context, in iter.Seq2[*event.Article, error], emit func(*event.Coded) error, onErr func(error)) error {
	ctx, cancel := context.WithCancel(parent)
	defer cancel()

	type job struct {
		a   *event.Article
		out chan result
	}
	jobs := make(chan job)
	order := make(chan chan result, 4*p.cfg.Workers)

	var wg sync.WaitGroup
	for range p.cfg.Workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				j.out <- result{c: p.Process(j.a)}
			}
		}()
	}

	// The feeder reads the input and queues one slot per item, so results
	// and read errors come out in input order.
	wg.Add(1)
	go func() {
		defer wg.Done()
		defer close(order)
		defer close(jobs)
		for a, err := range in {
			out := make(chan result, 1)
			select {
			case order <- out:
			case <-ctx.Done():
				return
			}
			if err != nil {
				out <- result{err: err}
				continue
			}
			select {
			case jobs <- job{a, out}:
			case <-ctx.Done():
				return
			}
		}
	}()

	var first error
	for out := range order {
		var r result
		select {
		case r = <-out:
		case <-ctx.Done():
		}
		switch {
		case first != nil || ctx.Err() != nil:
		case r.err != nil:
			onErr(r.err)
		case r.c != nil:
			if err := emit(r.c); err != nil {
				first = err
				cancel()
			}
		}
	}
	cancel()
	wg.Wait()
	if first != nil {
		return first
	}
	return parent.Err()
}
