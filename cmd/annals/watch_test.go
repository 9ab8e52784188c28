package main_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/jackc/pgx/v5"

	"github.com/annals-project/annals/internal/alert"
	alertpostgres "github.com/annals-project/annals/internal/alert/postgres"
	"github.com/annals-project/annals/internal/event"
	"github.com/annals-project/annals/internal/store"
	storepostgres "github.com/annals-project/annals/internal/store/postgres"
	"github.com/annals-project/annals/internal/store/sqlite"
)

// watchCities are the countries of the watch store, with a capital and a
// daily number of protests and statements.
var watchCities = []struct {
	country, city       string
	protests, statement int
}{
	{"KAZ", "Almaty", 3, 6},
	{"KGZ", "Bishkek", 2, 4},
	{"UZB", "Tashkent", 2, 5},
}

// MustWatchStore writes a SQLite store with one report a day per country
// from 8 December 2021 to 5 January 2022: a few protests and statements a
// day, varying with the weekday, and 30 protests in Kazakhstan on the last
// day. It returns the store's path.
func MustWatchStore(tb testing.TB) string {
	tb.Helper()
	ctx := context.Background()
	path := filepath.Join(tb.TempDir(), "annals.db")
	s, err := sqlite.Open(ctx, path, sqlite.Options{})
	if err != nil {
		tb.Fatal(err)
	}
	defer s.Close()
	if _, err := s.PutDocuments(ctx, watchDocuments(), nil); err != nil {
		tb.Fatal(err)
	}
	return path
}

// MustPostgresWatchStore writes the documents of MustWatchStore to a
// PostgreSQL store in a fresh schema of the ANNALS_TEST_POSTGRES database,
// dropped when tb ends, and returns the store's DSN. It skips tb when the
// variable is unset (scripts/pg-test.sh sets it).
func MustPostgresWatchStore(tb testing.TB) string {
	tb.Helper()
	base := os.Getenv("ANNALS_TEST_POSTGRES")
	if base == "" {
		tb.Skip("ANNALS_TEST_POSTGRES not set; run under scripts/pg-test.sh")
	}
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, base)
	if err != nil {
		tb.Fatalf("connect: %v", err)
	}
	schema := fmt.Sprintf("annals_watch_test_%d_%d", os.Getpid(), pgSchemas.Add(1))
	if _, err := conn.Exec(ctx, "CREATE SCHEMA "+schema); err != nil {
		tb.Fatalf("create schema: %v", err)
	}
	tb.Cleanup(func() {
		if _, err := conn.Exec(ctx, "DROP SCHEMA "+schema+" CASCADE"); err != nil {
			tb.Errorf("drop schema: %v", err)
		}
		conn.Close(ctx)
	})
	u, err := url.Parse(base)
	if err != nil || !strings.HasPrefix(base, "postgres") {
		tb.Fatalf("ANNALS_TEST_POSTGRES: want a postgres:// URL, got %q", base)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	dsn := u.String()

	s, err := storepostgres.Open(ctx, dsn, storepostgres.Options{})
	if err != nil {
		tb.Fatal(err)
	}
	defer s.Close()
	if _, err := s.PutDocuments(ctx, watchDocuments(), nil); err != nil {
		tb.Fatal(err)
	}
	return dsn
}

var pgSchemas atomic.Int64

// watchDocuments are the reports of MustWatchStore.
func watchDocuments() []*store.Document {
	last := event.Date{Year: 2022, Month: 1, Day: 5}
	var docs []*store.Document
	for i := -28; i <= 0; i++ {
		day := last.AddDays(i)
		for _, c := range watchCities {
			protests, statements := c.protests+(i+28)%2, c.statement+(i+28)%3
			if i == 0 && c.country == "KAZ" {
				protests = 30
			}
			docs = append(docs, watchDocument(c.country, c.city, day, protests, statements))
		}
	}
	return docs
}

// watchDocument is a wire report from city on day with the given numbers
// of protest and statement sentences, each coded as one event.
func watchDocument(country, city string, day event.Date, protests, statements int) *store.Document {
	var text strings.Builder
	var events []event.Event
	add := func(sentence, root, acled string) {
		start := text.Len()
		text.WriteString(sentence)
		span := event.Span{Start: start, End: text.Len()}
		text.WriteString(" ")
		events = append(events, event.Event{
			Sentence: len(events), Text: sentence, Span: span, CAMEO: root + "0", Root: root, ACLEDType: acled,
			Date: day, DatePrecision: "day", Confidence: 0.8, Rule: "watch-test",
			Location: &event.Location{Name: city, Country: country, Precision: "city", Span: span},
		})
	}
	for k := range protests {
		add(fmt.Sprintf("Protesters rallied outside the mayor's office in %s, the %d%s gathering reported that day.", city, k+1, ordinal(k+1)), "14", "Protests")
	}
	for k := range statements {
		add(fmt.Sprintf("Officials in %s issued statement number %d on the fuel price.", city, k+1), "01", "")
	}
	a := &event.Article{
		ID: fmt.Sprintf("%s-%s", country, day), URL: fmt.Sprintf("https://wire.example/%s/%s", strings.ToLower(country), day),
		Title: city + " daily report", Published: day, Anchor: day, AnchorSource: event.AnchorPublished, Text: text.String(),
	}
	return &store.Document{Article: a, Hash: store.ContentHash(a), Outlet: "wire.example", Events: events}
}

func ordinal(n int) string {
	switch {
	case n%100 >= 11 && n%100 <= 13:
		return "th"
	case n%10 == 1:
		return "st"
	case n%10 == 2:
		return "nd"
	case n%10 == 3:
		return "rd"
	}
	return "th"
}

// hookServer fails the first fails POSTs with 503, then takes them, and
// records the alerts it took.
type hookServer struct {
	mu    sync.Mutex
	fails int
	posts int
	got   []alert.Alert
}

func (h *hookServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.posts++
	if h.posts <= h.fails {
		http.Error(w, "busy", http.StatusServiceUnavailable)
		return
	}
	var a alert.Alert
	if err := json.NewDecoder(r.Body).Decode(&a); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	h.got = append(h.got, a)
}

func (h *hookServer) counts() (posts, delivered int) {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.posts, len(h.got)
}

func TestWatch(t *testing.T) {
	db := MustWatchStore(t)
	hook := &hookServer{fails: 2}
	srv := httptest.NewServer(hook)
	defer srv.Close()
	url := srv.URL + "/alerts"

	// Subscribe to Kazakhstan's CAMEO protests only: the ACLED Protests
	// alert of the same events is stored but not delivered.
	out, errs, code := MustRun(t, "", "watch", "--db", db, "--once", "--until", "2022-01-05", "--backoff", "1ms",
		"--webhook", url, "--country", "KAZ", "--type", "14")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	want := []string{
		"2022-01-05 KAZ acled:Protests: 30 events, expected 3.",
		"2022-01-05 KAZ cameo:14 (Protest): 30 events, expected 3.",
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != len(want) {
		t.Fatalf("stdout:\n%s\nwant %d alerts", out, len(want))
	}
	for i, l := range lines {
		if !strings.HasPrefix(l, want[i]) {
			t.Errorf("alert %d = %q, want it to start %q", i, l, want[i])
		}
	}
	for _, s := range []string{
		"subscription 1: " + url + " gets alerts of country KAZ, type cameo:14",
		"tested 2 of 2 days, 18 cells: 2 alerts, 2 new; webhook: 1 delivered, 2 retries, 0 failed, 0 pending",
	} {
		if !strings.Contains(errs, s) {
			t.Errorf("stderr lacks %q:\n%s", s, errs)
		}
	}
	if posts, got := hook.counts(); posts != 3 || got != 1 {
		t.Fatalf("webhook: %d POSTs, %d alerts; want 3 and 1", posts, got)
	}
	a := hook.got[0]
	if a.Key() != "KAZ/cameo:14/2022-01-05" || a.Count != 30 || len(a.Events) != 5 ||
		!strings.HasPrefix(a.Events[0].Text, "Protesters rallied outside the mayor's office in Almaty") {
		t.Errorf("delivered alert %s, count %d, %d events: %+v", a.Key(), a.Count, len(a.Events), a.Events)
	}

	// Again, without the flags: the subscription is stored, nothing new.
	out, errs, code = MustRun(t, "", "watch", "--db", db, "--once", "--until", "2022-01-05", "--format", "json")
	if code != 0 || out != "" || !strings.Contains(errs, "2 alerts, 0 new; webhook: 0 delivered, 0 retries") {
		t.Errorf("second run: exit %d, stdout %q, stderr:\n%s", code, out, errs)
	}
	if posts, _ := hook.counts(); posts != 3 {
		t.Errorf("second run posted again: %d POSTs in all", posts)
	}

	out, _, code = MustRun(t, "", "watch", "--db", db, "--subscriptions")
	if code != 0 || out != "1\t"+url+"\tKAZ\tcameo:14\n" {
		t.Errorf("--subscriptions: exit %d, stdout %q", code, out)
	}
	_, errs, code = MustRun(t, "", "watch", "--db", db, "--webhook", url, "--unsubscribe")
	if code != 0 || !strings.Contains(errs, "removed 1 subscriptions") {
		t.Errorf("--unsubscribe: exit %d, stderr %q", code, errs)
	}
	out, _, _ = MustRun(t, "", "watch", "--db", db, "--subscriptions")
	if out != "" {
		t.Errorf("subscriptions after --unsubscribe: %q", out)
	}
}

// TestWatchJSON replays the same day into a separate alerts file and reads
// the JSON alerts.
func TestWatchJSON(t *testing.T) {
	db := MustWatchStore(t)
	alerts := filepath.Join(t.TempDir(), "alerts.db")
	out, errs, code := MustRun(t, "", "watch", "--db", db, "--alerts-db", alerts, "--once", "--until", "2022-01-05",
		"--format", "json", "--lookback", "1", "--correction", "bonferroni")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var keys []string
	for line := range strings.Lines(out) {
		var a alert.Alert
		if err := json.Unmarshal([]byte(line), &a); err != nil {
			t.Fatalf("not a JSON alert: %v: %s", err, line)
		}
		keys = append(keys, a.Key())
	}
	if diff := cmp.Diff([]string{"KAZ/acled:Protests/2022-01-05", "KAZ/cameo:14/2022-01-05"}, keys); diff != "" {
		t.Errorf("alerts (-want +got):\n%s", diff)
	}
	// The day before has no alert; a replay of it adds nothing.
	out, _, code = MustRun(t, "", "watch", "--db", db, "--alerts-db", alerts, "--once", "--until", "2022-01-04", "--lookback", "1")
	if code != 0 || out != "" {
		t.Errorf("replay of 4 January: exit %d, stdout %q", code, out)
	}
}

func TestWatchUsage(t *testing.T) {
	db := MustWatchStore(t)
	tests := []struct {
		name string
		args []string
		code int
		msg  string
	}{
		{"country without webhook", []string{"--country", "KAZ"}, 2, "need --webhook"},
		{"bad country", []string{"--webhook", "http://127.0.0.1:9/", "--country", "Kazakhstan"}, 2, "alpha-3"},
		{"bad type", []string{"--webhook", "http://127.0.0.1:9/", "--type", "cameo:21"}, 2, "CAMEO root 01-20"},
		{"bad webhook", []string{"--webhook", "ftp://127.0.0.1/"}, 2, "http or https URL"},
		{"postgres store unreachable", []string{"--db", "postgres://annals@127.0.0.1:9/annals?sslmode=disable", "--once"}, 1, "open store"},
		{"postgres alerts unreachable", []string{"--alerts-db", "postgres://annals@127.0.0.1:9/annals?sslmode=disable", "--once"}, 1, "open alerts"},
		{"bad format", []string{"--format", "xml"}, 2, "--format"},
		{"bad correction", []string{"--correction", "holm"}, 2, "Correction"},
		{"bad interval", []string{"--interval", "0s"}, 2, "--interval"},
		{"arguments", []string{"extra"}, 2, "flags only"},
		{"no store", []string{"--db", filepath.Join(t.TempDir(), "none.db"), "--once"}, 1, "run annals ingest"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			args := append([]string{"watch", "--db", db}, tt.args...)
			_, errs, code := MustRun(t, "", args...)
			if code != tt.code || !strings.Contains(errs, tt.msg) {
				t.Errorf("annals %s: exit %d, stderr %q; want exit %d mentioning %q", strings.Join(args, " "), code, errs, tt.code, tt.msg)
			}
		})
	}
}

// TestWatchPostgres watches the surge of MustWatchStore in PostgreSQL:
// the alerts, the subscription and the delivery queue live in the same
// database, /alerts.atom of annals serve shows them, and --alerts-db still
// moves them elsewhere.
func TestWatchPostgres(t *testing.T) {
	dsn := MustPostgresWatchStore(t)
	hook := &hookServer{}
	srv := httptest.NewServer(hook)
	defer srv.Close()

	out, errs, code := MustRun(t, "", "watch", "--db", dsn, "--once", "--until", "2022-01-05",
		"--webhook", srv.URL, "--country", "KAZ", "--type", "Protests")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	want := []string{
		"2022-01-05 KAZ acled:Protests: 30 events, expected 3.",
		"2022-01-05 KAZ cameo:14 (Protest): 30 events, expected 3.",
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != len(want) {
		t.Fatalf("stdout:\n%s\nwant %d alerts", out, len(want))
	}
	for i, l := range lines {
		if !strings.HasPrefix(l, want[i]) {
			t.Errorf("alert %d = %q, want it to start %q", i, l, want[i])
		}
	}
	if !strings.Contains(errs, "tested 2 of 2 days, 18 cells: 2 alerts, 2 new; webhook: 1 delivered, 0 retries, 0 failed, 0 pending") {
		t.Errorf("stderr:\n%s", errs)
	}
	if _, got := hook.counts(); got != 1 || hook.got[0].Key() != "KAZ/acled:Protests/2022-01-05" {
		t.Errorf("webhook got %d alerts (%+v), want the ACLED one", got, hook.got)
	}

	// Again: the alerts and the subscription are stored in PostgreSQL.
	out, errs, code = MustRun(t, "", "watch", "--db", dsn, "--once", "--until", "2022-01-05")
	if code != 0 || out != "" || !strings.Contains(errs, "2 alerts, 0 new; webhook: 0 delivered") {
		t.Errorf("second run: exit %d, stdout %q, stderr:\n%s", code, out, errs)
	}
	out, _, code = MustRun(t, "", "watch", "--db", dsn, "--subscriptions")
	if code != 0 || out != "1\t"+srv.URL+"\tKAZ\tacled:Protests\n" {
		t.Errorf("--subscriptions: exit %d, stdout %q", code, out)
	}
	ctx := context.Background()
	alerts, err := alertpostgres.Open(ctx, dsn, alertpostgres.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer alerts.Close()
	stored, err := alerts.List(ctx, alert.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	var keys []string
	for _, a := range stored {
		keys = append(keys, a.Key())
	}
	// Newest first: the CAMEO alert was stored after the ACLED one.
	if diff := cmp.Diff([]string{"KAZ/cameo:14/2022-01-05", "KAZ/acled:Protests/2022-01-05"}, keys); diff != "" {
		t.Errorf("alerts in the postgres store (-want +got):\n%s", diff)
	}

	t.Setenv("ANNALS_TOKEN", "")
	base, _ := MustServe(t, "--db", dsn, "--quiet")
	resp, err := http.Get(base + "/alerts.atom?country=KAZ")
	if err != nil {
		t.Fatal(err)
	}
	body, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("GET /alerts.atom: %d, %v", resp.StatusCode, err)
	}
	if n := strings.Count(string(body), "<entry>"); n != 2 || !strings.Contains(string(body), "urn:annals:alerts:KAZ%2Fcameo:14%2F2022-01-05") {
		t.Errorf("/alerts.atom has %d entries, want Kazakhstan's 2:\n%s", n, body)
	}

	// --alerts-db names another store: a SQLite file here, empty so far.
	file := filepath.Join(t.TempDir(), "alerts.db")
	out, errs, code = MustRun(t, "", "watch", "--db", dsn, "--alerts-db", file, "--once", "--until", "2022-01-05", "--format", "json")
	if code != 0 || strings.Count(out, "\n") != 2 || !strings.Contains(errs, "2 alerts, 2 new; webhook: 0 delivered") {
		t.Errorf("--alerts-db %s: exit %d, stdout %q, stderr:\n%s", file, code, out, errs)
	}
}
