package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"time"

	_ "modernc.org/sqlite" // registers the "sqlite" database/sql driver

	"github.com/annals-project/annals/internal/alert"
	"github.com/annals-project/annals/internal/store"
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

// Store is an alert.Store on a SQLite file.
type Store struct {
	w   *sql.DB // one connection, BEGIN IMMEDIATE
	r   *sql.DB // readers
	now func() time.Time
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
	s := &Store{w: w, r: r, now: opts.Now}
	if s.now == nil {
		s.now = time.Now
	}
	if err := s.migrate(ctx); err != nil {
		s.Close()
		return nil, fmt.Errorf("open alerts %s: %w", file, err)
	}
	return s, nil
}

// Close closes the database connections.
func (s *Store) Close() error { return errors.Join(s.r.Close(), s.w.Close()) }

// migrate applies the embedded migrations not yet recorded in
// alert_migrations, with the event store's migration runner.
func (s *Store) migrate(ctx context.Context) error {
	fsys, err := fs.Sub(migrations, "migrations")
	if err != nil {
		return fmt.Errorf("migrations: %w", err)
	}
	return storesqlite.Dialect().Migrate(ctx, sqlq.SQLDB(s.w), fsys, "alert_migrations", s.now)
}

func (s *Store) inTx(ctx context.Context, fn func(*sql.Tx) error) error {
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := fn(tx); err != nil {
		return err
	}
	return tx.Commit()
}

func micros(t time.Time) int64 { return t.UnixMicro() }

func fromMicros(v int64) time.Time { return time.UnixMicro(v).UTC() }

// Add implements alert.Store.
func (s *Store) Add(ctx context.Context, alerts []alert.Alert) ([]alert.Alert, error) {
	var added []alert.Alert
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		subs, err := subscriptions(ctx, tx)
		if err != nil {
			return err
		}
		for _, a := range alerts {
			a.ID = 0
			body, err := json.Marshal(&a)
			if err != nil {
				return fmt.Errorf("encode alert %s: %w", a.Key(), err)
			}
			var id int64
			err = tx.QueryRowContext(ctx, `INSERT INTO alerts (country, scheme, type, day, count, created, body)
				VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING id`,
				a.Country, string(a.Scheme), a.Type, store.DateKey(a.Day), a.Count, micros(a.Created), string(body)).Scan(&id)
			if errors.Is(err, sql.ErrNoRows) {
				continue // stored before
			}
			if err != nil {
				return fmt.Errorf("insert alert %s: %w", a.Key(), err)
			}
			a.ID = id
			for _, sub := range subs {
				if !sub.Matches(&a) {
					continue
				}
				if _, err := tx.ExecContext(ctx, `INSERT INTO alert_deliveries (alert_id, endpoint, state, updated)
					VALUES (?, ?, 'pending', ?) ON CONFLICT DO NOTHING`, id, sub.Endpoint, micros(a.Created)); err != nil {
					return fmt.Errorf("queue alert %s: %w", a.Key(), err)
				}
			}
			added = append(added, a)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("add alerts: %w", err)
	}
	return added, nil
}

type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

func subscriptions(ctx context.Context, q querier) ([]alert.Subscription, error) {
	rows, err := q.QueryContext(ctx, `SELECT id, endpoint, country, scheme, type, created FROM alert_subscriptions ORDER BY id`)
	if err != nil {
		return nil, fmt.Errorf("list subscriptions: %w", err)
	}
	defer rows.Close()
	var out []alert.Subscription
	for rows.Next() {
		var sub alert.Subscription
		var created int64
		if err := rows.Scan(&sub.ID, &sub.Endpoint, &sub.Country, &sub.Scheme, &sub.Type, &created); err != nil {
			return nil, fmt.Errorf("list subscriptions: %w", err)
		}
		sub.Created = fromMicros(created)
		out = append(out, sub)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list subscriptions: %w", err)
	}
	return out, nil
}

// List implements alert.Store.
func (s *Store) List(ctx context.Context, f alert.Filter) ([]alert.Alert, error) {
	var conds []string
	var args []any
	add := func(cond string, v any) { conds = append(conds, cond); args = append(args, v) }
	if f.Country != "" {
		add("country = ?", f.Country)
	}
	if f.Scheme != "" {
		add("scheme = ?", string(f.Scheme))
	}
	if f.Type != "" {
		add("type = ?", f.Type)
	}
	if !f.From.IsZero() {
		add("day >= ?", store.DateKey(f.From))
	}
	if !f.To.IsZero() {
		add("day <= ?", store.DateKey(f.To))
	}
	q := `SELECT id, body FROM alerts`
	if len(conds) > 0 {
		q += " WHERE " + strings.Join(conds, " AND ")
	}
	q += " ORDER BY day DESC, id DESC"
	if f.Limit > 0 {
		q += fmt.Sprintf(" LIMIT %d", f.Limit)
	}
	rows, err := s.r.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("list alerts: %w", err)
	}
	defer rows.Close()
	var out []alert.Alert
	for rows.Next() {
		a, err := scanAlert(rows)
		if err != nil {
			return nil, fmt.Errorf("list alerts: %w", err)
		}
		out = append(out, a)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list alerts: %w", err)
	}
	return out, nil
}

func scanAlert(rows *sql.Rows, extra ...any) (alert.Alert, error) {
	var a alert.Alert
	var id int64
	var body string
	if err := rows.Scan(append([]any{&id, &body}, extra...)...); err != nil {
		return a, err
	}
	if err := json.Unmarshal([]byte(body), &a); err != nil {
		return a, fmt.Errorf("decode alert %d: %w", id, err)
	}
	a.ID = id
	return a, nil
}

// Subscribe implements alert.Store.
func (s *Store) Subscribe(ctx context.Context, sub alert.Subscription) (alert.Subscription, error) {
	if err := sub.Validate(); err != nil {
		return sub, err
	}
	var created int64
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `INSERT INTO alert_subscriptions (endpoint, country, scheme, type, created)
			VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
			sub.Endpoint, sub.Country, string(sub.Scheme), sub.Type, micros(s.now())); err != nil {
			return err
		}
		return tx.QueryRowContext(ctx, `SELECT id, created FROM alert_subscriptions
			WHERE endpoint = ? AND country = ? AND scheme = ? AND type = ?`,
			sub.Endpoint, sub.Country, string(sub.Scheme), sub.Type).Scan(&sub.ID, &created)
	})
	if err != nil {
		return sub, fmt.Errorf("subscribe: %w", err)
	}
	sub.Created = fromMicros(created)
	return sub, nil
}

// Unsubscribe implements alert.Store.
func (s *Store) Unsubscribe(ctx context.Context, id int64) error {
	res, err := s.w.ExecContext(ctx, `DELETE FROM alert_subscriptions WHERE id = ?`, id)
	if err != nil {
		return fmt.Errorf("unsubscribe %d: %w", id, err)
	}
	if n, err := res.RowsAffected(); err != nil || n == 0 {
		return fmt.Errorf("subscription %d: %w", id, alert.ErrNotFound)
	}
	return nil
}

// Subscriptions implements alert.Store.
func (s *Store) Subscriptions(ctx context.Context) ([]alert.Subscription, error) {
	return subscriptions(ctx, s.r)
}

// Pending implements alert.Store.
func (s *Store) Pending(ctx context.Context, limit int) ([]alert.Delivery, error) {
	q := `SELECT a.id, a.body, d.endpoint, d.state, d.attempts, d.last_error, d.updated
		FROM alert_deliveries d JOIN alerts a ON a.id = d.alert_id
		WHERE d.state = 'pending' ORDER BY a.id, d.endpoint`
	if limit > 0 {
		q += fmt.Sprintf(" LIMIT %d", limit)
	}
	rows, err := s.r.QueryContext(ctx, q)
	if err != nil {
		return nil, fmt.Errorf("pending deliveries: %w", err)
	}
	defer rows.Close()
	var out []alert.Delivery
	for rows.Next() {
		var d alert.Delivery
		var updated int64
		a, err := scanAlert(rows, &d.Endpoint, &d.State, &d.Attempts, &d.LastError, &updated)
		if err != nil {
			return nil, fmt.Errorf("pending deliveries: %w", err)
		}
		d.Alert, d.Updated = a, fromMicros(updated)
		out = append(out, d)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("pending deliveries: %w", err)
	}
	return out, nil
}

// Record implements alert.Store.
func (s *Store) Record(ctx context.Context, d alert.Delivery) error {
	switch d.State {
	case alert.StatePending, alert.StateDelivered, alert.StateFailed:
	default:
		return fmt.Errorf("record delivery: state %q: %w", d.State, alert.ErrInvalid)
	}
	if _, err := s.w.ExecContext(ctx, `UPDATE alert_deliveries SET state = ?, attempts = ?, last_error = ?, updated = ?
		WHERE alert_id = ? AND endpoint = ?`,
		string(d.State), d.Attempts, d.LastError, micros(d.Updated), d.Alert.ID, d.Endpoint); err != nil {
		return fmt.Errorf("record delivery of alert %d to %s: %w", d.Alert.ID, d.Endpoint, err)
	}
	return nil
}
