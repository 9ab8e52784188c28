package api

import (
	"bytes"
	"cmp"
	"context"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"slices"
	"strings"

	"github.com/annals-project/annals/internal/event"
	"github.com/annals-project/annals/internal/source"
	"github.com/annals-project/annals/internal/store"
)

// IngestResult is the body of a successful POST /api/documents: what
// happened to each document of the request, in order, and the totals.
type IngestResult struct {
	Documents []IngestedDocument `json:"documents"`
	// Stored counts the documents added, Skipped those already stored.
	Stored  int `json:"stored"`
	Skipped int `json:"skipped"`
	// Mentions counts the coded reports stored, NewEvents the events they
	// created (the rest were merged into known events).
	Mentions  int `json:"mentions"`
	NewEvents int `json:"new_events"`
}

// An IngestedDocument says what became of one posted document: its ID in
// the request (or the one given to it) and the store's PutResult, whose
// "document" is the stored document's ID for GET /api/documents/{id}.
type IngestedDocument struct {
	ID  string `json:"id"`
	URL string `json:"url,omitempty"`
	store.PutResult
}

// maxBodyErrors caps the read errors reported for one body.
const maxBodyErrors = 10

// authorize checks that writes are enabled and that r carries the token.
func (s *Server) authorize(r *http.Request) error {
	if s.Token == "" || s.Pipeline == nil {
		return &RequestError{Status: http.StatusForbidden, Code: CodeForbidden,
			Message: "writes are disabled: start annals serve with a bearer token (--token or ANNALS_TOKEN) to accept documents"}
	}
	auth := r.Header.Get("Authorization")
	scheme, tok, _ := strings.Cut(auth, " ")
	if !strings.EqualFold(scheme, "Bearer") || subtle.ConstantTimeCompare([]byte(strings.TrimSpace(tok)), []byte(s.Token)) != 1 {
		return &RequestError{Status: http.StatusUnauthorized, Code: CodeUnauthorized,
			Message: "missing or wrong bearer token"}
	}
	return nil
}

// handlePostDocuments codes the documents of the body and stores them. The
// body is one document or a batch, in any format package source reads:
// a JSON object {"id", "text" | "html", "published", "url", "title"}, a
// JSON array or JSON Lines of them, plain text or an HTML page.
func (s *Server) handlePostDocuments(w http.ResponseWriter, r *http.Request) {
	res, status, err := s.postDocuments(r)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	writeJSON(w, status, res)
}

func (s *Server) postDocuments(r *http.Request) (*IngestResult, int, error) {
	if err := s.authorize(r); err != nil {
		return nil, 0, err
	}
	p := newParams(r.URL.Query())
	meta := event.Article{ID: p.get("id"), URL: p.get("url"), Title: p.get("title"), Published: p.date("published")}
	if err := p.err(); err != nil {
		return nil, 0, err
	}
	if r.ContentLength > s.MaxBodyBytes {
		return nil, 0, &http.MaxBytesError{Limit: s.MaxBodyBytes}
	}
	ctx := r.Context()
	select {
	case s.ingest <- struct{}{}:
		defer func() { <-s.ingest }()
	case <-ctx.Done():
		return nil, 0, ctx.Err()
	}
	body, err := io.ReadAll(r.Body)
	if err != nil {
		var tooLarge *http.MaxBytesError
		if errors.As(err, &tooLarge) {
			return nil, 0, err
		}
		return nil, 0, invalidf("could not read the request body")
	}
	articles, err := readBody(ctx, body, s.MaxBodyBytes)
	if err != nil {
		return nil, 0, err
	}
	if meta.ID != "" || meta.URL != "" || meta.Title != "" || !meta.Published.IsZero() {
		if len(articles) != 1 {
			return nil, 0, invalidf("id, url, title and published parameters describe one document; the body holds %d", len(articles))
		}
		a := articles[0]
		a.ID = cmp.Or(meta.ID, a.ID)
		a.URL = cmp.Or(meta.URL, a.URL)
		a.Title = cmp.Or(meta.Title, a.Title)
		if !meta.Published.IsZero() {
			a.Published = meta.Published
		}
	}
	coded, err := s.code(ctx, articles)
	if err != nil {
		return nil, 0, err
	}
	res := &IngestResult{Documents: make([]IngestedDocument, 0, len(coded))}
	for _, c := range coded {
		doc := store.NewDocument(c)
		if s.Prepare != nil {
			if err := s.Prepare.Prepare(ctx, doc); err != nil {
				return nil, 0, fmt.Errorf("prepare document %q: %w", c.Document.ID, err)
			}
		}
		pr, err := s.Store.PutDocument(ctx, doc, s.Merger)
		if err != nil {
			return nil, 0, fmt.Errorf("store document %q: %w", c.Document.ID, err)
		}
		res.Documents = append(res.Documents, IngestedDocument{ID: c.Document.ID, URL: c.Document.URL, PutResult: pr})
		if pr.Skipped {
			res.Skipped++
			continue
		}
		res.Stored++
		res.Mentions += pr.Mentions
		res.NewEvents += pr.NewEvents
	}
	status := http.StatusOK
	if res.Stored > 0 {
		status = http.StatusCreated
	}
	return res, status, nil
}

// readBody reads the articles of a request body. A JSON object spread over
// several lines is compacted to one, and a JSON array becomes JSON Lines,
// so that package source reads them as a batch. Any unreadable document
// fails the whole request: nothing is stored.
func readBody(ctx context.Context, body []byte, maxBytes int64) ([]*event.Article, error) {
	trimmed := bytes.TrimSpace(bytes.TrimPrefix(body, []byte("\uFEFF")))
	if len(trimmed) == 0 {
		return nil, invalidf("empty body: want a document or a batch of them")
	}
	switch trimmed[0] {
	case '[':
		var docs []json.RawMessage
		if err := json.Unmarshal(trimmed, &docs); err != nil {
			return nil, invalidf("body: a JSON array of documents that does not parse: %v", err)
		}
		var b bytes.Buffer
		for _, d := range docs {
			if err := json.Compact(&b, d); err != nil {
				return nil, invalidf("body: %v", err)
			}
			b.WriteByte('\n')
		}
		body = b.Bytes()
	case '{':
		if json.Valid(trimmed) {
			var b bytes.Buffer
			if err := json.Compact(&b, trimmed); err == nil {
				body = b.Bytes()
			}
		}
	}
	var (
		articles []*event.Article
		errs     []string
	)
	for a, err := range source.ReadFrom(ctx, "body", bytes.NewReader(body), source.Options{MaxBytes: maxBytes}) {
		if err != nil {
			if ctx.Err() != nil {
				return nil, ctx.Err()
			}
			if len(errs) < maxBodyErrors {
				errs = append(errs, err.Error())
			}
			continue
		}
		articles = append(articles, a)
	}
	if len(errs) > 0 {
		return nil, invalidf("nothing stored: %s", strings.Join(errs, "; "))
	}
	if len(articles) == 0 {
		return nil, invalidf("the body holds no document")
	}
	return articles, nil
}

// code runs the pipeline over articles and returns the coded documents in
// order.
func (s *Server) code(ctx context.Context, articles []*event.Article) ([]*event.Coded, error) {
	var out []*event.Coded
	var readErr error
	in := func(yield func(*event.Article, error) bool) {
		for _, a := range articles {
			if !yield(a, nil) {
				return
			}
		}
	}
	err := s.Pipeline.Run(ctx, in, func(c *event.Coded) error {
		out = append(out, c)
		return nil
	}, func(err error) { readErr = err })
	if err == nil {
		err = readErr
	}
	if err != nil {
		return nil, fmt.Errorf("code documents: %w", err)
	}
	return slices.Clip(out), nil
}
