package cameo_test

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/annals-project/annals/internal/cameo"
	"github.com/annals-project/annals/internal/lineerr"
	"github.com/google/go-cmp/cmp"
)

// mustDefault returns the embedded table or stops the test.
func mustDefault(tb testing.TB) *cameo.Table {
	tb.Helper()
	t, err := cameo.Default()
	if err != nil {
		tb.Fatalf("Default() error: %v", err)
	}
	return t
}

func TestLookup(t *testing.T) {
	tab := mustDefault(t)
	tests := []struct {
		name string
		code cameo.Code
		want cameo.Entry
	}{
		{"root", "01", cameo.Entry{Code: "01", Root: "01", Name: "MAKE PUBLIC STATEMENT", QuadClass: 1}},
		{"dropped by PLOVER", "0251", cameo.Entry{Code: "0251", Root: "02", Name: "Appeal for easing of administrative sanctions", Goldstein: -0.3, QuadClass: 1}},
		{"optimistic comment", "013", cameo.Entry{Code: "013", Root: "01", Name: "Make optimistic comment", Goldstein: 0.4, QuadClass: 1}},
		{"visit", "042", cameo.Entry{Code: "042", Root: "04", Name: "Make a visit", Goldstein: 1.9, QuadClass: 1, PLOVER: "CONSULT", PLOVERMode: "visit"}},
		{"sign agreement", "057", cameo.Entry{Code: "057", Root: "05", Name: "Sign formal agreement", Goldstein: 8, QuadClass: 1, PLOVER: "SUPPORT", PLOVERContext: "diplomatic", ACLEDType: "Strategic developments", ACLEDSubtype: "Agreement"}},
		{"humanitarian aid", "073", cameo.Entry{Code: "073", Root: "07", Name: "Provide humanitarian aid", Goldstein: 7.4, QuadClass: 2, PLOVER: "AID", PLOVERContext: "human_security"}},
		{"release persons", "0841", cameo.Entry{Code: "0841", Root: "08", Name: "Return, release person(s)", Goldstein: 7, QuadClass: 2, PLOVER: "RETREAT", PLOVERMode: "release", PLOVERContext: "legal"}},
		{"demand", "10", cameo.Entry{Code: "10", Root: "10", Name: "DEMAND", Goldstein: -5, QuadClass: 3, PLOVER: "REQUEST"}},
		{"accuse of war crimes", "1124", cameo.Entry{Code: "1124", Root: "11", Name: "Accuse of war crimes", Goldstein: -2, QuadClass: 3, PLOVER: "ACCUSE", PLOVERMode: "allege", PLOVERContext: "military,legal"}},
		{"demonstrate", "141", cameo.Entry{Code: "141", Root: "14", Name: "Demonstrate or rally", Goldstein: -6.5, QuadClass: 4, PLOVER: "PROTEST", PLOVERMode: "demo", ACLEDType: "Protests", ACLEDSubtype: "Peaceful protest"}},
		{"riot", "145", cameo.Entry{Code: "145", Root: "14", Name: "Protest violently, riot", Goldstein: -7.5, QuadClass: 4, PLOVER: "PROTEST", PLOVERMode: "riot", ACLEDType: "Riots", ACLEDSubtype: "Violent demonstration"}},
		{"sanctions map to COERCE", "163", cameo.Entry{Code: "163", Root: "16", Name: "Impose embargo, boycott, or sanctions", Goldstein: -8, QuadClass: 4, PLOVER: "COERCE", PLOVERMode: "restrict", PLOVERContext: "diplomatic"}},
		{"arrest", "173", cameo.Entry{Code: "173", Root: "17", Name: "Arrest, detain, or charge with legal action", Goldstein: -5, QuadClass: 4, PLOVER: "COERCE", PLOVERMode: "arrest", PLOVERContext: "legal", ACLEDType: "Strategic developments", ACLEDSubtype: "Arrests"}},
		{"cyber extension", "176", cameo.Entry{Code: "176", Root: "17", Name: "Attack cybernetically", Goldstein: -7, QuadClass: 4, PLOVER: "COERCE", PLOVERMode: "cyber", PLOVERContext: "cyber", Extension: true}},
		{"suicide bombing", "1831", cameo.Entry{Code: "1831", Root: "18", Name: "Carry out suicide bombing", Goldstein: -10, QuadClass: 4, PLOVER: "ASSAULT", PLOVERMode: "suicide-attack", ACLEDType: "Explosions/Remote violence", ACLEDSubtype: "Suicide bomb"}},
		{"small arms", "193", cameo.Entry{Code: "193", Root: "19", Name: "Fight with small arms and light weapons", Goldstein: -10, QuadClass: 4, PLOVER: "ASSAULT", PLOVERMode: "firearms", PLOVERContext: "military", ACLEDType: "Battles", ACLEDSubtype: "Armed clash"}},
		{"drone extension", "1952", cameo.Entry{Code: "1952", Root: "19", Name: "Employ remotely piloted aerial munitions", Goldstein: -10, QuadClass: 4, PLOVER: "ASSAULT", PLOVERMode: "drone", PLOVERContext: "military", ACLEDType: "Explosions/Remote violence", ACLEDSubtype: "Air/drone strike", Extension: true}},
		{"chemical", "2041", cameo.Entry{Code: "2041", Root: "20", Name: "Use chemical, biological, or radiological weapons", Goldstein: -10, QuadClass: 4, PLOVER: "ASSAULT", PLOVERMode: "unconventional", PLOVERContext: "cbrn", ACLEDType: "Explosions/Remote violence", ACLEDSubtype: "Chemical weapon"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := tab.Lookup(tt.code)
			if !ok {
				t.Fatalf("Lookup(%q) not found", tt.code)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Lookup(%q) mismatch (-want +got):\n%s", tt.code, diff)
			}
		})
	}
}

func TestLookupMissing(t *testing.T) {
	tab := mustDefault(t)
	for _, c := range []cameo.Code{"", "0", "00", "21", "1214", "10 ", "0100"} {
		if e, ok := tab.Lookup(c); ok {
			t.Errorf("Lookup(%q) = %+v, true; want not found", c, e)
		}
	}
}

func TestCounts(t *testing.T) {
	tab := mustDefault(t)
	byLen := map[int]int{}
	ext := 0
	for e := range tab.All() {
		byLen[len(e.Code)]++
		if e.Extension {
			ext++
		}
	}
	want := map[int]int{2: 20, 3: 149, 4: 148}
	if diff := cmp.Diff(want, byLen); diff != "" {
		t.Errorf("codes by length mismatch (-want +got):\n%s", diff)
	}
	if tab.Len() != 317 || ext != 5 {
		t.Errorf("Len() = %d with %d extensions, want 317 with 5", tab.Len(), ext)
	}
}

func TestRoots(t *testing.T) {
	tab := mustDefault(t)
	var got []cameo.Code
	for _, e := range tab.Roots() {
		got = append(got, e.Code)
	}
	var want []cameo.Code
	for i := 1; i <= 20; i++ {
		want = append(want, cameo.Code(fmt.Sprintf("%02d", i)))
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Roots() mismatch (-want +got):\n%s", diff)
	}
}

func TestEntriesValid(t *testing.T) {
	tab := mustDefault(t)
	prev := cameo.Code("")
	for e := range tab.All() {
		if e.Code <= prev {
			t.Errorf("All(): %s after %s, want code order", e.Code, prev)
		}
		prev = e.Code
		if e.Goldstein < -10 || e.Goldstein > 10 {
			t.Errorf("%s: Goldstein %v outside [-10, 10]", e.Code, e.Goldstein)
		}
		if e.PLOVER != "" && !slices.Contains(cameo.PLOVEREvents(), e.PLOVER) {
			t.Errorf("%s: PLOVER %q is not one of PLOVER's 16 event types", e.Code, e.PLOVER)
		}
		if e.PLOVERMode != "" && !slices.Contains(cameo.PLOVERModes(e.PLOVER), e.PLOVERMode) {
			t.Errorf("%s: PLOVER mode %q is not a mode of %s", e.Code, e.PLOVERMode, e.PLOVER)
		}
		if root := e.Code.Root(); e.PLOVER == "" && root != "01" && root != "02" {
			t.Errorf("%s: no PLOVER event type outside roots 01 and 02", e.Code)
		}
		if e.Root != e.Code.Root() || e.QuadClass != e.Code.QuadClass() || e.QuadClass == 0 {
			t.Errorf("%s: Root %q QuadClass %d, want %q %d", e.Code, e.Root, e.QuadClass, e.Code.Root(), e.Code.QuadClass())
		}
		if p := e.Code.Parent(); p != "" {
			if _, ok := tab.Lookup(p); !ok {
				t.Errorf("%s: parent %s missing", e.Code, p)
			}
		}
		if e.ACLEDSubtype != "" && cameo.ACLEDTypeOf(e.ACLEDSubtype) != e.ACLEDType {
			t.Errorf("%s: ACLED %q/%q is not a codebook pair", e.Code, e.ACLEDType, e.ACLEDSubtype)
		}
	}
}

func TestQuadClass(t *testing.T) {
	tests := []struct {
		code cameo.Code
		want int
	}{
		{"01", 1}, {"0251", 1}, {"057", 1}, {"06", 2}, {"0874", 2}, {"09", 3},
		{"1385", 3}, {"14", 4}, {"2042", 4}, {"00", 0}, {"21", 0}, {"1", 0}, {"", 0}, {"a1", 0},
	}
	for _, tt := range tests {
		t.Run(string(tt.code), func(t *testing.T) {
			if got := tt.code.QuadClass(); got != tt.want {
				t.Errorf("Code(%q).QuadClass() = %d, want %d", tt.code, got, tt.want)
			}
		})
	}
}

func TestParent(t *testing.T) {
	tests := []struct{ code, want cameo.Code }{
		{"1451", "145"}, {"145", "14"}, {"14", ""}, {"1", ""}, {"", ""},
	}
	for _, tt := range tests {
		if got := tt.code.Parent(); got != tt.want {
			t.Errorf("Code(%q).Parent() = %q, want %q", tt.code, got, tt.want)
		}
	}
}

func TestLoadDir(t *testing.T) {
	tab, err := cameo.Load(os.DirFS("data"), "cameo.tsv")
	if err != nil {
		t.Fatalf("Load(data, cameo.tsv) error: %v", err)
	}
	if tab.Len() != mustDefault(t).Len() {
		t.Errorf("Load from disk has %d codes, embedded %d", tab.Len(), mustDefault(t).Len())
	}
}

func TestLoadMissingFile(t *testing.T) {
	_, err := cameo.Load(fstest.MapFS{}, "nope.tsv")
	if !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("Load(missing) error = %v, want fs.ErrNotExist", err)
	}
}

const codeHeader = "code\tgoldstein\tname\tplover\tplover_mode\tplover_context\tacled_type\tacled_subtype\torigin"

func TestLoadBad(t *testing.T) {
	tests := map[string]string{
		"header.bad.tsv": "header.bad.tsv:2: header is \"code\\tweight\\tname\", want " + fmt.Sprintf("%q", codeHeader),
		"fields.bad.tsv": "fields.bad.tsv:3: 5 fields, want 9",
		"code.bad.tsv": "code.bad.tsv:3: code \"1a\": want 2 to 4 digits\n" +
			"code.bad.tsv:4: code 21: root 21 is not 01-20\n" +
			"code.bad.tsv:5: code \"01234\": want 2 to 4 digits",
		"dup.bad.tsv": "dup.bad.tsv:6: duplicate code 010 (first on line 3)",
		"goldstein.bad.tsv": "goldstein.bad.tsv:2: goldstein \"zero\" is not a number\n" +
			"goldstein.bad.tsv:3: goldstein 11 out of range [-10, 10]\n" +
			"goldstein.bad.tsv:4: goldstein NaN out of range [-10, 10]",
		"plover.bad.tsv": "plover.bad.tsv:3: unknown PLOVER event type \"DISSENT\"\n" +
			"plover.bad.tsv:4: PLOVER mode \"march\" is not a mode of PROTEST\n" +
			"plover.bad.tsv:5: unknown PLOVER context \"food\"\n" +
			"plover.bad.tsv:6: PLOVER mode or context without an event type",
		"acled.bad.tsv": "acled.bad.tsv:3: ACLED sub-type \"Violent demonstration\" is not a sub-type of \"Protests\"\n" +
			"acled.bad.tsv:4: ACLED type \"Protests\" without a sub-type\n" +
			"acled.bad.tsv:5: ACLED sub-type \"Peaceful protest\" without a type\n" +
			"acled.bad.tsv:6: unknown ACLED event type \"Demonstrations\"",
		"parent.bad.tsv":   "parent.bad.tsv:3: code 0251: parent 025 not in table",
		"empty.bad.tsv":    "empty.bad.tsv: no codes",
		"noheader.bad.tsv": "noheader.bad.tsv: no header line",
		"spaces.bad.tsv": "spaces.bad.tsv:2: goldstein \" 0\" has surrounding spaces\n" +
			"spaces.bad.tsv:3: name is empty (write - for none)",
		"origin.bad.tsv": "origin.bad.tsv:2: origin \"1.2\": want 1.1b3 or ext",
		"utf8.bad.tsv":   "utf8.bad.tsv:2: invalid UTF-8",
	}
	files, err := fs.Glob(os.DirFS("testdata/load-bad"), "*.bad.tsv")
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != len(tests) {
		t.Errorf("testdata/load-bad has %d files, the test lists %d", len(files), len(tests))
	}
	for _, name := range files {
		t.Run(name, func(t *testing.T) {
			want, ok := tests[name]
			if !ok {
				t.Fatalf("no expected error for %s", name)
			}
			tab, err := cameo.Load(os.DirFS("testdata/load-bad"), name)
			if err == nil {
				t.Fatalf("Load(%s) = %d codes, want error", name, tab.Len())
			}
			var list lineerr.List
			if !errors.As(err, &list) {
				t.Errorf("Load(%s) error %T, want lineerr.List", name, err)
			}
			if diff := cmp.Diff(strings.Split(want, "\n"), strings.Split(err.Error(), "\n")); diff != "" {
				t.Errorf("Load(%s) error mismatch (-want +got):\n%s", name, diff)
			}
		})
	}
}
