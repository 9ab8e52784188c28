package sqlite

import (
	"strings"
	"time"

	"github.com/annals-project/annals/internal/store"
	"github.com/annals-project/annals/internal/store/sqlq"
)

// Dialect returns SQLite's dialect of the shared SQL: ? placeholders,
// LIMIT -1 for no limit, FTS5 tables for full-text search, instants as
// integer microseconds since the epoch. The alert store, which keeps its
// tables in the same file, migrates them with it.
func Dialect() *sqlq.Dialect {
	return &sqlq.Dialect{
		NoLimit:   "-1",
		Least:     "min",
		TextQuery: ftsQuery,
		TextMatch: func(table, alias string) string {
			return alias + ".id IN (SELECT rowid FROM " + table + "_fts WHERE " + table + "_fts MATCH ?)"
		},
		InstantType: "INTEGER",
		InstantArg:  func(t time.Time) any { return micros(t) },
		InstantDest: func(t *time.Time) any { return instant{t} },
	}
}

// ftsQuery renders a parsed text query in FTS5 syntax.
func ftsQuery(q store.TextQuery) string {
	terms := make([]string, len(q))
	for i, t := range q {
		terms[i] = `"` + strings.Join(t.Words, " ") + `"`
		if t.Prefix {
			terms[i] += "*"
		}
	}
	return strings.Join(terms, " AND ")
}
