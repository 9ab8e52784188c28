package eval

import (
	"fmt"
	"slices"
	"strings"

	"github.com/annals-project/annals/internal/event"
)

// Counts are the tallies behind the summary figures. They add up over
// documents.
type Counts struct {
	// EventsTP counts emitted events that match a gold event;
	// EventsJudged the emitted events the gold judges.
	EventsTP, EventsJudged int
	// Required counts the required gold events; Found those matched
	// loosely; Strict those matched with nothing wrong.
	Required, Found, Strict int
	// DateJudged and DateOK count found events whose gold gives a date,
	// and those among them with the right date; the same for locations.
	DateJudged, DateOK         int
	LocationJudged, LocationOK int
	// QuotesTP counts emitted quotes whose text matches a gold quote;
	// QuotesEmitted all emitted quotes.
	QuotesTP, QuotesEmitted int
	// QuotesRequired counts the required gold quotes; QuotesFound those
	// matched with the right speaker.
	QuotesRequired, QuotesFound int
}

// Add adds o to c.
func (c *Counts) Add(o Counts) {
	c.EventsTP += o.EventsTP
	c.EventsJudged += o.EventsJudged
	c.Required += o.Required
	c.Found += o.Found
	c.Strict += o.Strict
	c.DateJudged += o.DateJudged
	c.DateOK += o.DateOK
	c.LocationJudged += o.LocationJudged
	c.LocationOK += o.LocationOK
	c.QuotesTP += o.QuotesTP
	c.QuotesEmitted += o.QuotesEmitted
	c.QuotesRequired += o.QuotesRequired
	c.QuotesFound += o.QuotesFound
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Precision is the share of judged events that match a gold event.
func (c Counts) Precision() float64 { return ratio(c.EventsTP, c.EventsJudged) }

// Recall is the share of required gold events found.
func (c Counts) Recall() float64 { return ratio(c.Found, c.Required) }

// F1 is the harmonic mean of Precision and Recall.
func (c Counts) F1() float64 {
	p, r := c.Precision(), c.Recall()
	if p+r == 0 {
		return 0
	}
	return float64(2*p*r) / (p + r)
}

// Summary formats the one-line summary of the reference scorer:
//
//	events P=.. R=.. F1=.. strict=.. date=.. location=.. (h/n required, m judged) · quotes P=.. R=.. · docs=N
//
// date= and location= appear only when some found event was judged on
// them.
func (c Counts) Summary(docs int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "events P=%.2f R=%.2f F1=%.2f strict=%.2f", c.Precision(), c.Recall(), c.F1(), ratio(c.Strict, c.Required))
	if c.DateJudged > 0 {
		fmt.Fprintf(&b, " date=%.2f", ratio(c.DateOK, c.DateJudged))
	}
	if c.LocationJudged > 0 {
		fmt.Fprintf(&b, " location=%.2f", ratio(c.LocationOK, c.LocationJudged))
	}
	fmt.Fprintf(&b, " (%d/%d required, %d judged) · quotes P=%.2f R=%.2f · docs=%d",
		c.Found, c.Required, c.EventsJudged, ratio(c.QuotesTP, c.QuotesEmitted), ratio(c.QuotesFound, c.QuotesRequired), docs)
	return b.String()
}

// A Result is the score of one document.
type Result struct {
	Counts Counts
	// Report lists the misses, partial matches and false positives, one
	// line each, in the reference scorer's layout.
	Report []string
	// Outcome records what became of each required gold item.
	Outcome Outcome
}

// Score scores the coded document c against its gold g. A nil c (the
// document could not be coded) scores as a document without events.
func Score(g *Gold, c *event.Coded) Result {
	var evs []event.Event
	var qs []event.Quote
	if c != nil {
		evs, qs = c.Events, c.Quotes
	}
	r := Result{Outcome: Outcome{Doc: g.Name, Label: g.Label}}
	r.Counts.EventsJudged = len(evs)
	r.Counts.QuotesEmitted = len(qs)

	sents := make([]string, len(g.Events))
	for i := range g.Events {
		sents[i] = norm(g.Events[i].Sentence)
	}
	cs := make([]coded, len(evs))
	for i := range evs {
		cs[i] = newCoded(&evs[i])
	}
	judged := g.judgedRoots()
	for _, e := range cs {
		matched := false
		for i := range g.Events {
			if looseMatch(&g.Events[i], sents[i], e) {
				matched = true
				break
			}
		}
		switch {
		case matched:
			r.Counts.EventsTP++
		case judged != nil && !slices.Contains(judged, e.root):
			r.Counts.EventsJudged-- // outside what this gold judges
		default:
			line := fmt.Sprintf("root=%s src=%s tgt=%s :: %s", e.root,
				strings.TrimFunc(e.src.String(), isSpace), strings.TrimFunc(actorFields(e.ev.Target).String(), isSpace),
				prefix(e.ev.Text, 90))
			r.Report = append(r.Report, "  FP event  "+line)
			r.Outcome.FalsePositives = append(r.Outcome.FalsePositives, line)
		}
	}

	for i := range g.Events {
		ge := &g.Events[i]
		if !ge.IsRequired() {
			continue
		}
		r.Counts.Required++
		var best []string
		hit := false
		for _, e := range cs {
			if !looseMatch(ge, sents[i], e) {
				continue
			}
			p := strictProblems(ge, e.ev)
			if !hit || len(p) < len(best) {
				best = p
			}
			hit = true
		}
		if !hit {
			r.Report = append(r.Report, fmt.Sprintf("  MISS %-4s roots=%s :: %s", ge.ID, strings.Join(ge.Roots, ","), ge.Sentence))
			r.Outcome.Items = append(r.Outcome.Items, Item{Kind: KindEvent, ID: ge.ID, Status: StatusMiss})
			continue
		}
		r.Counts.Found++
		if ge.Date != "" {
			r.Counts.DateJudged++
			if !hasProblem(best, "date") {
				r.Counts.DateOK++
			}
		}
		if ge.Location.judged() {
			r.Counts.LocationJudged++
			if !hasProblem(best, "location") {
				r.Counts.LocationOK++
			}
		}
		if len(best) > 0 {
			detail := strings.Join(best, "; ")
			r.Report = append(r.Report, fmt.Sprintf("  PART %-4s %s :: %s", ge.ID, detail, ge.Sentence))
			r.Outcome.Items = append(r.Outcome.Items, Item{Kind: KindEvent, ID: ge.ID, Status: StatusPartial, Detail: detail})
		} else {
			r.Counts.Strict++
			r.Outcome.Items = append(r.Outcome.Items, Item{Kind: KindEvent, ID: ge.ID, Status: StatusHit})
		}
	}

	gtexts := make([]string, len(g.Quotes))
	for i := range g.Quotes {
		gtexts[i] = norm(g.Quotes[i].Text)
	}
	for i := range qs {
		qt := norm(qs[i].Text)
		if slices.ContainsFunc(gtexts, func(gt string) bool { return quoteTextMatch(gt, qt) }) {
			r.Counts.QuotesTP++
		} else {
			r.Report = append(r.Report, "  FP quote  "+prefix(qs[i].Text, 90))
			r.Outcome.FalsePositives = append(r.Outcome.FalsePositives, "quote :: "+prefix(qs[i].Text, 90))
		}
	}
	for i := range g.Quotes {
		gq := &g.Quotes[i]
		if !gq.IsRequired() {
			continue
		}
		r.Counts.QuotesRequired++
		found := false
		for j := range qs {
			if quoteMatch(gq, gtexts[i], &qs[j]) {
				found = true
				break
			}
		}
		if found {
			r.Counts.QuotesFound++
			r.Outcome.Items = append(r.Outcome.Items, Item{Kind: KindQuote, ID: gq.ID, Status: StatusHit})
			continue
		}
		r.Report = append(r.Report, fmt.Sprintf("  MISS %-4s quote %q by %s", gq.ID, prefix(gq.Text, 60), strings.Join(gq.Speaker, "/")))
		r.Outcome.Items = append(r.Outcome.Items, Item{Kind: KindQuote, ID: gq.ID, Status: StatusMiss})
	}
	if g.Label != "" {
		r.Outcome.Predicted = Predicted(c)
	}
	return r
}

func hasProblem(problems []string, field string) bool {
	return slices.ContainsFunc(problems, func(p string) bool { return strings.HasPrefix(p, field) })
}

// Totals adds up the results of the documents of a set.
type Totals struct {
	Counts
	// Docs counts the documents scored.
	Docs int
}

// Add counts one document's result.
func (t *Totals) Add(r Result) {
	t.Counts.Add(r.Counts)
	t.Docs++
}

// Summary formats the one-line summary (see Counts.Summary).
func (t *Totals) Summary() string { return t.Counts.Summary(t.Docs) }
