package source_test

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"github.com/annals-project/annals/internal/source"
	"github.com/google/go-cmp/cmp"
)

func TestReadFeed(t *testing.T) {
	tests := []struct {
		file string
		want []doc
		has  [][]string // per item: substrings of its text
	}{{
		file: "rss.xml",
		want: []doc{{
			ID: "meridian-2024-0311-border", URL: "https://meridian.example/world/border-crossing-reopens",
			Title: "Border crossing reopens after six weeks", Byline: "Lena Haak", Source: "testdata/feed/rss.xml#1",
			Published: "2024-03-11", PublishedAt: "2024-03-11T07:15:00-05:00",
		}, {
			ID: "https://meridian.example/world/electoral-map", URL: "https://meridian.example/world/electoral-map",
			Title: "Parliament approves new electoral map", Source: "testdata/feed/rss.xml#2",
			Published: "2024-03-12", PublishedAt: "2024-03-12T16:40:00Z",
			Text: "Lawmakers in Norland voted 212 to 140 on Tuesday to approve a new electoral map that opposition parties say favours the ruling coalition.",
		}, {
			ID: "https://meridian.example/world/aid-convoy", URL: "https://meridian.example/world/aid-convoy",
			Title: "Aid convoy reaches besieged town", Source: "testdata/feed/rss.xml#3",
			Published: "2024-03-13", PublishedAt: "2024-03-13T11:00:00Z",
		}},
		has: [][]string{
			{"The main crossing between Ardena and Velsk reopened to trucks on Monday", "Drivers had waited in queues of up to 20 kilometres"},
			nil,
			{"A convoy of 14 trucks carrying food and medicine reached the besieged town of Kessin", "It was the first delivery to the town since January."},
		},
	}, {
		file: "atom.xml",
		want: []doc{{
			ID: "tag:herald.example,2024:fishermen-protest", URL: "https://herald.example/2024/04/fishermen-protest",
			Title: "Fishermen protest quota cuts in Port Aleno", Byline: "Tomas Irigo", Source: "testdata/feed/atom.xml#1",
			Published: "2024-04-01", PublishedAt: "2024-04-01T14:20:00+02:00",
		}, {
			ID: "tag:herald.example,2024:storm", URL: "https://herald.example/2024/04/storm",
			Title: "Storm damages power lines across the north", Source: "testdata/feed/atom.xml#2",
			Published: "2024-04-02", PublishedAt: "2024-04-02T08:05:00Z",
			Text: "About 40,000 homes were without power on Tuesday after a storm brought down lines across the northern provinces, the grid operator said.",
		}},
		has: [][]string{
			{"Hundreds of fishermen blocked the harbour of Port Aleno on Monday", "The fisheries minister said she would meet their representatives on Friday."},
			nil,
		},
	}, {
		file: "wire.json",
		want: []doc{{
			ID: "nw-5521", URL: "https://northwire.example/5521", Title: "Miners end sit-in at Kolvik pit", Byline: "Anja Rusk",
			Source: "testdata/feed/wire.json#1", Published: "2024-08-03", PublishedAt: "2024-08-03T19:45:00+03:00",
			Text: "Miners who had occupied the Kolvik pit for nine days ended their sit-in on Saturday after the owners agreed to pay wage arrears.",
		}},
	}}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			arts, errs := collect(t, source.Read(context.Background(), filepath.Join("testdata", "feed", tt.file), source.Options{}))
			if len(errs) > 0 {
				t.Fatalf("Read(%s) errors: %v", tt.file, errs)
			}
			var got []doc
			for i, a := range arts {
				full := i >= len(tt.has) || tt.has[i] == nil
				d := summary(a, full)
				if !full {
					d.Repairs = nil // the extractor's business
				}
				got = append(got, d)
				if !full {
					for _, s := range tt.has[i] {
						if !strings.Contains(a.Text, s) {
							t.Errorf("item %d text lacks %q; text:\n%s", i+1, s, a.Text)
						}
					}
					if strings.Contains(a.Text, "<p>") {
						t.Errorf("item %d text has markup: %q", i+1, a.Text)
					}
				}
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Read(%s) mismatch (-want +got):\n%s", tt.file, diff)
			}
		})
	}
}

// loopback starts a test server on 127.0.0.1 only.
func loopback(t *testing.T, h http.Handler) *httptest.Server {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := &httptest.Server{Listener: l, Config: &http.Server{Handler: h}}
	srv.Start()
	t.Cleanup(srv.Close)
	return srv
}

func TestFetch(t *testing.T) {
	page := newsPage("Court annuls mayoral election", "2024-07-02T08:00:00Z",
		"The constitutional court of Norland annulled the result of the mayoral election in Sorvik on Tuesday, citing irregularities at 40 polling stations.",
		"A new vote must be held within 60 days, the court said in its ruling.")
	mux := http.NewServeMux()
	mux.HandleFunc("/ok", func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("User-Agent") == "" {
			http.Error(w, "no user agent", http.StatusBadRequest)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, page)
	})
	mux.HandleFunc("/gone", func(w http.ResponseWriter, r *http.Request) { http.NotFound(w, r) })
	mux.HandleFunc("/pdf", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/pdf")
		fmt.Fprint(w, "%PDF-1.4 not a page")
	})
	mux.HandleFunc("/huge", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, "<html><body><p>"+strings.Repeat("Crowds gathered outside the court. ", 2000)+"</p></body></html>")
	})
	srv := loopback(t, mux)

	item := func(path, title, desc string) string {
		return "<item><title>" + title + "</title><link>" + srv.URL + path + "</link><description>" + desc + "</description><pubDate>Tue, 02 Jul 2024 09:00:00 GMT</pubDate></item>"
	}
	feed := `<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title><link>` + srv.URL + `</link>` +
		item("/ok", "Court annuls mayoral election", "Court annuls Sorvik vote.") +
		item("/gone", "Page removed", "The story was withdrawn by the publisher.") +
		item("/pdf", "Ruling published", "The full ruling was published as a document.") +
		item("/huge", "Crowds outside the court", "Crowds gathered outside the court.") +
		`</channel></rss>`

	opts := source.Options{Fetch: true, Client: srv.Client(), MaxBytes: 32 << 10}
	arts, errs := readString(t, "wire.xml", feed, opts)
	if len(arts) != 4 {
		t.Fatalf("got %d articles, want 4 (errors %v)", len(arts), errs)
	}

	var got []string
	for _, a := range arts {
		got = append(got, a.URL[len(srv.URL):]+" "+a.Published.String()+" "+a.Text)
	}
	want := []string{
		"/ok 2024-07-02 " + arts[0].Text,
		"/gone 2024-07-02 The story was withdrawn by the publisher.",
		"/pdf 2024-07-02 The full ruling was published as a document.",
		"/huge 2024-07-02 Crowds gathered outside the court.",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("fetched articles mismatch (-want +got):\n%s", diff)
	}
	if s := "citing irregularities at 40 polling stations."; !strings.Contains(arts[0].Text, s) {
		t.Errorf("fetched page text lacks %q: %q", s, arts[0].Text)
	}
	wantErrs := []string{"item 2: fetch", "404", "item 3: fetch", "not HTML", "item 4: fetch", "document too large"}
	all := strings.Join(errStrings(errs), "\n")
	for _, w := range wantErrs {
		if !strings.Contains(all, w) {
			t.Errorf("errors lack %q; errors:\n%s", w, all)
		}
	}
	if len(errs) != 3 {
		t.Errorf("got %d errors, want 3:\n%s", len(errs), all)
	}
	for _, err := range errs {
		var se *source.Error
		if !errors.As(err, &se) || se.Name != "wire.xml" {
			t.Errorf("error %v is not a *source.Error naming wire.xml", err)
		}
	}
}

func TestFetchCancelled(t *testing.T) {
	srv := loopback(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		t.Errorf("request made after cancel: %s", r.URL)
	}))
	feed := `<rss version="2.0"><channel><title>Wire</title><item><title>Talks</title><link>` + srv.URL +
		`/a</link><description>Talks ended.</description></item></channel></rss>`
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var errs []error
	for a, err := range source.ReadFrom(ctx, "wire.xml", strings.NewReader(feed), source.Options{Fetch: true, Client: srv.Client()}) {
		if a != nil {
			t.Errorf("article after cancel: %s", a.ID)
		}
		errs = append(errs, err)
	}
	if len(errs) != 1 || !errors.Is(errs[0], context.Canceled) {
		t.Errorf("errors = %v, want only context.Canceled", errs)
	}
}
