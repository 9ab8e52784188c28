package postgres

import (
	"context"
	"embed"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/annals-project/annals/internal/store"
	"github.com/annals-project/annals/internal/store/sqlq"
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

// Store is a store.Store on a PostgreSQL database.
type Store struct {
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
	cfg, err := pgxpool.ParseConfig(dsn)
	if err != nil {
		return nil, fmt.Errorf("open postgres: %w", err)
	}
	if opts.MaxConns > 0 {
		cfg.MaxConns = opts.MaxConns
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("open postgres: %w", err)
	}
	s := &Store{pool: pool, d: dialect(), now: opts.Now}
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

// migrate applies the embedded migrations not yet recorded in the
// migrations table, in lexical order, one transaction each.
func (s *Store) migrate(ctx context.Context) error {
	if err := s.inLock(ctx, func(tx pgx.Tx) error {
		_, err := tx.Exec(ctx, `CREATE TABLE IF NOT EXISTS migrations (
			name text PRIMARY KEY,
			applied_at timestamptz NOT NULL
		)`)
		return err
	}); err != nil {
		return fmt.Errorf("create migrations table: %w", err)
	}
	names, err := fs.Glob(migrations, "migrations/*.sql")
	if err != nil {
		return fmt.Errorf("list migrations: %w", err)
	}
	slices.Sort(names)
	for _, name := range names {
		if err := s.migrateOne(ctx, name); err != nil {
			return err
		}
	}
	return nil
}

func (s *Store) migrateOne(ctx context.Context, file string) error {
	name := path.Base(file)
	body, err := migrations.ReadFile(file)
	if err != nil {
		return fmt.Errorf("read migration %s: %w", name, err)
	}
	err = s.inLock(ctx, func(tx pgx.Tx) error {
		var done bool
		if err := tx.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM migrations WHERE name = $1)`, name).Scan(&done); err != nil {
			return err
		}
		if done {
			return nil
		}
		if _, err := tx.Exec(ctx, string(body)); err != nil {
			return err
		}
		_, err := tx.Exec(ctx, `INSERT INTO migrations (name, applied_at) VALUES ($1, $2)`, name, ts(s.now()))
		return err
	})
	if err != nil {
		return fmt.Errorf("migration %s: %w", name, err)
	}
	return nil
}

// inLock runs fn in a transaction holding the writers' advisory lock,
// committing if fn returns nil.
func (s *Store) inLock(ctx context.Context, fn func(pgx.Tx) error) error {
	tx, err := s.pool.Begin(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback(context.WithoutCancel(ctx))
	if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1)`, int64(lockKey)); err != nil {
		return fmt.Errorf("lock: %w", err)
	}
	if err := fn(tx); err != nil {
		return err
	}
	return tx.Commit(ctx)
}
