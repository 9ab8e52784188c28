package api_test

import (
	"context"
	"fmt"
	"log"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"

	"github.com/annals-project/annals/internal/api"
	"github.com/annals-project/annals/internal/store/sqlite"
)

// The API's handler serves /api/ and /healthz; a dashboard mounts beside it.
func ExampleServer_Handler() {
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

	srv := &api.Server{Store: s} // read-only: no Token, no Pipeline
	mux := http.NewServeMux()
	mux.Handle("/api/", srv.Handler())
	mux.Handle("/healthz", srv.Handler())
	mux.Handle("/", http.NotFoundHandler()) // the dashboard's place

	for _, path := range []string{"/api/events?country=KEN", "/api/events?contry=KEN", "/api/events/7"} {
		rec := httptest.NewRecorder()
		mux.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, path, nil))
		fmt.Print(rec.Code, " ", rec.Body.String())
	}
	// Output:
	// 200 {"events":[]}
	// 400 {"error":{"code":"invalid","message":"unknown parameter \"contry\""}}
	// 404 {"error":{"code":"not_found","message":"event 7: not found"}}
}

func ExampleParseEventFilter() {
	q, _ := url.ParseQuery("country=ken&root=14&from=2022-01-01&near=43.25,76.92&radius_km=100")
	f, err := api.ParseEventFilter(q)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(f.Country, f.CAMEO, f.From, *f.Near, f.Order)
	// Output: KEN [14] 2022-01-01 {43.25 76.92 100} -date
}
