package extract

import (
	"cmp"
	"slices"
	"strings"

	"github.com/annals-project/annals/internal/event"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// blockKindOf says whether an element starts a block of its own and, if
// so, of which kind, given the kind of the block it sits in.
func blockKindOf(n *html.Node, outer event.BlockKind) (event.BlockKind, bool) {
	switch tagOf(n) {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		return event.BlockHeading, true
	case atom.Li, atom.Dt, atom.Dd:
		if outer == event.BlockQuote || outer == event.BlockPost {
			return outer, true
		}
		return event.BlockListItem, true
	case atom.Blockquote:
		if outer == event.BlockPost {
			return outer, true
		}
		return event.BlockQuote, true
	case atom.Figcaption:
		return event.BlockCaption, true
	case atom.P, atom.Div, atom.Section, atom.Article, atom.Header, atom.Footer,
		atom.Main, atom.Aside, atom.Nav, atom.Figure, atom.Center, atom.Address,
		atom.Form, atom.Details, atom.Summary, atom.Table, atom.Thead, atom.Tbody,
		atom.Tfoot, atom.Tr, atom.Caption, atom.Ul, atom.Ol, atom.Dl, atom.Pre,
		atom.Hr, atom.Body, atom.Html, atom.Fieldset, atom.Legend, atom.Menu,
		atom.Hgroup:
		if outer == "" || outer == event.BlockParagraph {
			return event.BlockParagraph, true
		}
		return outer, true
	}
	return "", false
}

// tagOf returns n's tag as an atom. Elements that trafilatura builds
// have only their name set, not their atom.
func tagOf(n *html.Node) atom.Atom {
	if n.DataAtom != 0 || n.Type != html.ElementNode {
		return n.DataAtom
	}
	return atom.Lookup([]byte(n.Data))
}

// A blockWalker turns an element tree into pieces, one per block-level
// element, splitting at <br>.
type blockWalker struct {
	line   lineBuilder
	pieces []piece
	// skip, when set, reports elements to leave out with their subtree.
	skip func(*html.Node) bool
}

// flush ends the current block.
func (w *blockWalker) flush(kind event.BlockKind) {
	if w.line.len() == 0 {
		w.line.take()
		return
	}
	if t := w.line.take(); t != "" {
		w.pieces = append(w.pieces, piece{kind: kind, text: t, pos: -1})
	}
}

// walk adds the blocks under n; kind is the kind of the enclosing block.
func (w *blockWalker) walk(n *html.Node, kind event.BlockKind) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch c.Type {
		case html.TextNode:
			w.line.add(c.Data)
		case html.ElementNode:
			if w.skip != nil && w.skip(c) {
				continue
			}
			switch tagOf(c) {
			case atom.Br:
				w.flush(kind)
				continue
			case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Svg,
				atom.Button, atom.Select, atom.Textarea, atom.Iframe, atom.Object:
				continue
			case atom.Td, atom.Th:
				w.line.addSpace()
				w.walk(c, kind)
				w.line.addSpace()
				continue
			}
			inner, block := blockKindOf(c, kind)
			if !block {
				w.walk(c, kind)
				continue
			}
			w.flush(kind)
			w.walk(c, inner)
			w.flush(inner)
		}
	}
}

// contentPieces turns trafilatura's content tree into pieces.
func contentPieces(root *html.Node) []piece {
	if root == nil {
		return nil
	}
	var w blockWalker
	w.walk(root, event.BlockParagraph)
	w.flush(event.BlockParagraph)
	return w.pieces
}

// blobRunes is the length above which a block is taken for a whole
// article run together, as trafilatura's last-resort extraction returns
// it, rather than a paragraph.
const blobRunes = 1500

// resplit replaces each run-together block with the blocks of the page
// element it came from, so that paragraph boundaries survive.
func resplit(doc *html.Node, pieces []piece, stream string) []piece {
	var out []piece
	for i, p := range pieces {
		if p.pos < 0 || runeCount(p.text) < blobRunes {
			if out != nil {
				out = append(out, p)
			}
			continue
		}
		k := keyLen(p.text)
		c := container(doc, p.pos, p.pos+k)
		if c == nil || c.DataAtom == atom.Body || c.DataAtom == atom.Html {
			if out != nil {
				out = append(out, p)
			}
			continue
		}
		w := blockWalker{skip: junk}
		w.walk(c, event.BlockParagraph)
		w.flush(event.BlockParagraph)
		if len(w.pieces) < 2 {
			if out != nil {
				out = append(out, p)
			}
			continue
		}
		locate(w.pieces, stream)
		if out == nil {
			out = append(make([]piece, 0, len(pieces)+len(w.pieces)), pieces[:i]...)
		}
		out = append(out, w.pieces...)
	}
	if out == nil {
		return pieces
	}
	return out
}

// junk reports whether an element of the page is no part of an article's
// text when the page is read without trafilatura's cleaning: navigation,
// forms, sharing widgets, and the captions and posts merge puts back.
func junk(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Nav, atom.Aside, atom.Form, atom.Button, atom.Footer, atom.Figure:
		return true
	}
	if hiddenText(n) || embedKind(n) != "" {
		return true
	}
	s := strings.ToLower(attr(n, "class") + " " + attr(n, "id"))
	for _, w := range []string{"share", "social", "related", "newsletter", "promo", "advert", "comment", "subscribe"} {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// minPartKey is the least text, in key bytes, a continuation part must
// hold.
const minPartKey = 200

// continuation adds the rest of an article whose body the page splits
// into several containers of one kind (between them, ads or a pull
// quote): trafilatura keeps only the container it scored best. The other
// parts are the elements with the same tag and class attribute as the
// element holding the extracted text.
func continuation(doc *html.Node, pieces []piece, stream string) []piece {
	first, last, located := -1, -1, 0
	for _, p := range pieces {
		if p.pos < 0 {
			continue
		}
		located++
		if first < 0 || p.pos < first {
			first = p.pos
		}
		if end := p.pos + keyLen(p.text); end > last {
			last = end
		}
	}
	if located < 2 {
		return pieces
	}
	c := container(doc, first, last)
	if c == nil || attr(c, "class") == "" {
		return pieces
	}
	switch c.DataAtom {
	case atom.Body, atom.Html, atom.P:
		return pieces
	}
	class := attr(c, "class")
	var parts [][]piece
	var find func(n *html.Node)
	find = func(n *html.Node) {
		for e := n.FirstChild; e != nil; e = e.NextSibling {
			if e.Type != html.ElementNode || e == c || noText(e) {
				continue
			}
			if e.DataAtom == c.DataAtom && e.Data == c.Data && attr(e, "class") == class && hasParagraph(e) {
				w := blockWalker{skip: junk}
				w.walk(e, event.BlockParagraph)
				w.flush(event.BlockParagraph)
				n := 0
				for _, p := range w.pieces {
					n += keyLen(p.text)
				}
				if n >= minPartKey {
					locate(w.pieces, stream)
					parts = append(parts, w.pieces)
				}
				continue
			}
			find(e)
		}
	}
	find(doc)
	if len(parts) == 0 {
		return pieces
	}
	// Put the parts and the original content in document order. Each part
	// is disjoint from c, so ordering whole groups by their first
	// position is enough.
	groups := append([][]piece{pieces}, parts...)
	start := func(g []piece) int {
		for _, p := range g {
			if p.pos >= 0 {
				return p.pos
			}
		}
		return len(stream)
	}
	slices.SortStableFunc(groups, func(a, b []piece) int { return cmp.Compare(start(a), start(b)) })
	var out []piece
	for _, g := range groups {
		out = append(out, g...)
	}
	return out
}

// hasParagraph reports whether n has a <p> child with text.
func hasParagraph(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.DataAtom == atom.P && keyLen(textOf(c)) > 0 {
			return true
		}
	}
	return false
}
