package date

import (
	"time"

	"github.com/annals-project/annals/internal/event"
)

// Precision says how exactly an Expr's Date is known. For the coarser
// precisions Date is the first day of the period: the Monday of a week, the
// first of a month, 1 January of a year.
type Precision string

// The precisions of a date.
const (
	Day   Precision = "day"
	Week  Precision = "week"  // Date is the Monday of the (ISO) week
	Month Precision = "month" // Date is the first of the month
	Year  Precision = "year"  // Date is 1 January
	// Fallback is never produced by Find: it marks a date a caller took
	// from the anchor because the text gave none.
	Fallback Precision = "anchor"
)

// An Expr is one date expression of the text, resolved.
type Expr struct {
	Span      event.Span
	Date      event.Date // zero when it could not be resolved (see Find)
	Precision Precision
	// Relative reports that Date was worked out from the anchor (or, for an
	// anaphoric expression, from an earlier date) rather than written out
	// in full: false only for "6 January 2022", "2022-01-06", "March 2023",
	// "in 2019" and the like.
	Relative bool
	// Text is text[Span].
	Text string
	// Anaphoric marks an expression that counts from another date of the
	// text, not from the anchor: "the previous day", "the day after", "the
	// same day", "two days later". Shift is its offset in days from the date
	// it refers to. Find resolves it against the expression just before it
	// in the span when that one has day precision; otherwise Date is zero
	// and the caller, which may know the earlier sentences, resolves it.
	Anaphoric bool
	Shift     int
}

// Find returns every date expression in text[span], resolved against
// anchor, in text order. Expressions do not overlap. A span outside text is
// clipped to it. With a zero anchor, expressions that need one are returned
// with a zero Date.
//
// The rules, all counting from the anchor A (the report's date; news
// reports the past):
//
//   - "6 January 2022", "January 6, 2022", "Jan. 6 2022", "2022-01-06",
//     "Thursday, January 6, 2022": that day.
//   - "7 January", "January 7", "Jan. 7", "7th of January" (no year): the
//     latest such date on or before A, so "30 December" with A = 2022-01-03
//     is 2021-12-30 and "29 February" is the last leap day on or before A.
//     A scheduled event a few days after A is therefore put a year early:
//     the text's tense is not read.
//   - Ranges "5-6 November", "March 3-4": the first day.
//   - "Thursday", "on Thursday", "this Thursday", "Thursday night", "late on
//     Friday", "early Monday": the latest such weekday on or before A (A
//     itself when A is a Thursday). "last Thursday": strictly before A.
//     "next Thursday": strictly after A. "Thursday last week": the
//     Thursday of the week before A's. A weekday directly after a
//     capitalised word ("Black Friday", "Bloody Sunday") is a name, not a
//     date, and is skipped.
//   - "today", "tonight", "this morning/afternoon/evening": A.
//     "yesterday", "last night": A-1 (news convention: "last night" is the
//     evening before the report). "the day before yesterday": A-2.
//     "tomorrow": A+1.
//   - "N days ago" (N a numeral, one…twenty, thirty, forty, fifty, or "a"):
//     A-N. "N weeks ago", "a fortnight ago", "N months ago", "N years ago":
//     the week, month or year that holds that day.
//   - "this week", "earlier this week", "later this week", "earlier in the
//     week": A's week. "last week", "next week": the week before or after.
//     Likewise "this/last/next month" and "this/last/next year".
//   - "the weekend", "over the weekend", "this weekend": the latest
//     weekend on or before A (A's own when A is a Saturday or Sunday), at
//     week precision. "last weekend": the weekend of the week before A's.
//     "next weekend": the first weekend after A.
//   - "in March", "early March", "mid-March", "since March": the latest
//     March that began on or before A. "last March": the latest March
//     before A's month; "next March": the first after it. A month name
//     alone counts only after a preposition or a modifier ("in", "during",
//     "since", "until", "by", "early", "late", "mid-", "end of", …), so
//     the verb "march" and the name "May" are not taken for months; "by
//     May", "from May", "before/after May" are not taken either.
//   - "March 2023", "June, 1986", "in 2019", "late 2019", "the end of
//     2019": as written, at month or year precision. A bare year needs a
//     preposition or modifier, as above.
//   - "New Year's Eve", "New Year's Day", "Christmas Eve", "Christmas Day",
//     "at Christmas": the latest such day on or before A.
//   - Anaphoric: "the previous day", "the day before", "a day earlier",
//     "the following day", "the next day", "the day after", "two days
//     later", "the same day", "that day" (see Expr.Anaphoric).
//
// Not handled: "a few days ago", "the past week" (a trailing window),
// "the last two days", numeric dates other than YYYY-MM-DD, weekday
// abbreviations, and the tense of the clause.
func Find(text string, span event.Span, anchor event.Date) []Expr {
	return appendFind(nil, text, span, anchor)
}

// clip returns span clipped to a text of n bytes.
func clip(span event.Span, n int) (lo, hi int) {
	lo, hi = max(span.Start, 0), min(span.End, n)
	return lo, hi
}

// appendFind appends the expressions of text[span] to dst.
func appendFind(dst []Expr, text string, span event.Span, anchor event.Date) []Expr {
	return appendFindChunked(dst, text, span, anchor, chunk)
}

// chunk is the number of tokens after which tokenizing may pause.
const chunk = 56

// appendFindChunked is appendFind with tokens processed limit (or a few
// more) at a time; the result does not depend on limit.
func appendFindChunked(dst []Expr, text string, span event.Span, anchor event.Date, limit int) []Expr {
	lo, hi := clip(span, len(text))
	if lo >= hi {
		return dst
	}
	// Tokens go through a buffer on the stack, a chunk at a time. A chunk
	// ends after a token no pattern goes past, and the next one starts with
	// the last two tokens of the previous one, for the patterns that look
	// back.
	const back = 2
	var buf [chunk + 8]tok
	s := scanner{anchor: anchor}
	base, carried := len(dst), 0
	for pos := lo; pos < hi; {
		s.toks, pos = tokenize(buf[:carried], text, pos, hi, max(limit, back+1))
		dst = s.appendChunk(dst, base, carried, text, anchor)
		carried = copy(buf[:back], s.toks[max(len(s.toks)-back, 0):])
	}
	return dst
}

// appendChunk appends the expressions that start at s.toks[from:] to dst.
// Anaphoric ones resolve against dst[base:].
func (s *scanner) appendChunk(dst []Expr, base, from int, text string, anchor event.Date) []Expr {
	for i := from; i < len(s.toks); {
		if !starts[s.toks[i].k] {
			i++
			continue
		}
		m, ok := s.match(i)
		if !ok {
			i++
			continue
		}
		e := Expr{
			Span:      event.Span{Start: s.toks[i].s, End: m.end},
			Date:      m.date,
			Precision: m.prec,
			Relative:  m.rel,
			Anaphoric: m.ana,
			Shift:     m.shift,
		}
		switch {
		case m.ana:
			e.Date = event.Date{}
			if n := len(dst); n > base && dst[n-1].Precision == Day && !dst[n-1].Date.IsZero() {
				e.Date = dst[n-1].Date.AddDays(m.shift)
			}
		case m.rel && anchor.IsZero():
			e.Date = event.Date{}
		}
		e.Text = text[e.Span.Start:e.Span.End]
		dst = append(dst, e)
		i = m.next
	}
	return dst
}

// starts holds the kinds a pattern may start with.
var starts = [256]bool{
	kISO: true, kNum: true, kNumWord: true, kMonth: true, kWeekday: true,
	kYesterday: true, kToday: true, kTonight: true, kTomorrow: true,
	kThis: true, kLast: true, kNext: true, kThe: true, kThat: true, kNew: true, kChristmas: true,
	kEarly: true, kLate: true, kMid: true, kEarlier: true, kLater: true,
}

// A scanner matches date patterns over the tokens of one span.
type scanner struct {
	toks   []tok
	anchor event.Date
}

// now returns the anchor as midnight UTC. (Keeping a time.Time in the
// scanner would make its token buffer escape to the heap.)
func (s *scanner) now() time.Time { return s.anchor.Time() }

// A match is one pattern matched from a start token.
type match struct {
	next  int // index of the first token after the match
	end   int // byte offset of the end of the match
	date  event.Date
	prec  Precision
	rel   bool
	ana   bool
	shift int
}

// tok returns token i, or a punctuation token (which ends every pattern)
// when i is out of range.
func (s *scanner) tok(i int) tok {
	if i < 0 || i >= len(s.toks) {
		return tok{k: kPunct}
	}
	return s.toks[i]
}

// more reports whether a pattern may go on after token t: not past a
// sentence-ending period.
func more(t tok) bool { return t.flags&fDot == 0 }

// match matches a date expression starting at token i, with an optional
// modifier: "early", "late", "mid-", "earlier", "later".
func (s *scanner) match(i int) (match, bool) {
	t := s.toks[i]
	switch t.k {
	case kEarly, kLate, kMid, kEarlier, kLater:
		if !more(t) {
			return match{}, false
		}
		j := i + 1
		if t.k == kMid && s.tok(j).k == kHyphen && s.tok(j).s == t.e {
			j++
		}
		if n := s.tok(j); (n.k == kOn || n.k == kIn) && more(n) {
			j++
			// "earlier in the week", "late in the year"
			if th, u := s.tok(j), s.tok(j+1); th.k == kThe && more(th) && u.k == kUnit {
				switch u.v {
				case unitWeek:
					return s.period(j+2, u.e, weekStart(s.now()), Week), true
				case unitMonth:
					return s.period(j+2, u.e, monthStart(s.now(), 0), Month), true
				case unitYear:
					return s.period(j+2, u.e, yearStart(s.now(), 0), Year), true
				}
				return match{}, false
			}
		}
		n := s.tok(j)
		switch n.k {
		case kThis, kToday, kTonight, kYesterday, kTomorrow, kWeekday:
		case kLast, kNext, kMonth, kNum:
			if t.k == kEarlier || t.k == kLater {
				return match{}, false
			}
		default:
			return match{}, false
		}
		return s.core(j, true)
	}
	return s.core(i, s.licensed(i, t.k == kMonth && t.v == 5))
}

// licensed reports whether the token before i lets a bare month name or
// year at i stand as a date: a preposition or modifier, or "end of". For
// "May", also a person's name, "by", "from", "before", "after" and
// "around" do not.
func (s *scanner) licensed(i int, may bool) bool {
	p := s.tok(i - 1)
	if !more(p) {
		return false
	}
	switch p.k {
	case kIn, kDuring, kSince, kUntil, kThrough, kEarly, kLate, kMid:
		return true
	case kBy, kFrom, kBefore, kAfter, kAround:
		return !may
	case kHyphen:
		q := s.tok(i - 2)
		return q.k == kMid && q.e == p.s
	case kOf:
		return s.tok(i-2).k == kPeriodOf
	}
	return false
}

// core matches a date expression without modifier at token i. lic says
// whether a bare month or year may stand alone here.
func (s *scanner) core(i int, lic bool) (match, bool) {
	t := s.tok(i)
	switch t.k {
	case kISO:
		y, m, d := int(t.v/10000), time.Month(t.v/100%100), int(t.v%100)
		if dt, ok := valid(y, m, d); ok {
			return match{next: i + 1, end: t.e, date: dt, prec: Day}, true
		}
	case kNum:
		if t.nd == 4 && t.flags&fOrd == 0 && isYear(t.v) {
			if lic && 1800 <= t.v && t.v < 2200 {
				return match{next: i + 1, end: t.e, date: event.Date{Year: int(t.v), Month: 1, Day: 1}, prec: Year}, true
			}
			return match{}, false
		}
		if isDay(t) {
			if m, ok := s.dayMonth(i); ok {
				return m, true
			}
		}
		if t.flags&fOrd == 0 {
			return s.ago(i, int(t.v))
		}
	case kNumWord:
		return s.ago(i, int(t.v))
	case kMonth:
		return s.month(i, lic, 0)
	case kWeekday:
		return s.weekday(i, 0)
	case kYesterday, kToday, kTonight, kTomorrow:
		off := 0
		switch t.k {
		case kYesterday:
			off = -1
		case kTomorrow:
			off = 1
		}
		m := s.day(i+1, t.e, s.now().AddDate(0, 0, off))
		if p := s.tok(i + 1); (t.k == kYesterday || t.k == kTomorrow) && p.k == kPart && more(t) && t.flags&fPoss == 0 {
			m.next, m.end = i+2, p.e
		}
		return m, true
	case kThis:
		return s.this(i)
	case kLast:
		return s.last(i)
	case kNext:
		return s.nextExpr(i)
	case kThe:
		return s.the(i)
	case kThat:
		if n := s.tok(i + 1); more(t) && (n.k == kUnit && n.v == unitDay || n.k == kPart) {
			return match{next: i + 2, end: n.e, prec: Day, rel: true, ana: true}, true
		}
	case kNew:
		y, n := s.tok(i+1), s.tok(i+2)
		if t.flags&fCap != 0 && more(t) && y.k == kUnit && y.v == unitYear && y.flags&fCap != 0 && more(y) {
			switch {
			case n.k == kEve:
				return s.dayNoYear(i+3, n.e, time.December, 31)
			case n.k == kUnit && n.v == unitDay:
				return s.dayNoYear(i+3, n.e, time.January, 1)
			}
		}
	case kChristmas:
		if t.flags&fCap == 0 {
			return match{}, false
		}
		if n := s.tok(i + 1); more(t) && t.flags&fPoss == 0 {
			switch {
			case n.k == kEve:
				return s.dayNoYear(i+2, n.e, time.December, 24)
			case n.k == kUnit && n.v == unitDay:
				return s.dayNoYear(i+2, n.e, time.December, 25)
			}
		}
		switch p := s.tok(i - 1); p.k {
		case kOn, kAt, kOver, kDuring, kSince, kBefore, kAfter, kBy, kUntil:
			return s.dayNoYear(i+1, t.e, time.December, 25)
		}
	}
	return match{}, false
}

// day returns a day-precision match relative to the anchor.
func (s *scanner) day(next, end int, t time.Time) match {
	return match{next: next, end: end, date: event.DateOf(t), prec: Day, rel: true}
}

// period returns a coarser match relative to the anchor.
func (s *scanner) period(next, end int, t time.Time, p Precision) match {
	return match{next: next, end: end, date: event.DateOf(t), prec: p, rel: true}
}

// dayNoYear returns the latest m/d on or before the anchor.
func (s *scanner) dayNoYear(next, end int, m time.Month, d int) (match, bool) {
	if _, ok := valid(2000, m, d); !ok { // 2000 is a leap year
		return match{}, false
	}
	y := s.now().Year()
	for k := 0; k <= 8; k++ {
		if dt, ok := valid(y-k, m, d); ok && !s.now().Before(dt.Time()) {
			return match{next: next, end: end, date: dt, prec: Day, rel: true}, true
		}
	}
	return match{next: next, end: end, prec: Day, rel: true}, true
}

func isYear(v int32) bool { return 1000 <= v && v <= 2999 }

// isDay reports whether t can be a day of the month.
func isDay(t tok) bool { return t.k == kNum && t.nd <= 2 && 1 <= t.v && t.v <= 31 }

// isYearTok reports whether t is a four-digit year.
func isYearTok(t tok) bool { return t.k == kNum && t.nd == 4 && t.flags&fOrd == 0 && isYear(t.v) }

// rangeEnd skips "-D2" after a day at token i: it returns the index after
// the range and its byte end.
func (s *scanner) rangeEnd(i int) (int, int) {
	d := s.toks[i]
	if h, n := s.tok(i+1), s.tok(i+2); h.k == kHyphen && isDay(n) && n.v > d.v {
		return i + 3, n.e
	}
	return i + 1, d.e
}

// dayMonth matches "D[-D2] [of] Month[.] [,] [YYYY]" at a day number i.
func (s *scanner) dayMonth(i int) (match, bool) {
	d := int(s.toks[i].v)
	j, _ := s.rangeEnd(i)
	if s.tok(j).k == kOf && s.toks[i].flags&fOrd != 0 {
		j++
	}
	mt := s.tok(j)
	if mt.k != kMonth || mt.flags&fCap == 0 {
		return match{}, false
	}
	m, end := time.Month(mt.v), mt.e
	if !more(mt) && mt.flags&fAbbr != 0 {
		end++ // "6 Jan."
	}
	if more(mt) || mt.flags&fAbbr != 0 {
		k := j + 1
		if s.tok(k).k == kComma {
			k++
		}
		if y := s.tok(k); isYearTok(y) {
			if dt, ok := valid(int(y.v), m, d); ok {
				return match{next: k + 1, end: y.e, date: dt, prec: Day}, true
			}
			return match{}, false
		}
	}
	return s.dayNoYear(j+1, end, m, d)
}

// month matches at a month name i: "Month D[-D2][,] [YYYY]", "Month YYYY",
// or the month alone when lic. mode is 0, or kLast, kNext for "last
// March", "next March".
func (s *scanner) month(i int, lic bool, mode kind) (match, bool) {
	t := s.tok(i)
	if t.k != kMonth || t.flags&fCap == 0 {
		return match{}, false
	}
	m := time.Month(t.v)
	if mode == 0 && (more(t) || t.flags&fAbbr != 0) {
		n := s.tok(i + 1)
		if isDay(n) {
			j, end := s.rangeEnd(i + 1)
			k := j
			if s.tok(k).k == kComma {
				k++
			}
			if y := s.tok(k); isYearTok(y) {
				if dt, ok := valid(int(y.v), m, int(n.v)); ok {
					return match{next: k + 1, end: y.e, date: dt, prec: Day}, true
				}
				return match{}, false
			}
			return s.dayNoYear(j, end, m, int(n.v))
		}
		if y := s.tok(i + 2); (more(t) || t.flags&fAbbr != 0) && (isYearTok(n) || n.k == kComma && isYearTok(y)) {
			// "March 2023", "June, 1986"
			next := i + 2
			if n.k == kComma {
				n, next = y, i+3
			}
			return match{next: next, end: n.e, date: event.Date{Year: int(n.v), Month: m, Day: 1}, prec: Month}, true
		}
	}
	if mode == 0 && !lic {
		return match{}, false
	}
	y, am := s.now().Year(), s.now().Month()
	switch mode {
	case 0:
		if m > am {
			y--
		}
	case kLast:
		if m >= am {
			y--
		}
	case kNext:
		if m <= am {
			y++
		}
	}
	return match{next: i + 1, end: t.e, date: event.Date{Year: y, Month: m, Day: 1}, prec: Month, rel: true}, true
}

// weekday matches at a weekday name i. mode is 0 (the latest on or before
// the anchor), kLast (strictly before) or kNext (strictly after).
func (s *scanner) weekday(i int, mode kind) (match, bool) {
	t := s.tok(i)
	if t.k != kWeekday || t.flags&fCap == 0 {
		return match{}, false
	}
	if p := s.tok(i - 1); mode == 0 && p.k == kOther && p.flags&fCap != 0 && more(p) && t.s-p.e == 1 {
		return match{}, false // "Black Friday", "Bloody Sunday"
	}
	wd := int(time.Weekday(t.v))
	next, end := i+1, t.e
	if more(t) && t.flags&fPoss == 0 {
		// Thursday, January 6, 2022 | Thursday 6 January
		k := i + 1
		if s.tok(k).k == kComma {
			k++
		}
		if mode == 0 {
			var c match
			var ok bool
			switch n := s.tok(k); {
			case n.k == kMonth:
				c, ok = s.month(k, false, 0)
			case isDay(n):
				c, ok = s.dayMonth(k)
			}
			if ok && c.prec == Day {
				return c, true
			}
		}
		// Thursday [of] last/this/next week
		k = i + 1
		if s.tok(k).k == kOf {
			k++
		}
		if w, u := s.tok(k), s.tok(k+1); (w.k == kLast || w.k == kThis || w.k == kNext) && more(w) && u.k == kUnit && u.v == unitWeek {
			off := 0
			switch w.k {
			case kLast:
				off = -7
			case kNext:
				off = 7
			}
			return s.day(k+2, u.e, weekStart(s.now()).AddDate(0, 0, off+(wd+6)%7)), true
		}
		if p := s.tok(i + 1); p.k == kPart {
			next, end = i+2, p.e
		}
	}
	aw := int(s.now().Weekday())
	var off int
	switch mode {
	case kNext:
		off = (wd - aw + 7) % 7
		if off == 0 {
			off = 7
		}
	default:
		off = -((aw - wd + 7) % 7)
		if off == 0 && mode == kLast {
			off = -7
		}
	}
	return s.day(next, end, s.now().AddDate(0, 0, off)), true
}

// this matches "this morning/week/month/year/weekend/Thursday/March" and
// "this past Thursday/weekend".
func (s *scanner) this(i int) (match, bool) {
	if !more(s.toks[i]) {
		return match{}, false
	}
	n := s.tok(i + 1)
	switch n.k {
	case kPart:
		if n.v != partNight {
			return s.day(i+2, n.e, s.now()), true
		}
	case kUnit:
		return s.unitPeriod(i+2, n, 0)
	case kWeekend:
		return s.period(i+2, n.e, weekendOnOrBefore(s.now()), Week), true
	case kWeekday:
		return s.weekday(i+1, 0)
	case kMonth:
		return s.month(i+1, true, 0)
	case kPast:
		if !more(n) {
			break
		}
		switch n2 := s.tok(i + 2); n2.k {
		case kWeekday:
			return s.weekday(i+2, kLast)
		case kWeekend:
			return s.period(i+3, n2.e, weekendOnOrBefore(s.now()), Week), true
		}
	}
	return match{}, false
}

// unitPeriod matches the week, month or year unit u at next-1, off periods
// from the anchor's.
func (s *scanner) unitPeriod(next int, u tok, off int) (match, bool) {
	switch u.v {
	case unitWeek:
		return s.period(next, u.e, weekStart(s.now()).AddDate(0, 0, 7*off), Week), true
	case unitMonth:
		return s.period(next, u.e, monthStart(s.now(), off), Month), true
	case unitYear:
		return s.period(next, u.e, yearStart(s.now(), off), Year), true
	}
	return match{}, false
}

// last matches "last night/week/month/year/weekend/Thursday/March". "the
// last week" (the past seven days) is not matched.
func (s *scanner) last(i int) (match, bool) {
	if p := s.tok(i - 1); p.k == kThe || p.k == kPast || !more(s.toks[i]) {
		return match{}, false
	}
	n := s.tok(i + 1)
	switch n.k {
	case kPart:
		if n.v == partNight || n.v == 3 { // night, evening
			return s.day(i+2, n.e, s.now().AddDate(0, 0, -1)), true
		}
	case kUnit:
		return s.unitPeriod(i+2, n, -1)
	case kWeekend:
		return s.period(i+2, n.e, weekStart(s.now()).AddDate(0, 0, -7), Week), true
	case kWeekday:
		return s.weekday(i+1, kLast)
	case kMonth:
		return s.month(i+1, true, kLast)
	}
	return match{}, false
}

// nextExpr matches "next week/month/year/weekend/Thursday/March".
func (s *scanner) nextExpr(i int) (match, bool) {
	if p := s.tok(i - 1); p.k == kThe || !more(s.toks[i]) {
		return match{}, false
	}
	n := s.tok(i + 1)
	switch n.k {
	case kUnit:
		return s.unitPeriod(i+2, n, 1)
	case kWeekend:
		ws := weekStart(s.now())
		if wd := s.now().Weekday(); wd == time.Saturday || wd == time.Sunday {
			ws = ws.AddDate(0, 0, 7)
		}
		return s.period(i+2, n.e, ws, Week), true
	case kWeekday:
		return s.weekday(i+1, kNext)
	case kMonth:
		return s.month(i+1, true, kNext)
	}
	return match{}, false
}

// the matches "the day before yesterday", "the day after tomorrow", the
// anaphoric "the previous/following/next/same day" and "the day
// before/after", and "the weekend", "the past weekend".
func (s *scanner) the(i int) (match, bool) {
	if !more(s.toks[i]) {
		return match{}, false
	}
	n, n2, n3 := s.tok(i+1), s.tok(i+2), s.tok(i+3)
	switch n.k {
	case kUnit:
		if n.v != unitDay || !more(n) || (n2.k != kBefore && n2.k != kAfter) {
			break
		}
		shift := -1
		if n2.k == kAfter {
			shift = 1
		}
		switch {
		case more(n2) && n3.k == kYesterday && shift < 0:
			return s.day(i+4, n3.e, s.now().AddDate(0, 0, -2)), true
		case more(n2) && n3.k == kTomorrow && shift > 0:
			return s.day(i+4, n3.e, s.now().AddDate(0, 0, 2)), true
		case !more(n2) || n3.k == kPunct || n3.k == kComma:
			return match{next: i + 3, end: n2.e, prec: Day, rel: true, ana: true, shift: shift}, true
		}
	case kPrevious, kFollowing, kNext, kSame:
		if !more(n) || !(n2.k == kUnit && n2.v == unitDay || n2.k == kPart) {
			break
		}
		shift := 0
		switch n.k {
		case kPrevious:
			shift = -1
		case kFollowing, kNext:
			shift = 1
		}
		return match{next: i + 3, end: n2.e, prec: Day, rel: true, ana: true, shift: shift}, true
	case kWeekend:
		return s.period(i+2, n.e, weekendOnOrBefore(s.now()), Week), true
	case kPast:
		if more(n) && n2.k == kWeekend {
			return s.period(i+3, n2.e, weekendOnOrBefore(s.now()), Week), true
		}
	}
	return match{}, false
}

// ago matches "N days/weeks/months/years ago" and the anaphoric "N
// days/weeks earlier/later" at a number i of value n.
func (s *scanner) ago(i, n int) (match, bool) {
	u, a := s.tok(i+1), s.tok(i+2)
	if !more(s.toks[i]) || u.k != kUnit || !more(u) || n < 1 || n > 1000 {
		return match{}, false
	}
	switch a.k {
	case kAgo:
		switch u.v {
		case unitDay:
			return s.day(i+3, a.e, s.now().AddDate(0, 0, -n)), true
		case unitWeek:
			return s.period(i+3, a.e, weekStart(s.now().AddDate(0, 0, -7*n)), Week), true
		case unitFortnight:
			return s.period(i+3, a.e, weekStart(s.now().AddDate(0, 0, -14*n)), Week), true
		case unitMonth:
			return s.period(i+3, a.e, monthStart(s.now(), -n), Month), true
		case unitYear:
			return s.period(i+3, a.e, yearStart(s.now(), -n), Year), true
		}
	case kEarlier, kLater:
		days := n
		switch u.v {
		case unitDay:
		case unitWeek:
			days = 7 * n
		case unitFortnight:
			days = 14 * n
		default:
			return match{}, false
		}
		if a.k == kEarlier {
			days = -days
		}
		return match{next: i + 3, end: a.e, prec: Day, rel: true, ana: true, shift: days}, true
	}
	return match{}, false
}

// weekStart returns the Monday of t's ISO week.
func weekStart(t time.Time) time.Time {
	return t.AddDate(0, 0, -((int(t.Weekday()) + 6) % 7))
}

// weekendOnOrBefore returns the Monday of the week of the latest weekend
// on or before t.
func weekendOnOrBefore(t time.Time) time.Time {
	ws := weekStart(t)
	if wd := t.Weekday(); wd != time.Saturday && wd != time.Sunday {
		ws = ws.AddDate(0, 0, -7)
	}
	return ws
}

// monthStart returns the first of t's month moved by off months.
func monthStart(t time.Time, off int) time.Time {
	return time.Date(t.Year(), t.Month()+time.Month(off), 1, 0, 0, 0, 0, time.UTC)
}

// yearStart returns 1 January of t's year moved by off years.
func yearStart(t time.Time, off int) time.Time {
	return time.Date(t.Year()+off, 1, 1, 0, 0, 0, 0, time.UTC)
}
