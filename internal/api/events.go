package api

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"strconv"
	"time"

	"github.com/annals-project/annals/internal/event"
	"github.com/annals-project/annals/internal/store"
)

// EventList is the body of GET /api/events: a page of events and the
// cursor of the next page, empty on the last one.
type EventList struct {
	Events []store.EventRecord `json:"events"`
	Next   string              `json:"next,omitempty"`
}

// EventDetail is the body of GET /api/events/{id}.
type EventDetail struct {
	Event    store.EventRecord `json:"event"`
	Mentions []MentionEvidence `json:"mentions"`
}

// A MentionEvidence is a mention with its evidence sentence. Evidence is
// nil when the stored document does not hold the mention's sentence where
// it says.
type MentionEvidence struct {
	store.Mention
	Evidence *Evidence `json:"evidence"`
}

// QuoteList is the body of GET /api/quotes.
type QuoteList struct {
	Quotes []store.QuoteRecord `json:"quotes"`
	Next   string              `json:"next,omitempty"`
}

// ActorList is the body of GET /api/actors.
type ActorList struct {
	Actors []store.ActorRecord `json:"actors"`
	Next   string              `json:"next,omitempty"`
}

// Timeline is the body of GET /api/stats/timeline.
type Timeline struct {
	Bucket store.Bucket          `json:"bucket"`
	Points []store.TimelinePoint `json:"points"`
}

func (s *Server) handleHealth(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
	defer cancel()
	if _, err := s.Store.Events(ctx, store.EventFilter{Limit: 1}); err != nil {
		s.logger().LogAttrs(ctx, slog.LevelError, "health check", slog.String("error", err.Error()))
		s.Error(w, r, &RequestError{Status: http.StatusServiceUnavailable, Code: CodeUnavailable, Message: "the store does not answer"})
		return
	}
	writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
}

func (s *Server) handleEvents(w http.ResponseWriter, r *http.Request) {
	p := newParams(r.URL.Query())
	f := p.eventSelect()
	p.eventPage(&f, DefaultLimit, MaxLimit)
	if err := p.err(); err != nil {
		s.Error(w, r, err)
		return
	}
	evs, next, err := s.eventPage(r.Context(), f)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, &EventList{Events: evs, Next: next})
}

// eventPage returns up to f.Limit events and the cursor of the next page,
// asking the store for one more to know whether there is one.
func (s *Server) eventPage(ctx context.Context, f store.EventFilter) ([]store.EventRecord, string, error) {
	n := f.Limit
	f.Limit = n + 1
	evs, err := s.Store.Events(ctx, f)
	if err != nil {
		return nil, "", fmt.Errorf("list events: %w", err)
	}
	var next string
	if len(evs) > n {
		evs = evs[:n]
		next = evs[n-1].Cursor(f.Order)
	}
	if evs == nil {
		evs = []store.EventRecord{}
	}
	return evs, next, nil
}

// pathID reads the positive integer {id} of the path.
func pathID(r *http.Request) (int64, error) {
	s := r.PathValue("id")
	id, err := strconv.ParseInt(s, 10, 64)
	if err != nil || id <= 0 {
		return 0, invalidf("id %q: want a positive integer", s)
	}
	return id, nil
}

func (s *Server) handleEvent(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err == nil {
		err = newParams(r.URL.Query()).err()
	}
	if err != nil {
		s.Error(w, r, err)
		return
	}
	rec, ms, err := s.Store.Event(r.Context(), id)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	d := &EventDetail{Event: rec, Mentions: make([]MentionEvidence, len(ms))}
	texts := map[int64]string{}
	for i, m := range ms {
		text, ok := texts[m.DocumentID]
		if !ok {
			doc, err := s.Store.Document(r.Context(), m.DocumentID)
			if err != nil {
				s.Error(w, r, fmt.Errorf("evidence of event %d: %w", id, err))
				return
			}
			text = doc.Article.Text
			texts[m.DocumentID] = text
		}
		d.Mentions[i].Mention = m
		if ev, ok := NewEvidence(text, &m.Event); ok {
			d.Mentions[i].Evidence = &ev
		}
	}
	writeJSON(w, http.StatusOK, d)
}

func (s *Server) handleDocument(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err == nil {
		err = newParams(r.URL.Query()).err()
	}
	if err != nil {
		s.Error(w, r, err)
		return
	}
	d, err := s.Store.Document(r.Context(), id)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	if d.Events == nil {
		d.Events = []event.Event{}
	}
	if d.Quotes == nil {
		d.Quotes = []event.Quote{}
	}
	writeJSON(w, http.StatusOK, d)
}

func (s *Server) handleQuotes(w http.ResponseWriter, r *http.Request) {
	p := newParams(r.URL.Query())
	f := store.QuoteFilter{
		DocumentID:  p.id("document"),
		Speaker:     p.code("speaker", 32),
		SpeakerText: p.get("speaker_text"),
		Text:        p.text("q"),
		Direct:      p.bool("direct"),
		From:        p.date("from"),
		To:          p.date("to"),
		Limit:       p.int("limit", 1, MaxLimit, DefaultLimit),
		Offset:      p.offset(),
	}
	if err := p.err(); err != nil {
		s.Error(w, r, err)
		return
	}
	qs, next, err := fetchPage(f.Limit, f.Offset, func(limit int) ([]store.QuoteRecord, error) {
		f.Limit = limit
		return s.Store.Quotes(r.Context(), f)
	})
	if err != nil {
		s.Error(w, r, fmt.Errorf("list quotes: %w", err))
		return
	}
	writeJSON(w, http.StatusOK, &QuoteList{Quotes: qs, Next: next})
}

func (s *Server) handleActors(w http.ResponseWriter, r *http.Request) {
	p := newParams(r.URL.Query())
	f := store.ActorFilter{
		Code:     p.code("code", 32),
		Name:     p.get("name"),
		Country:  p.code("country", 3),
		Role:     p.code("role", 8),
		MinCount: p.int("min_count", 0, 1<<31-1, 0),
		Limit:    p.int("limit", 1, MaxLimit, DefaultLimit),
		Offset:   p.offset(),
	}
	if err := p.err(); err != nil {
		s.Error(w, r, err)
		return
	}
	as, next, err := fetchPage(f.Limit, f.Offset, func(limit int) ([]store.ActorRecord, error) {
		f.Limit = limit
		return s.Store.Actors(r.Context(), f)
	})
	if err != nil {
		s.Error(w, r, fmt.Errorf("list actors: %w", err))
		return
	}
	writeJSON(w, http.StatusOK, &ActorList{Actors: as, Next: next})
}

func (s *Server) handleStats(w http.ResponseWriter, r *http.Request) {
	if err := newParams(r.URL.Query()).err(); err != nil {
		s.Error(w, r, err)
		return
	}
	st, err := s.Store.Stats(r.Context())
	if err != nil {
		s.Error(w, r, fmt.Errorf("stats: %w", err))
		return
	}
	writeJSON(w, http.StatusOK, &st)
}

func (s *Server) handleTimeline(w http.ResponseWriter, r *http.Request) {
	p := newParams(r.URL.Query())
	b := store.Bucket(p.get("bucket"))
	switch b {
	case "":
		b = store.Day
	case store.Day, store.Week, store.Month, store.Year:
	default:
		p.errorf("bucket: %q: want day, week, month or year", b)
	}
	f := p.eventSelect()
	if err := p.err(); err != nil {
		s.Error(w, r, err)
		return
	}
	pts, err := s.Store.Timeline(r.Context(), f, b)
	if err != nil {
		s.Error(w, r, fmt.Errorf("timeline: %w", err))
		return
	}
	if pts == nil {
		pts = []store.TimelinePoint{}
	}
	writeJSON(w, http.StatusOK, &Timeline{Bucket: b, Points: pts})
}

// offsetPage cuts a list fetched with one row more than the page size n:
// the page (never nil, so it encodes as []) and the offset of the next
// page, "" when this is the last.
// fetchPage fetches the page of limit rows at offset, asking fetch for one
// row more to tell whether another page follows, and returns the rows (never
// nil) and the next page's offset, or "" at the end.
func fetchPage[T any](limit, offset int, fetch func(limit int) ([]T, error)) ([]T, string, error) {
	rows, err := fetch(limit + 1)
	if err != nil {
		return nil, "", err
	}
	rows, next := offsetPage(rows, limit, offset)
	return rows, next, nil
}

func offsetPage[T any](rows []T, n, offset int) ([]T, string) {
	if len(rows) > n {
		return rows[:n], strconv.Itoa(offset + n)
	}
	if rows == nil {
		rows = []T{}
	}
	return rows, ""
}
