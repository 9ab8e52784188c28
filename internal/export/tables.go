package export

import (
	"embed"
	"fmt"
	"io/fs"
	"strconv"
	"strings"

	"github.com/annals-project/annals/internal/lineerr"
	"github.com/annals-project/annals/internal/tsv"
)

//go:embed data/countries.tsv data/usstates.tsv data/actorcodes.tsv
var dataFS embed.FS

// Names of the embedded tables, relative to the root of a Tables file
// system.
const (
	CountriesFile  = "data/countries.tsv"
	USStatesFile   = "data/usstates.tsv"
	ActorCodesFile = "data/actorcodes.tsv"
)

// A Country is one line of the country table.
type Country struct {
	ISO3 string // ISO 3166-1 alpha-3 ("SYR"); KOS and XKX for Kosovo
	// Numeric is the ISO 3166-1 numeric code, 0 when there is none.
	Numeric int
	// FIPS is the FIPS 10-4 country code ("SY"), "" when there is none.
	FIPS   string
	Name   string // short English name ("Syria")
	Region string // ACLED region ("Middle East")
}

// Tables holds the lookup tables the formats need. It is read-only once
// loaded and safe for concurrent use.
type Tables struct {
	countries map[string]Country // by ISO3
	states    map[string]string  // folded state name → USPS code
	regions   map[string]string  // CAMEO region code → name
	religions map[string]string  // CAMEO religion code → name
}

// DefaultTables returns the tables embedded in the package.
func DefaultTables() (*Tables, error) { return LoadTables(dataFS) }

// LoadTables reads CountriesFile, USStatesFile and ActorCodesFile from
// fsys. A file that cannot be read gives a wrapped fs error; malformed lines
// give a lineerr.List with one "file:line: msg" entry each.
func LoadTables(fsys fs.FS) (*Tables, error) {
	t := &Tables{
		countries: map[string]Country{},
		states:    map[string]string{},
		regions:   map[string]string{},
		religions: map[string]string{},
	}
	var errs lineerr.List
	read := func(name string, header ...string) ([]tsv.Line, error) {
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, fmt.Errorf("load export table %s: %w", name, err)
		}
		return tsv.Read(name, data, header, tsv.Options{Empty: true}, &errs), nil
	}

	lines, err := read(CountriesFile, "iso3", "numeric", "fips", "name", "region")
	if err != nil {
		return nil, err
	}
	fipsSeen := map[string]string{}
	for _, l := range lines {
		f := l.Fields
		c := Country{ISO3: f[0], FIPS: f[2], Name: f[3], Region: f[4]}
		if !isUpper(c.ISO3, 3) {
			errs.Add(CountriesFile, l.N, "iso3 %q: want three capital letters", c.ISO3)
			continue
		}
		if f[1] != "" {
			n, err := strconv.Atoi(f[1])
			if err != nil || n <= 0 || n > 999 {
				errs.Add(CountriesFile, l.N, "numeric %q: want 001-999", f[1])
				continue
			}
			c.Numeric = n
		}
		if c.FIPS != "" && !isUpper(c.FIPS, 2) {
			errs.Add(CountriesFile, l.N, "fips %q: want two capital letters", c.FIPS)
			continue
		}
		if c.Name == "" || c.Region == "" {
			errs.Add(CountriesFile, l.N, "name and region are required")
			continue
		}
		if _, dup := t.countries[c.ISO3]; dup {
			errs.Add(CountriesFile, l.N, "duplicate iso3 %s", c.ISO3)
			continue
		}
		// Two codes may share a FIPS code only when they name the same
		// country (Kosovo's KOS and XKX).
		if prev, ok := fipsSeen[c.FIPS]; ok && c.FIPS != "" && t.countries[prev].Name != c.Name {
			errs.Add(CountriesFile, l.N, "fips %s already used by %s", c.FIPS, prev)
			continue
		}
		fipsSeen[c.FIPS] = c.ISO3
		t.countries[c.ISO3] = c
	}

	lines, err = read(USStatesFile, "code", "names")
	if err != nil {
		return nil, err
	}
	for _, l := range lines {
		code := l.Fields[0]
		if !isUpper(code, 2) {
			errs.Add(USStatesFile, l.N, "code %q: want two capital letters", code)
			continue
		}
		for name := range strings.SplitSeq(l.Fields[1], "|") {
			k := foldName(name)
			if k == "" {
				errs.Add(USStatesFile, l.N, "empty name")
				continue
			}
			if prev, dup := t.states[k]; dup && prev != code {
				errs.Add(USStatesFile, l.N, "name %q already names %s", name, prev)
				continue
			}
			t.states[k] = code
		}
	}

	lines, err = read(ActorCodesFile, "code", "kind", "name")
	if err != nil {
		return nil, err
	}
	for _, l := range lines {
		code, kind, name := l.Fields[0], l.Fields[1], l.Fields[2]
		if !isUpper(code, 3) {
			errs.Add(ActorCodesFile, l.N, "code %q: want three capital letters", code)
			continue
		}
		if _, isCountry := t.countries[code]; isCountry {
			errs.Add(ActorCodesFile, l.N, "code %s is also a country code", code)
			continue
		}
		if _, ok := t.regions[code]; ok {
			errs.Add(ActorCodesFile, l.N, "duplicate code %s", code)
			continue
		}
		if _, ok := t.religions[code]; ok {
			errs.Add(ActorCodesFile, l.N, "duplicate code %s", code)
			continue
		}
		switch kind {
		case "region":
			t.regions[code] = name
		case "religion":
			t.religions[code] = name
		default:
			errs.Add(ActorCodesFile, l.N, "kind %q: want region or religion", kind)
		}
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	return t, nil
}

// Country returns the country with the ISO 3166-1 alpha-3 (or CAMEO) code
// iso3.
func (t *Tables) Country(iso3 string) (Country, bool) {
	c, ok := t.countries[iso3]
	return c, ok
}

// Countries returns the number of countries in the table.
func (t *Tables) Countries() int { return len(t.countries) }

// USState returns the USPS code of a US state or of the District of
// Columbia, matched by name without regard to case.
func (t *Tables) USState(name string) (string, bool) {
	c, ok := t.states[foldName(name)]
	return c, ok
}

// Region returns the name of a CAMEO region code ("WST" → "The West").
func (t *Tables) Region(code string) (string, bool) {
	n, ok := t.regions[code]
	return n, ok
}

// Religion returns the name of a CAMEO religion code ("SUN" → "Sunni").
func (t *Tables) Religion(code string) (string, bool) {
	n, ok := t.religions[code]
	return n, ok
}

// foldName is the key names are matched under: lower case, single spaces.
func foldName(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }

// isUpper reports whether s is n ASCII capital letters.
func isUpper(s string, n int) bool {
	if len(s) != n {
		return false
	}
	for i := 0; i < n; i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}
