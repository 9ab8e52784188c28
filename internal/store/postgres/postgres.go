package postgres

import (
	"context"
	"embed"
	"fmt"
	"io/fs"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/annals-project/annals/internal/store"
	"github.com/annals-project/annals/internal/store/sqlq"
	"github.com/annals-project/annals/internal/store/sqlrow"
)

//go:embed migrations/*.sql
var migrations embed.FS

// Options configures a Store. The zero value works.
type Options struct {
	// Now stamps Document.IngestedAt; nil means time.Now.
	Now func() time.Time
	// MaxConns caps the connection pool; 0 means pgxpool's default.
	MaxConns int32
}

// Store is a store.Store on a PostgreSQL database. Its reads are those of
// sqlq.Reader, on the pool.
type Store struct {
	*sqlq.Reader
	pool *pgxpool.Pool
	d    *sqlq.Dialect
	now  func() time.Time
	st   statements
}

var _ store.Store = (*Store)(nil)

// lockKey is the advisory lock that serializes writers ("annals").
const lockKey = 0x616e6e616c73

// Open connects to the PostgreSQL database named by dsn (a postgres://
// URL or a key=value string, as pgx reads them; a search_path parameter
// selects the schema) and applies any migration not yet applied.
func Open(ctx context.Context, dsn string, opts Options) (*Store, error) {
	pool, err := NewPool(ctx, dsn, opts.MaxConns)
	if err != nil {
		return nil, fmt.Errorf("open postgres: %w", err)
	}
	d := Dialect()
	s := &Store{Reader: sqlq.NewReader(d, Querier(pool)), pool: pool, d: d, now: opts.Now}
	if s.now == nil {
		s.now = time.Now
	}
	if err := s.migrate(ctx); err != nil {
		pool.Close()
		return nil, fmt.Errorf("open postgres: %w", err)
	}
	var docSeq, eventSeq, mentionSeq string
	if err := pool.QueryRow(ctx, `SELECT pg_get_serial_sequence('documents', 'id'),
		pg_get_serial_sequence('events', 'id'), pg_get_serial_sequence('mentions', 'id')`).
		Scan(&docSeq, &eventSeq, &mentionSeq); err != nil {
		pool.Close()
		return nil, fmt.Errorf("open postgres: sequences: %w", err)
	}
	s.st = newStatements(docSeq, eventSeq, mentionSeq)
	return s, nil
}

// Close closes the connection pool.
func (s *Store) Close() error {
	s.pool.Close()
	return nil
}

// NewPool connects to the database named by dsn, as Open reads it, with
// a pool of at most maxConns connections (0: pgxpool's default).
func NewPool(ctx context.Context, dsn string, maxConns int32) (*pgxpool.Pool, error) {
	cfg, err := pgxpool.ParseConfig(dsn)
	if err != nil {
		return nil, err
	}
	if maxConns > 0 {
		cfg.MaxConns = maxConns
	}
	return pgxpool.NewWithConfig(ctx, cfg)
}

// migrate applies the embedded migrations not yet recorded in the
// migrations table, each under the writers' lock.
func (s *Store) migrate(ctx context.Context) error {
	fsys, err := fs.Sub(migrations, "migrations")
	if err != nil {
		return fmt.Errorf("migrations: %w", err)
	}
	return Migrate(ctx, s.pool, lockKey, fsys, "migrations", s.now)
}

// Migrate applies the migrations in fsys not yet recorded in table with
// sqlq.Dialect.Migrate, each in a transaction holding the advisory lock
// key, so that concurrent Opens of a new schema create the table and apply
// each migration once. The alert store migrates its tables with it.
func Migrate(ctx context.Context, pool *pgxpool.Pool, key int64, fsys fs.FS, table string, now func() time.Time) error {
	return Dialect().Migrate(ctx, lockedDB{pool, key}, fsys, table, now)
}

// lockedDB runs the transactions of sqlq.Dialect.Migrate with InLock.
type lockedDB struct {
	pool *pgxpool.Pool
	key  int64
}

func (db lockedDB) InTx(ctx context.Context, fn func(sqlq.Tx) error) error {
	return InLock(ctx, db.pool, db.key, func(tx pgx.Tx) error { return fn(migrateTx{tx}) })
}

// migrateTx is a pgx.Tx as a sqlq.Tx.
type migrateTx struct{ tx pgx.Tx }

func (t migrateTx) Exec(ctx context.Context, query string, args ...any) error {
	_, err := t.tx.Exec(ctx, query, args...)
	return err
}

func (t migrateTx) QueryRow(ctx context.Context, query string, args ...any) sqlrow.Scanner {
	return t.tx.QueryRow(ctx, query, args...)
}

// inLock runs fn in a transaction holding the writers' advisory lock,
// committing if fn returns nil.
func (s *Store) inLock(ctx context.Context, fn func(pgx.Tx) error) error {
	return InLock(ctx, s.pool, lockKey, fn)
}

// InTx runs fn in a transaction on pool, committing if fn returns nil.
func InTx(ctx context.Context, pool *pgxpool.Pool, fn func(pgx.Tx) error) error {
	tx, err := pool.Begin(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback(context.WithoutCancel(ctx))
	if err := fn(tx); err != nil {
		return err
	}
	return tx.Commit(ctx)
}

// InLock runs fn in a transaction on pool that first takes the advisory
// lock key, committing if fn returns nil. The lock is held until the
// transaction ends.
func InLock(ctx context.Context, pool *pgxpool.Pool, key int64, fn func(pgx.Tx) error) error {
	return InTx(ctx, pool, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1)`, key); err != nil {
			return fmt.Errorf("lock: %w", err)
		}
		return fn(tx)
	})
}
