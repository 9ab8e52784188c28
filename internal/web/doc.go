// Package web serves the annals dashboard: a world map of events, a
// timeline, filters, an event list, event pages with their evidence and
// actor pages. It sits beside package api at the edge of the system: cmd
// mounts Handler at "/" and the JSON API at /api/, which the dashboard's
// scripts call.
//
// Pages are rendered on the server with html/template from the templates
// embedded in the package, straight from a store.Store, so that they paint
// at once and work without JavaScript: the list, the event and actor pages
// and a timeline drawn as SVG are all in the HTML. The scripts, bundled from
// the npm packages of the repository's web/ folder into static/dist/ by
// `go run ./internal/web/build` and not committed, add the map, the
// brushable timeline and filtering without reloads. When static/dist/ is
// absent (a fresh clone that never ran the build) the pages say so and stay
// usable.
//
// Handler's result is safe for concurrent use; its templates are parsed once.
package web
