package tabari

import (
	"fmt"
	"io"
	"strings"

	"github.com/annals-project/annals/internal/event"
	"github.com/annals-project/annals/internal/lineerr"
)

// An Actor is one entry of an actor dictionary: a primary name, its "+"
// synonyms, and its codes with their date restrictions.
type Actor struct {
	// Names are lower-case word sequences joined by single blanks, the
	// primary name first: "PRESIDENT_GEORGE_W._BUSH" → "president george w. bush".
	Names []string
	Codes []DatedCode // in file order
	Line  int         // line of the primary name
}

// CodeOn returns the actor's code on day d: the first date-restricted code
// that applies, else the first unrestricted code, else "". A zero d selects
// the unrestricted code.
func (a *Actor) CodeOn(d event.Date) string {
	if !d.IsZero() {
		for _, c := range a.Codes {
			if c.Restricted() && c.Applies(d) {
				return c.Code
			}
		}
	}
	for _, c := range a.Codes {
		if !c.Restricted() {
			return c.Code
		}
	}
	return ""
}

// ParseActors reads a PETRARCH/TABARI actor dictionary:
//
//	NAME_WITH_UNDERSCORES  [CODE]
//	+SYNONYM
//		[CODE >YYMMDD]
//		[CODE <YYMMDD]
//		[CODE YYMMDD-YYMMDD]
//
// Codes may follow the name or a synonym on its line, or stand on lines of
// their own. name is used in error messages; every syntax error of the file
// is reported, sorted, in one lineerr.List.
func ParseActors(name string, r io.Reader) ([]Actor, error) {
	var errs lineerr.List
	a, err := parseActors(&diag{file: name, errs: &errs}, r)
	if err != nil {
		return nil, fmt.Errorf("actors %s: %w", name, err)
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	return a, nil
}

func parseActors(d *diag, r io.Reader) ([]Actor, error) {
	var actors []Actor
	var cur *Actor
	// broken is set after a name line with an error: the synonym and code
	// lines that follow belong to it and are checked, but not reported as
	// coming before any name.
	broken := false
	finish := func() {
		if cur != nil && len(cur.Codes) == 0 {
			d.warnf(cur.Line, "actor %q has no [code]; PETRARCH codes it ---", cur.Names[0])
		}
		cur = nil
	}
	err := readLines(d, r, func(l line) {
		s := strings.TrimSpace(l.text)
		switch s[0] {
		case '[':
			if cur == nil && !broken {
				d.errorf(l.n, "code line before any actor name")
				return
			}
			_, groups, ok := actorGroups(d, l.n, s)
			if ok && cur != nil {
				cur.Codes = append(cur.Codes, groups...)
			}
		case '+':
			if cur == nil && !broken {
				d.errorf(l.n, "synonym before any actor name")
				return
			}
			name, codes, ok := actorGroups(d, l.n, s[1:])
			if !ok || cur == nil {
				return
			}
			if name == "" {
				d.errorf(l.n, "empty actor synonym")
				return
			}
			cur.Names = append(cur.Names, name)
			cur.Codes = append(cur.Codes, codes...)
		default:
			finish()
			name, codes, ok := actorGroups(d, l.n, s)
			broken = !ok
			if !ok {
				return
			}
			actors = append(actors, Actor{Names: []string{name}, Codes: codes, Line: l.n})
			cur = &actors[len(actors)-1]
		}
	})
	finish()
	if err != nil {
		return nil, err
	}
	return actors, nil
}

// actorGroups reads "NAME [CODE RESTRICTION] [CODE]…" into a normalized
// name and its codes. Like PETRARCH, it tolerates what old TABARI files
// hold: a stray "]" in a name and text after the codes are dropped with a
// warning.
func actorGroups(d *diag, n int, s string) (string, []DatedCode, bool) {
	for {
		i := strings.IndexAny(s, "[]{}")
		if i < 0 || s[i] == '[' || s[i] == '{' {
			break
		}
		d.warnf(n, "stray %q in actor name dropped", s[i])
		s = s[:i] + s[i+1:]
	}
	head, groups, tail, legacy, err := splitGroups(s)
	if err != nil {
		d.errorf(n, "%v", err)
		return "", nil, false
	}
	if legacy {
		d.warnf(n, "%v", errLegacyClose)
	}
	if tail != "" {
		d.warnf(n, "text %q after the codes ignored", clip(tail))
	}
	var codes []DatedCode
	for _, g := range groups {
		if g.open != '[' {
			d.errorf(n, "unexpected {…} in actor entry")
			return "", nil, false
		}
		f := strings.Fields(g.content)
		if len(f) == 0 {
			d.errorf(n, "empty [code]")
			return "", nil, false
		}
		if !checkCode(d, n, "actor", f[0]) {
			return "", nil, false
		}
		c, err := parseRestriction(d, n, strings.Join(f[1:], " "))
		if err != nil {
			d.errorf(n, "code %s: %v", f[0], err)
			return "", nil, false
		}
		c.Code = f[0]
		codes = append(codes, c)
	}
	return strings.Join(phraseWords(head), " "), codes, true
}
