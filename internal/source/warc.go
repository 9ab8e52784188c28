package source

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"compress/zlib"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httputil"
	"net/textproto"
	"strings"

	"github.com/annals-project/annals/internal/event"
	"github.com/nlnwa/gowarc/v3"
)

// readWARC reads a WARC or per-record gzipped WARC file: one article per
// HTML response (or resource) record. Other records are skipped.
func (r *reader) readWARC(in *bufio.Reader) {
	wr, err := gowarc.NewWarcFileReaderFromStream(in, 0)
	if err != nil {
		r.fail(0, 0, fmt.Errorf("warc: %w", err))
		return
	}
	defer wr.Close()
	found := false // an article or an error was yielded
	for {
		if err := r.ctx.Err(); err != nil {
			r.fail(-1, 0, err)
			return
		}
		rec, err := wr.Next()
		if errors.Is(err, io.EOF) && rec.WarcRecord == nil {
			if !found {
				r.fail(-1, 0, fmt.Errorf("%w: no HTML response records", ErrEmpty))
			}
			return
		}
		if err != nil {
			rec.Close()
			r.fail(rec.Offset, 0, warcErr(err))
			return // the stream cannot be trusted past a broken record
		}
		before := r.yielded
		ok := r.warcRecord(rec)
		rec.Close()
		if !ok {
			return
		}
		found = found || r.yielded > before
	}
}

func warcErr(err error) error {
	if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
		return fmt.Errorf("warc: truncated record: %w", io.ErrUnexpectedEOF)
	}
	return fmt.Errorf("warc: %w", err)
}

// warcRecord reads one record and reports whether to go on.
func (r *reader) warcRecord(rec gowarc.Record) bool {
	w := rec.WarcRecord
	if w == nil {
		return true
	}
	if w.Type() == 0 { // no or an unknown WARC-Type: not a record we can trust
		why := "no WARC-Type"
		if len(rec.Validation) > 0 {
			why = rec.Validation[0].Error()
		}
		return r.fail(rec.Offset, 0, fmt.Errorf("warc: unreadable record: %s", why))
	}
	for _, v := range rec.Validation {
		var cl *gowarc.ContentLengthError
		if errors.As(v, &cl) {
			return r.fail(rec.Offset, 0, fmt.Errorf("warc: truncated record: %w", cl))
		}
	}
	var (
		payload io.Reader
		header  http.Header
		err     error
	)
	switch w.Type() {
	case gowarc.Response:
		hb, ok := w.Block().(gowarc.HttpResponseBlock)
		if !ok {
			return true // a dns: or other non-HTTP response
		}
		if c := hb.HttpStatusCode(); c < 200 || c > 299 {
			return true
		}
		header = rawHeader(hb.ProtocolHeaderBytes())
		if !isHTMLType(header.Get("Content-Type")) {
			return true
		}
		payload, err = hb.PayloadBytes()
	case gowarc.Resource:
		if !isHTMLType(w.WarcHeader().Get(gowarc.ContentType)) {
			return true
		}
		payload, err = w.Block().RawBytes()
		header = http.Header{"Content-Type": {w.WarcHeader().Get(gowarc.ContentType)}}
	default:
		return true
	}
	if err == nil {
		payload, err = decodeHTTPBody(payload, header)
	}
	if err != nil {
		return r.fail(rec.Offset, 0, fmt.Errorf("warc: payload: %w", err))
	}
	body, err := io.ReadAll(io.LimitReader(payload, r.opts.MaxBytes+1))
	if err != nil {
		return r.fail(rec.Offset, 0, fmt.Errorf("warc: payload: %w", err))
	}
	if int64(len(body)) > r.opts.MaxBytes {
		return r.fail(rec.Offset, 0, fmt.Errorf("%w: payload over %d bytes", ErrTooLarge, r.opts.MaxBytes))
	}
	uri := strings.Trim(w.WarcHeader().Get(gowarc.WarcTargetURI), "<>")
	a, err := extractHTML(body, uri, header.Get("Content-Type"))
	if err != nil {
		return r.fail(rec.Offset, 0, fmt.Errorf("%s: %w", uri, err))
	}
	a.ID = firstNonEmpty(uri, w.WarcHeader().GetId(gowarc.WarcRecordID))
	a.URL = uri
	a.Source = fmt.Sprintf("%s@%d", r.name, rec.Offset)
	if a.Published.IsZero() {
		if t, err := w.WarcHeader().GetTime(gowarc.WarcDate); err == nil && !t.IsZero() {
			a.PublishedAt, a.Published = t, event.DateOf(t)
		}
	}
	return r.emit(a)
}

// decodeHTTPBody undoes the transfer and content encodings an archived
// HTTP response may still carry.
func decodeHTTPBody(body io.Reader, h http.Header) (io.Reader, error) {
	for _, te := range h.Values("Transfer-Encoding") {
		if strings.Contains(strings.ToLower(te), "chunked") {
			body = httputil.NewChunkedReader(body)
		}
	}
	switch ce := strings.ToLower(strings.TrimSpace(h.Get("Content-Encoding"))); ce {
	case "", "identity":
	case "gzip", "x-gzip":
		zr, err := gzip.NewReader(body)
		if err != nil {
			return nil, fmt.Errorf("content encoding gzip: %w", err)
		}
		return &gunzipReader{r: zr}, nil
	case "deflate":
		zr, err := zlib.NewReader(body)
		if err != nil {
			return nil, fmt.Errorf("content encoding deflate: %w", err)
		}
		return zr, nil
	default:
		return nil, fmt.Errorf("unsupported content encoding %q", ce)
	}
	return body, nil
}

// rawHeader parses the header of an archived HTTP response as it was
// sent: net/http's parser, which gowarc uses, drops Transfer-Encoding.
func rawHeader(b []byte) http.Header {
	tp := textproto.NewReader(bufio.NewReader(bytes.NewReader(b)))
	if _, err := tp.ReadLine(); err != nil { // the status line
		return http.Header{}
	}
	h, _ := tp.ReadMIMEHeader() // keep what parsed before an error
	return http.Header(h)
}
