package api

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"time"
)

// Timeouts of the HTTP server Serve runs. Zero fields take the defaults.
type Timeouts struct {
	// ReadHeader bounds reading a request's headers (default 10s), Read
	// the whole request with its body (default 1m), Write the time from
	// the end of the headers to the end of the response (default 3m, more
	// than the Server's IngestTimeout), Idle a kept-alive connection
	// between requests (default 2m).
	ReadHeader, Read, Write, Idle time.Duration
	// Shutdown is how long a graceful shutdown waits for requests in
	// flight before closing their connections (default 10s).
	Shutdown time.Duration
}

func (t Timeouts) withDefaults() Timeouts {
	def := func(d *time.Duration, v time.Duration) {
		if *d <= 0 {
			*d = v
		}
	}
	def(&t.ReadHeader, 10*time.Second)
	def(&t.Read, time.Minute)
	def(&t.Write, 3*time.Minute)
	def(&t.Idle, 2*time.Minute)
	def(&t.Shutdown, 10*time.Second)
	return t
}

// maxHeaderBytes caps the request line and headers.
const maxHeaderBytes = 64 << 10

// Serve serves h on ln until ctx is done, then shuts down gracefully: it
// stops accepting connections, lets requests in flight finish for up to
// t.Shutdown, then closes what is left. It returns nil after a shutdown
// that ctx asked for, or the error that stopped the server. ln is closed
// when Serve returns.
func Serve(ctx context.Context, ln net.Listener, h http.Handler, t Timeouts, log *slog.Logger) error {
	t = t.withDefaults()
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	srv := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: t.ReadHeader,
		ReadTimeout:       t.Read,
		WriteTimeout:      t.Write,
		IdleTimeout:       t.Idle,
		MaxHeaderBytes:    maxHeaderBytes,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
		BaseContext:       func(net.Listener) context.Context { return context.WithoutCancel(ctx) },
	}
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	select {
	case err := <-done:
		return fmt.Errorf("serve http: %w", err)
	case <-ctx.Done():
	}
	log.Info("shutting down", slog.Duration("grace", t.Shutdown))
	sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), t.Shutdown)
	defer cancel()
	err := srv.Shutdown(sctx)
	if err != nil {
		err = errors.Join(fmt.Errorf("shut down http: %w", err), srv.Close())
	}
	if serr := <-done; !errors.Is(serr, http.ErrServerClosed) {
		err = errors.Join(err, fmt.Errorf("serve http: %w", serr))
	}
	return err
}
