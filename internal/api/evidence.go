package api

import (
	"cmp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/annals-project/annals/internal/event"
)

// Evidence is the sentence that reported an event, with the parts of it the
// coder read as the actors, the action and the place.
type Evidence struct {
	// Text is the sentence, cut from the stored document's text.
	Text string `json:"text"`
	// Span is the sentence's byte range in the document.
	Span event.Span `json:"span"`
	// Marks are the coded parts as byte ranges into Text, by start.
	Marks []Mark `json:"marks"`
	// Parts cut Text at the marks: joined, they give Text back, and each
	// has the kind of the mark it lies in ("" for none; where marks
	// overlap, action wins over source, target and location in that
	// order). A client can highlight from Parts without byte arithmetic.
	Parts []Part `json:"parts"`
}

// The kinds of Mark, in order of precedence.
const (
	MarkAction   = "action"
	MarkSource   = "source"
	MarkTarget   = "target"
	MarkLocation = "location"
)

// A Mark is a coded part of an evidence sentence.
type Mark struct {
	Kind string `json:"kind"`
	// Span is relative to Evidence.Text.
	Span event.Span `json:"span"`
	Text string     `json:"text"`
}

// A Part is a run of an evidence sentence with one kind of mark, or none.
type Part struct {
	Text string `json:"text"`
	Kind string `json:"kind,omitempty"`
}

// NewEvidence finds the sentence of e in doc, the text of the document that
// reported it, and marks e's action, actors and location within it. The
// sentence is located by its text (e.Text) around the action's span, so a
// sentence repeated elsewhere in the document is not confused with it. It
// reports false when doc does not hold the sentence there, which happens
// only when the stored text and the mention disagree.
func NewEvidence(doc string, e *event.Event) (Evidence, bool) {
	s := e.Text
	if s == "" || !e.Span.Valid(len(doc)) {
		return Evidence{}, false
	}
	lo := max(0, e.Span.End-len(s))
	i := strings.Index(doc[lo:], s)
	if i < 0 || lo+i > e.Span.Start {
		return Evidence{}, false
	}
	start := lo + i
	ev := Evidence{Text: s, Span: event.Span{Start: start, End: start + len(s)}, Marks: []Mark{}}
	add := func(kind string, sp event.Span) {
		rel := event.Span{Start: sp.Start - start, End: sp.End - start}
		if rel.Len() <= 0 || !rel.Valid(len(s)) || !boundary(s, rel.Start) || !boundary(s, rel.End) {
			return
		}
		ev.Marks = append(ev.Marks, Mark{Kind: kind, Span: rel, Text: rel.Of(s)})
	}
	add(MarkAction, e.Span)
	if e.Source != nil {
		add(MarkSource, e.Source.Span)
	}
	if e.Target != nil {
		add(MarkTarget, e.Target.Span)
	}
	if e.Location != nil {
		add(MarkLocation, e.Location.Span)
	}
	slices.SortStableFunc(ev.Marks, func(a, b Mark) int { return cmp.Compare(a.Span.Start, b.Span.Start) })
	ev.Parts = parts(s, ev.Marks)
	return ev, true
}

// boundary reports whether i is a rune boundary of s.
func boundary(s string, i int) bool { return i == len(s) || utf8.RuneStart(s[i]) }

var markRank = map[string]int{MarkAction: 0, MarkSource: 1, MarkTarget: 2, MarkLocation: 3}

// parts cuts s at the marks' edges.
func parts(s string, marks []Mark) []Part {
	cuts := []int{0, len(s)}
	for _, m := range marks {
		cuts = append(cuts, m.Span.Start, m.Span.End)
	}
	slices.Sort(cuts)
	cuts = slices.Compact(cuts)
	out := []Part{}
	for i := 0; i+1 < len(cuts); i++ {
		a, b := cuts[i], cuts[i+1]
		kind, rank := "", len(markRank)
		for _, m := range marks {
			if m.Span.Start <= a && b <= m.Span.End && markRank[m.Kind] < rank {
				kind, rank = m.Kind, markRank[m.Kind]
			}
		}
		if n := len(out); n > 0 && out[n-1].Kind == kind {
			out[n-1].Text += s[a:b]
			continue
		}
		out = append(out, Part{Text: s[a:b], Kind: kind})
	}
	return out
}
