// Package lineerr collects syntax errors found while reading line-oriented
// files (dictionaries, tables, config) so that one run reports every bad
// line at once, sorted, as "file:line: message" — like go/scanner's
// ErrorList.
//
// A List is not safe for concurrent use.
package lineerr

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// An Error is one bad line.
type Error struct {
	File string
	Line int
	Msg  string
}

// Error formats e as "file:line: msg".
func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.File, e.Msg)
}

// List is a list of *Error. Its zero value is an empty list ready to use.
type List []*Error

// Add appends an error at file:line.
func (l *List) Add(file string, line int, format string, args ...any) {
	*l = append(*l, &Error{File: file, Line: line, Msg: fmt.Sprintf(format, args...)})
}

// Len reports the number of errors.
func (l List) Len() int { return len(l) }

// Error lists every error, one a line, sorted by file and line.
func (l List) Error() string {
	switch len(l) {
	case 0:
		return "no errors"
	case 1:
		return l[0].Error()
	}
	s := slices.Clone(l)
	sortList(s)
	var b strings.Builder
	for i, e := range s {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(e.Error())
	}
	return b.String()
}

// Err returns nil for an empty list, else the sorted list as an error.
func (l List) Err() error {
	if len(l) == 0 {
		return nil
	}
	s := slices.Clone(l)
	sortList(s)
	return s
}

func sortList(s List) {
	slices.SortStableFunc(s, func(a, b *Error) int {
		if c := cmp.Compare(a.File, b.File); c != 0 {
			return c
		}
		return cmp.Compare(a.Line, b.Line)
	})
}
