// Package api serves the store over HTTP as JSON: the deduplicated events
// with the filters of `annals query`, each event with its mentions and their
// evidence sentences, quotes, actors, timelines, GeoJSON for maps, store
// statistics, and (when a bearer token is configured) ingestion of new
// documents through the coding pipeline.
//
// It sits at the outer edge of annals, beside cmd: a *Server's fields are
// interfaces (store.Store, a Pipeline, a store.Merger) that cmd wires.
// Handler returns the routes under /api/ and /healthz only, so that the
// dashboard can be mounted beside them at /. Serve runs any handler on a
// listener with timeouts and a graceful shutdown when its context ends.
//
// Every error reaches the client as {"error": {"code", "message"}} through
// one function, Error, which maps the store's sentinel errors to statuses
// and logs internal failures without showing them. The query-string parsers
// (ParseEventFilter and friends) are shared with the command line, which is
// how `annals query` and GET /api/events accept the same filters.
//
// A Server is safe for concurrent use once Handler has been called. See
// docs/api.md for the endpoints.
package api
