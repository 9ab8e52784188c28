package quote_test

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/annals-project/annals/internal/nlp"
	"github.com/annals-project/annals/internal/quote"
)

var update = flag.Bool("update", false, "update golden files")

// TestGolden runs Find over testdata/golden/*.in (blocks separated by blank
// lines, with the kind tags of article) and compares the quotations, one
// per line, with the .golden file beside it.
func TestGolden(t *testing.T) {
	ins, err := filepath.Glob(filepath.Join("testdata", "golden", "*.in"))
	if err != nil || len(ins) == 0 {
		t.Fatalf("no golden inputs: %v", err)
	}
	for _, in := range ins {
		name := strings.TrimSuffix(filepath.Base(in), ".in")
		t.Run(name, func(t *testing.T) {
			src, err := os.ReadFile(in)
			if err != nil {
				t.Fatal(err)
			}
			a := article(string(src))
			got := strings.Join(renderAll(a.Text, quote.Find(a, nlp.Sentences(a))), "\n") + "\n"
			golden := strings.TrimSuffix(in, ".in") + ".golden"
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("read golden (run with -update): %v", err)
			}
			if diff := cmp.Diff(string(want), got); diff != "" {
				t.Errorf("Find(%s) mismatch (-want +got):\n%s", in, diff)
			}
		})
	}
}
