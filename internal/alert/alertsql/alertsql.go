package alertsql

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/annals-project/annals/internal/alert"
	"github.com/annals-project/annals/internal/store"
	"github.com/annals-project/annals/internal/store/sqlq"
	"github.com/annals-project/annals/internal/store/sqlrow"
)

// A Conn runs the store's statements: a database, a pool or one of their
// transactions.
type Conn interface {
	sqlq.Querier
	// Exec runs a statement and returns how many rows it affected.
	Exec(ctx context.Context, query string, args ...any) (int64, error)
}

// SQLConn returns the Conn of a database/sql handle or transaction.
func SQLConn(db interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
}) Conn {
	return sqlConn{sqlq.SQLQuerier(db), db}
}

type sqlConn struct {
	sqlq.Querier
	db interface {
		ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	}
}

func (c sqlConn) Exec(ctx context.Context, query string, args ...any) (int64, error) {
	res, err := c.db.ExecContext(ctx, query, args...)
	if err != nil {
		return 0, err
	}
	return res.RowsAffected()
}

// A TxFunc runs fn in a write transaction, committing if fn returns nil.
type TxFunc func(ctx context.Context, fn func(tx Conn) error) error

// Config is what a Store runs on, and the little of its SQL that differs
// between databases.
type Config struct {
	// Dialect binds the placeholders and stores and scans instants.
	Dialect *sqlq.Dialect
	// Read runs the reads; Write the writes outside transactions.
	Read, Write Conn
	// InTx runs the transaction of Subscribe; AddTx that of Add (nil:
	// InTx).
	InTx, AddTx TxFunc
	// Now stamps new subscriptions; nil means time.Now.
	Now func() time.Time
	// ByBytes follows a column in ORDER BY to order its text by bytes
	// (` COLLATE "C"` in PostgreSQL); empty where that is the default.
	ByBytes string
	// Text returns a string as a text column can hold it (a webhook's
	// error quotes whatever a server sent); nil keeps it as it is.
	Text func(string) string
}

// A Store implements alert.Store, but for Close, with the SQL of its
// Config's dialect.
type Store struct {
	c Config
	d *sqlq.Dialect
}

// New returns the Store that runs on c.
func New(c Config) *Store {
	if c.AddTx == nil {
		c.AddTx = c.InTx
	}
	if c.Now == nil {
		c.Now = time.Now
	}
	if c.Text == nil {
		c.Text = func(s string) string { return s }
	}
	return &Store{c: c, d: c.Dialect}
}

// all scans every row of a query with scan, then closes the rows; err is
// the query's.
func all[T any](rows sqlq.Rows, err error, scan func(sqlrow.Scanner) (T, error)) ([]T, error) {
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []T
	for rows.Next() {
		v, err := scan(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

// Add implements alert.Store: it stores the alerts not stored before and
// queues their deliveries to the endpoints whose subscriptions match them,
// in one transaction (Config.AddTx).
func (s *Store) Add(ctx context.Context, alerts []alert.Alert) ([]alert.Alert, error) {
	if len(alerts) == 0 {
		return nil, nil
	}
	insert := s.d.Bind(`INSERT INTO alerts (country, scheme, type, day, count, created, body)
		VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING id`)
	queue := s.d.Bind(`INSERT INTO alert_deliveries (alert_id, endpoint, state, updated)
		VALUES (?, ?, 'pending', ?) ON CONFLICT DO NOTHING`)
	var added []alert.Alert
	err := s.c.AddTx(ctx, func(tx Conn) error {
		subs, err := s.subscriptions(ctx, tx)
		if err != nil {
			return err
		}
		for _, a := range alerts {
			a.ID = 0
			body, err := json.Marshal(&a)
			if err != nil {
				return fmt.Errorf("encode alert %s: %w", a.Key(), err)
			}
			rows, err := tx.Query(ctx, insert, a.Country, string(a.Scheme), a.Type, store.DateKey(a.Day), a.Count,
				s.d.InstantArg(a.Created), string(body))
			ids, err := all(rows, err, func(row sqlrow.Scanner) (int64, error) {
				var id int64
				return id, row.Scan(&id)
			})
			if err != nil {
				return fmt.Errorf("insert alert %s: %w", a.Key(), err)
			}
			if len(ids) == 0 {
				continue // stored before
			}
			a.ID = ids[0]
			for _, sub := range subs {
				if !sub.Matches(&a) {
					continue
				}
				if _, err := tx.Exec(ctx, queue, a.ID, sub.Endpoint, s.d.InstantArg(a.Created)); err != nil {
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

// Subscriptions implements alert.Store.
func (s *Store) Subscriptions(ctx context.Context) ([]alert.Subscription, error) {
	return s.subscriptions(ctx, s.c.Read)
}

func (s *Store) subscriptions(ctx context.Context, q Conn) ([]alert.Subscription, error) {
	rows, err := q.Query(ctx, `SELECT id, endpoint, country, scheme, type, created FROM alert_subscriptions ORDER BY id`)
	subs, err := all(rows, err, func(row sqlrow.Scanner) (alert.Subscription, error) {
		var sub alert.Subscription
		var scheme string
		err := row.Scan(&sub.ID, &sub.Endpoint, &sub.Country, &scheme, &sub.Type, s.d.InstantDest(&sub.Created))
		sub.Scheme = alert.Scheme(scheme)
		return sub, err
	})
	if err != nil {
		return nil, fmt.Errorf("list subscriptions: %w", err)
	}
	return subs, nil
}

// List implements alert.Store.
func (s *Store) List(ctx context.Context, f alert.Filter) ([]alert.Alert, error) {
	w := s.d.Where()
	if f.Country != "" {
		w.Add("country = ?", f.Country)
	}
	if f.Scheme != "" {
		w.Add("scheme = ?", string(f.Scheme))
	}
	if f.Type != "" {
		w.Add("type = ?", f.Type)
	}
	if !f.From.IsZero() {
		w.Add("day >= ?", store.DateKey(f.From))
	}
	if !f.To.IsZero() {
		w.Add("day <= ?", store.DateKey(f.To))
	}
	q := `SELECT id, body FROM alerts` + w.String() + ` ORDER BY day DESC, id DESC` + s.d.Limit(f.Limit, 0)
	rows, err := s.c.Read.Query(ctx, q, w.Args()...)
	out, err := all(rows, err, func(row sqlrow.Scanner) (alert.Alert, error) { return scanAlert(row) })
	if err != nil {
		return nil, fmt.Errorf("list alerts: %w", err)
	}
	return out, nil
}

// scanAlert scans an alert's id and body, then extra columns.
func scanAlert(row sqlrow.Scanner, extra ...any) (alert.Alert, error) {
	var a alert.Alert
	var id int64
	var body []byte
	if err := row.Scan(append([]any{&id, &body}, extra...)...); err != nil {
		return a, err
	}
	if err := json.Unmarshal(body, &a); err != nil {
		return a, fmt.Errorf("decode alert %d: %w", id, err)
	}
	a.ID = id
	return a, nil
}

// Subscribe implements alert.Store, in a transaction (Config.InTx).
func (s *Store) Subscribe(ctx context.Context, sub alert.Subscription) (alert.Subscription, error) {
	if err := sub.Validate(); err != nil {
		return sub, err
	}
	err := s.c.InTx(ctx, func(tx Conn) error {
		if _, err := tx.Exec(ctx, s.d.Bind(`INSERT INTO alert_subscriptions (endpoint, country, scheme, type, created)
			VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`),
			sub.Endpoint, sub.Country, string(sub.Scheme), sub.Type, s.d.InstantArg(s.c.Now())); err != nil {
			return err
		}
		rows, err := tx.Query(ctx, s.d.Bind(`SELECT id, created FROM alert_subscriptions
			WHERE endpoint = ? AND country = ? AND scheme = ? AND type = ?`),
			sub.Endpoint, sub.Country, string(sub.Scheme), sub.Type)
		found, err := all(rows, err, func(row sqlrow.Scanner) (bool, error) {
			return true, row.Scan(&sub.ID, s.d.InstantDest(&sub.Created))
		})
		if err == nil && len(found) == 0 {
			err = errors.New("subscription not found after insert")
		}
		return err
	})
	if err != nil {
		return sub, fmt.Errorf("subscribe: %w", err)
	}
	return sub, nil
}

// Unsubscribe implements alert.Store.
func (s *Store) Unsubscribe(ctx context.Context, id int64) error {
	n, err := s.c.Write.Exec(ctx, s.d.Bind(`DELETE FROM alert_subscriptions WHERE id = ?`), id)
	if err != nil {
		return fmt.Errorf("unsubscribe %d: %w", id, err)
	}
	if n == 0 {
		return fmt.Errorf("subscription %d: %w", id, alert.ErrNotFound)
	}
	return nil
}

// Pending implements alert.Store. The deliveries of one alert are ordered
// by the bytes of their endpoints.
func (s *Store) Pending(ctx context.Context, limit int) ([]alert.Delivery, error) {
	q := `SELECT a.id, a.body, d.endpoint, d.state, d.attempts, d.last_error, d.updated
		FROM alert_deliveries d JOIN alerts a ON a.id = d.alert_id
		WHERE d.state = 'pending' ORDER BY a.id, d.endpoint` + s.c.ByBytes + s.d.Limit(limit, 0)
	rows, err := s.c.Read.Query(ctx, q)
	out, err := all(rows, err, func(row sqlrow.Scanner) (alert.Delivery, error) {
		var d alert.Delivery
		var state string
		a, err := scanAlert(row, &d.Endpoint, &state, &d.Attempts, &d.LastError, s.d.InstantDest(&d.Updated))
		d.Alert, d.State = a, alert.DeliveryState(state)
		return d, err
	})
	if err != nil {
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
	if _, err := s.c.Write.Exec(ctx, s.d.Bind(`UPDATE alert_deliveries SET state = ?, attempts = ?, last_error = ?, updated = ?
		WHERE alert_id = ? AND endpoint = ?`),
		string(d.State), d.Attempts, s.c.Text(d.LastError), s.d.InstantArg(d.Updated), d.Alert.ID, d.Endpoint); err != nil {
		return fmt.Errorf("record delivery of alert %d to %s: %w", d.Alert.ID, d.Endpoint, err)
	}
	return nil
}
