package main_test

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	main "github.com/annals-project/annals/cmd/annals"
)

// MustRun runs annals with args and returns its stdout, stderr and exit
// status.
func MustRun(tb testing.TB, stdin string, args ...string) (stdout, stderr string, code int) {
	tb.Helper()
	var out, errb bytes.Buffer
	m := &main.Main{Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errb}
	code = m.ExitCode(m.Run(context.Background(), args))
	return out.String(), errb.String(), code
}

func writeFile(tb testing.TB, dir, name, content string) string {
	tb.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		tb.Fatal(err)
	}
	return p
}

const story = `Protesters blocked roads in the capital on Monday.
Police said 30 people were detained after the rally.
— City Desk (@citydesk) May 4, 2023
`

func TestCodeJSONContract(t *testing.T) {
	dir := t.TempDir()
	p := writeFile(t, dir, "story.txt", story)
	out, errs, code := MustRun(t, "", "code", "--format", "json", p)
	if code != 0 {
		t.Fatalf("exit %d, stderr:\n%s", code, errs)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 1 {
		t.Fatalf("got %d JSON lines, want 1:\n%s", len(lines), out)
	}
	var got map[string]any
	if err := json.Unmarshal([]byte(lines[0]), &got); err != nil {
		t.Fatalf("output is not JSON: %v\n%s", err, lines[0])
	}
	for _, k := range []string{"document", "sentences", "events", "quotes", "entities"} {
		if _, ok := got[k]; !ok {
			t.Errorf("output lacks %q: %s", k, lines[0])
		}
	}
	doc := got["document"].(map[string]any)
	if doc["anchor"] != "2023-05-04" || doc["anchor_source"] != "text" {
		t.Errorf("anchor = %v (%v), want 2023-05-04 (text)", doc["anchor"], doc["anchor_source"])
	}
	if n := len(got["sentences"].([]any)); n != 3 {
		t.Errorf("got %d sentences, want 3", n)
	}
}

func TestCodePublishedFlag(t *testing.T) {
	out, errs, code := MustRun(t, "Ministers met in Rome.\n", "code", "--format", "json", "--published", "2021-02-03")
	if code != 0 {
		t.Fatalf("exit %d, stderr:\n%s", code, errs)
	}
	if !strings.Contains(out, `"anchor":"2021-02-03","anchor_source":"flag"`) {
		t.Errorf("stdin document with --published: want anchor from the flag, got\n%s", out)
	}
}

func TestExtractJSON(t *testing.T) {
	dir := t.TempDir()
	p := writeFile(t, dir, "story.txt", story)
	out, errs, code := MustRun(t, "", "extract", "--format", "json", p)
	if code != 0 {
		t.Fatalf("exit %d, stderr:\n%s", code, errs)
	}
	var got struct {
		Document struct {
			Text   string `json:"text"`
			Blocks []struct {
				Kind string `json:"kind"`
			} `json:"blocks"`
		} `json:"document"`
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("output is not one JSON object: %v\n%s", err, out)
	}
	if !strings.HasPrefix(got.Document.Text, "Protesters blocked roads") || len(got.Document.Blocks) == 0 {
		t.Errorf("extract text/blocks wrong: %+v", got.Document)
	}
}

func TestExitStatus(t *testing.T) {
	dir := t.TempDir()
	good := writeFile(t, dir, "good.txt", story)
	missing := filepath.Join(dir, "missing.txt")
	tests := []struct {
		name     string
		args     []string
		code     int
		stderr   string // substring
		docsSeen int
	}{
		{"no command", nil, 2, "Usage", 0},
		{"unknown command", []string{"frobnicate"}, 2, `unknown command "frobnicate"`, 0},
		{"bad format", []string{"code", "--format", "xml", good}, 2, `--format "xml"`, 0},
		{"bad date", []string{"code", "--published", "yesterday", good}, 2, "YYYY-MM-DD", 0},
		{"missing file still codes the rest", []string{"code", "--format", "json", missing, good}, 1, "missing.txt", 1},
		{"help", []string{"help", "code"}, 0, "-verbs file", 0},
		{"version", []string{"version"}, 0, "", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, errs, code := MustRun(t, "", tt.args...)
			if code != tt.code {
				t.Errorf("exit status = %d, want %d; stderr:\n%s", code, tt.code, errs)
			}
			if !strings.Contains(errs, tt.stderr) {
				t.Errorf("stderr = %q, want it to contain %q", errs, tt.stderr)
			}
			if n := strings.Count(out, `"document"`); n != tt.docsSeen {
				t.Errorf("printed %d documents, want %d", n, tt.docsSeen)
			}
		})
	}
}
