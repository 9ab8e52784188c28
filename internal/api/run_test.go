package api_test

import (
	"context"
	"io"
	"net"
	"net/http"
	"testing"
	"time"

	"github.com/annals-project/annals/internal/api"
)

// startBlocked serves a store whose event listings block, starts one
// listing, and waits until it is inside the store.
func startBlocked(t *testing.T, grace time.Duration) (bs *blockingStore, cancel context.CancelFunc, done chan error, reply chan response, addr string) {
	t.Helper()
	bs = &blockingStore{Store: MustFixture(t), entered: make(chan struct{}), release: make(chan struct{})}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr = ln.Addr().String()
	ctx, cancel := context.WithCancel(context.Background())
	done = make(chan error, 1)
	go func() {
		done <- api.Serve(ctx, ln, (&api.Server{Store: bs}).Handler(), api.Timeouts{Shutdown: grace}, nil)
	}()
	reply = make(chan response, 1)
	go func() {
		resp, err := http.Get("http://" + addr + "/api/events")
		if err != nil {
			reply <- response{status: -1, body: []byte(err.Error())}
			return
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		reply <- response{status: resp.StatusCode, body: b}
	}()
	select {
	case <-bs.entered:
	case <-time.After(10 * time.Second):
		t.Fatal("the request never reached the store")
	}
	return bs, cancel, done, reply, addr
}

func TestGracefulShutdown(t *testing.T) {
	bs, cancel, done, reply, addr := startBlocked(t, 10*time.Second)
	cancel()
	// The listener closes while the request is still in flight.
	deadline := time.Now().Add(5 * time.Second)
	for {
		c, err := net.DialTimeout("tcp", addr, 100*time.Millisecond)
		if err != nil {
			break
		}
		c.Close()
		if time.Now().After(deadline) {
			t.Fatal("still accepting connections after shutdown began")
		}
		time.Sleep(10 * time.Millisecond)
	}
	select {
	case err := <-done:
		t.Fatalf("Serve returned %v before the request in flight finished", err)
	default:
	}
	close(bs.release)
	r := <-reply
	if r.status != http.StatusOK {
		t.Errorf("request in flight: status %d (%s), want 200", r.status, r.body)
	}
	if err := <-done; err != nil {
		t.Errorf("Serve = %v, want nil after a graceful shutdown", err)
	}
}

func TestShutdownGraceEnds(t *testing.T) {
	bs, cancel, done, reply, _ := startBlocked(t, 200*time.Millisecond)
	defer close(bs.release)
	start := time.Now()
	cancel()
	select {
	case err := <-done:
		if err == nil {
			t.Error("Serve = nil, want the shutdown's timeout")
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Serve did not return after its grace period")
	}
	if took := time.Since(start); took > 3*time.Second {
		t.Errorf("shutdown took %v with a grace of 200ms", took)
	}
	if r := <-reply; r.status == http.StatusOK {
		t.Error("the request cut off by the shutdown got a 200")
	}
}
