package cameo

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// An Error is one problem found at a line of a table file.
type Error struct {
	File string
	Line int // 1-based; 0 when the problem concerns the whole file
	Msg  string
}

// Error returns "file:line: msg", or "file: msg" when Line is 0.
func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.File, e.Msg)
}

// An ErrorList collects the problems of one or more table files, in the
// manner of go/scanner.ErrorList. The zero value is an empty list.
type ErrorList []*Error

// Add appends an error at file:line.
func (l *ErrorList) Add(file string, line int, msg string) {
	*l = append(*l, &Error{File: file, Line: line, Msg: msg})
}

// Sort orders the list by file, then line, then message.
func (l ErrorList) Sort() {
	slices.SortStableFunc(l, func(a, b *Error) int {
		return cmp.Or(
			cmp.Compare(a.File, b.File),
			cmp.Compare(a.Line, b.Line),
			cmp.Compare(a.Msg, b.Msg),
		)
	})
}

// Error returns every entry, one "file:line: msg" per line.
func (l ErrorList) Error() string {
	var b strings.Builder
	for i, e := range l {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(e.Error())
	}
	return b.String()
}

// Err sorts the list and returns it as an error, or nil when it is empty.
func (l ErrorList) Err() error {
	if len(l) == 0 {
		return nil
	}
	l.Sort()
	return l
}
