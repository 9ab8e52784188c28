package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/annals-project/annals/internal/event"
)

// Limits of the heuristic that finds the text of an embedded post above
// its signature line in plain text. A post is at most 280 characters
// (Twitter's limit); lines of article prose are usually longer than the
// short lines a post breaks into.
const (
	maxPostRunes     = 320 // all the lines of one post together
	maxPostLineRunes = 100 // a line other than the one just above the signature
)

// Plain gives plain text its block structure: each non-empty line is a
// block, its span trimmed of surrounding white space. A line with a photo
// credit ("(Photo: Name/Agency)") is a caption with Credit set; a line
// "— Name (@handle) Month D, YYYY" is the signature of an embedded post,
// with Author, Handle and Date set, and the short lines just above it,
// back to the last line of article prose, are the post's text.
func Plain(text string) []event.Block {
	var blocks []event.Block
	for start := 0; start < len(text); {
		end := strings.IndexByte(text[start:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += start
		}
		if s, e := trim(text, start, end); e > s {
			blocks = append(blocks, classify(text, s, e)...)
		}
		start = end + 1
	}
	markPosts(text, blocks)
	return blocks
}

// trim narrows [s, e) of text to exclude white space at either end.
func trim(text string, s, e int) (int, int) {
	for s < e {
		r, n := utf8.DecodeRuneInString(text[s:e])
		if !unicode.IsSpace(r) && !invisible(r) {
			break
		}
		s += n
	}
	for e > s {
		r, n := utf8.DecodeLastRuneInString(text[s:e])
		if !unicode.IsSpace(r) && !invisible(r) {
			break
		}
		e -= n
	}
	return s, e
}

// classify makes the block or blocks of the line text[s:e].
func classify(text string, s, e int) []event.Block {
	line := text[s:e]
	if sig, ok := parseSignature(line); ok {
		return []event.Block{signatureBlock(s, e, sig)}
	}
	if i, sig := splitSignature(line); i > 0 {
		ps, pe := trim(text, s, s+i)
		ss, se := trim(text, s+i, e)
		if pe > ps && se > ss {
			return []event.Block{
				{Kind: event.BlockPost, Span: event.Span{Start: ps, End: pe}},
				signatureBlock(ss, se, sig),
			}
		}
	}
	b := event.Block{Kind: event.BlockParagraph, Span: event.Span{Start: s, End: e}}
	if runeCount(line) <= 600 {
		if c, ok := findCredit(line); ok {
			b.Kind, b.Credit = event.BlockCaption, c
		}
	}
	return []event.Block{b}
}

func signatureBlock(s, e int, sig signature) event.Block {
	return event.Block{
		Kind:   event.BlockSignature,
		Span:   event.Span{Start: s, End: e},
		Author: sig.author,
		Handle: sig.handle,
		Date:   sig.date,
	}
}

// markPosts turns the paragraph lines just above each signature line into
// post blocks, walking up until the lines look like article prose.
func markPosts(text string, blocks []event.Block) {
	for i, b := range blocks {
		if b.Kind != event.BlockSignature || (i > 0 && blocks[i-1].Kind == event.BlockPost) {
			continue
		}
		total := 0
		for j := i - 1; j >= 0; j-- {
			p := &blocks[j]
			if p.Kind != event.BlockParagraph {
				break
			}
			line := p.Span.Of(text)
			n := runeCount(line)
			social := hasSocial(line)
			if strings.HasSuffix(line, ":") {
				break
			}
			if j < i-1 && n > maxPostLineRunes && !social {
				break
			}
			if total+n > maxPostRunes && !(j == i-1 && social) {
				break
			}
			total += n
			p.Kind = event.BlockPost
		}
	}
}

// hasSocial reports whether s has the marks of a social-media post: a
// #hashtag, an @mention or a link.
func hasSocial(s string) bool {
	for i := 0; i < len(s)-1; i++ {
		switch s[i] {
		case '#', '@':
			r, _ := utf8.DecodeRuneInString(s[i+1:])
			if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' {
				if i == 0 || !isWordByte(s[i-1]) {
					return true
				}
			}
		}
	}
	return strings.Contains(s, "http://") || strings.Contains(s, "https://") ||
		strings.Contains(s, "pic.twitter.com/")
}

func isWordByte(c byte) bool {
	return c == '_' || '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}
