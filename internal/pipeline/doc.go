// Package pipeline runs the stages of annals over a stream of articles:
// anchor date, sentence segmentation, entity and event coding. It is the
// only package that starts worker goroutines; the stages it calls are plain
// synchronous code.
package pipeline
