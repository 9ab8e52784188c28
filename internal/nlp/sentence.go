package nlp

import (
	"unicode"

	"github.com/annals-project/annals/internal/event"
)

// Sentences splits every block of a into sentences. Sentences never cross
// blocks; Index is 0..n-1 in text order and Block is the index of the block
// in a.Blocks. Leading and trailing white space is excluded from each span,
// and a block that holds any non-space text yields at least one sentence.
//
// Block spans are clamped to the text; a block that overlaps the one before
// it is cut to start where that one ended, so the result is always ordered
// and non-overlapping. An Article without Blocks is split as if its whole
// Text were one block, numbered 0. A nil Article yields nil.
func Sentences(a *event.Article) []event.Sentence {
	if a == nil || a.Text == "" {
		return nil
	}
	text := a.Text
	// Sentences collect in stack buffers and are copied out once, so that a
	// typical article costs a single allocation of the right size.
	var spanBuf [64]event.Span
	var sentBuf [64]event.Sentence
	scratch, out := spanBuf[:0], sentBuf[:0]
	if len(a.Blocks) == 0 {
		scratch = Split(text, event.Span{Start: 0, End: len(text)}, scratch)
		for _, sp := range scratch {
			out = append(out, event.Sentence{Index: len(out), Span: sp})
		}
	}
	last := 0
	for bi, b := range a.Blocks {
		s, e := max(b.Span.Start, last, 0), min(b.Span.End, len(text))
		if s >= e {
			continue
		}
		last = e
		scratch = Split(text, event.Span{Start: s, End: e}, scratch[:0])
		for _, sp := range scratch {
			out = append(out, event.Sentence{Index: len(out), Span: sp, Block: bi})
		}
	}
	if len(out) == 0 {
		return nil
	}
	return append([]event.Sentence(nil), out...)
}

// Split appends the sentence spans within span of text to dst and returns
// the extended slice. It is for callers without blocks: span is treated as
// one block. Spans are ordered, do not overlap, exclude leading and trailing
// white space, and together cover every non-space byte of text[span]. A span
// out of range is clamped to the text.
//
// Split allocates only when dst must grow.
func Split(text string, span event.Span, dst []event.Span) []event.Span {
	s, e := max(span.Start, 0), min(span.End, len(text))
	if s >= e {
		return dst
	}
	p := splitter{text: text, s: s, e: e}
	return p.run(dst)
}

// sentCand marks the bytes at which the segmenter stops to look: sentence
// terminators, newlines, and 0xE2, the lead byte of "…", "—", "–" and "•".
// It is never modified.
var sentCand = [256]bool{'.': true, '?': true, '!': true, '\n': true, 0xE2: true}

// A splitter holds the block of one Split call.
type splitter struct {
	text string
	s, e int // the block
}

// emit appends text[s:e], trimmed, to dst unless it is empty.
func emit(dst []event.Span, text string, s, e int) []event.Span {
	s, e = trimSpan(text, s, e)
	if s < e {
		dst = append(dst, event.Span{Start: s, End: e})
	}
	return dst
}

// run appends the sentences of the block to dst.
func (p *splitter) run(dst []event.Span) []event.Span {
	text, e := p.text, p.e
	start := p.s
	sigLine := false // the current line holds a post's signature
	for i := p.s; i < e; {
		c := text[i]
		if !sentCand[c] {
			i++
			continue
		}
		switch c {
		case '\n':
			if sigLine || p.hardBreak(i) {
				dst = emit(dst, text, start, i)
				start = i + 1
			}
			sigLine = false
			i++
		case '.', '?', '!':
			next, cut := p.terminator(start, i)
			if cut >= 0 {
				dst = emit(dst, text, start, cut)
				start = cut
			}
			i = next
		default: // 0xE2
			if i+2 < e && text[i+1] == 0x80 {
				switch text[i+2] {
				case 0xA6: // "…"
					next, cut := p.terminator(start, i)
					if cut >= 0 {
						dst = emit(dst, text, start, cut)
						start = cut
					}
					i = next
					continue
				case 0x93, 0x94: // "–", "—"
					if p.signature(i) {
						// The signature is a sentence, and so is what
						// precedes it on its line.
						dst = emit(dst, text, start, i)
						start = i
						sigLine = true
					}
				}
			}
			i++
		}
	}
	return emit(dst, text, start, e)
}

// terminator examines the run of sentence-final punctuation that starts at
// i, in the sentence that starts at start. It returns where scanning
// resumes and the boundary, or -1 when the run ends no sentence.
func (p *splitter) terminator(start, i int) (next, cut int) {
	text, e := p.text, p.e
	j := i
	dots, strong, ellipsis := 0, false, false
run:
	for j < e {
		switch c := text[j]; {
		case c == '.':
			dots++
			j++
			// A spaced ellipsis: ". . ."
			if j+1 < e && text[j] == ' ' && text[j+1] == '.' {
				ellipsis = true
				j++
			}
		case c == '?' || c == '!':
			strong = true
			j++
		case c == 0xE2 && j+2 < e && text[j+1] == 0x80 && text[j+2] == 0xA6:
			ellipsis = true
			j += 3
		default:
			break run
		}
	}
	if dots > 1 {
		ellipsis = true
	}
	// Closing quotes and brackets belong to the sentence they follow.
	closed, quoted := false, false
	for j < e {
		r, n := runeAt(text, j, e)
		if !isCloser(r) {
			break
		}
		closed = true
		if r != ')' && r != ']' && r != '}' {
			quoted = true
		}
		j += n
	}
	if j >= e || spaceAt(text, j, e) == 0 {
		return j, -1 // the end of the block, or "3.5", "U.S.-based", "example.com"
	}
	k := skipSpace(text, j, e)
	if k >= e {
		return j, -1
	}
	// The first letter of what follows, past opening quotes and brackets.
	q, opened := k, false
	for q < e {
		r, n := runeAt(text, q, e)
		if !isOpenerRune(r) {
			break
		}
		opened = true
		q += n
	}

	var split bool
	switch {
	case ellipsis || strong || closed:
		split = !p.lowerWordAt(q)
		if split && strong && quoted && p.attribution(q) {
			split = false // “Why?” Smith asked.
		}
	default:
		split = p.afterPeriod(start, i, q, opened)
	}
	if !split {
		return j, -1
	}
	if text[k] == '(' {
		return p.paren(j, k)
	}
	return j, j
}

// afterPeriod decides whether the single period at i, followed by white
// space and then (past any openers) the text at q, ends the sentence that
// starts at start.
func (p *splitter) afterPeriod(start, i, q int, opened bool) bool {
	text := p.text
	// The word the period ends, without leading quotes or brackets.
	ws := i
	for ws > start && i-ws <= 32 {
		r, n := runeBefore(text, start, ws)
		if unicode.IsSpace(r) {
			break
		}
		ws -= n
	}
	for ws < i {
		r, n := runeAt(text, ws, i)
		if !isOpenerRune(r) {
			break
		}
		ws += n
	}
	if i-ws > 32 {
		return !p.lowerWordAt(q) // too long to be an abbreviation
	}
	w := text[ws:i]
	if ws == skipSpace(text, start, i) && isEnumerator(w) {
		return false // a list marker: "1. The first demand"
	}
	switch classify(w) {
	case abbrTitle:
		return false
	case abbrNumber:
		return q < p.e && !isDigit(text[q]) && !p.lowerWordAt(q)
	case abbrName:
		return (opened && p.upperAt(q)) || isOpenerWord(p.wordAt(q))
	case abbrCompany:
		return (opened && p.upperAt(q)) || isOpenerWord(p.wordAt(q)) || p.capThenLower(q)
	case abbrTime:
		return !p.lowerWordAt(q) && !isTimeZone(p.wordAt(q))
	}
	return !p.lowerWordAt(q)
}

// isEnumerator reports whether w, followed by a period at the start of a
// sentence, numbers a list item: one to three digits or a single letter.
func isEnumerator(w string) bool {
	if len(w) == 0 || len(w) > 3 {
		return false
	}
	if len(w) == 1 && isLetterASCII(w[0]) {
		return true
	}
	for i := 0; i < len(w); i++ {
		if !isDigit(w[i]) {
			return false
		}
	}
	return true
}

// lowerWordAt reports whether a lower-case word starts at q, so that a
// preceding terminator ends no sentence. Words with a capital inside
// ("iPhone", "eBay") do not count as lower-case.
func (p *splitter) lowerWordAt(q int) bool {
	text, e := p.text, p.e
	r, n := runeAt(text, q, e)
	if r < 0x80 {
		if !isLowerASCII(byte(r)) {
			return false
		}
	} else if !unicode.IsLower(r) {
		return false
	}
	for j := q + n; j < e && j-q < 24; {
		r, n := runeAt(text, j, e)
		if !isWordRune(r) {
			break
		}
		if unicode.IsUpper(r) {
			return false
		}
		j += n
	}
	return true
}

// upperAt reports whether an upper-case letter starts at q.
func (p *splitter) upperAt(q int) bool {
	r, _ := runeAt(p.text, q, p.e)
	if r < 0x80 {
		return isUpperASCII(byte(r))
	}
	return unicode.IsUpper(r)
}

// wordAt returns the run of ASCII letters at q, or "" when it is followed
// by another word rune (so "Theodore" is not "The").
func (p *splitter) wordAt(q int) string {
	text, e := p.text, p.e
	j := q
	for j < e && j-q < 16 && isLetterASCII(text[j]) {
		j++
	}
	if j == q || wordRuneAt(text, j, e) {
		return ""
	}
	return text[q:j]
}

// capThenLower reports whether a capitalised word starts at q and a
// lower-case word follows it after one space: "Shares fell".
func (p *splitter) capThenLower(q int) bool {
	w := p.wordAt(q)
	if w == "" || !isUpperASCII(w[0]) {
		return false
	}
	j := q + len(w)
	return j+1 < p.e && p.text[j] == ' ' && p.lowerWordAt(j+1)
}

// attribution reports whether the words at q attribute the quote that
// precedes them: up to four words and then a verb of saying ("Smith said",
// "the minister asked").
func (p *splitter) attribution(q int) bool {
	text, e := p.text, p.e
	for n := 0; n < 5 && q < e; n++ {
		j := q
		for j < e && (isLetterASCII(text[j]) || text[j] == '.' || text[j] == '-' || text[j] == '\'') {
			j++
		}
		if j == q {
			return false
		}
		w := text[q:j]
		for len(w) > 0 && w[len(w)-1] == '.' {
			w = w[:len(w)-1]
		}
		if isSpeechVerb(w) {
			return true
		}
		if j >= e || text[j] != ' ' {
			return false
		}
		q = j + 1
	}
	return false
}

// paren handles a boundary that would fall before the bracket at k, with
// white space from j to k. A parenthetical without final punctuation of
// its own ("… in Almaty. (Photo credit: …)") stays with the sentence before
// it; the boundary moves past the closing bracket, if what follows starts a
// sentence. A parenthetical that is a sentence ("(Prices fell.)") is split
// off as usual.
func (p *splitter) paren(j, k int) (next, cut int) {
	text, e := p.text, p.e
	depth, c := 0, -1
	for x := k; x < e && x-k < 400; x++ {
		switch text[x] {
		case '(':
			depth++
		case ')':
			depth--
		case '\n':
			return j, j
		}
		if depth == 0 {
			c = x
			break
		}
	}
	if c < 0 {
		return j, j
	}
	// Look at the end of the bracket's content, past quotes and spaces.
	x := c
	for x > k+1 {
		r, n := runeBefore(text, k+1, x)
		if !isCloser(r) && !unicode.IsSpace(r) {
			break
		}
		x -= n
	}
	if r, _ := runeBefore(text, k+1, x); r == '.' || r == '?' || r == '!' || r == hellip {
		return j, j
	}
	after := c + 1
	m := skipSpace(text, after, e)
	if m >= e {
		return after, -1
	}
	if after == m || p.lowerWordAt(m) {
		return after, -1
	}
	return after, after
}

// hardBreak reports whether the newline at i ends a sentence whatever
// precedes it: a blank line follows, or a list item starts on the next line.
func (p *splitter) hardBreak(i int) bool {
	text, e := p.text, p.e
	k := i + 1
	for k < e && (text[k] == ' ' || text[k] == '\t' || text[k] == '\r') {
		k++
	}
	if k >= e {
		return false
	}
	if text[k] == '\n' {
		return true
	}
	switch bulletAt(text, k, e) {
	case bulletStrong:
		return true
	case bulletWeak:
		return p.listContext(i, k)
	}
	// A line that ends in a colon introduces a list or a quotation when
	// the next line starts with a capital or a quote.
	if r, _ := runeBefore(text, p.s, i); r == ':' || r == '\r' && i-1 > p.s && text[i-2] == ':' {
		q := k
		for q < e {
			r, n := runeAt(text, q, e)
			if !isOpenerRune(r) {
				break
			}
			q += n
		}
		return q > k || p.upperAt(q)
	}
	return false
}

// Kinds of line-initial list markers.
const (
	bulletNone   = iota
	bulletStrong // "•", "*", "▪": always a list item
	bulletWeak   // "-", "—", "1.": a list item only in a list context
)

// bulletAt classifies the list marker, if any, at text[k:e].
func bulletAt(text string, k, e int) int {
	spaceAfter := func(x int) bool { return x < e && (text[x] == ' ' || text[x] == '\t') }
	switch c := text[k]; {
	case c == '*':
		if spaceAfter(k + 1) {
			return bulletStrong
		}
	case c == '-' || c == '+':
		if spaceAfter(k + 1) {
			return bulletWeak
		}
	case isDigit(c):
		x := k
		for x < e && x-k < 3 && isDigit(text[x]) {
			x++
		}
		if x < e && (text[x] == '.' || text[x] == ')') && spaceAfter(x+1) {
			return bulletWeak
		}
	case c >= 0xC2:
		r, n := runeAt(text, k, e)
		switch r {
		case '\u2022', '\u2023', '\u25CF', '\u25E6', '\u25AA', '\u25A0', '\u25BA', '\u25C6', '\u2043', '\u00B7':
			return bulletStrong
		case ndash, mdash:
			if spaceAfter(k + n) {
				return bulletWeak
			}
		}
	}
	return bulletNone
}

// listContext reports whether the line that ends at the newline at i makes
// the weak marker at k, on the next line, a list item: the line ends in
// punctuation that closes a clause, or itself starts with the same kind of
// marker. This keeps hard-wrapped wire copy ("a record of\n12. The bank")
// in one piece.
func (p *splitter) listContext(i, k int) bool {
	text := p.text
	ls := i
	for ls > p.s && text[ls-1] != '\n' {
		ls--
	}
	ls, le := trimSpan(text, ls, i)
	if ls >= le {
		return true
	}
	r, _ := runeBefore(text, ls, le)
	switch r {
	case '.', ':', ';', '!', '?', '"', ')', rdquo, hellip:
		return true
	}
	return bulletAt(text, ls, le) == bulletWeak && sameMarker(text, ls, k)
}

// sameMarker reports whether the weak list markers at a and b are of the
// same kind: both numbers, or the same dash.
func sameMarker(text string, a, b int) bool {
	if isDigit(text[a]) || isDigit(text[b]) {
		return isDigit(text[a]) && isDigit(text[b])
	}
	ra, _ := runeAt(text, a, len(text))
	rb, _ := runeAt(text, b, len(text))
	return ra == rb
}

// signature reports whether the dash at i starts the signature line of an
// embedded social-media post: "— Name (@handle) January 6, 2022". The dash
// must follow white space and be followed, on the same line, by a
// parenthesised handle.
func (p *splitter) signature(i int) bool {
	text, e := p.text, p.e
	if r, n := runeBefore(text, p.s, i); n > 0 && !unicode.IsSpace(r) {
		return false
	}
	for x := i + 3; x+2 < e && x-i < 160; x++ {
		switch text[x] {
		case '\n':
			return false
		case '(':
			if text[x+1] != '@' {
				continue
			}
			y := x + 2
			for y < e && y-x < 20 && (isAlnumASCII(text[y]) || text[y] == '_') {
				y++
			}
			return y > x+2 && y < e && text[y] == ')'
		}
	}
	return false
}
