package quote

import (
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
	person  bool       // the speaker's head is a name, a pronoun or a speaker noun
	sent    int        // index into f.sents
	content event.Span // the reported content, empty when none
	post    bool       // the content precedes the clause: "…, he said."
	colon   bool       // the clause ends its sentence with a colon
	inner   bool       // a participle or relative clause: "…, saying", "who said"
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
	if ok && p.weak && p.kind == Named && f.nameSeen(p.head) {
		p.weak = false // "Graham called …" where "Lindsey Graham" appears
	}
	if !ok {
		if (f.word(j, "and") || f.word(j, "but")) && cueStart == i {
			// "Merrill says … and said …": the subject of the clause before,
			// or of the sentence.
			cl := clause{start: f.toks[j].Span.Start, sent: si, lead: -1, inner: true, cue: cue}
			if len(f.clauses) > first {
				prev := f.clauses[len(f.clauses)-1]
				cl.speaker, cl.kind, cl.weak = prev.speaker, prev.kind, prev.weak
			} else if p, ok := f.subject(j); ok && (!p.weak || p.kind == Named) {
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
		person: p.kind != Nominal || f.is(p.head, wSpk),
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
	// "called both Trump and Hillary Clinton “crazy”"
	for m := k; m < len(f.toks) && m-k <= 10; m++ {
		if f.openMark(m) {
			return m > k
		}
		if !f.npTok(m) && !f.joiner(m) && !f.word(m, "and") {
			break
		}
	}
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

// inverted reads "…, said the minister": the speaker after the cue.
func (f *finder) inverted(si, i, cueEnd int, cue event.Span, first int) bool {
	p, ok := f.npFwd(cueEnd + 1)
	if !ok || p.weak && p.kind != Named && !(f.is(p.start, wDet) && f.ents[i].c&cStrong != 0 && p.end-p.start < 4 && f.closeMark(i-1)) {
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
		f.punct(k, "(") || f.is(k, wPrep|wTime|wAdv) || f.word(k, "in") || f.word(k, "on") || f.word(k, "at")) {
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
	if e := p.end + 1; (f.word(e, "by") || f.word(e, "from") || f.word(e, "of") || f.word(e, "at")) &&
		(f.capital(e+1) || f.word(e+1, "the") && f.capital(e+2)) {
		// "according to a new report by Politico": the report's author
		// belongs to the source.
		e++
		if f.word(e, "the") {
			e++
		}
		for f.capital(e+1) && f.toks[e+1].Kind == nlp.Word {
			e++
		}
		p.end = e
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
	case (c&cBare != 0 && c&cNoun == 0 || c&cBareNamed != 0 && !cl.weak && (c&cNoun == 0 || cl.person)) &&
		!f.is(k, wTo|wAux|wAs|wConj|wPrep|wRel) && f.toks[k].Kind != nlp.Punct && !f.word(k, "in") && !f.word(k, "on") && !f.word(k, "at"):
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
	for s < e && (f.text[s] == ' ' || f.text[s] == '\n' || f.text[s] == '\t' || f.text[s] == ',' || f.text[s] == ';' || f.text[s] == ':') {
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
		// A closing aside after a dash: "he was encouraged by the plan — a
		// modest boost for Obama".
		for k := f.firstTok(c.content.Start) + 3; k < len(f.toks) && f.toks[k].Span.End <= c.content.End; k++ {
			if f.inq[k] || !(f.punct(k, "—") || f.punct(k, "–") || f.punct(k, "--")) {
				continue
			}
			second := false
			for m := k + 1; m < len(f.toks); m++ {
				if f.punct(m, "—") || f.punct(m, "–") || f.punct(m, "--") {
					second = true
				}
			}
			if !second {
				c.content = f.trimSpan(c.content.Start, f.toks[k].Span.Start)
			}
			break
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

// nameSeen reports whether the capitalised word at token k also appears
// capitalised inside a sentence of the article, after a lower-case word or
// another capitalised one, so that it is a name rather than a common noun
// opening its sentence.
func (f *finder) nameSeen(k int) bool {
	w := f.toks[k].Span.Of(f.text)
	if len(w) < 2 {
		return false
	}
	for from, n := 0, 0; n < 50; n++ {
		i := strings.Index(f.text[from:], w)
		if i < 0 {
			return false
		}
		i += from
		from = i + len(w)
		if i == f.toks[k].Span.Start {
			continue
		}
		if e := i + len(w); e < len(f.text) && isWordByte(f.text[e]) {
			continue
		}
		// The byte before must be a space after a word.
		if i < 2 || f.text[i-1] != ' ' {
			continue
		}
		if c := f.text[i-2]; isWordByte(c) {
			return true
		}
	}
	return false
}

func isWordByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}
