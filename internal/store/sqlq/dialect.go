package sqlq

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/annals-project/annals/internal/store"
	"github.com/annals-project/annals/internal/store/sqlrow"
)

// A Dialect describes what the shared SQL needs to know of a database.
// Each store package builds its own; every field must be set, except those
// documented as optional.
type Dialect struct {
	// Numbered selects numbered placeholders ($1, $2, …, PostgreSQL);
	// false keeps the ? of SQLite. The shared SQL is written with ?.
	Numbered bool
	// NoLimit is the LIMIT operand that means no limit, written before an
	// OFFSET that comes without a limit ("-1" in SQLite). Optional: empty
	// when OFFSET may stand alone.
	NoLimit string
	// Least names the function that returns the smaller of two values
	// (min in SQLite, LEAST in PostgreSQL).
	Least string
	// TextQuery renders a parsed full-text query as the argument of the
	// condition TextMatch returns.
	TextQuery func(store.TextQuery) string
	// TextMatch returns the condition that the row of table (mentions or
	// quotes) under alias matches a full-text query, which it takes as
	// its one placeholder ?.
	TextMatch func(table, alias string) string
	// InstantType is the column type of a stored instant, and InstantArg
	// the value stored for t; migration tables record when each migration
	// was applied with them.
	InstantType string
	InstantArg  func(t time.Time) any
	// InstantDest returns the scan destination of a stored instant that
	// sets *t to it, in UTC, and leaves *t alone for NULL.
	InstantDest func(t *time.Time) any
}

// bind returns query with its ? placeholders numbered from first when the
// dialect numbers them. The shared SQL has no ? other than placeholders.
func (d *Dialect) bind(query string, first int) string {
	if !d.Numbered || !strings.Contains(query, "?") {
		return query
	}
	var b strings.Builder
	b.Grow(len(query) + 8)
	n := first
	for {
		i := strings.IndexByte(query, '?')
		if i < 0 {
			b.WriteString(query)
			return b.String()
		}
		b.WriteString(query[:i])
		b.WriteByte('$')
		b.WriteString(strconv.Itoa(n))
		n++
		query = query[i+1:]
	}
}

// Bind returns query with its ? placeholders in the dialect's style,
// numbered from $1 in PostgreSQL. Stores write the statements of their own
// tables with ? and bind them with it too (internal/alert/alertsql).
func (d *Dialect) Bind(query string) string { return d.bind(query, 1) }

// Limit renders LIMIT and OFFSET; 0 means none.
func (d *Dialect) Limit(n, off int) string {
	var s string
	switch {
	case n > 0:
		s = " LIMIT " + strconv.Itoa(n)
	case off > 0 && d.NoLimit != "":
		s = " LIMIT " + d.NoLimit
	}
	if off > 0 {
		s += " OFFSET " + strconv.Itoa(off)
	}
	return s
}

// textQuery parses a full-text query and renders it for the dialect.
// Errors wrap store.ErrInvalid.
func (d *Dialect) textQuery(s string) (string, error) {
	q, err := store.ParseTextQuery(s)
	if err != nil {
		return "", err
	}
	return d.TextQuery(q), nil
}

// A Where is a conjunction of conditions and their arguments, in order,
// with placeholders in the dialect's style. Stores build the WHERE clauses
// of their own queries with it too (internal/alert/alertsql).
type Where struct {
	d     *Dialect
	conds []string
	args  []any
}

// Where returns an empty conjunction.
func (d *Dialect) Where() *Where { return &Where{d: d} }

// Add appends cond, whose ? placeholders take args in turn.
func (w *Where) Add(cond string, args ...any) {
	w.conds = append(w.conds, w.d.bind(cond, len(w.args)+1))
	w.args = append(w.args, args...)
}

// Args returns the arguments of the conditions, in order.
func (w *Where) Args() []any { return w.args }

// prefix adds the condition that the text of col starts with p.
func (w *Where) prefix(col, p string) {
	w.Add(fmt.Sprintf("substr(%s, 1, %d) = ?", col, len(p)), p)
}

// like adds the condition that the folded text of col contains s.
func (w *Where) like(col, s string) {
	w.Add(col+` LIKE ? ESCAPE '\'`, sqlrow.LikeContains(s))
}

// String renders the WHERE clause, or "" for no condition.
func (w *Where) String() string {
	if len(w.conds) == 0 {
		return ""
	}
	return " WHERE " + strings.Join(w.conds, " AND ")
}
