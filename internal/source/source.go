package source

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"iter"
	"net/http"
	"os"
	"path/filepath"
	"strings"

	"github.com/annals-project/annals/internal/event"
)

// DefaultMaxBytes is the per-document size cap used when Options.MaxBytes
// is zero.
const DefaultMaxBytes = 64 << 20

// Options tune reading. The zero value works: no fetching, a 64 MiB cap.
type Options struct {
	// Fetch makes the reader download each RSS/Atom item's link and
	// extract that page instead of the item's description. When the
	// download fails the description is used and the failure is reported
	// as an *Error.
	Fetch bool
	// Client makes the requests when Fetch is set; nil means
	// http.DefaultClient.
	Client *http.Client
	// MaxBytes caps the size of one document: a text or HTML file, a
	// feed, a downloaded page, one WARC payload or one JSONL line. Larger
	// documents are reported with ErrTooLarge. Zero means DefaultMaxBytes.
	MaxBytes int64
}

func (o Options) withDefaults() Options {
	if o.MaxBytes <= 0 {
		o.MaxBytes = DefaultMaxBytes
	}
	if o.Client == nil {
		o.Client = http.DefaultClient
	}
	return o
}

// Errors that an *Error may wrap, for errors.Is.
var (
	// ErrEmpty reports a document with no text.
	ErrEmpty = errors.New("empty document")
	// ErrBinary reports input that is not text in any format we read.
	ErrBinary = errors.New("binary data")
	// ErrTooLarge reports a document over Options.MaxBytes.
	ErrTooLarge = errors.New("document too large")
	// ErrStdin reports Read given "-": standard input is read with ReadFrom.
	ErrStdin = errors.New(`"-" (standard input) must be read with ReadFrom`)
)

// An Error is a problem with one input: the file (or stream) name and,
// where known, the line (JSONL) or byte offset (everything else) at which
// it was found. Offset is -1 when the error has no position.
type Error struct {
	Name   string
	Line   int
	Offset int64
	Err    error
}

// Error formats the error as "name:line: msg", "name: offset N: msg" or,
// without a position, "name: msg".
func (e *Error) Error() string {
	switch {
	case e.Line > 0:
		return fmt.Sprintf("%s:%d: %v", e.Name, e.Line, e.Err)
	case e.Offset >= 0:
		return fmt.Sprintf("%s: offset %d: %v", e.Name, e.Offset, e.Err)
	default:
		return fmt.Sprintf("%s: %v", e.Name, e.Err)
	}
}

// Unwrap returns the underlying error.
func (e *Error) Unwrap() error { return e.Err }

// Read yields the articles of one path: a file, or a directory walked
// recursively in lexical order, skipping names that start with a dot.
// Standard input ("-") is read with ReadFrom; Read reports ErrStdin for it.
//
// Every error is an *Error. A bad document is reported and reading goes on
// with the next one; a cancelled ctx ends the iteration after reporting
// ctx.Err().
func Read(ctx context.Context, path string, opts Options) iter.Seq2[*event.Article, error] {
	return func(yield func(*event.Article, error) bool) {
		if path == "-" {
			yield(nil, &Error{Name: path, Offset: -1, Err: ErrStdin})
			return
		}
		info, err := os.Stat(path)
		if err != nil {
			yield(nil, &Error{Name: path, Offset: -1, Err: err})
			return
		}
		if !info.IsDir() {
			readFile(ctx, path, opts, yield)
			return
		}
		var stopped bool
		werr := filepath.WalkDir(path, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				if !yield(nil, &Error{Name: p, Offset: -1, Err: err}) {
					return fs.SkipAll
				}
				return nil
			}
			if p != path && strings.HasPrefix(d.Name(), ".") {
				if d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if d.IsDir() {
				return nil
			}
			if d.Type()&fs.ModeSymlink != 0 {
				// Follow links to files, not to directories (no cycles).
				fi, err := os.Stat(p)
				if err != nil || !fi.Mode().IsRegular() {
					return nil
				}
			} else if !d.Type().IsRegular() {
				return nil
			}
			if !readFile(ctx, p, opts, yield) {
				stopped = true
				return fs.SkipAll
			}
			return nil
		})
		if werr != nil && !stopped {
			yield(nil, &Error{Name: path, Offset: -1, Err: werr})
		}
	}
}

// readFile reads one file and reports whether the caller should go on.
func readFile(ctx context.Context, path string, opts Options, yield func(*event.Article, error) bool) bool {
	if err := ctx.Err(); err != nil {
		yield(nil, &Error{Name: path, Offset: -1, Err: err})
		return false
	}
	f, err := os.Open(path)
	if err != nil {
		return yield(nil, &Error{Name: path, Offset: -1, Err: err})
	}
	defer f.Close()
	r := newReader(ctx, path, opts, yield)
	r.read(f, 0)
	return !r.stopped && ctx.Err() == nil
}

// ReadFrom yields the articles of one stream, such as standard input;
// name identifies it in IDs, Sources and errors ("-" for standard input).
// Errors are as for Read.
func ReadFrom(ctx context.Context, name string, r io.Reader, opts Options) iter.Seq2[*event.Article, error] {
	return func(yield func(*event.Article, error) bool) {
		rd := newReader(ctx, name, opts, yield)
		rd.read(r, 0)
	}
}

// A reader reads one named input and yields what it finds.
type reader struct {
	ctx     context.Context
	name    string
	opts    Options
	yield   func(*event.Article, error) bool
	stopped bool     // the consumer stopped, or ctx was cancelled
	notes   []string // repairs made to the whole input, for every article
	yielded int      // articles and errors yielded so far
}

func newReader(ctx context.Context, name string, opts Options, yield func(*event.Article, error) bool) *reader {
	return &reader{ctx: ctx, name: name, opts: opts.withDefaults(), yield: yield}
}

// emit yields an article and reports whether to go on.
func (r *reader) emit(a *event.Article) bool {
	if r.stopped {
		return false
	}
	if err := r.ctx.Err(); err != nil {
		return r.fail(-1, 0, err)
	}
	if len(r.notes) > 0 {
		a.Repairs = append(append([]string(nil), r.notes...), a.Repairs...)
	}
	if a.Published.IsZero() && !a.PublishedAt.IsZero() {
		a.Published = event.DateOf(a.PublishedAt)
	}
	r.yielded++
	if !r.yield(a, nil) {
		r.stopped = true
	}
	return !r.stopped
}

// fail yields an *Error at a byte offset (or -1) or a line (when > 0) and
// reports whether to go on.
func (r *reader) fail(offset int64, line int, err error) bool {
	if r.stopped {
		return false
	}
	if line > 0 {
		offset = 0
	}
	r.yielded++
	if !r.yield(nil, &Error{Name: r.name, Line: line, Offset: offset, Err: err}) {
		r.stopped = true
	}
	if r.ctx.Err() != nil {
		r.stopped = true
	}
	return !r.stopped
}

// id is the default article ID for the input.
func (r *reader) id() string {
	if r.name == "-" || r.name == "" {
		return "stdin"
	}
	return filepath.Base(r.name)
}

const (
	sniffLen    = 4096 // bytes inspected to choose a format
	bufSize     = 64 << 10
	maxGzipNest = 2
)

var (
	gzipMagic = []byte{0x1f, 0x8b}
	warcMagic = []byte("WARC/")
)

// read chooses the format of in by its content and reads it. depth counts
// the gzip layers already removed.
func (r *reader) read(in io.Reader, depth int) {
	br := bufio.NewReaderSize(in, bufSize)
	head, err := br.Peek(sniffLen)
	if err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, bufio.ErrBufferFull) {
		r.fail(int64(len(head)), 0, err)
		return
	}
	if len(head) == 0 {
		r.fail(0, 0, ErrEmpty)
		return
	}
	switch {
	case bytes.HasPrefix(head, gzipMagic):
		if depth >= maxGzipNest {
			r.fail(0, 0, fmt.Errorf("%w: gzip nested more than %d deep", ErrBinary, maxGzipNest))
			return
		}
		if gzippedWARC(head) {
			r.readWARC(br)
			return
		}
		zr, err := gzip.NewReader(br)
		if err != nil {
			r.fail(0, 0, gzipErr(err))
			return
		}
		defer zr.Close()
		r.read(&gunzipReader{r: zr}, depth+1)
		return
	case bytes.HasPrefix(head, warcMagic):
		r.readWARC(br)
		return
	}
	switch kind, off := sniff(head); kind {
	case kindBinary:
		r.fail(off, 0, fmt.Errorf("%w: not text", ErrBinary))
	case kindUTF16LE, kindUTF16BE:
		r.readUTF16(br, kind, depth)
	case kindHTML:
		r.readHTML(br)
	case kindFeed:
		r.readFeed(br)
	case kindBraced:
		r.readBraced(br)
	default:
		r.readText(br)
	}
}

// gzippedWARC reports whether the gzip member starting head decompresses
// to a WARC record.
func gzippedWARC(head []byte) bool {
	zr, err := gzip.NewReader(bytes.NewReader(head))
	if err != nil {
		return false
	}
	var b [5]byte
	n, _ := io.ReadFull(zr, b[:])
	return bytes.Equal(b[:n], warcMagic)
}

// gunzipReader names the decompressor's errors.
type gunzipReader struct{ r io.Reader }

func (g *gunzipReader) Read(p []byte) (int, error) {
	n, err := g.r.Read(p)
	if err != nil && err != io.EOF {
		err = gzipErr(err)
	}
	return n, err
}

func gzipErr(err error) error {
	if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
		return fmt.Errorf("truncated gzip: %w", io.ErrUnexpectedEOF)
	}
	return fmt.Errorf("gzip: %w", err)
}

// readAll reads a whole document of at most r.opts.MaxBytes bytes. On
// failure it reports the error with the offset reached and returns false.
func (r *reader) readAll(in io.Reader) ([]byte, bool) {
	data, err := io.ReadAll(io.LimitReader(in, r.opts.MaxBytes+1))
	if err != nil {
		r.fail(int64(len(data)), 0, err)
		return nil, false
	}
	if int64(len(data)) > r.opts.MaxBytes {
		r.fail(r.opts.MaxBytes, 0, fmt.Errorf("%w: over %d bytes", ErrTooLarge, r.opts.MaxBytes))
		return nil, false
	}
	return data, true
}
