// Package extract turns an HTML page into an event.Article: its title,
// publication date, byline, and the main text as blocks (paragraphs,
// headings, figure captions, embedded posts) with byte spans into the
// article's Text. It also gives plain text the same block structure.
//
// Extraction is a pure function of its input; it starts no goroutines and
// is safe for concurrent use.
package extract
