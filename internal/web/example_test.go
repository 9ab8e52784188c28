package web_test

import (
	"context"
	"fmt"
	"log"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"

	"github.com/annals-project/annals/internal/store/sqlite"
	"github.com/annals-project/annals/internal/web"
)

// The dashboard is mounted at "/" beside the JSON API, which `annals serve`
// mounts at /api/ and /healthz.
func ExampleHandler() {
	dir, err := os.MkdirTemp("", "annals-example")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)
	s, err := sqlite.Open(context.Background(), filepath.Join(dir, "annals.db"), sqlite.Options{})
	if err != nil {
		log.Fatal(err)
	}
	defer s.Close()

	dash, err := web.Handler(web.Options{Store: s})
	if err != nil {
		log.Fatal(err)
	}
	mux := http.NewServeMux()
	// mux.Handle("/api/", apiServer.Handler())
	mux.Handle("/", dash)

	srv := httptest.NewServer(mux)
	defer srv.Close()
	resp, err := http.Get(srv.URL + "/?country=KEN")
	if err != nil {
		log.Fatal(err)
	}
	resp.Body.Close()
	fmt.Println(resp.Status, resp.Header.Get("Content-Type"))
	// Output: 200 OK text/html; charset=utf-8
}
