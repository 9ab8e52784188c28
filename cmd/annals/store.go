package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"

	"github.com/annals-project/annals/internal/store"
	"github.com/annals-project/annals/internal/store/postgres"
	"github.com/annals-project/annals/internal/store/sqlite"
)

// openStore opens the store named by dsn: a postgres:// (or postgresql://)
// URL, or else the path of a SQLite file. With create (ingest, serve) the
// file is created if needed, and an empty dsn means defaultDB; without it
// (export, query) the file must exist, for reading never creates an empty
// store.
func openStore(ctx context.Context, dsn string, create bool) (store.Store, error) {
	if create && dsn == "" {
		dsn = defaultDB
	}
	if isPostgres(dsn) {
		s, err := postgres.Open(ctx, dsn, postgres.Options{})
		if err != nil {
			return nil, fmt.Errorf("open store: %w", err)
		}
		return s, nil
	}
	if !create {
		if _, err := os.Stat(dsn); err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return nil, fmt.Errorf("no store at %s: run annals ingest --db %s first", dsn, dsn)
			}
			return nil, fmt.Errorf("open store: %w", err)
		}
	}
	s, err := sqlite.Open(ctx, dsn, sqlite.Options{})
	if err != nil {
		return nil, fmt.Errorf("open store: %w", err)
	}
	return s, nil
}

// isPostgres reports whether dsn names a PostgreSQL database.
func isPostgres(dsn string) bool {
	return strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://")
}
