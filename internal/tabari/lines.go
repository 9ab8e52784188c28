package tabari

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/annals-project/annals/internal/lineerr"
)

// A line is one dictionary line with its comments removed and its trailing
// space trimmed. Lines left empty are never produced.
type line struct {
	n    int    // 1-based line number in the file
	text string // content with comments removed, right-trimmed
}

// maxLine bounds the length of one dictionary line: real dictionary lines are
// under 200 bytes, so a longer one is a binary or corrupt file.
const maxLine = 1 << 20

// diag collects the errors and warnings of one file.
type diag struct {
	file  string
	errs  *lineerr.List
	warns *lineerr.List
}

func (d *diag) errorf(n int, format string, args ...any) {
	d.errs.Add(d.file, n, format, args...)
}

func (d *diag) warnf(n int, format string, args ...any) {
	if d.warns != nil {
		d.warns.Add(d.file, n, format, args...)
	}
}

// readLines reads r and calls fn for every line that has content once
// comments are removed. Comments are PETRARCH's: "<!-- ... -->" (also
// "<! ... -->", and over several lines), and "#" or ";" to the end of the
// line. A "#" right after "[" (TABARI's "[###]" code) is content, not a
// comment. An unterminated "<!--" is reported at the line that opened it.
// The only error returned is an I/O error; syntax problems go to d.
func readLines(d *diag, r io.Reader, fn func(line)) error {
	br := bufio.NewReaderSize(r, 64<<10)
	n := 0
	inComment := false
	commentLine := 0
	for {
		raw, err := br.ReadString('\n')
		if len(raw) == 0 && err != nil {
			if err == io.EOF {
				break
			}
			return fmt.Errorf("read line %d: %w", n+1, err)
		}
		n++
		if len(raw) > maxLine {
			d.errorf(n, "line longer than %d bytes", maxLine)
			raw = raw[:maxLine]
		}
		raw = strings.TrimRight(raw, "\r\n")
		if n == 1 {
			raw = strings.TrimPrefix(raw, "\ufeff")
		}
		var text string
		text, inComment = stripComments(raw, inComment)
		if inComment && commentLine == 0 {
			commentLine = n
		} else if !inComment {
			commentLine = 0
		}
		text = strings.TrimRight(text, " \t\v\f")
		if strings.TrimSpace(text) != "" {
			fn(line{n: n, text: text})
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			return fmt.Errorf("read line %d: %w", n, err)
		}
	}
	if inComment {
		d.errorf(commentLine, "unterminated <!-- comment")
	}
	return nil
}

// stripComments removes comments from s. inComment says whether s starts
// inside an XML-style comment; the result says whether it ends inside one.
func stripComments(s string, inComment bool) (string, bool) {
	// Fast path: most lines have no comment characters at all.
	if !inComment && !strings.ContainsAny(s, "<#;") {
		return s, false
	}
	var b strings.Builder
	i := 0
	for i < len(s) {
		if inComment {
			j := strings.Index(s[i:], "-->")
			if j < 0 {
				return b.String(), true
			}
			i += j + 3
			inComment = false
			continue
		}
		c := s[i]
		switch {
		case c == '<' && strings.HasPrefix(s[i:], "<!"):
			inComment = true
			i += 2
			continue
		case c == '#' && i > 0 && (s[i-1] == '[' || s[i-1] == '#' && isHashCode(s, i)):
			// "[###]": TABARI's discard code is content.
		case c == '#' || c == ';':
			return b.String(), false
		}
		b.WriteByte(c)
		i++
	}
	return b.String(), inComment
}

// isHashCode reports whether the '#' at s[i] belongs to a "[#…" run.
func isHashCode(s string, i int) bool {
	for i > 0 && s[i-1] == '#' {
		i--
	}
	return i > 0 && s[i-1] == '['
}
