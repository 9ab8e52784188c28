package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"runtime"
	"strings"
	"time"

	_ "modernc.org/sqlite" // registers the "sqlite" database/sql driver

	"github.com/annals-project/annals/internal/store"
	"github.com/annals-project/annals/internal/store/sqlq"
)

//go:embed migrations/*.sql
var migrations embed.FS

// Options configures a Store. The zero value works.
type Options struct {
	// Now stamps Document.IngestedAt; nil means time.Now.
	Now func() time.Time
	// BusyTimeout is how long a write waits for another process's write
	// transaction; 0 means 10 seconds.
	BusyTimeout time.Duration
}

// Store is a store.Store on one SQLite file. Its reads are those of
// sqlq.Reader, on the reader connections.
type Store struct {
	*sqlq.Reader
	w   *sql.DB // the single writer connection
	r   *sql.DB // readers
	d   *sqlq.Dialect
	now func() time.Time
	// wsem holds the writer while a goroutine writes.
	wsem chan *writer
}

var _ store.Store = (*Store)(nil)

// DSN returns the modernc.org/sqlite data source name every annals
// connection to file uses: WAL, the busy timeout (10 s when busy is not
// positive), foreign keys, synchronous NORMAL. Writers append
// "&_txlock=immediate", readers "&_pragma=query_only(1)". Other packages
// that keep tables in the same file (alerts) open it the same way.
func DSN(file string, busy time.Duration) string {
	if busy <= 0 {
		busy = 10 * time.Second
	}
	q := url.Values{}
	q.Add("_pragma", "journal_mode(WAL)")
	q.Add("_pragma", fmt.Sprintf("busy_timeout(%d)", busy.Milliseconds()))
	q.Add("_pragma", "foreign_keys(1)")
	q.Add("_pragma", "synchronous(NORMAL)")
	return "file:" + (&url.URL{Path: file}).EscapedPath() + "?" + q.Encode()
}

// Open opens the SQLite database in file, creating it if needed, and
// applies any migration not yet applied.
func Open(ctx context.Context, file string, opts Options) (*Store, error) {
	if file == "" || strings.ContainsAny(file, "?#") {
		return nil, fmt.Errorf("open sqlite %q: want a file path without ? or #: %w", file, store.ErrInvalid)
	}
	dsn := DSN(file, opts.BusyTimeout)

	w, err := sql.Open("sqlite", dsn+"&_txlock=immediate")
	if err != nil {
		return nil, fmt.Errorf("open sqlite %s: %w", file, err)
	}
	w.SetMaxOpenConns(1)
	w.SetMaxIdleConns(1)
	w.SetConnMaxLifetime(0)
	w.SetConnMaxIdleTime(0)
	r, err := sql.Open("sqlite", dsn+"&_pragma=query_only(1)")
	if err != nil {
		w.Close()
		return nil, fmt.Errorf("open sqlite %s: %w", file, err)
	}
	n := max(4, runtime.GOMAXPROCS(0))
	r.SetMaxOpenConns(n)
	r.SetMaxIdleConns(n)
	d := Dialect()
	s := &Store{Reader: sqlq.NewReader(d, sqlq.SQLQuerier(r)), w: w, r: r, d: d, now: opts.Now}
	if s.now == nil {
		s.now = time.Now
	}
	if err := s.migrate(ctx); err != nil {
		s.Close()
		return nil, fmt.Errorf("open sqlite %s: %w", file, err)
	}
	c, err := w.Conn(ctx)
	if err != nil {
		s.Close()
		return nil, fmt.Errorf("open sqlite %s: %w", file, err)
	}
	s.wsem = make(chan *writer, 1)
	wr := &writer{c: c, stmts: map[string]*sql.Stmt{}}
	wr.rd = sqlq.NewReader(d, sqlq.SQLQuerier(wr))
	s.wsem <- wr
	return s, nil
}

// Close closes the database.
func (s *Store) Close() error {
	var errs []error
	if s.wsem != nil {
		w := <-s.wsem
		errs = append(errs, w.closeStmts(), w.c.Close())
	}
	return errors.Join(append(errs, s.r.Close(), s.w.Close())...)
}

// lockWriter waits for the writer connection, or for ctx to be done.
func (s *Store) lockWriter(ctx context.Context) (*writer, error) {
	select {
	case w := <-s.wsem:
		return w, nil
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// unlockWriter returns the writer taken by lockWriter.
func (s *Store) unlockWriter(w *writer) { s.wsem <- w }

// migrate applies the embedded migrations not yet recorded in the
// migrations table.
func (s *Store) migrate(ctx context.Context) error {
	fsys, err := fs.Sub(migrations, "migrations")
	if err != nil {
		return fmt.Errorf("migrations: %w", err)
	}
	return s.d.Migrate(ctx, sqlq.SQLDB(s.w), fsys, "migrations", s.now)
}
