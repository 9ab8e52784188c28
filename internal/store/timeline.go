package store

import (
	"cmp"
	"fmt"
	"slices"
	"time"

	"github.com/annals-project/annals/internal/event"
)

// A Bucket is the length of a timeline period.
type Bucket string

// The timeline buckets. Weeks start on Monday (ISO 8601).
const (
	Day   Bucket = "day"
	Week  Bucket = "week"
	Month Bucket = "month"
	Year  Bucket = "year"
)

// Start returns the first day of the period of b that contains d. It
// returns ErrInvalid for an unknown bucket.
func (b Bucket) Start(d event.Date) (event.Date, error) {
	switch b {
	case Day:
		return d, nil
	case Week:
		wd := (int(d.Time().Weekday()) + 6) % 7 // Monday = 0
		return d.AddDays(-wd), nil
	case Month:
		return event.Date{Year: d.Year, Month: d.Month, Day: 1}, nil
	case Year:
		return event.Date{Year: d.Year, Month: time.January, Day: 1}, nil
	}
	return event.Date{}, fmt.Errorf("bucket %q: %w", b, ErrInvalid)
}

// DayCount is the number of events, their mentions and fatalities on one
// date; stores compute them per date and Buckets sums them per period.
type DayCount struct {
	Date                         event.Date
	Events, Mentions, Fatalities int
}

// Buckets sums per-date counts into periods of b, oldest first. Zero dates
// are dropped.
func Buckets(days []DayCount, b Bucket) ([]TimelinePoint, error) {
	if _, err := b.Start(event.Date{Year: 2000, Month: 1, Day: 1}); err != nil {
		return nil, err
	}
	var out []TimelinePoint
	idx := map[event.Date]int{}
	for _, d := range days {
		if d.Date.IsZero() {
			continue
		}
		s, _ := b.Start(d.Date)
		i, ok := idx[s]
		if !ok {
			i = len(out)
			idx[s] = i
			out = append(out, TimelinePoint{Start: s})
		}
		out[i].Events += d.Events
		out[i].Mentions += d.Mentions
		out[i].Fatalities += d.Fatalities
	}
	sortPoints(out)
	return out, nil
}

func sortPoints(p []TimelinePoint) {
	slices.SortFunc(p, func(a, b TimelinePoint) int { return cmp.Compare(DateKey(a.Start), DateKey(b.Start)) })
}
