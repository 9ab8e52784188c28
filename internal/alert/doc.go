// Package alert tells analysts when a country departs from its own normal:
// it counts the stored events per country, event type and day, tests each
// day's count against the country's own trailing baseline, and keeps, feeds
// and delivers the alerts that test raises.
//
// The pieces, from data to delivery:
//
//   - Counts holds daily event counts per Cell (a country and an event type:
//     a CAMEO root, or an ACLED event type when the event has one) with the
//     day's total volume and the events that most sources reported. Tally
//     fills it from any store.Store.
//   - Detector tests one day of Counts. The expected count of a cell is its
//     trailing baseline rate scaled by the day's media volume (the events
//     of every other country that day, relative to their baseline) and by
//     the country's weekday factor; the day's count is tested with a
//     negative-binomial upper-tail p-value, and the p-values of all the
//     day's cells are corrected with Benjamini–Hochberg (or Bonferroni).
//     docs/alerts.md gives the formulas.
//   - Store keeps alerts (at most one per cell and day), webhook
//     Subscriptions by country and type, and the queue of Deliveries; the
//     sqlite and postgres subpackages implement it beside the event store,
//     and alerttest is the conformance suite both run.
//   - Webhook POSTs an alert as JSON with retries and exponential backoff;
//     Feed renders alerts as an Atom 1.0 document and FeedHandler serves it.
//   - Watcher ties them together: Once tallies, detects, stores the new
//     alerts and delivers what is queued; Run repeats Once on an interval.
//
// The package sits after the store, beside api and export: it reads events
// through the store.Store interface and never writes to the event tables.
// Nothing here starts a goroutine: Watcher.Run loops on the caller's
// goroutine until its context ends. Time comes from injected Now
// functions. A Detector, Webhook or FeedConfig is read-only once built and
// safe for concurrent use; a Counts is not safe for concurrent writes.
package alert
