package postgres

import (
	"context"
	"embed"
	"fmt"
	"io/fs"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/annals-project/annals/internal/alert"
	"github.com/annals-project/annals/internal/alert/alertsql"
	storepostgres "github.com/annals-project/annals/internal/store/postgres"
	"github.com/annals-project/annals/internal/store/sqlq"
)

//go:embed migrations/*.sql
var migrations embed.FS

// Options configures a Store. The zero value works.
type Options struct {
	// Now stamps the applied migrations and new subscriptions; nil means
	// time.Now.
	Now func() time.Time
	// MaxConns caps the connection pool; 0 means pgxpool's default.
	MaxConns int32
}

// Store is an alert.Store on a PostgreSQL database. Its methods but Close
// are those of alertsql.Store, in PostgreSQL's dialect.
type Store struct {
	*alertsql.Store
	pool *pgxpool.Pool
}

var _ alert.Store = (*Store)(nil)

// lockKey is the advisory lock that serializes the alert store's writers
// ("alerts"): the migrations of concurrent Opens and the transactions of
// Add. The event store's writers take another.
const lockKey = 0x616c65727473

// Open connects to the PostgreSQL database named by dsn (a postgres://
// URL or a key=value string, as pgx reads them; a search_path parameter
// selects the schema) and creates or updates the alert tables.
func Open(ctx context.Context, dsn string, opts Options) (*Store, error) {
	pool, err := storepostgres.NewPool(ctx, dsn, opts.MaxConns)
	if err != nil {
		return nil, fmt.Errorf("open alerts: %w", err)
	}
	now := opts.Now
	if now == nil {
		now = time.Now
	}
	s := &Store{pool: pool}
	s.Store = alertsql.New(alertsql.Config{
		Dialect: storepostgres.Dialect(),
		Read:    newConn(pool),
		Write:   newConn(pool),
		InTx:    s.inTx,
		AddTx:   s.inLock,
		Now:     now,
		ByBytes: ` COLLATE "C"`,
		Text:    storable,
	})
	if err := migrate(ctx, pool, now); err != nil {
		pool.Close()
		return nil, fmt.Errorf("open alerts: %w", err)
	}
	return s, nil
}

// Close closes the connection pool.
func (s *Store) Close() error {
	s.pool.Close()
	return nil
}

// migrate applies the embedded migrations not yet recorded in
// alert_migrations with the event store's migration runner, each of its
// transactions holding lockKey, so that concurrent Opens of a new schema
// create the table and apply each migration once.
func migrate(ctx context.Context, pool *pgxpool.Pool, now func() time.Time) error {
	fsys, err := fs.Sub(migrations, "migrations")
	if err != nil {
		return fmt.Errorf("migrations: %w", err)
	}
	return storepostgres.Migrate(ctx, pool, lockKey, fsys, "alert_migrations", now)
}

// inTx runs fn in a transaction, committing if fn returns nil: that of
// Subscribe.
func (s *Store) inTx(ctx context.Context, fn func(alertsql.Conn) error) error {
	return storepostgres.InTx(ctx, s.pool, func(tx pgx.Tx) error { return fn(newConn(tx)) })
}

// inLock runs fn in a transaction that first takes lockKey, committing if
// fn returns nil: that of Add. Concurrent Adds whose batches share keys in
// differing orders would otherwise each wait, in INSERT … ON CONFLICT, for
// a key the other inserted first, and deadlock. Under the lock each Add
// sees every alert committed before it and waits for no row lock.
func (s *Store) inLock(ctx context.Context, fn func(alertsql.Conn) error) error {
	return storepostgres.InLock(ctx, s.pool, lockKey, func(tx pgx.Tx) error { return fn(newConn(tx)) })
}

// pgxConn is a pool or a transaction.
type pgxConn interface {
	Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error)
	Exec(ctx context.Context, sql string, args ...any) (pgconn.CommandTag, error)
}

// conn is a pool or a transaction as an alertsql.Conn.
type conn struct {
	sqlq.Querier
	c pgxConn
}

func newConn(c pgxConn) conn { return conn{storepostgres.Querier(c), c} }

func (c conn) Exec(ctx context.Context, query string, args ...any) (int64, error) {
	tag, err := c.c.Exec(ctx, query, args...)
	return tag.RowsAffected(), err
}

// storable returns s as a text column can hold it: valid UTF-8 without
// NUL, each run of invalid bytes and each NUL replaced by U+FFFD. A webhook's error
// can quote whatever a server sent.
func storable(s string) string {
	return strings.ReplaceAll(strings.ToValidUTF8(s, "\uFFFD"), "\x00", "\uFFFD")
}
