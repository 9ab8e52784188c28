package extract

import (
	"encoding/json"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/annals-project/annals/internal/event"
	"github.com/araddon/dateparse"
)

// publishedMeta lists, best first, the <meta> names that carry a page's
// publication time.
var publishedMeta = []string{
	"article:published_time",
	"og:article:published_time",
	"article:published",
	"datepublished",
	"og:published_time",
	"published_time",
	"publishdate",
	"publish-date",
	"publish_date",
	"pubdate",
	"publication_date",
	"parsely-pub-date",
	"sailthru.date",
	"dc.date.issued",
	"dcterms.issued",
	"dc.date.created",
	"dcterms.created",
	"dc.date",
	"date",
	"article.published",
	"cxenseparse:recs:publishtime",
}

// A stamp is a publication date found on a page; at is set when the page
// gave a time of day too.
type stamp struct {
	date event.Date
	at   time.Time
}

// parseStamp reads a machine timestamp from a meta tag, JSON-LD or a
// <time datetime> attribute.
func parseStamp(s string) (stamp, bool) {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 64 {
		return stamp{}, false
	}
	t, err := dateparse.ParseIn(s, time.UTC)
	if err != nil {
		return stamp{}, false
	}
	if y := t.Year(); y < 1900 || y > 2200 {
		return stamp{}, false
	}
	st := stamp{date: event.DateOf(t)}
	if strings.Contains(s, ":") {
		st.at = t
	}
	return st, true
}

// ldPublished finds datePublished (or dateCreated) in JSON-LD blocks,
// preferring objects whose @type names an article.
func ldPublished(blocks []string) (stamp, bool) {
	var best stamp
	bestRank := 0
	for _, b := range blocks {
		var v any
		if err := json.Unmarshal([]byte(strings.TrimSpace(b)), &v); err != nil {
			continue
		}
		walkJSON(v, 0, func(obj map[string]any) {
			rank := 1
			if t := typeName(obj["@type"]); strings.Contains(t, "article") ||
				strings.Contains(t, "posting") || strings.Contains(t, "report") {
				rank = 3
			}
			for _, field := range []string{"datePublished", "dateCreated"} {
				s, ok := obj[field].(string)
				if !ok {
					continue
				}
				if st, ok := parseStamp(s); ok && rank > bestRank {
					best, bestRank = st, rank
				}
				break
			}
		})
	}
	return best, bestRank > 0
}

// walkJSON calls f for every object in v, depth first, to a bounded depth.
func walkJSON(v any, depth int, f func(map[string]any)) {
	if depth > 8 {
		return
	}
	switch v := v.(type) {
	case map[string]any:
		f(v)
		// Visit keys in a fixed order so that ties break the same way.
		for _, k := range []string{"@graph", "mainEntity", "mainEntityOfPage", "itemListElement", "hasPart"} {
			if c, ok := v[k]; ok {
				walkJSON(c, depth+1, f)
			}
		}
	case []any:
		for _, c := range v {
			walkJSON(c, depth+1, f)
		}
	}
}

// typeName returns a JSON-LD @type, lower-cased; several types are joined.
func typeName(v any) string {
	switch v := v.(type) {
	case string:
		return strings.ToLower(v)
	case []any:
		var parts []string
		for _, x := range v {
			if s, ok := x.(string); ok {
				parts = append(parts, strings.ToLower(s))
			}
		}
		return strings.Join(parts, " ")
	}
	return ""
}

// metaPublished finds the publication time in <meta> tags.
func metaPublished(metas []metaTag) (stamp, bool) {
	for _, name := range publishedMeta {
		for _, m := range metas {
			if m.name != name {
				continue
			}
			if st, ok := parseStamp(m.content); ok {
				return st, true
			}
		}
	}
	return stamp{}, false
}

// timePublished finds the publication time in <time datetime> elements:
// one marked as such, or else the first that comes after the headline.
func timePublished(times []timeTag, h1Pos int) (stamp, bool) {
	for _, t := range times {
		if t.pub {
			if st, ok := parseStamp(t.datetime); ok {
				return st, true
			}
		}
	}
	for _, t := range times {
		if t.pos >= h1Pos {
			if st, ok := parseStamp(t.datetime); ok {
				return st, true
			}
		}
	}
	return stamp{}, false
}

const monthPattern = `(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?`

var (
	// mdyRE matches "January 7, 2022" and "Jan. 7 2022".
	mdyRE = regexp.MustCompile(`\b(` + monthPattern + `)\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+((?:19|20)\d\d)\b`)
	// dmyRE matches "7 January 2022", "7th Jan, 2022" and "7. April 2022".
	dmyRE = regexp.MustCompile(`\b(\d{1,2})(?:st|nd|rd|th|\.)?\s+(?:of\s+)?(` + monthPattern + `),?\s+((?:19|20)\d\d)\b`)
	// isoRE matches "2022-01-07".
	isoRE = regexp.MustCompile(`\b((?:19|20)\d\d)-(\d\d)-(\d\d)\b`)
	// updatedRE marks a dateline that gives the last update, not the
	// publication.
	updatedRE = regexp.MustCompile(`(?i)\b(?:updated|modified|edited)\b`)
)

// visibleDate finds a written date ("Published January 7, 2022") in s.
func visibleDate(s string) (event.Date, bool) {
	if updatedRE.MatchString(s) && !strings.Contains(strings.ToLower(s), "publish") {
		return event.Date{}, false
	}
	type found struct {
		at   int
		date event.Date
	}
	var best *found
	try := func(at, y int, m time.Month, d int) {
		if d < 1 || d > 31 || m < 1 || m > 12 {
			return
		}
		t := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
		if t.Day() != d {
			return
		}
		if best == nil || at < best.at {
			best = &found{at, event.DateOf(t)}
		}
	}
	if m := mdyRE.FindStringSubmatchIndex(s); m != nil {
		mon, _ := monthOf(s[m[2]:m[3]])
		d, _ := strconv.Atoi(s[m[4]:m[5]])
		y, _ := strconv.Atoi(s[m[6]:m[7]])
		try(m[0], y, mon, d)
	}
	if m := dmyRE.FindStringSubmatchIndex(s); m != nil {
		mon, _ := monthOf(s[m[4]:m[5]])
		d, _ := strconv.Atoi(s[m[2]:m[3]])
		y, _ := strconv.Atoi(s[m[6]:m[7]])
		try(m[0], y, mon, d)
	}
	if m := isoRE.FindStringSubmatchIndex(s); m != nil {
		y, _ := strconv.Atoi(s[m[2]:m[3]])
		mon, _ := strconv.Atoi(s[m[4]:m[5]])
		d, _ := strconv.Atoi(s[m[6]:m[7]])
		try(m[0], y, time.Month(mon), d)
	}
	if best == nil {
		return event.Date{}, false
	}
	return best.date, true
}

// datelinePublished finds a visible dateline: the first element marked as
// a date (by its class or id) that comes after the headline and before
// the article's text ends, whose words hold a date.
func datelinePublished(lines []textAt, h1Pos, textEnd int) (event.Date, bool) {
	for _, l := range lines {
		if l.pos < h1Pos || (textEnd >= 0 && l.pos > textEnd) {
			continue
		}
		if d, ok := visibleDate(l.text); ok {
			return d, true
		}
	}
	return event.Date{}, false
}

// publishedIn finds a dateline in the opening blocks of the article text.
func publishedIn(pieces []piece) (event.Date, bool) {
	for i, p := range pieces {
		if i >= 3 {
			break
		}
		if runeCount(p.text) > 120 {
			continue
		}
		if d, ok := visibleDate(p.text); ok {
			return d, true
		}
	}
	return event.Date{}, false
}

var bylinePrefixRE = regexp.MustCompile(`(?i)^\s*(?:written\s+)?by\s*:?\s+`)

// cleanByline tidies an author string.
func cleanByline(s string) string {
	s = normalize(s)
	s = bylinePrefixRE.ReplaceAllString(s, "")
	return strings.TrimSpace(strings.Trim(s, ",;|"))
}
