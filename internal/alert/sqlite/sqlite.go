package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"time"

	_ "modernc.org/sqlite" // registers the "sqlite" database/sql driver

	"github.com/annals-project/annals/internal/alert"
	"github.com/annals-project/annals/internal/alert/alertsql"
	storesqlite "github.com/annals-project/annals/internal/store/sqlite"
	"github.com/annals-project/annals/internal/store/sqlq"
)

//go:embed migrations/*.sql
var migrations embed.FS

// Options configures a Store. The zero value works.
type Options struct {
	// Now stamps the applied migrations and new subscriptions; nil means
	// time.Now.
	Now func() time.Time
	// BusyTimeout is how long a write waits for another writer; 0 means
	// 10 seconds.
	BusyTimeout time.Duration
}

// Store is an alert.Store on a SQLite file. Its methods but Close are
// those of alertsql.Store, in SQLite's dialect.
type Store struct {
	*alertsql.Store
	w *sql.DB // one connection, BEGIN IMMEDIATE
	r *sql.DB // readers
}

var _ alert.Store = (*Store)(nil)

// Open opens the SQLite database in file, creating the file and the alert
// tables if needed.
func Open(ctx context.Context, file string, opts Options) (*Store, error) {
	if file == "" || strings.ContainsAny(file, "?#") {
		return nil, fmt.Errorf("open alerts %q: want a file path without ? or #: %w", file, alert.ErrInvalid)
	}
	dsn := storesqlite.DSN(file, opts.BusyTimeout)
	w, err := sql.Open("sqlite", dsn+"&_txlock=immediate")
	if err != nil {
		return nil, fmt.Errorf("open alerts %s: %w", file, err)
	}
	w.SetMaxOpenConns(1)
	r, err := sql.Open("sqlite", dsn+"&_pragma=query_only(1)")
	if err != nil {
		w.Close()
		return nil, fmt.Errorf("open alerts %s: %w", file, err)
	}
	r.SetMaxOpenConns(4)
	now := opts.Now
	if now == nil {
		now = time.Now
	}
	d := storesqlite.Dialect()
	s := &Store{w: w, r: r}
	s.Store = alertsql.New(alertsql.Config{
		Dialect: d,
		Read:    alertsql.SQLConn(r),
		Write:   alertsql.SQLConn(w),
		InTx:    s.inTx,
		Now:     now,
	})
	if err := migrate(ctx, d, w, now); err != nil {
		s.Close()
		return nil, fmt.Errorf("open alerts %s: %w", file, err)
	}
	return s, nil
}

// Close closes the database connections.
func (s *Store) Close() error { return errors.Join(s.r.Close(), s.w.Close()) }

// migrate applies the embedded migrations not yet recorded in
// alert_migrations, with the event store's migration runner.
func migrate(ctx context.Context, d *sqlq.Dialect, w *sql.DB, now func() time.Time) error {
	fsys, err := fs.Sub(migrations, "migrations")
	if err != nil {
		return fmt.Errorf("migrations: %w", err)
	}
	return d.Migrate(ctx, sqlq.SQLDB(w), fsys, "alert_migrations", now)
}

// inTx runs fn in a transaction on the writer's connection, which begins
// IMMEDIATE, committing if fn returns nil.
func (s *Store) inTx(ctx context.Context, fn func(alertsql.Conn) error) error {
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := fn(alertsql.SQLConn(tx)); err != nil {
		return err
	}
	return tx.Commit()
}
