package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/annals-project/annals/internal/event"
	"golang.org/x/text/unicode/norm"
)

// A piece is one block of output before it is placed into Article.Text.
type piece struct {
	kind   event.BlockKind
	text   string // normalised: one line, no leading or trailing space
	credit string
	author string
	handle string
	date   event.Date
	pos    int // position in the page's key stream, -1 when unknown
}

// A lineBuilder collects text for one block, collapsing every run of
// white space into a single space and dropping invisible characters.
type lineBuilder struct {
	b     strings.Builder
	space bool
}

// add appends s to the line.
func (l *lineBuilder) add(s string) {
	for _, r := range s {
		switch {
		case unicode.IsSpace(r):
			if l.b.Len() > 0 {
				l.space = true
			}
			continue
		case invisible(r):
			continue
		}
		if l.space {
			l.b.WriteByte(' ')
			l.space = false
		}
		l.b.WriteRune(r)
	}
}

// addSpace records a word boundary, as between two table cells.
func (l *lineBuilder) addSpace() {
	if l.b.Len() > 0 {
		l.space = true
	}
}

// take returns the line collected so far and resets the builder.
func (l *lineBuilder) take() string {
	s := l.b.String()
	l.b.Reset()
	l.space = false
	return norm.NFC.String(s)
}

// len reports the number of bytes collected so far.
func (l *lineBuilder) len() int { return l.b.Len() }

// invisible reports whether r is a character that never shows on a page
// and only gets in the way of matching: soft hyphens, zero-width spaces,
// byte order marks and other format controls. The zero-width joiner is
// kept because emoji sequences need it.
func invisible(r rune) bool {
	switch r {
	case '\u200d':
		return false
	case '\u00ad', '\u200b', '\u2060', '\ufeff':
		return true
	}
	return unicode.Is(unicode.Cc, r) || unicode.Is(unicode.Cf, r)
}

// normalize collapses white space in s and trims it.
func normalize(s string) string {
	var l lineBuilder
	l.add(s)
	return l.take()
}

// key reduces s to its lower-cased letters and digits, the form in which
// extracted text is matched against the page: it ignores white space,
// punctuation and markup differences.
func key(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	appendKey(&b, s)
	return b.String()
}

// appendKey appends the key form of s to b.
func appendKey(b *strings.Builder, s string) {
	for _, r := range s {
		if r < utf8.RuneSelf {
			switch {
			case 'a' <= r && r <= 'z', '0' <= r && r <= '9':
				b.WriteByte(byte(r))
			case 'A' <= r && r <= 'Z':
				b.WriteByte(byte(r + 'a' - 'A'))
			}
			continue
		}
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
}

// keyLen returns len(key(s)) without building the key.
func keyLen(s string) int {
	n := 0
	for _, r := range s {
		if r < utf8.RuneSelf {
			if 'a' <= r && r <= 'z' || '0' <= r && r <= '9' || 'A' <= r && r <= 'Z' {
				n++
			}
			continue
		}
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			n += utf8.RuneLen(unicode.ToLower(r))
		}
	}
	return n
}

// runeCount is utf8.RuneCountInString, named for brevity.
func runeCount(s string) int { return utf8.RuneCountInString(s) }

// assemble joins pieces into an article's Text, one block a line.
func assemble(a *event.Article, pieces []piece) {
	var b strings.Builder
	blocks := make([]event.Block, 0, len(pieces))
	for _, p := range pieces {
		if p.text == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('\n')
		}
		start := b.Len()
		b.WriteString(p.text)
		blocks = append(blocks, event.Block{
			Kind:   p.kind,
			Span:   event.Span{Start: start, End: b.Len()},
			Credit: p.credit,
			Author: p.author,
			Handle: p.handle,
			Date:   p.date,
		})
	}
	a.Text = b.String()
	a.Blocks = blocks
}
