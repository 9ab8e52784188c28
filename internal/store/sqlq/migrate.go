package sqlq

import (
	"context"
	"database/sql"
	"fmt"
	"io/fs"
	"slices"
	"time"

	"github.com/annals-project/annals/internal/store/sqlrow"
)

// A DB runs the transactions of Migrate.
type DB interface {
	// InTx runs fn in a transaction, which it commits when fn returns
	// nil and rolls back otherwise.
	InTx(ctx context.Context, fn func(Tx) error) error
}

// A Tx is the part of a transaction Migrate uses.
type Tx interface {
	// Exec runs a statement; without arguments, query may hold several.
	Exec(ctx context.Context, query string, args ...any) error
	// QueryRow runs a query that returns at most one row.
	QueryRow(ctx context.Context, query string, args ...any) sqlrow.Scanner
}

// Migrate applies the migrations in fsys that table does not record yet:
// the files *.sql at its root, in lexical order, each in a transaction of
// its own in which it is recorded in table with its file name and the
// instant now returns. It creates table, an SQL identifier that is not
// quoted, if it does not exist.
func (d *Dialect) Migrate(ctx context.Context, db DB, fsys fs.FS, table string, now func() time.Time) error {
	if err := db.InTx(ctx, func(tx Tx) error {
		return tx.Exec(ctx, `CREATE TABLE IF NOT EXISTS `+table+` (
			name TEXT PRIMARY KEY,
			applied_at `+d.InstantType+` NOT NULL
		)`)
	}); err != nil {
		return fmt.Errorf("create %s table: %w", table, err)
	}
	names, err := fs.Glob(fsys, "*.sql")
	if err != nil {
		return fmt.Errorf("list migrations: %w", err)
	}
	slices.Sort(names)
	applied := d.bind(`SELECT count(*) FROM `+table+` WHERE name = ?`, 1)
	record := d.bind(`INSERT INTO `+table+` (name, applied_at) VALUES (?, ?)`, 1)
	for _, name := range names {
		body, err := fs.ReadFile(fsys, name)
		if err != nil {
			return fmt.Errorf("read migration %s: %w", name, err)
		}
		err = db.InTx(ctx, func(tx Tx) error {
			var n int
			if err := tx.QueryRow(ctx, applied, name).Scan(&n); err != nil || n > 0 {
				return err
			}
			if err := tx.Exec(ctx, string(body)); err != nil {
				return err
			}
			return tx.Exec(ctx, record, name, d.InstantArg(now()))
		})
		if err != nil {
			return fmt.Errorf("migration %s: %w", name, err)
		}
	}
	return nil
}

// SQLDB returns db as the DB of Migrate; its transactions are those of
// db.BeginTx with default options.
func SQLDB(db *sql.DB) DB { return sqlDB{db} }

type sqlDB struct{ db *sql.DB }

func (s sqlDB) InTx(ctx context.Context, fn func(Tx) error) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	defer tx.Rollback()
	if err := fn(sqlTx{tx}); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	return nil
}

type sqlTx struct{ tx *sql.Tx }

func (t sqlTx) Exec(ctx context.Context, query string, args ...any) error {
	_, err := t.tx.ExecContext(ctx, query, args...)
	return err
}

func (t sqlTx) QueryRow(ctx context.Context, query string, args ...any) sqlrow.Scanner {
	return t.tx.QueryRowContext(ctx, query, args...)
}
