package tabari

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// An Error is one problem found at a line of a dictionary file.
type Error struct {
	File string // file name as given to the parser
	Line int    // 1-based line number
	Msg  string
}

// Error formats e as "file:line: msg".
func (e *Error) Error() string { return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg) }

// An ErrorList collects every problem found while reading dictionaries,
// like go/scanner.ErrorList. The zero value is an empty list ready to use.
type ErrorList []*Error

// Add appends a problem at file:line.
func (l *ErrorList) Add(file string, line int, msg string) {
	*l = append(*l, &Error{File: file, Line: line, Msg: msg})
}

// Len reports the number of problems in l.
func (l ErrorList) Len() int { return len(l) }

// Sort orders l by file, then line. Problems at the same line keep the order
// in which they were added.
func (l ErrorList) Sort() {
	slices.SortStableFunc(l, func(a, b *Error) int {
		if c := cmp.Compare(a.File, b.File); c != 0 {
			return c
		}
		return cmp.Compare(a.Line, b.Line)
	})
}

// Error lists every problem, one "file:line: msg" per line.
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

// Err returns nil when l is empty, and otherwise a sorted copy of l as an
// error (use errors.As with an *ErrorList target to get the entries back).
func (l ErrorList) Err() error {
	if len(l) == 0 {
		return nil
	}
	c := slices.Clone(l)
	c.Sort()
	return c
}

// Strings returns the problems as sorted "file:line: msg" strings.
func (l ErrorList) Strings() []string {
	c := slices.Clone(l)
	c.Sort()
	out := make([]string, len(c))
	for i, e := range c {
		out[i] = e.Error()
	}
	return out
}
