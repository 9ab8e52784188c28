package alert

import (
	"cmp"
	"context"
	"fmt"
	"slices"

	"github.com/annals-project/annals/internal/event"
	"github.com/annals-project/annals/internal/store"
)

// DefaultTopEvents is how many driving events Counts keeps per cell and day.
const DefaultTopEvents = 5

// Counts holds daily event counts: per day, the total over every event with
// a precise date (the media volume), the total of each country, and the
// count of each Cell, with the cell's top events. The zero value is not
// usable; call NewCounts. A Counts is not safe for concurrent writes.
type Counts struct {
	top   int
	index map[Cell]int // a cell's position in cells
	cells []Cell
	days  map[int]*dayCounts // by store.DateKey
}

type dayCounts struct {
	total   int
	country map[string]int
	cell    []int // by cell index; missing entries are 0
	events  map[int][]EventRef
}

// n returns the count of the cell with index i; d may be nil.
func (d *dayCounts) n(i int) int {
	if d == nil || i >= len(d.cell) {
		return 0
	}
	return d.cell[i]
}

// NewCounts returns empty counts that keep the top events of each cell and
// day (0 means DefaultTopEvents, a negative top keeps none).
func NewCounts(top int) *Counts {
	if top == 0 {
		top = DefaultTopEvents
	}
	return &Counts{top: max(top, 0), index: map[Cell]int{}, days: map[int]*dayCounts{}}
}

// Countable reports whether an event is counted on its date: it needs a
// date known to the day (precision "day" or "anchor", or none given).
// Month- and year-precise dates sit on the first of their period and would
// make every first of the month a surge.
func Countable(e *event.Event) bool {
	if e.Date.IsZero() {
		return false
	}
	switch e.DatePrecision {
	case "", "day", "anchor":
		return true
	}
	return false
}

// Add counts one event: in the day's volume when Countable, and, when it
// has a location country, in the cell of its CAMEO root and in the cell of
// its ACLED type if it has one.
func (c *Counts) Add(r *store.EventRecord) {
	if !Countable(&r.Event) {
		return
	}
	d := c.day(store.DateKey(r.Date))
	d.total++
	country := ""
	if r.Location != nil {
		country = r.Location.Country
	}
	if len(country) != 3 {
		return // no country, or an IGO region: volume only
	}
	d.country[country]++
	if r.Root != "" {
		c.addCell(d, Cell{country, SchemeCAMEO, r.Root}, r)
	}
	if r.ACLEDType != "" {
		c.addCell(d, Cell{country, SchemeACLED, r.ACLEDType}, r)
	}
}

// AddCount adds n events to a cell on a day without naming them, for
// replays of aggregate series. The day's volume and the country's total
// grow by n too, so each event must be added to one cell only: unlike Add,
// AddCount does not count an event under both typologies.
func (c *Counts) AddCount(day event.Date, cell Cell, n int) {
	d := c.day(store.DateKey(day))
	d.total += n
	d.country[cell.Country] += n
	d.add(c.cellIndex(cell), n)
}

func (c *Counts) cellIndex(cell Cell) int {
	i, ok := c.index[cell]
	if !ok {
		i = len(c.cells)
		c.index[cell] = i
		c.cells = append(c.cells, cell)
	}
	return i
}

func (d *dayCounts) add(i, n int) {
	if i >= len(d.cell) {
		d.cell = append(d.cell, make([]int, i+1-len(d.cell))...)
	}
	d.cell[i] += n
}

// AddVolume adds n events without a country to a day's volume.
func (c *Counts) AddVolume(day event.Date, n int) { c.day(store.DateKey(day)).total += n }

func (c *Counts) day(k int) *dayCounts {
	d := c.days[k]
	if d == nil {
		d = &dayCounts{country: map[string]int{}, events: map[int][]EventRef{}}
		c.days[k] = d
	}
	return d
}

func (c *Counts) addCell(d *dayCounts, cell Cell, r *store.EventRecord) {
	i := c.cellIndex(cell)
	d.add(i, 1)
	if c.top == 0 {
		return
	}
	refs := d.events[i]
	key := EventRef{ID: r.ID, NumSources: r.NumSources, Mentions: r.NumMentions, Fatalities: r.Fatalities}
	if len(refs) == c.top && compareRefs(key, refs[len(refs)-1]) >= 0 {
		return // not among the top
	}
	at, _ := slices.BinarySearchFunc(refs, key, compareRefs)
	refs = slices.Insert(refs, at, refOf(r))
	if len(refs) > c.top {
		refs = refs[:c.top]
	}
	d.events[i] = refs
}

// compareRefs orders events by how much they drive an alert: most sources,
// then most fatalities, then most mentions, then lowest ID.
func compareRefs(a, b EventRef) int {
	return cmp.Or(
		cmp.Compare(b.NumSources, a.NumSources),
		cmp.Compare(deref(b.Fatalities), deref(a.Fatalities)),
		cmp.Compare(b.Mentions, a.Mentions),
		cmp.Compare(a.ID, b.ID),
	)
}

func deref(p *int) int {
	if p == nil {
		return 0
	}
	return *p
}

const maxRefText = 300

func refOf(r *store.EventRecord) EventRef {
	ref := EventRef{
		ID: r.ID, DocumentID: r.DocumentID, Date: r.Date, CAMEO: r.CAMEO, ACLEDType: r.ACLEDType,
		Text: cut(r.Text, maxRefText), Source: actorName(r.Source), Target: actorName(r.Target),
		NumSources: r.NumSources, Mentions: r.NumMentions,
	}
	if r.Location != nil {
		ref.Place = r.Location.Name
	}
	if r.Fatalities != nil {
		f := *r.Fatalities
		ref.Fatalities = &f
	}
	return ref
}

func actorName(a *event.Actor) string {
	switch {
	case a == nil:
		return ""
	case a.Name != "":
		return a.Name
	}
	return a.Text
}

// cut shortens s to at most n bytes on a rune boundary, marking the cut
// with an ellipsis.
func cut(s string, n int) string {
	if len(s) <= n {
		return s
	}
	i := n - len("…")
	for i > 0 && s[i]&0xC0 == 0x80 {
		i--
	}
	return s[:i] + "…"
}

// Total returns the number of countable events dated day.
func (c *Counts) Total(day event.Date) int {
	if d := c.days[store.DateKey(day)]; d != nil {
		return d.total
	}
	return 0
}

// Country returns the number of events in country dated day.
func (c *Counts) Country(country string, day event.Date) int {
	if d := c.days[store.DateKey(day)]; d != nil {
		return d.country[country]
	}
	return 0
}

// Count returns the cell's count on day.
func (c *Counts) Count(cell Cell, day event.Date) int {
	i, ok := c.index[cell]
	if !ok {
		return 0
	}
	return c.days[store.DateKey(day)].n(i)
}

// Events returns the cell's top events on day, most sources first.
func (c *Counts) Events(cell Cell, day event.Date) []EventRef {
	i, ok := c.index[cell]
	d := c.days[store.DateKey(day)]
	if !ok || d == nil {
		return nil
	}
	return slices.Clone(d.events[i])
}

// span returns the counts of the days from first on, one per day, nil
// for a day without events.
func (c *Counts) span(first event.Date, n int) []*dayCounts {
	out := make([]*dayCounts, n)
	for i := range out {
		out[i] = c.days[store.DateKey(first.AddDays(i))]
	}
	return out
}

// cellsIn returns the indices of the cells with a count on any of days,
// in cell order.
func (c *Counts) cellsIn(days []*dayCounts) []int {
	seen := make([]bool, len(c.cells))
	var out []int
	for _, d := range days {
		if d == nil {
			continue
		}
		for i, n := range d.cell {
			if n > 0 && !seen[i] {
				seen[i] = true
				out = append(out, i)
			}
		}
	}
	slices.SortFunc(out, func(a, b int) int { return cellLess(c.cells[a], c.cells[b]) })
	return out
}

// An EventLister lists stored events; store.Store is one.
type EventLister interface {
	Events(ctx context.Context, f store.EventFilter) ([]store.EventRecord, error)
}

// tallyPage is how many events Tally reads per query.
const tallyPage = 5000

// Tally counts the events of s dated from from to to, inclusive, into c,
// reading them in pages of tallyPage in date order. It returns the number
// of events read.
func Tally(ctx context.Context, s EventLister, c *Counts, from, to event.Date) (int, error) {
	f := store.EventFilter{From: from, To: to, Order: store.OrderDate, Limit: tallyPage}
	n := 0
	for {
		recs, err := s.Events(ctx, f)
		if err != nil {
			return n, fmt.Errorf("tally events %s to %s: %w", from, to, err)
		}
		for i := range recs {
			c.Add(&recs[i])
		}
		n += len(recs)
		if len(recs) < f.Limit {
			return n, nil
		}
		f.After = recs[len(recs)-1].Cursor(f.Order)
	}
}
