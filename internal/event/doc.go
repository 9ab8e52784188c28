// Package event holds the domain vocabulary that every stage of annals
// shares: the Article a reader produces, the Spans that point into its text,
// the Sentences the segmenter finds, and the Events, Actors, Locations,
// Quotes and Entities the coder emits.
//
// The package is a leaf: it imports no other internal package. Its JSON tags
// are the output contract of `annals code --format json` (docs/format.md).
// Values are plain data; a value that is not being modified is safe for
// concurrent reads.
package event
