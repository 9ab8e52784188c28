package quote

import (
	"sort"
	"strings"

	"github.com/annals-project/annals/internal/event"
	"github.com/annals-project/annals/internal/nlp"
)

// entryOf returns the lexicon entry of a word token.
func (f *finder) entryOf(t nlp.Token) entry {
	if t.Kind != nlp.Word && t.Kind != nlp.Clitic {
		return entry{}
	}
	s := t.Span.Of(f.text)
	if len(s) > 24 {
		return entry{}
	}
	if t.Flags&nlp.FlagUpper == 0 {
		return lookup(s)
	}
	var buf [24]byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return lookup(string(buf[:len(s)]))
}

// load tokenizes span into the scratch of f and looks its words up. It
// reports whether a cue word outside quotation marks is among them.
func (f *finder) load(span event.Span) bool {
	f.toks = nlp.Tokens(f.text, span, f.toks[:0])
	n := len(f.toks)
	f.ents = slicesGrow(f.ents, n)
	f.inq = slicesGrow(f.inq, n)
	mi := sort.Search(len(f.marks), func(i int) bool { return f.marks[i].close > span.Start })
	any := false
	f.lo = n
	for k, t := range f.toks {
		e := f.entryOf(t)
		f.ents[k] = e
		for mi < len(f.marks) && f.marks[mi].close <= t.Span.Start {
			mi++
		}
		f.inq[k] = mi < len(f.marks) && f.marks[mi].openEnd <= t.Span.Start && t.Span.Start < f.marks[mi].close
		if e.w&wCue != 0 && !f.inq[k] {
			any = true
		}
		if f.lo == n && t.Kind != nlp.Punct {
			f.lo = k
		}
	}
	return any
}

func slicesGrow[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n, n+n/2)
	}
	return s[:n]
}

// Token predicates on the sentence being read. All accept any k.
func (f *finder) is(k int, c wclass) bool {
	return k >= 0 && k < len(f.toks) && f.ents[k].w&c != 0
}

func (f *finder) punct(k int, s string) bool {
	return k >= 0 && k < len(f.toks) && f.toks[k].Kind == nlp.Punct && f.toks[k].Span.Of(f.text) == s
}

func (f *finder) word(k int, w string) bool {
	return k >= 0 && k < len(f.toks) && f.toks[k].Kind == nlp.Word && strings.EqualFold(f.toks[k].Span.Of(f.text), w)
}

func (f *finder) capital(k int) bool {
	return k >= 0 && k < len(f.toks) && f.toks[k].Flags&nlp.FlagCap != 0
}

func (f *finder) isComma(k int) bool { return f.punct(k, ",") }

func (f *finder) isDash(k int) bool {
	return f.punct(k, "—") || f.punct(k, "–") || f.punct(k, "--") || f.punct(k, "-")
}

// openMark and closeMark report whether token k is the opening or the
// closing mark of a quotation.
func (f *finder) openMark(k int) bool {
	if k < 0 || k >= len(f.toks) || f.toks[k].Kind != nlp.Punct {
		return false
	}
	return f.markOpening(f.toks[k].Span.Start) >= 0
}

func (f *finder) closeMark(k int) bool {
	if k < 0 || k >= len(f.toks) || f.toks[k].Kind != nlp.Punct {
		return false
	}
	p := f.toks[k].Span.Start
	i := sort.Search(len(f.marks), func(i int) bool { return f.marks[i].closeEnd > p })
	return i < len(f.marks) && f.marks[i].close <= p && !f.marks[i].unclosed
}

// markOpening returns the index of the mark that opens at byte p, or -1.
func (f *finder) markOpening(p int) int {
	i := sort.Search(len(f.marks), func(i int) bool { return f.marks[i].open >= p })
	if i < len(f.marks) && f.marks[i].open == p {
		return i
	}
	return -1
}

// atEnd reports whether tokens k… are only closing punctuation.
func (f *finder) atEnd(k int) bool {
	for ; k < len(f.toks); k++ {
		t := f.toks[k]
		if t.Kind != nlp.Punct {
			return false
		}
		switch t.Span.Of(f.text) {
		case ".", "!", "?", "…", "...", ")", "]", "”", "\"", "’", "'", "»", "›":
		default:
			return false
		}
	}
	return true
}

func (f *finder) span(s, e int) event.Span {
	return event.Span{Start: f.toks[s].Span.Start, End: f.toks[e].Span.End}
}

// firstTok returns the index of the token that starts at or after byte p.
func (f *finder) firstTok(p int) int {
	return sort.Search(len(f.toks), func(i int) bool { return f.toks[i].Span.Start >= p })
}
