// Command build bundles the dashboard's front end: it reads web/src/app.js
// and the npm packages installed in web/node_modules (run `npm ci` in web/
// first) and writes internal/web/static/dist/app.js and app.css, which
// package web embeds when annals is next built. It uses esbuild's Go API,
// so no Node.js runs at build time:
//
//	(cd web && npm ci) && go run ./internal/web/build && go build ./cmd/annals
//
// The bundle also gets a generated module, "annals:data", holding the
// country names and ISO numeric codes of internal/export/data/countries.tsv
// (the map's countries carry numeric IDs) and the CAMEO code names of
// package cameo, so the scripts and the Go pages name things alike.
//
// Flags: -root names the repository (default: the folder holding go.mod
// above the working directory); -sourcemap adds app.js.map; -dev skips
// minification.
package main
