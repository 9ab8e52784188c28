package quote

import (
	"strings"

	"github.com/annals-project/annals/internal/nlp"
)

// A phrase is a speaker phrase: tokens [start, end] with head token head.
type phrase struct {
	start, end, head int
	kind             SpeakerKind
	weak             bool
}

// maxPhrase bounds a simple noun phrase, in tokens.
const maxPhrase = 12

// npTok reports whether token k may be part of a simple noun phrase.
func (f *finder) npTok(k int) bool {
	if k < 0 || k >= len(f.toks) || f.inq[k] {
		return false
	}
	t := f.toks[k]
	switch t.Kind {
	case nlp.Word:
		e := f.ents[k]
		if e.w&stop != 0 {
			return false
		}
		if e.w&wCue != 0 && e.c&cNoun == 0 && !(t.Flags&nlp.FlagCap != 0 && t.Flags&nlp.FlagInitial == 0) {
			return false // a verb, unless capitalised inside the sentence: "State’s inspector general"
		}
		if e.w&wTime != 0 && !(f.capital(k) && f.capital(k+1) && k+1 < len(f.toks) && f.ents[k+1].w&wTime == 0) {
			return false
		}
		return true
	case nlp.Number, nlp.Hashtag, nlp.Mention:
		return true
	case nlp.Clitic:
		s := t.Span.Of(f.text)
		return s == "'s" || s == "’s" || s == "'S" || s == "’S"
	case nlp.Symbol:
		return t.Span.Of(f.text) == "&"
	case nlp.Punct:
		// The apostrophe of a plural possessive: "the operators’ association".
		s := t.Span.Of(f.text)
		if (s == "’" || s == "'") && k > 0 && f.toks[k-1].Span.End == t.Span.Start && !f.closeMark(k) {
			w := f.toks[k-1].Span.Of(f.text)
			return f.toks[k-1].Kind == nlp.Word && (strings.HasSuffix(w, "s") || strings.HasSuffix(w, "S"))
		}
	}
	return false
}

// joiner reports whether token k joins two capitalised words inside a
// name: "Ministry of Foreign Affairs", "Britain and France", "AT & T".
func (f *finder) joiner(k int) bool {
	if !f.capital(k-1) || !f.capital(k+1) || f.inq[k] {
		return false
	}
	return f.word(k, "of") || f.word(k, "and") || f.word(k, "de") || f.word(k, "del") ||
		f.word(k, "al") || f.word(k, "bin") || f.word(k, "von") || f.word(k, "van") ||
		f.toks[k].Span.Of(f.text) == "&"
}

// simpleBack returns the first token of the simple noun phrase that ends
// with token j: a determiner, then words that are not function words.
func (f *finder) simpleBack(j int) (int, bool) {
	k := j
	if f.punct(j, ")") {
		// "Rep. Jim Jordan (R-Ohio), …"
		if o := f.parenOpen(j); o >= 1 && f.capital(o-1) {
			j, k = o-1, o-1
		}
	}
	if !f.npTok(j) || f.is(j, wDet) {
		return 0, false
	}
	for k >= 0 && j-k < maxPhrase {
		switch {
		case f.npTok(k):
			if f.is(k, wDet) {
				return k, true
			}
			if k < j && f.toks[k].Kind == nlp.Word && !f.capital(k) && f.capital(k+1) && !f.title(k) {
				return k + 1, true // "a speech Mrs. Clinton gave": not "a speech Mrs. Clinton"
			}
		case k < j && f.joiner(k):
		case k < j && f.punct(k, ")"):
			// "Rep. Jim Jordan (R-Ohio)": a short parenthesis after a name.
			o := f.parenOpen(k)
			if o < 1 || !f.capital(o-1) {
				return k + 1, true
			}
			k = o
		default:
			return k + 1, true
		}
		k--
	}
	return k + 1, true
}

// title reports whether the lower-case token k may stand before a name in
// a speaker phrase: a speaker noun ("campaign manager Robby Mook") or a
// modifier of a title ("former President Obama").
func (f *finder) title(k int) bool {
	if f.is(k, wSpk) {
		return true
	}
	for _, w := range [...]string{"former", "acting", "outgoing", "incoming", "interim", "retired",
		"late", "then", "deputy", "senior", "fellow", "first", "vice", "elder", "younger", "cofounder"} {
		if f.word(k, w) {
			return true
		}
	}
	return false
}

// parenOpen returns the index of the "(" that the ")" at token k closes,
// within six tokens, or -1.
func (f *finder) parenOpen(k int) int {
	for o := k - 1; o >= 0 && k-o <= 7; o-- {
		switch {
		case f.punct(o, "("):
			return o
		case f.punct(o, ")") || f.inq[o]:
			return -1
		}
	}
	return -1
}

// parenClose returns the index of the ")" that closes the "(" at token k,
// within six tokens, or -1.
func (f *finder) parenClose(k int) int {
	for c := k + 1; c < len(f.toks) && c-k <= 7; c++ {
		switch {
		case f.punct(c, ")"):
			return c
		case f.punct(c, "(") || f.inq[c]:
			return -1
		}
	}
	return -1
}

// simpleFwd returns the last token of the simple noun phrase that starts
// with token k. After a name or a speaker noun the phrase stops before a
// lower-case word: "the ministry issued", "Trump lashed out".
func (f *finder) simpleFwd(k int) (int, bool) {
	if !f.npTok(k) {
		return 0, false
	}
	e := k
	if f.is(k, wDet) {
		if !f.npTok(k+1) || f.is(k+1, wDet) {
			return 0, false
		}
		e = k + 1
	}
	for e+1 < len(f.toks) && e-k < maxPhrase {
		nx := e + 1
		switch {
		case f.npTok(nx) && !f.is(nx, wDet):
			if !f.capital(nx) && f.toks[nx].Kind == nlp.Word && f.ents[nx].w&wSpk == 0 &&
				(f.capital(e) || f.is(e, wSpk) || verbLike(f.toks[nx].Span.Of(f.text))) {
				return e, true
			}
			if f.toks[e].Kind == nlp.Word && !f.capital(e) && !f.title(e) && f.capital(nx) &&
				(f.capital(nx+1) || f.toks[nx].Flags&nlp.FlagAbbrev != 0) {
				return e, true // "a speech Mrs. Clinton delivered"
			}
			e = nx
		case f.joiner(nx) && nx+1 < len(f.toks):
			e = nx + 1
		default:
			return e, true
		}
	}
	return e, true
}

// verbLike reports whether a lower-case word looks like a verb form that
// ends a noun phrase: "raised", "arrested", "meeting".
func verbLike(w string) bool {
	if strings.Contains(w, "-") {
		return false // "state-owned", "long-standing"
	}
	return strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "ing")
}

// npBack returns the speaker phrase that ends with token j, extended over
// "of", "for", "at", "with", "from" and "in" after a speaker noun or a
// name: "a spokesman for the ministry", "a senior official familiar with
// the talks".
func (f *finder) npBack(j int) (phrase, bool) {
	s, ok := f.simpleBack(j)
	if !ok {
		return phrase{}, false
	}
	head := j
	if f.punct(j, ")") {
		head = f.parenOpen(j) - 1
	}
	for range 2 {
		p := s - 1
		h := p - 1
		if h < 0 || !f.is(p, wNPPrep) || f.inq[p] {
			break
		}
		if f.word(p, "of") && f.is(h, wDet) && !f.word(h, "the") && !f.word(h, "a") && !f.word(h, "an") {
			s, head = h, j // "Many of his supporters", "one of the officials"
			break
		}
		if !(f.is(h, wSpk|wLink) || f.capital(h) && f.toks[h].Flags&nlp.FlagInitial == 0) {
			break
		}
		s2, ok := f.simpleBack(h)
		if !ok {
			break
		}
		s, head = s2, h
		if f.is(h, wLink) && h-1 >= s2 {
			head = h - 1
		}
	}
	return f.judge(s, j, head)
}

// npFwd returns the speaker phrase that starts with token k, extended over
// "of", "for", "from", "at" and "with" before a determiner or a name.
func (f *finder) npFwd(k int) (phrase, bool) {
	if f.is(k, wPron) && !f.inq[k] {
		return phrase{start: k, end: k, head: k, kind: Pronoun}, true
	}
	e, ok := f.simpleFwd(k)
	if !ok {
		return phrase{}, false
	}
	head := e
	if f.punct(e+1, "(") && f.capital(e) {
		if c := f.parenClose(e + 1); c > 0 {
			e = c
		}
	}
	for range 2 {
		p := e + 1
		if !(f.word(p, "of") || f.word(p, "for") || f.word(p, "from") || f.word(p, "at") || f.word(p, "with")) {
			break
		}
		if !(f.is(p+1, wDet) || f.capital(p+1)) {
			break
		}
		e2, ok := f.simpleFwd(p + 1)
		if !ok {
			break
		}
		e = e2
	}
	return f.judge(k, e, head)
}

// judge classifies the phrase [s, e] with head token h, and rejects what
// cannot be a speaker: a bare determiner, a number, a time word, a verb.
func (f *finder) judge(s, e, h int) (phrase, bool) {
	p := phrase{start: s, end: e, head: h}
	t := f.toks[h]
	if t.Kind == nlp.Number || f.is(h, wDet|wTime) {
		return p, false
	}
	ent := f.ents[h]
	common := ent.w&wSpk != 0 || ent.c&cNoun != 0
	switch {
	case t.Kind == nlp.Clitic:
		return p, false
	case t.Flags&nlp.FlagCap != 0:
		if t.Flags&nlp.FlagInitial != 0 && (common || ent.w != 0) {
			p.kind = Nominal // "Officials said", "Police said"
		} else {
			p.kind = Named
			// A lone capitalised word opening the sentence may be a
			// common noun ("Shares added").
			p.weak = t.Flags&nlp.FlagInitial != 0 && s == e
		}
	default:
		if !common && verbLike(t.Span.Of(f.text)) {
			return p, false
		}
		p.kind = Nominal
		if !common {
			p.weak = true
			for k := s; k <= e; k++ {
				if f.capital(k) && f.toks[k].Flags&nlp.FlagInitial == 0 {
					p.weak = false
				}
			}
		}
	}
	return p, true
}

// skipMinor walks back from the comma at token k over short appositions
// of age and place, "Donna Rawlings, 59, of Ashton, Md., who …", and
// returns the comma after the name.
func (f *finder) skipMinor(k int) int {
	for range 4 {
		c := k - 1
		for c >= 0 && !f.isComma(c) && k-c <= 4 {
			c--
		}
		if c < 0 || !f.isComma(c) {
			return k
		}
		seg := c + 1
		minor := k-seg == 1 && (f.toks[seg].Kind == nlp.Number || f.capital(seg) && f.toks[seg].Flags&nlp.FlagAbbrev != 0) ||
			f.word(seg, "of") && f.capital(seg+1)
		if !minor && k-seg == 1 && f.capital(seg) {
			// a state after its town: "of Dayton, Ohio,"
			b := c - 1
			for b >= 0 && !f.isComma(b) && c-b <= 4 {
				b--
			}
			minor = f.isComma(b) && (f.word(b+1, "of") || f.word(b+1, "in") || f.word(b+1, "from"))
		}
		if !minor {
			return k
		}
		k = c
	}
	return k
}

// relativeBefore reports whether the comma at token j closes a relative
// clause after a name: "Rawlings, who watched the ceremony, said".
func (f *finder) relativeBefore(j int) bool {
	if !f.isComma(j) {
		return false
	}
	for k := j - 1; k >= 1 && j-k <= 45; k-- {
		if f.inq[k] || f.openMark(k) || f.closeMark(k) || f.punct(k, ";") || f.punct(k, ":") {
			return false
		}
		if f.isComma(k) {
			return f.word(k+1, "who") || f.word(k+1, "which") || f.word(k+1, "whose")
		}
	}
	return false
}

// speakerBack finds the speaker phrase that ends at token j, before a cue:
// a pronoun, a noun phrase, a phrase before an apposition ("Smith, the
// minister, said") or before a relative pronoun ("Smith, who said").
func (f *finder) speakerBack(j int) (phrase, bool, bool) {
	if j < 0 || f.inq[j] {
		return phrase{}, false, false
	}
	switch {
	case f.is(j, wPron):
		return phrase{start: j, end: j, head: j, kind: Pronoun}, false, true
	case f.word(j, "who") || f.word(j, "which"):
		k := j - 1
		if f.isComma(k) {
			k--
		}
		p, ok := f.npBack(k)
		return p, true, ok && !p.weak
	case f.isDash(j) && !f.punct(j, "-"):
		// "Kall -- co-editor of a book -- said"
		for k := j - 1; k >= 1 && j-k <= 30; k-- {
			if f.inq[k] || f.openMark(k) || f.closeMark(k) {
				break
			}
			if f.isDash(k) {
				if p, ok := f.npBack(k - 1); ok && (!p.weak || p.kind == Named) {
					return p, false, true
				}
				break
			}
		}
		return phrase{}, false, false
	case f.isComma(j):
		// An apposition: a short phrase between commas without a verb,
		// unless a relative pronoun opens it.
		verb, who := false, false
		for k := j - 1; k >= 0 && (j-k <= 20 || who && j-k <= 45); k-- {
			if f.inq[k] || f.punct(k, ":") || f.punct(k, ";") || f.openMark(k) || f.closeMark(k) {
				break
			}
			if f.is(k, wCue) && f.ents[k].c&cNoun == 0 || f.is(k, wAux) {
				verb = true
			}
			if f.word(k, "who") || f.word(k, "whose") || f.word(k, "which") {
				verb, who = false, true
			}
			if f.isComma(k) {
				if k == j-1 || verb || f.is(k+1, wConj) {
					break
				}
				k = f.skipMinor(k)
				if p, ok := f.npBack(k - 1); ok && (!p.weak || p.kind == Named) {
					// "The minister of the economy, Mr. Guajardo Villarreal,"
					if q, ok := f.npFwd(k + 1); ok && p.kind == Nominal && q.kind == Named && q.end == j-1 {
						p.end, p.kind = q.end, Named
					}
					return p, false, true
				}
				if f.is(k-1, wPron) {
					return phrase{start: k - 1, end: k - 1, head: k - 1, kind: Pronoun}, false, true
				}
			}
		}
		return phrase{}, false, false
	}
	p, ok := f.npBack(j)
	// "A poll (released) in late August found": skip the time phrase.
	for range 2 {
		if !ok || !f.is(p.head, wTime) || !f.is(p.start-1, wPrep|wNPPrep) {
			break
		}
		k := p.start - 2
		if k >= 0 && f.toks[k].Kind == nlp.Word && !f.capital(k) && strings.HasSuffix(f.toks[k].Span.Of(f.text), "ed") {
			k--
		}
		p, ok = f.npBack(k)
	}
	return p, false, ok
}

// backPP returns the index of the token before a short adverbial phrase
// that ends at token j between a speaker and a cue: a time ("on Tuesday",
// "last week", "late Monday") or a medium ("in a statement", "on
// Twitter"); -1 if there is none.
func (f *finder) backPP(j int) int {
	if j < 1 || f.inq[j] {
		return -1
	}
	if f.is(j, wTime) {
		k := j - 1
		for f.is(k, wTime) || f.word(k, "last") || f.word(k, "this") || f.word(k, "late") || f.word(k, "early") || f.word(k, "earlier") {
			k--
		}
		if f.word(k, "on") || f.word(k, "in") || f.word(k, "during") || f.word(k, "at") {
			k--
		}
		if k < j-4 || k < 0 {
			return -1
		}
		return k
	}
	if !f.medium(j) {
		return -1
	}
	for k := j - 1; k >= 0 && j-k <= 4; k-- {
		if f.word(k, "in") || f.word(k, "on") || f.word(k, "during") || f.word(k, "via") {
			if k >= 1 && f.npTok(k-1) {
				return k - 1
			}
			return -1
		}
		if !f.npTok(k) {
			return -1
		}
	}
	return -1
}

// medium reports whether token k names where something was said: "a
// statement", "an interview", "Twitter".
func (f *finder) medium(k int) bool {
	for _, w := range [...]string{"statement", "interview", "tweet", "post", "letter", "speech",
		"email", "release", "video", "message", "op-ed", "column", "briefing", "conference",
		"television", "radio", "twitter", "facebook", "instagram", "podcast", "broadcast", "debate"} {
		if f.word(k, w) {
			return true
		}
	}
	return false
}

// subject returns the phrase that opens the sentence, after an opening
// adverbial up to a comma ("On Friday, the ministry …"), when it is
// followed by a verb.
func (f *finder) subject(before int) (phrase, bool) {
	k := f.lo
	if f.is(k, wPrep|wConj|wAdv|wTime) || f.word(k, "in") || f.word(k, "on") {
		for m := k; m < before && m-k < 10; m++ {
			if f.isComma(m) {
				k = m + 1
				break
			}
		}
	}
	p, ok := f.npFwd(k)
	if !ok || p.end+1 >= before {
		return p, false
	}
	nx := p.end + 1
	if f.isComma(nx) {
		// "Hillary Clinton, like Obama, has encouraged …"
		for m := nx + 1; m < before && m-nx <= 12; m++ {
			if f.isComma(m) {
				nx = m + 1
				break
			}
		}
		for f.is(nx, wAux|wAdv) && nx+1 < before {
			nx++
		}
		if nx >= before {
			return p, false
		}
	}
	if f.toks[nx].Kind != nlp.Word || f.capital(nx) || f.is(nx, wPrep|wConj|wRel|wThat|wTo|wAs) {
		return p, false
	}
	return p, true
}
