package event

import "time"

// A BlockKind says what part of a page a Block was.
type BlockKind string

// The kinds of block a reader or extractor produces.
const (
	BlockTitle     BlockKind = "title"
	BlockHeading   BlockKind = "heading"
	BlockParagraph BlockKind = "paragraph"
	BlockListItem  BlockKind = "list_item"
	BlockQuote     BlockKind = "blockquote"
	BlockCaption   BlockKind = "caption"   // a figure or photo caption
	BlockPost      BlockKind = "post"      // an embedded social-media post
	BlockSignature BlockKind = "signature" // the signature line of an embedded post
	BlockByline    BlockKind = "byline"
)

// A Block is a paragraph-like unit of an Article's Text: a paragraph, a
// caption, an embedded post, a heading. Blocks do not overlap, are sorted by
// Span.Start, and sentences never cross a block boundary.
type Block struct {
	Kind BlockKind `json:"kind"`
	Span Span      `json:"span"`
	// Credit is the photo credit of a caption ("Pavel Mikheyev/Reuters").
	Credit string `json:"credit,omitempty"`
	// Author, Handle and Date describe an embedded post, from its signature
	// line ("— Name (@handle) January 6, 2022").
	Author string `json:"author,omitempty"`
	Handle string `json:"handle,omitempty"`
	Date   Date   `json:"date,omitzero"`
}

// An Article is one document: a news story, a feed item, a page of a WARC
// file. Readers fill it; every later stage refers to its Text by Span.
type Article struct {
	ID    string `json:"id"`
	URL   string `json:"url,omitempty"`
	Title string `json:"title,omitempty"`
	// Byline names the author(s) as the page gives them.
	Byline string `json:"byline,omitempty"`
	// Published is the publication date, zero when unknown.
	Published Date `json:"published"`
	// PublishedAt is the publication instant when the source gives a time
	// of day as well (feeds, WARC, meta tags).
	PublishedAt time.Time `json:"published_at,omitzero"`
	// Anchor is the date relative expressions in the text resolve against;
	// AnchorSource says where it came from (see AnchorSource constants).
	Anchor       Date   `json:"anchor"`
	AnchorSource string `json:"anchor_source,omitempty"`
	// Source names where the document was read: a file, file:line for a
	// JSONL batch, a WARC record's offset.
	Source string `json:"source,omitempty"`
	// Text is the extracted plain text. Blocks are separated by "\n".
	Text   string  `json:"text,omitempty"`
	Blocks []Block `json:"blocks,omitempty"`
	// Repairs lists what the reader had to fix in the input (invalid
	// UTF-8 replaced, for instance); never silent.
	Repairs []string `json:"repairs,omitempty"`
}

// Where an Article's anchor date came from.
const (
	AnchorPublished = "published" // the document's own metadata
	AnchorFlag      = "flag"      // --published on the command line
	AnchorText      = "text"      // the latest fully specified date in the text
	AnchorNone      = "none"      // nothing found: the anchor is zero
)
