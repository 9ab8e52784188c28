package web

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/annals-project/annals/internal/event"
	"github.com/annals-project/annals/internal/store"
)

func day(s string) event.Date {
	d, err := event.ParseDate(s)
	if err != nil {
		panic(err) // test data
	}
	return d
}

func pt(s string, n int) store.TimelinePoint { return store.TimelinePoint{Start: day(s), Events: n} }

func TestNewTimeline(t *testing.T) {
	type summary struct {
		Bucket              store.Bucket
		First, Last         string
		Bars, Down          int
		Total, Peak         int
		FirstX, LastX, BarW float64
		Sel                 *Bar
	}
	sum := func(tl Timeline) summary {
		s := summary{Bucket: tl.Bucket, First: tl.First.String(), Last: tl.Last.String(), Bars: len(tl.Bars), Down: len(tl.Down),
			Total: tl.Total + tl.DownTotal, Peak: tl.Peak, Sel: tl.Sel}
		if len(tl.Bars) > 0 {
			s.FirstX, s.LastX, s.BarW = tl.Bars[0].X, tl.Bars[len(tl.Bars)-1].X, tl.Bars[0].W
		}
		return s
	}
	tests := []struct {
		name     string
		up, down []store.TimelinePoint
		from, to event.Date
		want     summary
	}{
		{name: "empty", want: summary{Bucket: store.Day}},
		{name: "one day", up: []store.TimelinePoint{pt("2024-03-04", 3)},
			want: summary{Bucket: store.Day, First: "2024-03-04", Last: "2024-03-04", Bars: 1, Total: 3, Peak: 3, BarW: 1000}},
		{name: "gap kept", up: []store.TimelinePoint{pt("2024-03-01", 1), pt("2024-03-05", 2)},
			want: summary{Bucket: store.Day, First: "2024-03-01", Last: "2024-03-05", Bars: 2, Total: 3, Peak: 2, LastX: 800, BarW: 200}},
		{name: "long span by week", up: []store.TimelinePoint{pt("2020-01-01", 1), pt("2020-01-02", 1), pt("2023-06-30", 4)},
			want: summary{Bucket: store.Week, First: "2019-12-30", Last: "2023-06-26", Bars: 2, Total: 6, Peak: 4, LastX: 1000 - 1000.0/183, BarW: 1000.0 / 183}},
		{name: "selection", up: []store.TimelinePoint{pt("2024-03-01", 1), pt("2024-03-10", 1)}, from: day("2024-03-03"), to: day("2024-03-04"),
			want: summary{Bucket: store.Day, First: "2024-03-01", Last: "2024-03-10", Bars: 2, Total: 2, Peak: 1, LastX: 900, BarW: 100,
				Sel: &Bar{X: 200, W: 200, H: 100}}},
		{name: "selection open on the left", up: []store.TimelinePoint{pt("2024-03-01", 1), pt("2024-03-10", 1)}, to: day("2024-02-01"),
			want: summary{Bucket: store.Day, First: "2024-03-01", Last: "2024-03-10", Bars: 2, Total: 2, Peak: 1, LastX: 900, BarW: 100}},
		{name: "two-sided", up: []store.TimelinePoint{pt("2024-03-01", 1)}, down: []store.TimelinePoint{pt("2024-03-02", 5)},
			want: summary{Bucket: store.Day, First: "2024-03-01", Last: "2024-03-02", Bars: 1, Down: 1, Total: 6, Peak: 5, BarW: 500}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := sum(newTimeline(tt.up, tt.down, tt.from, tt.to))
			if diff := cmp.Diff(tt.want, got, cmpopts.EquateApprox(0, 1e-9)); diff != "" {
				t.Errorf("newTimeline() differs (-want +got):\n%s", diff)
			}
		})
	}
}

func TestNum(t *testing.T) {
	tests := []struct {
		in   any
		want string
	}{
		{0, "0"}, {999, "999"}, {1000, "1\u202f000"}, {int64(1234567), "1\u202f234\u202f567"}, {-20000, "-20\u202f000"}, {"x", "x"},
	}
	for _, tt := range tests {
		if got := num(tt.in); got != tt.want {
			t.Errorf("num(%v) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
