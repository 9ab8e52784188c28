package tabari

import (
	"fmt"
	"io"
	"strings"

	"github.com/annals-project/annals/internal/lineerr"
)

// ParseDiscards reads a PETRARCH discard list: one phrase a line, such as
// "BASEBALL" or "+WORLD GOLF CHAMPIONSHIPS". It returns the phrases in file
// order, lower-cased with blanks collapsed. A leading "+" (discard the whole
// story, not just the sentence) and a trailing "_" (the phrase must end at
// a word boundary; otherwise it is a stem) are kept as written. A TABARI
// "[###]" code after the phrase is accepted and dropped. name is used in
// error messages; every syntax error is reported, sorted, in one lineerr.List.
func ParseDiscards(name string, r io.Reader) ([]string, error) {
	var errs lineerr.List
	out, err := parseDiscards(&diag{file: name, errs: &errs}, r)
	if err != nil {
		return nil, fmt.Errorf("discards %s: %w", name, err)
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	return out, nil
}

func parseDiscards(d *diag, r io.Reader) ([]string, error) {
	var out []string
	err := readLines(d, r, func(l line) {
		s := strings.TrimSpace(l.text)
		head, groups, tail, _, err := splitGroups(s)
		if err != nil {
			d.errorf(l.n, "discard: %v", err)
			return
		}
		if tail != "" {
			d.errorf(l.n, "discard: unexpected text %q after [###]", clip(tail))
			return
		}
		for _, g := range groups {
			if g.open != '[' || strings.Trim(g.content, "# ") != "" {
				d.errorf(l.n, "discard: unexpected %c%s… after the phrase", g.open, clip(g.content))
				return
			}
		}
		story := strings.HasPrefix(head, "+")
		phrase := strings.ToLower(strings.Join(strings.Fields(strings.TrimPrefix(head, "+")), " "))
		if phrase == "" || phrase == "_" {
			d.errorf(l.n, "empty discard phrase")
			return
		}
		if strings.ContainsAny(phrase, "+") {
			d.errorf(l.n, "discard %q: \"+\" only goes first", phrase)
			return
		}
		if story {
			phrase = "+" + phrase
		}
		out = append(out, phrase)
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}
