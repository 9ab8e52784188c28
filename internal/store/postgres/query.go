package postgres

import (
	"context"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/annals-project/annals/internal/store/sqlq"
)

// querier runs the queries of sqlq.Reader on the pool.
type querier struct{ pool *pgxpool.Pool }

func (q querier) Query(ctx context.Context, query string, args ...any) (sqlq.Rows, error) {
	rows, err := q.pool.Query(ctx, query, args...)
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
