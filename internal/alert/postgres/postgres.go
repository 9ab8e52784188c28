package postgres

import (
	"context"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/annals-project/annals/internal/alert"
	"github.com/annals-project/annals/internal/store"
	storepostgres "github.com/annals-project/annals/internal/store/postgres"
	"github.com/annals-project/annals/internal/store/sqlq"
	"github.com/annals-project/annals/internal/store/sqlrow"
)

//go:embed migrations/*.sql
var migrations embed.FS

// Options configures a Store. The zero value works.
type Options struct {
	// Now stamps the applied migrations and new subscriptions; nil means
	// time.Now.
	Now func() time.Time
	// MaxConns caps the connection pool; 0 means pgxpool's default.
	MaxConns int32
}

// Store is an alert.Store on a PostgreSQL database.
type Store struct {
	pool *pgxpool.Pool
	now  func() time.Time
}

var _ alert.Store = (*Store)(nil)

// lockKey is the advisory lock that serializes the alert store's writers
// ("alerts"): the migrations of concurrent Opens and the transactions of
// Add. The event store's writers take another.
const lockKey = 0x616c65727473

// Open connects to the PostgreSQL database named by dsn (a postgres://
// URL or a key=value string, as pgx reads them; a search_path parameter
// selects the schema) and creates or updates the alert tables.
func Open(ctx context.Context, dsn string, opts Options) (*Store, error) {
	cfg, err := pgxpool.ParseConfig(dsn)
	if err != nil {
		return nil, fmt.Errorf("open alerts: %w", err)
	}
	if opts.MaxConns > 0 {
		cfg.MaxConns = opts.MaxConns
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("open alerts: %w", err)
	}
	s := &Store{pool: pool, now: opts.Now}
	if s.now == nil {
		s.now = time.Now
	}
	if err := s.migrate(ctx); err != nil {
		pool.Close()
		return nil, fmt.Errorf("open alerts: %w", err)
	}
	return s, nil
}

// Close closes the connection pool.
func (s *Store) Close() error {
	s.pool.Close()
	return nil
}

// migrate applies the embedded migrations not yet recorded in
// alert_migrations with the event store's migration runner, each of its
// transactions holding lockKey, so that concurrent Opens of a new schema
// create the table and apply each migration once.
func (s *Store) migrate(ctx context.Context) error {
	fsys, err := fs.Sub(migrations, "migrations")
	if err != nil {
		return fmt.Errorf("migrations: %w", err)
	}
	return storepostgres.Dialect().Migrate(ctx, lockedDB{s}, fsys, "alert_migrations", s.now)
}

// lockedDB runs the transactions of sqlq.Dialect.Migrate with inLock.
type lockedDB struct{ s *Store }

func (db lockedDB) InTx(ctx context.Context, fn func(sqlq.Tx) error) error {
	return db.s.inLock(ctx, func(tx pgx.Tx) error { return fn(migrateTx{tx}) })
}

// migrateTx is a pgx.Tx as a sqlq.Tx.
type migrateTx struct{ tx pgx.Tx }

func (t migrateTx) Exec(ctx context.Context, query string, args ...any) error {
	_, err := t.tx.Exec(ctx, query, args...)
	return err
}

func (t migrateTx) QueryRow(ctx context.Context, query string, args ...any) sqlrow.Scanner {
	return t.tx.QueryRow(ctx, query, args...)
}

// inTx runs fn in a transaction, committing if fn returns nil.
func (s *Store) inTx(ctx context.Context, fn func(pgx.Tx) error) error {
	tx, err := s.pool.Begin(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback(context.WithoutCancel(ctx))
	if err := fn(tx); err != nil {
		return err
	}
	return tx.Commit(ctx)
}

// inLock runs fn in a transaction that first takes lockKey, committing if
// fn returns nil. The lock is held until the transaction ends.
func (s *Store) inLock(ctx context.Context, fn func(pgx.Tx) error) error {
	return s.inTx(ctx, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1)`, int64(lockKey)); err != nil {
			return fmt.Errorf("lock: %w", err)
		}
		return fn(tx)
	})
}

// ts is t as stored: UTC, to the microsecond that timestamptz keeps.
func ts(t time.Time) time.Time { return t.UTC().Truncate(time.Microsecond) }

// storable returns s as a text column can hold it: valid UTF-8 without
// NUL, each run of invalid bytes and each NUL replaced by U+FFFD. A webhook's error
// can quote whatever a server sent.
func storable(s string) string {
	return strings.ReplaceAll(strings.ToValidUTF8(s, "\uFFFD"), "\x00", "\uFFFD")
}

// Add implements alert.Store. Its transaction holds lockKey: concurrent
// Adds whose batches share keys in differing orders would otherwise each
// wait, in INSERT … ON CONFLICT, for a key the other inserted first, and
// deadlock. Under the lock each Add sees every alert committed before it
// and waits for no row lock.
func (s *Store) Add(ctx context.Context, alerts []alert.Alert) ([]alert.Alert, error) {
	if len(alerts) == 0 {
		return nil, nil
	}
	var added []alert.Alert
	err := s.inLock(ctx, func(tx pgx.Tx) error {
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
			err = tx.QueryRow(ctx, `INSERT INTO alerts (country, scheme, type, day, count, created, body)
				VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING RETURNING id`,
				a.Country, string(a.Scheme), a.Type, store.DateKey(a.Day), a.Count, ts(a.Created), body).Scan(&id)
			if errors.Is(err, pgx.ErrNoRows) {
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
				if _, err := tx.Exec(ctx, `INSERT INTO alert_deliveries (alert_id, endpoint, state, updated)
					VALUES ($1, $2, 'pending', $3) ON CONFLICT DO NOTHING`, id, sub.Endpoint, ts(a.Created)); err != nil {
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

// querier is what subscriptions reads from: the pool or a transaction.
type querier interface {
	Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error)
}

func subscriptions(ctx context.Context, q querier) ([]alert.Subscription, error) {
	rows, err := q.Query(ctx, `SELECT id, endpoint, country, scheme, type, created FROM alert_subscriptions ORDER BY id`)
	if err != nil {
		return nil, fmt.Errorf("list subscriptions: %w", err)
	}
	defer rows.Close()
	var out []alert.Subscription
	for rows.Next() {
		var sub alert.Subscription
		var scheme string
		if err := rows.Scan(&sub.ID, &sub.Endpoint, &sub.Country, &scheme, &sub.Type, &sub.Created); err != nil {
			return nil, fmt.Errorf("list subscriptions: %w", err)
		}
		sub.Scheme, sub.Created = alert.Scheme(scheme), sub.Created.UTC()
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
	add := func(cond string, v any) {
		args = append(args, v)
		conds = append(conds, fmt.Sprintf(cond, len(args)))
	}
	if f.Country != "" {
		add("country = $%d", f.Country)
	}
	if f.Scheme != "" {
		add("scheme = $%d", string(f.Scheme))
	}
	if f.Type != "" {
		add("type = $%d", f.Type)
	}
	if !f.From.IsZero() {
		add("day >= $%d", store.DateKey(f.From))
	}
	if !f.To.IsZero() {
		add("day <= $%d", store.DateKey(f.To))
	}
	q := `SELECT id, body FROM alerts`
	if len(conds) > 0 {
		q += " WHERE " + strings.Join(conds, " AND ")
	}
	q += " ORDER BY day DESC, id DESC"
	if f.Limit > 0 {
		args = append(args, f.Limit)
		q += fmt.Sprintf(" LIMIT $%d", len(args))
	}
	rows, err := s.pool.Query(ctx, q, args...)
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

// scanAlert scans an alert's id and body, then extra columns.
func scanAlert(rows pgx.Rows, extra ...any) (alert.Alert, error) {
	var a alert.Alert
	var id int64
	var body []byte
	if err := rows.Scan(append([]any{&id, &body}, extra...)...); err != nil {
		return a, err
	}
	if err := json.Unmarshal(body, &a); err != nil {
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
	err := s.inTx(ctx, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `INSERT INTO alert_subscriptions (endpoint, country, scheme, type, created)
			VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
			sub.Endpoint, sub.Country, string(sub.Scheme), sub.Type, ts(s.now())); err != nil {
			return err
		}
		return tx.QueryRow(ctx, `SELECT id, created FROM alert_subscriptions
			WHERE endpoint = $1 AND country = $2 AND scheme = $3 AND type = $4`,
			sub.Endpoint, sub.Country, string(sub.Scheme), sub.Type).Scan(&sub.ID, &sub.Created)
	})
	if err != nil {
		return sub, fmt.Errorf("subscribe: %w", err)
	}
	sub.Created = sub.Created.UTC()
	return sub, nil
}

// Unsubscribe implements alert.Store.
func (s *Store) Unsubscribe(ctx context.Context, id int64) error {
	tag, err := s.pool.Exec(ctx, `DELETE FROM alert_subscriptions WHERE id = $1`, id)
	if err != nil {
		return fmt.Errorf("unsubscribe %d: %w", id, err)
	}
	if tag.RowsAffected() == 0 {
		return fmt.Errorf("subscription %d: %w", id, alert.ErrNotFound)
	}
	return nil
}

// Subscriptions implements alert.Store.
func (s *Store) Subscriptions(ctx context.Context) ([]alert.Subscription, error) {
	return subscriptions(ctx, s.pool)
}

// Pending implements alert.Store. Endpoints of one alert are ordered by
// their bytes (COLLATE "C"), whatever the database's collation, as in
// SQLite.
func (s *Store) Pending(ctx context.Context, limit int) ([]alert.Delivery, error) {
	q := `SELECT a.id, a.body, d.endpoint, d.state, d.attempts, d.last_error, d.updated
		FROM alert_deliveries d JOIN alerts a ON a.id = d.alert_id
		WHERE d.state = 'pending' ORDER BY a.id, d.endpoint COLLATE "C"`
	var args []any
	if limit > 0 {
		q += " LIMIT $1"
		args = append(args, limit)
	}
	rows, err := s.pool.Query(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("pending deliveries: %w", err)
	}
	defer rows.Close()
	var out []alert.Delivery
	for rows.Next() {
		var d alert.Delivery
		var state string
		a, err := scanAlert(rows, &d.Endpoint, &state, &d.Attempts, &d.LastError, &d.Updated)
		if err != nil {
			return nil, fmt.Errorf("pending deliveries: %w", err)
		}
		d.Alert, d.State, d.Updated = a, alert.DeliveryState(state), d.Updated.UTC()
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
	if _, err := s.pool.Exec(ctx, `UPDATE alert_deliveries SET state = $1, attempts = $2, last_error = $3, updated = $4
		WHERE alert_id = $5 AND endpoint = $6`,
		string(d.State), d.Attempts, storable(d.LastError), ts(d.Updated), d.Alert.ID, d.Endpoint); err != nil {
		return fmt.Errorf("record delivery of alert %d to %s: %w", d.Alert.ID, d.Endpoint, err)
	}
	return nil
}
