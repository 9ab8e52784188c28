package alert

import (
	"bytes"
	"context"
	"encoding/xml"
	"fmt"
	"html"
	"log/slog"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// FeedConfig describes the Atom feed of alerts. The zero value works.
type FeedConfig struct {
	// Title is the feed's title; "" means "annals alerts".
	Title string
	// ID is the feed's permanent IRI; "" means "urn:annals:alerts". Entry
	// IDs are ID + ":" + the alert's key, path-escaped.
	ID string
	// Self is the feed's own URL, for its rel="self" link; FeedHandler
	// derives it from the request when empty.
	Self string
	// Link returns the URL of a page showing an alert, for the entry's
	// rel="alternate" link; nil means no link.
	Link func(*Alert) string
	// Now gives the feed's updated time when it has no entries; nil
	// means time.Now.
	Now func() time.Time
	// Limit caps FeedHandler's entries; 0 means 100, at most 1000.
	Limit int
	// Logger reports FeedHandler's store errors; nil discards them.
	Logger *slog.Logger
}

type atomFeed struct {
	XMLName   xml.Name      `xml:"http://www.w3.org/2005/Atom feed"`
	ID        string        `xml:"id"`
	Title     atomText      `xml:"title"`
	Updated   string        `xml:"updated"`
	Author    atomPerson    `xml:"author"`
	Generator atomGenerator `xml:"generator"`
	Links     []atomLink    `xml:"link"`
	Entries   []atomEntry   `xml:"entry"`
}

type atomText struct {
	Type string `xml:"type,attr,omitempty"`
	Body string `xml:",chardata"`
}

type atomPerson struct {
	Name string `xml:"name"`
}

type atomGenerator struct {
	URI  string `xml:"uri,attr,omitempty"`
	Body string `xml:",chardata"`
}

type atomLink struct {
	Rel  string `xml:"rel,attr,omitempty"`
	Type string `xml:"type,attr,omitempty"`
	Href string `xml:"href,attr"`
}

type atomCategory struct {
	Term   string `xml:"term,attr"`
	Scheme string `xml:"scheme,attr,omitempty"`
	Label  string `xml:"label,attr,omitempty"`
}

type atomEntry struct {
	ID         string         `xml:"id"`
	Title      atomText       `xml:"title"`
	Updated    string         `xml:"updated"`
	Published  string         `xml:"published"`
	Links      []atomLink     `xml:"link"`
	Categories []atomCategory `xml:"category"`
	Summary    atomText       `xml:"summary"`
	Content    atomText       `xml:"content"`
}

func atomTime(t time.Time) string { return t.UTC().Format(time.RFC3339) }

// Feed renders alerts as an Atom 1.0 document (RFC 4287), one entry per
// alert in the given order. The feed's updated time is the latest Created;
// every entry has an id, a title, updated and published times, the
// country and type as categories, a one-line summary and an HTML content
// listing the events that drove it. The feed's author is "annals".
func Feed(alerts []Alert, cfg FeedConfig) ([]byte, error) {
	f := atomFeed{
		ID:        cmpOr(cfg.ID, "urn:annals:alerts"),
		Title:     atomText{Type: "text", Body: cmpOr(cfg.Title, "annals alerts")},
		Author:    atomPerson{Name: "annals"},
		Generator: atomGenerator{Body: "annals"},
	}
	if cfg.Self != "" {
		f.Links = append(f.Links, atomLink{Rel: "self", Type: "application/atom+xml", Href: cfg.Self})
	}
	var updated time.Time
	for i := range alerts {
		a := &alerts[i]
		if a.Created.After(updated) {
			updated = a.Created
		}
		f.Entries = append(f.Entries, entry(a, &cfg, f.ID))
	}
	if updated.IsZero() {
		now := cfg.Now
		if now == nil {
			now = time.Now
		}
		updated = now()
	}
	f.Updated = atomTime(updated)
	var b bytes.Buffer
	b.WriteString(xml.Header)
	enc := xml.NewEncoder(&b)
	enc.Indent("", "  ")
	if err := enc.Encode(f); err != nil {
		return nil, fmt.Errorf("encode atom feed: %w", err)
	}
	b.WriteByte('\n')
	return b.Bytes(), nil
}

func entry(a *Alert, cfg *FeedConfig, feedID string) atomEntry {
	typ := a.TypeKey()
	if a.TypeName != "" && a.TypeName != a.Type {
		typ += " " + a.TypeName
	}
	e := atomEntry{
		ID: feedID + ":" + url.PathEscape(a.Key()),
		Title: atomText{Type: "text", Body: fmt.Sprintf("%s: %s surge on %s, %d events (expected %.1f)",
			a.Country, typ, a.Day, a.Count, a.Expected)},
		Updated:   atomTime(a.Created),
		Published: atomTime(a.Created),
		Categories: []atomCategory{
			{Term: a.Country, Scheme: "urn:iso:std:iso:3166:-1:alpha-3", Label: "country"},
			{Term: a.TypeKey(), Label: cmpOr(a.TypeName, a.Type)},
		},
		Summary: atomText{Type: "text", Body: a.Summary()},
		Content: atomText{Type: "html", Body: contentHTML(a)},
	}
	if cfg.Link != nil {
		if href := cfg.Link(a); href != "" {
			e.Links = append(e.Links, atomLink{Rel: "alternate", Type: "text/html", Href: href})
		}
	}
	return e
}

// contentHTML lists the alert's figures and events as an HTML fragment;
// the XML encoder escapes it once more as the content of a type="html"
// element.
func contentHTML(a *Alert) string {
	var b strings.Builder
	fmt.Fprintf(&b, "<p>%d events of %s in %s on %s; the baseline expected %.1f (mean %.1f a day over the window, weekday factor %.2f, volume factor %.2f). p = %.3g, corrected q = %.3g.</p>",
		a.Count, html.EscapeString(a.TypeKey()), html.EscapeString(a.Country), a.Day,
		a.Expected, a.Baseline, a.Weekday, a.Volume, a.P, a.Q)
	if len(a.Events) > 0 {
		b.WriteString("<ol>")
		for _, ev := range a.Events {
			b.WriteString("<li>")
			b.WriteString(html.EscapeString(ev.Text))
			fmt.Fprintf(&b, " <small>(event %d, CAMEO %s, %d sources", ev.ID, html.EscapeString(ev.CAMEO), ev.NumSources)
			if ev.Fatalities != nil {
				fmt.Fprintf(&b, ", %d killed", *ev.Fatalities)
			}
			if ev.Place != "" {
				b.WriteString(", " + html.EscapeString(ev.Place))
			}
			b.WriteString(")</small></li>")
		}
		b.WriteString("</ol>")
	}
	return b.String()
}

// A Lister lists stored alerts; Store is one.
type Lister interface {
	List(ctx context.Context, f Filter) ([]Alert, error)
}

// FeedHandler serves the Atom feed of the latest alerts of s, newest day
// first, to GET and HEAD requests, with conditional requests answered from
// the feed's updated time. The query parameters country (ISO alpha-3) and
// type (as ParseType reads it) filter the entries, and limit caps them; a
// bad parameter gets 400, a store error a logged 500.
func FeedHandler(s Lister, cfg FeedConfig) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		f, err := feedFilter(r.URL.Query(), cfg.Limit)
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		alerts, err := s.List(r.Context(), f)
		if err != nil {
			if cfg.Logger != nil {
				cfg.Logger.Error("alert feed", "err", err)
			}
			http.Error(w, "internal error", http.StatusInternalServerError)
			return
		}
		c := cfg
		if c.Self == "" {
			scheme := "http"
			if r.TLS != nil {
				scheme = "https"
			}
			c.Self = (&url.URL{Scheme: scheme, Host: r.Host, Path: r.URL.Path, RawQuery: r.URL.RawQuery}).String()
		}
		body, err := Feed(alerts, c)
		if err != nil {
			if cfg.Logger != nil {
				cfg.Logger.Error("alert feed", "err", err)
			}
			http.Error(w, "internal error", http.StatusInternalServerError)
			return
		}
		var modified time.Time
		for _, a := range alerts {
			if a.Created.After(modified) {
				modified = a.Created
			}
		}
		w.Header().Set("Content-Type", "application/atom+xml; charset=utf-8")
		http.ServeContent(w, r, "", modified, bytes.NewReader(body))
	})
}

// feedFilter reads the feed's query parameters.
func feedFilter(q url.Values, limit int) (Filter, error) {
	f := Filter{Limit: cmpOr(limit, 100)}
	if v := q.Get("country"); v != "" {
		c, err := ParseCountry(v)
		if err != nil {
			return f, err
		}
		f.Country = c
	}
	if v := q.Get("type"); v != "" {
		sc, t, err := ParseType(v)
		if err != nil {
			return f, err
		}
		f.Scheme, f.Type = sc, t
	}
	if v := q.Get("limit"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			return f, fmt.Errorf("limit %q: want a positive integer: %w", v, ErrInvalid)
		}
		f.Limit = n
	}
	f.Limit = min(f.Limit, 1000)
	return f, nil
}
