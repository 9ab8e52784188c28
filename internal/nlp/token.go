package nlp

import (
	"unicode"

	"github.com/annals-project/annals/internal/event"
)

// A TokenKind says what a token is.
type TokenKind uint8

// The kinds of token. The zero TokenKind is not a kind any token has.
const (
	Word    TokenKind = iota + 1 // letters, with inner hyphens, apostrophes, periods: "well-trained", "O'Brien", "U.S."
	Number                       // "1,200", "3.5", "10:30", "2021-22", "1980s", "21st"
	Punct                        // . , ; : ! ? … " “ ” ( ) - — and the like
	Symbol                       // $ € % & + = © and other symbols, emoji, stray bytes
	Hashtag                      // "#Kazakhstan"
	Mention                      // "@JosepBorrellF"
	URL                          // "https://example.com/a", "www.example.com", "pic.twitter.com/x"
	Email                        // "press@example.org"
	Clitic                       // the second part of a contraction: "n't", "'s", "'re", "'ve", "'ll", "'d", "'m"
)

var kindNames = [...]string{"invalid", "Word", "Number", "Punct", "Symbol", "Hashtag", "Mention", "URL", "Email", "Clitic"}

// String returns the kind's name, "Word" for Word.
func (k TokenKind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "invalid"
}

// Flag is a set of facts about a token's form.
type Flag uint16

// Token flags.
const (
	// FlagCap: the first letter is upper-case ("Kazakhstan", "U.S.").
	FlagCap Flag = 1 << iota
	// FlagAllCaps: two or more letters and none lower-case ("NATO", "U.S.").
	FlagAllCaps
	// FlagUpper: some letter is upper-case; without it the token's text is
	// already lower-case and Lower does not allocate.
	FlagUpper
	// FlagInitial: the first token of the span other than punctuation,
	// that is the sentence-initial token when Tokens is given a sentence.
	FlagInitial
	// FlagAbbrev: an abbreviation that keeps its period ("Mr.", "Jan.",
	// "U.S.", "F."). Dotted abbreviations keep it even at the end of the
	// span; others give it up there, as a separate Punct token.
	FlagAbbrev
	// FlagHyphen: a hyphenated compound ("well-trained", "COVID-19").
	FlagHyphen
	// FlagDigit: holds a digit.
	FlagDigit
	// FlagApos: holds an apostrophe, straight or curly ("O’Brien", "’s").
	FlagApos
	// FlagContraction: one half of a split contraction: the stem ("did",
	// "ca", "wo") or the clitic ("n't", "'s").
	FlagContraction
)

// A Token is a word, number, punctuation mark or symbol of a text, by
// byte span into that text.
type Token struct {
	Span  event.Span
	Kind  TokenKind
	Flags Flag
}

// Tokens appends the tokens of text[span] to dst and returns the extended
// slice. Tokens are ordered, do not overlap, lie within span and contain no
// white space. A span out of range is clamped to the text. Tokens allocates nothing when dst has room for the result.
//
// The rules are described in the package documentation.
func Tokens(text string, span event.Span, dst []Token) []Token {
	s, e := max(span.Start, 0), min(span.End, len(text))
	if s >= e {
		return dst
	}
	_, last := trimSpan(text, s, e) // the end of the span's text
	initial := true
	noDomain := 0 // no domain name starts before this offset
	for i := s; i < e; {
		if n := spaceAt(text, i, e); n > 0 {
			i += n
			continue
		}
		t := scanToken(text, s, i, e, last, &noDomain)
		if t.Span.End <= i { // cannot happen; guards the loop
			t.Span.End = i + 1
		}
		if initial && t.Kind != Punct {
			t.Flags |= FlagInitial
			initial = false
		}
		dst = append(dst, t)
		i = t.Span.End
	}
	return dst
}

// scanToken returns the token that starts at i; s and e bound the span,
// last is where its non-space text ends; noDomain is where the last failed
// search for a domain name stopped.
func scanToken(text string, s, i, e, last int, noDomain *int) Token {
	c := text[i]
	switch {
	case isAlnumASCII(c):
		if c == 'n' || c == 'N' {
			if n := negClitic(text, s, i, e); n > 0 {
				return Token{Span: event.Span{Start: i, End: i + n}, Kind: Clitic, Flags: FlagApos | FlagContraction | capFlags(text[i])}
			}
		}
		if (c == 'h' || c == 'H' || c == 'w' || c == 'W') && hasURLPrefix(text[i:e]) {
			return Token{Span: event.Span{Start: i, End: urlEnd(text, i, e)}, Kind: URL}
		}
		return scanWord(text, s, i, e, last, noDomain)
	case c == '\'':
		if n := clitic(text, s, i, e); n > 0 {
			return cliticToken(text, i, n)
		}
		return Token{Span: event.Span{Start: i, End: i + 1}, Kind: Punct}
	case c == '#':
		if n := tagLen(text, i+1, e); n > 0 {
			return Token{Span: event.Span{Start: i, End: i + 1 + n}, Kind: Hashtag, Flags: caseFlags(text[i : i+1+n])}
		}
		return Token{Span: event.Span{Start: i, End: i + 1}, Kind: Symbol}
	case c == '@':
		j := i + 1
		for j < e && j-i <= 50 && (isAlnumASCII(text[j]) || text[j] == '_') {
			j++
		}
		if j > i+1 {
			return Token{Span: event.Span{Start: i, End: j}, Kind: Mention, Flags: caseFlags(text[i:j])}
		}
		return Token{Span: event.Span{Start: i, End: i + 1}, Kind: Symbol}
	case c == '.' || c == '-':
		j := i + 1
		for j < e && text[j] == c {
			j++
		}
		// Runs of periods ("...") and of hyphens ("--") are one token.
		return Token{Span: event.Span{Start: i, End: j}, Kind: Punct}
	case c < 0x80:
		if isPunctASCII(c) {
			return Token{Span: event.Span{Start: i, End: i + 1}, Kind: Punct}
		}
		return Token{Span: event.Span{Start: i, End: i + 1}, Kind: Symbol}
	}
	r, n := runeAt(text, i, e)
	switch {
	case r == rsquo:
		if m := clitic(text, s, i, e); m > 0 {
			return cliticToken(text, i, m)
		}
		return Token{Span: event.Span{Start: i, End: i + n}, Kind: Punct, Flags: FlagApos}
	case isWordRune(r):
		return scanWord(text, s, i, e, last, noDomain)
	case unicode.IsPunct(r):
		return Token{Span: event.Span{Start: i, End: i + n}, Kind: Punct}
	}
	return Token{Span: event.Span{Start: i, End: i + n}, Kind: Symbol}
}

// isPunctASCII reports whether c is ASCII punctuation rather than a symbol.
func isPunctASCII(c byte) bool {
	switch c {
	case '.', ',', ';', ':', '!', '?', '"', '\'', '(', ')', '[', ']', '{', '}', '-', '/', '\\', '_':
		return true
	}
	return false
}

func capFlags(c byte) Flag {
	if isUpperASCII(c) {
		return FlagCap | FlagUpper
	}
	return 0
}

func cliticToken(text string, i, n int) Token {
	var f Flag
	for j := i; j < i+n; j++ {
		if isUpperASCII(text[j]) {
			f |= FlagUpper
		}
	}
	return Token{Span: event.Span{Start: i, End: i + n}, Kind: Clitic, Flags: f | FlagApos | FlagContraction}
}

// apostropheAt returns the width of an apostrophe (' or ’) at text[i:e],
// or 0.
func apostropheAt(text string, i, e int) int {
	if i < e && text[i] == '\'' {
		return 1
	}
	if i+2 < e && text[i] == 0xE2 && text[i+1] == 0x80 && text[i+2] == 0x99 {
		return 3
	}
	return 0
}

// negClitic returns the length of "n't" (or "n’t") at i when it ends a
// word that starts before i ("did|n't"), else 0.
func negClitic(text string, s, i, e int) int {
	if r, _ := runeBefore(text, s, i); !isWordRune(r) {
		return 0
	}
	a := apostropheAt(text, i+1, e)
	if a == 0 {
		return 0
	}
	j := i + 1 + a
	if j >= e || (text[j] != 't' && text[j] != 'T') || wordRuneAt(text, j+1, e) {
		return 0
	}
	return j + 1 - i
}

// clitic returns the length of a clitic ("'s", "'re", "'ve", "'ll", "'d",
// "'m", with either apostrophe) at i, attached to the word before it, else 0.
func clitic(text string, s, i, e int) int {
	r, _ := runeBefore(text, s, i)
	if !isWordRune(r) {
		return 0
	}
	a := apostropheAt(text, i, e)
	if a == 0 {
		return 0
	}
	j := i + a
	k := j
	for k < e && k-j < 2 && isLetterASCII(text[k]) {
		k++
	}
	if wordRuneAt(text, k, e) {
		return 0
	}
	switch text[j:k] {
	case "s", "S", "re", "RE", "ve", "VE", "ll", "LL", "d", "D", "m", "M":
		return k - i
	}
	return 0
}

// tagLen returns the length of a hashtag's name at text[i:e]: letters,
// digits and underscores, with at least one letter; else 0.
func tagLen(text string, i, e int) int {
	j, letter := i, false
	for j < e && j-i < 140 {
		r, n := runeAt(text, j, e)
		if r == '_' || isWordRune(r) {
			if !(r < 0x80 && isDigit(byte(r))) && r != '_' {
				letter = true
			}
			j += n
			continue
		}
		break
	}
	if !letter {
		return 0
	}
	return j - i
}

// hasURLPrefix reports whether s starts with "http://", "https://" or
// "www.", in any case.
func hasURLPrefix(s string) bool {
	return hasPrefixFold(s, "http://") || hasPrefixFold(s, "https://") || hasPrefixFold(s, "www.") && len(s) > 4 && isAlnumASCII(s[4])
}

func hasPrefixFold(s, prefix string) bool {
	if len(s) < len(prefix) {
		return false
	}
	for i := 0; i < len(prefix); i++ {
		c := s[i]
		if isUpperASCII(c) {
			c += 'a' - 'A'
		}
		if c != prefix[i] {
			return false
		}
	}
	return true
}

// urlEnd returns the end of the URL that starts at i: the next white space,
// less trailing punctuation that belongs to the sentence.
func urlEnd(text string, i, e int) int {
	j := i
	for j < e && spaceAt(text, j, e) == 0 {
		_, n := runeAt(text, j, e)
		j += n
	}
	for j > i+1 {
		r, n := runeBefore(text, i, j)
		switch r {
		case '.', ',', ';', ':', '!', '?', ')', ']', '}', '\'', '"', rdquo, rsquo, raquo, hellip:
			j -= n
			continue
		}
		break
	}
	return j
}

// scanWord scans a word or number at i: word runes joined by inner
// hyphens, apostrophes, periods (decimals, dotted abbreviations), commas
// and colons between digits ("1,200", "10:30") and "&" between capitals
// ("AT&T").
func scanWord(text string, s, i, e, last int, noDomain *int) Token {
	var f Flag
	letters := false     // a letter seen
	suffix := 0          // where the letters after the last digit start
	upper, lower := 0, 0 // cased letters seen
	j := i
	if i+2 < e && (text[i+1] == '.' || text[i+2] == '.') {
		if n := dottedLen(text, i, e); n > 0 && !wordRuneAt(text, i+n, e) {
			end := i + n
			if !(end+1 < e && text[end] == '-' && wordRuneAt(text, end+1, e)) {
				return Token{Span: event.Span{Start: i, End: end}, Kind: Word, Flags: FlagAbbrev | caseFlags(text[i:end])}
			}
			// "U.S.-based": the abbreviation starts a hyphenated compound.
			f |= FlagAbbrev | caseFlags(text[i:end])&FlagCap
			letters = true
			upper, lower = countCase(text[i:end])
			j = end
		}
	}
scan:
	for j < e {
		c := text[j]
		if c < 0x80 {
			switch {
			case isLowerASCII(c):
				lower++
			case isUpperASCII(c):
				if upper+lower == 0 {
					f |= FlagCap
				}
				upper++
			case isDigit(c):
				f |= FlagDigit
				suffix = -1
				j++
				continue
			default:
				if j == i {
					break scan
				}
				next := j + 1
				switch c {
				case '-':
					if wordRuneAt(text, next, e) {
						f |= FlagHyphen
						j = next
						continue
					}
				case '\'':
					if isNegation(text, i, j, 1, e) {
						j-- // "did" of "didn't"
						upper, lower = uncount(text[j], upper, lower)
						f |= FlagContraction
						break scan
					}
					if clitic(text, s, j, e) == 0 && wordRuneAt(text, next, e) {
						f |= FlagApos
						j = next
						continue
					}
				case '.', ',', ':', '/':
					if isDigit(text[j-1]) && !letters && next < e && isDigit(text[next]) {
						if c == ',' && !thousands(text, next, e) {
							break scan
						}
						j = next
						continue
					}
					if c == '.' && letters && isAlnumASCII(text[j-1]) && next < e && isAlnumASCII(text[next]) {
						if end := emailAhead(text, i, e); end > 0 {
							return Token{Span: event.Span{Start: i, End: end}, Kind: Email}
						}
						if i >= *noDomain {
							// Every later start in the same run of labels
							// fails as this one does: remember where it ends.
							end, stop := domainEnd(text, i, e)
							if end > 0 {
								return Token{Span: event.Span{Start: i, End: end}, Kind: URL}
							}
							*noDomain = stop
						}
					}
				case '&':
					if isUpperASCII(text[j-1]) && next < e && isUpperASCII(text[next]) {
						j = next
						continue
					}
				case '@':
					if end := emailEnd(text, i, j, e); end > 0 {
						return Token{Span: event.Span{Start: i, End: end}, Kind: Email}
					}
				}
				break scan
			}
			// A letter.
			letters = true
			if suffix < 0 {
				suffix = j
			}
			j++
			continue
		}
		r, n := runeAt(text, j, e)
		if isWordRune(r) {
			if !unicode.IsMark(r) && !unicode.IsDigit(r) {
				letters = true
				if suffix < 0 {
					suffix = j
				}
				if unicode.IsUpper(r) {
					if upper+lower == 0 {
						f |= FlagCap
					}
					upper++
				} else if unicode.IsLower(r) {
					lower++
				}
			}
			j += n
			continue
		}
		if j == i {
			break
		}
		switch r {
		case rsquo:
			if isNegation(text, i, j, n, e) {
				j--
				upper, lower = uncount(text[j], upper, lower)
				f |= FlagContraction
				break scan
			}
			if clitic(text, s, j, e) == 0 && wordRuneAt(text, j+n, e) {
				f |= FlagApos
				j += n
				continue
			}
		case '\u2010', '\u2011': // hyphen, non-breaking hyphen
			if wordRuneAt(text, j+n, e) {
				f |= FlagHyphen
				j += n
				continue
			}
		}
		break
	}
	if j == i { // a lone mark or similar; never empty
		_, n := runeAt(text, i, e)
		return Token{Span: event.Span{Start: i, End: i + n}, Kind: Symbol}
	}
	kind := Word
	if f&FlagDigit != 0 && isDigit(text[i]) && (!letters || suffix > 0 && f&FlagHyphen == 0 && numberSuffix(text[suffix:j])) {
		kind = Number
	}
	if upper > 0 {
		f |= FlagUpper
		if upper >= 2 && lower == 0 {
			f |= FlagAllCaps
		}
	}
	// A period after an abbreviation belongs to it, except at the end of
	// the span, where it ends the sentence.
	if kind == Word && j < e && text[j] == '.' && j+1 < last {
		if abbrevPeriod(text, i, j, e) {
			j++
			f |= FlagAbbrev
		}
	}
	return Token{Span: event.Span{Start: i, End: j}, Kind: kind, Flags: f}
}

// isNegation reports whether the apostrophe of width a at j, in the word
// that starts at i, is that of a negation clitic "n't" with a stem before
// it: "didn't", "can’t".
func isNegation(text string, i, j, a, e int) bool {
	k := j + a
	return j-1 > i && (text[j-1] == 'n' || text[j-1] == 'N') &&
		k < e && (text[k] == 't' || text[k] == 'T') && !wordRuneAt(text, k+1, e)
}

// uncount takes the letter c back out of the case counts.
func uncount(c byte, upper, lower int) (int, int) {
	if isUpperASCII(c) {
		return upper - 1, lower
	}
	return upper, lower - 1
}

// countCase counts the ASCII upper- and lower-case letters of w.
func countCase(w string) (upper, lower int) {
	for i := 0; i < len(w); i++ {
		if isUpperASCII(w[i]) {
			upper++
		} else if isLowerASCII(w[i]) {
			lower++
		}
	}
	return upper, lower
}

// abbrevPeriod reports whether the period at j belongs to the word
// text[i:j] as an abbreviation.
func abbrevPeriod(text string, i, j, e int) bool {
	if j+1 < e && wordRuneAt(text, j+1, e) {
		return false // "end.The"
	}
	switch classify(text[i:j]) {
	case abbrTitle, abbrName, abbrTime, abbrCompany:
		return true
	case abbrNumber:
		k := skipSpace(text, j+1, e)
		return k < e && isDigit(text[k])
	}
	return false
}

// thousands reports whether text[i:] starts with exactly three digits, as
// after the comma of "1,200".
func thousands(text string, i, e int) bool {
	return i+2 < e && isDigit(text[i]) && isDigit(text[i+1]) && isDigit(text[i+2]) && (i+3 >= e || !isDigit(text[i+3]))
}

// numberSuffix reports whether s, the letters after a number, still make it
// a number: "1980s", "21st", "5bn", "10m".
func numberSuffix(s string) bool {
	switch s {
	case "s", "st", "nd", "rd", "th", "k", "m", "mn", "bn", "tn":
		return true
	}
	return false
}

// dottedLen returns the length of a dotted abbreviation at i ("U.S.",
// "e.g.", "J.R.R.", "a.m.", "Ph.D."), including its final period, else 0.
func dottedLen(text string, i, e int) int {
	j, groups := i, 0
	for j < e && groups < 8 {
		k := j
		for k < e && k-j < 3 && isLetterASCII(text[k]) {
			k++
		}
		if k == j || k-j > 2 || k >= e || text[k] != '.' {
			break
		}
		groups++
		j = k + 1
	}
	if groups < 2 {
		return 0
	}
	return j - i
}

// domainEnd returns the end of a domain name or URL without a scheme at i
// ("pic.twitter.com/abc", "reuters.com"), or 0 and where the search
// stopped. The last label must be two to six lower-case letters.
func domainEnd(text string, i, e int) (end, stop int) {
	j, labels, lastStart := i, 0, i
	for {
		k := j
		for k < e && (isAlnumASCII(text[k]) || text[k] == '-') {
			k++
		}
		if k == j || k-i > 253 { // longer than any host name
			return 0, k
		}
		labels++
		lastStart = j
		j = k
		if j+1 < e && text[j] == '.' && isAlnumASCII(text[j+1]) {
			j++
			continue
		}
		break
	}
	tld := text[lastStart:j]
	if labels < 2 || len(tld) < 2 || len(tld) > 6 {
		return 0, j
	}
	for x := 0; x < len(tld); x++ {
		if !isLowerASCII(tld[x]) {
			return 0, j
		}
	}
	if wordRuneAt(text, j, e) || j < e && text[j] == '@' {
		return 0, j
	}
	if j < e && text[j] == '/' {
		return urlEnd(text, i, e), j
	}
	return j, j
}

// emailAhead returns the end of an e-mail address that starts at i and
// whose local part holds periods ("jane.doe@example.org"), or 0.
func emailAhead(text string, i, e int) int {
	for x := i; x < e && x-i < 64; x++ {
		c := text[x]
		if c == '@' {
			return emailEnd(text, i, x, e)
		}
		if !isAlnumASCII(c) && c != '.' && c != '_' && c != '-' && c != '+' {
			return 0
		}
	}
	return 0
}

// emailEnd returns the end of an e-mail address whose local part is
// text[i:at], or 0.
func emailEnd(text string, i, at, e int) int {
	for x := i; x < at; x++ {
		c := text[x]
		if !isAlnumASCII(c) && c != '.' && c != '_' && c != '-' && c != '+' {
			return 0
		}
	}
	end, _ := domainEnd(text, at+1, e)
	if end == 0 {
		return 0
	}
	for x := at + 1; x < end; x++ {
		if text[x] == '/' {
			return 0
		}
	}
	return end
}

// caseFlags returns the case flags of w.
func caseFlags(w string) Flag {
	var f Flag
	upper, lower, first := 0, 0, true
	for _, r := range w {
		isU, isL := false, false
		if r < 0x80 {
			isU, isL = isUpperASCII(byte(r)), isLowerASCII(byte(r))
		} else {
			isU, isL = unicode.IsUpper(r), unicode.IsLower(r)
		}
		if isU {
			upper++
			if first {
				f |= FlagCap
			}
		} else if isL {
			lower++
		}
		if isU || isL {
			first = false
		}
	}
	if upper > 0 {
		f |= FlagUpper
	}
	if upper >= 2 && lower == 0 {
		f |= FlagAllCaps
	}
	return f
}
