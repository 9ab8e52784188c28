package extract

import (
	"cmp"
	"slices"
	"strings"

	"github.com/annals-project/annals/internal/event"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// A page is what one walk over the original document finds: its text as a
// key stream (see key) to place extracted blocks in document order, the
// captions and embedded posts with their ranges in that stream, and the
// raw material of the metadata.
type page struct {
	stream strings.Builder
	embeds []embed

	metas     []metaTag
	ldJSON    []string
	times     []timeTag
	datelines []textAt
	canonical string
	h1Pos     int // stream position of the first <h1>, -1 if none
	elements  int // elements other than html, head and body
	inEmbed   bool
	// links are the stream ranges of link text, in order, disjoint.
	links  []span
	inLink bool
}

// A span is a half-open range of the key stream.
type span struct{ start, end int }

// An embed is a caption or an embedded post found on the page, with the
// range of the key stream it covers.
type embed struct {
	start, end int
	pieces     []piece
}

// A metaTag is a <meta> element's name (property, name or itemprop,
// lower-cased) and content.
type metaTag struct{ name, content string }

// A timeTag is a <time> element.
type timeTag struct {
	datetime string
	text     string
	pub      bool // marked as the publication time
	pos      int
}

// A textAt is a short text of the page and its stream position.
type textAt struct {
	text string
	pos  int
}

// maxDatelines bounds how many dateline candidates a page keeps.
const maxDatelines = 64

// scanPage walks the document once.
func scanPage(doc *html.Node) *page {
	p := &page{h1Pos: -1}
	p.walk(doc)
	return p
}

// pos is the current position in the key stream.
func (p *page) pos() int { return p.stream.Len() }

func (p *page) walk(n *html.Node) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch c.Type {
		case html.TextNode:
			appendKey(&p.stream, c.Data)
		case html.ElementNode:
			p.element(c)
		}
	}
}

func (p *page) element(n *html.Node) {
	switch n.DataAtom {
	case atom.Html, atom.Head, atom.Body:
	default:
		p.elements++
	}
	if noText(n) {
		if n.DataAtom == atom.Script && strings.Contains(strings.ToLower(attr(n, "type")), "ld+json") {
			p.ldJSON = append(p.ldJSON, textOf(n))
		}
		return
	}
	switch n.DataAtom {
	case atom.Meta:
		name := attr(n, "property")
		if name == "" {
			name = attr(n, "name")
		}
		if name == "" {
			name = attr(n, "itemprop")
		}
		if name != "" {
			content := attr(n, "content")
			if content == "" {
				content = attr(n, "datetime")
			}
			p.metas = append(p.metas, metaTag{strings.ToLower(strings.TrimSpace(name)), strings.TrimSpace(content)})
		}
		return
	case atom.Link:
		if p.canonical == "" && strings.EqualFold(attr(n, "rel"), "canonical") {
			p.canonical = strings.TrimSpace(attr(n, "href"))
		}
		return
	case atom.H1:
		if p.h1Pos < 0 {
			p.h1Pos = p.pos()
		}
	case atom.Time:
		if dt := attr(n, "datetime"); dt != "" {
			ip := strings.ToLower(attr(n, "itemprop"))
			pub := hasAttr(n, "pubdate") || strings.Contains(ip, "datepublished") ||
				strings.Contains(strings.ToLower(attr(n, "class")), "publish")
			p.times = append(p.times, timeTag{datetime: dt, text: normalize(textOf(n)), pub: pub, pos: p.pos()})
		}
	}
	if ip := attr(n, "itemprop"); strings.EqualFold(ip, "datePublished") && n.DataAtom != atom.Time {
		if c := attr(n, "content"); c != "" {
			p.metas = append(p.metas, metaTag{"datepublished", c})
		}
	}
	if !p.inEmbed {
		if kind := embedKind(n); kind != "" {
			start := p.pos()
			p.inEmbed = true
			p.walk(n)
			p.inEmbed = false
			var pieces []piece
			if kind == event.BlockPost {
				pieces = postPieces(n)
			} else {
				pieces = captionPieces(n)
			}
			if len(pieces) > 0 {
				p.embeds = append(p.embeds, embed{start: start, end: p.pos(), pieces: pieces})
			}
			return
		}
	}
	if n.DataAtom == atom.A && !p.inLink {
		start := p.pos()
		p.inLink = true
		p.walk(n)
		p.inLink = false
		if end := p.pos(); end > start {
			p.links = append(p.links, span{start, end})
		}
		return
	}
	if len(p.datelines) < maxDatelines && dateish(n) {
		if t := normalize(textOf(n)); t != "" && runeCount(t) <= 160 {
			p.datelines = append(p.datelines, textAt{t, p.pos()})
		}
	}
	p.walk(n)
}

// noText reports whether the text under n is not page text: scripts,
// styles, form controls and the like. The key stream leaves it out.
func noText(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Svg, atom.Title,
		atom.Select, atom.Textarea, atom.Iframe, atom.Object:
		return true
	}
	return false
}

// container returns the smallest element under root whose text covers
// the key-stream range [start, end), as scanPage laid the stream out.
func container(root *html.Node, start, end int) *html.Node {
	var best *html.Node
	pos := 0
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if pos > end {
				return
			}
			switch c.Type {
			case html.TextNode:
				pos += keyLen(c.Data)
			case html.ElementNode:
				if noText(c) {
					continue
				}
				s := pos
				walk(c)
				if s <= start && pos >= end {
					// Children close before their parents, so the first
					// element found is the smallest.
					if best == nil {
						best = c
					}
				}
			}
		}
	}
	walk(root)
	return best
}

// linkShare returns the share of the stream range [start, end) that is
// link text.
func (p *page) linkShare(start, end int) float64 {
	if end <= start {
		return 0
	}
	i, _ := slices.BinarySearchFunc(p.links, start, func(s span, pos int) int { return cmp.Compare(s.end, pos+1) })
	n := 0
	for ; i < len(p.links) && p.links[i].start < end; i++ {
		n += min(end, p.links[i].end) - max(start, p.links[i].start)
	}
	return float64(n) / float64(end-start)
}

// embedKind says whether n is a caption or an embedded post.
func embedKind(n *html.Node) event.BlockKind {
	switch n.DataAtom {
	case atom.Figcaption:
		return event.BlockCaption
	case atom.Blockquote, atom.Div:
		for _, c := range strings.Fields(attr(n, "class")) {
			switch strings.ToLower(c) {
			case "twitter-tweet", "twitter-video", "instagram-media", "tiktok-embed",
				"bluesky-embed", "mastodon-embed", "text-post-media":
				return event.BlockPost
			}
		}
	}
	if n.DataAtom != atom.Div && n.DataAtom != atom.Span && n.DataAtom != atom.P {
		return ""
	}
	for _, c := range strings.Fields(attr(n, "class")) {
		if strings.EqualFold(c, "wp-caption-text") {
			return event.BlockCaption
		}
	}
	return ""
}

// dateish reports whether n's class or id marks it as holding a date.
func dateish(n *html.Node) bool {
	s := strings.ToLower(attr(n, "class") + " " + attr(n, "id"))
	if strings.TrimSpace(s) == "" {
		return false
	}
	for _, w := range []string{"date", "time", "publish", "posted", "byline", "meta"} {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// hiddenText reports whether n is text for screen readers only, like the
// "Image caption" label some sites put in front of a caption.
func hiddenText(n *html.Node) bool {
	if hasAttr(n, "hidden") || strings.EqualFold(attr(n, "aria-hidden"), "true") {
		return true
	}
	for _, c := range strings.Fields(strings.ToLower(attr(n, "class"))) {
		switch c {
		case "sr-only", "visually-hidden", "visuallyhidden", "off-screen", "offscreen",
			"screen-reader-text", "screen-reader-only", "hidden", "hide", "u-hidden":
			return true
		}
	}
	return false
}

// creditElement reports whether n holds a photo credit.
func creditElement(n *html.Node) bool {
	s := strings.ToLower(attr(n, "class") + " " + attr(n, "itemprop"))
	for _, w := range []string{"credit", "copyright", "attribution", "photographer", "author"} {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// captionPieces reads a caption element: one caption block, its credit
// taken from a credit element or from the caption's own words.
func captionPieces(n *html.Node) []piece {
	var credit string
	w := blockWalker{skip: func(c *html.Node) bool {
		if hiddenText(c) {
			return true
		}
		if credit == "" && creditElement(c) {
			credit = cleanCredit(textOf(c))
		}
		return false
	}}
	w.walk(n, event.BlockCaption)
	w.flush(event.BlockCaption)
	var parts []string
	for _, p := range w.pieces {
		parts = append(parts, p.text)
	}
	text := strings.Join(parts, " ")
	if text == "" {
		return nil
	}
	if credit == "" {
		credit, _ = findCredit(text)
	}
	return []piece{{kind: event.BlockCaption, text: text, credit: credit, pos: -1}}
}

// postPieces reads an embedded post: its text as post blocks, one per
// paragraph or line, and its signature line as a signature block.
func postPieces(n *html.Node) []piece {
	w := blockWalker{skip: hiddenText}
	w.walk(n, event.BlockPost)
	w.flush(event.BlockPost)
	out := w.pieces[:0]
	for _, p := range w.pieces {
		switch strings.ToLower(p.text) {
		case "view this post on instagram", "view this post on threads", "view on threads":
			continue
		}
		if sig, ok := parseSignature(p.text); ok {
			p.kind, p.author, p.handle, p.date = event.BlockSignature, sig.author, sig.handle, sig.date
		} else if i, sig := splitSignature(p.text); i > 0 {
			out = append(out, piece{kind: event.BlockPost, text: strings.TrimSpace(p.text[:i]), pos: -1})
			p = piece{kind: event.BlockSignature, text: strings.TrimSpace(p.text[i:]),
				author: sig.author, handle: sig.handle, date: sig.date, pos: -1}
		}
		out = append(out, p)
	}
	return out
}

// attr returns the value of n's attribute key, or "".
func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// hasAttr reports whether n has the attribute key.
func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}

// textOf returns the text under n, without normalising it.
func textOf(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch c.Type {
			case html.TextNode:
				b.WriteString(c.Data)
			case html.ElementNode:
				if c.DataAtom == atom.Br {
					b.WriteByte(' ')
				}
				walk(c)
			}
		}
	}
	walk(n)
	return b.String()
}
