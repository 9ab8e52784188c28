package api

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"

	"github.com/annals-project/annals/internal/store"
)

// The error codes of the JSON error body. Each goes with one HTTP status.
const (
	CodeInvalid      = "invalid"            // 400: a bad parameter or body
	CodeUnauthorized = "unauthorized"       // 401: missing or wrong bearer token
	CodeForbidden    = "forbidden"          // 403: writes are disabled
	CodeNotFound     = "not_found"          // 404
	CodeMethod       = "method_not_allowed" // 405
	CodeConflict     = "conflict"           // 409
	CodeTooLarge     = "too_large"          // 413: request body over the limit
	CodeUnavailable  = "unavailable"        // 503: timed out or shutting down
	CodeInternal     = "internal"           // 500: details are logged, not shown
)

// A RequestError is an error whose message is meant for the client: a bad
// parameter, a refused write. Handlers return it; Error writes it as is.
type RequestError struct {
	Status  int
	Code    string
	Message string
}

// Error returns the message.
func (e *RequestError) Error() string { return e.Message }

// invalidf returns a 400 RequestError.
func invalidf(format string, args ...any) *RequestError {
	return &RequestError{Status: http.StatusBadRequest, Code: CodeInvalid, Message: fmt.Sprintf(format, args...)}
}

// errorBody is the JSON shape of every error response.
type errorBody struct {
	Error struct {
		Code    string `json:"code"`
		Message string `json:"message"`
	} `json:"error"`
}

// Error writes err as a JSON error response, choosing the status from its
// kind: a *RequestError keeps its own; store.ErrNotFound is 404,
// store.ErrInvalid 400 and store.ErrConflict 409, with the error's text (it
// describes the request); an oversized body is 413; a timeout 503.
// Anything else is a 500 whose details go to s.Logger and not to the
// client.
func (s *Server) Error(w http.ResponseWriter, r *http.Request, err error) {
	status, code, msg := classify(err)
	if status >= 500 {
		s.logger().LogAttrs(r.Context(), slog.LevelError, "request failed",
			slog.String("method", r.Method), slog.String("path", r.URL.Path), slog.Int("status", status),
			slog.String("error", err.Error()))
	}
	if status == http.StatusUnauthorized {
		w.Header().Set("WWW-Authenticate", `Bearer realm="annals"`)
	}
	var body errorBody
	body.Error.Code, body.Error.Message = code, msg
	writeJSON(w, status, &body)
}

// classify maps an error to a status, a code and the message shown.
func classify(err error) (status int, code, msg string) {
	var re *RequestError
	var tooLarge *http.MaxBytesError
	switch {
	case errors.As(err, &re):
		return re.Status, re.Code, re.Message
	case errors.As(err, &tooLarge):
		return http.StatusRequestEntityTooLarge, CodeTooLarge,
			fmt.Sprintf("request body over the limit of %d bytes", tooLarge.Limit)
	case errors.Is(err, store.ErrNotFound):
		return http.StatusNotFound, CodeNotFound, err.Error()
	case errors.Is(err, store.ErrInvalid):
		return http.StatusBadRequest, CodeInvalid, err.Error()
	case errors.Is(err, store.ErrConflict):
		return http.StatusConflict, CodeConflict, err.Error()
	case errors.Is(err, context.DeadlineExceeded), errors.Is(err, context.Canceled):
		return http.StatusServiceUnavailable, CodeUnavailable, "the request timed out or the server is shutting down"
	}
	return http.StatusInternalServerError, CodeInternal, "internal error"
}

// writeJSON writes v with status. An encoding error can only be logged by
// the caller's middleware: the status line is already sent.
func writeJSON(w http.ResponseWriter, status int, v any) {
	h := w.Header()
	if h.Get("Content-Type") == "" {
		h.Set("Content-Type", "application/json; charset=utf-8")
	}
	h.Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	_ = enc.Encode(v)
}
