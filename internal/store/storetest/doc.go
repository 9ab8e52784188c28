// Package storetest is the conformance suite every store.Store must pass,
// run by the sqlite and postgres packages against their own stores:
//
//	func TestConformance(t *testing.T) { storetest.Run(t, newStore) }
//
// It also holds the crash test (RunKill: a writer process killed with
// SIGKILL half way through an ingest), the PutDocument benchmark (Bench),
// the consistency check both use (Check), and the documents they store:
// a small hand-written news corpus (Corpus) and a deterministic synthetic
// one (Synthetic). All text here is written for these tests.
package storetest
