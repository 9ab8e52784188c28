package tabari

import (
	"errors"
	"fmt"
	"strings"
)

// A group is one bracketed part of a dictionary line: "[code]" or "{forms}".
type group struct {
	open    byte   // '[' or '{'
	content string // between the brackets, untrimmed
}

// errLegacyClose marks a "[CODE}" group: PETRARCH's own documentation and
// the Phoenix agents file close codes this way, and PETRARCH reads them.
var errLegacyClose = errors.New("code closed with } instead of ]")

// splitGroups splits a line into the text before its first bracket, the
// bracketed groups after it, and any text after the groups (tail, which
// callers reject or warn about). Brackets do not nest. A "[" closed by "}"
// is accepted and reported through legacy.
func splitGroups(s string) (head string, groups []group, tail string, legacy bool, err error) {
	i := strings.IndexAny(s, "[]{}")
	if i < 0 {
		return s, nil, "", false, nil
	}
	head, s = s[:i], s[i:]
	for {
		s = strings.TrimLeft(s, " \t")
		if s == "" {
			return head, groups, "", legacy, nil
		}
		open := s[0]
		var want byte
		switch open {
		case '[':
			want = ']'
		case '{':
			want = '}'
		case ']', '}':
			return "", nil, "", false, fmt.Errorf("unbalanced %q", string(open))
		default:
			if j := strings.IndexAny(s, "[]{}"); j >= 0 {
				return "", nil, "", false, fmt.Errorf("unexpected text %q between brackets", clip(s[:j]))
			}
			return head, groups, s, legacy, nil
		}
		j := strings.IndexAny(s[1:], "[]{}")
		if j < 0 {
			return "", nil, "", false, fmt.Errorf("unbalanced %q: missing %q", string(open), string(want))
		}
		j++
		switch c := s[j]; {
		case c == want:
		case open == '[' && c == '}':
			legacy = true
		case c == '[' || c == '{':
			return "", nil, "", false, fmt.Errorf("unbalanced %q: missing %q before %q", string(open), string(want), string(c))
		default:
			return "", nil, "", false, fmt.Errorf("unbalanced %q: closed by %q", string(open), string(c))
		}
		groups = append(groups, group{open: open, content: s[1:j]})
		s = s[j+1:]
	}
}

// clip shortens s for an error message.
func clip(s string) string {
	const n = 24
	if len(s) > n {
		return s[:n] + "…"
	}
	return s
}

// checkCode reports a code that cannot be used (empty, or with blanks or
// brackets) as an error, and one with characters real codes do not use
// (letters, digits and ":-+/~#._") as a warning: PETRARCH reads "[080!]".
func checkCode(d *diag, n int, what, c string) bool {
	if c == "" || strings.ContainsAny(c, " \t[]{}") {
		d.errorf(n, "%s: bad code %q", what, c)
		return false
	}
	for i := 0; i < len(c); i++ {
		ch := c[i]
		switch {
		case 'a' <= ch && ch <= 'z', 'A' <= ch && ch <= 'Z', '0' <= ch && ch <= '9':
		case strings.IndexByte(":-+/~#._", ch) >= 0:
		default:
			d.warnf(n, "%s: code %q has an unusual character %q", what, c, ch)
			return true
		}
	}
	return true
}

// phraseWords splits a dictionary phrase on blanks and underscores into
// lower-case words: "GEORGE_W._BUSH" → [george w. bush]. A trailing "_"
// (TABARI's "whole word" mark) is dropped.
func phraseWords(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return r == ' ' || r == '_' || r == '\t'
	})
}
