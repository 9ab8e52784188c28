package tabari

import (
	"fmt"
	"strings"
	"time"

	"github.com/annals-project/annals/internal/event"
)

// parseDate reads a TABARI date: YYMMDD or YYYYMMDD digits. Two-digit years
// 00–30 are 20YY and 31–99 are 19YY, as in KEDS, TABARI and PETRARCH.
//
// PETRARCH reads 7 digits as YYMMDD (ignoring the last) and more than 8 as
// YYYYMMDD (ignoring the rest); the Phoenix dictionaries contain such typos,
// so they are accepted with a non-empty warning that says how they were read.
func parseDate(s string) (d event.Date, warning string, err error) {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return event.Date{}, "", fmt.Errorf("bad date %q: want YYMMDD or YYYYMMDD digits", s)
		}
	}
	var y, m, day int
	switch {
	case len(s) < 6:
		return event.Date{}, "", fmt.Errorf("bad date %q: want YYMMDD or YYYYMMDD digits", s)
	case len(s) <= 7:
		y = atoi(s[:2])
		if y <= 30 {
			y += 2000
		} else {
			y += 1900
		}
		m, day = atoi(s[2:4]), atoi(s[4:6])
	default:
		y, m, day = atoi(s[:4]), atoi(s[4:6]), atoi(s[6:8])
	}
	if m < 1 || m > 12 || day < 1 || day > daysIn(y, time.Month(m)) {
		return event.Date{}, "", fmt.Errorf("bad date %q: no such day", s)
	}
	d = event.Date{Year: y, Month: time.Month(m), Day: day}
	if len(s) == 7 || len(s) > 8 {
		warning = fmt.Sprintf("date %q has %d digits; read as %s like PETRARCH", s, len(s), d)
	}
	return d, warning, nil
}

func atoi(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n
}

func daysIn(y int, m time.Month) int {
	return time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// A DatedCode is an actor code with the dates it applies to. From and To
// are inclusive; a zero From or To leaves that end open, so a code with
// both zero is the actor's default code.
type DatedCode struct {
	Code string
	From event.Date
	To   event.Date
}

// Applies reports whether c holds on day d. A zero d matches only a code
// without date restriction.
func (c DatedCode) Applies(d event.Date) bool {
	if d.IsZero() {
		return c.From.IsZero() && c.To.IsZero()
	}
	if !c.From.IsZero() && d.Before(c.From) {
		return false
	}
	if !c.To.IsZero() && c.To.Before(d) {
		return false
	}
	return true
}

// Restricted reports whether c has a date restriction.
func (c DatedCode) Restricted() bool { return !c.From.IsZero() || !c.To.IsZero() }

// parseRestriction reads what follows the code inside an actor's brackets:
// "<DATE", ">DATE", "DATE-DATE", or nothing. Blanks are allowed anywhere
// ("[HOB < 950601]", "[X 19950601 - 19990815]"). A bare date, found in the
// Phoenix files, is read as ">DATE" with a warning, and so is a range that
// ends before it starts (which never applies), as PETRARCH reads it.
func parseRestriction(d *diag, n int, s string) (DatedCode, error) {
	var c DatedCode
	s = strings.Join(strings.Fields(s), "")
	if s == "" {
		return c, nil
	}
	var err error
	date := func(v string) event.Date {
		if err != nil {
			return event.Date{}
		}
		dt, w, e := parseDate(v)
		if e != nil {
			err = e
		}
		if w != "" {
			d.warnf(n, "%s", w)
		}
		return dt
	}
	switch {
	case s[0] == '<':
		c.To = date(s[1:])
	case s[0] == '>':
		c.From = date(s[1:])
	case strings.Contains(s, "-"):
		a, b, _ := strings.Cut(s, "-")
		c.From, c.To = date(a), date(b)
		if err == nil && c.To.Before(c.From) {
			d.warnf(n, "date range %s ends before it starts; it never applies", s)
		}
	default:
		c.From = date(s)
		if err == nil {
			d.warnf(n, "bare date %s read as >%s", s, s)
		}
	}
	if err != nil {
		return DatedCode{}, err
	}
	return c, nil
}
