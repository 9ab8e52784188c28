package pgtest

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/jackc/pgx/v5"
)

// DSNEnv names the variable holding the DSN of a database the tests may
// create schemas in (scripts/pg-test.sh sets it).
const DSNEnv = "ANNALS_TEST_POSTGRES"

var schemas atomic.Int64

// MustSchema creates a fresh schema, named prefix and a number unique to
// the process, in the test database, drops it when tb ends, and returns a
// DSN whose search_path selects it. It skips tb when DSNEnv is unset.
func MustSchema(tb testing.TB, prefix string) string {
	tb.Helper()
	base := os.Getenv(DSNEnv)
	if base == "" {
		tb.Skipf("%s not set; run under scripts/pg-test.sh", DSNEnv)
	}
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, base)
	if err != nil {
		tb.Fatalf("connect: %v", err)
	}
	name := fmt.Sprintf("%s_%d_%d", prefix, os.Getpid(), schemas.Add(1))
	if _, err := conn.Exec(ctx, "CREATE SCHEMA "+name); err != nil {
		tb.Fatalf("create schema: %v", err)
	}
	tb.Cleanup(func() {
		if _, err := conn.Exec(ctx, "DROP SCHEMA "+name+" CASCADE"); err != nil {
			tb.Errorf("drop schema: %v", err)
		}
		conn.Close(ctx)
	})
	dsn, err := WithSearchPath(base, name)
	if err != nil {
		tb.Fatalf("parse %s: %v", DSNEnv, err)
	}
	return dsn
}

// WithSearchPath returns dsn, a postgres:// URL or a key=value string,
// with a search_path parameter that selects schema.
func WithSearchPath(dsn, schema string) (string, error) {
	if !strings.Contains(dsn, "://") {
		return dsn + " search_path=" + schema, nil
	}
	u, err := url.Parse(dsn)
	if err != nil {
		return "", err
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String(), nil
}
