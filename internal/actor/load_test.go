package actor_test

import (
	"errors"
	"io/fs"
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"

	"github.com/annals-project/annals/internal/actor"
	"github.com/annals-project/annals/internal/event"
	"github.com/annals-project/annals/internal/lineerr"
)

// TestLoadBad maps each testdata/load/*.bad.txt file to the errors it must
// produce, every bad line at once.
func TestLoadBad(t *testing.T) {
	tests := []struct {
		files []string
		want  []string
	}{
		{[]string{"nofmt.bad.txt"}, []string{
			"nofmt.bad.txt:1: data before the !format line",
		}},
		{[]string{"empty.bad.txt"}, []string{
			"empty.bad.txt:1: no !format line",
		}},
		{[]string{"format.bad.txt"}, []string{
			`format.bad.txt:1: unknown format "gadgets" (want countries, regions, agents, orgs or persons)`,
		}},
		{[]string{"countries.bad.txt"}, []string{
			`countries.bad.txt:4: bad code "Kaz": want 3 capital letters`,
			`countries.bad.txt:5: duplicate code KAZ (first at countries.bad.txt:3)`,
			`countries.bad.txt:6: have 5 fields, want 6`,
			`countries.bad.txt:7: empty item in list "Kingdom of Sweden;; Svea"`,
			`countries.bad.txt:8: metonym "Helsinki": unknown role "NAVY"`,
			`countries.bad.txt:9: phrase "Britain, Great" has punctuation that splits it`,
			`countries.bad.txt:10: second !format line`,
		}},
		{[]string{"agents.bad.txt"}, []string{
			`agents.bad.txt:2: bad role code "COPS"`,
			`agents.bad.txt:3: unknown agent flag "grumpy"`,
			`agents.bad.txt:4: nomatch without title`,
			`agents.bad.txt:5: pl= with plural or nopl`,
			`agents.bad.txt:6: empty phrase`,
			`agents.bad.txt:7: empty pl= flag`,
			`agents.bad.txt:8: unknown directive "!section"`,
		}},
		{[]string{"persons.bad.txt"}, []string{
			`persons.bad.txt:2: bad start date "2020-13-01": want YYYY, YYYY-MM or YYYY-MM-DD`,
			`persons.bad.txt:3: end 2020-01-01 before start 2021-05-01`,
			`persons.bad.txt:4: bad code "XYZ": want 6 to 15 capitals or digits`,
			`persons.bad.txt:5: bad code "XYZQQQ": unknown role "QQQ"`,
			`persons.bad.txt:6: empty office`,
			`persons.bad.txt:7: bad start date "": want YYYY, YYYY-MM or YYYY-MM-DD`,
			`persons.bad.txt:8: have 4 fields, want 5`,
		}},
		{[]string{"orgs.bad.txt"}, []string{
			`orgs.bad.txt:2: bad country "Europe": want 3 capital letters or nothing`,
			`orgs.bad.txt:3: unknown role "BOSS"`,
			`orgs.bad.txt:4: bad code "igoxyz": want 3 capital letters, then up to 12 capitals or digits`,
			`orgs.bad.txt:5: have 6 fields, want 5 or 7`,
			`orgs.bad.txt:6: empty name`,
		}},
		{[]string{"places.ok.txt", "refs.bad.txt"}, []string{
			`refs.bad.txt:3: unknown country XLB in code XLBGOV`,
		}},
		{[]string{"dup.bad.txt"}, []string{
			`dup.bad.txt:3: duplicate phrase "soldier" for MIL (first at dup.bad.txt:2)`,
		}},
		{[]string{"utf8.bad.txt"}, []string{
			`utf8.bad.txt:2: invalid UTF-8`,
		}},
		{[]string{"agents.bad.txt", "empty.bad.txt"}, []string{
			`agents.bad.txt:2: bad role code "COPS"`,
			`agents.bad.txt:3: unknown agent flag "grumpy"`,
			`agents.bad.txt:4: nomatch without title`,
			`agents.bad.txt:5: pl= with plural or nopl`,
			`agents.bad.txt:6: empty phrase`,
			`agents.bad.txt:7: empty pl= flag`,
			`agents.bad.txt:8: unknown directive "!section"`,
			"empty.bad.txt:1: no !format line",
		}},
	}
	fsys := os.DirFS("testdata/load")
	for _, tt := range tests {
		t.Run(strings.Join(tt.files, "+"), func(t *testing.T) {
			d, err := actor.Load(fsys, tt.files...)
			if err == nil {
				t.Fatalf("Load(%v) = %v, want errors", tt.files, d)
			}
			if !errors.Is(err, actor.ErrSyntax) {
				t.Errorf("Load(%v) error %v is not ErrSyntax", tt.files, err)
			}
			var list lineerr.List
			if !errors.As(err, &list) {
				t.Fatalf("Load(%v) error %T, want lineerr.List", tt.files, err)
			}
			if diff := cmp.Diff(tt.want, strings.Split(err.Error(), "\n")); diff != "" {
				t.Errorf("Load(%v) errors (-want +got):\n%s", tt.files, diff)
			}
		})
	}
}

func TestLoadMissing(t *testing.T) {
	_, err := actor.Load(os.DirFS("testdata/load"), "missing.txt")
	if !errors.Is(err, fs.ErrNotExist) || errors.Is(err, actor.ErrSyntax) {
		t.Errorf("Load(missing.txt) = %v, want a wrapped fs.ErrNotExist", err)
	}
	if _, err := actor.Load(fstest.MapFS{}); err == nil {
		t.Error("Load(empty FS) succeeded, want an error")
	}
}

// TestLoadOwn builds a dictionary from a small file set of our own and
// checks what the formats produce.
func TestLoadOwn(t *testing.T) {
	fsys := fstest.MapFS{
		"a.txt": {Data: []byte("!format countries\nXLA | Examplia | Republic of Examplia | Examplian | Exampleton | Exampleton; Blue Hall=LEG\n")},
		"b.txt": {Data: []byte("!format agents\nguard | COP | title\nherdsman | AGR\n")},
		"c.txt": {Data: []byte("!format orgs\nIGOXMP | | IGO | Example Pact | XPACT; ~Pactville\n")},
		"d.txt": {Data: []byte("!format persons\nAnna Example; Example | XLAGOV | President | 2020-05 | 2021\nOla Example | IGOXMP | Secretary-General | 2019 |\n")},
	}
	d, err := actor.Load(fsys)
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	text := "Examplian guards, the Blue Hall, two herdsmen, XPACT and Pactville; President Example met Ola Example."
	got := render(d.Match(text, event.Span{End: len(text)}, day("2021-12-31"), nil))
	want := []string{
		"Examplian=country:XLA", "guards=agent:COP+pl", "Blue Hall=metonym:XLALEG", "herdsmen=agent:AGR+pl",
		"XPACT=org:IGOXMP", "Pactville=metonym:IGOXMP", "Example=person:XLAGOV", "Ola Example=person:IGOXMP",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Match (-want +got):\n%s", diff)
	}
	es := d.Lookup("Anna Example", event.Date{})
	if len(es) != 1 || es[0].From != (event.Date{Year: 2020, Month: 5, Day: 1}) || es[0].To != (event.Date{Year: 2021, Month: 12, Day: 31}) {
		t.Errorf("Lookup(Anna Example) = %+v, want a term 2020-05-01 to 2021-12-31", es)
	}
	ola := d.Lookup("Ola Example", event.Date{})
	if len(ola) != 1 || ola[0].Role != "IGO" || ola[0].Country != "" {
		t.Errorf("Lookup(Ola Example) = %+v, want role IGO from the org", ola)
	}
	if n := d.Count(actor.Person); n != 3 {
		t.Errorf("Count(Person) = %d, want 3", n)
	}
}
