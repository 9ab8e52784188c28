package date

import (
	"time"
	"unicode"
	"unicode/utf8"
)

// kind classifies a token. Keyword kinds name the word (or words) they
// stand for; see the words table.
type kind uint8

const (
	kOther   kind = iota // an unknown word, a number with separators or letters, a symbol
	kPunct               // punctuation that ends a pattern: . ; : ( ) " ! ? …
	kComma               // ,
	kHyphen              // - – —
	kNum                 // a run of digits, perhaps with an ordinal suffix
	kISO                 // YYYY-MM-DD; v packs the date as y*10000+m*100+d
	kMonth               // v = month, fAbbr for "Jan", "Sept"
	kWeekday             // v = time.Weekday
	kNumWord             // one … twenty, thirty, a, an; v = value
	kUnit                // day(s), week(s), fortnight, month(s), year(s); v = unit
	kAgo
	kLast
	kNext
	kThis
	kPast
	kEarlier
	kLater
	kEarly
	kLate
	kMid
	kYesterday
	kToday
	kTonight
	kTomorrow
	kPart // morning, afternoon, evening, night; v = partNight for night
	kWeekend
	kThe
	kThat
	kOf
	kOn
	kIn
	kAt
	kOver
	kDuring
	kSince
	kUntil   // until, till
	kThrough // through, throughout
	kBy
	kFrom
	kBefore
	kAfter
	kAround
	kPrevious
	kFollowing
	kSame
	kNew
	kChristmas
	kEve
	kPeriodOf // end, beginning, start, middle, half, quarter, seasons: "end of March"
	kBorn     // born, founded, established
	kAhead
	kPrior
	kConj // and, but, then, also, meanwhile
	kSaid // said, says, told, announced, reported, added, stated, confirmed, claimed
)

// Units of kUnit tokens.
const (
	unitDay = iota + 1
	unitWeek
	unitFortnight
	unitMonth
	unitYear
)

const partNight = 4

// Token flags.
const (
	fCap  uint8 = 1 << iota // the word starts with an upper-case letter
	fDot                    // a period follows the word directly (not in the token)
	fOrd                    // the number has an ordinal suffix (in the token)
	fAbbr                   // an abbreviated month name
	fPoss                   // 's follows the word (not in the token)
)

// A tok is one word, number or punctuation mark of the text.
type tok struct {
	s, e  int // byte offsets
	v     int32
	nd    uint8 // digits of a kNum
	k     kind
	flags uint8
}

// entry is what the words table says about a lower-case word.
type entry struct {
	k    kind
	v    int8
	abbr bool
}

// maxWord is the longest word the table holds; longer words are not looked up.
const maxWord = 11

// words maps the lower-case words the patterns use to their kind. It is
// read-only.
var words = map[string]entry{
	"january": {k: kMonth, v: 1}, "february": {k: kMonth, v: 2}, "march": {k: kMonth, v: 3},
	"april": {k: kMonth, v: 4}, "may": {k: kMonth, v: 5}, "june": {k: kMonth, v: 6},
	"july": {k: kMonth, v: 7}, "august": {k: kMonth, v: 8}, "september": {k: kMonth, v: 9},
	"october": {k: kMonth, v: 10}, "november": {k: kMonth, v: 11}, "december": {k: kMonth, v: 12},
	"jan": {k: kMonth, v: 1, abbr: true}, "feb": {k: kMonth, v: 2, abbr: true}, "mar": {k: kMonth, v: 3, abbr: true},
	"apr": {k: kMonth, v: 4, abbr: true}, "jun": {k: kMonth, v: 6, abbr: true}, "jul": {k: kMonth, v: 7, abbr: true},
	"aug": {k: kMonth, v: 8, abbr: true}, "sep": {k: kMonth, v: 9, abbr: true}, "sept": {k: kMonth, v: 9, abbr: true},
	"oct": {k: kMonth, v: 10, abbr: true}, "nov": {k: kMonth, v: 11, abbr: true}, "dec": {k: kMonth, v: 12, abbr: true},

	"sunday": {k: kWeekday, v: int8(time.Sunday)}, "monday": {k: kWeekday, v: int8(time.Monday)},
	"tuesday": {k: kWeekday, v: int8(time.Tuesday)}, "wednesday": {k: kWeekday, v: int8(time.Wednesday)},
	"thursday": {k: kWeekday, v: int8(time.Thursday)}, "friday": {k: kWeekday, v: int8(time.Friday)},
	"saturday": {k: kWeekday, v: int8(time.Saturday)},

	"a": {k: kNumWord, v: 1}, "an": {k: kNumWord, v: 1}, "one": {k: kNumWord, v: 1},
	"two": {k: kNumWord, v: 2}, "three": {k: kNumWord, v: 3}, "four": {k: kNumWord, v: 4},
	"five": {k: kNumWord, v: 5}, "six": {k: kNumWord, v: 6}, "seven": {k: kNumWord, v: 7},
	"eight": {k: kNumWord, v: 8}, "nine": {k: kNumWord, v: 9}, "ten": {k: kNumWord, v: 10},
	"eleven": {k: kNumWord, v: 11}, "twelve": {k: kNumWord, v: 12}, "thirteen": {k: kNumWord, v: 13},
	"fourteen": {k: kNumWord, v: 14}, "fifteen": {k: kNumWord, v: 15}, "sixteen": {k: kNumWord, v: 16},
	"seventeen": {k: kNumWord, v: 17}, "eighteen": {k: kNumWord, v: 18}, "nineteen": {k: kNumWord, v: 19},
	"twenty": {k: kNumWord, v: 20}, "thirty": {k: kNumWord, v: 30}, "forty": {k: kNumWord, v: 40},
	"fifty": {k: kNumWord, v: 50},

	"day": {k: kUnit, v: unitDay}, "days": {k: kUnit, v: unitDay},
	"week": {k: kUnit, v: unitWeek}, "weeks": {k: kUnit, v: unitWeek},
	"fortnight": {k: kUnit, v: unitFortnight},
	"month":     {k: kUnit, v: unitMonth}, "months": {k: kUnit, v: unitMonth},
	"year": {k: kUnit, v: unitYear}, "years": {k: kUnit, v: unitYear},

	"ago": {k: kAgo}, "last": {k: kLast}, "next": {k: kNext}, "this": {k: kThis}, "past": {k: kPast},
	"earlier": {k: kEarlier}, "later": {k: kLater}, "early": {k: kEarly}, "late": {k: kLate}, "mid": {k: kMid},
	"yesterday": {k: kYesterday}, "today": {k: kToday}, "tonight": {k: kTonight}, "tomorrow": {k: kTomorrow},
	"morning": {k: kPart, v: 1}, "afternoon": {k: kPart, v: 2}, "evening": {k: kPart, v: 3}, "night": {k: kPart, v: partNight},
	"weekend": {k: kWeekend},
	"the":     {k: kThe}, "that": {k: kThat}, "of": {k: kOf}, "on": {k: kOn}, "in": {k: kIn}, "at": {k: kAt},
	"over": {k: kOver}, "during": {k: kDuring}, "since": {k: kSince}, "until": {k: kUntil}, "till": {k: kUntil},
	"through": {k: kThrough}, "throughout": {k: kThrough}, "by": {k: kBy}, "from": {k: kFrom},
	"before": {k: kBefore}, "after": {k: kAfter}, "around": {k: kAround},
	"previous": {k: kPrevious}, "following": {k: kFollowing}, "same": {k: kSame},
	"new": {k: kNew}, "christmas": {k: kChristmas}, "eve": {k: kEve},
	"end": {k: kPeriodOf}, "beginning": {k: kPeriodOf}, "start": {k: kPeriodOf}, "middle": {k: kPeriodOf},
	"half": {k: kPeriodOf}, "quarter": {k: kPeriodOf}, "spring": {k: kPeriodOf}, "summer": {k: kPeriodOf},
	"autumn": {k: kPeriodOf}, "winter": {k: kPeriodOf},
	"born": {k: kBorn}, "founded": {k: kBorn}, "established": {k: kBorn},
	"ahead": {k: kAhead}, "prior": {k: kPrior},
	"said": {k: kSaid}, "says": {k: kSaid}, "told": {k: kSaid}, "announced": {k: kSaid},
	"reported": {k: kSaid}, "added": {k: kSaid}, "stated": {k: kSaid}, "confirmed": {k: kSaid}, "claimed": {k: kSaid},
	"and": {k: kConj}, "but": {k: kConj}, "then": {k: kConj}, "also": {k: kConj}, "meanwhile": {k: kConj},
}

// wordLens[c-'a'] has bit n set when the table has a word of n letters
// that starts with c: most words need no map lookup.
var wordLens = func() (l [26]uint16) {
	for w := range words {
		l[w[0]-'a'] |= 1 << len(w)
	}
	return l
}()

// lookup returns the table entry of an ASCII word, in any case.
func lookup(w string) (entry, bool) {
	if len(w) > maxWord {
		return entry{}, false
	}
	var buf [maxWord]byte
	for i := 0; i < len(w); i++ {
		buf[i] = w[i] | 0x20
	}
	en, ok := words[string(buf[:len(w)])]
	return en, ok
}

// tokenize appends the tokens of text[lo:hi] to dst. Spaces separate
// tokens and are dropped; a period directly after a word, and an "'s" after
// a word, become flags of the word. Once dst holds limit tokens it stops
// after the next kPunct or kOther token, which no pattern goes past, and
// returns where it stopped.
func tokenize(dst []tok, text string, lo, hi, limit int) ([]tok, int) {
	i := lo
	for i < hi {
		if n := len(dst); n >= limit && (dst[n-1].k == kPunct || dst[n-1].k == kOther) {
			return dst, i
		}
		c := text[i]
		switch {
		case c == ' ' || c == '\n' || c == '\t' || c == '\r':
			i++
		case isDigit(c):
			var t tok
			t, i = scanNumber(text, i, hi)
			dst = append(dst, t)
		case isLetter(c):
			var t tok
			t, i = scanWord(text, i, hi)
			dst = append(dst, t)
		case c == ',':
			dst = append(dst, tok{s: i, e: i + 1, k: kComma})
			i++
		case c == '-':
			dst = append(dst, tok{s: i, e: i + 1, k: kHyphen})
			i++
		case c < utf8.RuneSelf:
			dst = append(dst, tok{s: i, e: i + 1, k: kPunct})
			i++
		default:
			r, n := utf8.DecodeRuneInString(text[i:hi])
			switch {
			case r == '–' || r == '—' || r == '‐' || r == '‑':
				dst = append(dst, tok{s: i, e: i + n, k: kHyphen})
				i += n
			case unicode.IsSpace(r):
				i += n
			case unicode.IsLetter(r):
				var t tok
				t, i = scanWord(text, i, hi)
				dst = append(dst, t)
			default:
				dst = append(dst, tok{s: i, e: i + n, k: kPunct})
				i += n
			}
		}
	}
	return dst, i
}

// scanWord scans the word starting at i: ASCII or Unicode letters. Only
// all-ASCII words are looked up in the words table.
func scanWord(text string, i, hi int) (tok, int) {
	t := tok{s: i, k: kOther}
	c := text[i]
	if 'A' <= c && c <= 'Z' {
		t.flags |= fCap
	}
	var buf [maxWord]byte
	n, ascii := 0, true
	j := i
	for j < hi {
		c := text[j]
		if c < utf8.RuneSelf {
			if !isLetter(c) {
				break
			}
			if n < maxWord {
				buf[n] = c | 0x20 // ASCII letters only: lower case
			}
			n++
			j++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[j:hi])
		if !unicode.IsLetter(r) {
			break
		}
		ascii = false
		j += size
	}
	if j == i { // a non-letter rune the caller took for a letter
		_, size := utf8.DecodeRuneInString(text[i:hi])
		return tok{s: i, e: i + size, k: kPunct}, i + size
	}
	t.e = j
	if ascii && n <= maxWord && wordLens[buf[0]-'a']&(1<<n) != 0 {
		if en, ok := words[string(buf[:n])]; ok {
			t.k, t.v = en.k, int32(en.v)
			if en.abbr {
				t.flags |= fAbbr
			}
		}
	}
	switch {
	case j < hi && text[j] == '.':
		t.flags |= fDot
		j++
	case j+1 < hi && text[j] == '\'' && (text[j+1] == 's' || text[j+1] == 'S') && (j+2 == hi || !isLetter(text[j+2])):
		t.flags |= fPoss
		j += 2
	case j+3 < hi && text[j:j+3] == "\u2019" && (text[j+3] == 's' || text[j+3] == 'S') && (j+4 == hi || !isLetter(text[j+4])):
		t.flags |= fPoss
		j += 4
	}
	return t, j
}

// scanNumber scans the number starting at i. A plain run of digits, perhaps
// with an ordinal suffix ("6th"), is a kNum; YYYY-MM-DD is a kISO; digits
// with thousands separators, decimals or other letters attached ("1,500",
// "3.5", "10km") are kOther.
func scanNumber(text string, i, hi int) (tok, int) {
	j, v := i, 0
	for j < hi && isDigit(text[j]) {
		if v < 1e6 {
			v = v*10 + int(text[j]-'0')
		}
		j++
	}
	nd := j - i
	if nd == 4 && j+6 <= hi && text[j] == '-' && text[j+3] == '-' &&
		isDigit(text[j+1]) && isDigit(text[j+2]) && isDigit(text[j+4]) && isDigit(text[j+5]) &&
		(j+6 == hi || !isDigit(text[j+6])) {
		m := int(text[j+1]-'0')*10 + int(text[j+2]-'0')
		d := int(text[j+4]-'0')*10 + int(text[j+5]-'0')
		return tok{s: i, e: j + 6, k: kISO, v: int32(v*10000 + m*100 + d)}, j + 6
	}
	t := tok{s: i, e: j, k: kNum, v: int32(v)}
	if nd > 9 {
		t.k = kOther
	} else {
		t.nd = uint8(nd)
	}
	if j < hi {
		c := text[j]
		switch {
		case isLetter(c):
			if j+2 <= hi && isOrdinal(text[j], text[j+1]) && (j+2 == hi || !isLetter(text[j+2])) {
				t.e = j + 2
				t.flags |= fOrd
				return t, j + 2
			}
			t.k = kOther
			for j < hi && (isLetter(text[j]) || isDigit(text[j])) {
				j++
			}
			t.e = j
		case (c == ',' || c == '.') && j+1 < hi && isDigit(text[j+1]):
			t.k = kOther
			for j+1 < hi && (text[j] == ',' || text[j] == '.') && isDigit(text[j+1]) {
				j++
				for j < hi && isDigit(text[j]) {
					j++
				}
			}
			t.e = j
		}
	}
	return t, j
}

func isOrdinal(a, b byte) bool {
	a, b = a|0x20, b|0x20
	switch {
	case a == 's' && b == 't', a == 'n' && b == 'd', a == 'r' && b == 'd', a == 't' && b == 'h':
		return true
	}
	return false
}
