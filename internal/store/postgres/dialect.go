package postgres

import (
	"strings"
	"time"

	"github.com/annals-project/annals/internal/store"
	"github.com/annals-project/annals/internal/store/sqlq"
)

// Dialect returns PostgreSQL's dialect of the shared SQL: numbered
// placeholders, a tsvector column per searchable table, timestamptz
// instants. The alert store, which keeps its tables in the same schema,
// migrates them with it.
func Dialect() *sqlq.Dialect {
	return &sqlq.Dialect{
		Numbered:  true,
		Least:     "LEAST",
		TextQuery: tsQuery,
		TextMatch: func(_, alias string) string {
			return alias + ".tsv @@ to_tsquery('simple', ?)"
		},
		InstantType: "timestamptz",
		InstantArg:  func(t time.Time) any { return ts(t) },
		InstantDest: func(t *time.Time) any { return instant{t} },
	}
}

// tsQuery renders a parsed text query as a tsquery for the 'simple'
// configuration. Words hold only letters, digits and marks, so they need no
// quoting.
func tsQuery(q store.TextQuery) string {
	terms := make([]string, len(q))
	for i, t := range q {
		terms[i] = strings.Join(t.Words, " <-> ")
		if t.Prefix {
			terms[i] += ":*"
		}
		terms[i] = "(" + terms[i] + ")"
	}
	return strings.Join(terms, " & ")
}
