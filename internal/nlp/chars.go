package nlp

import (
	"unicode"
	"unicode/utf8"
)

func isUpperASCII(c byte) bool  { return c-'A' < 26 }
func isLowerASCII(c byte) bool  { return c-'a' < 26 }
func isLetterASCII(c byte) bool { return (c|0x20)-'a' < 26 }
func isDigit(c byte) bool       { return c-'0' < 10 }
func isAlnumASCII(c byte) bool  { return isLetterASCII(c) || isDigit(c) }

// runeAt decodes the rune at text[i:e], with a fast path for ASCII. At or
// past e it returns (utf8.RuneError, 0).
func runeAt(text string, i, e int) (rune, int) {
	if i >= e {
		return utf8.RuneError, 0
	}
	if c := text[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(text[i:e])
}

// runeBefore decodes the rune that ends at text[:j], not looking before s.
func runeBefore(text string, s, j int) (rune, int) {
	if j <= s {
		return utf8.RuneError, 0
	}
	if c := text[j-1]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeLastRuneInString(text[s:j])
}

// spaceAt returns the width of the white-space rune (as unicode.IsSpace
// defines it) at text[i:e], or 0 when there is none.
func spaceAt(text string, i, e int) int {
	if i >= e {
		return 0
	}
	c := text[i]
	if c < utf8.RuneSelf {
		switch c {
		case ' ', '\t', '\n', '\v', '\f', '\r':
			return 1
		}
		return 0
	}
	switch c {
	case 0xC2, 0xE1, 0xE2, 0xE3:
		r, n := utf8.DecodeRuneInString(text[i:e])
		if unicode.IsSpace(r) {
			return n
		}
	}
	return 0
}

// skipSpace returns the first index at or after i that does not start a
// white-space rune.
func skipSpace(text string, i, e int) int {
	for i < e {
		n := spaceAt(text, i, e)
		if n == 0 {
			break
		}
		i += n
	}
	return i
}

// trimSpan trims white space from both ends of text[s:e].
func trimSpan(text string, s, e int) (int, int) {
	s = skipSpace(text, s, e)
	for e > s {
		c := text[e-1]
		if c < utf8.RuneSelf {
			if c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r' {
				e--
				continue
			}
			break
		}
		r, n := utf8.DecodeLastRuneInString(text[s:e])
		if !unicode.IsSpace(r) {
			break
		}
		e -= n
	}
	return s, e
}

// isWordRune reports whether r continues a word: a letter, a digit or a
// combining mark.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return isAlnumASCII(byte(r))
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

// wordRuneAt reports whether text[i:e] starts with a word rune.
func wordRuneAt(text string, i, e int) bool {
	if i >= e {
		return false
	}
	if c := text[i]; c < utf8.RuneSelf {
		return isAlnumASCII(c)
	}
	r, _ := utf8.DecodeRuneInString(text[i:e])
	return isWordRune(r)
}

// isSingleUpperRune reports whether w is exactly one upper-case rune.
func isSingleUpperRune(w string) bool {
	r, n := utf8.DecodeRuneInString(w)
	return n == len(w) && unicode.IsUpper(r)
}

// Quote and bracket runes.
const (
	lsquo  = '\u2018' // ‘
	rsquo  = '\u2019' // ’
	ldquo  = '\u201C' // “
	rdquo  = '\u201D' // ”
	laquo  = '\u00AB' // «
	raquo  = '\u00BB' // »
	hellip = '\u2026' // …
	ndash  = '\u2013' // –
	mdash  = '\u2014' // —
)

// isCloser reports whether r closes a quotation or a bracket, and so
// belongs to the sentence it follows: `… he said.” Next`.
func isCloser(r rune) bool {
	switch r {
	case '"', '\'', ')', ']', '}', rdquo, rsquo, raquo, '\u203A', '\u201B', '\u201F':
		return true
	}
	return false
}

// isOpenerRune reports whether r opens a quotation or a bracket.
func isOpenerRune(r rune) bool {
	switch r {
	case '"', '\'', '(', '[', '{', ldquo, lsquo, laquo, '\u2039', '\u201E', '\u201A', '\u00BF', '\u00A1':
		return true
	}
	return false
}
