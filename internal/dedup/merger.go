package dedup

import (
	"strings"

	"github.com/annals-project/annals/internal/event"
	"github.com/annals-project/annals/internal/store"
)

// A Merger is the deduplication policy of the store: it merges the mentions
// of one real-world event into one stored event. It implements
// store.Merger and is safe for concurrent use.
type Merger struct {
	opts Options
}

var _ store.Merger = (*Merger)(nil)

// NewMerger returns a Merger with the thresholds of opts (zero fields take
// their defaults).
func NewMerger(opts Options) *Merger { return &Merger{opts: opts.withDefaults()} }

// Options returns the thresholds the Merger uses, defaults filled in.
func (m *Merger) Options() Options { return m.opts }

// Candidates implements store.Merger. It selects the stored events of a
// compatible CAMEO root dated within the mention's period (widened by
// DateSlack, and by AnchorDays forward for events dated to their
// document), located within SearchRadiusKm of the mention's city or region
// or, for a country-level mention, anywhere in its country. A located
// mention's candidates are in its country, or have no location and
// involve its source's (or target's) country, since an unlocated event
// can agree with it only through its actors
// (store.EventFilter.UnlocatedActor), and only when its actors and date
// can reach the score needed without a place; a mention
// without a place is narrowed to events involving that country. An
// undated mention, one without a root, and one that could not score
// MinScore against any event (say, no place and no actor with a role,
// dated to its document) always start a new event, without a query.
//
// A background mention, dated more than BackgroundDays before its
// document was written (store.Mention.Anchor: the publication date, or
// the date from the text that the document was written on or after; a
// document without either has none), looks a year further back, so
// that events dated to a week, month or year are found: the latest
// first when it is dated to a day or a week, so that the events of its
// own days come before a busy year's others, and the most mentioned
// first when it is dated only to a month or a year ("last year's
// bombing" recalls a well-reported one).
func (m *Merger) Candidates(men *store.Mention) (store.EventFilter, bool) {
	if men.Date.IsZero() || men.Root == "" || m.maxScore(&men.Event) < m.minScore(men.Root) {
		return store.EventFilter{}, false
	}
	lo, hi := m.period(&men.Event)
	from, to := lo-m.opts.DateSlack, hi+m.opts.DateSlack+m.opts.AnchorDays
	order := store.OrderIDDesc
	if m.background(men) {
		from -= 366
		order = store.OrderDateDesc
		if vagueness(men.DatePrecision) < 0 {
			order = store.OrderMentionsDesc
		}
	}
	f := store.EventFilter{
		CAMEO: m.compatibleRoots(men.Root),
		From:  dateOf(from),
		To:    dateOf(to),
		Order: order,
		Limit: m.opts.MaxCandidates,
	}
	involved := actorCountry(men.Source)
	if involved == "" {
		involved = actorCountry(men.Target)
	}
	// An unlocated event agrees with the mention on its actors and date
	// alone: if they cannot reach the score needed (a statement's
	// speaker and audience do not), none can be a candidate.
	unlocated := involved
	if e := men.Event; men.Location != nil {
		e.Location = nil
		if m.maxScore(&e) < m.minScore(men.Root) {
			unlocated = ""
		}
	}
	switch l := men.Location; {
	case l != nil && level(l) != levelCountry && (l.Lat != 0 || l.Lon != 0):
		f.Near = &store.Circle{Lat: l.Lat, Lon: l.Lon, RadiusKm: m.opts.SearchRadiusKm}
		f.Country, f.UnlocatedActor = l.Country, unlocated
	case l != nil && l.Country != "":
		f.Country, f.UnlocatedActor = l.Country, unlocated
	default:
		f.Actor = involved
	}
	return f, true
}

// maxScore returns the highest Score e can reach against any event.
func (m *Merger) maxScore(e *event.Event) float64 {
	s := vagueness(e.DatePrecision)
	if isDay(e.DatePrecision) {
		s += scoreSameDay
	}
	if l := e.Location; l != nil {
		switch level(l) {
		case levelCity:
			s += scoreCity
		case levelAdmin1:
			s += scoreAdmin1
		default:
			s += scoreCountry
		}
	}
	for _, a := range []*event.Actor{e.Source, e.Target} {
		switch {
		case a == nil:
		case a.Name != "" || a.Code != "" && (a.Role != "" || a.Country == ""):
			s += scoreActor
		case a.Country != "":
			s += scoreCountryActor
		}
	}
	return s
}

// actorCountry returns the country an actor's code starts with, or "".
func actorCountry(a *event.Actor) string {
	if a == nil || a.Country == "" || !strings.HasPrefix(a.Code, a.Country) {
		return ""
	}
	return a.Country
}

// background reports whether men is a background mention: its period
// ends more than BackgroundDays before its document was written, as a
// feature recalls an attack of months ago. The writing date is the
// document's anchor (store.Mention.Anchor) when it was published or
// given; an anchor taken from the text is the latest date the text
// gives, which the report was written on or after, so a mention is
// background only when it lies that far before it. A document without
// an anchor (event.AnchorNone) has no background mentions: its
// ingest time says nothing of when it was written. A Mention without
// an anchor source at all (made by hand, not by a store) falls back to
// Seen.
func (m *Merger) background(men *store.Mention) bool {
	var written event.Date
	switch men.AnchorSource {
	case event.AnchorPublished, event.AnchorFlag, event.AnchorText:
		written = men.Anchor
	case "":
		written = men.Anchor
		if written.IsZero() && !men.Seen.IsZero() {
			written = event.DateOf(men.Seen.UTC())
		}
	}
	if written.IsZero() || men.Date.IsZero() {
		return false
	}
	_, hi := m.period(&men.Event)
	return dayNumber(written)-hi > m.opts.BackgroundDays
}

func dateOf(day int) event.Date {
	return event.DateOf(event.Date{Year: 1970, Month: 1, Day: 1}.Time().AddDate(0, 0, day))
}

// minScore returns the least score a mention of root r needs to merge:
// VerbalMinScore for verbal events, else MinScore.
func (m *Merger) minScore(r string) float64 {
	if verbal(r) {
		return m.opts.VerbalMinScore
	}
	return m.opts.MinScore
}

// verbal reports whether r is the root of a verbal event: CAMEO 01 to 05
// (verbal cooperation) or 10 to 13 (verbal conflict).
func verbal(r string) bool {
	return len(r) == 2 && (r >= "01" && r <= "05" || r >= "10" && r <= "13")
}

// Merge implements store.Merger: it returns the candidate with the highest
// Score of at least MinScore (VerbalMinScore for a verbal event), breaking
// ties by the nearest date, then the most mentions, then the lowest ID; or
// 0 for a new event.
func (m *Merger) Merge(men *store.Mention, candidates []store.EventRecord) int64 {
	minScore := m.minScore(men.Root)
	var best *store.EventRecord
	var bestScore float64
	var bestGap int
	for i := range candidates {
		c := &candidates[i]
		s, ok := m.Score(&men.Event, &c.Event)
		if !ok || s < minScore {
			continue
		}
		gap := abs(dayNumber(c.Date) - dayNumber(men.Date))
		if best == nil || s > bestScore ||
			s == bestScore && (gap < bestGap ||
				gap == bestGap && (c.NumMentions > best.NumMentions ||
					c.NumMentions == best.NumMentions && c.ID < best.ID)) {
			best, bestScore, bestGap = c, s, gap
		}
	}
	if best == nil {
		return 0
	}
	return best.ID
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// Score says whether reports a and b can be of one event and how strongly
// they agree. ok is false when they cannot: their CAMEO roots are neither
// equal nor in one Compatible group, their dates (widened to their
// precision) are more than DateSlack days apart, either is undated, their
// places are in different countries, more than CityRadiusKm apart (two
// cities) or in different regions, or an actor differs in country,
// canonical name or role family. Otherwise the score adds up:
//
//	2    both places in one city (within CityRadiusKm)
//	1.5  both places in one region (same admin1, or within Admin1RadiusKm)
//	1    both places country-level, in one country
//	0.5  one place country-level, the other finer, in one country
//	1    per actor (source, target) with the same name, or code and role
//	0.5  per actor of the same country with agreeing roles
//	0.5  both dated to the same day
//	-0.5 either date known only to the month
//	-1   either date known only to the year
//
// A missing place or actor adds nothing and contradicts nothing. Roots in Symmetric may have their
// actors swapped.
func (m *Merger) Score(a, b *event.Event) (score float64, ok bool) {
	if !m.codes(a.Root, b.Root) {
		return 0, false
	}
	d, ok := m.dates(a, b)
	if !ok {
		return 0, false
	}
	p, ok := m.place(a.Location, b.Location)
	if !ok {
		return 0, false
	}
	s, ok := m.actors(a, b)
	if !ok {
		return 0, false
	}
	return d + p + s, true
}

// Credible clears the casualty and crowd figures of e that exceed the
// caps of the Merger's Options (MaxFatalities, MaxInjuries, MaxCrowd) or
// are negative: figures no single event reaches are misreadings, and the
// store keeps an event's highest figure, so one would stick.
func (m *Merger) Credible(e *event.Event) {
	clip := func(p **int, limit int) {
		if *p != nil && (**p < 0 || **p > limit) {
			*p = nil
		}
	}
	clip(&e.Fatalities, m.opts.MaxFatalities)
	clip(&e.Injuries, m.opts.MaxInjuries)
	clip(&e.Crowd, m.opts.MaxCrowd)
}
