package main_test

import (
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"io"
	"net/http"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	main "github.com/annals-project/annals/cmd/annals"
)

// syncBuffer is a bytes.Buffer safe for the server's and the test's
// goroutines.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// MustServe starts annals serve with args on a free loopback port and
// returns its base URL and a function that stops it and returns what Run
// returned.
func MustServe(tb testing.TB, args ...string) (base string, stop func() error) {
	tb.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	errb := &syncBuffer{}
	m := &main.Main{Stdin: strings.NewReader(""), Stdout: io.Discard, Stderr: errb}
	done := make(chan error, 1)
	go func() { done <- m.Run(ctx, append([]string{"serve", "--addr", "127.0.0.1:0"}, args...)) }()
	addr := regexp.MustCompile(`on http://(127\.0\.0\.1:\d+)/`)
	deadline := time.Now().Add(10 * time.Second)
	for {
		if a := addr.FindStringSubmatch(errb.String()); a != nil {
			base = "http://" + a[1]
			break
		}
		select {
		case err := <-done:
			cancel()
			tb.Fatalf("serve returned %v before listening; stderr:\n%s", err, errb.String())
		default:
		}
		if time.Now().After(deadline) {
			cancel()
			tb.Fatalf("serve did not start; stderr:\n%s", errb.String())
		}
		time.Sleep(10 * time.Millisecond)
	}
	var once sync.Once
	var runErr error
	stop = func() error {
		once.Do(func() {
			cancel()
			select {
			case runErr = <-done:
			case <-time.After(15 * time.Second):
				tb.Fatal("serve did not stop")
			}
		})
		return runErr
	}
	tb.Cleanup(func() { stop() })
	return base, stop
}

func TestServe(t *testing.T) {
	db := MustQueryStore(t)
	t.Setenv("ANNALS_TOKEN", "")
	base, stop := MustServe(t, "--db", db, "--quiet")
	get := func(path string, v any) int {
		t.Helper()
		resp, err := http.Get(base + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		if err := json.NewDecoder(resp.Body).Decode(v); err != nil {
			t.Fatalf("GET %s: %v", path, err)
		}
		return resp.StatusCode
	}
	var health map[string]string
	if code := get("/healthz", &health); code != 200 || health["status"] != "ok" {
		t.Errorf("healthz: %d %v", code, health)
	}
	var page struct {
		Events []json.RawMessage `json:"events"`
		Next   string            `json:"next"`
	}
	if code := get("/api/events?limit=100&country=KEN", &page); code != 200 || len(page.Events) == 0 {
		t.Errorf("events: %d, %d events", code, len(page.Events))
	}
	for path, want := range map[string]string{"/": "text/html", "/alerts.atom": "application/atom+xml"} {
		resp, err := http.Get(base + path)
		if err != nil {
			t.Fatalf("GET %s: %v", path, err)
		}
		resp.Body.Close()
		if ct := resp.Header.Get("Content-Type"); resp.StatusCode != 200 || !strings.HasPrefix(ct, want) {
			t.Errorf("GET %s: %d %q, want 200 %s", path, resp.StatusCode, ct, want)
		}
	}
	resp, err := http.Post(base+"/api/documents", "application/json", strings.NewReader(`{"id":"x","text":"Ministers met."}`))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusForbidden {
		t.Errorf("POST without a configured token: %d, want 403", resp.StatusCode)
	}
	if err := stop(); err != nil {
		t.Errorf("Run after cancel = %v, want nil", err)
	}
	if _, err := http.Get(base + "/healthz"); err == nil {
		t.Error("still serving after stop")
	}
}

func TestServeTokenFromEnvironment(t *testing.T) {
	db := MustQueryStore(t)
	const token = "a-long-enough-test-token"
	t.Setenv("ANNALS_TOKEN", token)
	base, _ := MustServe(t, "--db", db, "--quiet")
	post := func(tok string) int {
		req, _ := http.NewRequest(http.MethodPost, base+"/api/documents",
			strings.NewReader(`{"id":"harbour","text":"Dockworkers protested in Mombasa on Monday.","published":"2024-02-05"}`))
		if tok != "" {
			req.Header.Set("Authorization", "Bearer "+tok)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	if code := post(""); code != http.StatusUnauthorized {
		t.Errorf("POST without the token: %d, want 401", code)
	}
	if code := post(token); code != http.StatusCreated {
		t.Errorf("POST with the token: %d, want 201", code)
	}
}

func TestServeUsage(t *testing.T) {
	t.Setenv("ANNALS_TOKEN", "")
	for _, tt := range []struct {
		name   string
		args   []string
		stderr string
	}{
		{"short token", []string{"serve", "--token", "short"}, "at least 16"},
		{"arguments", []string{"serve", "extra"}, "no arguments"},
		{"bad body limit", []string{"serve", "--max-body", "0"}, "--max-body"},
		{"negative watch", []string{"serve", "--watch", "-1s"}, "--watch"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, errs, code := MustRun(t, "", tt.args...)
			if code != 2 || !strings.Contains(errs, tt.stderr) {
				t.Errorf("exit %d, stderr %q; want 2 and %q", code, errs, tt.stderr)
			}
		})
	}
}

// TestServeWatch serves the surge of MustWatchStore with --watch: the
// watcher's alert shows in the Atom feed and on the dashboard, and
// cancelling serve stops the server and the watcher.
func TestServeWatch(t *testing.T) {
	db := MustWatchStore(t)
	t.Setenv("ANNALS_TOKEN", "")
	base, stop := MustServe(t, "--db", db, "--quiet", "--watch", "1h", "--watch-until", "2022-01-05")
	get := func(path string) string {
		t.Helper()
		resp, err := http.Get(base + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, err := io.ReadAll(resp.Body)
		if err != nil || resp.StatusCode != 200 {
			t.Fatalf("GET %s: %d, %v", path, resp.StatusCode, err)
		}
		return string(b)
	}
	// The first run starts with the server; wait for its alerts.
	var feed string
	for deadline := time.Now().Add(10 * time.Second); ; {
		feed = get("/alerts.atom")
		if strings.Count(feed, "<entry>") >= 2 || time.Now().After(deadline) {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	if err := xml.Unmarshal([]byte(feed), new(struct{})); err != nil {
		t.Errorf("/alerts.atom is not XML: %v", err)
	}
	if n := strings.Count(feed, "<entry>"); n != 2 || !strings.Contains(feed, "KAZ") {
		t.Fatalf("/alerts.atom has %d entries, want the 2 of Kazakhstan's surge:\n%s", n, feed)
	}
	page := get("/")
	for _, s := range []string{
		`<h2 id="alerts-h">Recent alerts</h2>`, `href="/alerts.atom"`, "<strong>Kazakhstan</strong>: Protest",
		`href="/?country=KAZ&amp;from=2022-01-05&amp;root=14&amp;to=2022-01-05"`, "30 events,", `href="/events/`,
	} {
		if !strings.Contains(page, s) {
			t.Errorf("dashboard lacks %q", s)
		}
	}
	if err := stop(); err != nil {
		t.Errorf("Run after cancel = %v, want nil", err)
	}
	if _, err := http.Get(base + "/healthz"); err == nil {
		t.Error("still serving after stop")
	}
}

// TestServeWatchPostgres runs the watcher of serve --watch on a postgres
// store: the alerts go to the same database, and the feed shows them.
func TestServeWatchPostgres(t *testing.T) {
	dsn := MustPostgresWatchStore(t)
	t.Setenv("ANNALS_TOKEN", "")
	base, stop := MustServe(t, "--db", dsn, "--quiet", "--watch", "1h", "--watch-until", "2022-01-05")
	var feed string
	for deadline := time.Now().Add(10 * time.Second); ; {
		resp, err := http.Get(base + "/alerts.atom")
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		if err != nil || resp.StatusCode != http.StatusOK {
			t.Fatalf("GET /alerts.atom: %d, %v", resp.StatusCode, err)
		}
		feed = string(b)
		if strings.Count(feed, "<entry>") >= 2 || time.Now().After(deadline) {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	if n := strings.Count(feed, "<entry>"); n != 2 || !strings.Contains(feed, "KAZ") {
		t.Fatalf("/alerts.atom has %d entries, want the 2 of Kazakhstan's surge:\n%s", n, feed)
	}
	if err := stop(); err != nil {
		t.Errorf("Run after cancel = %v, want nil", err)
	}
	out, errs, code := MustRun(t, "", "watch", "--db", dsn, "--once", "--until", "2022-01-05")
	if code != 0 || out != "" || !strings.Contains(errs, "2 alerts, 0 new") {
		t.Errorf("annals watch after serve --watch: exit %d, stdout %q, stderr:\n%s", code, out, errs)
	}
}
