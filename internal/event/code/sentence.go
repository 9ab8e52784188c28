package code

import (
	"sort"
	"unicode"
	"unicode/utf8"

	"github.com/annals-project/annals/internal/actor"
	"github.com/annals-project/annals/internal/event"
	"github.com/annals-project/annals/internal/geo"
	"github.com/annals-project/annals/internal/nlp"
)

// tok is one token of a sentence as the coder sees it.
type tok struct {
	span event.Span
	low  string // lower-cased text
	cap  bool   // starts with an upper-case letter
	word bool   // starts with a letter or digit
}

// sentence is the analysis of one sentence: tokens, actor phrases and
// event triggers.
type sentence struct {
	s       event.Sentence
	text    string // the article's whole text
	toks    []tok
	phrases []*phrase
	// phraseAt maps a token index to the phrase covering it, or -1.
	phraseAt []int
	triggers []trigger
	doc      *doc
	// sports counts the words of sport in the sentence.
	sports int
	// cues is what the sentence's words say about its events, read once
	// when first needed (see cue).
	cues *cues
	// subs are the places the gazetteer lacks (see subPlaces), found once.
	subs    []event.Span
	subDone bool
}

// analyse tokenises a sentence and finds its actor phrases and triggers.
func (d *doc) analyse(s event.Sentence) *sentence {
	text := d.a.Text
	st := &sentence{s: s, text: text, doc: d}
	for _, t := range nlp.Tokens(text, s.Span, nil) {
		w := t.Span.Of(text)
		r, _ := utf8.DecodeRuneInString(w)
		st.toks = append(st.toks, tok{
			span: t.Span,
			low:  lower(w),
			cap:  unicode.IsUpper(r),
			word: unicode.IsLetter(r) || unicode.IsDigit(r),
		})
	}
	st.sports = sportsCues(st.toks)
	d.findPhrases(st)
	st.dropWaters()
	st.shareAgents()
	d.findTriggers(st)
	return st
}

// low returns the lower-cased token i, or "" out of range.
func (st *sentence) low(i int) string {
	if i < 0 || i >= len(st.toks) {
		return ""
	}
	return st.toks[i].low
}

// phraseOf returns the phrase covering token i, or nil.
func (st *sentence) phraseOf(i int) *phrase {
	if i < 0 || i >= len(st.phraseAt) || st.phraseAt[i] < 0 {
		return nil
	}
	return st.phrases[st.phraseAt[i]]
}

// entities returns the named entities the analysis found: actor phrases
// and the article's place names that lie in the sentence.
func (st *sentence) entities(places []geo.Mention) []event.Entity {
	var out []event.Entity
	for _, m := range places {
		if st.s.Span.Contains(m.Span) && st.phraseOf(st.tokAt(m.Span.Start)) == nil {
			out = append(out, event.Entity{Text: m.Span.Of(st.text), Type: event.EntityPlace, Span: m.Span})
		}
	}
	for _, p := range st.phrases {
		if p.actor == nil || !st.toks[p.from].cap {
			continue
		}
		typ := event.EntityOrg
		switch {
		case p.actor.person:
			typ = event.EntityPerson
		case p.kind == actor.Country && p.actor.Role == "" && !p.demonym:
			typ = event.EntityPlace
		case p.kind == actor.Country && p.demonym:
			continue
		}
		sp := event.Span{Start: st.toks[p.from].span.Start, End: st.toks[p.to-1].span.End}
		out = append(out, event.Entity{Text: sp.Of(st.text), Type: typ, Span: sp})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Span.Start < out[j].Span.Start })
	return out
}

// tokAt returns the index of the token starting at byte off, or -1.
func (st *sentence) tokAt(off int) int {
	for i, t := range st.toks {
		if t.span.Start == off {
			return i
		}
	}
	return -1
}

// dropWaters removes the countries named inside the names of seas, gulfs
// and oceans ("the South China Sea", "the Gulf of Mexico", "the Sea of
// Japan", "the Indian Ocean"): they are places, not actors.
func (st *sentence) dropWaters() {
	kept := st.phrases[:0]
	for _, p := range st.phrases {
		water := false
		if p.kind == actor.Country && p.actor != nil && p.actor.Role == "" {
			next, prev, prev2 := st.textOf(p.to), st.low(p.from-1), st.low(p.from-2)
			water = next == "Sea" || next == "Ocean" || next == "Sea's" ||
				prev == "of" && p.from >= 2 && st.toks[p.from-2].cap && waters[prev2]
		}
		if water {
			for g := p.from; g < p.to; g++ {
				st.phraseAt[g] = -1
			}
			if c := p.actor.Country; st.doc.focus[c] > 0 {
				st.doc.focus[c]-- // the sea's name says nothing of the story's country
			}
			continue
		}
		kept = append(kept, p)
	}
	if len(kept) == len(st.phrases) {
		return
	}
	st.phrases = kept
	for i, p := range st.phrases {
		for g := p.from; g < p.to; g++ {
			st.phraseAt[g] = i
		}
	}
}

// textOf returns token i as written, or "".
func (st *sentence) textOf(i int) string {
	if i < 0 || i >= len(st.toks) {
		return ""
	}
	return st.toks[i].span.Of(st.text)
}

// waters are the nouns of "the Gulf of Mexico", "the Sea of Japan".
var waters = set("gulf", "sea", "bay", "strait", "straits")
