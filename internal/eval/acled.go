package eval

import (
	"fmt"
	"slices"
	"strings"

	"github.com/annals-project/annals/internal/event"
)

// LabelNone is the label of a report of no political event, and the
// prediction for a document without a typed event.
const LabelNone = "NONE"

// Predicted returns the ACLED sub-event type a coded document is given:
// the ACLEDSubtype of its most confident event that has one (the first on
// a tie), or LabelNone.
func Predicted(c *event.Coded) string {
	if c == nil {
		return LabelNone
	}
	best, conf, found := LabelNone, 0.0, false
	for i := range c.Events {
		e := &c.Events[i]
		if e.ACLEDSubtype == "" {
			continue
		}
		if !found || e.Confidence > conf {
			best, conf, found = e.ACLEDSubtype, e.Confidence, true
		}
	}
	return best
}

// normLabel folds a label for comparison: underscores as spaces, single
// spaces, lower case ("Peaceful_protest" is "peaceful protest").
func normLabel(s string) string {
	return lower(strings.Join(strings.FieldsFunc(strings.ReplaceAll(s, "_", " "), isSpace), " "))
}

// Labels scores ACLED sub-event type classification, one label per
// document, as the CASE 2021 shared task did: accuracy, F1 per gold label
// weighted by its support, macro F1, and how often a report of no event
// was given one. The zero value is ready to use.
type Labels struct {
	gold, pred []string
}

// Add records one document's gold and predicted labels.
func (l *Labels) Add(gold, predicted string) {
	l.gold = append(l.gold, normLabel(gold))
	l.pred = append(l.pred, normLabel(predicted))
}

// labelStats are the per-label tallies, labels in order of first
// appearance among the golds.
type labelStats struct {
	labels           []string
	support, tp      map[string]int
	fp, fn           map[string]int
	f1               map[string]float64
	n, correct       int
	noneN, noneFalse int
}

func (l *Labels) stats() labelStats {
	s := labelStats{support: map[string]int{}, tp: map[string]int{}, fp: map[string]int{}, fn: map[string]int{}, f1: map[string]float64{}}
	none := normLabel(LabelNone)
	for i, g := range l.gold {
		p := l.pred[i]
		if s.support[g] == 0 {
			s.labels = append(s.labels, g)
		}
		s.support[g]++
		if g == p {
			s.tp[g]++
			s.correct++
		} else {
			s.fp[p]++
			s.fn[g]++
		}
		if g == none {
			s.noneN++
			if p != none {
				s.noneFalse++
			}
		}
	}
	s.n = len(l.gold)
	for _, lab := range s.labels {
		prec := ratio(s.tp[lab], s.tp[lab]+s.fp[lab])
		rec := ratio(s.tp[lab], s.tp[lab]+s.fn[lab])
		if prec+rec > 0 {
			s.f1[lab] = float64(2*prec*rec) / (prec + rec)
		}
	}
	return s
}

// Accuracy is the share of documents given their gold label.
func (l *Labels) Accuracy() float64 { return ratio(l.stats().correct, len(l.gold)) }

// WeightedF1 is the F1 of each gold label weighted by its support.
func (l *Labels) WeightedF1() float64 {
	s := l.stats()
	return s.weighted()
}

func (s labelStats) weighted() float64 {
	if s.n == 0 {
		return 0
	}
	sum := 0.0
	for _, lab := range s.labels {
		sum += float64(s.f1[lab] * float64(s.support[lab]))
	}
	return sum / float64(s.n)
}

func (s labelStats) macro() float64 {
	if len(s.labels) == 0 {
		return 0
	}
	sum := 0.0
	for _, lab := range s.labels {
		sum += s.f1[lab]
	}
	return sum / float64(len(s.labels))
}

// Summary formats the one-line summary of the reference scorer:
//
//	acled-type acc=.. wF1=.. macroF1=.. none-false-alarm=.. docs=N
func (l *Labels) Summary() string {
	s := l.stats()
	return fmt.Sprintf("acled-type acc=%.3f wF1=%.3f macroF1=%.3f none-false-alarm=%.2f docs=%d",
		ratio(s.correct, s.n), s.weighted(), s.macro(), ratio(s.noneFalse, s.noneN), s.n)
}

// Report lists each gold label with its support and F1, most frequent
// first, then the 15 most frequent confusions.
func (l *Labels) Report() []string {
	s := l.stats()
	labels := slices.Clone(s.labels)
	slices.SortStableFunc(labels, func(a, b string) int { return s.support[b] - s.support[a] })
	var out []string
	for _, lab := range labels {
		out = append(out, fmt.Sprintf("%-40s n=%4d F1=%.2f", lab, s.support[lab], s.f1[lab]))
	}
	type pair struct{ gold, pred string }
	var order []pair
	count := map[pair]int{}
	for i, g := range l.gold {
		p := pair{g, l.pred[i]}
		if p.gold == p.pred {
			continue
		}
		if count[p] == 0 {
			order = append(order, p)
		}
		count[p]++
	}
	slices.SortStableFunc(order, func(a, b pair) int { return count[b] - count[a] })
	for _, p := range order[:min(15, len(order))] {
		out = append(out, fmt.Sprintf("  %4d  gold %-32s predicted %s", count[p], p.gold, p.pred))
	}
	return out
}
