// Package date finds and resolves dates in news text against an explicit
// anchor: the document's publication date, or failing that the latest fully
// specified date its text gives.
//
// Anchor sets an Article's anchor; Absolute finds fully specified dates.
// Find returns every date expression of a span ("On 7 January", "last
// Tuesday", "two days ago", "earlier this week", "in March 2023"),
// resolved against the anchor with a Precision; Sentence picks the one that
// dates a clause's event. The event coder calls both per sentence, so they
// scan the text once, look words up in a table and allocate only the
// returned slice (Sentence allocates nothing).
//
// Nothing here reads the clock: every relative expression resolves against
// the anchor the caller passes. Functions are pure and safe for concurrent
// use.
package date
