#!/usr/bin/env bash
# run.sh runs the dashboard's browser test as CI does (docs/dashboard.md):
# it installs Debian's Chromium if it is missing (as root), the npm packages
# of web/ from the lockfile, bundles the front end with esbuild's Go API
# into internal/web/static/dist/, builds annals with the bundle embedded,
# ingests web/test/testdata/ and drives the dashboard headless. Screenshots
# go to docs/screenshots/.
#
#   web/test/run.sh                   the browser test
#   ANNALS_WEB_PERF=1 web/test/run.sh also paint times on 20,000 events
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"

chromium=${CHROMIUM:-/usr/bin/chromium}
if [[ ! -x $chromium ]]; then
	if [[ $(id -u) -ne 0 ]]; then
		echo "run.sh: no $chromium; install it with: apt-get install -y chromium" >&2
		exit 1
	fi
	apt-get update -qq
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi

(cd web && npm ci --no-audit --no-fund --loglevel=error)
go run ./internal/web/build

tmp=$(mktemp -d "${TMPDIR:-/tmp}/annals-web.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
CGO_ENABLED=0 go build -o "$tmp/annals" ./cmd/annals
export ANNALS_BIN="$tmp/annals"

tests=(web/test/dashboard.test.mjs)
if [[ ${ANNALS_WEB_PERF:-} == 1 ]]; then
	ANNALS_WEB_PERF_DB="$tmp/perf.db" go test -count=1 -run '^TestPerfStore$' ./internal/web/
	export ANNALS_WEB_PERF_DB="$tmp/perf.db"
	tests+=(web/test/perf.test.mjs)
fi
node --test --test-concurrency=1 "${tests[@]}"
