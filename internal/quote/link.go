package quote

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/annals-project/annals/internal/event"
	"github.com/annals-project/annals/internal/nlp"
)

// minIndirectWords is the fewest words an indirect content may have.
const minIndirectWords = 2

// clauseWords is the fewest words a direct quotation needs to count as a
// clause rather than a fragment.
const clauseWords = 4

// covered is the share of an indirect content's bytes that one quotation in
// it may cover before the indirect quotation is dropped as a repeat of the
// direct one.
const covered = 0.6

// direct turns every mark into a direct Quote and finds its speaker among
// the clauses: one that follows the closing mark ("…,” he said), one that
// leads into the opening mark (he said: “…), one whose content holds the
// quotation, or the nearest one before it in the sentence.
func (f *finder) direct() {
	for mi := range f.marks {
		m := &f.marks[mi]
		si := f.sentOf(m.open)
		if si < 0 {
			si = f.sentNear(m.open)
		}
		q := Quote{Content: m.content, Direct: true, Block: m.block}
		if si >= 0 {
			q.Sentence = f.sents[si].index
		}
		linked := false
		var cl *clause
		if c := f.after(m); c != nil {
			cl, linked = c, true
		} else if c := f.leading(m, si); c != nil {
			cl, linked = c, true
		} else if si >= 0 {
			cl = f.around(m, si)
		}
		if cl != nil {
			q.Cue, q.Speaker, q.Kind = cl.cue, cl.speaker, cl.kind
		} else if sp, ok := f.signed(m); ok {
			q.Speaker, q.Kind, linked = sp, Named, true
		} else if si >= 0 {
			if sp, cue, kind, ok := f.colonSubject(m, si); ok {
				q.Speaker, q.Cue, q.Kind, linked = sp, cue, kind, true
			}
		}
		q.Fragment = f.fragment(m, si, linked)
		f.out = append(f.out, q)
	}
}

// signed returns the name that signs quotation m after a dash, at the end
// of its sentence or block: "“…” ― Carla Sanchez".
func (f *finder) signed(m *mark) (event.Span, bool) {
	if m.unclosed {
		return event.Span{}, false
	}
	end := f.blocks[m.block].Span.End
	p := m.closeEnd
	for p < end && (f.text[p] == ' ' || f.text[p] == '\t') {
		p++
	}
	r, n := utf8.DecodeRuneInString(f.text[p:end])
	if r != '―' && r != '—' && r != '–' && r != '-' {
		return event.Span{}, false
	}
	f.load(event.Span{Start: p + n, End: end})
	ph, ok := f.npFwd(f.lo)
	if !ok || ph.kind != Named || f.lo != 0 && !f.punct(f.lo-1, "-") {
		return event.Span{}, false
	}
	if k := ph.end + 1; k < len(f.toks) && !f.isComma(k) && !f.atEnd(k) {
		return event.Span{}, false
	}
	return f.span(ph.start, ph.end), true
}

// colonSubject returns the subject of the sentence when quotation m
// follows a colon in it and no cue word did: "McCaskill scolded him: “…”".
func (f *finder) colonSubject(m *mark, si int) (sp, cue event.Span, kind SpeakerKind, ok bool) {
	s := f.sents[si].span.Start
	p := m.open
	for p > s && (f.text[p-1] == ' ' || f.text[p-1] == '\t' || f.text[p-1] == '\n') {
		p--
	}
	if p <= s || f.text[p-1] != ':' {
		return sp, cue, kind, false
	}
	f.load(event.Span{Start: s, End: p - 1})
	ph, found := f.subject(len(f.toks))
	if !found || ph.weak || ph.start != f.lo {
		return sp, cue, kind, false
	}
	if v := ph.end + 1; v < len(f.toks) && f.toks[v].Kind == nlp.Word {
		cue = f.toks[v].Span
	}
	return f.span(ph.start, ph.end), cue, ph.kind, true
}

// gap reports whether text[s:e] holds only white space and the given
// punctuation.
func (f *finder) gap(s, e int, punct string) bool {
	if s > e {
		return false
	}
	for _, r := range f.text[s:e] {
		if !unicode.IsSpace(r) && !strings.ContainsRune(punct, r) {
			return false
		}
	}
	return true
}

// after returns the clause that follows mark m in the sentence of its
// closing mark: "“…,” he said", "“…,” said the minister".
func (f *finder) after(m *mark) *clause {
	if m.unclosed {
		return nil
	}
	si := f.sentOf(m.close)
	i := sort.Search(len(f.clauses), func(i int) bool { return f.clauses[i].start >= m.closeEnd })
	for ; i < len(f.clauses) && f.clauses[i].start-m.closeEnd <= 12; i++ {
		c := &f.clauses[i]
		if c.sent == si && !c.inner && f.gap(m.closeEnd, c.start, ",;—–-") {
			return c
		}
	}
	return nil
}

// leading returns the clause whose content starts at mark m: "he said:
// “…”", "said that “…”", or a clause that ends the sentence before with a
// colon when m opens its sentence.
func (f *finder) leading(m *mark, si int) *clause {
	i := sort.Search(len(f.clauses), func(i int) bool { return f.clauses[i].start >= m.open })
	for j := i - 1; j >= 0 && j >= i-4; j-- {
		c := &f.clauses[j]
		if c.lead >= 0 && c.lead <= m.open && f.gap(c.lead, m.open, "") {
			return c
		}
		if c.colon && si > 0 && c.sent == si-1 && f.gap(f.sents[si].span.Start, m.open, "") {
			return c
		}
	}
	return nil
}

// around returns a clause of sentence si that speaks for mark m: one whose
// content holds it, else the nearest one whose cue comes before it, else
// one after it that follows its content.
func (f *finder) around(m *mark, si int) *clause {
	var best *clause
	for i := range f.clauses {
		c := &f.clauses[i]
		if c.sent != si {
			continue
		}
		if c.content.Len() > 0 && c.content.Start <= m.open && m.content.End <= c.content.End {
			return c
		}
		if c.cue.End <= m.open {
			best = c
		}
	}
	if best != nil {
		return best
	}
	for i := range f.clauses {
		c := &f.clauses[i]
		if c.sent == si && c.post && c.start >= m.closeEnd {
			return c
		}
	}
	return nil
}

// fragment reports whether mark m is a fragment rather than a clause: too
// short, or running on inside its sentence without a cue, a colon or a
// comma before it and without ending the sentence.
func (f *finder) fragment(m *mark, si int, linked bool) bool {
	if countWords(f.text[m.content.Start:m.content.End], clauseWords) < clauseWords {
		return true
	}
	if linked || m.cont || m.unclosed || si < 0 {
		return false
	}
	s := f.sents[si].span
	if f.sentOf(m.close) != si && !m.unclosed {
		return false // runs over several sentences
	}
	// What comes before the opening mark in its sentence.
	p := m.open
	for p > s.Start {
		r, n := utf8.DecodeLastRuneInString(f.text[s.Start:p])
		if !unicode.IsSpace(r) && r != '(' && r != '—' && r != '–' {
			switch r {
			case ':', ',':
				return false
			}
			break
		}
		p -= n
	}
	if p <= s.Start {
		return false // opens the sentence
	}
	// Final punctuation just inside the closing mark.
	e := m.close
	for e > m.openEnd {
		r, n := utf8.DecodeLastRuneInString(f.text[m.openEnd:e])
		if unicode.IsSpace(r) {
			e -= n
			continue
		}
		return !(r == '.' || r == '?' || r == '!' || r == '…')
	}
	return true
}

// indirect turns the content of every clause into an indirect Quote,
// unless quotations cover most of it.
func (f *finder) indirect() {
	for ci := range f.clauses {
		c := &f.clauses[ci]
		if c.content.Len() == 0 || !c.content.Valid(len(f.text)) {
			continue
		}
		if countWords(f.text[c.content.Start:c.content.End], minIndirectWords) < minIndirectWords {
			continue
		}
		in := 0
		i := sort.Search(len(f.marks), func(i int) bool { return f.marks[i].closeEnd > c.content.Start })
		for ; i < len(f.marks) && f.marks[i].open < c.content.End; i++ {
			s := max(f.marks[i].open, c.content.Start)
			e := min(f.marks[i].closeEnd, c.content.End)
			in = max(in, e-s)
		}
		if float64(in) >= covered*float64(c.content.Len()) {
			continue
		}
		si := f.sentOf(c.content.Start)
		if si < 0 {
			si = c.sent
		}
		f.out = append(f.out, Quote{
			Content: c.content, Cue: c.cue, Speaker: c.speaker, Kind: c.kind,
			Sentence: f.sents[si].index, Block: f.sents[si].block,
		})
	}
}

// whole makes a direct Quote of each embedded post, spoken by the author in
// the signature block after it, and of each block quotation, spoken by the
// clause that introduces it with a colon.
func (f *finder) whole() {
	for bi := range f.blocks {
		b := &f.blocks[bi]
		if b.Span.Len() == 0 || b.Kind != event.BlockPost && b.Kind != event.BlockQuote {
			continue
		}
		s, e := b.Span.Start, b.Span.End
		if q, n := qcharAt(f.text, s); q != qNone && q.double() {
			if r, m := lastQchar(f.text, s, e); r != qNone && closes(q, r) {
				s, e = s+n, e-m
			}
		}
		content := f.trimSpan(s, e)
		if !hasWord(f.text[content.Start:content.End]) {
			continue
		}
		q := Quote{Content: content, Direct: true, Block: bi, Sentence: -1}
		if b.first <= b.last {
			q.Sentence = f.sents[b.first].index
		} else if si := f.sentNear(content.Start); si >= 0 {
			q.Sentence = f.sents[si].index
		}
		if b.Kind == event.BlockPost {
			q.Kind = Post
			q.Speaker = f.signature(bi)
		} else if c := f.colonBefore(bi); c != nil {
			q.Cue, q.Speaker, q.Kind = c.cue, c.speaker, c.kind
		}
		if q.Sentence < 0 {
			q.Sentence = 0
		}
		f.out = append(f.out, q)
	}
}

// lastQchar returns the quotation mark that ends text[s:e], if any.
func lastQchar(text string, s, e int) (qchar, int) {
	for n := 1; n <= 3 && e-n >= s; n++ {
		if q, m := qcharAt(text, e-n); q != qNone && m == n {
			return q, m
		}
	}
	return qNone, 0
}

// signature returns the author's name inside the signature block that
// follows post block bi (past other post blocks), the whole signature
// block when the name is not in its text, or zero without one.
func (f *finder) signature(bi int) event.Span {
	for j := bi + 1; j < len(f.blocks); j++ {
		b := f.blocks[j]
		if b.Kind == event.BlockPost || b.Span.Len() == 0 {
			continue
		}
		if b.Kind != event.BlockSignature {
			return event.Span{}
		}
		text := b.Span.Of(f.text)
		for _, name := range []string{strings.TrimSpace(b.Author), strings.TrimSpace(b.Handle)} {
			if name == "" {
				continue
			}
			if i := strings.Index(text, name); i >= 0 {
				return event.Span{Start: b.Span.Start + i, End: b.Span.Start + i + len(name)}
			}
		}
		return b.Span
	}
	return event.Span{}
}

// colonBefore returns the clause that ends the block before bi with a
// colon, if any.
func (f *finder) colonBefore(bi int) *clause {
	for j := bi - 1; j >= 0; j-- {
		b := f.blocks[j]
		if b.Span.Len() == 0 {
			continue
		}
		if b.first > b.last {
			return nil
		}
		for i := len(f.clauses) - 1; i >= 0; i-- {
			c := &f.clauses[i]
			if c.sent == b.last && c.colon {
				return c
			}
			if c.sent < b.last {
				break
			}
		}
		return nil
	}
	return nil
}

// infer gives a speaker to each direct quotation that has none and is not
// a fragment, carried from the last quotation with a speaker in the same
// block or the block before; and finds the antecedent of pronoun speakers.
func (f *finder) infer() {
	type carry struct {
		speaker, antecedent event.Span
		kind                SpeakerKind
		block               int
		ok                  bool
	}
	var last, named carry
	prevDirect := -1 // index in f.out of the last direct quotation with a speaker
	for i := range f.out {
		q := &f.out[i]
		if q.Kind == Post {
			continue
		}
		if q.Kind == Pronoun {
			if outer := f.enclosing(q); outer != nil {
				q.Antecedent = outer.Speaker
			} else if named.ok && named.block >= q.Block-2 {
				q.Antecedent = named.speaker
			}
		}
		if q.Kind == Unknown && q.Direct && last.ok && (last.block == q.Block || last.block == q.Block-1) &&
			(!q.Fragment || f.continues(q)) {
			q.Speaker, q.Kind = last.speaker, Inferred
			q.Antecedent = last.antecedent
			if prevDirect >= 0 && f.out[prevDirect].Speaker == q.Speaker && f.out[prevDirect].Block >= q.Block-1 {
				q.Continues = true
			}
		}
		if q.Kind == Unknown {
			continue
		}
		if q.Direct && prevDirect >= 0 {
			// “A,” she said, “B.”: one attribution between two parts.
			p := &f.out[prevDirect]
			if !q.Fragment && q.Cue.Len() > 0 && p.Cue == q.Cue && p.Speaker == q.Speaker && p.Block == q.Block &&
				p.Content.End <= q.Cue.Start && q.Cue.End <= q.Content.Start {
				q.Continues = true
			}
		}
		if q.Direct && !q.Fragment {
			prevDirect = i
		}
		last = carry{speaker: q.Speaker, antecedent: q.Antecedent, kind: q.Kind, block: q.Block, ok: true}
		switch q.Kind {
		case Named, Nominal:
			last.antecedent = q.Speaker
			if q.Kind == Named || !named.ok || named.block < q.Block-1 {
				named = carry{speaker: q.Speaker, block: q.Block, ok: true}
			}
		}
	}
}

// enclosing returns an earlier quotation of another speaker whose content
// holds q's speaker: "Smith said that … he hopes “…”".
func (f *finder) enclosing(q *Quote) *Quote {
	for j := range f.out {
		o := &f.out[j]
		if o.Content.Start > q.Speaker.Start {
			break
		}
		if o.Content.Contains(q.Speaker) && (o.Kind == Named || o.Kind == Nominal) {
			return o
		}
	}
	return nil
}

// continues reports whether q opens a paragraph that continues a quotation
// of the paragraph before.
func (f *finder) continues(q *Quote) bool {
	i := sort.Search(len(f.marks), func(i int) bool { return f.marks[i].content.Start >= q.Content.Start })
	return i < len(f.marks) && f.marks[i].content == q.Content && f.marks[i].cont
}
