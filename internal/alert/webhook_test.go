package alert_test

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/annals-project/annals/internal/alert"
)

// flakyServer answers the first fails requests with status, then 204, and
// records every request's Idempotency-Key and decoded body.
type flakyServer struct {
	mu     sync.Mutex
	fails  int
	status int
	header http.Header // set on failures
	keys   []string
	bodies []alert.Alert
}

func (s *flakyServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	var a alert.Alert
	b, _ := io.ReadAll(r.Body)
	if r.Method != http.MethodPost || r.Header.Get("Content-Type") != "application/json" || json.Unmarshal(b, &a) != nil {
		http.Error(w, "want a JSON POST", http.StatusBadRequest)
		return
	}
	s.keys = append(s.keys, r.Header.Get("Idempotency-Key"))
	s.bodies = append(s.bodies, a)
	if len(s.keys) <= s.fails {
		for k, v := range s.header {
			w.Header()[k] = v
		}
		w.WriteHeader(s.status)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

func (s *flakyServer) requests() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string(nil), s.keys...)
}

// recordSleeps returns a Sleep that records the waits without waiting.
func recordSleeps(waits *[]time.Duration) func(context.Context, time.Duration) error {
	return func(ctx context.Context, d time.Duration) error {
		*waits = append(*waits, d)
		return ctx.Err()
	}
}

func TestWebhookDeliver(t *testing.T) {
	tests := []struct {
		name         string
		srv          *flakyServer
		maxAttempts  int
		wantAttempts int
		wantWaits    []time.Duration
		wantErr      bool
		permanent    bool
	}{
		{"fails twice then succeeds", &flakyServer{fails: 2, status: 503}, 0, 3, []time.Duration{time.Second, 2 * time.Second}, false, false},
		{"first time", &flakyServer{}, 0, 1, nil, false, false},
		{"backoff is capped", &flakyServer{fails: 4, status: 500}, 0, 5,
			[]time.Duration{time.Second, 2 * time.Second, 3 * time.Second, 3 * time.Second}, false, false},
		{"retry-after raises the wait", &flakyServer{fails: 1, status: 429, header: http.Header{"Retry-After": {"2"}}}, 0, 2,
			[]time.Duration{2 * time.Second}, false, false},
		{"gives up after max attempts", &flakyServer{fails: 10, status: 502}, 3, 3, []time.Duration{time.Second, 2 * time.Second}, true, false},
		{"4xx is permanent", &flakyServer{fails: 10, status: 410}, 0, 1, nil, true, true},
	}
	a := fixedAlerts()[0]
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := httptest.NewServer(tt.srv)
			defer srv.Close()
			var waits []time.Duration
			w := &alert.Webhook{MaxAttempts: tt.maxAttempts, MaxBackoff: 3 * time.Second, Sleep: recordSleeps(&waits)}
			n, err := w.Deliver(context.Background(), srv.URL+"/hook", &a)
			if n != tt.wantAttempts || (err != nil) != tt.wantErr {
				t.Fatalf("Deliver = %d, %v; want %d attempts, error %v", n, err, tt.wantAttempts, tt.wantErr)
			}
			var de *alert.DeliveryError
			if tt.wantErr && (!errors.As(err, &de) || de.Permanent != tt.permanent || de.Attempts != n) {
				t.Errorf("error %#v: want a DeliveryError with Permanent %v", err, tt.permanent)
			}
			if diff := cmp.Diff(tt.wantWaits, waits); diff != "" {
				t.Errorf("waits (-want +got):\n%s", diff)
			}
			keys := tt.srv.requests()
			if len(keys) != n {
				t.Errorf("server saw %d requests, Deliver reports %d", len(keys), n)
			}
			for _, k := range keys {
				if k != a.Key() {
					t.Errorf("Idempotency-Key %q, want %q", k, a.Key())
				}
			}
			if !tt.wantErr {
				if diff := cmp.Diff(a, tt.srv.bodies[len(tt.srv.bodies)-1]); diff != "" {
					t.Errorf("posted alert (-sent +received):\n%s", diff)
				}
			}
		})
	}
}

func TestWebhookBadEndpoint(t *testing.T) {
	a := fixedAlerts()[0]
	for _, ep := range []string{"", "ftp://127.0.0.1/x", "/relative", "http://", "http://127.0.0.1/#frag"} {
		n, err := (&alert.Webhook{}).Deliver(context.Background(), ep, &a)
		var de *alert.DeliveryError
		if n != 0 || !errors.As(err, &de) || !de.Permanent || !errors.Is(err, alert.ErrInvalid) {
			t.Errorf("Deliver to %q = %d, %v; want 0 attempts and a permanent ErrInvalid", ep, n, err)
		}
	}
}

func TestWebhookCancel(t *testing.T) {
	srv := httptest.NewServer(&flakyServer{fails: 10, status: 500})
	defer srv.Close()
	ctx, cancel := context.WithCancel(context.Background())
	w := &alert.Webhook{Sleep: func(ctx context.Context, d time.Duration) error { cancel(); return ctx.Err() }}
	a := fixedAlerts()[0]
	n, err := w.Deliver(ctx, srv.URL, &a)
	if n != 1 || !errors.Is(err, context.Canceled) {
		t.Errorf("Deliver cancelled during the wait = %d, %v; want 1, context.Canceled", n, err)
	}
}
