package actor

import (
	"errors"
	"fmt"
	"sort"
	"strings"
)

// ErrSyntax is wrapped by every Error, so errors.Is(err, ErrSyntax) tells a
// bad dictionary line from an I/O failure.
var ErrSyntax = errors.New("dictionary syntax error")

// An Error is one bad line of a dictionary file.
type Error struct {
	File string
	Line int
	Msg  string
}

// Error formats e as "file:line: msg".
func (e *Error) Error() string { return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg) }

// Unwrap returns ErrSyntax.
func (e *Error) Unwrap() error { return ErrSyntax }

// An ErrorList collects the bad lines of one Load, like go/scanner's.
type ErrorList []*Error

// Add appends an error at file:line.
func (l *ErrorList) Add(file string, line int, msg string) {
	*l = append(*l, &Error{File: file, Line: line, Msg: msg})
}

// Len reports the number of errors.
func (l ErrorList) Len() int { return len(l) }

// Sort orders the list by file, line and message.
func (l ErrorList) Sort() {
	sort.SliceStable(l, func(i, j int) bool {
		a, b := l[i], l[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Msg < b.Msg
	})
}

// Error joins the errors, one a line.
func (l ErrorList) Error() string {
	switch len(l) {
	case 0:
		return "no errors"
	case 1:
		return l[0].Error()
	}
	var b strings.Builder
	for i, e := range l {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(e.Error())
	}
	return b.String()
}

// Unwrap returns the errors, for errors.Is and errors.As.
func (l ErrorList) Unwrap() []error {
	errs := make([]error, len(l))
	for i, e := range l {
		errs[i] = e
	}
	return errs
}

// Err returns the sorted list as an error, or nil when it is empty.
func (l ErrorList) Err() error {
	if len(l) == 0 {
		return nil
	}
	l.Sort()
	return l
}
