// Package sharedtest finds the third-party test data kept beside the
// repository in ../shared (corpora, gold sets, dictionaries) for tests and
// benchmarks, and skips them when it is absent: a fresh clone has none.
// It is imported by tests only.
package sharedtest
