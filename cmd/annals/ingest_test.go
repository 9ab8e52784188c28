package main_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	main "github.com/annals-project/annals/cmd/annals"
	"github.com/annals-project/annals/internal/store"
	"github.com/annals-project/annals/internal/store/sqlite"
)

// Our own news stories for the ingest tests.
const (
	heraldStory = "Gunmen killed 12 villagers in an attack on a farming community in Zamfara State on Sunday, police said.\n" +
		"The attackers arrived on motorcycles shortly after dawn and set fire to several homes, a police spokesman said.\n"
	observerStory = "Armed bandits killed at least 12 people in a raid on a village in Zamfara State, northwestern Nigeria, on Sunday.\n" +
		"Residents said the gunmen burned houses and stole cattle before fleeing into a nearby forest.\n"
	timesStory = "At least 14 villagers were killed when gunmen attacked a village in Nigeria's Zamfara State on Sunday, a local official said.\n" +
		"The state government condemned the killings and promised to send more troops to the area.\n"
	mosqueStory = "A suicide bomber killed five worshippers at a mosque in Maiduguri on Sunday, the Borno State police said.\n"
	fuelStory   = "Police arrested 30 protesters in Lagos on Sunday after a march against rising fuel prices turned violent.\n"
)

// jsonl formats documents as a JSON Lines batch: url, published, text.
func jsonl(docs ...[3]string) string {
	var b strings.Builder
	for i, d := range docs {
		line, _ := json.Marshal(map[string]string{"id": fmt.Sprint("doc", i+1), "url": d[0], "published": d[1], "text": d[2]})
		b.Write(line)
		b.WriteByte('\n')
	}
	return b.String()
}

// MustOpenStore opens the SQLite store in file and closes it when tb ends.
func MustOpenStore(tb testing.TB, file string) store.Store {
	tb.Helper()
	s, err := sqlite.Open(context.Background(), file, sqlite.Options{})
	if err != nil {
		tb.Fatalf("open %s: %v", file, err)
	}
	tb.Cleanup(func() { s.Close() })
	return s
}

// MustStats returns the Stats of the SQLite store in file.
func MustStats(tb testing.TB, file string) store.Stats {
	tb.Helper()
	st, err := MustOpenStore(tb, file).Stats(context.Background())
	if err != nil {
		tb.Fatal(err)
	}
	return st
}

// MustIngest runs annals ingest into db and fails tb unless it exits with
// status want.
func MustIngest(tb testing.TB, db, stdin string, want int, args ...string) (stdout, stderr string) {
	tb.Helper()
	out, errs, code := MustRun(tb, stdin, append([]string{"ingest", "--db", db, "--progress", "never"}, args...)...)
	if code != want {
		tb.Fatalf("annals ingest %v: exit %d, want %d; stderr:\n%s", args, code, want, errs)
	}
	return out, errs
}

var storedRE = regexp.MustCompile(`read (\d+) documents in [0-9.]+s: (\d+) stored, (\d+) already stored`)

// counts parses the first summary line: documents read, stored, skipped.
func counts(tb testing.TB, summary string) [3]int {
	tb.Helper()
	m := storedRE.FindStringSubmatch(summary)
	if m == nil {
		tb.Fatalf("no summary line in:\n%s", summary)
	}
	var c [3]int
	for i := range c {
		fmt.Sscan(m[i+1], &c[i])
	}
	return c
}

func TestIngestInputs(t *testing.T) {
	dir := t.TempDir()
	tree := filepath.Join(dir, "tree")
	os.MkdirAll(filepath.Join(tree, "nested"), 0o755)
	writeFile(t, tree, "herald.txt", heraldStory)
	writeFile(t, tree, "observer.txt", observerStory)
	writeFile(t, filepath.Join(tree, "nested"), "times.txt", timesStory)
	writeFile(t, tree, ".draft.txt", mosqueStory) // hidden: skipped
	batch := writeFile(t, dir, "batch.jsonl", jsonl(
		[3]string{"https://lagosherald.example/a", "2025-03-10", heraldStory},
		[3]string{"https://abujaobserver.example/b", "2025-03-10", observerStory},
		[3]string{"https://lagosherald.example/c", "2025-03-10", fuelStory},
	))
	warc := writeFile(t, dir, "crawl.warc", warcRecord("https://northerntimes.example/mosque", "2025-03-10T08:00:00Z",
		"<html><head><title>Mosque attack</title></head><body><article><h1>Mosque attack</h1><p>"+mosqueStory+"</p></article></body></html>"))

	tests := []struct {
		name  string
		stdin string
		args  []string
		want  int
	}{
		{"file", "", []string{filepath.Join(tree, "herald.txt")}, 1},
		{"directory, recursively, without hidden files", "", []string{tree}, 3},
		{"glob", "", []string{filepath.Join(tree, "*.txt")}, 2},
		{"JSONL", "", []string{batch}, 3},
		{"WARC", "", []string{warc}, 1},
		{"standard input", fuelStory, nil, 1},
		{"standard input named", mosqueStory, []string{"-", batch}, 4},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db := filepath.Join(t.TempDir(), "annals.db")
			args := append([]string{"--published", "2025-03-10"}, tt.args...)
			out, _ := MustIngest(t, db, tt.stdin, 0, args...)
			if c := counts(t, out); c != [3]int{tt.want, tt.want, 0} {
				t.Errorf("first run read, stored, skipped %v, want %d, %d, 0\n%s", c, tt.want, tt.want, out)
			}
			first := MustStats(t, db)
			if first.Documents != int64(tt.want) {
				t.Errorf("store holds %d documents, want %d", first.Documents, tt.want)
			}
			out, _ = MustIngest(t, db, tt.stdin, 0, args...)
			if c := counts(t, out); c != [3]int{tt.want, 0, tt.want} {
				t.Errorf("second run read, stored, skipped %v, want %d, 0, %d\n%s", c, tt.want, tt.want, out)
			}
			if again := MustStats(t, db); again != first {
				t.Errorf("second run changed the store: %+v, was %+v", again, first)
			}
		})
	}
}

// warcRecord returns a WARC file of one response record for an HTML page.
func warcRecord(uri, date, html string) string {
	httpMsg := "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n" +
		fmt.Sprintf("Content-Length: %d\r\n\r\n", len(html)) + html
	return "WARC/1.1\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:6f1d0000-0000-4000-8000-000000000001>\r\n" +
		"WARC-Date: " + date + "\r\nWARC-Target-URI: " + uri + "\r\n" +
		"Content-Type: application/http; msgtype=response\r\n" +
		fmt.Sprintf("Content-Length: %d\r\n\r\n", len(httpMsg)) + httpMsg + "\r\n\r\n"
}

func TestIngestURLs(t *testing.T) {
	mux := http.NewServeMux()
	var base string
	mux.HandleFunc("GET /feed.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Herald</title>
<item><title>Zamfara attack</title><link>%[1]s/news/zamfara</link><pubDate>Mon, 10 Mar 2025 07:00:00 GMT</pubDate><description>%[2]s</description></item>
<item><title>Fuel protest</title><link>%[1]s/news/fuel</link><pubDate>Mon, 10 Mar 2025 09:00:00 GMT</pubDate><description>%[3]s</description></item>
</channel></rss>`, base, heraldStory, fuelStory)
	})
	mux.HandleFunc("GET /atom.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/atom+xml")
		fmt.Fprintf(w, `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Observer</title><id>urn:observer</id><updated>2025-03-10T10:00:00Z</updated>
<entry><title>Bandits raid village</title><id>urn:observer:1</id><link href="%s/observer/raid"/><updated>2025-03-10T10:00:00Z</updated><summary>%s</summary></entry></feed>`, base, observerStory)
	})
	mux.HandleFunc("GET /news/mosque", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, "<html><head><title>Mosque attack</title></head><body><article><h1>Mosque attack</h1><p>"+mosqueStory+"</p></article></body></html>")
	})
	mux.HandleFunc("GET /feeds.opml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/x-opml")
		fmt.Fprintf(w, `<?xml version="1.0"?><opml version="2.0"><head><title>Nigeria</title></head><body>
<outline text="Papers"><outline type="rss" text="Herald" xmlUrl="%[1]s/feed.xml"/><outline type="rss" text="Observer" xmlUrl="%[1]s/atom.xml"/></outline>
</body></opml>`, base)
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	base = srv.URL

	dir := t.TempDir()
	opml := writeFile(t, dir, "feeds.opml", fmt.Sprintf(`<?xml version="1.0"?><opml version="1.0"><body><outline xmlUrl="%s/atom.xml"/></body></opml>`, base))
	tests := []struct {
		name     string
		args     []string
		code     int
		want     int
		wantURLs []string
	}{
		{"RSS feed", []string{base + "/feed.xml"}, 0, 2, []string{base + "/news/fuel", base + "/news/zamfara"}},
		{"page", []string{base + "/news/mosque"}, 0, 1, []string{base + "/news/mosque"}},
		{"OPML list by URL", []string{base + "/feeds.opml"}, 0, 3, []string{base + "/news/fuel", base + "/news/zamfara", base + "/observer/raid"}},
		{"OPML file", []string{opml}, 0, 1, []string{base + "/observer/raid"}},
		{"missing page", []string{base + "/nothing", base + "/news/mosque"}, 1, 1, []string{base + "/news/mosque"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db := filepath.Join(t.TempDir(), "annals.db")
			out, errs := MustIngest(t, db, "", tt.code, tt.args...)
			if c := counts(t, out); c[1] != tt.want {
				t.Errorf("stored %d documents, want %d\n%s%s", c[1], tt.want, out, errs)
			}
			docs, err := MustOpenStore(t, db).Documents(context.Background(), store.DocumentFilter{})
			if err != nil {
				t.Fatal(err)
			}
			var urls []string
			for _, d := range docs {
				urls = append(urls, d.Article.URL)
			}
			slices.Sort(urls)
			if diff := cmp.Diff(tt.wantURLs, urls); diff != "" {
				t.Errorf("stored URLs (-want +got):\n%s", diff)
			}
		})
	}
}

// TestIngestDedup ingests three outlets' reports of one attack, a
// syndicated copy, and another attack of the same day: the attack is one
// event with three sources and four articles.
func TestIngestDedup(t *testing.T) {
	dir := t.TempDir()
	batch := writeFile(t, dir, "batch.jsonl", jsonl(
		[3]string{"https://lagosherald.example/a", "2025-03-10", heraldStory},
		[3]string{"https://abujaobserver.example/b", "2025-03-10", observerStory},
		[3]string{"https://northerntimes.example/c", "2025-03-10", timesStory},
		[3]string{"https://regionalwire.example/d", "2025-03-11", "REGIONAL WIRE — " + heraldStory + "This story first appeared in the Lagos Herald.\n"},
		[3]string{"https://abujaobserver.example/e", "2025-03-10", mosqueStory},
	))
	db := filepath.Join(dir, "annals.db")
	out, _ := MustIngest(t, db, "", 0, batch)
	if !strings.Contains(out, "1 copies of others") {
		t.Errorf("summary does not count the syndicated copy:\n%s", out)
	}
	evs, err := MustOpenStore(t, db).Events(context.Background(), store.EventFilter{CAMEO: []string{"18", "19", "20"}})
	if err != nil {
		t.Fatal(err)
	}
	type attack struct {
		Place                      string
		Fatalities, Articles, Srcs int
	}
	var got []attack
	for _, e := range evs {
		if e.Fatalities == nil || e.Location == nil {
			continue
		}
		got = append(got, attack{e.Location.Name, *e.Fatalities, e.NumArticles, e.NumSources})
	}
	want := []attack{{"Zamfara State", 14, 4, 3}, {"Maiduguri", 5, 1, 1}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("attacks (-want +got):\n%s", diff)
	}
}

func TestIngestUsage(t *testing.T) {
	tests := []struct {
		name string
		args []string
	}{
		{"bad progress", []string{"--progress", "sometimes"}},
		{"no batch", []string{"--batch", "0"}},
		{"no workers", []string{"--workers", "0"}},
		{"unknown flag", []string{"--dsn", "x"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db := filepath.Join(t.TempDir(), "annals.db")
			if _, errs, code := MustRun(t, "", append([]string{"ingest", "--db", db}, tt.args...)...); code != 2 {
				t.Errorf("exit %d, want 2; stderr:\n%s", code, errs)
			}
		})
	}
}

func TestIngestNoMatch(t *testing.T) {
	db := filepath.Join(t.TempDir(), "annals.db")
	_, errs := MustIngest(t, db, "", 1, filepath.Join(t.TempDir(), "*.jsonl"))
	if !strings.Contains(errs, "no file matches the pattern") {
		t.Errorf("stderr does not report the empty glob:\n%s", errs)
	}
}

// synthetic returns a JSONL batch of n short reports in news style: attacks,
// marches, arrests and meetings in Nigerian cities over a month, by three
// outlets, every tenth a syndicated copy of the one before. Deterministic.
func synthetic(n int) string {
	r := rand.New(rand.NewPCG(7, 11))
	places := []string{"Kano", "Lagos", "Abuja", "Maiduguri", "Kaduna", "Jos", "Sokoto", "Ibadan", "Enugu", "Port Harcourt"}
	days := []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}
	templates := []string{
		"Gunmen killed %[1]d villagers in an attack near %[2]s on %[3]s, police said. The attackers fled on motorcycles, a police spokesman said.",
		"Hundreds of traders marched through %[2]s on %[3]s to protest against new market taxes. The state governor said he would meet %[1]d of their leaders.",
		"Police arrested %[1]d protesters in %[2]s on %[3]s after a march against fuel prices turned violent.",
		"The governor met %[1]d union leaders in %[2]s on %[3]s to discuss a strike by teachers, his office said.",
	}
	outlets := []string{"lagosherald", "abujaobserver", "northerntimes"}
	var docs [][3]string
	for i := range n {
		published := time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, i*30/n).Format(time.DateOnly)
		if i%10 == 9 {
			prev := docs[i-1]
			docs = append(docs, [3]string{fmt.Sprintf("https://regionalwire.example/%d", i), prev[1], "REGIONAL WIRE — " + prev[2] + " Reproduced with permission."})
			continue
		}
		text := fmt.Sprintf(templates[r.IntN(len(templates))], 2+r.IntN(40), places[r.IntN(len(places))], days[r.IntN(len(days))])
		docs = append(docs, [3]string{fmt.Sprintf("https://%s.example/news/%d", outlets[r.IntN(len(outlets))], i), published, text})
	}
	return jsonl(docs...)
}

// killEnv carries the arguments of the ingest a TestIngestKill child runs.
const killEnv = "ANNALS_TEST_INGEST_KILL"

// eventSummary is what TestIngestKill compares of every event.
type eventSummary struct {
	Root, Date, Place                  string
	Mentions, Articles, Sources, Fatal int
}

func eventSummaries(tb testing.TB, db string) []eventSummary {
	tb.Helper()
	evs, err := MustOpenStore(tb, db).Events(context.Background(), store.EventFilter{})
	if err != nil {
		tb.Fatal(err)
	}
	var out []eventSummary
	for _, e := range evs {
		x := eventSummary{Root: e.Root, Date: e.Date.String(), Mentions: e.NumMentions, Articles: e.NumArticles, Sources: e.NumSources}
		if e.Location != nil {
			x.Place = e.Location.Name
		}
		if e.Fatalities != nil {
			x.Fatal = *e.Fatalities
		}
		out = append(out, x)
	}
	return out
}

// TestIngestKill runs the real ingest in a child process (this test
// binary, re-run), kills it with SIGKILL once about half the documents are
// committed, runs the ingest again, and checks that the store ends as a
// clean run's does: the same counts, the same events with the same
// mentions, articles and sources.
func TestIngestKill(t *testing.T) {
	if env := os.Getenv(killEnv); env != "" {
		var args []string
		if err := json.Unmarshal([]byte(env), &args); err != nil {
			t.Fatal(err)
		}
		m := main.NewMain()
		os.Exit(m.ExitCode(m.Run(context.Background(), args)))
	}
	if testing.Short() {
		t.Skip("crash test skipped in short mode")
	}
	// The child is killed a quarter of the way in, leaving it far more
	// work than the poll interval. A machine loaded by other tests can
	// still let it finish first (or finish while we read the store): then
	// the run is repeated on a corpus four times larger.
	dir := t.TempDir()
	var (
		n       int
		corpus  string
		killed  string
		atKill  int64
		stopped bool
	)
	for try, size := range []int{2400, 9600, 38400} {
		n = size
		corpus = writeFile(t, dir, fmt.Sprintf("corpus%d.jsonl", try), synthetic(n))
		killed = filepath.Join(dir, fmt.Sprintf("killed%d.db", try))
		if atKill, stopped = killChild(t, killed, corpus, n); stopped {
			break
		}
		t.Logf("the child finished %d documents before the kill; trying a larger corpus", n)
	}
	if !stopped {
		t.Fatal("the child always finished before it could be killed")
	}
	before := MustStats(t, killed).Documents
	t.Logf("killed the child with %d of %d documents stored (%d seen before the kill)", before, n, atKill)

	out, _ := MustIngest(t, killed, "", 0, corpus)
	if got, want := counts(t, out), [3]int{n, n - int(before), int(before)}; got != want {
		t.Errorf("rerun read, stored, skipped %v, want %v", got, want)
	}
	again := MustStats(t, killed)

	clean := filepath.Join(dir, "clean.db")
	MustIngest(t, clean, "", 0, corpus)
	if got, want := again, MustStats(t, clean); got != want {
		t.Errorf("killed and rerun: %+v; a clean run: %+v", got, want)
	}
	if diff := cmp.Diff(eventSummaries(t, clean), eventSummaries(t, killed)); diff != "" {
		t.Errorf("events of a clean run (-) and of a killed and rerun one (+):\n%s", diff)
	}
}

// killChild runs the ingest of corpus (n documents) into db in a child
// process and kills it once a quarter of the documents are stored. It
// returns how many were stored when it was killed, or false when the
// child exited on its own first.
func killChild(t *testing.T, db, corpus string, n int) (int64, bool) {
	t.Helper()
	args := []string{"ingest", "--db", db, "--batch", "8", "--progress", "never", corpus}
	cmd := exec.Command(os.Args[0], "-test.run=^TestIngestKill$", "-test.count=1")
	env, _ := json.Marshal(args)
	cmd.Env = append(os.Environ(), killEnv+"="+string(env))
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	var s store.Store
	defer func() {
		if s != nil {
			s.Close()
		}
	}()
	deadline := time.Now().Add(2 * time.Minute)
	for time.Now().Before(deadline) {
		select {
		case err := <-exited:
			if err != nil {
				t.Fatalf("child failed (%v) before the kill; stderr:\n%s", err, stderr.String())
			}
			return 0, false
		case <-time.After(20 * time.Millisecond):
		}
		if s == nil {
			if _, err := os.Stat(db); err != nil {
				continue
			}
			var err error
			if s, err = sqlite.Open(context.Background(), db, sqlite.Options{}); err != nil {
				continue // the child is creating it
			}
		}
		st, err := s.Stats(context.Background())
		if err == nil && st.Documents >= int64(n/4) {
			err := cmd.Process.Kill()
			if errors.Is(err, os.ErrProcessDone) {
				<-exited
				return 0, false
			}
			if err != nil {
				t.Fatalf("kill child: %v", err)
			}
			<-exited
			return st.Documents, true
		}
	}
	cmd.Process.Kill()
	<-exited
	t.Fatalf("child did not store a quarter of the documents in time; stderr:\n%s", stderr.String())
	return 0, false
}
