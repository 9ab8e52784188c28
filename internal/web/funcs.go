package web

import (
	"fmt"
	"html/template"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/annals-project/annals/internal/cameo"
	"github.com/annals-project/annals/internal/event"
	"github.com/annals-project/annals/internal/store"
)

// funcs are the templates' helpers.
func (s *server) funcs() template.FuncMap {
	return template.FuncMap{
		"codeName":    s.codeName,
		"countryName": s.countryName,
		"quadName":    func(q int) string { return quadNames[min(max(q, 0), 4)] },
		"num":         num,
		"ptr":         ptrNum,
		"when":        when,
		"host":        host,
		"eventTitle":  func(e store.EventRecord) string { return s.eventTitle(&e) },
		"fixed":       func(f float64) string { return strconv.FormatFloat(f, 'f', 2, 64) },
		"coord":       func(f float64) string { return strconv.FormatFloat(f, 'f', 4, 64) },
		"actorURL":    func(code string) string { return "/actors/" + url.PathEscape(code) },
		"selected":    func(a, b string) bool { return a == b },
		"plural": func(n int, one, many string) string {
			if n == 1 {
				return one
			}
			return many
		},
		"dateLabel": func(d event.Date, b store.Bucket) string {
			if b == store.Week {
				return "week of " + d.String()
			}
			return d.String()
		},
	}
}

// codeName returns the CAMEO name of an event code, or the code itself when
// the table does not know it. The codebook writes roots in capitals
// ("MAKE PUBLIC STATEMENT"); they are given in sentence case like the rest.
func (s *server) codeName(code string) string {
	e, ok := s.codes.Lookup(cameo.Code(code))
	if !ok || e.Name == "" {
		return code
	}
	if strings.ToUpper(e.Name) == e.Name {
		r := []rune(strings.ToLower(e.Name))
		r[0] = unicode.ToUpper(r[0])
		return string(r)
	}
	return e.Name
}

// countryName returns the short English name of an ISO 3166-1 alpha-3 code,
// or the code itself.
func (s *server) countryName(iso3 string) string {
	if c, ok := s.countries.Country(iso3); ok && c.Name != "" {
		return c.Name
	}
	return iso3
}

// num formats an integer (int or int64) with narrow spaces between groups
// of thousands: 12 345.
func num(v any) string {
	var n int64
	switch v := v.(type) {
	case int:
		n = int64(v)
	case int64:
		n = v
	default:
		return fmt.Sprint(v)
	}
	s := strconv.FormatInt(n, 10)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteString("\u202f")
		}
		b.WriteRune(r)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

// ptrNum formats an optional figure, "" when unknown.
func ptrNum(p *int) string {
	if p == nil {
		return ""
	}
	return num(*p)
}

// when formats an instant in UTC to the minute, "" for the zero time.
func when(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format("2006-01-02 15:04 UTC")
}

// host returns the host name of a URL without "www.", or "" when it has
// none.
func host(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return ""
	}
	return strings.TrimPrefix(u.Hostname(), "www.")
}
