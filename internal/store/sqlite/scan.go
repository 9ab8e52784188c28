package sqlite

import (
	"fmt"
	"time"
)

// micros and fromMicros convert instants to and from the stored integer.
func micros(t time.Time) int64 { return t.UnixMicro() }

func fromMicros(v int64) time.Time { return time.UnixMicro(v).UTC() }

// instant is the scan destination of a stored instant (sqlq.Dialect's
// InstantDest): integer microseconds into *t, NULL leaving it alone.
type instant struct{ t *time.Time }

// Scan implements sql.Scanner.
func (d instant) Scan(src any) error {
	switch v := src.(type) {
	case int64:
		*d.t = fromMicros(v)
	case nil:
	default:
		return fmt.Errorf("instant: %T, want an integer", src)
	}
	return nil
}
