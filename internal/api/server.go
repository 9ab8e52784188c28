package api

import (
	"context"
	"errors"
	"iter"
	"log/slog"
	"net/http"
	"runtime/debug"
	"sync"
	"time"

	"github.com/annals-project/annals/internal/event"
	"github.com/annals-project/annals/internal/store"
)

// A Pipeline codes articles: *pipeline.Pipeline implements it. Run
// processes every article of in, calls emit for each coded document in
// input order and onErr for each read error, and returns the first error
// emit returns or ctx.Err().
type Pipeline interface {
	Run(ctx context.Context, in iter.Seq2[*event.Article, error], emit func(*event.Coded) error, onErr func(error)) error
}

// A Preparer readies a coded document before POST /api/documents stores
// it, as ingest does: it may set its Origin when it copies an article
// already stored, or clear figures nobody could believe.
type Preparer interface {
	Prepare(ctx context.Context, d *store.Document) error
}

// Defaults of the Server's limits.
const (
	DefaultMaxBodyBytes  = 16 << 20
	DefaultQueryTimeout  = 15 * time.Second
	DefaultIngestTimeout = 2 * time.Minute
)

// Server answers the JSON API. Set its fields, then call Handler once; the
// fields must not change afterwards.
type Server struct {
	// Store is queried by every endpoint and written by POST
	// /api/documents. Required.
	Store store.Store
	// Pipeline codes the documents POST /api/documents receives; with a
	// nil Pipeline or an empty Token, writes are refused with 403.
	Pipeline Pipeline
	// Merger deduplicates the mentions of posted documents; nil gives
	// every mention a new event.
	Merger store.Merger
	// Prepare, when set, readies each posted document before it is
	// stored.
	Prepare Preparer
	// Token is the bearer token POST /api/documents requires. Empty
	// disables writes.
	Token string
	// Logger receives request logs and internal errors; nil discards them.
	Logger *slog.Logger
	// MaxBodyBytes caps a request body; 0 means DefaultMaxBodyBytes.
	MaxBodyBytes int64
	// QueryTimeout bounds a read request, IngestTimeout a POST; 0 means
	// the defaults.
	QueryTimeout  time.Duration
	IngestTimeout time.Duration

	once    sync.Once
	handler http.Handler
	ingest  chan struct{} // one ingest request at a time
}

func (s *Server) logger() *slog.Logger {
	if s.Logger == nil {
		return slog.New(slog.DiscardHandler)
	}
	return s.Logger
}

// Handler returns the API's routes: /healthz and everything under /api/.
// It answers other paths with a JSON 404, so a caller that mounts a
// dashboard routes "/" elsewhere and only /api/ and /healthz here. Every
// call returns the same handler.
func (s *Server) Handler() http.Handler {
	s.once.Do(func() {
		if s.MaxBodyBytes <= 0 {
			s.MaxBodyBytes = DefaultMaxBodyBytes
		}
		if s.QueryTimeout <= 0 {
			s.QueryTimeout = DefaultQueryTimeout
		}
		if s.IngestTimeout <= 0 {
			s.IngestTimeout = DefaultIngestTimeout
		}
		s.ingest = make(chan struct{}, 1)
		mux := http.NewServeMux()
		mux.HandleFunc("GET /healthz", s.handleHealth)
		mux.HandleFunc("GET /api/events", s.handleEvents)
		mux.HandleFunc("GET /api/events/{id}", s.handleEvent)
		mux.HandleFunc("GET /api/events.geojson", s.handleGeoJSON)
		mux.HandleFunc("GET /api/quotes", s.handleQuotes)
		mux.HandleFunc("GET /api/actors", s.handleActors)
		mux.HandleFunc("GET /api/stats", s.handleStats)
		mux.HandleFunc("GET /api/stats/timeline", s.handleTimeline)
		mux.HandleFunc("GET /api/documents/{id}", s.handleDocument)
		mux.HandleFunc("POST /api/documents", s.handlePostDocuments)
		mux.HandleFunc("/", s.notFound(mux))
		s.handler = s.middleware(mux)
	})
	return s.handler
}

// notFound answers requests no route matched: 405 when the path exists
// with another method, 404 otherwise, both as JSON.
func (s *Server) notFound(mux *http.ServeMux) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		var allow []string
		for _, m := range []string{http.MethodGet, http.MethodPost} {
			if m == r.Method || m == http.MethodGet && r.Method == http.MethodHead {
				continue
			}
			r2 := r.Clone(r.Context())
			r2.Method = m
			if _, pattern := mux.Handler(r2); pattern != "/" {
				allow = append(allow, m)
			}
		}
		if len(allow) > 0 {
			for _, m := range allow {
				w.Header().Add("Allow", m)
			}
			s.Error(w, r, &RequestError{Status: http.StatusMethodNotAllowed, Code: CodeMethod,
				Message: r.Method + " is not allowed on " + r.URL.Path})
			return
		}
		s.Error(w, r, &RequestError{Status: http.StatusNotFound, Code: CodeNotFound, Message: "no such endpoint: " + r.URL.Path})
	}
}

// statusWriter records the status a handler wrote.
type statusWriter struct {
	http.ResponseWriter
	status int
	bytes  int64
}

func (w *statusWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	n, err := w.ResponseWriter.Write(b)
	w.bytes += int64(n)
	return n, err
}

// Unwrap lets http.ResponseController reach the underlying writer.
func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// middleware bounds the request body and its time, recovers from panics as
// a 500, and logs each request.
func (s *Server) middleware(next http.Handler) http.Handler {
	log := s.logger()
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		sw := &statusWriter{ResponseWriter: w}
		timeout := s.QueryTimeout
		if r.Method == http.MethodPost {
			timeout = s.IngestTimeout
		}
		ctx, cancel := context.WithTimeout(r.Context(), timeout)
		defer cancel()
		r = r.WithContext(ctx)
		r.Body = http.MaxBytesReader(w, r.Body, s.MaxBodyBytes)
		defer func() {
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					panic(v)
				}
				log.LogAttrs(r.Context(), slog.LevelError, "handler panic",
					slog.String("method", r.Method), slog.String("path", r.URL.Path),
					slog.Any("panic", v), slog.String("stack", string(debug.Stack())))
				if sw.status == 0 {
					s.Error(sw, r, errPanic)
				}
			}
			log.LogAttrs(r.Context(), slog.LevelInfo, "http",
				slog.String("method", r.Method), slog.String("path", r.URL.Path),
				slog.Int("status", sw.status), slog.Int64("bytes", sw.bytes),
				slog.Duration("took", time.Since(start)))
		}()
		next.ServeHTTP(sw, r)
	})
}

// errPanic stands for a recovered panic: an internal error.
var errPanic = errors.New("handler panic")
