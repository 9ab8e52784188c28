package web

import (
	"github.com/annals-project/annals/internal/event"
	"github.com/annals-project/annals/internal/store"
)

// Timeline is a bar chart of events per period, laid out on the server so
// that the page shows it before (and without) any script. Coordinates are
// in the SVG's viewBox, TimelineWidth wide and Height high.
type Timeline struct {
	// Bucket is the period of one bar: days, or weeks over long spans.
	Bucket store.Bucket
	// Bars rise above the axis; Down, when the chart has a second series
	// (an actor's events as a target), hang below it.
	Bars, Down []Bar
	Height     float64
	// Axis is the y of the baseline.
	Axis float64
	// First and Last are the first days of the first and last periods.
	First, Last event.Date
	// Total and DownTotal sum the events of each series; Peak is the
	// highest bar of either.
	Total, DownTotal, Peak int
	// Sel, when set, is the selected date range, shaded.
	Sel *Bar
}

// A Bar is one period's rectangle.
type Bar struct {
	X, Y, W, H float64
	Start      event.Date
	Events     int
}

// Layout of the server-drawn timeline.
const (
	// TimelineWidth is the viewBox width; the SVG stretches to its box.
	TimelineWidth = 1000
	barHeight     = 100 // room above (and below) the axis
	// maxDays is the longest span drawn by day; longer ones go by week.
	maxDays = 730
)

// newTimeline lays out up (and down, for a two-sided chart) between their
// first and last periods, with empty periods as gaps, and shades from–to
// when either is set.
func newTimeline(up, down []store.TimelinePoint, from, to event.Date) Timeline {
	t := Timeline{Bucket: store.Day, Height: barHeight, Axis: barHeight}
	if down != nil {
		t.Height = 2 * barHeight
	}
	var first, last event.Date
	for _, p := range append(append([]store.TimelinePoint(nil), up...), down...) {
		if first.IsZero() || p.Start.Before(first) {
			first = p.Start
		}
		if last.IsZero() || last.Before(p.Start) {
			last = p.Start
		}
	}
	if first.IsZero() {
		return t
	}
	if days(first, last) > maxDays {
		t.Bucket = store.Week
		up, down = rebucket(up, store.Week), rebucket(down, store.Week)
		first, _ = store.Week.Start(first)
		last, _ = store.Week.Start(last)
	}
	step := 1
	if t.Bucket == store.Week {
		step = 7
	}
	n := days(first, last)/step + 1
	t.First, t.Last = first, last
	w := float64(TimelineWidth) / float64(n)
	index := func(d event.Date) int { return days(first, d) / step }
	for _, p := range up {
		t.Total += p.Events
		t.Peak = max(t.Peak, p.Events)
	}
	for _, p := range down {
		t.DownTotal += p.Events
		t.Peak = max(t.Peak, p.Events)
	}
	height := func(v int) float64 {
		if t.Peak == 0 || v == 0 {
			return 0
		}
		return max(1, float64(v)/float64(t.Peak)*(barHeight-4))
	}
	for _, p := range up {
		h := height(p.Events)
		t.Bars = append(t.Bars, Bar{X: float64(index(p.Start)) * w, Y: t.Axis - h, W: w, H: h, Start: p.Start, Events: p.Events})
	}
	for _, p := range down {
		t.Down = append(t.Down, Bar{X: float64(index(p.Start)) * w, Y: t.Axis, W: w, H: height(p.Events), Start: p.Start, Events: p.Events})
	}
	if !from.IsZero() || !to.IsZero() {
		a, b := 0.0, float64(TimelineWidth)
		if !from.IsZero() {
			a = min(max(float64(days(first, from))/float64(step)*w, 0), TimelineWidth)
		}
		if !to.IsZero() {
			b = min(max((float64(days(first, to))+1)/float64(step)*w, 0), TimelineWidth)
		}
		if b > a {
			t.Sel = &Bar{X: a, W: b - a, H: t.Height}
		}
	}
	return t
}

// days returns the number of days from a to b.
func days(a, b event.Date) int {
	return int(b.Time().Sub(a.Time()).Hours() / 24)
}

// rebucket sums daily points into periods of b.
func rebucket(pts []store.TimelinePoint, b store.Bucket) []store.TimelinePoint {
	if pts == nil {
		return nil
	}
	dc := make([]store.DayCount, len(pts))
	for i, p := range pts {
		dc[i] = store.DayCount{Date: p.Start, Events: p.Events, Mentions: p.Mentions, Fatalities: p.Fatalities}
	}
	out, _ := store.Buckets(dc, b) // b is a valid bucket
	if out == nil {
		out = []store.TimelinePoint{}
	}
	return out
}
