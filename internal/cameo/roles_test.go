package cameo_test

import (
	"errors"
	"io/fs"
	"os"
	"strings"
	"testing"

	"github.com/annals-project/annals/internal/cameo"
	"github.com/google/go-cmp/cmp"
)

func TestRoles(t *testing.T) {
	roles, err := cameo.DefaultRoles()
	if err != nil {
		t.Fatalf("DefaultRoles() error: %v", err)
	}
	tests := []struct {
		code string
		want cameo.Role
	}{
		{"GOV", cameo.Role{Code: "GOV", Name: "Government", State: true, CAMEO: true, PLOVER: true}},
		{"COP", cameo.Role{Code: "COP", Name: "Police", State: true, Armed: true, CAMEO: true, PLOVER: true}},
		{"REB", cameo.Role{Code: "REB", Name: "Rebels", Armed: true, CAMEO: true, PLOVER: true}},
		{"SEP", cameo.Role{Code: "SEP", Name: "Separatist rebels", Armed: true, CAMEO: true}},
		{"CVL", cameo.Role{Code: "CVL", Name: "Civilians", CAMEO: true, PLOVER: true}},
		{"MED", cameo.Role{Code: "MED", Name: "Media", CAMEO: true}},
		{"HLH", cameo.Role{Code: "HLH", Name: "Health", CAMEO: true}},
		{"IMG", cameo.Role{Code: "IMG", Name: "International militarized group", Armed: true, CAMEO: true, PLOVER: true}},
		{"PRM", cameo.Role{Code: "PRM", Name: "Paramilitary", Armed: true, PLOVER: true}},
	}
	for _, tt := range tests {
		t.Run(tt.code, func(t *testing.T) {
			got, ok := roles.Lookup(tt.code)
			if !ok {
				t.Fatalf("Lookup(%q) not found", tt.code)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Lookup(%q) mismatch (-want +got):\n%s", tt.code, diff)
			}
		})
	}
	// Every role code the brief and the JSON contract name.
	for _, c := range strings.Fields("GOV MIL COP JUD LEG OPP REB INS SEP CVL MED BUS EDU REL LAB HLH REF ELI SPY UAF AGR CRM IGO NGO IMG MNC") {
		if _, ok := roles.Lookup(c); !ok {
			t.Errorf("Lookup(%q) not found", c)
		}
	}
	if _, ok := roles.Lookup("gov"); ok {
		t.Errorf("Lookup(%q) found, want exact match only", "gov")
	}
	n := 0
	for range roles.All() {
		n++
	}
	if n != roles.Len() || n < 30 {
		t.Errorf("All() yields %d roles, Len() = %d, want the same and at least 30", n, roles.Len())
	}
}

func TestLoadRolesBad(t *testing.T) {
	tests := map[string]string{
		"flags.bad.tsv": "flags.bad.tsv:2: state \"yes\": want y or n\n" +
			"flags.bad.tsv:3: plover \"maybe\": want y or n",
		"code.bad.tsv": "code.bad.tsv:2: role code \"gov\": want 3 capital letters\n" +
			"code.bad.tsv:3: role code \"GOVT\": want 3 capital letters\n" +
			"code.bad.tsv:4: name is empty",
		"dup.bad.tsv":   "dup.bad.tsv:3: duplicate role COP (first on line 2)",
		"empty.bad.tsv": "empty.bad.tsv: no roles",
	}
	dir := os.DirFS("testdata/load-roles-bad")
	files, err := fs.Glob(dir, "*.bad.tsv")
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != len(tests) {
		t.Errorf("testdata/load-roles-bad has %d files, the test lists %d", len(files), len(tests))
	}
	for _, name := range files {
		t.Run(name, func(t *testing.T) {
			want, ok := tests[name]
			if !ok {
				t.Fatalf("no expected error for %s", name)
			}
			_, err := cameo.LoadRoles(dir, name)
			if err == nil {
				t.Fatalf("LoadRoles(%s) succeeded, want error", name)
			}
			if diff := cmp.Diff(strings.Split(want, "\n"), strings.Split(err.Error(), "\n")); diff != "" {
				t.Errorf("LoadRoles(%s) error mismatch (-want +got):\n%s", name, diff)
			}
		})
	}
	if _, err := cameo.LoadRoles(dir, "missing.tsv"); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("LoadRoles(missing) error = %v, want fs.ErrNotExist", err)
	}
}
