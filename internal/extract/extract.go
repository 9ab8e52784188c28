package extract

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	nurl "net/url"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/annals-project/annals/internal/event"
	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
)

// Errors HTML returns, wrapped with details; test them with errors.Is.
var (
	// ErrNotHTML means the input is empty, binary, or text without markup.
	ErrNotHTML = errors.New("not an html page")
	// ErrNoContent means the page has no article text to extract.
	ErrNoContent = errors.New("no article text")
)

// Options tune extraction. The zero value works.
type Options struct {
	// URL is the page's address, when known. It is the Article's URL;
	// without it the page's canonical or og:url link is used.
	URL string
	// ContentType is the page's Content-Type header, when known; its
	// charset parameter overrides the one the page declares.
	ContentType string
}

// HTML extracts the article from an HTML page: title, byline, URL,
// publication date, and the main text as blocks. Captions and embedded
// posts that sit inside the article are kept as blocks of their own, in
// document order.
//
// It returns an error wrapping ErrNotHTML for input that is not an HTML
// page and ErrNoContent when the page has no article text.
func HTML(r io.Reader, opts Options) (*event.Article, error) {
	raw, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("read html: %w", err)
	}
	src, repairs, err := decode(raw, opts.ContentType)
	if err != nil {
		return nil, err
	}
	doc, err := html.Parse(strings.NewReader(src))
	if err != nil {
		return nil, fmt.Errorf("parse html: %w", err)
	}
	pg := scanPage(doc)
	if pg.elements == 0 {
		return nil, fmt.Errorf("%w: no markup", ErrNotHTML)
	}

	topts := trafilatura.Options{ExcludeComments: true}
	if u, err := nurl.ParseRequestURI(opts.URL); err == nil && opts.URL != "" {
		topts.OriginalURL = u
	}
	res, err := runTrafilatura(doc, topts)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrNoContent, err)
	}

	stream := pg.stream.String()
	content := contentPieces(res.ContentNode)
	content = dropTitle(content, res.Metadata.Title)
	locate(content, stream)
	content = resplit(doc, content, stream)
	content = continuation(doc, content, stream)
	content = dropLinks(content, pg)
	content = dropTail(content)
	pieces := merge(content, pg.embeds, pg.h1Pos)

	a := &event.Article{
		URL:     firstOf(opts.URL, resolve(pg.canonical, opts.URL), res.Metadata.URL),
		Title:   normalize(res.Metadata.Title),
		Byline:  cleanByline(res.Metadata.Author),
		Repairs: repairs,
	}
	assemble(a, pieces)
	if len(a.Blocks) == 0 {
		return nil, fmt.Errorf("%w: empty extraction", ErrNoContent)
	}
	published(a, pg, pieces, res.Metadata)
	return a, nil
}

// runTrafilatura runs the extractor, turning a panic inside it into an
// error: bad input must never take the caller down.
func runTrafilatura(doc *html.Node, opts trafilatura.Options) (res *trafilatura.ExtractResult, err error) {
	defer func() {
		if r := recover(); r != nil {
			res, err = nil, fmt.Errorf("trafilatura: panic: %v", r)
		}
	}()
	return trafilatura.ExtractDocument(doc, opts)
}

// decode turns raw bytes into UTF-8 text. A byte order mark decides;
// otherwise input that is valid UTF-8 is taken as UTF-8 whatever it
// declares (a page that is valid UTF-8 and has any non-ASCII text is
// almost never in another encoding, and mislabelled pages are common);
// otherwise the transport's charset or the page's own declaration is
// followed, falling back on windows-1252 as browsers do. It rejects empty
// and binary input.
func decode(raw []byte, contentType string) (string, []string, error) {
	if len(bytes.TrimSpace(raw)) == 0 {
		return "", nil, fmt.Errorf("%w: empty input", ErrNotHTML)
	}
	var repairs []string
	bom := bytes.HasPrefix(raw, []byte{0xfe, 0xff}) || bytes.HasPrefix(raw, []byte{0xff, 0xfe})
	if bom || !utf8.Valid(raw) {
		enc, name, _ := charset.DetermineEncoding(raw, contentType)
		if name != "utf-8" && enc != nil {
			b, err := enc.NewDecoder().Bytes(raw)
			if err != nil {
				return "", nil, fmt.Errorf("decode %s: %w", name, err)
			}
			raw = b
			repairs = append(repairs, "decoded from "+name)
		}
	}
	if binary(raw) {
		return "", nil, fmt.Errorf("%w: binary data", ErrNotHTML)
	}
	if !utf8.Valid(raw) {
		raw = bytes.ToValidUTF8(raw, []byte("\uFFFD"))
		repairs = append(repairs, "invalid UTF-8 replaced")
	}
	return string(raw), repairs, nil
}

// binary reports whether raw looks like binary data rather than text: a
// NUL byte near the start, or more than a few of them anywhere. (Real
// pages do carry the odd stray NUL, which the HTML parser replaces.)
func binary(raw []byte) bool {
	head := raw[:min(len(raw), 1024)]
	if bytes.IndexByte(head, 0) >= 0 {
		return true
	}
	return bytes.Count(raw, []byte{0}) > len(raw)/1000
}

// dropTitle removes a heading among the first blocks that repeats the
// page title: it is the headline, which Article.Title already holds, not
// body text.
func dropTitle(pieces []piece, title string) []piece {
	t := key(title)
	if t == "" {
		return pieces
	}
	for i := 0; i < len(pieces) && i < 3; i++ {
		if pieces[i].kind != event.BlockHeading {
			continue
		}
		h := key(pieces[i].text)
		if h == "" {
			continue
		}
		if h == t || (strings.HasPrefix(t, h) && 2*len(h) >= len(t)) || strings.HasPrefix(h, t) {
			return slices.Delete(pieces, i, i+1)
		}
	}
	return pieces
}

// published sets the article's publication date from, best first:
// JSON-LD, <meta> tags, <time> elements, a visible dateline near the
// headline, a dateline opening the text, and trafilatura's own guess.
func published(a *event.Article, pg *page, pieces []piece, md trafilatura.Metadata) {
	if st, ok := ldPublished(pg.ldJSON); ok {
		a.Published, a.PublishedAt = st.date, st.at
		return
	}
	if st, ok := metaPublished(pg.metas); ok {
		a.Published, a.PublishedAt = st.date, st.at
		return
	}
	if st, ok := timePublished(pg.times, pg.h1Pos); ok {
		a.Published, a.PublishedAt = st.date, st.at
		return
	}
	end := -1
	for _, p := range pieces {
		if p.pos > end {
			end = p.pos
		}
	}
	if d, ok := datelinePublished(pg.datelines, pg.h1Pos, end); ok {
		a.Published = d
		return
	}
	if d, ok := publishedIn(pieces); ok {
		a.Published = d
		return
	}
	if !md.Date.IsZero() {
		a.Published = event.DateOf(md.Date)
	}
}

// resolve makes ref absolute against base, when base is a URL.
func resolve(ref, base string) string {
	if ref == "" {
		return ""
	}
	r, err := nurl.Parse(ref)
	if err != nil {
		return ""
	}
	if b, err := nurl.Parse(base); err == nil && base != "" {
		return b.ResolveReference(r).String()
	}
	if !r.IsAbs() {
		return ""
	}
	return r.String()
}

// firstOf returns the first non-empty string.
func firstOf(s ...string) string {
	for _, v := range s {
		if v = strings.TrimSpace(v); v != "" {
			return v
		}
	}
	return ""
}
