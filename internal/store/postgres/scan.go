package postgres

import "time"

// ts returns the instant to store: UTC, rounded down to the microsecond
// precision of timestamptz.
func ts(t time.Time) time.Time { return t.UTC().Truncate(time.Microsecond) }
