package actor

import (
	"unicode"
	"unicode/utf8"
)

// A token is one word of the text being matched. Start and End are byte
// offsets into the text; the normalised form lives in a key buffer between
// kStart and kEnd.
type token struct {
	start, end   int
	kStart, kEnd int
	// shape of the word as written
	firstUpper bool // first letter is upper case
	allUpper   bool // no lower-case letter
	// brk reports punctuation (a comma, a bracket, a quote mark) between
	// this word and the one before: no phrase spans it.
	brk bool
}

// Token case patterns of dictionary phrases, two bits per token.
const (
	caseAny   = 0 // any case matches
	caseCap   = 1 // the word must start with a capital
	caseUpper = 2 // the word must be all capitals (acronyms: "US", "U.N.")
)

// maxPhrase is the longest phrase, in tokens, the dictionary accepts
// (16 two-bit case patterns fit a uint32).
const maxPhrase = 16

// tokenize appends the words of text[start:end] to toks and their
// normalised forms, separated by single spaces, to key. Words are runs of
// letters and digits; an apostrophe between letters and the dots of an
// acronym ("U.S.") stay inside a word, a possessive "'s" is dropped,
// hyphens and all other punctuation separate words. Normal forms are lower
// case, without acronym dots, with Latin diacritics folded ("Côte" →
// "cote") and typographic apostrophes made plain.
func tokenize(text string, start, end int, toks []token, key []byte) ([]token, []byte) {
	i := start
	brk := false
	for i < end {
		r, n := decode(text, i, end)
		if !isWordRune(r) {
			if !isJoiner(r) {
				brk = true
			}
			i += n
			continue
		}
		if len(key) > 0 {
			key = append(key, ' ')
		}
		t := token{start: i, kStart: len(key), firstUpper: unicode.IsUpper(r), allUpper: true, brk: brk}
		brk = false
		i, key = scanWord(text, i, end, &t, key)
		toks = append(toks, t)
	}
	return toks, key
}

// scanWord reads the word starting at text[i], appending its normal form
// to key and filling t's end and shape. It returns the index after the
// word, past a dropped possessive "'s".
func scanWord(text string, i, end int, t *token, key []byte) (int, []byte) {
	segLetters := 0 // word runes since the word start or the last acronym dot
	dots := 0
	for i < end {
		r, n := decode(text, i, end)
		switch {
		case isWordRune(r):
			if unicode.IsLower(r) {
				t.allUpper = false
			}
			key = foldAppend(key, r)
			segLetters++
			i += n
			continue
		case r == '.':
			// An acronym dot follows a one-letter segment, and either more
			// letters follow ("U.S") or the word already had a dot ("U.S.").
			if segLetters == 1 && isLetterRune(text[t.start:], i-t.start) {
				next, _ := decode(text, i+1, end)
				if isLetterRuneValue(next) || dots > 0 {
					dots++
					segLetters = 0
					i++
					continue
				}
			}
		case isApostrophe(r) && segLetters > 0:
			next, nn := decode(text, i+n, end)
			if !isWordRune(next) {
				break
			}
			if (next == 's' || next == 'S') && !wordRuneAt(text, i+n+nn, end) {
				// A possessive "'s" ends the word and is dropped.
				t.end, t.kEnd = i, len(key)
				return i + n + nn, key
			}
			key = append(key, '\'')
			i += n
			segLetters = 0
			continue
		}
		break
	}
	t.end, t.kEnd = i, len(key)
	return i, key
}

// decode returns the rune at text[i] (i < end), or 0 at or past end.
func decode(text string, i, end int) (rune, int) {
	if i >= end {
		return 0, 0
	}
	if c := text[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	r, n := utf8.DecodeRuneInString(text[i:end])
	return r, n
}

// wordRuneAt reports whether a word rune starts at text[i].
func wordRuneAt(text string, i, end int) bool {
	r, _ := decode(text, i, end)
	return i < end && isWordRune(r)
}

// isLetterRune reports whether the rune just before byte j of s is a
// letter (the single letter of an acronym segment).
func isLetterRune(s string, j int) bool {
	if j <= 0 {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(s[:j])
	return unicode.IsLetter(r)
}

func isLetterRuneValue(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z'
	}
	return unicode.IsLetter(r)
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// isJoiner reports whether r may stand between the words of one phrase:
// spaces, hyphens, a dot ("Gen. Smith"), apostrophes.
func isJoiner(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\r', '-', '.', '\u00A0', '\u2010', '\u2011':
		return true
	}
	return isApostrophe(r)
}

func isApostrophe(r rune) bool {
	return r == '\'' || r == '\u2019' || r == '\u2018' || r == '\u02BC'
}

// foldAppend appends the normal form of r to key.
func foldAppend(key []byte, r rune) []byte {
	if r < utf8.RuneSelf {
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		return append(key, byte(r))
	}
	if unicode.Is(unicode.Mn, r) {
		return key // combining accent: drop it
	}
	if s := foldLatin(r); s != "" {
		return append(key, s...)
	}
	return utf8.AppendRune(key, unicode.ToLower(r))
}

// foldLatin maps accented Latin letters to their ASCII base.
func foldLatin(r rune) string {
	switch r {
	case 'à', 'á', 'â', 'ã', 'ä', 'å', 'ā', 'ă', 'ą', 'À', 'Á', 'Â', 'Ã', 'Ä', 'Å', 'Ā', 'Ă', 'Ą':
		return "a"
	case 'æ', 'Æ':
		return "ae"
	case 'ç', 'ć', 'č', 'ĉ', 'ċ', 'Ç', 'Ć', 'Č':
		return "c"
	case 'ď', 'đ', 'Ď', 'Đ', 'ð', 'Ð':
		return "d"
	case 'è', 'é', 'ê', 'ë', 'ē', 'ė', 'ę', 'ě', 'ĕ', 'È', 'É', 'Ê', 'Ë', 'Ē', 'Ė', 'Ę', 'Ě':
		return "e"
	case 'ğ', 'ģ', 'Ğ', 'Ģ':
		return "g"
	case 'ì', 'í', 'î', 'ï', 'ı', 'ī', 'į', 'ĭ', 'Ì', 'Í', 'Î', 'Ï', 'İ', 'Ī', 'Į':
		return "i"
	case 'ķ', 'Ķ':
		return "k"
	case 'ł', 'ľ', 'ļ', 'ĺ', 'Ł', 'Ľ', 'Ļ', 'Ĺ':
		return "l"
	case 'ñ', 'ń', 'ň', 'ņ', 'Ñ', 'Ń', 'Ň', 'Ņ':
		return "n"
	case 'ò', 'ó', 'ô', 'õ', 'ö', 'ø', 'ō', 'ő', 'Ò', 'Ó', 'Ô', 'Õ', 'Ö', 'Ø', 'Ō', 'Ő':
		return "o"
	case 'œ', 'Œ':
		return "oe"
	case 'ř', 'ŕ', 'Ř', 'Ŕ':
		return "r"
	case 'ś', 'š', 'ş', 'ș', 'Ś', 'Š', 'Ş', 'Ș':
		return "s"
	case 'ß':
		return "ss"
	case 'ť', 'ţ', 'ț', 'Ť', 'Ţ', 'Ț':
		return "t"
	case 'ù', 'ú', 'û', 'ü', 'ū', 'ů', 'ű', 'ų', 'Ù', 'Ú', 'Û', 'Ü', 'Ū', 'Ů', 'Ű', 'Ų':
		return "u"
	case 'ý', 'ÿ', 'Ý', 'Ÿ':
		return "y"
	case 'ź', 'ż', 'ž', 'Ź', 'Ż', 'Ž':
		return "z"
	case 'þ', 'Þ':
		return "th"
	}
	return ""
}
