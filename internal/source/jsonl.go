package source

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/annals-project/annals/internal/event"
)

const (
	// sniffLines and sniffBytes bound the look-ahead that decides whether
	// input starting with '{' is JSONL: it is when one of its first lines
	// is a JSON object.
	sniffLines = 8
	sniffBytes = 1 << 20
)

// A line is one line of input, without its end.
type line struct {
	data     []byte
	offset   int64 // of its first byte in the input
	nl       bool  // it ended with "\n"
	overflow bool  // longer than the cap: data holds only its start
}

// lineReader reads lines of at most max bytes from a buffered reader.
type lineReader struct {
	br      *bufio.Reader
	max     int64
	offset  int64
	pending bool   // the rest of an overlong line is still unread
	eof     bool   // io.EOF was returned
	buf     []byte // reused by next when reuse is set
}

// next returns the next line. A line longer than max is cut short and
// flagged, and the rest of it is left for skipRest. At the end of input it
// returns io.EOF, with the last unterminated line if there is one. With
// reuse set, the line's data is only valid until the next call.
func (lr *lineReader) next(reuse bool) (l line, err error) {
	l.offset = lr.offset
	if reuse {
		l.data = lr.buf[:0]
		defer func() { lr.buf = l.data[:0] }()
	}
	for {
		frag, err := lr.br.ReadSlice('\n')
		lr.offset += int64(len(frag))
		if room := lr.max + 1 - int64(len(l.data)); int64(len(frag)) > room {
			l.data = append(l.data, frag[:room]...)
			l.overflow = true
			l.nl = bytes.HasSuffix(frag, []byte("\n"))
			lr.pending = !l.nl && err == bufio.ErrBufferFull
			return l, nil
		}
		l.data = append(l.data, frag...)
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		if err == nil {
			l.data = l.data[:len(l.data)-1]
			l.nl = true
			return l, nil
		}
		if errors.Is(err, io.EOF) {
			lr.eof = true
		}
		return l, err
	}
}

// skipRest discards the rest of an overlong line.
func (lr *lineReader) skipRest() error {
	for lr.pending {
		frag, err := lr.br.ReadSlice('\n')
		lr.offset += int64(len(frag))
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		lr.pending = false
		if errors.Is(err, io.EOF) {
			lr.eof = true
			return nil
		}
		return err
	}
	return nil
}

// readBraced reads input that starts with '{': a JSONL batch when one of
// its first lines is a JSON object, plain text otherwise.
func (r *reader) readBraced(br *bufio.Reader) {
	lr := &lineReader{br: br, max: r.opts.MaxBytes}
	var (
		pre    []line
		preErr error
		isJSON bool
		total  int
	)
	for len(pre) < sniffLines && total < sniffBytes {
		l, err := lr.next(false)
		if err != nil && !errors.Is(err, io.EOF) {
			preErr = err
			break
		}
		if len(l.data) > 0 || l.nl {
			pre = append(pre, l)
			total += len(l.data)
		}
		if l.overflow {
			break
		}
		if isJSONObject(l.data, len(pre) == 1) {
			isJSON = true
			break
		}
		if err != nil {
			break
		}
	}
	if !isJSON {
		var buf bytes.Buffer
		for _, l := range pre {
			buf.Write(l.data)
			if l.nl {
				buf.WriteByte('\n')
			}
		}
		rest := io.Reader(br)
		if preErr != nil {
			rest = errReader{preErr}
		}
		r.readText(io.MultiReader(&buf, rest))
		return
	}
	r.readJSONL(lr, pre, preErr)
}

type errReader struct{ err error }

func (e errReader) Read([]byte) (int, error) { return 0, e.err }

// isJSONObject reports whether a line holds one JSON object.
func isJSONObject(b []byte, first bool) bool {
	if first {
		b = bytes.TrimPrefix(b, utf8BOM)
	}
	b = bytes.TrimSpace(b)
	return len(b) > 0 && b[0] == '{' && json.Valid(b)
}

// readJSONL reads a JSONL batch: the lines already read, then the rest.
func (r *reader) readJSONL(lr *lineReader, pre []line, preErr error) {
	n := 0
	doLine := func(l line) bool {
		n++
		if n == 1 {
			l.data = bytes.TrimPrefix(l.data, utf8BOM)
		}
		if l.overflow {
			if !r.fail(0, n, fmt.Errorf("%w: line over %d bytes", ErrTooLarge, r.opts.MaxBytes)) {
				return false
			}
			if err := lr.skipRest(); err != nil {
				return r.fail(0, n, err)
			}
			return true
		}
		if len(bytes.TrimSpace(l.data)) == 0 {
			return true
		}
		if err := r.ctx.Err(); err != nil {
			return r.fail(-1, 0, err)
		}
		a, err := r.jsonlArticle(l, n)
		if err != nil {
			return r.fail(0, n, err)
		}
		return r.emit(a)
	}
	for _, l := range pre {
		if !doLine(l) {
			return
		}
	}
	if preErr != nil {
		r.fail(0, n+1, preErr)
		return
	}
	if lr.eof {
		return
	}
	for {
		l, err := lr.next(true)
		if err != nil && !errors.Is(err, io.EOF) {
			r.fail(0, n+1, err)
			return
		}
		if len(l.data) > 0 || l.nl {
			if !doLine(l) {
				return
			}
		}
		if err != nil {
			return
		}
	}
}

// A jsonlDoc is one line of a JSONL batch (CONTRACT.md). Unknown keys are
// ignored: batches often carry fields of their own.
type jsonlDoc struct {
	ID        jsonID  `json:"id"`
	Text      *string `json:"text"`
	HTML      *string `json:"html"`
	Published string  `json:"published"`
	URL       string  `json:"url"`
	Title     string  `json:"title"`
}

// A jsonID is a document ID given as a JSON string or number.
type jsonID string

func (id *jsonID) UnmarshalJSON(b []byte) error {
	if len(b) > 0 && b[0] == '"' {
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
		*id = jsonID(s)
		return nil
	}
	var n json.Number
	if err := json.Unmarshal(b, &n); err != nil {
		if string(b) == "null" {
			return nil
		}
		return fmt.Errorf("id: want a string or number, got %s", b)
	}
	*id = jsonID(n.String())
	return nil
}

// jsonlArticle decodes the n-th line of a batch.
func (r *reader) jsonlArticle(l line, n int) (*event.Article, error) {
	data := l.data
	var repairs []string
	if !utf8.Valid(data) {
		var s string
		s, repairs = repairUTF8(string(data), l.offset)
		data = []byte(s)
	}
	var d jsonlDoc
	if err := json.Unmarshal(data, &d); err != nil {
		return nil, jsonErr(err)
	}
	var pubAt time.Time
	var pub event.Date
	if p := strings.TrimSpace(d.Published); p != "" {
		var err error
		if pub, pubAt, err = parsePublished(p); err != nil {
			return nil, err
		}
	}
	url := strings.TrimSpace(d.URL)
	var (
		a   *event.Article
		err error
	)
	switch {
	case d.Text != nil && *d.Text != "":
		a, err = textArticle(*d.Text, false, url)
	case d.HTML != nil && *d.HTML != "":
		a, err = textArticle(*d.HTML, true, url)
	case d.Text != nil || d.HTML != nil:
		err = ErrEmpty
	default:
		err = errors.New(`no "text" or "html" field`)
	}
	if err != nil {
		return nil, err
	}
	a.Source = fmt.Sprintf("%s:%d", r.name, n)
	a.ID = firstNonEmpty(strings.TrimSpace(string(d.ID)), a.Source)
	a.URL = firstNonEmpty(url, a.URL)
	a.Title = firstNonEmpty(strings.TrimSpace(d.Title), a.Title)
	if !pub.IsZero() {
		a.Published, a.PublishedAt = pub, pubAt
	}
	a.Repairs = append(repairs, a.Repairs...)
	return a, nil
}

// parsePublished parses a date as YYYY-MM-DD or RFC 3339; the instant is
// zero for a bare date.
func parsePublished(s string) (event.Date, time.Time, error) {
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return event.DateOf(t), t, nil
	}
	if d, err := event.ParseDate(s); err == nil {
		return d, time.Time{}, nil
	}
	return event.Date{}, time.Time{}, fmt.Errorf("published %q: want YYYY-MM-DD or RFC 3339", s)
}

// jsonErr names a decoding error as one of JSON, in the user's terms.
func jsonErr(err error) error {
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		if te.Field == "" {
			return fmt.Errorf("json: want an object, got %s", te.Value)
		}
		return fmt.Errorf("json: field %q: want %s, got %s", te.Field, jsonKind(te.Type.Kind().String()), te.Value)
	}
	if strings.HasPrefix(err.Error(), "json: ") {
		return err
	}
	return fmt.Errorf("json: %w", err)
}

func jsonKind(goKind string) string {
	if goKind == "ptr" {
		return "string"
	}
	return goKind
}
