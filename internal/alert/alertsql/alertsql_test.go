package alertsql_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/annals-project/annals/internal/alert"
	"github.com/annals-project/annals/internal/alert/alertsql"
	"github.com/annals-project/annals/internal/event"
	storepostgres "github.com/annals-project/annals/internal/store/postgres"
	storesqlite "github.com/annals-project/annals/internal/store/sqlite"
	"github.com/annals-project/annals/internal/store/sqlq"
)

// recorder is a Conn that records the statements it is given and returns
// no rows.
type recorder struct {
	query string
	args  []any
}

func (r *recorder) Query(_ context.Context, query string, args ...any) (sqlq.Rows, error) {
	r.query, r.args = strings.Join(strings.Fields(query), " "), args
	return noRows{}, nil
}

func (r *recorder) Exec(_ context.Context, query string, args ...any) (int64, error) {
	r.query, r.args = strings.Join(strings.Fields(query), " "), args
	return 1, nil
}

type noRows struct{}

func (noRows) Next() bool        { return false }
func (noRows) Scan(...any) error { return nil }
func (noRows) Err() error        { return nil }
func (noRows) Close() error      { return nil }

func TestStatements(t *testing.T) {
	day := event.Date{Year: 2022, Month: 1, Day: 5}
	tests := []struct {
		name      string
		d         *sqlq.Dialect
		byBytes   string
		run       func(*alertsql.Store) error
		wantQuery string
		wantArgs  []any
	}{
		{
			name: "list, SQLite",
			d:    storesqlite.Dialect(),
			run: func(s *alertsql.Store) error {
				_, err := s.List(context.Background(), alert.Filter{Country: "KAZ", From: day, Limit: 5})
				return err
			},
			wantQuery: "SELECT id, body FROM alerts WHERE country = ? AND day >= ? ORDER BY day DESC, id DESC LIMIT 5",
			wantArgs:  []any{"KAZ", 20220105},
		},
		{
			name: "list, PostgreSQL",
			d:    storepostgres.Dialect(),
			run: func(s *alertsql.Store) error {
				_, err := s.List(context.Background(), alert.Filter{Scheme: alert.SchemeCAMEO, Type: "14", To: day})
				return err
			},
			wantQuery: "SELECT id, body FROM alerts WHERE scheme = $1 AND type = $2 AND day <= $3 ORDER BY day DESC, id DESC",
			wantArgs:  []any{"cameo", "14", 20220105},
		},
		{
			name:    "pending, PostgreSQL",
			d:       storepostgres.Dialect(),
			byBytes: ` COLLATE "C"`,
			run: func(s *alertsql.Store) error {
				_, err := s.Pending(context.Background(), 10)
				return err
			},
			wantQuery: `SELECT a.id, a.body, d.endpoint, d.state, d.attempts, d.last_error, d.updated FROM alert_deliveries d JOIN alerts a ON a.id = d.alert_id WHERE d.state = 'pending' ORDER BY a.id, d.endpoint COLLATE "C" LIMIT 10`,
		},
		{
			name: "unsubscribe, PostgreSQL",
			d:    storepostgres.Dialect(),
			run: func(s *alertsql.Store) error {
				return s.Unsubscribe(context.Background(), 7)
			},
			wantQuery: "DELETE FROM alert_subscriptions WHERE id = $1",
			wantArgs:  []any{int64(7)},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := &recorder{}
			s := alertsql.New(alertsql.Config{Dialect: tt.d, Read: r, Write: r, ByBytes: tt.byBytes,
				Now: func() time.Time { return time.Unix(0, 0) }})
			if err := tt.run(s); err != nil {
				t.Fatal(err)
			}
			if r.query != tt.wantQuery {
				t.Errorf("query = %q, want %q", r.query, tt.wantQuery)
			}
			if diff := cmp.Diff(tt.wantArgs, r.args); diff != "" {
				t.Errorf("args (-want +got):\n%s", diff)
			}
		})
	}
}
