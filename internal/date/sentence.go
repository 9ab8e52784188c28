package date

import "github.com/annals-project/annals/internal/event"

// Sentence returns the date expression that governs the clause or sentence
// text[span]: the date of the event it reports. It reports false when the
// span has none.
//
// Only expressions with a resolved Date count, and none that is "blocked":
// right after "since", "until", "till", "through", "by", "before",
// "after", "ahead of", "prior to", or "born/founded/established (in|on)",
// which date something other than the event ("by 2030", "since March",
// "born in 1990"). Of the rest, in order:
//
//  1. a fronted expression, one preceded in the span only by punctuation,
//     prepositions ("on", "in", "at", "during", "over", "around", "from")
//     and conjunctions ("and", "but", "then", "also", "meanwhile"): "On 18
//     September 2023, …", "Last week, …";
//  2. else the first with day precision that does not date the report
//     itself: one right after "said", "told", "announced", "reported",
//     "added", "stated", "confirmed", "claimed" (with or without "on")
//     dates the report, so in "police said on Tuesday that protesters
//     clashed with officers on Monday" Monday governs;
//  3. else the first with day precision ("police said on Tuesday" rather
//     than an earlier "last year");
//  4. else the first.
//
// The tense is not read: "will vote next week" gives next week.
func Sentence(text string, span event.Span, anchor event.Date) (Expr, bool) {
	var buf [8]Expr
	exprs := appendFind(buf[:0], text, span, anchor)
	lo, _ := clip(span, len(text))
	first, firstDay, firstEvent := -1, -1, -1
	for k, e := range exprs {
		if e.Date.IsZero() || blocked(text, lo, e.Span.Start) {
			continue
		}
		if first < 0 {
			if fronted(text, lo, e.Span.Start) {
				return e, true
			}
			first = k
		}
		if e.Precision != Day {
			continue
		}
		if firstDay < 0 {
			firstDay = k
		}
		if !reporting(text, lo, e.Span.Start) {
			firstEvent = k
			break
		}
	}
	switch {
	case firstEvent >= 0:
		return exprs[firstEvent], true
	case firstDay >= 0:
		return exprs[firstDay], true
	case first >= 0:
		return exprs[first], true
	}
	return Expr{}, false
}

// reporting reports whether the expression at pos follows a reporting
// verb ("said", "said on"), and so dates a statement.
func reporting(text string, lo, pos int) bool {
	w, p := wordBefore(text, lo, pos)
	k := kindOf(w)
	if k == kOn {
		w, _ = wordBefore(text, lo, p)
		k = kindOf(w)
	}
	return k == kSaid
}

// wordBefore returns the word that ends before pos, separated from it by
// spaces only, and its start; "" when there is none within [lo, pos).
func wordBefore(text string, lo, pos int) (string, int) {
	j := pos
	for j > lo && (text[j-1] == ' ' || text[j-1] == '\n' || text[j-1] == '\t') {
		j--
	}
	i := j
	for i > lo && isLetter(text[i-1]) {
		i--
	}
	return text[i:j], i
}

// kindOf returns the table kind of word w, kOther when it has none.
func kindOf(w string) kind {
	if w == "" {
		return kPunct
	}
	if en, ok := lookup(w); ok {
		return en.k
	}
	return kOther
}

// blocked reports whether the expression at pos follows a word that makes
// it the date of something else than the clause's event.
func blocked(text string, lo, pos int) bool {
	w, p := wordBefore(text, lo, pos)
	switch kindOf(w) {
	case kSince, kUntil, kThrough, kBy, kBefore, kAfter, kBorn:
		return true
	case kOf:
		w2, _ := wordBefore(text, lo, p)
		return kindOf(w2) == kAhead
	case kIn, kOn:
		w2, _ := wordBefore(text, lo, p)
		return kindOf(w2) == kBorn
	}
	if w == "to" || w == "To" {
		w2, _ := wordBefore(text, lo, p)
		return kindOf(w2) == kPrior
	}
	return false
}

// fronted reports whether text[lo:pos] holds nothing but punctuation,
// prepositions and conjunctions.
func fronted(text string, lo, pos int) bool {
	for i := lo; i < pos; {
		c := text[i]
		switch {
		case isLetter(c):
			j := i
			for j < pos && isLetter(text[j]) {
				j++
			}
			switch kindOf(text[i:j]) {
			case kOn, kIn, kAt, kDuring, kOver, kAround, kFrom, kConj:
			default:
				return false
			}
			i = j
		case isDigit(c):
			return false
		case c >= 0x80:
			n := quoteOrSpace(text[i:pos])
			if n == 0 {
				return false
			}
			i += n
		default:
			i++
		}
	}
	return true
}

// quoteOrSpace returns the length of the non-ASCII quote, dash or space
// that s starts with, or 0.
func quoteOrSpace(s string) int {
	switch {
	case len(s) >= 3 && s[0] == 0xE2 && s[1] == 0x80: // “ ” ‘ ’ – — and spaces U+2000…
		return 3
	case len(s) >= 2 && s[0] == 0xC2 && s[1] == 0xA0: // no-break space
		return 2
	}
	return 0
}
