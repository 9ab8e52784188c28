package postgres_test

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// schemaOf reads the migrations in dir and returns each table's columns
// (those a later migration adds come last) and each index's table and
// columns, in a dialect-neutral form.
func schemaOf(t *testing.T, dir string) map[string]string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.sql"))
	if err != nil || len(files) == 0 {
		t.Fatalf("migrations in %s: %v", dir, err)
	}
	slices.Sort(files)
	var all strings.Builder
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		all.Write(b)
	}
	comment := regexp.MustCompile(`--[^\n]*`)
	src := comment.ReplaceAllString(all.String(), "")
	out := map[string]string{}
	table := regexp.MustCompile(`(?s)CREATE TABLE (\w+) \((.*?)\n\);`)
	for _, m := range table.FindAllStringSubmatch(src, -1) {
		var cols []string
		for _, line := range strings.Split(m[2], "\n") {
			f := strings.Fields(strings.TrimSpace(line))
			if len(f) == 0 || f[0] == "UNIQUE" || f[0] == "PRIMARY" || f[0] == "FOREIGN" || f[0] == "tsv" {
				continue // tsv is PostgreSQL's full-text column; SQLite has FTS5 tables
			}
			cols = append(cols, f[0])
		}
		out["table "+m[1]] = strings.Join(cols, " ")
	}
	alter := regexp.MustCompile(`ALTER TABLE (\w+) ADD COLUMN (\w+)`)
	for _, m := range alter.FindAllStringSubmatch(src, -1) {
		out["table "+m[1]] += " " + m[2]
	}
	// Indexes in the order the migrations create and drop them.
	index := regexp.MustCompile(`CREATE INDEX (\w+) ON (\w+) (?:USING \w+ )?\(([^)]*)\)|DROP INDEX (\w+)`)
	for _, m := range index.FindAllStringSubmatch(src, -1) {
		switch {
		case m[4] != "":
			delete(out, "index "+m[4])
		case !strings.HasSuffix(m[1], "_tsv"):
			out["index "+m[1]] = m[2] + " " + m[3]
		}
	}
	return out
}

// TestSchemaMatchesSQLite checks that both dialects have the same tables,
// columns in the same order, and indexes.
func TestSchemaMatchesSQLite(t *testing.T) {
	pg := schemaOf(t, "migrations")
	lite := schemaOf(t, filepath.Join("..", "sqlite", "migrations"))
	if len(pg) < 10 {
		t.Fatalf("parsed only %d tables and indexes from the PostgreSQL migrations", len(pg))
	}
	if diff := cmp.Diff(lite, pg); diff != "" {
		t.Errorf("schemas differ (-sqlite +postgres):\n%s", diff)
	}
}
