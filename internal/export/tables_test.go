package export_test

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"

	"github.com/annals-project/annals/internal/cameo"
	"github.com/annals-project/annals/internal/export"
)

func TestDefaultTables(t *testing.T) {
	tb, err := export.DefaultTables()
	if err != nil {
		t.Fatal(err)
	}
	// 249 ISO 3166-1 entries, plus Kosovo under XKX and KOS.
	if got := tb.Countries(); got != 251 {
		t.Errorf("Countries() = %d, want 251", got)
	}
	for _, tc := range []struct {
		iso3 string
		want export.Country
	}{
		{"USA", export.Country{ISO3: "USA", Numeric: 840, FIPS: "US", Name: "United States", Region: "North America"}},
		{"CHN", export.Country{ISO3: "CHN", Numeric: 156, FIPS: "CH", Name: "China", Region: "East Asia"}},
		{"DEU", export.Country{ISO3: "DEU", Numeric: 276, FIPS: "GM", Name: "Germany", Region: "Europe"}},
		{"GBR", export.Country{ISO3: "GBR", Numeric: 826, FIPS: "UK", Name: "United Kingdom", Region: "Europe"}},
		{"SSD", export.Country{ISO3: "SSD", Numeric: 728, FIPS: "OD", Name: "South Sudan", Region: "Eastern Africa"}},
		{"SRB", export.Country{ISO3: "SRB", Numeric: 688, FIPS: "RI", Name: "Serbia", Region: "Europe"}},
		{"PSE", export.Country{ISO3: "PSE", Numeric: 275, FIPS: "WE", Name: "Palestine", Region: "Middle East"}},
		{"KOS", export.Country{ISO3: "KOS", FIPS: "KV", Name: "Kosovo", Region: "Europe"}},
		{"ALA", export.Country{ISO3: "ALA", Numeric: 248, Name: "Åland Islands", Region: "Europe"}},
	} {
		t.Run(tc.iso3, func(t *testing.T) {
			got, ok := tb.Country(tc.iso3)
			if !ok {
				t.Fatalf("Country(%s) not found", tc.iso3)
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("Country(%s) (-want +got):\n%s", tc.iso3, diff)
			}
		})
	}
	for _, tc := range []struct{ name, want string }{
		{"Texas", "TX"}, {"new  york", "NY"}, {"Washington, D.C.", "DC"}, {"Ontario", ""},
	} {
		if got, _ := tb.USState(tc.name); got != tc.want {
			t.Errorf("USState(%q) = %q, want %q", tc.name, got, tc.want)
		}
	}
	if n, ok := tb.Region("WST"); !ok || n != "The West" {
		t.Errorf("Region(WST) = %q, %v", n, ok)
	}
	if n, ok := tb.Religion("SUN"); !ok || n != "Sunni" {
		t.Errorf("Religion(SUN) = %q, %v", n, ok)
	}
}

// TestCodeNamespaces checks that the three-letter segments of CAMEO actor
// codes can be told apart: no role code is also a country, region or
// religion code.
func TestCodeNamespaces(t *testing.T) {
	tb, err := export.DefaultTables()
	if err != nil {
		t.Fatal(err)
	}
	roles, err := cameo.DefaultRoles()
	if err != nil {
		t.Fatal(err)
	}
	for r := range roles.All() {
		if _, ok := tb.Country(r.Code); ok {
			t.Errorf("role %s is also a country code", r.Code)
		}
		if _, ok := tb.Region(r.Code); ok {
			t.Errorf("role %s is also a region code", r.Code)
		}
		if _, ok := tb.Religion(r.Code); ok {
			t.Errorf("role %s is also a religion code", r.Code)
		}
	}
}

func TestLoadTablesBad(t *testing.T) {
	good := map[string]string{
		export.CountriesFile:  "iso3\tnumeric\tfips\tname\tregion\nKEN\t404\tKE\tKenya\tEastern Africa\n",
		export.USStatesFile:   "code\tnames\nTX\tTexas\n",
		export.ActorCodesFile: "code\tkind\tname\nWST\tregion\tThe West\n",
	}
	for _, tc := range []struct {
		name, file, content string
		want                string // substring of the error
	}{
		{"header", export.CountriesFile, "iso\tfips\nKEN\tKE\n", "countries.tsv:1: header"},
		{"iso3", export.CountriesFile, "iso3\tnumeric\tfips\tname\tregion\nKe\t404\tKE\tKenya\tEastern Africa\n", "countries.tsv:2: iso3"},
		{"numeric", export.CountriesFile, "iso3\tnumeric\tfips\tname\tregion\nKEN\t4o4\tKE\tKenya\tEastern Africa\n", "countries.tsv:2: numeric"},
		{"fields", export.CountriesFile, "iso3\tnumeric\tfips\tname\tregion\nKEN\t404\tKE\tKenya\n", "countries.tsv:2: 4 fields"},
		{"duplicate", export.CountriesFile, "iso3\tnumeric\tfips\tname\tregion\nKEN\t404\tKE\tKenya\tEastern Africa\nKEN\t404\tKE\tKenya\tEastern Africa\n", "countries.tsv:3: duplicate"},
		{"fips reused", export.CountriesFile, "iso3\tnumeric\tfips\tname\tregion\nKEN\t404\tKE\tKenya\tEastern Africa\nUGA\t800\tKE\tUganda\tEastern Africa\n", "countries.tsv:3: fips KE"},
		{"spaces", export.CountriesFile, "iso3\tnumeric\tfips\tname\tregion\nKEN\t404\tKE\tKenya \tEastern Africa\n", "surrounding spaces"},
		{"state code", export.USStatesFile, "code\tnames\nTex\tTexas\n", "usstates.tsv:2: code"},
		{"state twice", export.USStatesFile, "code\tnames\nTX\tTexas\nTE\tTexas\n", "usstates.tsv:3: name"},
		{"kind", export.ActorCodesFile, "code\tkind\tname\nWST\tbloc\tThe West\n", "actorcodes.tsv:2: kind"},
		{"country clash", export.ActorCodesFile, "code\tkind\tname\nKEN\tregion\tKenya\n", "also a country code"},
		{"no header", export.ActorCodesFile, "# only a comment\n", "no header line"},
		{"missing", export.USStatesFile, "", "file does not exist"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fsys := fstest.MapFS{}
			for name, content := range good {
				fsys[name] = &fstest.MapFile{Data: []byte(content)}
			}
			if tc.want == "file does not exist" {
				delete(fsys, tc.file)
			} else {
				fsys[tc.file] = &fstest.MapFile{Data: []byte(tc.content)}
			}
			_, err := export.LoadTables(fsys)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("LoadTables() = %v, want an error containing %q", err, tc.want)
			}
		})
	}
	fsys := fstest.MapFS{}
	for name, content := range good {
		fsys[name] = &fstest.MapFile{Data: []byte(content)}
	}
	if _, err := export.LoadTables(fsys); err != nil {
		t.Errorf("LoadTables(good) = %v", err)
	}
}
