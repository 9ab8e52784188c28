package date

import (
	"time"

	"github.com/annals-project/annals/internal/event"
)

// A Mention is a date written out in the text, with its span.
type Mention struct {
	Span event.Span
	Date event.Date
}

var months = map[string]time.Month{
	"january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3,
	"april": 4, "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7,
	"august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9,
	"october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}

// MonthName reports the month a word names ("January", "Jan", "jan.").
func MonthName(w string) (time.Month, bool) {
	if len(w) < 3 || len(w) > 10 {
		return 0, false
	}
	var buf [10]byte
	n := 0
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c == '.' && i == len(w)-1 {
			break
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c < 'a' || c > 'z' {
			return 0, false
		}
		buf[n] = c
		n++
	}
	m, ok := months[string(buf[:n])]
	return m, ok
}

// Absolute finds the fully specified calendar dates in text[span]: "January 6,
// 2022", "Jan. 6, 2022", "6 January 2022", "2022-01-06". Dates that do not
// exist (February 30) are skipped. Results are in text order.
func Absolute(text string, span event.Span) []Mention {
	var out []Mention
	words := scanWords(text, span)
	for i, w := range words {
		if !w.year {
			continue
		}
		y := w.num
		// Month D, YYYY  |  Month D YYYY
		if i >= 2 && words[i-1].num > 0 && words[i-1].num <= 31 && !words[i-1].year {
			if m, ok := MonthName(w2s(text, words[i-2])); ok {
				if d, ok := valid(y, m, words[i-1].num); ok {
					out = append(out, Mention{event.Span{Start: words[i-2].s, End: w.e}, d})
					continue
				}
			}
		}
		// D Month YYYY
		if i >= 2 && words[i-2].num > 0 && words[i-2].num <= 31 && !words[i-2].year {
			if m, ok := MonthName(w2s(text, words[i-1])); ok {
				if d, ok := valid(y, m, words[i-2].num); ok {
					out = append(out, Mention{event.Span{Start: words[i-2].s, End: w.e}, d})
					continue
				}
			}
		}
		// YYYY-MM-DD
		if w.e+6 <= span.End && text[w.e] == '-' {
			if t, err := time.Parse(event.DateLayout, text[w.s:w.e+6]); err == nil && (w.e+6 == span.End || !isDigit(text[w.e+6])) {
				out = append(out, Mention{event.Span{Start: w.s, End: w.e + 6}, event.DateOf(t)})
			}
		}
	}
	return out
}

func valid(y int, m time.Month, d int) (event.Date, bool) {
	t := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d || t.Month() != m {
		return event.Date{}, false
	}
	return event.Date{Year: y, Month: m, Day: d}, true
}

// word is a run of letters or digits (a trailing period kept on letters).
type word struct {
	s, e int
	num  int  // value when all digits (0 otherwise)
	year bool // four digits between 1900 and 2099
}

func w2s(text string, w word) string { return text[w.s:w.e] }

func isDigit(c byte) bool  { return '0' <= c && c <= '9' }
func isLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

func scanWords(text string, span event.Span) []word {
	var ws []word
	i := span.Start
	for i < span.End {
		c := text[i]
		switch {
		case isDigit(c):
			j, n := i, 0
			for j < span.End && isDigit(text[j]) {
				if n < 100000 {
					n = n*10 + int(text[j]-'0')
				}
				j++
			}
			// ordinal suffixes: 6th, 1st, 2nd, 3rd
			k := j
			if k+2 <= span.End {
				switch text[k : k+2] {
				case "st", "nd", "rd", "th":
					if k+2 == span.End || !isLetter(text[k+2]) {
						k += 2
					}
				}
			}
			w := word{s: i, e: j, num: n}
			w.year = j-i == 4 && n >= 1900 && n <= 2099 && k == j
			ws = append(ws, w)
			i = k
		case isLetter(c):
			j := i
			for j < span.End && isLetter(text[j]) {
				j++
			}
			if j < span.End && text[j] == '.' {
				j++
			}
			ws = append(ws, word{s: i, e: j})
			i = j
		default:
			i++
		}
	}
	return ws
}
