package web

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/annals-project/annals/internal/api"
	"github.com/annals-project/annals/internal/cameo"
	"github.com/annals-project/annals/internal/event"
	"github.com/annals-project/annals/internal/store"
)

// Page is what every template's layout reads.
type Page struct {
	// Site is the dashboard's name, Title the page's.
	Site, Title string
	// Nav names the menu entry of the page: "events" or "actors".
	Nav    string
	Assets assets
}

func (s *server) page(r *http.Request, title string) Page {
	p := Page{Site: s.title, Title: title, Assets: s.assets}
	switch {
	case r.URL.Path == "/" || strings.HasPrefix(r.URL.Path, "/events/"):
		p.Nav = "events"
	case strings.HasPrefix(r.URL.Path, "/actors"):
		p.Nav = "actors"
	}
	return p
}

// List sizes: the events of one page of the dashboard's list, and the most
// a shared URL may ask for with limit=.
const (
	listLimit    = 50
	maxListLimit = 200
)

// formFields are the filters the dashboard's form shows, in its order.
// Every other event parameter of the API (quad_class, source, cameo, bbox…)
// works in the URL too and is carried along as a hidden field.
var formFields = []string{"q", "country", "actor", "root", "quad_class", "plover", "acled_type", "from", "to", "min_sources"}

// DashboardPage is the data of templates/dashboard.html.
type DashboardPage struct {
	Page
	// Form holds the raw values of the form's fields; Hidden the other
	// parameters of the URL, kept when the form is sent.
	Form   map[string]string
	Hidden []Param
	// Error explains why the filters were refused; the page then lists
	// nothing.
	Error    string
	List     ListView
	Timeline Timeline
	Stats    store.Stats
	Choices  Choices
	// Filtered is true when any filter is set.
	Filtered bool
	// Alerts is the "Recent alerts" panel, nil when the dashboard has no
	// alert store.
	Alerts *AlertsPanel
}

// A Param is one query parameter.
type Param struct{ Name, Value string }

// ListView is a page of the event list.
type ListView struct {
	Events []store.EventRecord
	// Next is the dashboard URL of the next page, "" on the last.
	Next string
}

// Choices are the options of the form's select boxes.
type Choices struct {
	Roots     []cameo.Entry
	PLOVER    []string
	ACLED     []string
	QuadClass []Option
}

// An Option is a select box entry.
type Option struct{ Value, Label string }

func (s *server) choices() Choices {
	c := Choices{Roots: s.codes.Roots(), PLOVER: cameo.PLOVEREvents()}
	for _, a := range cameo.ACLEDCategories() {
		if !slices.Contains(c.ACLED, a.Type) {
			c.ACLED = append(c.ACLED, a.Type)
		}
	}
	for q := 1; q <= 4; q++ {
		c.QuadClass = append(c.QuadClass, Option{strconv.Itoa(q), quadNames[q]})
	}
	return c
}

// quadNames are the names of CAMEO's quad classes.
var quadNames = [5]string{"", "Verbal cooperation", "Material cooperation", "Verbal conflict", "Material conflict"}

// eventFilter reads the event filters of a dashboard URL as the API reads
// them, so that a dashboard view and an /api/events query share their
// parameters. Empty values, which a form sends for its blank fields, are
// dropped first. The list's page size defaults to listLimit.
func eventFilter(q url.Values) (store.EventFilter, url.Values, error) {
	clean := url.Values{}
	for k, vs := range q {
		for _, v := range vs {
			if strings.TrimSpace(v) != "" {
				clean.Add(k, v)
			}
		}
	}
	f, err := api.ParseEventFilter(clean)
	if err != nil {
		return f, clean, err
	}
	switch {
	case f.Limit == 0:
		f.Limit = listLimit
	case f.Limit > maxListLimit:
		f.Limit = maxListLimit
	}
	return f, clean, nil
}

// filterMessage is what the page says about a refused filter.
func filterMessage(err error) string {
	var re *api.RequestError
	if errors.As(err, &re) {
		return re.Message
	}
	return err.Error()
}

func (s *server) handleDashboard(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	f, q, ferr := eventFilter(r.URL.Query())
	d := DashboardPage{Page: s.page(r, "Events"), Form: map[string]string{}, Choices: s.choices()}
	for _, name := range formFields {
		d.Form[name] = q.Get(name)
	}
	for _, k := range sortedKeys(q) {
		if k == "cursor" || slices.Contains(formFields, k) {
			continue
		}
		for _, v := range q[k] {
			d.Hidden = append(d.Hidden, Param{k, v})
		}
	}
	d.Filtered = len(q) > 0
	var err error
	if d.Stats, err = s.store.Stats(ctx); err != nil {
		s.fail(w, r, fmt.Errorf("stats: %w", err))
		return
	}
	d.Alerts = s.alertsPanel(ctx, q.Get("country"))
	status := http.StatusOK
	if ferr != nil {
		d.Error = filterMessage(ferr)
		status = http.StatusBadRequest
		s.render(w, r, status, "dashboard", d)
		return
	}
	if d.List, err = s.list(ctx, f, q); err != nil {
		s.fail(w, r, err)
		return
	}
	tf := f
	tf.From, tf.To = event.Date{}, event.Date{}
	pts, err := s.store.Timeline(ctx, tf, store.Day)
	if err != nil {
		s.fail(w, r, fmt.Errorf("timeline: %w", err))
		return
	}
	d.Timeline = newTimeline(pts, nil, f.From, f.To)
	s.render(w, r, status, "dashboard", d)
}

// handleEventsFragment answers the list alone, as the dashboard renders
// it, for its scripts to swap in when the filters change.
func (s *server) handleEventsFragment(w http.ResponseWriter, r *http.Request) {
	f, q, err := eventFilter(r.URL.Query())
	if err != nil {
		s.errorPage(w, r, http.StatusBadRequest, filterMessage(err))
		return
	}
	lv, err := s.list(r.Context(), f, q)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.renderPart(w, r, "dashboard", "list", lv)
}

// list reads one page of events and the query of the next.
func (s *server) list(ctx context.Context, f store.EventFilter, q url.Values) (ListView, error) {
	n := f.Limit
	f.Limit = n + 1
	evs, err := s.store.Events(ctx, f)
	if err != nil {
		return ListView{}, fmt.Errorf("list events: %w", err)
	}
	lv := ListView{Events: evs}
	if len(evs) > n {
		lv.Events = evs[:n]
		next := url.Values{}
		for k, v := range q {
			next[k] = v
		}
		next.Set("cursor", evs[n-1].Cursor(f.Order))
		lv.Next = "/?" + next.Encode()
	}
	return lv, nil
}

func sortedKeys(q url.Values) []string {
	keys := make([]string, 0, len(q))
	for k := range q {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// EventPage is the data of templates/event.html.
type EventPage struct {
	Page
	Event    store.EventRecord
	Mentions []MentionView
}

// A MentionView is one report of the event: the mention, its evidence
// sentence with the coded parts marked, and the quotes of its document
// near that sentence.
type MentionView struct {
	store.Mention
	// Evidence is nil when the stored text does not hold the sentence.
	Evidence *api.Evidence
	Quotes   []store.QuoteRecord
}

// quoteReach is how many sentences away from a mention's sentence a quote
// of the same document is shown with it, and quotesShown how many at most.
const (
	quoteReach  = 3
	quotesShown = 4
)

func (s *server) handleEvent(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		s.handleNotFound(w, r)
		return
	}
	rec, ms, err := s.store.Event(ctx, id)
	if errors.Is(err, store.ErrNotFound) {
		s.errorPage(w, r, http.StatusNotFound, fmt.Sprintf("There is no event %d in this store.", id))
		return
	}
	if err != nil {
		s.fail(w, r, fmt.Errorf("event %d: %w", id, err))
		return
	}
	p := EventPage{Page: s.page(r, s.eventTitle(&rec)), Event: rec}
	texts := map[int64]string{}
	quotes := map[int64][]store.QuoteRecord{}
	for _, m := range ms {
		text, ok := texts[m.DocumentID]
		if !ok {
			doc, err := s.store.Document(ctx, m.DocumentID)
			if err != nil {
				s.fail(w, r, fmt.Errorf("evidence of event %d: %w", id, err))
				return
			}
			text = doc.Article.Text
			texts[m.DocumentID] = text
			qs, err := s.store.Quotes(ctx, store.QuoteFilter{DocumentID: m.DocumentID, Limit: 500})
			if err != nil {
				s.fail(w, r, fmt.Errorf("quotes of document %d: %w", m.DocumentID, err))
				return
			}
			quotes[m.DocumentID] = qs
		}
		mv := MentionView{Mention: m}
		if ev, ok := api.NewEvidence(text, &m.Event); ok {
			mv.Evidence = &ev
		}
		mv.Quotes = nearQuotes(quotes[m.DocumentID], m.Sentence)
		p.Mentions = append(p.Mentions, mv)
	}
	s.render(w, r, http.StatusOK, "event", p)
}

// nearQuotes returns the quotes within quoteReach sentences of sentence,
// nearest first, then in document order.
func nearQuotes(qs []store.QuoteRecord, sentence int) []store.QuoteRecord {
	var out []store.QuoteRecord
	for _, q := range qs {
		if abs(q.Sentence-sentence) <= quoteReach {
			out = append(out, q)
		}
	}
	slices.SortStableFunc(out, func(a, b store.QuoteRecord) int {
		return cmp.Compare(abs(a.Sentence-sentence), abs(b.Sentence-sentence))
	})
	if len(out) > quotesShown {
		out = out[:quotesShown]
	}
	return out
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// eventTitle names an event in a few words: "Kenyan police · Fire tear gas
// · Nairobi, 2024-03-04".
func (s *server) eventTitle(e *store.EventRecord) string {
	var parts []string
	if e.Source != nil && e.Source.Text != "" {
		parts = append(parts, e.Source.Text)
	}
	parts = append(parts, s.codeName(e.CAMEO))
	if e.Target != nil && e.Target.Text != "" {
		parts = append(parts, e.Target.Text)
	}
	t := strings.Join(parts, " · ")
	if e.Location != nil && e.Location.Name != "" {
		t += ", " + e.Location.Name
	}
	if !e.Date.IsZero() {
		t += ", " + e.Date.String()
	}
	return t
}

// ActorPage is the data of templates/actor.html.
type ActorPage struct {
	Page
	// Code is the CAMEO actor code (or prefix) of the page.
	Code string
	// Actor is the actor with exactly that code, nil if there is none;
	// Related are the actors whose codes extend it.
	Actor   *store.ActorRecord
	Related []store.ActorRecord
	// AsSource and AsTarget are the latest events with the actor on each
	// side; Timeline draws them by day, sources up and targets down.
	AsSource, AsTarget ListView
	Timeline           Timeline
	Quotes             []store.QuoteRecord
}

// actorRows is how many events, quotes and related actors the actor page
// lists.
const actorRows = 25

func (s *server) handleActor(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	code := strings.ToUpper(r.PathValue("code"))
	if len(code) == 0 || len(code) > 32 || !isCode(code) {
		s.handleNotFound(w, r)
		return
	}
	p := ActorPage{Page: s.page(r, code), Code: code}
	actors, err := s.store.Actors(ctx, store.ActorFilter{Code: code, Limit: actorRows + 1})
	if err != nil {
		s.fail(w, r, fmt.Errorf("actors %s: %w", code, err))
		return
	}
	for i := range actors {
		if actors[i].Code == code && p.Actor == nil {
			p.Actor = &actors[i]
			continue
		}
		if len(p.Related) < actorRows {
			p.Related = append(p.Related, actors[i])
		}
	}
	if p.Actor != nil && p.Actor.Name != "" {
		p.Title = p.Actor.Name + " (" + code + ")"
	}
	src := store.EventFilter{Source: code, Order: store.OrderDateDesc, Limit: actorRows}
	tgt := store.EventFilter{Target: code, Order: store.OrderDateDesc, Limit: actorRows}
	if p.AsSource, err = s.list(ctx, src, url.Values{"source": {code}}); err == nil {
		p.AsTarget, err = s.list(ctx, tgt, url.Values{"target": {code}})
	}
	if err != nil {
		s.fail(w, r, fmt.Errorf("events of %s: %w", code, err))
		return
	}
	if len(actors) == 0 && len(p.AsSource.Events) == 0 && len(p.AsTarget.Events) == 0 {
		s.errorPage(w, r, http.StatusNotFound, "No actor of this store has a code starting with "+code+".")
		return
	}
	up, err := s.store.Timeline(ctx, src, store.Day)
	if err != nil {
		s.fail(w, r, fmt.Errorf("timeline of %s: %w", code, err))
		return
	}
	down, err := s.store.Timeline(ctx, tgt, store.Day)
	if err != nil {
		s.fail(w, r, fmt.Errorf("timeline of %s: %w", code, err))
		return
	}
	if down == nil {
		down = []store.TimelinePoint{} // two-sided even when empty
	}
	p.Timeline = newTimeline(up, down, event.Date{}, event.Date{})
	if p.Quotes, err = s.store.Quotes(ctx, store.QuoteFilter{Speaker: code, Limit: actorRows}); err != nil {
		s.fail(w, r, fmt.Errorf("quotes of %s: %w", code, err))
		return
	}
	s.render(w, r, http.StatusOK, "actor", p)
}

func isCode(s string) bool {
	for _, r := range s {
		if !('A' <= r && r <= 'Z' || '0' <= r && r <= '9' || r == '_') {
			return false
		}
	}
	return true
}

// ActorsPage is the data of templates/actors.html.
type ActorsPage struct {
	Page
	// Name is the search of the form; Actors the most seen actors whose
	// name or text contains it.
	Name   string
	Actors []store.ActorRecord
}

// actorsShown is how many actors the actor list shows.
const actorsShown = 100

func (s *server) handleActors(w http.ResponseWriter, r *http.Request) {
	name := strings.TrimSpace(r.URL.Query().Get("name"))
	if len(name) > 200 {
		name = strings.ToValidUTF8(name[:200], "")
	}
	p := ActorsPage{Page: s.page(r, "Actors"), Name: name}
	var err error
	if p.Actors, err = s.store.Actors(r.Context(), store.ActorFilter{Name: name, Limit: actorsShown}); err != nil {
		s.fail(w, r, fmt.Errorf("actors: %w", err))
		return
	}
	s.render(w, r, http.StatusOK, "actors", p)
}
