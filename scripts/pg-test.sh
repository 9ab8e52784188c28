#!/usr/bin/env bash
# pg-test.sh starts a throwaway PostgreSQL for tests: initdb into a temp
# directory, a server on 127.0.0.1 at a free port, one database, and its DSN
# in ANNALS_TEST_POSTGRES. The server is stopped and the directory removed
# on exit.
#
#   scripts/pg-test.sh CMD [ARG...]   run CMD with ANNALS_TEST_POSTGRES set;
#                                     exit with CMD's status
#   scripts/pg-test.sh                print the DSN and wait until interrupted
#
# Environment: PGBIN (default: the newest /usr/lib/postgresql/*/bin),
# PG_TEST_FSYNC=on to keep fsync (default off: faster, and the tests never
# crash the server itself). As root, the server runs as the postgres user.
set -euo pipefail

pgbin=${PGBIN:-}
if [[ -z $pgbin ]]; then
	for d in /usr/lib/postgresql/*/bin; do
		[[ -x $d/initdb ]] && pgbin=$d
	done
fi
if [[ -z $pgbin || ! -x $pgbin/initdb ]]; then
	echo "pg-test: no PostgreSQL found (set PGBIN; Debian: apt-get install postgresql)" >&2
	exit 1
fi

dir=$(mktemp -d "${TMPDIR:-/tmp}/annals-pg.XXXXXX")
as=()
if [[ $(id -u) -eq 0 ]]; then
	chown postgres: "$dir"
	if command -v runuser >/dev/null; then
		as=(runuser -u postgres --)
	else
		as=(su postgres -s /bin/sh -c '"$0" "$@"')
	fi
fi
pg() { "${as[@]}" "$@"; }

cleanup() {
	pg "$pgbin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
	rm -rf "$dir"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

pg "$pgbin/initdb" -D "$dir/data" -U annals -A trust -E UTF8 --locale=C.UTF-8 --no-sync >"$dir/initdb.log" 2>&1 || {
	cat "$dir/initdb.log" >&2
	exit 1
}

fsync=${PG_TEST_FSYNC:-off}
port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
started=
for _ in $(seq 20); do
	port=$((20000 + RANDOM % 30000))
	port_free "$port" || continue
	if pg "$pgbin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 \
		-o "-h 127.0.0.1 -p $port -k $dir -c fsync=$fsync -c synchronous_commit=$fsync -c full_page_writes=$fsync" \
		start >/dev/null; then
		started=1
		break
	fi
done
if [[ -z $started ]]; then
	echo "pg-test: server did not start" >&2
	cat "$dir/server.log" >&2 || true
	exit 1
fi
"$pgbin/createdb" -h 127.0.0.1 -p "$port" -U annals annals_test

export ANNALS_TEST_POSTGRES="postgres://annals@127.0.0.1:$port/annals_test?sslmode=disable"
echo "pg-test: PostgreSQL $("$pgbin/postgres" --version | awk '{print $3}') at $ANNALS_TEST_POSTGRES" >&2
if [[ $# -eq 0 ]]; then
	echo "export ANNALS_TEST_POSTGRES='$ANNALS_TEST_POSTGRES'"
	echo "pg-test: press Ctrl-C to stop" >&2
	while :; do sleep 3600; done
fi
set +e
"$@"
status=$?
exit $status
