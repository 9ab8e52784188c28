package extract

import (
	"github.com/annals-project/annals/internal/event"
	"regexp"
	"strings"
	"unicode/utf8"
)

// probeLen is how many bytes of a block's key are looked for in the page.
const probeLen = 64

// locate sets the stream position of each piece, searching forward from
// the previous one so that repeated short texts keep document order.
func locate(pieces []piece, stream string) {
	cursor := 0
	for i := range pieces {
		k := key(pieces[i].text)
		if k == "" {
			continue
		}
		pos, n := find(stream, k, cursor)
		if pos < 0 {
			continue
		}
		pieces[i].pos = pos
		cursor = pos + n
	}
}

// find looks for key k in stream, first from cursor on, then from the
// start; failing that it tries the key's tail, for a block whose opening
// words the extractor changed. It returns the position found (or -1) and
// how many bytes of the stream the match covers.
func find(stream, k string, cursor int) (int, int) {
	if cursor > len(stream) {
		cursor = len(stream)
	}
	if strings.HasPrefix(stream[cursor:], k) {
		return cursor, len(k)
	}
	probe := prefix(k, probeLen)
	for _, from := range []int{cursor, 0} {
		if i := strings.Index(stream[from:], probe); i >= 0 {
			pos := from + i
			if strings.HasPrefix(stream[pos:], k) {
				return pos, len(k)
			}
			return pos, len(probe)
		}
		if cursor == 0 {
			break
		}
	}
	if len(k) > 2*probeLen {
		tail := suffix(k, probeLen)
		if i := strings.Index(stream[cursor:], tail); i >= 0 {
			end := cursor + i + len(tail)
			return max(cursor, end-len(k)), end - max(cursor, end-len(k))
		}
	}
	return -1, 0
}

// prefix returns at most n bytes from the start of s, cut at a rune
// boundary.
func prefix(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// suffix returns at most n bytes from the end of s, cut at a rune boundary.
func suffix(s string, n int) string {
	if len(s) <= n {
		return s
	}
	i := len(s) - n
	for i < len(s) && !utf8.RuneStart(s[i]) {
		i++
	}
	return s[i:]
}

// merge puts the captions and embedded posts that lie inside the article
// (between its first and last extracted block) into the content in
// document order, and so the caption of a lead photo, between the
// headline (at stream position h1, -1 when the page has none) and the
// text. A content block found inside an embed is the extractor's copy of
// its text and gives way to the embed's own blocks.
func merge(content []piece, embeds []embed, h1 int) []piece {
	first, last := -1, -1
	for _, p := range content {
		if p.pos < 0 {
			continue
		}
		if first < 0 || p.pos < first {
			first = p.pos
		}
		if end := p.pos + keyLen(p.text); end > last {
			last = end
		}
	}
	if first < 0 {
		return content
	}
	var inside []embed
	for _, e := range embeds {
		lead := h1 >= 0 && e.start >= h1 && e.end <= first && len(e.pieces) == 1 && e.pieces[0].kind == event.BlockCaption
		if lead || e.start >= first && e.end <= last {
			inside = append(inside, e)
		}
	}
	if len(inside) == 0 {
		return content
	}
	out := make([]piece, 0, len(content)+2*len(inside))
	next := 0 // the next embed to place
	pos := -1 // the position of the latest located piece
	for _, p := range content {
		if p.pos >= 0 {
			pos = p.pos
		}
		for next < len(inside) && pos >= 0 && inside[next].start <= pos {
			out = appendEmbed(out, inside[next])
			next++
		}
		if p.pos >= 0 && copyOf(p, inside) {
			continue
		}
		out = append(out, p)
	}
	for ; next < len(inside); next++ {
		out = appendEmbed(out, inside[next])
	}
	return out
}

// copyOf reports whether p's text lies within one of the embeds.
func copyOf(p piece, embeds []embed) bool {
	end := p.pos + keyLen(p.text)
	for _, e := range embeds {
		if e.start <= p.pos && end <= e.end {
			return true
		}
	}
	return false
}

// appendEmbed appends e's pieces, placed at e's start.
func appendEmbed(out []piece, e embed) []piece {
	for _, p := range e.pieces {
		p.pos = e.start
		out = append(out, p)
	}
	return out
}

// linkShareMax is the share of link text above which a block is taken
// for navigation rather than prose. Measured on the extraction dev set:
// 0.5 to 0.8 score alike; headings are no exception (linked headings are
// teasers for other stories).
const linkShareMax = 0.7

// dropLinks removes blocks that are mostly link text (lists of related
// stories, "read more" teasers, tag clouds), then any headings left at
// the end with nothing under them. A page that is mostly links (an index
// page) is left as it is: dropping would leave next to nothing.
func dropLinks(pieces []piece, pg *page) []piece {
	out := make([]piece, 0, len(pieces))
	var all, kept int
	for _, p := range pieces {
		n := keyLen(p.text)
		all += n
		if p.pos >= 0 && pg.linkShare(p.pos, p.pos+n) >= linkShareMax {
			continue
		}
		kept += n
		out = append(out, p)
	}
	if kept*5 < all {
		return pieces
	}
	for len(out) > 0 && out[len(out)-1].kind == event.BlockHeading {
		out = out[:len(out)-1]
	}
	return out
}

// tailRE matches the furniture that closes many article pages: copyright
// lines, calls to follow, subscribe or share, comment-form notices.
var tailRE = regexp.MustCompile(`(?i)^(?:copyright\b|©|\(c\) \d{4})|all rights reserved|^follow (?:us|@|\S+ on )|^(?:subscribe|sign up)\b|newsletters?\.?$|\bclick here\b|^(?:like|enjoyed?) this (?:story|article)|share (?:it|this)(?: story| article)? with|^you must (?:be )?log(?:ged)? ?in\b|^(?:advertisement|related|read more|more from|listen)\b`)

// maxTailRunes bounds the length of a closing block dropTail may remove.
const maxTailRunes = 200

// dropTail removes closing page furniture from the end of the text.
func dropTail(pieces []piece) []piece {
	for len(pieces) > 1 {
		p := pieces[len(pieces)-1]
		if p.kind == event.BlockSignature || p.kind == event.BlockPost || p.kind == event.BlockCaption ||
			runeCount(p.text) > maxTailRunes || !tailRE.MatchString(p.text) {
			break
		}
		pieces = pieces[:len(pieces)-1]
	}
	return pieces
}
