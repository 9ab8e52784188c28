package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/evanw/esbuild/pkg/api"

	"github.com/annals-project/annals/internal/cameo"
	"github.com/annals-project/annals/internal/export"
)

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "build:", err)
		os.Exit(1)
	}
}

func run(args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("build", flag.ContinueOnError)
	root := fs.String("root", "", "repository `folder` (default: the one holding go.mod above the working directory)")
	sourcemap := fs.Bool("sourcemap", false, "write app.js.map and app.css.map beside the bundle")
	dev := fs.Bool("dev", false, "do not minify")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *root == "" {
		wd, err := os.Getwd()
		if err != nil {
			return err
		}
		if *root, err = findRoot(wd); err != nil {
			return err
		}
	}
	src := filepath.Join(*root, "web")
	if _, err := os.Stat(filepath.Join(src, "node_modules")); err != nil {
		return fmt.Errorf("no %s: run `npm ci` in web/ first", filepath.Join(src, "node_modules"))
	}
	out := filepath.Join(*root, "internal", "web", "static", "dist")
	if err := os.RemoveAll(out); err != nil {
		return err
	}
	data, err := dataModule(*root)
	if err != nil {
		return err
	}
	opts := api.BuildOptions{
		EntryPoints:       []string{filepath.Join(src, "src", "app.js")},
		AbsWorkingDir:     src,
		Bundle:            true,
		Write:             true,
		Outdir:            out,
		Format:            api.FormatIIFE,
		Platform:          api.PlatformBrowser,
		Target:            api.ES2020,
		MinifyWhitespace:  !*dev,
		MinifyIdentifiers: !*dev,
		MinifySyntax:      !*dev,
		LegalComments:     api.LegalCommentsEndOfFile,
		Charset:           api.CharsetUTF8,
		Metafile:          true,
		LogLevel:          api.LogLevelWarning,
		Plugins:           []api.Plugin{dataPlugin(data)},
	}
	if *sourcemap {
		opts.Sourcemap = api.SourceMapLinked
	}
	res := api.Build(opts)
	if len(res.Errors) > 0 {
		msgs := api.FormatMessages(res.Errors, api.FormatMessagesOptions{Kind: api.ErrorMessage})
		return fmt.Errorf("esbuild:\n%s", strings.Join(msgs, ""))
	}
	var meta struct {
		Outputs map[string]struct{ Bytes int } `json:"outputs"`
	}
	if err := json.Unmarshal([]byte(res.Metafile), &meta); err != nil {
		return fmt.Errorf("read esbuild metafile: %w", err)
	}
	names := make([]string, 0, len(meta.Outputs))
	for name := range meta.Outputs {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		fmt.Fprintf(stdout, "%s\t%d bytes\n", name, meta.Outputs[name].Bytes)
	}
	return nil
}

// findRoot returns the nearest folder at or above dir that holds go.mod.
func findRoot(dir string) (string, error) {
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		up := filepath.Dir(dir)
		if up == dir {
			return "", errors.New("no go.mod above the working directory; give -root")
		}
		dir = up
	}
}

// data is the content of the "annals:data" module.
type data struct {
	// Countries maps ISO 3166-1 alpha-3 codes to short English names;
	// Numeric maps the three-digit numeric codes (world-atlas's feature
	// IDs) to alpha-3 codes.
	Countries map[string]string `json:"countries"`
	Numeric   map[string]string `json:"numeric"`
	// Codes maps CAMEO event codes to their names.
	Codes map[string]string `json:"codes"`
}

// dataModule reads the tables the scripts share with the Go pages.
func dataModule(root string) ([]byte, error) {
	d := data{Countries: map[string]string{}, Numeric: map[string]string{}, Codes: map[string]string{}}
	t, err := cameo.Default()
	if err != nil {
		return nil, err
	}
	for e := range t.All() {
		d.Codes[string(e.Code)] = e.Name
	}
	name := filepath.Join(root, "internal", "export", filepath.FromSlash(export.CountriesFile))
	b, err := os.ReadFile(name)
	if err != nil {
		return nil, fmt.Errorf("read country table: %w", err)
	}
	sc := bufio.NewScanner(bytes.NewReader(b))
	line := 0
	for sc.Scan() {
		line++
		text := sc.Text()
		if text == "" || strings.HasPrefix(text, "#") || strings.HasPrefix(text, "iso3\t") {
			continue
		}
		f := strings.Split(text, "\t")
		if len(f) < 4 || len(f[0]) != 3 {
			return nil, fmt.Errorf("%s:%d: want iso3, numeric, fips, name", name, line)
		}
		d.Countries[f[0]] = f[3]
		if f[1] != "" {
			d.Numeric[f[1]] = f[0]
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read country table: %w", err)
	}
	return json.Marshal(d)
}

// dataPlugin serves "annals:data" from memory.
func dataPlugin(contents []byte) api.Plugin {
	s := string(contents)
	return api.Plugin{
		Name: "annals-data",
		Setup: func(b api.PluginBuild) {
			b.OnResolve(api.OnResolveOptions{Filter: `^annals:data$`}, func(a api.OnResolveArgs) (api.OnResolveResult, error) {
				return api.OnResolveResult{Path: a.Path, Namespace: "annals"}, nil
			})
			b.OnLoad(api.OnLoadOptions{Filter: `.*`, Namespace: "annals"}, func(api.OnLoadArgs) (api.OnLoadResult, error) {
				return api.OnLoadResult{Contents: &s, Loader: api.LoaderJSON}, nil
			})
		},
	}
}
