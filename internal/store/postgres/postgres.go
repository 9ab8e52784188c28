package postgres

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" database/sql driver

	"github.com/annals-project/annals/internal/store"
)

//go:embed migrations/*.sql
var migrations embed.FS

// Options configures a Store. The zero value works.
type Options struct {
	// Now stamps Document.IngestedAt; nil means time.Now.
	Now func() time.Time
	// MaxConns caps the connection pool; 0 means 8.
	MaxConns int
}

// Store is a store.Store on a PostgreSQL database.
type Store struct {
	db  *sql.DB
	now func() time.Time
}

// lockKey is the advisory lock that serializes writers ("annals").
const lockKey = 0x616e6e616c73

var _ store.Store = (*Store)(nil)

// Open connects to the PostgreSQL database named by dsn (a postgres://
// URL or key=value string as pgx accepts; a search_path parameter selects
// the schema) and applies any migration not yet applied.
func Open(ctx context.Context, dsn string, opts Options) (*Store, error) {
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		return nil, fmt.Errorf("open postgres: %w", err)
	}
	n := opts.MaxConns
	if n <= 0 {
		n = 8
	}
	db.SetMaxOpenConns(n)
	db.SetMaxIdleConns(n)
	s := &Store{db: db, now: opts.Now}
	if s.now == nil {
		s.now = time.Now
	}
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("open postgres: %w", err)
	}
	if err := s.migrate(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("open postgres: %w", err)
	}
	return s, nil
}

// Close closes the database.
func (s *Store) Close() error { return s.db.Close() }

// migrate applies the embedded migrations not yet recorded in the
// migrations table, in lexical order, one transaction each.
func (s *Store) migrate(ctx context.Context) error {
	if err := s.inLock(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS migrations (
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
	err = s.inLock(ctx, func(tx *sql.Tx) error {
		var done bool
		if err := tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM migrations WHERE name = $1)`, name).Scan(&done); err != nil {
			return err
		}
		if done {
			return nil
		}
		if _, err := tx.ExecContext(ctx, string(body)); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO migrations (name, applied_at) VALUES ($1, $2)`, name, ts(s.now()))
		return err
	})
	if err != nil {
		return fmt.Errorf("migration %s: %w", name, err)
	}
	return nil
}

// inLock runs fn in a transaction holding the writers' advisory lock.
func (s *Store) inLock(ctx context.Context, fn func(*sql.Tx) error) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock($1)`, int64(lockKey)); err != nil {
		return fmt.Errorf("lock: %w", err)
	}
	if err := fn(tx); err != nil {
		return err
	}
	return tx.Commit()
}
