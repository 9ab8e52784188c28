package postgres

import (
	"time"

	"github.com/jackc/pgx/v5/pgtype"
)

// ts returns the instant to store: UTC, rounded down to the microsecond
// precision of timestamptz.
func ts(t time.Time) time.Time { return t.UTC().Truncate(time.Microsecond) }

// instant is the scan destination of a stored instant (sqlq.Dialect's
// InstantDest): a timestamptz into *t in UTC, NULL leaving it alone.
type instant struct{ t *time.Time }

// ScanTimestamptz implements pgtype.TimestamptzScanner.
func (d instant) ScanTimestamptz(v pgtype.Timestamptz) error {
	if v.Valid {
		*d.t = v.Time.UTC()
	}
	return nil
}
