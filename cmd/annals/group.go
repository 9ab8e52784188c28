package main

import (
	"context"
	"errors"
)

// runGroup runs each function on a goroutine of its own with a context
// that is cancelled as soon as one of them returns, or ctx is done. It
// returns after all have returned, with their errors joined, the first
// to return first (STYLE.md §6: the first to exit stops the rest).
func runGroup(ctx context.Context, fns ...func(context.Context) error) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	errc := make(chan error, len(fns))
	for _, fn := range fns {
		go func() { errc <- fn(ctx) }()
	}
	errs := make([]error, 0, len(fns))
	for range fns {
		errs = append(errs, <-errc)
		cancel()
	}
	return errors.Join(errs...)
}
