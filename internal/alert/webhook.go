package alert

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// Webhook POSTs alerts as JSON to subscribers' endpoints. The zero value
// works; its fields are read-only once in use and it is safe for concurrent
// use.
type Webhook struct {
	// Client sends the requests; nil means a client with a 10-second
	// timeout that follows no redirects.
	Client *http.Client
	// UserAgent is sent with each request; "" means "annals-alert".
	UserAgent string
	// MaxAttempts caps the POSTs one Deliver call makes; 0 means 5.
	MaxAttempts int
	// Backoff is the wait after the first failure, doubled after each
	// further one up to MaxBackoff; 0 means 1 second and 1 minute.
	Backoff, MaxBackoff time.Duration
	// Sleep waits d or until ctx is done, returning ctx.Err() then; nil
	// means a timer. Tests replace it to record the waits.
	Sleep func(ctx context.Context, d time.Duration) error
}

// DefaultMaxAttempts is the number of POSTs one Deliver makes by default.
const DefaultMaxAttempts = 5

// A DeliveryError says why Deliver gave up.
type DeliveryError struct {
	Endpoint string
	// Status is the last HTTP status, 0 when there was no response.
	Status int
	// Attempts counts the POSTs made.
	Attempts int
	// Permanent is true when retrying cannot help: a 4xx status other
	// than 408 and 429, or a redirect.
	Permanent bool
	Err       error
}

// Error says where the delivery went, the last status and the attempts.
func (e *DeliveryError) Error() string {
	what := "no response"
	if e.Status != 0 {
		what = "status " + strconv.Itoa(e.Status)
	}
	return fmt.Sprintf("deliver to %s: %s after %d attempts: %v", e.Endpoint, what, e.Attempts, e.Err)
}

// Unwrap returns the last attempt's error.
func (e *DeliveryError) Unwrap() error { return e.Err }

// errStatus is the error of a non-2xx response.
var errStatus = errors.New("unexpected status")

// Deliver POSTs a as JSON to endpoint, with the headers Content-Type
// application/json and Idempotency-Key set to the alert's key, so that a
// receiver can drop a repeat. It retries network errors and the statuses
// 408, 429 and 5xx, waiting Backoff, 2·Backoff, … (capped at MaxBackoff,
// and raised to a Retry-After of seconds up to MaxBackoff). It returns the
// number of POSTs made and nil once one gets a 2xx status, or a
// *DeliveryError, or the context's error when ctx ends first.
func (w *Webhook) Deliver(ctx context.Context, endpoint string, a *Alert) (int, error) {
	if err := validEndpoint(endpoint); err != nil {
		return 0, &DeliveryError{Endpoint: endpoint, Permanent: true, Err: err}
	}
	body, err := json.Marshal(a)
	if err != nil {
		return 0, fmt.Errorf("encode alert %s: %w", a.Key(), err)
	}
	maxAttempts := cmpOr(w.MaxAttempts, DefaultMaxAttempts)
	wait := cmpOr(w.Backoff, time.Second)
	maxWait := cmpOr(w.MaxBackoff, time.Minute)
	for attempt := 1; ; attempt++ {
		status, retryAfter, err := w.post(ctx, endpoint, a.Key(), body)
		if err == nil {
			return attempt, nil
		}
		if ctx.Err() != nil {
			return attempt, ctx.Err()
		}
		permanent := status != 0 && !retryable(status)
		if permanent || attempt >= maxAttempts {
			return attempt, &DeliveryError{Endpoint: endpoint, Status: status, Attempts: attempt, Permanent: permanent, Err: err}
		}
		d := min(max(wait, retryAfter), maxWait)
		if err := w.sleep(ctx, d); err != nil {
			return attempt, err
		}
		wait = min(2*wait, maxWait)
	}
}

func cmpOr[T comparable](v, def T) T {
	var zero T
	if v == zero {
		return def
	}
	return v
}

// retryable reports whether a request that got status may succeed later.
func retryable(status int) bool {
	return status == http.StatusRequestTimeout || status == http.StatusTooManyRequests || status >= 500
}

// post makes one POST and returns the status (0 without a response), the
// Retry-After delay and an error unless the status is 2xx.
func (w *Webhook) post(ctx context.Context, endpoint, key string, body []byte) (int, time.Duration, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, endpoint, bytes.NewReader(body))
	if err != nil {
		return 0, 0, err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("User-Agent", cmpOr(w.UserAgent, "annals-alert"))
	req.Header.Set("Idempotency-Key", key)
	client := w.Client
	if client == nil {
		client = &http.Client{
			Timeout:       10 * time.Second,
			CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
		}
	}
	resp, err := client.Do(req)
	if err != nil {
		return 0, 0, err
	}
	defer resp.Body.Close()
	io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10)) // let the connection be reused
	if resp.StatusCode >= 200 && resp.StatusCode < 300 {
		return resp.StatusCode, 0, nil
	}
	var after time.Duration
	if s, err := strconv.Atoi(strings.TrimSpace(resp.Header.Get("Retry-After"))); err == nil && s > 0 {
		after = time.Duration(s) * time.Second
	}
	return resp.StatusCode, after, fmt.Errorf("%s: %w", resp.Status, errStatus)
}

func (w *Webhook) sleep(ctx context.Context, d time.Duration) error {
	if w.Sleep != nil {
		return w.Sleep(ctx, d)
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// validEndpoint checks that s is an absolute http or https URL with a host
// and no fragment.
func validEndpoint(s string) error {
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.Fragment != "" {
		return fmt.Errorf("webhook endpoint %q: want an http or https URL: %w", s, ErrInvalid)
	}
	return nil
}
