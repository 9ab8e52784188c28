package main_test

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/annals-project/annals/internal/sharedtest"
)

var summaryLine = regexp.MustCompile(`(?m)^events P=\d\.\d\d R=\d\.\d\d F1=\d\.\d\d strict=\d\.\d\d( date=\d\.\d\d)?( location=\d\.\d\d)? \(\d+/\d+ required, \d+ judged\) · quotes P=\d\.\d\d R=\d\.\d\d · docs=\d+$`)

var acledLine = regexp.MustCompile(`(?m)^acled-type acc=\d\.\d{3} wF1=\d\.\d{3} macroF1=\d\.\d{3} none-false-alarm=\d\.\d\d docs=\d+$`)

func TestEval(t *testing.T) {
	dir := t.TempDir()
	gdir := filepath.Join("testdata", "eval", "dir")
	batch := filepath.Join("testdata", "eval", "batch.jsonl")
	snap := filepath.Join(dir, "run.json")

	out, errs, code := MustRun(t, "", "eval", "-v", "--acled", "--save", snap, gdir, batch)
	if code != 0 {
		t.Fatalf("eval: exit %d, stderr:\n%s", code, errs)
	}
	if n := len(summaryLine.FindAllString(out, -1)); n != 2 {
		t.Errorf("eval printed %d summary lines, want 2 (one per GOLD):\n%s", n, out)
	}
	if !strings.Contains(out, "docs=1\n") || !strings.Contains(out, "docs=3\n") {
		t.Errorf("eval: want docs=1 for the directory and docs=3 for the batch:\n%s", out)
	}
	if n := len(acledLine.FindAllString(out, -1)); n != 2 {
		t.Errorf("eval --acled printed %d acled-type lines, want 2:\n%s", n, out)
	}
	if !strings.Contains(out, "── "+gdir) || !strings.Contains(out, "council.gold.json\n") ||
		!strings.Contains(out, "  MISS E9   roots=20 :: the ferry capsized") {
		t.Errorf("eval -v: want set headers and the miss of E9:\n%s", out)
	}

	// The saved run lists every required gold item.
	var s struct {
		Sets []struct {
			Gold string
			Docs []struct {
				Doc            string
				Items          []map[string]string
				FalsePositives []string `json:"false_positives"`
			}
		}
	}
	b, err := os.ReadFile(snap)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &s); err != nil {
		t.Fatalf("--save wrote bad JSON: %v", err)
	}
	if len(s.Sets) != 2 || len(s.Sets[0].Docs) != 1 || len(s.Sets[0].Docs[0].Items) != 4 || len(s.Sets[1].Docs) != 3 {
		t.Fatalf("--save: want 2 sets, 1 document with 3 events and 1 quote, then 3 documents; got\n%s", b)
	}

	// Compared with itself, nothing changed.
	out, errs, code = MustRun(t, "", "eval", "--acled", "--baseline", snap, gdir, batch)
	if code != 0 || !strings.Contains(out, "compared with "+snap) || !strings.HasSuffix(out, "\n0 better, 0 worse\n") {
		t.Errorf("eval --baseline with the same run: exit %d, want no changes:\n%s%s", code, out, errs)
	}

	// A doctored baseline where E9 was hit and a false positive existed.
	var raw map[string]any
	if err := json.Unmarshal(b, &raw); err != nil {
		t.Fatal(err)
	}
	doc := raw["sets"].([]any)[0].(map[string]any)["docs"].([]any)[0].(map[string]any)
	for _, it := range doc["items"].([]any) {
		if it := it.(map[string]any); it["id"] == "E9" {
			it["status"] = "hit"
		}
	}
	doc["false_positives"] = append(anySlice(doc["false_positives"]), "root=20 src= tgt= :: an old mistake")
	old := filepath.Join(dir, "old.json")
	b, _ = json.Marshal(raw)
	writeFile(t, dir, "old.json", string(b))
	out, errs, code = MustRun(t, "", "eval", "--baseline", old, gdir)
	if code != 0 {
		t.Fatalf("eval --baseline: exit %d, stderr:\n%s", code, errs)
	}
	for _, want := range []string{
		"- council.gold.json: event E9 hit → miss",
		"+ council.gold.json: false positive gone: root=20 src= tgt= :: an old mistake",
		"\n1 better, 1 worse\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("eval --baseline: output lacks %q:\n%s", want, out)
		}
	}
}

func anySlice(v any) []any {
	s, _ := v.([]any)
	return s
}

func TestEvalErrors(t *testing.T) {
	dir := t.TempDir()
	bad := writeFile(t, dir, "bad.json", "{not json")
	noDoc := writeFile(t, dir, "lost.gold.json", `{"doc": "nowhere.txt", "events": []}`)
	gdir := filepath.Join("testdata", "eval", "dir")
	tests := []struct {
		name   string
		args   []string
		code   int
		stderr string
	}{
		{"no gold", []string{"eval"}, 2, "at least one GOLD"},
		{"missing gold", []string{"eval", filepath.Join(dir, "none.jsonl")}, 1, "no such file"},
		{"bad baseline", []string{"eval", "--baseline", bad, gdir}, 1, "baseline"},
		{"document missing", []string{"eval", noDoc}, 1, "nowhere.txt"},
		{"verbs without actors", []string{"eval", "--verbs", bad, gdir}, 2, "--verbs and --actors"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, errs, code := MustRun(t, "", tt.args...)
			if code != tt.code || !strings.Contains(errs, tt.stderr) {
				t.Errorf("exit %d, stderr %q; want exit %d and %q", code, errs, tt.code, tt.stderr)
			}
		})
	}
}

// TestEvalMatchesReferenceScorers runs the reference scorers on the
// output of a freshly built annals and checks that eval prints the same
// summary lines.
func TestEvalMatchesReferenceScorers(t *testing.T) {
	if testing.Short() {
		t.Skip("slow: builds annals and codes the gold twice")
	}
	shared := sharedtest.Dir(t)
	python, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 not on PATH")
	}
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("go not on PATH")
	}
	bin := filepath.Join(t.TempDir(), "annals")
	if out, err := exec.Command(goTool, "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	reference := func(script string, args ...string) string {
		t.Helper()
		cmd := exec.Command(python, append([]string{filepath.Join(shared, "eval", script)}, args...)...)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("%s: %v\n%s", script, err, stderr.String())
		}
		lines := strings.Split(strings.TrimSpace(string(out)), "\n")
		return lines[len(lines)-1]
	}
	code := []string{"--", bin, "code", "--format", "json"}
	tests := []struct {
		name  string
		gold  string
		acled bool
	}{
		{"seed", filepath.Join(shared, "gold", "seed"), false},
		{"acled dev", filepath.Join(shared, "gold", "acled-bangladesh-dev.gold.jsonl"), true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want := reference("score.py", append([]string{"-q", tt.gold}, code...)...)
			args := []string{"eval", tt.gold}
			if tt.acled {
				args = []string{"eval", "--acled", tt.gold}
			}
			out, errs, status := MustRun(t, "", args...)
			if status != 0 {
				t.Fatalf("eval: exit %d, stderr:\n%s", status, errs)
			}
			lines := strings.Split(strings.TrimSpace(out), "\n")
			if lines[0] != want {
				t.Errorf("eval summary differs from score.py:\n eval:     %s\n score.py: %s", lines[0], want)
			}
			if !tt.acled {
				return
			}
			want = reference("score_acled_type.py", append([]string{tt.gold}, code...)...)
			if len(lines) < 2 || lines[1] != want {
				t.Errorf("eval --acled line differs from score_acled_type.py:\n eval:                %s\n score_acled_type.py: %s", lines[len(lines)-1], want)
			}
		})
	}
}
