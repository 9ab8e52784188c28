package postgres

import (
	"context"

	"github.com/jackc/pgx/v5"

	"github.com/annals-project/annals/internal/store/sqlq"
)

// Querier returns the sqlq.Querier that runs queries with q: a pool, a
// connection or a transaction. The event store's reads run on its pool
// with it, the alert store's on its pool and transactions.
func Querier(q interface {
	Query(ctx context.Context, query string, args ...any) (pgx.Rows, error)
}) sqlq.Querier {
	return querier{q}
}

type querier struct {
	q interface {
		Query(ctx context.Context, query string, args ...any) (pgx.Rows, error)
	}
}

func (q querier) Query(ctx context.Context, query string, args ...any) (sqlq.Rows, error) {
	rows, err := q.q.Query(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	return pgRows{rows}, nil
}

// pgRows are pgx rows as sqlq.Rows.
type pgRows struct{ pgx.Rows }

// Close closes the rows; their error is Err's.
func (r pgRows) Close() error {
	r.Rows.Close()
	return nil
}
