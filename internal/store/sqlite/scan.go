package sqlite

import "time"

// micros and fromMicros convert instants to and from the stored integer.
func micros(t time.Time) int64 { return t.UnixMicro() }

func fromMicros(v int64) time.Time { return time.UnixMicro(v).UTC() }
