package store

import (
	"time"

	"github.com/annals-project/annals/internal/event"
)

// An EventRecord is one deduplicated real-world event. Its Event fields are
// those of its first stored mention (its representative report), except
// Fatalities, Injuries and Crowd, which hold the highest figure any of its
// mentions gave. The JSON encoding flattens Event's fields into the record.
type EventRecord struct {
	ID int64 `json:"id"`
	event.Event
	// DocumentID is the document of the representative mention.
	DocumentID int64 `json:"document_id"`
	// NumMentions counts the event's mentions; NumArticles the distinct
	// documents they are in; NumSources the distinct independent sources
	// (Document.OriginKey) of those documents.
	NumMentions int `json:"num_mentions"`
	NumArticles int `json:"num_articles"`
	NumSources  int `json:"num_sources"`
	// FirstSeen and LastSeen are the earliest and latest Document.Seen of
	// the documents that mention the event.
	FirstSeen time.Time `json:"first_seen"`
	LastSeen  time.Time `json:"last_seen"`
}

// A Mention is one coded report of an event: the event.Event as the coder
// found it in one sentence of one document, with the document's metadata.
type Mention struct {
	ID         int64 `json:"id"`
	EventID    int64 `json:"event_id"`
	DocumentID int64 `json:"document_id"`
	// Index is the position of the report among its document's events.
	Index int `json:"index"`
	event.Event
	// URL, Title, Outlet, Origin and Seen are copied from the document on
	// reading; Origin is the document's OriginKey.
	URL    string    `json:"url,omitempty"`
	Title  string    `json:"title,omitempty"`
	Outlet string    `json:"outlet,omitempty"`
	Origin string    `json:"origin,omitempty"`
	Seen   time.Time `json:"seen"`
	// Anchor and AnchorSource are the document's (event.Article's): the
	// date the report was written when AnchorSource is
	// event.AnchorPublished or event.AnchorFlag, the earliest it can have
	// been written when it is event.AnchorText, and zero with
	// event.AnchorNone. Unlike Seen, which is the ingest time of a
	// document without a publication date, they tell a report written on
	// the day from a later one recalling the event.
	Anchor       event.Date `json:"anchor,omitzero"`
	AnchorSource string     `json:"anchor_source,omitempty"`
}

// A QuoteRecord is a stored quotation with its document's metadata.
type QuoteRecord struct {
	ID         int64 `json:"id"`
	DocumentID int64 `json:"document_id"`
	// Index is the position of the quote among its document's quotes.
	Index int `json:"index"`
	event.Quote
	URL   string    `json:"url,omitempty"`
	Title string    `json:"title,omitempty"`
	Seen  time.Time `json:"seen"`
}

// An ActorRecord is an actor as seen across documents: a source or target of
// a mention or the speaker of a quote, counted under ActorKey.
type ActorRecord struct {
	Code string `json:"code"`
	Name string `json:"name"`
	// Text, Country and Role are those of the first occurrence stored.
	Text    string `json:"text"`
	Country string `json:"country"`
	Role    string `json:"role"`
	// Count is the number of mentions and quotes the actor occurs in.
	Count     int       `json:"count"`
	FirstSeen time.Time `json:"first_seen"`
	LastSeen  time.Time `json:"last_seen"`
}

// Stats counts the rows of each kind in a store.
type Stats struct {
	Documents int64 `json:"documents"`
	Events    int64 `json:"events"`
	Mentions  int64 `json:"mentions"`
	Quotes    int64 `json:"quotes"`
	Actors    int64 `json:"actors"`
}

// A TimelinePoint counts the events of one period.
type TimelinePoint struct {
	// Start is the first day of the period.
	Start event.Date `json:"start"`
	// Events counts events dated in the period; Mentions sums their
	// mentions; Fatalities sums their highest fatality figures.
	Events     int `json:"events"`
	Mentions   int `json:"mentions"`
	Fatalities int `json:"fatalities"`
}
