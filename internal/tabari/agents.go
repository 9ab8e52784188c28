package tabari

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/annals-project/annals/internal/lineerr"
)

// An Agent is one entry of an agent dictionary: a role noun such as
// "PRESIDENT [~GOV]" or "HUMAN_RIGHTS_BODY [NGO~]".
type Agent struct {
	// Names are lower-case word sequences joined by single blanks: the
	// noun, then its plural (generated, or given in {…}; none after "{}"),
	// or every expansion of a !MARKER!.
	Names []string
	Code  string // as written, without blanks: "~GOV" or "NGO~"
	Role  string // Code without its "~": "GOV"
	// Prefix is set for "NGO~": the role goes before the actor's code
	// (NGOUSA). Otherwise ("~GOV") it goes after it (USAGOV).
	Prefix bool
	Line   int
}

// Apply combines the agent's role with an actor code.
func (a *Agent) Apply(actor string) string {
	if a.Prefix {
		return a.Role + actor
	}
	return actor + a.Role
}

// ParseAgents reads a PETRARCH agent dictionary: lines "NOUN {PLURAL}
// [~CODE]" and substitution sets "!PERSON! = MAN, MEN, WOMAN". A line
// without a code is skipped with a warning, as PETRARCH does. name is used
// in error messages; every syntax error of the file is reported, sorted,
// in one lineerr.List.
func ParseAgents(name string, r io.Reader) ([]Agent, error) {
	var errs lineerr.List
	a, err := parseAgents(&diag{file: name, errs: &errs}, r)
	if err != nil {
		return nil, fmt.Errorf("agents %s: %w", name, err)
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	return a, nil
}

func parseAgents(d *diag, r io.Reader) ([]Agent, error) {
	var agents []Agent
	markers := map[string][]string{}
	err := readLines(d, r, func(l line) {
		s := strings.TrimSpace(l.text)
		if strings.HasPrefix(s, "!") && strings.Contains(s, "=") && !strings.ContainsAny(s, "[]{}") {
			name, items, err := parseMarker(s)
			if err != nil {
				d.errorf(l.n, "%v", err)
				return
			}
			markers[name] = items
			return
		}
		head, groups, tail, legacy, err := splitGroups(s)
		if err != nil {
			d.errorf(l.n, "agent: %v", err)
			return
		}
		if tail != "" {
			d.errorf(l.n, "agent: unexpected text %q after the code", clip(tail))
			return
		}
		if legacy {
			d.warnf(l.n, "agent: %v", errLegacyClose)
		}
		var plural *group
		var code *group
		for i := range groups {
			g := &groups[i]
			switch {
			case g.open == '{' && plural == nil && code == nil:
				plural = g
			case g.open == '[' && code == nil:
				code = g
			case g.open == '{':
				d.errorf(l.n, "agent: {plural} must come once, before the [code]")
				return
			default:
				d.errorf(l.n, "agent: more than one [code]")
				return
			}
		}
		if code == nil {
			d.warnf(l.n, "agent %q without a [~CODE]; skipped, as PETRARCH does", strings.TrimSpace(head))
			return
		}
		a := Agent{Code: strings.Join(strings.Fields(code.content), ""), Line: l.n}
		switch {
		case strings.Count(a.Code, "~") != 1 || len(a.Code) < 2:
			d.errorf(l.n, "agent code %q: want ~CODE or CODE~", code.content)
			return
		case strings.HasPrefix(a.Code, "~"):
			a.Role = a.Code[1:]
		case strings.HasSuffix(a.Code, "~"):
			a.Role, a.Prefix = a.Code[:len(a.Code)-1], true
		default:
			d.errorf(l.n, "agent code %q: the ~ must come first or last", a.Code)
			return
		}
		if !checkCode(d, l.n, "agent", a.Role) {
			return
		}
		if strings.Contains(head, "!") {
			if plural != nil && strings.TrimSpace(plural.content) != "" {
				d.errorf(l.n, "agent: a !MARKER! entry takes no {plural}")
				return
			}
			names, err := expandMarker(head, markers)
			if errors.Is(err, errManyMarkers) {
				d.warnf(l.n, "agent: %v; skipped", err)
				return
			}
			if err != nil {
				d.errorf(l.n, "agent: %v", err)
				return
			}
			a.Names = names
		} else {
			words := phraseWords(head)
			if len(words) == 0 {
				d.errorf(l.n, "agent without a noun")
				return
			}
			a.Names = []string{strings.Join(words, " ")}
			switch {
			case plural == nil:
				a.Names = append(a.Names, strings.Join(pluralPhrase(words), " "))
			case strings.TrimSpace(plural.content) != "":
				a.Names = append(a.Names, strings.Join(phraseWords(plural.content), " "))
			}
		}
		agents = append(agents, a)
	})
	if err != nil {
		return nil, err
	}
	return agents, nil
}

// errManyMarkers marks an agent line with two !MARKER!s, which PETRARCH
// cannot expand either (Phoenix has "AD!MINIST!RATION" typos).
var errManyMarkers = errors.New("more than one substitution marker")

// parseMarker reads "!NAME! = A, B, C".
func parseMarker(s string) (string, []string, error) {
	lhs, rhs, _ := strings.Cut(s, "=")
	lhs = strings.TrimSpace(lhs)
	if len(lhs) < 3 || lhs[len(lhs)-1] != '!' || !validName(lhs[1:len(lhs)-1]) {
		return "", nil, fmt.Errorf("substitution set %q: want !NAME! = A, B", clip(s))
	}
	var items []string
	for _, it := range strings.Split(rhs, ",") {
		w := phraseWords(it)
		if len(w) == 0 {
			return "", nil, fmt.Errorf("substitution set %s: empty item", lhs)
		}
		items = append(items, strings.Join(w, " "))
	}
	return strings.ToUpper(lhs[1 : len(lhs)-1]), items, nil
}

// expandMarker substitutes every item of the one !MARKER! in s.
func expandMarker(s string, markers map[string][]string) ([]string, error) {
	before, rest, _ := strings.Cut(s, "!")
	name, after, ok := strings.Cut(rest, "!")
	if !ok || name == "" {
		return nil, fmt.Errorf("bad substitution marker in %q", strings.TrimSpace(s))
	}
	if strings.Contains(after, "!") {
		return nil, fmt.Errorf("%w in %q", errManyMarkers, strings.TrimSpace(s))
	}
	items, ok := markers[strings.ToUpper(name)]
	if !ok {
		return nil, fmt.Errorf("undefined substitution marker %q", "!"+name+"!")
	}
	names := make([]string, 0, len(items))
	for _, it := range items {
		w := phraseWords(before + it + after)
		names = append(names, strings.Join(w, " "))
	}
	return names, nil
}
