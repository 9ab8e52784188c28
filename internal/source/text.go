package source

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/annals-project/annals/internal/event"
	"github.com/annals-project/annals/internal/extract"
)

// A kind is an input format told apart by sniff.
type kind int

const (
	kindText kind = iota
	kindBinary
	kindUTF16LE
	kindUTF16BE
	kindHTML
	kindFeed
	kindBraced // starts with '{': JSONL when its lines are JSON objects
)

var utf8BOM = []byte{0xef, 0xbb, 0xbf}

// htmlMarkers start an HTML page; sniff looks for them in the first KB.
var htmlMarkers = [][]byte{
	[]byte("<!doctype html"), []byte("<html"), []byte("<head"), []byte("<body"),
}

// binaryRatio is the share of non-text bytes above which input is binary.
const binaryRatio = 0.3

// sniff tells the format of a document from its first bytes. For binary
// input it also returns the offset of the first non-text byte.
func sniff(head []byte) (kind, int64) {
	switch {
	case bytes.HasPrefix(head, []byte{0xff, 0xfe}):
		return kindUTF16LE, 0
	case bytes.HasPrefix(head, []byte{0xfe, 0xff}):
		return kindUTF16BE, 0
	}
	bom := 0
	if bytes.HasPrefix(head, utf8BOM) {
		bom = len(utf8BOM)
	}
	if off, ok := binaryAt(head[bom:], len(head) == sniffLen); ok {
		return kindBinary, int64(bom) + off
	}
	body := bytes.TrimLeft(head[bom:], " \t\r\n\f\v")
	if len(body) == 0 {
		return kindText, 0
	}
	first := head[:min(len(head), 1024)]
	switch c := body[0]; {
	case c == '<':
		if isXMLFeed(head[bom:]) {
			return kindFeed, 0
		}
		if len(body) > 1 && (isASCIILetter(body[1]) || body[1] == '!' || body[1] == '?') {
			return kindHTML, 0
		}
	case c == '{':
		if bytes.Contains(head, []byte("jsonfeed.org/version")) {
			return kindFeed, 0
		}
		return kindBraced, 0
	}
	lower := bytes.ToLower(first)
	for _, m := range htmlMarkers {
		if bytes.Contains(lower, m) {
			return kindHTML, 0
		}
	}
	return kindText, 0
}

func isASCIILetter(c byte) bool { return 'a' <= c|0x20 && c|0x20 <= 'z' }

// binaryAt reports whether b is not text: it holds a NUL byte, or more
// than binaryRatio of it is control characters or invalid UTF-8. It
// returns the offset of the first offending byte. When truncated is set, b
// is a prefix and a rune cut at its end is not held against it.
func binaryAt[T ~string | ~[]byte](b T, truncated bool) (int64, bool) {
	bad, first := 0, -1
	for i := 0; i < len(b); {
		c := b[i]
		if c == 0 {
			return int64(i), true
		}
		if c < utf8.RuneSelf {
			if c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v' && c != 0x1b || c == 0x7f {
				bad++
				if first < 0 {
					first = i
				}
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(string(b[i:min(i+utf8.UTFMax, len(b))]))
		if r == utf8.RuneError && n == 1 {
			if truncated && len(b)-i < utf8.UTFMax && !utf8.FullRuneInString(string(b[i:])) {
				break
			}
			bad++
			if first < 0 {
				first = i
			}
		}
		i += n
	}
	if len(b) > 0 && float64(bad) > binaryRatio*float64(len(b)) {
		return int64(first), true
	}
	return 0, false
}

// readText reads a plain-text document.
func (r *reader) readText(in io.Reader) {
	data, ok := r.readAll(in)
	if !ok {
		return
	}
	a, off, err := plainArticle(string(data))
	if err != nil {
		r.fail(off, 0, err)
		return
	}
	a.ID, a.Source = r.id(), r.name
	r.emit(a)
}

// plainArticle makes an article of plain text: the BOM dropped, invalid
// UTF-8 replaced (and recorded), line ends normalised to "\n", one block
// per non-blank line. On error it returns the offset of the problem.
func plainArticle(data string) (*event.Article, int64, error) {
	bom := 0
	if strings.HasPrefix(data, string(utf8BOM)) {
		bom = len(utf8BOM)
	}
	if off, bin := binaryAt(data[bom:], false); bin {
		return nil, int64(bom) + off, fmt.Errorf("%w: not text", ErrBinary)
	}
	text, repairs := repairUTF8(data[bom:], int64(bom))
	text = normalizeNewlines(text)
	if strings.TrimSpace(text) == "" {
		return nil, 0, ErrEmpty
	}
	return &event.Article{Text: text, Blocks: plainBlocks(text), Repairs: repairs}, 0, nil
}

// normalizeNewlines turns "\r\n" and a lone "\r" into "\n".
func normalizeNewlines(s string) string {
	if strings.IndexByte(s, '\r') < 0 {
		return s
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.ReplaceAll(s, "\r", "\n")
}

// maxRepairNotes caps the repairs listed one by one for a document.
const maxRepairNotes = 10

// repairUTF8 replaces each run of invalid UTF-8 in b with U+FFFD and
// describes each replacement, giving offsets from base.
func repairUTF8(b string, base int64) (string, []string) {
	if utf8.ValidString(b) {
		return b, nil
	}
	var (
		sb      strings.Builder
		repairs []string
		more    int
	)
	sb.Grow(len(b) + 8)
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRuneInString(b[i:])
		if r != utf8.RuneError || n != 1 {
			sb.WriteString(b[i : i+n])
			i += n
			continue
		}
		start := i
		for i < len(b) {
			r, n := utf8.DecodeRuneInString(b[i:])
			if r != utf8.RuneError || n != 1 {
				break
			}
			i++
		}
		sb.WriteRune(utf8.RuneError)
		if len(repairs) < maxRepairNotes {
			repairs = append(repairs, fmt.Sprintf("invalid UTF-8 at byte offset %d replaced (%d bytes)", base+int64(start), i-start))
		} else {
			more++
		}
	}
	if more > 0 {
		repairs = append(repairs, fmt.Sprintf("invalid UTF-8 replaced at %d more offsets", more))
	}
	return sb.String(), repairs
}

// readUTF16 transcodes a UTF-16 document with a byte-order mark to UTF-8
// and reads the result as any other input.
func (r *reader) readUTF16(in io.Reader, k kind, depth int) {
	data, ok := r.readAll(in)
	if !ok {
		return
	}
	name := "UTF-16LE"
	if k == kindUTF16BE {
		name = "UTF-16BE"
	}
	data = data[2:] // the byte-order mark
	u := make([]uint16, len(data)/2)
	for i := range u {
		if k == kindUTF16LE {
			u[i] = uint16(data[2*i]) | uint16(data[2*i+1])<<8
		} else {
			u[i] = uint16(data[2*i])<<8 | uint16(data[2*i+1])
		}
	}
	var sb strings.Builder
	bad := 0
	for _, c := range utf16.Decode(u) {
		if c == utf8.RuneError {
			bad++
		}
		sb.WriteRune(c)
	}
	r.notes = append(r.notes, "transcoded from "+name)
	if bad > 0 {
		r.notes = append(r.notes, fmt.Sprintf("%d unpaired UTF-16 surrogates replaced", bad))
	}
	if len(data)%2 != 0 {
		r.notes = append(r.notes, "odd trailing byte of UTF-16 dropped")
	}
	r.read(strings.NewReader(sb.String()), depth+1)
}

// plainBlocks gives plain text its block structure. Usually each
// non-blank line is a block, classified by extract.Plain (paragraphs,
// photo captions, embedded posts and their signatures). Hard-wrapped text, where most lines run
// on into the next without ending a sentence (wire copy, e-mail), has its
// paragraphs split at blank and indented lines instead, so that no
// sentence is cut at a line end. A block's span leaves out the white space
// around it.
func plainBlocks(text string) []event.Block {
	lines := splitLines(text)
	if !isWrapped(lines) {
		return extract.Plain(text)
	}
	blocks := make([]event.Block, 0, len(lines))
	cur := event.Span{Start: -1}
	flush := func() {
		if cur.Start >= 0 {
			blocks = append(blocks, event.Block{Kind: event.BlockParagraph, Span: cur})
			cur.Start = -1
		}
	}
	for _, l := range lines {
		switch {
		case l.blank:
			flush()
		case l.indented || cur.Start < 0:
			flush()
			cur = l.span
		default:
			cur.End = l.span.End
		}
	}
	flush()
	return blocks
}

// A textLine is one line of plain text.
type textLine struct {
	span     event.Span // without surrounding white space
	blank    bool
	indented bool // starts with white space
	final    bool // ends with sentence-final punctuation
}

func splitLines(text string) []textLine {
	lines := make([]textLine, 0, strings.Count(text, "\n")+1)
	for start := 0; start < len(text); {
		end := strings.IndexByte(text[start:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += start
		}
		s, e := start, end
		for s < e && isSpace(text[s]) {
			s++
		}
		for e > s && isSpace(text[e-1]) {
			e--
		}
		last, _ := utf8.DecodeLastRuneInString(text[s:e])
		lines = append(lines, textLine{
			final:    strings.ContainsRune(".!?:;\"')]”’»…", last),
			span:     event.Span{Start: s, End: e},
			blank:    e == s,
			indented: s > start,
		})
		start = end + 1
	}
	return lines
}

// isWrapped reports whether most lines followed by another line stop
// without ending a sentence: the text is hard-wrapped.
func isWrapped(lines []textLine) bool {
	var pairs, open int
	for i := 0; i+1 < len(lines); i++ {
		if lines[i].blank || lines[i+1].blank {
			continue
		}
		pairs++
		if !lines[i].final {
			open++
		}
	}
	return pairs >= 2 && 2*open > pairs
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v' }
