package web

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"log/slog"
	"net/http"
	"strings"

	"github.com/annals-project/annals/internal/alert"
	"github.com/annals-project/annals/internal/cameo"
	"github.com/annals-project/annals/internal/export"
	"github.com/annals-project/annals/internal/store"
)

// files holds the templates and the static tree. all: keeps static/README.md
// and, when the bundle was built, static/dist/ with its dot-free names.
//
//go:embed templates all:static
var files embed.FS

// Options configures Handler. Store is required; the zero values of the
// other fields work.
type Options struct {
	// Store is queried by every page.
	Store store.Store
	// Logger receives the errors of failed pages; nil discards them.
	Logger *slog.Logger
	// FS, when set, replaces the embedded files. It must hold templates/
	// and static/ as this package's folder does, so that during development
	// os.DirFS("internal/web") serves the working tree (a freshly built
	// bundle, edited templates) without rebuilding annals.
	FS fs.FS
	// Title names the dashboard in headings and page titles; "" means
	// "annals".
	Title string
	// Alerts, when set, adds a "Recent alerts" panel to the dashboard
	// page, linking the events that drove each alert and the Atom feed
	// at /alerts.atom, which the caller serves. nil leaves the page
	// without it.
	Alerts alert.Lister
}

// The pages Handler renders, each a template file of templates/ that
// defines "content" for layout.html.
var pageNames = []string{"dashboard", "event", "actor", "actors", "error"}

// Bundle files, relative to static/, that the pages load when present.
const (
	bundleJS  = "dist/app.js"
	bundleCSS = "dist/app.css"
)

// server renders the dashboard's pages.
type server struct {
	store     store.Store
	alerts    alert.Lister
	log       *slog.Logger
	title     string
	pages     map[string]*template.Template
	static    fs.FS
	assets    assets
	codes     *cameo.Table
	countries *export.Tables
	versions  map[string]string // static path → content hash
}

// assets are the URLs of the stylesheets and script every page links.
type assets struct {
	CSS []string
	// JS is the bundle's URL, "" when static/dist/ holds none.
	JS string
}

// Handler returns the dashboard's routes: "/" (the map, the timeline, the
// filters and the event list), /events/{id}, /actors, /actors/{code},
// /fragment/events (the list alone, which the scripts fetch) and the files
// under /static/. Every other path is an HTML 404. Cmd mounts it at "/"
// beside the JSON API at /api/, which the scripts call. It returns an error
// when the templates or the tables cannot be loaded, which only happens
// with a bad Options.FS.
func Handler(opts Options) (http.Handler, error) {
	if opts.Store == nil {
		return nil, errors.New("web: nil store")
	}
	fsys := opts.FS
	if fsys == nil {
		fsys = files
	}
	s := &server{
		store:    opts.Store,
		alerts:   opts.Alerts,
		log:      opts.Logger,
		title:    opts.Title,
		pages:    map[string]*template.Template{},
		versions: map[string]string{},
	}
	if s.log == nil {
		s.log = slog.New(slog.DiscardHandler)
	}
	if s.title == "" {
		s.title = "annals"
	}
	var err error
	if s.codes, err = cameo.Default(); err != nil {
		return nil, fmt.Errorf("web: load cameo codes: %w", err)
	}
	if s.countries, err = export.DefaultTables(); err != nil {
		return nil, fmt.Errorf("web: load country table: %w", err)
	}
	if s.static, err = fs.Sub(fsys, "static"); err != nil {
		return nil, fmt.Errorf("web: static files: %w", err)
	}
	for _, name := range []string{"base.css", bundleCSS, bundleJS} {
		b, err := fs.ReadFile(s.static, name)
		if errors.Is(err, fs.ErrNotExist) && strings.HasPrefix(name, "dist/") {
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("web: read static file: %w", err)
		}
		sum := sha256.Sum256(b)
		s.versions[name] = hex.EncodeToString(sum[:6])
		url := "/static/" + name + "?v=" + s.versions[name]
		if name == bundleJS {
			s.assets.JS = url
		} else {
			s.assets.CSS = append(s.assets.CSS, url)
		}
	}
	funcs := s.funcs()
	for _, name := range pageNames {
		t, err := template.New("layout.html").Funcs(funcs).ParseFS(fsys,
			"templates/layout.html", "templates/parts.html", "templates/"+name+".html")
		if err != nil {
			return nil, fmt.Errorf("web: parse template %s: %w", name, err)
		}
		s.pages[name] = t
	}

	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", s.handleDashboard)
	mux.HandleFunc("GET /fragment/events", s.handleEventsFragment)
	mux.HandleFunc("GET /events/{id}", s.handleEvent)
	mux.HandleFunc("GET /actors", s.handleActors)
	mux.HandleFunc("GET /actors/{code}", s.handleActor)
	mux.Handle("GET /static/", http.StripPrefix("/static/", s.staticHandler()))
	mux.HandleFunc("/", s.handleNotFound)
	return headers(mux), nil
}

// contentSecurityPolicy allows nothing but this origin: no inline script,
// no CDN, no tile server. Inline style attributes are refused too; the
// scripts set styles through the DOM, which CSP does not govern.
const contentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
	"connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

// headers sets the security headers of every answer.
func headers(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", contentSecurityPolicy)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		next.ServeHTTP(w, r)
	})
}

// staticHandler serves static/. A request that names the current content
// hash (?v=…, as the pages link them) may be cached for good; others are
// revalidated. Folders are not listed.
func (s *server) staticHandler() http.Handler {
	files := http.FileServerFS(s.static)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name := r.URL.Path
		if name == "" || strings.HasSuffix(name, "/") {
			s.handleNotFound(w, r)
			return
		}
		if v := r.URL.Query().Get("v"); v != "" && v == s.versions[name] {
			w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
		} else {
			w.Header().Set("Cache-Control", "no-cache")
		}
		files.ServeHTTP(w, r)
	})
}

// render executes page into a buffer and writes it with status, so that a
// failing template yields a clean 500 rather than half a page.
func (s *server) render(w http.ResponseWriter, r *http.Request, status int, page string, data any) {
	var buf bytes.Buffer
	if err := s.pages[page].Execute(&buf, data); err != nil {
		s.fail(w, r, fmt.Errorf("render %s: %w", page, err))
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}

// renderPart executes one named template of a page's set, for fragments.
func (s *server) renderPart(w http.ResponseWriter, r *http.Request, page, name string, data any) {
	var buf bytes.Buffer
	if err := s.pages[page].ExecuteTemplate(&buf, name, data); err != nil {
		s.fail(w, r, fmt.Errorf("render %s: %w", name, err))
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Write(buf.Bytes())
}

// errorPage is the data of templates/error.html.
type errorPage struct {
	Page
	Status  int
	Message string
}

// fail answers an unexpected error with a generic 500 page and logs the
// details, which the user never sees.
func (s *server) fail(w http.ResponseWriter, r *http.Request, err error) {
	s.log.LogAttrs(r.Context(), slog.LevelError, "dashboard",
		slog.String("path", r.URL.Path), slog.String("error", err.Error()))
	s.errorPage(w, r, http.StatusInternalServerError, "Something went wrong on the server. Try again, or see the server's log.")
}

// errorPage answers with the error template, falling back to plain text if
// even that fails.
func (s *server) errorPage(w http.ResponseWriter, r *http.Request, status int, msg string) {
	var buf bytes.Buffer
	data := errorPage{Page: s.page(r, http.StatusText(status)), Status: status, Message: msg}
	if err := s.pages["error"].Execute(&buf, data); err != nil {
		s.log.LogAttrs(r.Context(), slog.LevelError, "dashboard", slog.String("error", err.Error()))
		http.Error(w, msg, status)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}

func (s *server) handleNotFound(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		s.errorPage(w, r, http.StatusMethodNotAllowed, "The dashboard only answers GET requests.")
		return
	}
	s.errorPage(w, r, http.StatusNotFound, "There is no page at "+r.URL.Path+".")
}
