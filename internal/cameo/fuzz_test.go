package cameo_test

import (
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"

	"github.com/annals-project/annals/internal/cameo"
)

// addSeeds adds the shipped table and every bad table under dir as seeds.
func addSeeds(f *testing.F, shipped, dir string) {
	f.Helper()
	data, err := os.ReadFile(shipped)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(data)
	bad, _ := filepath.Glob(filepath.Join(dir, "*.bad.tsv"))
	for _, p := range bad {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
}

func FuzzLoad(f *testing.F) {
	addSeeds(f, "data/cameo.tsv", "testdata/load-bad")
	f.Fuzz(func(t *testing.T, data []byte) {
		tab, err := cameo.Load(fstest.MapFS{"t.tsv": {Data: data}}, "t.tsv")
		if err != nil {
			return
		}
		for e := range tab.All() {
			got, ok := tab.Lookup(e.Code)
			if !ok || got != e {
				t.Fatalf("Lookup(%s) = %+v, %v; All yields %+v", e.Code, got, ok, e)
			}
			if e.Goldstein < -10 || e.Goldstein > 10 || e.QuadClass < 1 || e.QuadClass > 4 {
				t.Fatalf("entry %+v out of range", e)
			}
			tab.ACLED(e.Code, cameo.ACLEDContext{Weapon: cameo.WeaponAir, Crowd: cameo.CrowdMob})
		}
	})
}

func FuzzLoadRoles(f *testing.F) {
	addSeeds(f, "data/roles.tsv", "testdata/load-roles-bad")
	f.Fuzz(func(t *testing.T, data []byte) {
		roles, err := cameo.LoadRoles(fstest.MapFS{"r.tsv": {Data: data}}, "r.tsv")
		if err != nil {
			return
		}
		for r := range roles.All() {
			if got, ok := roles.Lookup(r.Code); !ok || got != r {
				t.Fatalf("Lookup(%s) = %+v, %v; All yields %+v", r.Code, got, ok, r)
			}
		}
	})
}
