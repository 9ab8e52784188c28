// Package export writes the deduplicated events of a store in the formats
// other event datasets use, so that tools built for them read ours:
//
//   - FormatGDELT: GDELT 2.0 event records ("*.export.CSV"), 61
//     tab-separated columns in GDELT's order and encodings;
//   - FormatGDELTMentions: GDELT 2.0 mentions records ("*.mentions.CSV"),
//     16 tab-separated columns, one row per coded report of an event;
//   - FormatACLED: a CSV file with ACLED's column names, for the events
//     that have an ACLED event type;
//   - FormatPLOVER: PLOVER JSON records, one a line, for the events that
//     have a PLOVER event type and an actor;
//   - FormatGeoJSON: a GeoJSON FeatureCollection of the events that have a
//     point location.
//
// The package sits after the store: it reads store.EventRecord and
// store.Mention values through the store.Store interface and writes bytes.
// How our fields map onto each format's (country codes, geographic types,
// ACLED interaction codes, PLOVER sectors) is documented on the functions
// that build each record and in docs/export.md. The lookup tables (ISO to
// FIPS 10-4 country codes, US states, CAMEO regions and religions) are
// embedded from data/, each file citing its sources.
//
// An Exporter is read-only once built and safe for concurrent use; each
// Export call keeps its own state.
package export
