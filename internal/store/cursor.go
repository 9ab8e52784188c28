package store

import (
	"fmt"
	"strconv"
	"strings"
)

// A Cursor is a decoded position in an ordered event list: the sort key of
// the last record seen (a date key or a mention count, depending on the
// order) and its ID.
type Cursor struct {
	Key int64
	ID  int64
}

// Cursor returns the opaque cursor that, as EventFilter.After with order o,
// continues a listing after r.
func (r EventRecord) Cursor(o Order) string {
	var key int64
	switch o {
	case OrderDate, OrderDateDesc:
		key = int64(DateKey(r.Date))
	case OrderMentionsDesc:
		key = int64(r.NumMentions)
	}
	return fmt.Sprintf("%d.%d", key, r.ID)
}

// ParseCursor decodes a cursor made by EventRecord.Cursor for order o.
// Errors wrap ErrInvalid.
func ParseCursor(o Order, s string) (Cursor, error) {
	k, id, ok := strings.Cut(s, ".")
	key, err1 := strconv.ParseInt(k, 10, 64)
	n, err2 := strconv.ParseInt(id, 10, 64)
	if !ok || err1 != nil || err2 != nil || n < 0 || key < 0 {
		return Cursor{}, fmt.Errorf("cursor %q: %w", s, ErrInvalid)
	}
	if (o == OrderID || o == "id" || o == OrderIDDesc) && key != 0 {
		return Cursor{}, fmt.Errorf("cursor %q for order %q: %w", s, o, ErrInvalid)
	}
	return Cursor{Key: key, ID: n}, nil
}
