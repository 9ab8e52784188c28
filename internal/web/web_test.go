package web_test

import (
	"context"
	"flag"
	"io"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/annals-project/annals/internal/store"
	"github.com/annals-project/annals/internal/store/sqlite"
	"github.com/annals-project/annals/internal/store/storetest"
	"github.com/annals-project/annals/internal/web"
)

var update = flag.Bool("update", false, "update golden files")

// MustStore returns a SQLite store in a temporary directory holding
// storetest.Corpus, stamped with a fixed ingest time.
func MustStore(tb testing.TB) store.Store {
	tb.Helper()
	now := func() time.Time { return time.Date(2025, 2, 1, 12, 0, 0, 0, time.UTC) }
	s, err := sqlite.Open(context.Background(), filepath.Join(tb.TempDir(), "web.db"), sqlite.Options{Now: now})
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { s.Close() })
	storetest.MustPut(tb, s, nil, storetest.Corpus()...)
	return s
}

// MustServe serves the dashboard of s on a loopback port and returns its
// base URL. It serves a copy of the package's files without static/dist/,
// so that the pages are the same whether the bundle was built or not
// (TestEmbedded covers the embedded files).
func MustServe(tb testing.TB, s store.Store) string {
	tb.Helper()
	return mustServeOptions(tb, web.Options{Store: s})
}

// mustServeOptions is MustServe with more options; opts.FS is replaced.
func mustServeOptions(tb testing.TB, opts web.Options) string {
	tb.Helper()
	dir := tb.TempDir()
	copyTree(tb, ".", dir, "templates", "static/base.css", "static/favicon.svg")
	opts.FS = os.DirFS(dir)
	h, err := web.Handler(opts)
	if err != nil {
		tb.Fatal(err)
	}
	srv := httptest.NewServer(h)
	tb.Cleanup(srv.Close)
	return srv.URL
}

// MustGet fetches url and returns the answer's status, Content-Type and
// body.
func MustGet(tb testing.TB, method, url string) (int, http.Header, string) {
	tb.Helper()
	req, err := http.NewRequest(method, url, nil)
	if err != nil {
		tb.Fatal(err)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		tb.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		tb.Fatal(err)
	}
	return resp.StatusCode, resp.Header, string(b)
}

var versionRE = regexp.MustCompile(`\?v=[0-9a-f]{12}`)

var rowRE = regexp.MustCompile(`<tr data-id="(\d+)">`)

// rows returns the event IDs of the list rows of a page.
func rows(body string) []string {
	var ids []string
	for _, m := range rowRE.FindAllStringSubmatch(body, -1) {
		ids = append(ids, m[1])
	}
	return ids
}

func TestPages(t *testing.T) {
	base := MustServe(t, MustStore(t))
	tests := []struct {
		name, method, path string
		status             int
		// rows are the event IDs the page lists; nil skips the check.
		rows []string
		// has are substrings the body must contain, hasnt ones it must
		// not.
		has, hasnt []string
		ctype      string
	}{
		{name: "dashboard", path: "/", status: 200, rows: []string{"6", "5", "4", "3", "2", "1", "7"},
			has: []string{`<form id="filters"`, `class="tl-up"`, `name="country" value=""`, "go run ./internal/web/build",
				`<option value="14">14 Protest</option>`},
			hasnt: []string{`<script`, `class="tl-sel"`}},
		{name: "country", path: "/?country=KEN", status: 200, rows: []string{"1"},
			has: []string{`name="country" value="KEN"`, "Nairobi, Kenya"}},
		{name: "form with blanks", path: "/?q=&country=nga&actor=&root=&from=&to=&min_sources=", status: 200, rows: []string{"4", "3"}},
		{name: "text", path: "/?q=%22tear+gas%22", status: 200, rows: []string{"1"}},
		{name: "root", path: "/?root=14", status: 200, rows: []string{"4"},
			has: []string{`<option value="14" selected>`}},
		{name: "dates shade the timeline", path: "/?from=2024-03-05&to=2024-03-09", status: 200, rows: []string{"4", "3", "2"},
			has: []string{`class="tl-sel"`}},
		{name: "hidden filters kept", path: "/?source=KENGOV", status: 200, rows: []string{"2"},
			has: []string{`<input type="hidden" name="source" value="KENGOV">`}},
		{name: "paged", path: "/?limit=2", status: 200, rows: []string{"6", "5"},
			has: []string{`rel="next"`, `cursor=`}},
		{name: "misspelt filter", path: "/?contry=KEN", status: 400, rows: []string{},
			has: []string{`role="alert"`, "unknown parameter &#34;contry&#34;"}},
		{name: "bad date", path: "/?from=March", status: 400, has: []string{"from: &#34;March&#34;"}},
		{name: "fragment", path: "/fragment/events?country=NGA", status: 200, rows: []string{"4", "3"},
			hasnt: []string{"<html", "<form"}},
		{name: "event", path: "/events/1", status: 200,
			has: []string{`<mark class="m-source" data-kind="source">Police`, `<mark class="m-action" data-kind="action">fired tear gas`,
				`<mark class="m-target" data-kind="target">protesters`, `<mark class="m-location" data-kind="location">Nairobi`,
				`href="https://www.wire.example/africa/kenya-protests"`, `We will not tolerate violence on our streets,`,
				`id="locator"`, "Protest with intervention"}},
		{name: "event without place", path: "/events/5", status: 200, has: []string{"not located"}, hasnt: []string{`id="locator"`}},
		{name: "no such event", path: "/events/999", status: 404, has: []string{"no event 999"}},
		{name: "bad event id", path: "/events/one", status: 404},
		{name: "actors", path: "/actors", status: 200, has: []string{`href="/actors/KENCOP"`, `href="/actors/FJI"`}},
		{name: "actors by name", path: "/actors?name=ruto", status: 200, has: []string{`href="/actors/KENGOV"`}, hasnt: []string{`/actors/FJI"`}},
		{name: "actor", path: "/actors/KENGOV", status: 200, rows: []string{"2"},
			has: []string{"William Ruto", `class="tl-up"`, `href="/?actor=KENGOV"`}},
		{name: "actor prefix", path: "/actors/fji", status: 200, rows: []string{"6", "7", "7"},
			has: []string{"Related codes", `href="/actors/FJIMIL"`}},
		{name: "actor as target", path: "/actors/TZAGOV", status: 200, rows: []string{"2"}, has: []string{`class="tl-down"`}},
		{name: "unknown actor", path: "/actors/ZZZ", status: 404},
		{name: "bad actor code", path: "/actors/a-b", status: 404},
		{name: "css", path: "/static/base.css", status: 200, ctype: "text/css; charset=utf-8", has: []string{"--q4"}},
		{name: "favicon", path: "/static/favicon.svg", status: 200, ctype: "image/svg+xml"},
		{name: "no listing", path: "/static/", status: 404},
		{name: "no bundle yet", path: "/static/dist/none.js", status: 404},
		{name: "unknown page", path: "/nope", status: 404, ctype: "text/html; charset=utf-8", has: []string{"There is no page at /nope."}},
		{name: "post", method: "POST", path: "/", status: 405},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			method := tt.method
			if method == "" {
				method = "GET"
			}
			status, h, body := MustGet(t, method, base+tt.path)
			if status != tt.status {
				t.Errorf("%s %s: status %d, want %d\n%s", method, tt.path, status, tt.status, body)
			}
			if tt.rows != nil {
				got := rows(body)
				if got == nil {
					got = []string{}
				}
				if diff := cmp.Diff(tt.rows, got); diff != "" {
					t.Errorf("%s: listed events differ (-want +got):\n%s", tt.path, diff)
				}
			}
			for _, s := range tt.has {
				if !strings.Contains(body, s) {
					t.Errorf("%s: body lacks %q", tt.path, s)
				}
			}
			for _, s := range tt.hasnt {
				if strings.Contains(body, s) {
					t.Errorf("%s: body has %q", tt.path, s)
				}
			}
			if tt.ctype != "" && h.Get("Content-Type") != tt.ctype {
				t.Errorf("%s: Content-Type %q, want %q", tt.path, h.Get("Content-Type"), tt.ctype)
			}
			if csp := h.Get("Content-Security-Policy"); !strings.Contains(csp, "default-src 'self'") {
				t.Errorf("%s: Content-Security-Policy %q", tt.path, csp)
			}
		})
	}
}

// TestGolden compares whole pages with testdata/<name>.golden; run with
// -update to rewrite them after a deliberate change, and review the diff.
func TestGolden(t *testing.T) {
	base := MustServe(t, MustStore(t))
	tests := []struct{ name, path string }{
		{"event", "/events/1"},
		{"dashboard-filtered", "/?country=NGA"},
		{"actor", "/actors/KENCOP"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, got := MustGet(t, "GET", base+tt.path)
			got = versionRE.ReplaceAllString(got, "?v=HASH") // styles change without the page changing
			file := filepath.Join("testdata", tt.name+".golden")
			if *update {
				if err := os.WriteFile(file, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(string(want), got); diff != "" {
				t.Errorf("GET %s differs from %s (-want +got):\n%s", tt.path, file, diff)
			}
		})
	}
}

// TestBundle serves a tree with a built bundle, as os.DirFS of the
// package folder does after `go run ./internal/web/build`: the pages link
// it with a content hash, and a request naming that hash may be cached.
func TestBundle(t *testing.T) {
	dir := t.TempDir()
	copyTree(t, ".", dir, "templates", "static/base.css", "static/favicon.svg")
	if err := os.MkdirAll(filepath.Join(dir, "static", "dist"), 0o755); err != nil {
		t.Fatal(err)
	}
	for name, body := range map[string]string{"app.js": "console.log(1)\n", "app.css": "body{}\n"} {
		if err := os.WriteFile(filepath.Join(dir, "static", "dist", name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	h, err := web.Handler(web.Options{Store: MustStore(t), FS: os.DirFS(dir), Title: "Test desk"})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(h)
	defer srv.Close()

	_, _, body := MustGet(t, "GET", srv.URL+"/")
	m := regexp.MustCompile(`<script src="(/static/dist/app\.js\?v=[0-9a-f]{12})" defer></script>`).FindStringSubmatch(body)
	if m == nil {
		t.Fatalf("dashboard does not link the bundle:\n%s", body)
	}
	for _, s := range []string{`/static/dist/app.css?v=`, "<title>Events · Test desk</title>", `class="bundle"`} {
		if !strings.Contains(body, s) {
			t.Errorf("dashboard lacks %q", s)
		}
	}
	tests := []struct{ name, path, cache string }{
		{"versioned", m[1], "public, max-age=31536000, immutable"},
		{"unversioned", "/static/dist/app.js", "no-cache"},
		{"stale version", "/static/dist/app.js?v=000000000000", "no-cache"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status, h, body := MustGet(t, "GET", srv.URL+tt.path)
			if status != 200 || body != "console.log(1)\n" {
				t.Fatalf("GET %s = %d %q", tt.path, status, body)
			}
			if got := h.Get("Cache-Control"); got != tt.cache {
				t.Errorf("GET %s: Cache-Control %q, want %q", tt.path, got, tt.cache)
			}
		})
	}
}

// copyTree copies the named files and folders of src into dst.
func copyTree(tb testing.TB, src, dst string, names ...string) {
	tb.Helper()
	for _, name := range names {
		err := filepath.WalkDir(filepath.Join(src, name), func(p string, d os.DirEntry, err error) error {
			if err != nil {
				return err
			}
			rel, _ := filepath.Rel(src, p)
			if d.IsDir() {
				return os.MkdirAll(filepath.Join(dst, rel), 0o755)
			}
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			if err := os.MkdirAll(filepath.Dir(filepath.Join(dst, rel)), 0o755); err != nil {
				return err
			}
			return os.WriteFile(filepath.Join(dst, rel), b, 0o644)
		})
		if err != nil {
			tb.Fatal(err)
		}
	}
}

// TestEmbedded serves the embedded files: the pages link the bundle when
// static/dist/ was built before the test binary, and work without it.
func TestEmbedded(t *testing.T) {
	h, err := web.Handler(web.Options{Store: MustStore(t)})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(h)
	defer srv.Close()
	_, built := fs.Stat(os.DirFS("static"), "dist/app.js")
	for _, path := range []string{"/", "/events/1", "/actors/KENCOP", "/static/base.css"} {
		status, _, body := MustGet(t, "GET", srv.URL+path)
		if status != 200 {
			t.Errorf("GET %s = %d", path, status)
		}
		if strings.HasPrefix(path, "/static/") {
			continue
		}
		if got, want := strings.Contains(body, `src="/static/dist/app.js?v=`), built == nil; got != want {
			t.Errorf("GET %s links the bundle: %v, want %v", path, got, want)
		}
	}
}

func TestHandlerErrors(t *testing.T) {
	tests := []struct {
		name string
		opts web.Options
		want string
	}{
		{"no store", web.Options{}, "web: nil store"},
		{"no templates", web.Options{Store: MustStore(t), FS: os.DirFS(t.TempDir())}, "web: "},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := web.Handler(tt.opts)
			if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
				t.Errorf("Handler() error = %v, want one starting %q", err, tt.want)
			}
		})
	}
}
