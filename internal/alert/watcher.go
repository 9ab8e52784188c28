package alert

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"time"

	"github.com/annals-project/annals/internal/event"
)

// A Watcher recomputes the alerts of the latest days, stores the new ones
// and delivers the queued ones. Set its fields before the first call and
// leave them alone after; one Watcher must not run Once concurrently with
// itself.
type Watcher struct {
	// Events is where the events are counted from. Required.
	Events EventLister
	// Alerts keeps the alerts and the delivery queue. Required.
	Alerts Store
	// Detector runs the test. Required.
	Detector *Detector
	// Webhook delivers the queue; nil leaves deliveries pending.
	Webhook *Webhook
	// TypeName names a cell's type ("Protest" for cameo:14); nil names
	// ACLED types only.
	TypeName func(Cell) string
	// Now is the clock: the tested days end at Now's UTC date, and it
	// stamps alerts and deliveries. nil means time.Now.
	Now func() time.Time
	// Logger reports each run; nil discards.
	Logger *slog.Logger
	// Until is the last day tested, for replays of past days; the zero
	// date means Now's UTC date.
	Until event.Date
	// Lookback is the number of days tested per run, ending today; 0
	// means 2, so that yesterday is tested again with the reports that
	// came in since.
	Lookback int
	// Notify, when set, is called by Run with the result of each run that
	// succeeded, on Run's goroutine.
	Notify func(Result)
	// MaxAttempts is the number of POSTs over all runs after which a
	// delivery fails for good; 0 means 20.
	MaxAttempts int
}

// A Result says what one run of a Watcher did.
type Result struct {
	// Days are the tested days, oldest first, with their tests; a day
	// with too short a history has no tests.
	Days []Day
	// Raised are the alerts the test raised this run, new or not.
	Raised []Alert
	// New are the raised alerts that were not stored before.
	New []Alert
	// Delivered, Failed and Pending count the deliveries that succeeded
	// this run, failed for good this run, and stay queued.
	Delivered, Failed, Pending int
	// Posts counts the webhook requests made, Retries those beyond the
	// first of each delivery.
	Posts, Retries int
}

func (w *Watcher) now() time.Time {
	if w.Now != nil {
		return w.Now()
	}
	return time.Now()
}

func (w *Watcher) log() *slog.Logger {
	if w.Logger != nil {
		return w.Logger
	}
	return slog.New(slog.NewTextHandler(io.Discard, nil))
}

// Once counts the events of the baseline window and the tested days, tests
// each day, stores the alerts not stored yet, and attempts every queued
// delivery. A day whose history is too short is skipped. Errors of the
// event store or the alert store end the run; a failed delivery does not
// (it is recorded and counted).
func (w *Watcher) Once(ctx context.Context) (Result, error) {
	var res Result
	if w.Events == nil || w.Alerts == nil || w.Detector == nil {
		return res, fmt.Errorf("watcher: Events, Alerts and Detector are required: %w", ErrInvalid)
	}
	lookback := cmpOr(w.Lookback, 2)
	today := w.Until
	if today.IsZero() {
		today = event.DateOf(w.now().UTC())
	}
	first := today.AddDays(1 - lookback)
	counts := NewCounts(0)
	if _, err := Tally(ctx, w.Events, counts, first.AddDays(-w.Detector.cfg.BaselineDays), today); err != nil {
		return res, err
	}
	for d := first; !today.Before(d); d = d.AddDays(1) {
		day, err := w.Detector.Detect(counts, d)
		if err != nil && !errors.Is(err, ErrShortHistory) {
			return res, err
		}
		if err != nil {
			w.log().Info("alerts: day not tested", "day", d, "reason", err)
		}
		res.Days = append(res.Days, day)
		res.Raised = append(res.Raised, day.Alerts...)
	}
	now := w.now()
	for i := range res.Raised {
		a := &res.Raised[i]
		a.Created = now
		if w.TypeName != nil {
			if n := w.TypeName(a.Cell); n != "" {
				a.TypeName = n
			}
		}
	}
	if len(res.Raised) > 0 {
		added, err := w.Alerts.Add(ctx, res.Raised)
		if err != nil {
			return res, err
		}
		res.New = added
	}
	for _, a := range res.New {
		w.log().Warn("alert", "key", a.Key(), "count", a.Count, "expected", a.Expected, "q", a.Q)
	}
	if err := w.deliver(ctx, &res); err != nil {
		return res, err
	}
	cells := 0
	for _, d := range res.Days {
		cells += len(d.Tests)
	}
	w.log().Info("alerts: run", "days", len(res.Days), "cells", cells, "raised", len(res.Raised),
		"new", len(res.New), "delivered", res.Delivered, "failed", res.Failed, "pending", res.Pending,
		"retries", res.Retries)
	return res, nil
}

// deliver attempts every pending delivery. An endpoint that fails every
// attempt of one delivery is not tried again in this run.
func (w *Watcher) deliver(ctx context.Context, res *Result) error {
	pending, err := w.Alerts.Pending(ctx, 0)
	if err != nil {
		return err
	}
	maxAttempts := cmpOr(w.MaxAttempts, 20)
	down := map[string]bool{}
	for _, d := range pending {
		if w.Webhook == nil || down[d.Endpoint] {
			res.Pending++
			continue
		}
		n, err := w.Webhook.Deliver(ctx, d.Endpoint, &d.Alert)
		res.Posts += n
		res.Retries += max(n-1, 0)
		if ctx.Err() != nil {
			return ctx.Err()
		}
		d.Attempts += n
		d.Updated = w.now()
		var de *DeliveryError
		switch {
		case err == nil:
			d.State, d.LastError = StateDelivered, ""
			res.Delivered++
		case errors.As(err, &de) && (de.Permanent || d.Attempts >= maxAttempts):
			d.State, d.LastError = StateFailed, err.Error()
			res.Failed++
			w.log().Error("alerts: delivery failed for good", "key", d.Alert.Key(), "endpoint", d.Endpoint, "err", err)
		default:
			d.LastError = err.Error()
			res.Pending++
			down[d.Endpoint] = true
			w.log().Warn("alerts: delivery postponed", "key", d.Alert.Key(), "endpoint", d.Endpoint, "err", err)
		}
		if err := w.Alerts.Record(ctx, d); err != nil {
			return err
		}
	}
	return nil
}

// Run calls Once, then again every interval after the previous run ended,
// until ctx is done; it then returns nil. A failed run is logged and the
// next one tried; a successful one is passed to Notify.
func (w *Watcher) Run(ctx context.Context, interval time.Duration) error {
	if interval <= 0 {
		return fmt.Errorf("watcher: interval %v: want > 0: %w", interval, ErrInvalid)
	}
	for {
		res, err := w.Once(ctx)
		switch {
		case ctx.Err() != nil:
			return nil
		case err != nil:
			w.log().Error("alerts: run failed", "err", err)
		case w.Notify != nil:
			w.Notify(res)
		}
		t := time.NewTimer(interval)
		select {
		case <-ctx.Done():
			t.Stop()
			return nil
		case <-t.C:
		}
	}
}
