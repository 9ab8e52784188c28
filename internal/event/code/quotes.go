package code

import (
	"strings"

	"github.com/annals-project/annals/internal/event"
	"github.com/annals-project/annals/internal/quote"
)

// quotes finds the article's quotations and codes their speakers as
// actors. dates holds each sentence's date context, by sentence index.
func (d *doc) quotes(analyses []*sentence, dates map[int]*sentenceContext) []event.Quote {
	var out []event.Quote
	for _, q := range quote.Find(d.a, d.sents) {
		if q.Content.Len() == 0 || q.Fragment && q.Kind == quote.Unknown {
			// A fragment nobody is said to have said is a scare quote
			// or a title, not a quotation.
			continue
		}
		if q.Continues && len(out) > 0 {
			// “A,” she said, “B.”: one quotation, interrupted.
			prev := &out[len(out)-1]
			prev.Text += " " + q.Content.Of(d.a.Text)
			prev.Span.End = q.Content.End
			continue
		}
		var speaker *event.Actor
		switch {
		case q.Speaker.Len() > 0:
			speaker = d.speaker(analyses, q.Speaker)
		}
		if speaker != nil && q.Kind == quote.Pronoun && speaker.Code == "" && q.Antecedent.Len() > 0 {
			speaker = d.speaker(analyses, q.Antecedent)
		}
		eq := event.Quote{
			Sentence: q.Sentence,
			Text:     q.Content.Of(d.a.Text),
			Direct:   q.Direct,
			Speaker:  speaker,
			Span:     q.Content,
		}
		if sc, ok := dates[q.Sentence]; ok {
			eq.Date = sc.date
		}
		if q.Kind == quote.Post && q.Block+1 < len(d.a.Blocks) {
			// A post is dated by its signature line.
			for _, b := range d.a.Blocks[q.Block:] {
				if b.Kind == event.BlockSignature {
					if !b.Date.IsZero() {
						eq.Date = b.Date
					}
					break
				}
			}
		}
		out = append(out, eq)
	}
	return out
}

// speaker codes the actor a speaker span names: an actor phrase that
// overlaps it, a name learned in the document, or a dictionary entry.
func (d *doc) speaker(analyses []*sentence, sp event.Span) *event.Actor {
	text := sp.Of(d.a.Text)
	for _, st := range analyses {
		if !st.s.Span.Contains(sp) && !(st.s.Span.Start < sp.End && sp.Start < st.s.Span.End) {
			continue
		}
		var best *phrase
		for _, p := range st.phrases {
			ps := event.Span{Start: st.toks[p.from].span.Start, End: st.toks[p.to-1].span.End}
			if ps.Start < sp.End && sp.Start < ps.End && p.actor != nil && (p.actor.Code != "" || p.actor.Role != "") {
				if best == nil || p.actor.person && !best.actor.person || p.to-p.from > best.to-best.from {
					best = p
				}
			}
		}
		if best != nil {
			// A speaker named without a country takes the document's;
			// its text is the whole phrase as written ("The minister of
			// the economy, Mr. Guajardo Villarreal"), its code the
			// actor's.
			out := d.actorOut("", best.actor, false, false)
			out.Text, out.Span = text, sp
			return out
		}
	}
	low := lower(text)
	if a, ok := d.learned[low]; ok {
		out := a.Actor
		out.Text, out.Span = text, sp
		return &out
	}
	// "Josep Borrell Fontelles": a learned or known name inside it.
	for _, w := range strings.Fields(low) {
		if a, ok := d.learned[w]; ok && len(w) > 3 {
			out := a.Actor
			out.Text, out.Span = text, sp
			return &out
		}
	}
	for _, m := range d.c.actors.Match(d.a.Text, sp, d.a.Anchor, nil) {
		if len(m.Entries) > 0 {
			a := entryActor(m.Entries[0], text, sp)
			return &a
		}
	}
	return &event.Actor{Text: text, Span: sp}
}
