// Package date finds and resolves dates in news text against an explicit
// anchor: the document's publication date, or failing that the latest fully
// specified date its text gives.
//
// Nothing here reads the clock: every relative expression resolves against
// the anchor the caller passes. Functions are pure and safe for concurrent
// use.
package date
