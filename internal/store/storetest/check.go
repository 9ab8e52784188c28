package storetest

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/annals-project/annals/internal/event"
	"github.com/annals-project/annals/internal/store"
)

// Check verifies, through the Store interface, that everything stored is
// consistent: each event's counts, first and last seen, highest figures and
// representative report agree with its mentions; the row counts of Stats
// agree with the listings; actor counts add up to the actors in mentions and
// quotes. It reports each disagreement with tb.Errorf.
func Check(tb testing.TB, s store.Store) {
	tb.Helper()
	for _, msg := range check(context.Background(), s) {
		tb.Error(msg)
	}
}

func check(ctx context.Context, s store.Store) []string {
	var errs []string
	fail := func(format string, args ...any) { errs = append(errs, fmt.Sprintf(format, args...)) }
	st, err := s.Stats(ctx)
	if err != nil {
		return []string{fmt.Sprintf("Stats: %v", err)}
	}
	evs, err := s.Events(ctx, store.EventFilter{})
	if err != nil {
		return []string{fmt.Sprintf("Events: %v", err)}
	}
	ms, err := s.Mentions(ctx, store.MentionFilter{})
	if err != nil {
		return []string{fmt.Sprintf("Mentions: %v", err)}
	}
	qs, err := s.Quotes(ctx, store.QuoteFilter{})
	if err != nil {
		return []string{fmt.Sprintf("Quotes: %v", err)}
	}
	docs, err := s.Documents(ctx, store.DocumentFilter{})
	if err != nil {
		return []string{fmt.Sprintf("Documents: %v", err)}
	}
	actors, err := s.Actors(ctx, store.ActorFilter{})
	if err != nil {
		return []string{fmt.Sprintf("Actors: %v", err)}
	}
	if got := (store.Stats{Documents: int64(len(docs)), Events: int64(len(evs)), Mentions: int64(len(ms)),
		Quotes: int64(len(qs)), Actors: int64(len(actors))}); got != st {
		fail("Stats() = %+v, listings give %+v", st, got)
	}

	byEvent := map[int64][]store.Mention{}
	for _, m := range ms {
		byEvent[m.EventID] = append(byEvent[m.EventID], m)
	}
	for _, e := range evs {
		ms := byEvent[e.ID]
		delete(byEvent, e.ID)
		if len(ms) == 0 {
			fail("event %d has no mentions", e.ID)
			continue
		}
		docs, sources := map[int64]bool{}, map[string]bool{}
		first, last := ms[0].Seen, ms[0].Seen
		var fat *int
		for _, m := range ms {
			docs[m.DocumentID] = true
			key := m.Origin
			if key == "" {
				key = fmt.Sprintf("doc %d", m.DocumentID)
			}
			sources[key] = true
			first, last = minTime(first, m.Seen), maxTime(last, m.Seen)
			fat = maxInt(fat, m.Fatalities)
		}
		if e.NumMentions != len(ms) || e.NumArticles != len(docs) || e.NumSources != len(sources) {
			fail("event %d: mentions, articles, sources = %d, %d, %d; its mentions give %d, %d, %d",
				e.ID, e.NumMentions, e.NumArticles, e.NumSources, len(ms), len(docs), len(sources))
		}
		if !e.FirstSeen.Equal(first) || !e.LastSeen.Equal(last) {
			fail("event %d: seen %v to %v; its mentions give %v to %v", e.ID, e.FirstSeen, e.LastSeen, first, last)
		}
		if fmt.Sprint(deref(e.Fatalities)) != fmt.Sprint(deref(fat)) {
			fail("event %d: fatalities %v; its mentions give at most %v", e.ID, deref(e.Fatalities), deref(fat))
		}
		if rep := ms[0]; e.Rule != rep.Rule || e.Span != rep.Span || e.DocumentID != rep.DocumentID || e.CAMEO != rep.CAMEO {
			fail("event %d: representative %s %v in document %d, first mention is %s %v in document %d",
				e.ID, e.Rule, e.Span, e.DocumentID, rep.Rule, rep.Span, rep.DocumentID)
		}
	}
	for id := range byEvent {
		fail("mentions of event %d, which is not listed", id)
	}

	var n int
	for _, m := range ms {
		n += count(m.Source) + count(m.Target)
	}
	for _, q := range qs {
		n += count(q.Speaker)
	}
	var sum int
	for _, a := range actors {
		sum += a.Count
	}
	if sum != n {
		fail("actor counts add up to %d; mentions and quotes hold %d actors", sum, n)
	}
	return errs
}

func count(a *event.Actor) int {
	if a == nil {
		return 0
	}
	return 1
}

func minTime(a, b time.Time) time.Time {
	if b.Before(a) {
		return b
	}
	return a
}

func maxTime(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}

func maxInt(a, b *int) *int {
	if a == nil || (b != nil && *b > *a) {
		return b
	}
	return a
}

func deref(p *int) any {
	if p == nil {
		return nil
	}
	return *p
}
