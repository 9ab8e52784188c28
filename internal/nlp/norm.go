package nlp

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Lower returns the token's text in lower case. When the token has no
// upper-case letter (no FlagUpper) it returns a substring of text and
// allocates nothing. It returns "" for a token out of range.
func Lower(text string, t Token) string {
	s := t.Span.Of(text)
	if t.Flags&FlagUpper == 0 {
		return s
	}
	return strings.ToLower(s)
}

// AppendLower appends the token's text in lower case to dst. It allocates
// only when dst must grow.
func AppendLower(dst []byte, text string, t Token) []byte {
	s := t.Span.Of(text)
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if isUpperASCII(c) {
				c += 'a' - 'A'
			}
			dst = append(dst, c)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 {
			dst = append(dst, c)
		} else {
			dst = utf8.AppendRune(dst, unicode.ToLower(r))
		}
		i += n
	}
	return dst
}

// Norm returns the normalised form a rule matcher compares: lower case,
// curly apostrophes and quotes made straight, and contractions expanded
// where the expansion is unambiguous:
//
//	n't → not   're → are   've → have   'm → am   'll → will
//	ca (of can't) → can   wo (of won't) → will   sha (of shan't) → shall
//
// "'s" (is, has or possessive) and "'d" (had or would) stay as they are,
// with a straight apostrophe. Punctuation maps “ ” „ to `"`, ‘ ’ to "'",
// "…" to "...", and "—" "–" to "--". Norm allocates only when the result
// differs from the token's text and is not one of these constants.
func Norm(text string, t Token) string {
	s := t.Span.Of(text)
	switch t.Kind {
	case Clitic:
		switch {
		case foldApos(s, "n't"):
			return "not"
		case foldApos(s, "'re"):
			return "are"
		case foldApos(s, "'ve"):
			return "have"
		case foldApos(s, "'m"):
			return "am"
		case foldApos(s, "'ll"):
			return "will"
		case foldApos(s, "'s"):
			return "'s"
		case foldApos(s, "'d"):
			return "'d"
		}
	case Punct:
		switch s {
		case "\u201C", "\u201D", "\u201E", "\u00AB", "\u00BB":
			return `"`
		case "\u2018", "\u2019", "\u201A":
			return "'"
		case "\u2026":
			return "..."
		case "\u2014", "\u2013":
			return "--"
		}
		return s
	case Word:
		if t.Flags&FlagContraction != 0 {
			switch {
			case strings.EqualFold(s, "ca"):
				return "can"
			case strings.EqualFold(s, "wo"):
				return "will"
			case strings.EqualFold(s, "sha"):
				return "shall"
			}
		}
	}
	if t.Flags&FlagApos != 0 && strings.Contains(s, "\u2019") {
		return strings.ToLower(strings.ReplaceAll(s, "\u2019", "'"))
	}
	return Lower(text, t)
}

// foldApos reports whether s equals want (which holds a straight
// apostrophe) ignoring ASCII case and with "’" standing for "'".
func foldApos(s, want string) bool {
	i := 0
	for j := 0; j < len(want); j++ {
		if i >= len(s) {
			return false
		}
		if want[j] == '\'' {
			switch {
			case s[i] == '\'':
				i++
			case strings.HasPrefix(s[i:], "\u2019"):
				i += len("\u2019")
			default:
				return false
			}
			continue
		}
		c := s[i]
		if isUpperASCII(c) {
			c += 'a' - 'A'
		}
		if c != want[j] {
			return false
		}
		i++
	}
	return i == len(s)
}
