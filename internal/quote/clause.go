package quote

import (
	"sort"
	"strings"

	"github.com/annals-project/annals/internal/event"
	"github.com/annals-project/annals/internal/nlp"
)

// A clause is one attribution found around a cue word: who speaks, the cue,
// and where the reported content lies.
type clause struct {
	start, end int // the clause's bytes: speaker and cue, with a listener
	// lead is where content after the clause begins, past "that", a colon
	// and adverbials; -1 when nothing follows.
	lead    int
	cue     event.Span
	speaker event.Span
	kind    SpeakerKind
	weak    bool       // a speaker phrase that could be something else
	sent    int        // index into f.sents
	content event.Span // the reported content, empty when none
	post    bool       // the content precedes the clause: "…, he said."
	colon   bool       // the clause ends its sentence with a colon
	inner   bool       // a participle or relative clause: "…, saying", "who said"
}

// A phrase is a speaker phrase: tokens [start, end] with head token head.
type phrase struct {
	start, end, head int
	kind             SpeakerKind
	weak             bool
}

// maxPhrase bounds a simple noun phrase, in tokens.
const maxPhrase = 12

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

// sentence finds the attribution clauses of sentence si.
func (f *finder) sentence(si int) {
	if !f.load(f.sents[si].span) {
		return
	}
	first := len(f.clauses)
	for k := range len(f.toks) {
		if f.ents[k].w&wCue != 0 && !f.inq[k] {
			f.cueAt(si, k, first)
		}
	}
	f.finish(first)
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
		if e.w&wCue != 0 && e.c&cNoun == 0 {
			return false
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

func (f *finder) span(s, e int) event.Span {
	return event.Span{Start: f.toks[s].Span.Start, End: f.toks[e].Span.End}
}

// cueAt tries to read an attribution clause around the cue at token i.
func (f *finder) cueAt(si, i, first int) {
	c := f.ents[i].c
	if c&cAccording != 0 {
		if f.is(i+1, wTo) {
			f.according(si, i, first)
		}
		return
	}
	if c&cNoun != 0 && f.capital(i) && f.capital(i-1) && f.toks[i].Flags&nlp.FlagInitial == 0 {
		return // "the United States", "Daily Reports"
	}
	if c&cIng == 0 && f.nounCue(i) {
		return // "the greatest fear that", "a warning that"
	}
	cueEnd := i
	if c&cNamed != 0 {
		if f.word(i+1, "for") || f.word(i+1, "on") || f.word(i+1, "upon") {
			cueEnd = i + 1
		} else if !f.naming(i + 1) {
			return // "called a meeting", "called Machado on Friday", "called off"
		}
	} else if c&cPart != 0 {
		point := f.word(i, "pointed") || f.word(i, "points") || f.word(i, "point")
		if point != f.word(i+1, "out") ||
			!point && !(f.word(i+1, "for") || f.word(i+1, "on") || f.word(i+1, "upon") || f.word(i+1, "to") && !f.word(i, "called")) {
			return
		}
		cueEnd = i + 1
	}
	j := i - 1
	cueStart := i
	if c&cIng != 0 {
		p := j
		for f.is(p, wAdv) {
			p--
		}
		switch {
		case p >= 0 && (f.isComma(p) || f.isDash(p) || f.punct(p, ";")):
			f.participle(si, i, cueEnd, first)
			return
		case f.is(p, wAs) && f.word(p-1, "quoted"):
			// "was quoted as saying"
			j, cueStart = p-2, p-1
		case f.is(p, wAux):
		case p == i-1 && f.capital(p) && f.toks[p].Flags&nlp.FlagInitial == 0:
			// "footage of Hillary Clinton asking, “…”"
		default:
			return
		}
	}
	// Adverbs and auxiliaries between the speaker and the cue.
	be, nearest := false, true
	for j >= 0 {
		switch {
		case f.is(j, wNeg), f.is(j, wTo) && cueStart == i:
			return // "did not say", "declined to say"
		case f.is(j, wAdv):
		case f.is(j, wAux):
			if nearest && f.is(j, wBe) {
				be = true
			}
			nearest = false
		case f.isComma(j) && f.is(j-1, wAdv) && f.isComma(j-2):
			j -= 2 // "Smith, however, said"
		case nearest && f.backPP(j) >= 0:
			j = f.backPP(j) + 1 // "Sanders on Tuesday said", "Smith in a statement said"
		default:
			goto found
		}
		j--
	}
found:
	if be && c&cPast != 0 && cueStart == i {
		return // passive: "was told", "is said to"
	}
	cue := event.Span{Start: f.toks[cueStart].Span.Start, End: f.toks[cueEnd].Span.End}
	if c&cInv != 0 && j == i-1 && j >= 0 && (f.isComma(j) || f.closeMark(j) || f.isDash(j)) && !f.relativeBefore(j) {
		if f.inverted(si, i, cueEnd, cue, first) {
			return
		}
	}
	p, rel, ok := f.speakerBack(j)
	if !ok {
		if (f.word(j, "and") || f.word(j, "but")) && cueStart == i {
			// "Merrill says … and said …": the subject of the clause before,
			// or of the sentence.
			cl := clause{start: f.toks[j].Span.Start, sent: si, lead: -1, inner: true, cue: cue}
			if len(f.clauses) > first {
				prev := f.clauses[len(f.clauses)-1]
				cl.speaker, cl.kind, cl.weak = prev.speaker, prev.kind, prev.weak
			} else if p, ok := f.subject(j); ok && !p.weak {
				cl.speaker, cl.kind = f.span(p.start, p.end), p.kind
			} else {
				return
			}
			f.complete(&cl, i, cueEnd, first)
		}
		return
	}
	if p.weak && c&cStrong == 0 && !f.introduces(f.skipAdverbials(cueEnd+1)) {
		return
	}
	if c&(cNoun|cObj) != 0 && p.weak && !f.introduces(f.skipAdverbials(cueEnd+1)) {
		return
	}
	if c&cNoun != 0 && c&cBareNamed == 0 && !f.introduces(f.skipAdverbials(cueEnd+1)) {
		return // "protests demands", "the reports"
	}
	cl := clause{
		start: f.toks[p.start].Span.Start, sent: si, lead: -1,
		cue: cue, speaker: f.span(p.start, p.end), kind: p.kind, weak: p.weak, inner: rel,
	}
	if rel {
		cl.start = f.toks[j].Span.Start
	}
	f.complete(&cl, i, cueEnd, first)
}

// naming reports whether "called" is followed at token k by an object and
// what it is called: "called Trump a “con artist”", "called the plan
// reckless".
func (f *finder) naming(k int) bool {
	var e int
	if f.is(k, wObjPron) {
		e = k
	} else if p, ok := f.npFwd(k); ok && p.kind != Pronoun {
		e = p.end
	} else {
		return false
	}
	nx := e + 1
	if f.openMark(nx) || f.word(nx, "a") || f.word(nx, "an") || f.word(nx, "the") {
		return true
	}
	// "called the plan reckless."
	return nx < len(f.toks) && f.toks[nx].Kind == nlp.Word && !f.capital(nx) && f.ents[nx].w&(stop|wTime|wCue) == 0 &&
		(f.atEnd(nx+1) || f.isComma(nx+1) || f.word(nx+1, "and"))
}

// nounCue reports whether the cue word at token i is used as a noun: after
// a determiner, a possessive or a superlative ("the greatest fear that",
// "their hopes that").
func (f *finder) nounCue(i int) bool {
	p := i - 1
	if p < 0 || f.inq[p] {
		return false
	}
	if f.is(p, wDet) && !f.word(p, "all") && !f.word(p, "both") || f.toks[p].Kind == nlp.Clitic && f.npTok(p) {
		return true
	}
	w := f.toks[p].Span.Of(f.text)
	return f.toks[p].Kind == nlp.Word && !f.capital(p) && len(w) > 4 && strings.HasSuffix(w, "est")
}

// introduces reports whether token k opens reported content unmistakably:
// "that", a colon, a quotation.
func (f *finder) introduces(k int) bool {
	return f.is(k, wThat) || f.punct(k, ":") || f.openMark(k) || f.isComma(k) && f.openMark(k+1)
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

// inverted reads "…, said the minister": the speaker after the cue.
func (f *finder) inverted(si, i, cueEnd int, cue event.Span, first int) bool {
	p, ok := f.npFwd(cueEnd + 1)
	if !ok || p.weak && p.kind != Named && !(f.is(p.start, wDet) && f.ents[i].c&cStrong != 0 && p.end-p.start < 4) {
		return false
	}
	k := p.end + 1
	if p.kind == Nominal && f.isComma(k) {
		// "said the foreign minister, Anna Novak."
		if q, ok := f.npFwd(k + 1); ok && q.kind == Named && !q.weak &&
			(f.atEnd(q.end+1) || f.isComma(q.end+1) || q.end+1 >= len(f.toks)) {
			p.end, p.kind = q.end, Named
			k = q.end + 1
		}
	}
	if !(k >= len(f.toks) || f.atEnd(k) || f.isComma(k) || f.punct(k, ";") || f.punct(k, ":") || f.isDash(k) ||
		f.punct(k, "(") || f.is(k, wPrep|wTime|wAdv|wConj) || f.word(k, "in") || f.word(k, "on") || f.word(k, "at")) {
		return false
	}
	cl := clause{
		start: f.toks[i].Span.Start, end: f.toks[p.end].Span.End, sent: si, lead: -1,
		cue: cue, speaker: f.span(p.start, p.end), kind: p.kind, weak: p.weak, post: true,
	}
	f.postContent(&cl, i, first)
	k = f.skipAdverbials(k)
	switch {
	case f.isComma(k) && f.openMark(k+1):
		cl.lead = f.toks[k+1].Span.Start
	case f.punct(k, ":"):
		f.colonContent(&cl, k)
	}
	f.clauses = append(f.clauses, cl)
	return true
}

// according reads "according to X".
func (f *finder) according(si, i, first int) {
	p, ok := f.npFwd(i + 2)
	if !ok {
		return
	}
	cl := clause{
		start: f.toks[i].Span.Start, end: f.toks[p.end].Span.End, sent: si, lead: -1,
		cue: f.span(i, i+1), speaker: f.span(p.start, p.end), kind: p.kind, weak: p.weak,
	}
	k := p.end + 1
	before := i - 1
	for f.is(before, wConj|wAdv) {
		before--
	}
	switch {
	case before < f.lo: // opens the sentence: the content follows
		if f.isComma(k) {
			k++
		}
		if k < len(f.toks) && !f.atEnd(k) {
			cl.lead = f.toks[k].Span.Start
			cl.content = f.toEnd(cl.lead)
		}
	case f.isComma(k) && !f.atEnd(k+1) && (f.isComma(before) || f.isDash(before)):
		// "X, according to Y, is …": the whole sentence
		cl.post = true
		cl.content = f.trimSpan(f.toks[f.lo].Span.Start, f.sentEnd())
	default:
		cl.post = true
		f.postContent(&cl, i, first)
		if cl.content.Len() == 0 && before >= f.lo {
			cl.content = f.trimSpan(f.toks[f.lo].Span.Start, f.toks[i].Span.Start)
		}
	}
	f.clauses = append(f.clauses, cl)
}

// participle reads "…, saying (that) …", "…, adding …": its speaker is the
// speaker of the clause before it in the sentence, or else the subject.
func (f *finder) participle(si, i, cueEnd, first int) {
	cl := clause{start: f.toks[i].Span.Start, sent: si, lead: -1, inner: true,
		cue: event.Span{Start: f.toks[i].Span.Start, End: f.toks[cueEnd].Span.End}}
	if len(f.clauses) > first {
		prev := f.clauses[len(f.clauses)-1]
		cl.speaker, cl.kind, cl.weak = prev.speaker, prev.kind, prev.weak
	} else {
		p, ok := f.subject(i)
		if !ok || p.weak {
			return
		}
		cl.speaker, cl.kind = f.span(p.start, p.end), p.kind
	}
	f.complete(&cl, i, cueEnd, first)
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

// skipAdverbials skips, from token k, adverbs, time words and short
// prepositional phrases: "on Friday", "in a statement", "late on Monday",
// ", however,".
func (f *finder) skipAdverbials(k int) int {
	n := len(f.toks)
	for k < n {
		switch {
		case f.inq[k]:
			return k
		case f.is(k, wAdv|wTime):
			k++
		case f.word(k, "late") || f.word(k, "early"):
			k++
		case f.isComma(k) && f.is(k+1, wAdv) && f.isComma(k+2):
			k += 3
		case f.adverbialPrep(k):
			m := k + 1
			if f.is(m, wDet) {
				m++
			}
			start := m
			for m < n && m-start < 6 && (f.npTok(m) || f.is(m, wTime)) && !f.is(m, wDet) {
				m++
			}
			if m == start {
				return k
			}
			k = m
		default:
			return k
		}
	}
	return k
}

// adverbialPrep reports whether token k is a preposition that opens an
// adverbial after a cue: "said in a statement", "told reporters on
// Friday", "said of the plan", "said by phone".
func (f *finder) adverbialPrep(k int) bool {
	if f.word(k, "to") {
		// "said to reporters", not "vowed to challenge"
		return f.is(k+1, wDet|wObjPron|wSpk) || f.capital(k+1)
	}
	for _, w := range [...]string{"in", "on", "at", "during", "via", "through", "after", "before",
		"with", "of", "from", "over", "by", "since"} {
		if f.word(k, w) {
			return true
		}
	}
	return false
}

// complete reads what follows the cue of cl (at tokens i…cueEnd): a
// listener, adverbials, then "that", a colon, a quotation or a bare
// clause; or nothing, when the clause follows its content.
func (f *finder) complete(cl *clause, i, cueEnd, first int) {
	n := len(f.toks)
	c := f.ents[i].c
	if f.word(i+1, "out") {
		c |= cBareNamed // "pointed out"
	}
	k := cueEnd + 1
	obj := -1 // "urged Israelis to …": the content starts at the listener
	if c&cListen != 0 && k < n && !f.inq[k] {
		if f.is(k, wObjPron) {
			cueEnd = k
		} else if p, ok := f.npFwd(k); ok && p.kind != Pronoun {
			cueEnd = p.end
		}
		if cueEnd >= k {
			if c&cTo != 0 && f.is(cueEnd+1, wTo) {
				obj = k
			}
			cl.cue.End = f.toks[cueEnd].Span.End
			k = cueEnd + 1
		}
	} else if c&cTo != 0 && k < n && !f.inq[k] {
		e := -1
		if f.is(k, wObjPron) {
			e = k
		} else if p, ok := f.npFwd(k); ok && p.kind != Pronoun {
			e = p.end
		}
		if e >= k && f.is(e+1, wTo) {
			obj = k
		}
	}
	if cl.end < f.toks[cueEnd].Span.End {
		cl.end = f.toks[cueEnd].Span.End
	}
	k = f.skipAdverbials(k)
	switch {
	case obj >= 0:
		cl.lead = f.toks[obj].Span.Start
	case k >= n || f.atEnd(k):
		if !cl.inner {
			cl.post = true
			f.postContent(cl, f.firstTok(cl.start), first)
		}
	case f.is(k, wThat) && !f.is(k+1, wAux|wBe) && k+1 < n:
		cl.lead = f.toks[k+1].Span.Start
	case f.punct(k, ":"):
		f.colonContent(cl, k)
	case f.openMark(k):
		cl.lead = f.toks[k].Span.Start
	case f.isComma(k) && f.openMark(k+1):
		cl.lead = f.toks[k+1].Span.Start
		if !cl.inner && f.before(cl) {
			cl.post = true // "“…,” he said, “…”"
		}
	case f.isComma(k) && (f.is(k+1, wCue) && f.ents[k+1].c&cIng != 0 || f.participial(k+1)):
		if !cl.inner {
			cl.post = true
			f.postContent(cl, f.firstTok(cl.start), first)
		}
	case f.is(k, wWh) && (f.word(i, "asked") || f.word(i, "ask") || f.word(i, "asks") || f.word(i, "wondered")):
		cl.lead = f.toks[k].Span.Start
	case c&cObj != 0:
		cl.lead = f.toks[k].Span.Start
		// "expressed confidence that …": the clause after "that"
		for m := k; m < len(f.toks) && m <= k+3; m++ {
			if f.is(m, wThat) && m+1 < len(f.toks) && !f.inq[m] {
				cl.lead = f.toks[m+1].Span.Start
				break
			}
			if f.toks[m].Kind != nlp.Word || f.is(m, stop) {
				break
			}
		}
	case f.isComma(k):
		// "The plan, he said, will fail."
		if p := f.firstTok(cl.start) - 1; !cl.inner && (f.isComma(p) || f.isDash(p)) && !f.closeMark(p-1) {
			cl.post = true
			cl.content = f.trimSpan(f.toks[f.lo].Span.Start, f.sentEnd())
		}
	case c&cInf != 0 && f.is(k, wTo) && k+1 < n && f.toks[k+1].Kind == nlp.Word:
		cl.lead = f.toks[k].Span.Start
	case (c&cBare != 0 && c&cNoun == 0 || c&cBareNamed != 0 && !cl.weak) &&
		!f.is(k, wTo|wAux|wAs) && f.toks[k].Kind != nlp.Punct:
		if !cl.inner && f.before(cl) && f.longBefore(cl) && f.wordsFrom(k) <= 4 {
			// "…, he said the day after": the tail is an adverbial.
			cl.post = true
			f.postContent(cl, f.firstTok(cl.start), first)
			break
		}
		cl.lead = f.toks[k].Span.Start
	}
	if cl.lead >= 0 && cl.content.Len() == 0 {
		cl.content = f.toEnd(cl.lead)
		if cl.inner && f.word(f.firstTok(cl.start), "who") || f.word(f.firstTok(cl.start), "which") {
			cl.content = f.toComma(cl.lead)
		}
	}
	f.clauses = append(f.clauses, *cl)
}

// before reports whether a comma or a dash precedes the clause.
func (f *finder) before(cl *clause) bool {
	k := f.firstTok(cl.start) - 1
	return f.isComma(k) || f.isDash(k) || f.closeMark(k)
}

// longBefore reports whether the sentence before the clause, back to its
// start, reads like a clause of its own rather than an opening adverbial.
func (f *finder) longBefore(cl *clause) bool {
	k := f.firstTok(cl.start) - 1
	words := 0
	for m := f.lo; m < k; m++ {
		if f.toks[m].Kind == nlp.Word || f.toks[m].Kind == nlp.Number {
			words++
		}
	}
	return words >= 5 && !f.is(f.lo, wPrep|wTime|wAdv|wConj) && !f.word(f.lo, "in") && !f.word(f.lo, "on") &&
		!strings.HasSuffix(f.toks[f.lo].Span.Of(f.text), "ing")
}

// participial reports whether token k is a lower-case present participle
// that opens an adjunct: "leaving", "citing", "prompting".
func (f *finder) participial(k int) bool {
	if k >= len(f.toks) || f.toks[k].Kind != nlp.Word || f.capital(k) || f.is(k, wPrep) {
		return false
	}
	w := f.toks[k].Span.Of(f.text)
	return len(w) >= 6 && strings.HasSuffix(w, "ing")
}

// wordsFrom counts the words from token k to the end of the sentence.
func (f *finder) wordsFrom(k int) int {
	n := 0
	for ; k < len(f.toks); k++ {
		if f.toks[k].Kind == nlp.Word || f.toks[k].Kind == nlp.Number {
			n++
		}
	}
	return n
}

// firstTok returns the index of the token that starts at or after byte p.
func (f *finder) firstTok(p int) int {
	return sort.Search(len(f.toks), func(i int) bool { return f.toks[i].Span.Start >= p })
}

// postContent sets the content of a clause that follows it: the sentence
// from its start, or from the end of the clause before, to the comma or
// dash before the clause at token cs. A quotation just before the clause is
// left to the direct quotations.
func (f *finder) postContent(cl *clause, cs, first int) {
	p := cs - 1
	if p < f.lo || f.closeMark(p) || f.isComma(p) && f.closeMark(p-1) {
		return
	}
	if !(f.isComma(p) || f.isDash(p)) {
		return
	}
	from := f.toks[f.lo].Span.Start
	for _, c := range f.clauses[first:] {
		if c.end <= f.toks[p].Span.Start && c.end > from {
			from = c.end
		}
	}
	cl.content = f.trimSpan(from, f.toks[p].Span.Start)
}

// colonContent sets the content of a clause whose cue is followed by the
// colon at token k: the rest of the sentence, or the next sentence when
// the colon ends this one.
func (f *finder) colonContent(cl *clause, k int) {
	if !f.atEnd(k + 1) {
		cl.lead = f.toks[k+1].Span.Start
		return
	}
	cl.colon = true
	si := cl.sent + 1
	if si < len(f.sents) && f.sents[si].block <= f.sents[cl.sent].block+1 && prose(f.blocks[f.sents[si].block].Kind) {
		nx := f.sents[si].span
		cl.content = f.trimSpan(nx.Start, nx.End)
	}
}

// sentEnd returns the end of the sentence being read, before its final
// punctuation.
func (f *finder) sentEnd() int {
	k := len(f.toks) - 1
	for k >= 0 && f.atEnd(k) {
		k--
	}
	if k < 0 {
		if len(f.toks) == 0 {
			return 0
		}
		return f.toks[0].Span.Start
	}
	return f.toks[k].Span.End
}

// toEnd returns the content from byte p to the end of the sentence, up to
// and including a quotation still open at its end.
func (f *finder) toEnd(p int) event.Span {
	e := f.sentEnd()
	last := len(f.toks) - 1
	if last >= 0 && f.toks[last].Span.End > e && f.closeMark(last) {
		// Keep the closing mark of a quotation that ends the sentence.
		k := last
		for k > 0 && !f.closeMark(k) {
			k--
		}
		e = max(e, f.toks[k].Span.End)
	}
	return f.trimSpan(p, e)
}

// toComma returns the content from byte p to the next comma or the end.
func (f *finder) toComma(p int) event.Span {
	for k := f.firstTok(p); k < len(f.toks); k++ {
		if f.isComma(k) && !f.inq[k] {
			return f.trimSpan(p, f.toks[k].Span.Start)
		}
	}
	return f.toEnd(p)
}

// trimSpan trims white space and trailing commas, semicolons, colons and
// full stops from [s, e).
func (f *finder) trimSpan(s, e int) event.Span {
	if e < s {
		e = s
	}
	for s < e && (f.text[s] == ' ' || f.text[s] == '\n' || f.text[s] == '\t') {
		s++
	}
	for e > s {
		switch f.text[e-1] {
		case ' ', '\n', '\t', ',', ';', ':', '.':
			e--
			continue
		}
		break
	}
	return event.Span{Start: s, End: e}
}

// finish ends the content of each clause of the sentence where a later,
// coordinated attribution starts ("A said X, while B said Y"), and splits
// coordinated that-clauses ("stated that X, and that Y") into two.
func (f *finder) finish(first int) {
	last := len(f.clauses)
	for ci := first; ci < last; ci++ {
		c := &f.clauses[ci]
		if c.content.Len() == 0 {
			continue
		}
		for _, d := range f.clauses[first:last] {
			if c.post {
				break
			}
			if d.start <= c.content.Start || d.start >= c.content.End || d.content.Len() == 0 && !d.inner {
				continue
			}
			k := f.firstTok(d.start)
			if !f.is(k, wConj) && !f.isComma(k) {
				k--
			}
			strong := f.word(k, "while") || f.word(k, "whereas") || f.word(k, "but")
			switch {
			case f.is(k, wConj) && (strong || d.inner || f.isComma(k-1)) || f.punct(k, ";") || f.isComma(k) && (d.inner || d.post || d.lead >= 0):
				if f.isComma(k - 1) {
					k--
				}
			default:
				continue
			}
			if k >= 0 && f.toks[k].Span.Start > c.content.Start {
				c.content = f.trimSpan(c.content.Start, f.toks[k].Span.Start)
			}
		}
		// A participial adjunct after a comma: ", citing …", ", prompting …".
		words := 0
		for k := f.firstTok(c.content.Start); k+1 < len(f.toks) && f.toks[k].Span.End <= c.content.End; k++ {
			if f.toks[k].Kind == nlp.Word {
				words++
			}
			if words >= 4 && f.isComma(k) && !f.inq[k] && f.participial(k+1) {
				c.content = f.trimSpan(c.content.Start, f.toks[k].Span.Start)
				break
			}
		}
		// A new clause with a subject of its own: ", but Mrs. Clinton would".
		for k := f.firstTok(c.content.Start) + 1; k+2 < len(f.toks) && f.toks[k].Span.End <= c.content.End; k++ {
			if f.inq[k] || !(f.isComma(k) || f.punct(k, ";")) {
				continue
			}
			cj := k + 1
			if f.punct(k, ";") {
				c.content = f.trimSpan(c.content.Start, f.toks[k].Span.Start)
				break
			} else if !(f.word(cj, "but") || f.word(cj, "while") || f.word(cj, "whereas") || f.word(cj, "although")) {
				continue
			}
			if sub := cj + 1; f.is(sub, wDet) && !f.word(sub, "his") && !f.word(sub, "her") && !f.word(sub, "their") ||
				f.capital(sub) && f.toks[sub].Kind == nlp.Word && !f.is(sub, wPron) ||
				f.is(sub, wPron) && !f.word(cj, "but") {
				c.content = f.trimSpan(c.content.Start, f.toks[k].Span.Start)
				break
			}
		}
		// Coordinated that-clauses.
		for k := f.firstTok(c.content.Start); k < len(f.toks) && f.toks[k].Span.End <= c.content.End; k++ {
			if !f.is(k, wThat) || !(f.word(k-1, "and") || f.word(k-1, "but")) || f.is(k+1, wAux|wBe) || k+1 >= len(f.toks) || f.inq[k] {
				continue
			}
			cut := k - 1
			if f.isComma(cut - 1) {
				cut--
			}
			if f.toks[cut].Span.Start <= c.content.Start || f.toks[k+1].Span.Start >= c.content.End {
				continue
			}
			second := *c
			second.lead = f.toks[k+1].Span.Start
			second.content = f.trimSpan(second.lead, c.content.End)
			c.content = f.trimSpan(c.content.Start, f.toks[cut].Span.Start)
			f.clauses = append(f.clauses, second) // c is not used after this
			break
		}
	}
}
