package main

import (
	"context"
	"errors"
	"testing"
	"time"
)

func TestRunGroup(t *testing.T) {
	errBoom := errors.New("boom")
	// untilDone blocks until its context is done and records that it was.
	untilDone := func(stopped *bool) func(context.Context) error {
		return func(ctx context.Context) error {
			<-ctx.Done()
			*stopped = true
			return nil
		}
	}
	tests := []struct {
		name string
		// first returns first, by itself or when the parent is cancelled.
		first  func(context.Context) error
		cancel bool
		want   error
	}{
		{name: "first fails", first: func(context.Context) error { return errBoom }, want: errBoom},
		{name: "first ends", first: func(context.Context) error { return nil }},
		{name: "parent cancelled", first: func(ctx context.Context) error { <-ctx.Done(); return nil }, cancel: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			if tt.cancel {
				time.AfterFunc(10*time.Millisecond, cancel)
			}
			var stopped bool
			done := make(chan error, 1)
			go func() { done <- runGroup(ctx, tt.first, untilDone(&stopped)) }()
			select {
			case err := <-done:
				if !errors.Is(err, tt.want) || (tt.want == nil && err != nil) {
					t.Errorf("runGroup = %v, want %v", err, tt.want)
				}
				if !stopped {
					t.Error("runGroup returned before the other function stopped")
				}
			case <-time.After(5 * time.Second):
				t.Fatal("runGroup did not return")
			}
		})
	}
}
