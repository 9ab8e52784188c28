package date

import "github.com/annals-project/annals/internal/event"

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
