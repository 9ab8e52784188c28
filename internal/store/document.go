package store

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/annals-project/annals/internal/event"
)

// A Document is one coded article as the store keeps it: the article's
// metadata and text, its coded events (each becomes a Mention of some
// stored event) and its quotes. Article.Blocks and Article.Repairs are not
// stored.
//
// Stored times are UTC with microsecond precision; PutDocument rounds
// Article.PublishedAt down accordingly.
type Document struct {
	// ID is assigned by PutDocument.
	ID int64 `json:"id"`
	// Article is the document itself. Required.
	Article *event.Article `json:"document"`
	// Hash identifies the content: a document whose Hash is stored is
	// skipped. PutDocument fills it with ContentHash when empty.
	Hash string `json:"hash"`
	// Outlet names the publisher, by default the host name of the URL.
	Outlet string `json:"outlet,omitempty"`
	// Origin is the independent source the document counts as for an
	// event's num_sources; empty means Outlet. Deduplication gives a
	// reprint or syndicated copy the Origin of the article it copies, so
	// that it adds an article but not a source.
	Origin string `json:"origin,omitempty"`
	// IngestedAt is when the store received the document; PutDocument
	// sets it from the store's clock.
	IngestedAt time.Time `json:"ingested_at"`
	// Events are the coded reports in document order.
	Events []event.Event `json:"events"`
	// Quotes are the document's quotations in document order.
	Quotes []event.Quote `json:"quotes"`
	// Fingerprint is the deduplication fingerprint of the text, opaque to
	// the store (package dedup writes and reads it), so that rebuilding a
	// deduplication index reads it with Documents instead of every text.
	// Nil (or empty) means none was computed: documents stored before the
	// store had the column, or by a writer that does not fingerprint.
	Fingerprint []byte `json:"-"`
}

// NewDocument returns the Document for a coded article, with its content
// hash and outlet filled in. The document shares c's slices and article.
func NewDocument(c *event.Coded) *Document {
	d := &Document{Article: c.Document, Events: c.Events, Quotes: c.Quotes}
	if c.Document != nil {
		d.Hash = ContentHash(c.Document)
		d.Outlet = OutletOf(c.Document.URL)
	}
	return d
}

// ContentHash returns the hex SHA-256 of an article's URL and text. Two
// readings of the same page hash alike; the same text published at another
// URL is another document (a reprint that deduplication can recognise).
// Without a URL, the text alone decides.
func ContentHash(a *event.Article) string {
	h := sha256.New()
	h.Write([]byte("annals-doc-v1\x00"))
	h.Write([]byte(a.URL))
	h.Write([]byte{0})
	h.Write([]byte(a.Text))
	return hex.EncodeToString(h.Sum(nil))
}

// OutletOf returns the lower-case host name of a URL without a leading
// "www.", or "" when rawURL has no host.
func OutletOf(rawURL string) string {
	u, err := url.Parse(rawURL)
	if err != nil || u.Hostname() == "" {
		return ""
	}
	return strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
}

// OriginKey returns the independent-source key of the document: Origin,
// or Outlet when Origin is empty. A document with neither counts as a
// source of its own.
func (d *Document) OriginKey() string {
	if d.Origin != "" {
		return d.Origin
	}
	return d.Outlet
}

// Seen returns the instant the document counts as seen for first_seen and
// last_seen: its publication instant, else midnight UTC of its publication
// date, else IngestedAt.
func (d *Document) Seen() time.Time {
	a := d.Article
	switch {
	case a != nil && !a.PublishedAt.IsZero():
		return a.PublishedAt.UTC().Truncate(time.Microsecond)
	case a != nil && !a.Published.IsZero():
		return a.Published.Time()
	}
	return d.IngestedAt.UTC().Truncate(time.Microsecond)
}

// Validate reports whether d can be stored: it needs an article, and every
// span of its events and quotes must lie within the article's text. Errors
// wrap ErrInvalid.
func (d *Document) Validate() error {
	if d == nil || d.Article == nil {
		return fmt.Errorf("document without article: %w", ErrInvalid)
	}
	n := len(d.Article.Text)
	bad := func(what string, i int, s event.Span) error {
		return fmt.Errorf("document %q: %s %d: span %v outside text of %d bytes: %w", d.Article.ID, what, i, s, n, ErrInvalid)
	}
	for i := range d.Events {
		e := &d.Events[i]
		if !e.Span.Valid(n) {
			return bad("event", i, e.Span)
		}
		for _, a := range []*event.Actor{e.Source, e.Target} {
			if a != nil && !a.Span.Valid(n) {
				return bad("event actor", i, a.Span)
			}
		}
		if e.Location != nil && !e.Location.Span.Valid(n) {
			return bad("event location", i, e.Location.Span)
		}
	}
	for i := range d.Quotes {
		q := &d.Quotes[i]
		if !q.Span.Valid(n) {
			return bad("quote", i, q.Span)
		}
		if q.Speaker != nil && !q.Speaker.Span.Valid(n) {
			return bad("quote speaker", i, q.Speaker.Span)
		}
	}
	return nil
}

// PrepareDocuments readies a batch for writing, as PutDocuments does
// before it writes anything: it validates every document and fills in an
// empty Hash with ContentHash. The first invalid document stops it, with
// an error that wraps ErrInvalid.
func PrepareDocuments(docs []*Document) error {
	for _, d := range docs {
		if err := d.Validate(); err != nil {
			return fmt.Errorf("put document: %w", err)
		}
		if d.Hash == "" {
			d.Hash = ContentHash(d.Article)
		}
	}
	return nil
}

// PutResult says what PutDocument did.
type PutResult struct {
	// Document is the ID of the stored document: the new one, or the one
	// already stored with the same hash.
	Document int64 `json:"document"`
	// Skipped is true when a document with the same hash was already
	// stored; nothing was written.
	Skipped bool `json:"skipped"`
	// Mentions and Quotes count the rows added.
	Mentions int `json:"mentions"`
	Quotes   int `json:"quotes"`
	// NewEvents counts the events created; Merged counts the mentions
	// attached to an event that existed before this document.
	NewEvents int `json:"new_events"`
	Merged    int `json:"merged"`
}

// ActorKey returns the key an actor is counted under in the actors table:
// its code and its canonical name, or, for an actor with neither, its
// surface text as the name.
func ActorKey(a *event.Actor) (code, name string) {
	if a.Code == "" && a.Name == "" {
		return "", a.Text
	}
	return a.Code, a.Name
}

// Fold returns s in the case-folded form that substring filters compare:
// lower case, Unicode-aware.
func Fold(s string) string { return strings.ToLower(s) }
