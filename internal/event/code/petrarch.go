package code

import (
	"github.com/annals-project/annals/internal/cameo"
	"github.com/annals-project/annals/internal/event"
	"github.com/annals-project/annals/internal/nlp"
	"github.com/annals-project/annals/internal/tabari"
)

// A PETRARCHCoder codes with dictionaries in PETRARCH/TABARI format
// (--verbs, --actors, --agents, --discards) instead of the built-in ones.
// It is safe for concurrent use.
type PETRARCHCoder struct {
	m     *tabari.Matcher
	codes *cameo.Table
}

// NewPETRARCH returns a coder for loaded PETRARCH dictionaries.
func NewPETRARCH(d *tabari.Dictionaries, codes *cameo.Table) *PETRARCHCoder {
	return &PETRARCHCoder{m: tabari.NewMatcher(d), codes: codes}
}

// Code codes every sentence of a, skipping sentences the discards list
// rules out (and the whole article when a story discard matches).
func (c *PETRARCHCoder) Code(a *event.Article, sents []event.Sentence) ([]event.Event, []event.Quote, []event.Entity) {
	var events []event.Event
	var ntoks []nlp.Token
	var toks []tabari.Token
	for _, s := range sents {
		ntoks = nlp.Tokens(a.Text, s.Span, ntoks[:0])
		toks = toks[:0]
		for _, t := range ntoks {
			toks = append(toks, tabari.Token{Span: t.Span, Word: nlp.Lower(a.Text, t)})
		}
		sentence, story := c.m.Discarded(toks)
		if story {
			return nil, nil, nil
		}
		if sentence {
			continue
		}
		for _, k := range c.m.Code(toks, a.Anchor) {
			e, ok := c.codes.Lookup(cameo.Code(k.Code))
			if !ok {
				// A dictionary code outside CAMEO: keep what it says.
				e = cameo.Entry{Code: cameo.Code(k.Code), Root: cameo.Code(k.Code).Root(), QuadClass: cameo.Code(k.Code).QuadClass()}
			}
			ev := event.Event{
				Sentence:      s.Index,
				Text:          s.Span.Of(a.Text),
				Span:          k.VerbSpan,
				Source:        petrarchActor(a.Text, k.Source, k.SourceSpan),
				Target:        petrarchActor(a.Text, k.Target, k.TargetSpan),
				CAMEO:         k.Code,
				Root:          e.Root,
				QuadClass:     e.QuadClass,
				Goldstein:     e.Goldstein,
				PLOVER:        e.PLOVER,
				PLOVERMode:    e.PLOVERMode,
				ACLEDType:     e.ACLEDType,
				ACLEDSubtype:  e.ACLEDSubtype,
				Date:          a.Anchor,
				DatePrecision: "anchor",
				Confidence:    0.6,
				Rule:          k.Rule,
			}
			events = append(events, ev)
		}
	}
	return events, nil, nil
}

// petrarchActor turns a PETRARCH actor code into an Actor: the first three
// letters are the country (or IGO/NGO prefix), the next three the role.
func petrarchActor(text, code string, sp event.Span) *event.Actor {
	if code == "" {
		return nil
	}
	a := &event.Actor{Text: sp.Of(text), Code: code, Span: sp}
	if len(code) >= 3 {
		a.Country = code[:3]
	}
	if len(code) >= 6 {
		a.Role = code[3:6]
	}
	return a
}
