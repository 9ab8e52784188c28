package eval

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// The reference scorer compares text after Python's str.lower, splits on
// Python's idea of white space and counts lengths in code points. These
// helpers reproduce those three so that figures agree to the last digit.

// isSpace reports whether r is white space for Python's str.isspace and
// the \s of its regular expressions: Go's unicode.IsSpace plus the ASCII
// information separators U+001C–U+001F.
func isSpace(r rune) bool {
	return unicode.IsSpace(r) || 0x1c <= r && r <= 0x1f
}

// quoteFold maps typographic quotes and the no-break space to their ASCII
// forms before comparison.
var quoteFold = strings.NewReplacer(
	"\u201c", `"`, "\u201d", `"`, "\u2018", "'", "\u2019", "'", "\u00a0", " ")

// norm folds s for comparison: ASCII quotes, runs of white space as one
// space, no leading or trailing space, lower case.
func norm(s string) string {
	s = quoteFold.Replace(s)
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if isSpace(r) {
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return lower(b.String())
}

// lower is Python's str.lower: Go's simple case mapping except for the
// two context- or length-changing rules of Unicode SpecialCasing.txt that
// Python applies (capital I with dot above, and final sigma).
func lower(s string) string {
	if !strings.ContainsRune(s, 'İ') && !strings.ContainsRune(s, 'Σ') {
		return strings.ToLower(s)
	}
	var b strings.Builder
	for i, r := range s {
		switch r {
		case 'İ':
			b.WriteString("i\u0307")
		case 'Σ':
			if finalSigma(s, i) {
				b.WriteRune('ς')
			} else {
				b.WriteRune('σ')
			}
		default:
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// finalSigma reports whether the capital sigma at s[i] ends a word: a cased
// letter before it and none after it, skipping case-ignorable characters.
func finalSigma(s string, i int) bool {
	before := false
	for j := i; j > 0; {
		r, n := utf8.DecodeLastRuneInString(s[:j])
		j -= n
		if caseIgnorable(r) {
			continue
		}
		before = cased(r)
		break
	}
	if !before {
		return false
	}
	for _, r := range s[i+len("Σ"):] {
		if caseIgnorable(r) {
			continue
		}
		return !cased(r)
	}
	return true
}

func cased(r rune) bool { return unicode.IsUpper(r) || unicode.IsLower(r) || unicode.IsTitle(r) }

func caseIgnorable(r rune) bool {
	switch r {
	case '\'', '.', ':', '·', '\u2019', '\u00ad':
		return true
	}
	return unicode.In(r, unicode.Mn, unicode.Me, unicode.Cf, unicode.Lm, unicode.Sk)
}

// upperSpecial holds the full upper-case mappings of Unicode
// SpecialCasing.txt that Python's str.upper applies and that turn up in
// news text: sharp s and the Latin ligatures.
var upperSpecial = strings.NewReplacer(
	"ß", "SS", "ﬀ", "FF", "ﬁ", "FI", "ﬂ", "FL", "ﬃ", "FFI", "ﬄ", "FFL", "ﬅ", "ST", "ﬆ", "ST")

// upper is Python's str.upper for the text annals meets.
func upper(s string) string {
	return strings.ToUpper(upperSpecial.Replace(s))
}

// prefix returns the first n code points of s (Python's s[:n]).
func prefix(s string, n int) string {
	for i := range s {
		if n == 0 {
			return s[:i]
		}
		n--
	}
	return s
}

// dropRunes returns s without its first n code points (Python's s[n:]).
func dropRunes(s string, n int) string {
	for i := range s {
		if n == 0 {
			return s[i:]
		}
		n--
	}
	return ""
}
