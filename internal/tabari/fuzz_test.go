package tabari_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/annals-project/annals/internal/lineerr"
	"github.com/annals-project/annals/internal/tabari"
)

// addSeeds adds our bad-input files whose names start with prefix, and
// the given fragments, to the corpus.
func addSeeds(f *testing.F, prefix string, extra ...string) {
	files, _ := filepath.Glob(filepath.Join("testdata", "bad-dictionaries", prefix+"*.bad.txt"))
	for _, p := range files {
		b, err := os.ReadFile(p)
		if err == nil {
			f.Add(b)
		}
	}
	for _, s := range extra {
		f.Add([]byte(s))
	}
}

// checkErr asserts the error contract: nil, or a lineerr.List whose every
// entry names the file and a line within the input.
func checkErr(t *testing.T, err error, in []byte) {
	t.Helper()
	if err == nil {
		return
	}
	var list lineerr.List
	if !errors.As(err, &list) || list.Len() == 0 {
		t.Fatalf("error %T is not a non-empty lineerr.List: %v", err, err)
	}
	lines := bytes.Count(in, []byte("\n")) + 1
	for _, e := range list {
		if e.File != "fuzz" || e.Line < 1 || e.Line > lines {
			t.Fatalf("error at %s:%d outside the %d-line input: %v", e.File, e.Line, lines, e)
		}
	}
}

func FuzzParseVerbs(f *testing.F) {
	addSeeds(f, "verbs",
		"&SET_\n+A_B\n+&SET2\n&SET2\n+C\n--- X [010] ---\nX {Y Z}\n+P_Q [011]\n- $ * &SET_B {C|D E} (F {G H}) + ^ % [012]\n~ a (b) = c\n",
		"--- A ---\nA\n- IN_*_OUT_ &X_Y [1]\n<!-- x\n-->\n")
	f.Fuzz(func(t *testing.T, in []byte) {
		v, err := tabari.ParseVerbs("fuzz", bytes.NewReader(in))
		checkErr(t, err, in)
		if err != nil {
			return
		}
		for _, p := range v.Patterns {
			if p.VerbIndex() < 0 || p.Block < 0 || p.Block >= len(v.Blocks) {
				t.Fatalf("pattern at line %d: verb index %d, block %d", p.Line, p.VerbIndex(), p.Block)
			}
			for _, e := range p.Elems {
				if e.Kind == tabari.ElemSynset && v.Synsets[e.Text] == nil {
					t.Fatalf("pattern at line %d names undefined synset %s", p.Line, e.Text)
				}
			}
		}
		for _, vb := range v.Verbs {
			for _, fm := range vb.Forms {
				if fm.Head < 0 || fm.Head >= len(fm.Words) {
					t.Fatalf("verb at line %d: head %d of %d words", vb.Line, fm.Head, len(fm.Words))
				}
			}
		}
	})
}

func FuzzParseActors(f *testing.F) {
	addSeeds(f, "actors", "A_B [X]\n+C\n\t[Y <990101]\n\t[Z 19990101-20000101]\nD\n\t[W >000101]\n")
	f.Fuzz(func(t *testing.T, in []byte) {
		actors, err := tabari.ParseActors("fuzz", bytes.NewReader(in))
		checkErr(t, err, in)
		for _, a := range actors {
			if len(a.Names) == 0 {
				t.Fatalf("actor at line %d without a name", a.Line)
			}
			for _, c := range a.Codes {
				if c.Code == "" || strings.ContainsAny(c.Code, " []") {
					t.Fatalf("actor at line %d: bad code %q", a.Line, c.Code)
				}
			}
		}
	})
}

func FuzzParseAgents(f *testing.F) {
	addSeeds(f, "agents", "!P! = A, B\nX!P! [~Y]\nZ {} [W~]\nQ {R} [~S}\n")
	f.Fuzz(func(t *testing.T, in []byte) {
		agents, err := tabari.ParseAgents("fuzz", bytes.NewReader(in))
		checkErr(t, err, in)
		for _, a := range agents {
			if len(a.Names) == 0 || a.Role == "" {
				t.Fatalf("agent at line %d: names %q role %q", a.Line, a.Names, a.Role)
			}
		}
	})
}

func FuzzParseDiscards(f *testing.F) {
	addSeeds(f, "discards", "+A B\nC_ [###]\n")
	f.Fuzz(func(t *testing.T, in []byte) {
		d, err := tabari.ParseDiscards("fuzz", bytes.NewReader(in))
		checkErr(t, err, in)
		for _, s := range d {
			if strings.TrimLeft(s, "+") == "" {
				t.Fatalf("empty discard %q", s)
			}
		}
	})
}
