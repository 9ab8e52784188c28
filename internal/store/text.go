package store

import (
	"fmt"
	"strings"
	"unicode"
)

// A TextQuery is a parsed full-text query: every term must match.
type TextQuery []TextTerm

// A TextTerm is one word, or a phrase of consecutive words, in lower case.
// Prefix makes the last word match any word it begins.
type TextTerm struct {
	Words  []string
	Prefix bool
}

// maxTextTerms bounds the size of a query.
const maxTextTerms = 32

// ParseTextQuery parses the full-text query language both stores implement:
// space-separated terms that must all occur; "double quotes" around a
// phrase of consecutive words; a trailing * for a prefix ("protest*"
// matches "protesters"). Words are runs of letters, digits and marks,
// compared case-insensitively without stemming, so "al-Shabaab" is the
// phrase "al shabaab". A query with no word, or more than 32 terms, wraps
// ErrInvalid.
func ParseTextQuery(s string) (TextQuery, error) {
	var q TextQuery
	add := func(chunk string, phrase bool) {
		prefix := strings.HasSuffix(strings.TrimSpace(chunk), "*")
		if phrase {
			t := TextTerm{Words: words(chunk), Prefix: prefix}
			if len(t.Words) > 0 {
				q = append(q, t)
			}
			return
		}
		for _, f := range strings.Fields(chunk) {
			t := TextTerm{Words: words(f), Prefix: strings.HasSuffix(f, "*")}
			if len(t.Words) > 0 {
				q = append(q, t)
			}
		}
	}
	for i := 0; ; i++ {
		before, after, found := strings.Cut(s, `"`)
		add(before, i%2 == 1)
		if !found {
			break
		}
		s = after
	}
	if len(q) == 0 {
		return nil, fmt.Errorf("text query without words: %w", ErrInvalid)
	}
	if len(q) > maxTextTerms {
		return nil, fmt.Errorf("text query of %d terms, want at most %d: %w", len(q), maxTextTerms, ErrInvalid)
	}
	return q, nil
}

func words(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.IsMark(r)
	})
}
