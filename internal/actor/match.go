package actor

import "github.com/annals-project/annals/internal/event"

// A Match is one dictionary phrase found in a text.
type Match struct {
	// Span is where the phrase is, in bytes of the text given to Match.
	Span event.Span
	// Entries are the phrase's meanings, in dictionary order; there is
	// more than one when the phrase is ambiguous ("Congolese", "King
	// Abdullah", a surname two office-holders share). The slice may be
	// shared with the Dictionary: do not modify it.
	Entries []Entry
	// Text is the matched text as written.
	Text string
}

// Match finds the dictionary phrases in text[span] and appends them to dst,
// in text order. At each word it takes the longest phrase that starts
// there, so matches never overlap ("U.N. Security Council" is one match,
// not "U.N." and "Security Council"). Phrases match on word boundaries,
// whatever the spaces, hyphens or line breaks between their words, but
// never across other punctuation. Case follows the dictionary: proper
// names need their capitals ("Turkey", not "turkey"), acronyms must be
// upper case ("US" and "U.S.", not "us"), agents match in any case.
// Possessives ("Iran's", "protesters'") and accents ("Cote d'Ivoire") are
// normalised; agents match in singular and plural.
//
// A non-zero date keeps only the dated entries (office-holders, groups
// whose role changed) whose term covers it; a person out of office after
// an earlier term is returned as a former official, with role ELI. A zero
// date keeps every meaning, with the latest term standing for an
// office-holder's others. A span outside text is clipped to it.
func (d *Dictionary) Match(text string, span event.Span, date event.Date, dst []Match) []Match {
	start, end := span.Start, span.End
	if start < 0 {
		start = 0
	}
	if end > len(text) {
		end = len(text)
	}
	if start >= end {
		return dst
	}
	sc := d.scratch.Get().(*scratch)
	toks, key := tokenize(text, start, end, sc.toks[:0], sc.key[:0])
	for i := 0; i < len(toks); {
		t := &toks[i]
		longest := int(d.first[string(key[t.kStart:t.kEnd])])
		if longest == 0 {
			i++
			continue
		}
		n := 1
		for n < longest && i+n < len(toks) && !toks[i+n].brk {
			n++
		}
		found := false
		for ; n >= 1; n-- {
			p, ok := d.phrases[string(key[t.kStart:toks[i+n-1].kEnd])]
			if !ok {
				continue
			}
			ents := d.choose(p, toks[i:i+n], date)
			if len(ents) == 0 {
				continue
			}
			s, e := t.start, toks[i+n-1].end
			dst = append(dst, Match{Span: event.Span{Start: s, End: e}, Entries: ents, Text: text[s:e]})
			i += n
			found = true
			break
		}
		if !found {
			i++
		}
	}
	sc.toks, sc.key = toks, key
	d.scratch.Put(sc)
	return dst
}

// choose returns the entries of p that fit the words as written and the
// date.
func (d *Dictionary) choose(p phrase, toks []token, date event.Date) []Entry {
	if p.plain {
		return d.entries[p.lo:p.hi:p.hi]
	}
	all := !p.repeats
	for i := p.lo; i < p.hi && all; i++ {
		all = d.fits(i, toks, date)
	}
	if all {
		return d.entries[p.lo:p.hi:p.hi]
	}
	var out []Entry
	cased := false
next:
	for i := p.lo; i < p.hi; i++ {
		if !d.fits(i, toks, date) {
			cased = cased || casesFit(d.patterns[i], toks)
			continue
		}
		e := &d.entries[i]
		for j := range out {
			if sameActor(&out[j], e) {
				// Another term of the same office-holder: without a date
				// the latest stands for them all.
				if date.IsZero() && dayNum(out[j].From) < dayNum(e.From) {
					out[j] = *e
				}
				continue next
			}
		}
		out = append(out, *e)
	}
	if len(out) == 0 && cased && p.persons {
		if e, ok := d.former(p, date); ok {
			out = append(out, e)
		}
	}
	return out
}

// fits reports whether entry i accepts the words as written and the date.
func (d *Dictionary) fits(i int32, toks []token, date event.Date) bool {
	return casesFit(d.patterns[i], toks) && d.entries[i].InOffice(date)
}

// casesFit checks the words against a phrase's case pattern.
func casesFit(pat uint32, toks []token) bool {
	for j := 0; pat != 0; j, pat = j+1, pat>>2 {
		switch pat & 3 {
		case caseCap:
			if !toks[j].firstUpper {
				return false
			}
		case caseUpper:
			if !toks[j].allUpper {
				return false
			}
		}
	}
	return true
}
