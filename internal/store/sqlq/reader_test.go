package sqlq_test

import (
	"context"
	"errors"
	"testing"

	"github.com/annals-project/annals/internal/store"
	"github.com/annals-project/annals/internal/store/sqlq"
)

// noRows is a Querier whose queries fail with err, or return no row.
type noRows struct{ err error }

func (q noRows) Query(context.Context, string, ...any) (sqlq.Rows, error) {
	if q.err != nil {
		return nil, q.err
	}
	return empty{}, nil
}

type empty struct{}

func (empty) Next() bool        { return false }
func (empty) Scan(...any) error { return errors.New("no row to scan") }
func (empty) Err() error        { return nil }
func (empty) Close() error      { return nil }

func TestReaderErrors(t *testing.T) {
	ctx := context.Background()
	broken := errors.New("connection reset")
	tests := []struct {
		name string
		q    sqlq.Querier
		read func(r *sqlq.Reader) error
		want error
	}{
		{"event not found", noRows{}, func(r *sqlq.Reader) error { _, _, err := r.Event(ctx, 7); return err }, store.ErrNotFound},
		{"document not found", noRows{}, func(r *sqlq.Reader) error { _, err := r.Document(ctx, 7); return err }, store.ErrNotFound},
		{"events query fails", noRows{broken}, func(r *sqlq.Reader) error { _, err := r.Events(ctx, store.EventFilter{}); return err }, broken},
		{"event query fails", noRows{broken}, func(r *sqlq.Reader) error { _, _, err := r.Event(ctx, 7); return err }, broken},
		{"stats without a row", noRows{}, func(r *sqlq.Reader) error { _, err := r.Stats(ctx); return err }, nil},
		{"bad filter before any query", noRows{broken}, func(r *sqlq.Reader) error {
			_, err := r.Quotes(ctx, store.QuoteFilter{Offset: -1})
			return err
		}, store.ErrInvalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.read(sqlq.NewReader(question, tt.q))
			if err == nil || tt.want != nil && !errors.Is(err, tt.want) {
				t.Errorf("read = %v, want an error wrapping %v", err, tt.want)
			}
		})
	}
}
