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
	Line int // 1-based; 0 when the problem concerns the whole file
	Msg  string
	Err  error // optional sentinel the error is a kind of, returned by Unwrap
}

// Error formats e as "file:line: msg".
func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.File, e.Msg)
}

// Unwrap returns e.Err, so errors.Is(e, sentinel) reports the kind of error.
func (e *Error) Unwrap() error { return e.Err }

// List is a list of *Error. Its zero value is an empty list ready to use.
type List []*Error

// Add appends an error at file:line.
func (l *List) Add(file string, line int, format string, args ...any) {
	*l = append(*l, &Error{File: file, Line: line, Msg: fmt.Sprintf(format, args...)})
}

// AddErr appends an error at file:line that wraps kind, a sentinel for
// errors.Is, without showing it in the message.
func (l *List) AddErr(kind error, file string, line int, format string, args ...any) {
	*l = append(*l, &Error{File: file, Line: line, Msg: fmt.Sprintf(format, args...), Err: kind})
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
	s.Sort()
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
	s.Sort()
	return s
}

// Unwrap returns the errors, so errors.Is and errors.As see each of them.
func (l List) Unwrap() []error {
	errs := make([]error, len(l))
	for i, e := range l {
		errs[i] = e
	}
	return errs
}

// Strings returns the errors as sorted "file:line: msg" strings.
func (l List) Strings() []string {
	s := slices.Clone(l)
	s.Sort()
	out := make([]string, len(s))
	for i, e := range s {
		out[i] = e.Error()
	}
	return out
}

// Sort orders l by file, then line. Errors at the same line keep the order
// in which they were added.
func (l List) Sort() {
	slices.SortStableFunc(l, func(a, b *Error) int {
		if c := cmp.Compare(a.File, b.File); c != 0 {
			return c
		}
		return cmp.Compare(a.Line, b.Line)
	})
}
