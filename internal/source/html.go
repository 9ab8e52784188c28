package source

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/annals-project/annals/internal/event"
	"github.com/annals-project/annals/internal/extract"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// readHTML reads an HTML page.
func (r *reader) readHTML(in io.Reader) {
	data, ok := r.readAll(in)
	if !ok {
		return
	}
	a, err := extractHTML(data, "", "")
	if err != nil {
		r.fail(-1, 0, err)
		return
	}
	a.ID, a.Source = r.id(), r.name
	r.emit(a)
}

// extractHTML extracts the article of an HTML page with package extract
// and checks what comes back: valid UTF-8, blocks in order within the
// text, some text. A panic in the extractor is returned as an error, so
// that one bad page does not end a batch.
func extractHTML(page []byte, url, contentType string) (a *event.Article, err error) {
	defer func() {
		if p := recover(); p != nil {
			a, err = nil, fmt.Errorf("extract html: internal error: %v", p)
		}
	}()
	a, err = extract.HTML(bytes.NewReader(page), extract.Options{URL: url, ContentType: contentType})
	if errors.Is(err, extract.ErrNoContent) {
		return nil, fmt.Errorf("%w: %w", ErrEmpty, err)
	}
	if err != nil {
		return nil, fmt.Errorf("extract html: %w", err)
	}
	if a == nil {
		return nil, fmt.Errorf("extract html: no article")
	}
	if url != "" && a.URL == "" {
		a.URL = url
	}
	sanitize(a)
	if strings.TrimSpace(a.Text) == "" {
		return nil, fmt.Errorf("%w: no article text in the page", ErrEmpty)
	}
	return a, nil
}

// sanitize makes an article's Text valid UTF-8 and its Blocks ordered,
// non-overlapping spans within Text, recording every change in Repairs.
func sanitize(a *event.Article) {
	if !utf8.ValidString(a.Text) {
		var edits []edit
		a.Text, edits = replaceInvalid(a.Text)
		for _, e := range edits[:min(len(edits), maxRepairNotes)] {
			a.Repairs = append(a.Repairs, fmt.Sprintf("invalid UTF-8 at text offset %d replaced (%d bytes)", e.oldStart, e.oldEnd-e.oldStart))
		}
		if len(edits) > maxRepairNotes {
			a.Repairs = append(a.Repairs, fmt.Sprintf("invalid UTF-8 replaced at %d more offsets", len(edits)-maxRepairNotes))
		}
		for i := range a.Blocks {
			s := &a.Blocks[i].Span
			s.Start, s.End = remap(edits, s.Start), remap(edits, s.End)
		}
	}
	kept := a.Blocks[:0]
	end := 0
	for _, b := range a.Blocks {
		if !b.Span.Valid(len(a.Text)) || b.Span.Start < end {
			a.Repairs = append(a.Repairs, fmt.Sprintf("dropped %s block %v: out of order or outside the text", b.Kind, b.Span))
			continue
		}
		kept = append(kept, b)
		end = b.Span.End
	}
	a.Blocks = kept
}

// An edit replaced text[oldStart:oldEnd] with U+FFFD at newStart.
type edit struct{ oldStart, oldEnd, newStart int }

const replacementLen = len(string(utf8.RuneError))

// replaceInvalid replaces each run of invalid UTF-8 in s with U+FFFD.
func replaceInvalid(s string) (string, []edit) {
	var (
		sb    strings.Builder
		edits []edit
	)
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r != utf8.RuneError || n != 1 {
			sb.WriteString(s[i : i+n])
			i += n
			continue
		}
		start := i
		for i < len(s) {
			r, n := utf8.DecodeRuneInString(s[i:])
			if r != utf8.RuneError || n != 1 {
				break
			}
			i++
		}
		edits = append(edits, edit{start, i, sb.Len()})
		sb.WriteRune(utf8.RuneError)
	}
	return sb.String(), edits
}

// remap moves an offset of the old text to the new one. An offset inside
// a replaced run goes to the end of its replacement, which keeps the
// mapping monotonic: spans that did not overlap still do not.
func remap(edits []edit, off int) int {
	// edits[:i] end at or before off.
	i := sort.Search(len(edits), func(i int) bool { return edits[i].oldEnd > off })
	if i < len(edits) && edits[i].oldStart < off {
		return edits[i].newStart + replacementLen
	}
	if i == 0 {
		return off
	}
	e := edits[i-1]
	return e.newStart + replacementLen + (off - e.oldEnd)
}

// looksHTML reports whether a feed item's text is markup rather than
// plain text.
func looksHTML(s string) bool {
	for i := strings.IndexByte(s, '<'); i >= 0 && i+1 < len(s); {
		c := s[i+1]
		if isASCIILetter(c) || c == '/' || c == '!' {
			return strings.IndexByte(s[i:], '>') > 0
		}
		j := strings.IndexByte(s[i+1:], '<')
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return strings.Contains(s, "&") && html.UnescapeString(s) != s
}

// fragmentText turns an HTML fragment, such as a feed item's description,
// into plain text with one line per block element. It is the fallback for
// fragments too short for the article extractor.
func fragmentText(s string) string {
	z := html.NewTokenizer(strings.NewReader(s))
	var sb strings.Builder
	skip := 0 // depth inside script/style
	line := func() {
		if sb.Len() > 0 && !strings.HasSuffix(sb.String(), "\n") {
			sb.WriteByte('\n')
		}
	}
	for {
		switch tt := z.Next(); tt {
		case html.ErrorToken:
			return tidyLines(sb.String())
		case html.TextToken:
			if skip == 0 {
				sb.Write(z.Text())
			}
		case html.StartTagToken, html.EndTagToken, html.SelfClosingTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			switch a {
			case atom.Script, atom.Style, atom.Noscript, atom.Template:
				if tt == html.StartTagToken {
					skip++
				} else if skip > 0 && tt == html.EndTagToken {
					skip--
				}
			case atom.P, atom.Br, atom.Div, atom.Li, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6,
				atom.Blockquote, atom.Tr, atom.Figcaption, atom.Figure, atom.Section, atom.Article,
				atom.Ul, atom.Ol, atom.Table, atom.Pre, atom.Hr, atom.Dd, atom.Dt:
				line()
			}
		}
	}
}

// tidyLines collapses runs of white space within each line and drops
// blank lines.
func tidyLines(s string) string {
	var out []string
	for l := range strings.SplitSeq(s, "\n") {
		if f := strings.Fields(l); len(f) > 0 {
			out = append(out, strings.Join(f, " "))
		}
	}
	return strings.Join(out, "\n")
}

// textArticle makes an article from a feed item's or JSONL line's text:
// extracted when it is HTML, taken as it is otherwise.
func textArticle(s string, isHTML bool, url string) (*event.Article, error) {
	if !isHTML {
		a, _, err := plainArticle(s)
		return a, err
	}
	a, err := extractHTML([]byte(s), url, "")
	if err == nil {
		return a, nil
	}
	// A fragment of a few paragraphs is often too short for the article
	// extractor: fall back to its text.
	text := fragmentText(s)
	if text == "" {
		return nil, err
	}
	a = &event.Article{URL: url, Text: text, Blocks: plainBlocks(text)}
	sanitize(a)
	return a, nil
}
