package postgres_test

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/annals-project/annals/internal/store"
	"github.com/annals-project/annals/internal/store/postgres"
	"github.com/annals-project/annals/internal/store/storetest"
)

// dsnEnv names the variable holding the DSN of a database the tests may
// create schemas in (scripts/pg-test.sh sets it).
const dsnEnv = "ANNALS_TEST_POSTGRES"

var schemas atomic.Int64

// MustSchema creates a fresh schema in the test database, drops it when tb
// ends, and returns a DSN whose search_path selects it. It skips tb when
// ANNALS_TEST_POSTGRES is unset.
func MustSchema(tb testing.TB) string {
	tb.Helper()
	base := os.Getenv(dsnEnv)
	if base == "" {
		tb.Skipf("%s not set; run under scripts/pg-test.sh", dsnEnv)
	}
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, base)
	if err != nil {
		tb.Fatalf("connect: %v", err)
	}
	name := fmt.Sprintf("annals_test_%d_%d", os.Getpid(), schemas.Add(1))
	if _, err := conn.Exec(ctx, "CREATE SCHEMA "+name); err != nil {
		tb.Fatalf("create schema: %v", err)
	}
	tb.Cleanup(func() {
		if _, err := conn.Exec(ctx, "DROP SCHEMA "+name+" CASCADE"); err != nil {
			tb.Errorf("drop schema: %v", err)
		}
		conn.Close(ctx)
	})
	return withSearchPath(tb, base, name)
}

func withSearchPath(tb testing.TB, dsn, schema string) string {
	if !strings.Contains(dsn, "://") {
		return dsn + " search_path=" + schema
	}
	u, err := url.Parse(dsn)
	if err != nil {
		tb.Fatalf("parse %s: %v", dsnEnv, err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}

// MustOpen opens the store at dsn and closes it when tb ends.
func MustOpen(tb testing.TB, dsn string) store.Store {
	tb.Helper()
	s, err := postgres.Open(context.Background(), dsn, postgres.Options{})
	if err != nil {
		tb.Fatalf("Open() = %v", err)
	}
	tb.Cleanup(func() {
		if err := s.Close(); err != nil {
			tb.Errorf("Close() = %v", err)
		}
	})
	return s
}

func newStore(tb testing.TB) store.Store { return MustOpen(tb, MustSchema(tb)) }

func TestConformance(t *testing.T) { storetest.Run(t, newStore) }

func TestKill(t *testing.T) { storetest.RunKill(t, MustSchema, MustOpen) }

func TestMigrateTwice(t *testing.T) {
	dsn := MustSchema(t)
	MustOpen(t, dsn)
	s := MustOpen(t, dsn) // applies nothing the second time
	if st, err := s.Stats(context.Background()); err != nil || st != (store.Stats{}) {
		t.Errorf("Stats() after reopening = %+v, %v; want an empty store", st, err)
	}
}

func BenchmarkPutDocument(b *testing.B) { storetest.Bench(b, newStore) }
