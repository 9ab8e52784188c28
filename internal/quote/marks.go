package quote

import (
	"unicode"
	"unicode/utf8"

	"github.com/annals-project/annals/internal/event"
)

// A qchar is a quotation mark.
type qchar uint8

const (
	qNone       qchar = iota
	qStraight2        // "
	qStraight1        // '
	qLeft2            // “
	qRight2           // ”
	qLow2             // „
	qLeft1            // ‘
	qRight1           // ’
	qLow1             // ‚
	qGuillemetL       // «
	qGuillemetR       // »
	qAngleL           // ‹
	qAngleR           // ›
)

// double reports whether q is a double mark (or a guillemet); single marks
// nest inside double ones and the other way round.
func (q qchar) double() bool {
	switch q {
	case qStraight2, qLeft2, qRight2, qLow2, qGuillemetL, qGuillemetR:
		return true
	}
	return false
}

// qcharAt returns the quotation mark at text[i] and its length in bytes, or
// qNone.
func qcharAt(text string, i int) (qchar, int) {
	switch c := text[i]; c {
	case '"':
		return qStraight2, 1
	case '\'':
		if i+1 < len(text) && text[i+1] == '\'' {
			return qStraight2, 2 // ''typewriter double quotes''
		}
		return qStraight1, 1
	case 0xC2:
		if i+1 < len(text) {
			switch text[i+1] {
			case 0xAB:
				return qGuillemetL, 2
			case 0xBB:
				return qGuillemetR, 2
			}
		}
	case 0xE2:
		if i+2 < len(text) && text[i+1] == 0x80 {
			switch text[i+2] {
			case 0x9C:
				return qLeft2, 3
			case 0x9D:
				return qRight2, 3
			case 0x9E:
				return qLow2, 3
			case 0x98:
				return qLeft1, 3
			case 0x99:
				return qRight1, 3
			case 0x9A:
				return qLow1, 3
			case 0xB9:
				return qAngleL, 3
			case 0xBA:
				return qAngleR, 3
			}
		}
	}
	return qNone, 0
}

// closes reports whether mark c closes a quotation opened by o.
func closes(o, c qchar) bool {
	switch o {
	case qLeft2:
		return c == qRight2
	case qLow2:
		return c == qLeft2 || c == qRight2
	case qStraight2:
		return c == qStraight2
	case qGuillemetL:
		return c == qGuillemetR
	case qLeft1:
		return c == qRight1
	case qLow1:
		return c == qLeft1 || c == qRight1
	case qStraight1:
		return c == qStraight1
	case qAngleL:
		return c == qAngleR
	}
	return false
}

// A mark is one quotation found by its quotation marks.
type mark struct {
	open, openEnd   int        // the opening mark
	close, closeEnd int        // the closing mark; both are the block's end when it was left open
	content         event.Span // the quoted words, trimmed
	block           int        // index into finder.blocks
	cont            bool       // opens a paragraph that continues a quotation left open in the one before
	unclosed        bool       // no closing mark in its block
}

// runeBefore returns the rune that ends text[lo:i], or -1 at lo.
func runeBefore(text string, lo, i int) rune {
	if i <= lo {
		return -1
	}
	r, _ := utf8.DecodeLastRuneInString(text[lo:i])
	return r
}

// runeAt returns the rune at text[i] within hi, or -1 at hi.
func runeAt(text string, i, hi int) rune {
	if i >= hi {
		return -1
	}
	r, _ := utf8.DecodeRuneInString(text[i:hi])
	return r
}

func isAlnum(r rune) bool { return r >= 0 && (unicode.IsLetter(r) || unicode.IsDigit(r)) }
func isSpace(r rune) bool { return r >= 0 && unicode.IsSpace(r) }

// opens reports whether mark q at text[i:i+n] can open a quotation in the
// block [lo, hi).
func opens(text string, q qchar, i, n, lo, hi int) bool {
	prev, next := runeBefore(text, lo, i), runeAt(text, i+n, hi)
	if next < 0 {
		return false
	}
	switch q {
	case qLeft2, qLow2, qAngleL, qLow1:
		return !isSpace(next)
	case qGuillemetL:
		return true
	case qStraight2:
		return !isAlnum(prev) && !isSpace(next)
	case qLeft1:
		return !isAlnum(prev) && !isSpace(next)
	case qStraight1:
		// 'Word: not an apostrophe inside a word, nor the one of '90s.
		return !isAlnum(prev) && unicode.IsLetter(next)
	}
	return false
}

// closesAt reports whether the closing mark q at text[i:i+n] is a closing
// quotation mark rather than an apostrophe.
func closesAt(text string, q qchar, i, n, lo, hi int) bool {
	switch q {
	case qRight1, qStraight1, qLeft1:
		prev, next := runeBefore(text, lo, i), runeAt(text, i+n, hi)
		if isAlnum(prev) && isAlnum(next) { // don’t, Kazakhstan’s, O'Brien
			return false
		}
		return !isSpace(prev) && prev >= 0
	}
	return true
}

// scanMarks finds the quotations of every block that holds prose.
func (f *finder) scanMarks() {
	carry := false // the block before left a quotation open
	for bi := range f.blocks {
		b := f.blocks[bi]
		if !prose(b.Kind) {
			carry = false
			continue
		}
		carry = f.scanBlock(bi, carry)
	}
}

// scanBlock finds the quotations of block bi; cont says that the block
// before left one open. It reports whether this block leaves one open that
// the next block continues.
func (f *finder) scanBlock(bi int, cont bool) bool {
	text := f.text
	lo, hi := f.blocks[bi].Span.Start, f.blocks[bi].Span.End
	var open qchar
	openAt, openEnd := 0, 0
	first := true // no quotation has opened yet in this block
	for i := lo; i < hi; i++ {
		c := text[i]
		if c != '"' && c != '\'' && c != 0xC2 && c != 0xE2 {
			continue
		}
		q, n := qcharAt(text, i)
		if q == qNone || i+n > hi {
			continue
		}
		switch {
		case open == qNone:
			if opens(text, q, i, n, lo, hi) && (q.double() || q == qAngleL || hasCloser(text, q, i+n, lo, hi)) {
				open, openAt, openEnd = q, i, i+n
			}
		case closes(open, q) && closesAt(text, q, i, n, lo, hi):
			f.addMark(bi, openAt, openEnd, i, i+n, cont && first, false)
			first = false
			open = qNone
		}
		i += n - 1
	}
	if open == qNone {
		return false
	}
	// Left open at the end of the block: a paragraph that opens with the
	// same mark continues it; otherwise a curly or angle quotation is
	// taken to run to the end of the block, and a straight or single one
	// is dropped as a stray mark.
	next := f.opensBlock(bi+1, open)
	if next || open == qLeft2 || open == qLow2 || open == qGuillemetL {
		f.addMark(bi, openAt, openEnd, hi, hi, cont && first, true)
	}
	return next
}

// hasCloser reports whether a mark that closes o follows from in the block
// [lo, hi): a single quotation mark without one is an apostrophe ('90s).
func hasCloser(text string, o qchar, from, lo, hi int) bool {
	for i := from; i < hi; i++ {
		if c := text[i]; c != '\'' && c != 0xE2 {
			continue
		}
		if q, n := qcharAt(text, i); q != qNone && i+n <= hi && closes(o, q) && closesAt(text, q, i, n, lo, hi) {
			return true
		}
	}
	return false
}

// opensBlock reports whether block bi is prose that starts with a mark of
// the same kind as o.
func (f *finder) opensBlock(bi int, o qchar) bool {
	if bi >= len(f.blocks) || !prose(f.blocks[bi].Kind) {
		return false
	}
	s := f.blocks[bi].Span.Start
	q, _ := qcharAt(f.text, s)
	return q == o
}

// addMark records the quotation between the marks [o, oe) and [c, ce) if it
// holds a word.
func (f *finder) addMark(bi, o, oe, c, ce int, cont, unclosed bool) {
	cs, cend := trimContent(f.text, oe, c)
	if !hasWord(f.text[cs:cend]) {
		return
	}
	f.marks = append(f.marks, mark{
		open: o, openEnd: oe, close: c, closeEnd: ce,
		content: event.Span{Start: cs, End: cend},
		block:   bi, cont: cont, unclosed: unclosed,
	})
}

// trimContent trims white space from both ends of text[s:e], and from its
// end a comma, semicolon, colon or single full stop that belongs to the
// sentence around the quotation.
func trimContent(text string, s, e int) (int, int) {
	for s < e {
		r, n := utf8.DecodeRuneInString(text[s:e])
		if !unicode.IsSpace(r) {
			break
		}
		s += n
	}
	for e > s {
		r, n := utf8.DecodeLastRuneInString(text[s:e])
		if !unicode.IsSpace(r) {
			break
		}
		e -= n
	}
	if e > s {
		switch text[e-1] {
		case ',', ';', ':':
			e--
		case '.':
			if e-1 == s || text[e-2] != '.' && !(e-3 >= s && text[e-3] == '.') {
				e--
			}
		}
	}
	for e > s && (text[e-1] == ' ' || text[e-1] == '\t' || text[e-1] == '\n') {
		e--
	}
	return s, e
}

// hasWord reports whether s holds a letter or a digit.
func hasWord(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

// countWords counts the runs of letters and digits in s, with inner
// apostrophes, hyphens and periods joining a run, up to max.
func countWords(s string, max int) int {
	n, in := 0, false
	for _, r := range s {
		w := unicode.IsLetter(r) || unicode.IsDigit(r)
		switch {
		case w && !in:
			n++
			if n >= max {
				return n
			}
			in = true
		case !w && in && r != '\'' && r != '’' && r != '-' && r != '.':
			in = false
		}
	}
	return n
}
