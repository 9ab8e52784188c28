package actor

import (
	"embed"
	"fmt"
	"io/fs"
	"sort"
	"strings"
	"time"

	"github.com/annals-project/annals/internal/event"
	"github.com/annals-project/annals/internal/lineerr"
)

//go:embed data/*.txt
var dataFS embed.FS

// Default loads the dictionaries embedded in the package (data/*.txt).
func Default() (*Dictionary, error) {
	sub, err := fs.Sub(dataFS, "data")
	if err != nil {
		return nil, fmt.Errorf("load default actors: %w", err)
	}
	d, err := Load(sub)
	if err != nil {
		return nil, fmt.Errorf("load default actors: %w", err)
	}
	return d, nil
}

// Load reads the named dictionary files from fsys, or every *.txt file in
// its root when no name is given, and builds one Dictionary. Each file
// declares its format on a "!format" line (see the package doc). Loading is
// strict: a file that cannot be read is returned as a wrapped I/O error,
// and every bad line of every file is reported together as a lineerr.List of
// "file:line: msg", sorted.
func Load(fsys fs.FS, names ...string) (*Dictionary, error) {
	if len(names) == 0 {
		var err error
		names, err = fs.Glob(fsys, "*.txt")
		if err != nil {
			return nil, fmt.Errorf("load actors: %w", err)
		}
		if len(names) == 0 {
			return nil, fmt.Errorf("load actors: no *.txt files")
		}
		sort.Strings(names)
	}
	b := newBuilder()
	for _, name := range names {
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, fmt.Errorf("load actors %s: %w", name, err)
		}
		b.parseFile(name, string(data))
	}
	b.resolve()
	d := b.index()
	if err := b.errs.Err(); err != nil {
		return nil, err
	}
	return d, nil
}

// An item is one phrase → entry pair waiting to be indexed.
type item struct {
	key       string
	pattern   uint32
	ntok      int
	entry     Entry
	file      string
	line      int
	generated bool // a derived form (a plural): duplicates are dropped silently
}

// A pending reference to check once every file is read.
type pending struct {
	file string
	line int
	code string
	idx  []int // items whose Country and Role come from the code
}

type builder struct {
	errs      lineerr.List
	items     []item
	countries map[string]*CountryInfo
	where     map[string]string // country or region code → file:line defining it
	regions   map[string]bool
	orgs      map[string]Entry // org code → its first entry
	refs      []pending
	titleOnly []Entry // titles that are never matched alone ("Gen.")
	sawPlaces bool    // a countries or regions file was read
	sawOrgs   bool
	toks      []token
	key       []byte
}

func newBuilder() *builder {
	return &builder{
		countries: map[string]*CountryInfo{},
		where:     map[string]string{},
		regions:   map[string]bool{},
		orgs:      map[string]Entry{},
	}
}

func (b *builder) errorf(file string, line int, format string, args ...any) {
	b.errs.AddErr(ErrSyntax, file, line, format, args...)
}

// parseFile reads one dictionary file.
func (b *builder) parseFile(name, data string) {
	format := ""
	line := 0
	early := false // data before the !format line was reported
	for len(data) > 0 {
		line++
		var text string
		if i := strings.IndexByte(data, '\n'); i >= 0 {
			text, data = data[:i], data[i+1:]
		} else {
			text, data = data, ""
		}
		text = strings.TrimSpace(strings.TrimSuffix(text, "\r"))
		if text == "" || text[0] == '#' {
			continue
		}
		if rest, ok := strings.CutPrefix(text, "!format"); ok {
			f := strings.TrimSpace(rest)
			switch {
			case format != "":
				b.errorf(name, line, "second !format line")
			case f == "countries" || f == "regions" || f == "agents" || f == "orgs" || f == "persons":
				format = f
				switch f {
				case "countries", "regions":
					b.sawPlaces = true
				case "orgs":
					b.sawOrgs = true
				}
			default:
				b.errorf(name, line, "unknown format %q (want countries, regions, agents, orgs or persons)", f)
				format = "-"
			}
			continue
		}
		if !strings.Contains(text, "|") && strings.HasPrefix(text, "!") {
			b.errorf(name, line, "unknown directive %q", text)
			continue
		}
		if !utf8Valid(text) {
			b.errorf(name, line, "invalid UTF-8")
			continue
		}
		fields := strings.Split(text, "|")
		for i := range fields {
			fields[i] = strings.TrimSpace(fields[i])
		}
		switch format {
		case "":
			if !early {
				b.errorf(name, line, "data before the !format line")
				early = true
			}
		case "-":
			// The format is unknown; its lines were reported once.
		case "countries":
			b.country(name, line, fields)
		case "regions":
			b.region(name, line, fields)
		case "agents":
			b.agent(name, line, fields)
		case "orgs":
			b.org(name, line, fields)
		case "persons":
			b.person(name, line, fields)
		}
	}
	if format == "" && !early {
		b.errorf(name, line+boolInt(line == 0), "no !format line")
	}
}

func boolInt(v bool) int {
	if v {
		return 1
	}
	return 0
}

func utf8Valid(s string) bool { return strings.ToValidUTF8(s, "\uFFFD") == s }

func (b *builder) wantFields(file string, line int, fields []string, min, max int) bool {
	if len(fields) < min || len(fields) > max {
		if min == max {
			b.errorf(file, line, "have %d fields, want %d", len(fields), min)
		} else {
			b.errorf(file, line, "have %d fields, want %d to %d", len(fields), min, max)
		}
		return false
	}
	return true
}

// list splits a ';' list; an empty field is an empty list.
func (b *builder) list(file string, line int, field string) ([]string, bool) {
	if field == "" {
		return nil, true
	}
	parts := strings.Split(field, ";")
	ok := true
	for i := range parts {
		parts[i] = strings.TrimSpace(parts[i])
		if parts[i] == "" {
			b.errorf(file, line, "empty item in list %q", field)
			ok = false
		}
	}
	return parts, ok
}

// placeCode checks a 3-letter country or region code.
func (b *builder) placeCode(file string, line int, code string) bool {
	if !isUpperWord(code, 3, 3) {
		b.errorf(file, line, "bad code %q: want 3 capital letters", code)
		return false
	}
	if w, dup := b.where[code]; dup {
		b.errorf(file, line, "duplicate code %s (first at %s)", code, w)
		return false
	}
	b.where[code] = fmt.Sprintf("%s:%d", file, line)
	return true
}

func (b *builder) country(file string, line int, f []string) {
	if !b.wantFields(file, line, f, 6, 6) {
		return
	}
	code := f[0]
	if !b.placeCode(file, line, code) {
		return
	}
	info := &CountryInfo{Code: code, Name: f[1], Capital: f[4]}
	if f[1] == "" {
		b.errorf(file, line, "empty name")
		return
	}
	names, ok1 := b.list(file, line, f[2])
	dems, ok2 := b.list(file, line, f[3])
	mets, ok3 := b.list(file, line, f[5])
	if !ok1 || !ok2 || !ok3 {
		return
	}
	info.Names, info.Demonym = names, dems
	e := Entry{Code: code, Country: code, Kind: Country, Name: f[1]}
	b.add(file, line, f[1], e, true, false)
	for _, n := range names {
		b.add(file, line, n, e, true, false)
	}
	b.demonyms(file, line, dems, e)
	if f[4] != "" {
		b.checkPhrase(file, line, f[4])
	}
	for _, m := range mets {
		phrase, role, hasRole := strings.Cut(m, "=")
		phrase, role = strings.TrimSpace(phrase), strings.TrimSpace(role)
		if !hasRole {
			role = "GOV"
		}
		if !validRole(role) {
			b.errorf(file, line, "metonym %q: unknown role %q", phrase, role)
			continue
		}
		info.Metonyms = append(info.Metonyms, MetonymInfo{Phrase: phrase, Role: role})
		b.add(file, line, phrase, Entry{Code: code + role, Country: code, Role: role, Kind: Metonym, Name: phrase}, true, false)
	}
	b.countries[code] = info
}

func (b *builder) region(file string, line int, f []string) {
	if !b.wantFields(file, line, f, 4, 4) {
		return
	}
	code := f[0]
	if !b.placeCode(file, line, code) {
		return
	}
	if f[1] == "" {
		b.errorf(file, line, "empty name")
		return
	}
	names, ok1 := b.list(file, line, f[2])
	dems, ok2 := b.list(file, line, f[3])
	if !ok1 || !ok2 {
		return
	}
	b.regions[code] = true
	e := Entry{Code: code, Country: code, Kind: Region, Name: f[1]}
	b.add(file, line, f[1], e, true, false)
	for _, n := range names {
		b.add(file, line, n, e, true, false)
	}
	b.demonyms(file, line, dems, e)
}

// demonyms adds adjective forms and, where English makes one, their
// plural noun ("Iranian" → "Iranians"; not "French", "Swiss", "Chinese").
func (b *builder) demonyms(file string, line int, dems []string, e Entry) {
	e.Demonym = true
	for _, d := range dems {
		b.add(file, line, d, e, true, false)
		if demonymHasPlural(d) {
			p := e
			p.Plural = true
			b.add(file, line, d+"s", p, true, true)
		}
	}
}

func demonymHasPlural(d string) bool {
	for _, suf := range []string{"s", "sh", "ch", "ese", "x", "z"} {
		if strings.HasSuffix(d, suf) {
			return false
		}
	}
	return true
}

func (b *builder) agent(file string, line int, f []string) {
	if !b.wantFields(file, line, f, 2, 3) {
		return
	}
	phrase, code := f[0], f[1]
	if phrase == "" {
		b.errorf(file, line, "empty phrase")
		return
	}
	if !validRoleCode(code) {
		b.errorf(file, line, "bad role code %q", code)
		return
	}
	e := Entry{Code: code, Role: code[:3], Kind: Agent, Name: phrase}
	var plurals []string
	noPlural, caseSensitive, noMatch := false, false, false
	if len(f) == 3 && f[2] != "" {
		for _, fl := range strings.Split(f[2], ",") {
			fl = strings.TrimSpace(fl)
			switch {
			case fl == "group":
				e.Group, e.Plural = true, true
			case fl == "plural":
				e.Plural, noPlural = true, true
			case fl == "nopl":
				noPlural = true
			case fl == "title":
				e.Title = true
			case fl == "case":
				caseSensitive = true
			case fl == "nomatch":
				noMatch = true
			case strings.HasPrefix(fl, "pl="):
				p := strings.TrimSpace(fl[3:])
				if p == "" {
					b.errorf(file, line, "empty pl= flag")
					continue
				}
				plurals = append(plurals, p)
			default:
				b.errorf(file, line, "unknown agent flag %q", fl)
			}
		}
	}
	if noMatch {
		if !e.Title {
			b.errorf(file, line, "nomatch without title")
		}
		b.toks, b.key = tokenize(phrase, 0, len(phrase), b.toks[:0], b.key[:0])
		if b.phraseOK(file, line, phrase) {
			b.titleOnly = append(b.titleOnly, e)
		}
		return
	}
	b.add(file, line, phrase, e, caseSensitive, false)
	if noPlural {
		if len(plurals) > 0 {
			b.errorf(file, line, "pl= with plural or nopl")
		}
		return
	}
	generated := len(plurals) == 0
	if generated {
		plurals = []string{pluralize(phrase)}
	}
	p := e
	p.Plural, p.Title = true, false
	for _, pl := range plurals {
		b.add(file, line, pl, p, caseSensitive, generated)
	}
}

// pluralize makes the regular English plural of a phrase's last word.
func pluralize(s string) string {
	i := strings.LastIndexByte(s, ' ') + 1
	head, w := s[:i], s[i:]
	lw := strings.ToLower(w)
	switch {
	case strings.HasSuffix(lw, "man"):
		return head + w[:len(w)-3] + "men"
	case strings.HasSuffix(lw, "person"):
		return head + w[:len(w)-6] + "people"
	case strings.HasSuffix(lw, "child"):
		return head + w + "ren"
	case strings.HasSuffix(lw, "y") && len(lw) > 1 && !strings.ContainsRune("aeiou", rune(lw[len(lw)-2])):
		return head + w[:len(w)-1] + "ies"
	case strings.HasSuffix(lw, "s") || strings.HasSuffix(lw, "x") || strings.HasSuffix(lw, "z") ||
		strings.HasSuffix(lw, "ch") || strings.HasSuffix(lw, "sh"):
		return head + w + "es"
	}
	return head + w + "s"
}

func (b *builder) org(file string, line int, f []string) {
	if len(f) != 5 && len(f) != 7 {
		b.errorf(file, line, "have %d fields, want 5 or 7", len(f))
		return
	}
	code, country, role, name := f[0], f[1], f[2], f[3]
	ok := true
	if !isCode(code, 3, 15) {
		b.errorf(file, line, "bad code %q: want 3 capital letters, then up to 12 capitals or digits", code)
		ok = false
	}
	if country != "" && !isUpperWord(country, 3, 3) {
		b.errorf(file, line, "bad country %q: want 3 capital letters or nothing", country)
		ok = false
	}
	if !validRole(role) {
		b.errorf(file, line, "unknown role %q", role)
		ok = false
	}
	if name == "" {
		b.errorf(file, line, "empty name")
		ok = false
	}
	names, lok := b.list(file, line, f[4])
	from, to, dok := event.Date{}, event.Date{}, true
	if len(f) == 7 {
		from, to, dok = b.term(file, line, f[5], f[6], false)
	}
	if !ok || !lok || !dok {
		return
	}
	e := Entry{Code: code, Country: country, Role: role, Kind: Org, Name: strings.TrimPrefix(name, "~"), From: from, To: to}
	if _, seen := b.orgs[code]; !seen {
		b.orgs[code] = e
	}
	for _, n := range append([]string{name}, names...) {
		x := e
		if p, met := strings.CutPrefix(n, "~"); met {
			n = strings.TrimSpace(p)
			x.Kind = Metonym
		}
		b.add(file, line, n, x, true, false)
	}
	if country != "" {
		b.refs = append(b.refs, pending{file: file, line: line, code: "@" + country})
	}
	if !isOrgPrefix(code) {
		b.refs = append(b.refs, pending{file: file, line: line, code: "@" + code[:3]})
	}
}

func (b *builder) person(file string, line int, f []string) {
	if !b.wantFields(file, line, f, 5, 5) {
		return
	}
	names, ok := b.list(file, line, f[0])
	code, office := f[1], f[2]
	if len(names) == 0 {
		b.errorf(file, line, "no names")
		ok = false
	}
	if !isCode(code, 6, 15) {
		b.errorf(file, line, "bad code %q: want 6 to 15 capitals or digits", code)
		ok = false
	} else if !isOrgPrefix(code) && !validRoleCode(code[3:]) {
		b.errorf(file, line, "bad code %q: unknown role %q", code, code[3:6])
		ok = false
	}
	if office == "" {
		b.errorf(file, line, "empty office")
		ok = false
	}
	from, to, dok := b.term(file, line, f[3], f[4], true)
	if !ok || !dok {
		return
	}
	e := Entry{Code: code, Kind: Person, Name: names[0], Office: office, From: from, To: to}
	if !isOrgPrefix(code) {
		e.Country, e.Role = code[:3], code[3:6]
	}
	ref := pending{file: file, line: line, code: code}
	for _, n := range names {
		if b.add(file, line, n, e, true, false) {
			ref.idx = append(ref.idx, len(b.items)-1)
		}
	}
	b.refs = append(b.refs, ref)
}

// term parses a from/to pair.
func (b *builder) term(file string, line int, fromS, toS string, needFrom bool) (from, to event.Date, ok bool) {
	ok = true
	if fromS != "" || needFrom {
		var err error
		if from, err = parseDate(fromS, false); err != nil {
			b.errorf(file, line, "bad start date %q: %v", fromS, err)
			ok = false
		}
	}
	if toS != "" {
		var err error
		if to, err = parseDate(toS, true); err != nil {
			b.errorf(file, line, "bad end date %q: %v", toS, err)
			ok = false
		}
	}
	if ok && !from.IsZero() && !to.IsZero() && dayNum(to) < dayNum(from) {
		b.errorf(file, line, "end %s before start %s", to, from)
		ok = false
	}
	return from, to, ok
}

// parseDate reads YYYY, YYYY-MM or YYYY-MM-DD; an end date is widened to
// the last day of its period, a start date to the first.
func parseDate(s string, end bool) (event.Date, error) {
	var layout string
	switch len(s) {
	case 4:
		layout = "2006"
	case 7:
		layout = "2006-01"
	case 10:
		layout = "2006-01-02"
	default:
		return event.Date{}, fmt.Errorf("want YYYY, YYYY-MM or YYYY-MM-DD")
	}
	t, err := time.Parse(layout, s)
	if err != nil {
		return event.Date{}, fmt.Errorf("want YYYY, YYYY-MM or YYYY-MM-DD")
	}
	if end {
		switch len(s) {
		case 4:
			t = t.AddDate(1, 0, -1)
		case 7:
			t = t.AddDate(0, 1, -1)
		}
	}
	return event.DateOf(t), nil
}

// add queues phrase → e. Proper names (cased) match with the case they are
// written in: a capital must stay a capital and an acronym must stay upper
// case. It reports whether an item was added.
func (b *builder) add(file string, line int, phrase string, e Entry, cased, generated bool) bool {
	b.toks, b.key = tokenize(phrase, 0, len(phrase), b.toks[:0], b.key[:0])
	if !b.phraseOK(file, line, phrase) {
		return false
	}
	var pat uint32
	if cased {
		for i, t := range b.toks {
			var p uint32
			switch {
			case t.firstUpper && t.allUpper && t.kEnd-t.kStart >= 2:
				p = caseUpper
			case t.firstUpper:
				p = caseCap
			}
			pat |= p << (2 * i)
		}
	}
	b.items = append(b.items, item{key: string(b.key), pattern: pat, ntok: len(b.toks), entry: e, file: file, line: line, generated: generated})
	return true
}

// checkPhrase validates a phrase that is not indexed (a capital).
func (b *builder) checkPhrase(file string, line int, phrase string) {
	b.toks, b.key = tokenize(phrase, 0, len(phrase), b.toks[:0], b.key[:0])
	b.phraseOK(file, line, phrase)
}

func (b *builder) phraseOK(file string, line int, phrase string) bool {
	switch {
	case len(b.toks) == 0:
		b.errorf(file, line, "phrase %q has no words", phrase)
		return false
	case len(b.toks) > maxPhrase:
		b.errorf(file, line, "phrase %q has %d words, at most %d allowed", phrase, len(b.toks), maxPhrase)
		return false
	}
	for _, t := range b.toks[1:] {
		if t.brk {
			b.errorf(file, line, "phrase %q has punctuation that splits it", phrase)
			return false
		}
	}
	return true
}

// resolve checks references between files and fills in codes' countries.
func (b *builder) resolve() {
	for _, r := range b.refs {
		if c, ok := strings.CutPrefix(r.code, "@"); ok {
			if b.sawPlaces && b.where[c] == "" {
				b.errorf(r.file, r.line, "unknown country or region %s", c)
			}
			continue
		}
		if isOrgPrefix(r.code) {
			org, ok := b.orgs[r.code]
			if !ok {
				if b.sawOrgs {
					b.errorf(r.file, r.line, "unknown org code %s", r.code)
				}
				for _, i := range r.idx {
					b.items[i].entry.Role = r.code[:3]
				}
				continue
			}
			for _, i := range r.idx {
				b.items[i].entry.Country, b.items[i].entry.Role = org.Country, org.Role
			}
			continue
		}
		if b.sawPlaces && b.countries[r.code[:3]] == nil {
			b.errorf(r.file, r.line, "unknown country %s in code %s", r.code[:3], r.code)
		}
	}
}

func isOrgPrefix(code string) bool {
	return strings.HasPrefix(code, "IGO") || strings.HasPrefix(code, "NGO") || strings.HasPrefix(code, "IMG")
}

// isCode accepts codes of 3 capitals then capitals or digits ("IGOG20").
func isCode(s string, min, max int) bool {
	if len(s) < min || len(s) > max || !isUpperWord(s[:3], 3, 3) {
		return false
	}
	for i := 3; i < len(s); i++ {
		if (s[i] < 'A' || s[i] > 'Z') && (s[i] < '0' || s[i] > '9') {
			return false
		}
	}
	return true
}

func isUpperWord(s string, min, max int) bool {
	if len(s) < min || len(s) > max {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}

// validRoleCode accepts one or more 3-letter CAMEO role codes run
// together ("GOV", "GOVMED").
func validRoleCode(s string) bool {
	if len(s) == 0 || len(s)%3 != 0 || len(s) > 12 {
		return false
	}
	for i := 0; i < len(s); i += 3 {
		if !validRole(s[i : i+3]) {
			return false
		}
	}
	return true
}

// validRole reports whether s is a CAMEO role code annals uses.
func validRole(s string) bool {
	switch s {
	case "GOV", "MIL", "COP", "JUD", "LEG", "OPP", "PTY", "REB", "INS", "SEP", "SPY", "UAF",
		"CRM", "CVL", "MED", "BUS", "EDU", "REL", "LAB", "HLH", "REF", "AGR", "ELI",
		"HRI", "ENV", "DEV", "MOD", "RAD", "IGO", "NGO", "NGM", "IMG", "FRM", "SET", "MNC":
		return true
	}
	return false
}
