package source

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/annals-project/annals/internal/event"
	"github.com/mmcdole/gofeed"
)

// isXMLFeed reports whether head starts an RSS, RDF or Atom document.
func isXMLFeed(head []byte) bool {
	switch gofeed.DetectFeedType(bytes.NewReader(head)) {
	case gofeed.FeedTypeRSS, gofeed.FeedTypeAtom:
		return true
	}
	return false
}

// readFeed reads an RSS, Atom or JSON feed: one article per item.
func (r *reader) readFeed(in io.Reader) {
	data, ok := r.readAll(in)
	if !ok {
		return
	}
	feed, err := gofeed.NewParser().Parse(bytes.NewReader(data))
	if err != nil {
		r.fail(-1, 0, fmt.Errorf("parse feed: %w", err))
		return
	}
	if len(feed.Items) == 0 {
		r.fail(-1, 0, fmt.Errorf("%w: feed has no items", ErrEmpty))
		return
	}
	for i, it := range feed.Items {
		if it == nil {
			continue
		}
		if !r.feedItem(i+1, it) {
			return
		}
	}
}

// feedItem reads the n-th item of a feed and reports whether to go on.
func (r *reader) feedItem(n int, it *gofeed.Item) bool {
	if err := r.ctx.Err(); err != nil {
		return r.fail(-1, 0, err)
	}
	link := strings.TrimSpace(it.Link)
	var a *event.Article
	if r.opts.Fetch && link != "" {
		page, err := r.fetch(link)
		if err != nil {
			if !r.fail(-1, 0, fmt.Errorf("item %d: fetch %s: %w (using the feed's text)", n, link, err)) {
				return false
			}
		} else {
			a = page
		}
	}
	if a == nil {
		body := it.Content
		if strings.TrimSpace(body) == "" {
			body = it.Description
		}
		var err error
		if a, err = textArticle(body, looksHTML(body), link); err != nil {
			if errors.Is(err, ErrEmpty) {
				err = fmt.Errorf("%w: item has no text", ErrEmpty)
			}
			return r.fail(-1, 0, fmt.Errorf("item %d: %w", n, err))
		}
	}
	a.Source = fmt.Sprintf("%s#%d", r.name, n)
	a.ID = firstNonEmpty(strings.TrimSpace(it.GUID), link, a.Source)
	a.URL = firstNonEmpty(link, a.URL)
	a.Title = firstNonEmpty(strings.TrimSpace(it.Title), a.Title)
	var names []string
	for _, p := range it.Authors {
		if p != nil && strings.TrimSpace(p.Name) != "" {
			names = append(names, strings.TrimSpace(p.Name))
		}
	}
	if len(names) > 0 {
		a.Byline = strings.Join(names, ", ")
	}
	if t := it.PublishedParsed; t != nil && !t.IsZero() {
		a.PublishedAt = withZone(*t, it.Published)
	} else if t := it.UpdatedParsed; t != nil && !t.IsZero() {
		a.PublishedAt = withZone(*t, it.Updated)
	}
	if !a.PublishedAt.IsZero() {
		a.Published = event.DateOf(a.PublishedAt)
	}
	return r.emit(a)
}

func firstNonEmpty(s ...string) string {
	for _, v := range s {
		if v != "" {
			return v
		}
	}
	return ""
}

// fetch downloads a feed item's page and extracts its article.
func (r *reader) fetch(link string) (*event.Article, error) {
	u, err := url.Parse(link)
	if err != nil {
		return nil, err
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return nil, fmt.Errorf("unsupported scheme %q", u.Scheme)
	}
	req, err := http.NewRequestWithContext(r.ctx, http.MethodGet, link, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("User-Agent", "annals (news event coder)")
	req.Header.Set("Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1")
	resp, err := r.opts.Client.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return nil, fmt.Errorf("HTTP status %s", resp.Status)
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, r.opts.MaxBytes+1))
	if err != nil {
		return nil, fmt.Errorf("read body: %w", err)
	}
	if int64(len(body)) > r.opts.MaxBytes {
		return nil, fmt.Errorf("%w: over %d bytes", ErrTooLarge, r.opts.MaxBytes)
	}
	ct := resp.Header.Get("Content-Type")
	if ct == "" {
		ct = http.DetectContentType(body)
	}
	if !isHTMLType(ct) {
		return nil, fmt.Errorf("content type %q is not HTML", ct)
	}
	return extractHTML(body, link, ct)
}

// isHTMLType reports whether a Content-Type names an HTML page.
func isHTMLType(ct string) bool {
	mt, _, err := mime.ParseMediaType(ct)
	if err != nil {
		mt, _, _ = strings.Cut(strings.ToLower(ct), ";")
		mt = strings.TrimSpace(mt)
	}
	return mt == "text/html" || mt == "application/xhtml+xml"
}

// feedTimeLayouts are the usual forms of RSS and Atom dates with a
// numeric zone.
var feedTimeLayouts = []string{
	time.RFC3339,
	time.RFC1123Z,
	"Mon, 2 Jan 2006 15:04:05 -0700",
	"Mon, 02 Jan 2006 15:04 -0700",
	"Mon, 2 Jan 2006 15:04 -0700",
	"02 Jan 2006 15:04:05 -0700",
	"2 Jan 2006 15:04:05 -0700",
	"2006-01-02T15:04:05-0700",
}

// withZone gives t, which the feed parser converted to UTC, back the zone
// written in raw, so that the publication date is the publisher's own. It
// returns t unchanged when raw does not parse to the same instant.
func withZone(t time.Time, raw string) time.Time {
	raw = strings.TrimSpace(raw)
	for _, layout := range feedTimeLayouts {
		if z, err := time.Parse(layout, raw); err == nil && z.Equal(t) {
			return z
		}
	}
	return t
}
