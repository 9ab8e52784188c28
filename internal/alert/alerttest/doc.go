// Package alerttest is the conformance suite of alert.Store: one set of
// behavioural tests that every implementation (internal/alert/sqlite,
// internal/alert/postgres) runs against a new, empty store of its own,
// the way storetest serves the event stores.
//
// It holds test code only and is imported only by tests. Run calls
// t.Run once per case; the cases do not share stores and may run in
// parallel with other tests.
package alerttest
