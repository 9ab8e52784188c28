package date

import (
	"strings"

	"github.com/annals-project/annals/internal/event"
)

// Anchor sets a.Anchor and a.AnchorSource. The document's own publication
// date wins; else fallback (the --published flag); else the latest fully
// specified date in the text, including the dates of embedded posts'
// signature lines. With none of these the anchor stays zero and the source
// is event.AnchorNone.
func Anchor(a *event.Article, fallback event.Date) {
	switch {
	case !a.Published.IsZero():
		a.Anchor, a.AnchorSource = a.Published, event.AnchorPublished
		return
	case !fallback.IsZero():
		a.Anchor, a.AnchorSource = fallback, event.AnchorFlag
		return
	}
	var latest event.Date
	for _, b := range a.Blocks {
		if !b.Date.IsZero() && latest.Before(b.Date) {
			latest = b.Date
		}
	}
	for _, m := range Absolute(a.Text, event.Span{Start: 0, End: len(a.Text)}) {
		if latest.Before(m.Date) {
			latest = m.Date
		}
	}
	if latest.IsZero() {
		a.Anchor, a.AnchorSource = event.Date{}, event.AnchorNone
		return
	}
	a.Anchor, a.AnchorSource = latest, event.AnchorText
}

// Reference returns the date relative expressions in a's text resolve
// against. It is a's anchor, except that an anchor taken from the text is
// only a lower bound on when the text was written: a day and month written
// without a year ("On 7 January") within partialWindow days after it moves
// the reference forward to that day, so a report citing a post of "January
// 6, 2022" and a speech "on 7 January" resolves the 7th to 2022, not 2021.
// Call it after Anchor.
func Reference(a *event.Article) event.Date {
	ref := a.Anchor
	if a.AnchorSource != event.AnchorText || ref.IsZero() {
		return ref
	}
	for _, e := range Find(a.Text, event.Span{Start: 0, End: len(a.Text)}, ref.AddDays(partialWindow)) {
		if e.Precision == Day && e.Relative && !e.Anaphoric && dayMonth(e.Text) && ref.Before(e.Date) {
			ref = e.Date
		}
	}
	return ref
}

// partialWindow is how many days after the latest full date a day-month
// date may lie and still move a text-derived anchor.
const partialWindow = 31

// dayMonth reports whether a date expression names a month (and so a day
// of it) rather than a weekday or a relative day.
func dayMonth(s string) bool {
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == ',' }) {
		if _, ok := MonthName(w); ok {
			return true
		}
	}
	return false
}
