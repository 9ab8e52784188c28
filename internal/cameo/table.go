package cameo

import (
	"embed"
	"fmt"
	"io/fs"
	"iter"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/annals-project/annals/internal/lineerr"
	"github.com/annals-project/annals/internal/tsv"
)

//go:embed data/cameo.tsv data/roles.tsv
var dataFS embed.FS

// Names of the embedded tables in dataFS.
const (
	defaultCodes = "data/cameo.tsv"
	defaultRoles = "data/roles.tsv"
)

// codeHeader is the column header every event-code table must start with.
var codeHeader = []string{
	"code", "goldstein", "name", "plover", "plover_mode", "plover_context",
	"acled_type", "acled_subtype", "origin",
}

// An Entry is one CAMEO event code and everything the tables say about it.
type Entry struct {
	Code      Code
	Root      string  // two-digit root, e.g. "02" for "0251"
	Name      string  // short official CAMEO name
	Goldstein float64 // Goldstein weight, −10 to 10
	QuadClass int     // 1–4, from the root (see Code.QuadClass)

	// PLOVER is the PLOVER event type, or "" where PLOVER drops the code
	// (roots 01 and 02). PLOVERMode and PLOVERContext are "" when the mapping
	// gives none; PLOVERContext may list several contexts, comma-separated.
	PLOVER        string
	PLOVERMode    string
	PLOVERContext string

	// ACLEDType and ACLEDSubtype are the code's ACLED category when nothing
	// else is known about the event, or "" when ACLED records no such event
	// (statements, appeals, diplomacy). Table.ACLED refines them.
	ACLEDType    string
	ACLEDSubtype string

	// Extension is true for codes added after CAMEO 1.1b3 (155, 176, 1834,
	// 1951, 1952); their Goldstein weight is their parent's.
	Extension bool
}

// A Table holds the CAMEO event codes. It is read-only once loaded and safe
// for concurrent use.
type Table struct {
	entries []Entry // sorted by Code
	index   map[Code]int
}

// Default returns the table embedded in the package (data/cameo.tsv). Each
// call parses it anew (about 0.25 ms), so call it once at
// start-up and share the result.
func Default() (*Table, error) {
	return Load(dataFS, defaultCodes)
}

// Load reads an event-code table in the format of data/cameo.tsv from fsys.
// A file that cannot be read gives a wrapped fs error; a malformed file gives
// a lineerr.List with one "name:line: msg" entry per problem.
func Load(fsys fs.FS, name string) (*Table, error) {
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil, fmt.Errorf("load cameo table %s: %w", name, err)
	}
	return parseTable(name, data)
}

func parseTable(name string, data []byte) (*Table, error) {
	var errs lineerr.List
	recs := tsv.Read(name, data, codeHeader, tsv.Options{}, &errs)
	t := &Table{index: make(map[Code]int, len(recs))}
	lines := make(map[Code]int, len(recs))
	for _, r := range recs {
		e, msgs := parseEntry(r.Fields)
		for _, m := range msgs {
			errs.Add(name, r.N, "%s", m)
		}
		if len(msgs) > 0 {
			continue
		}
		if first, dup := lines[e.Code]; dup {
			errs.Add(name, r.N, "duplicate code %s (first on line %d)", e.Code, first)
			continue
		}
		lines[e.Code] = r.N
		t.entries = append(t.entries, e)
	}
	for _, e := range t.entries {
		if p := e.Code.Parent(); p != "" {
			if _, ok := lines[p]; !ok {
				errs.Add(name, lines[e.Code], "code %s: parent %s not in table", e.Code, p)
			}
		}
	}
	if len(t.entries) == 0 && len(errs) == 0 {
		errs.Add(name, 0, "no codes")
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	slices.SortFunc(t.entries, func(a, b Entry) int { return strings.Compare(string(a.Code), string(b.Code)) })
	for i, e := range t.entries {
		t.index[e.Code] = i
	}
	return t, nil
}

// parseEntry checks one record's fields and returns the entry, or the
// problems found.
func parseEntry(f []string) (Entry, []string) {
	var msgs []string
	bad := func(format string, args ...any) { msgs = append(msgs, fmt.Sprintf(format, args...)) }

	e := Entry{Code: Code(f[0]), Name: none(f[2])}
	if !validCodeSyntax(f[0]) {
		bad("code %q: want 2 to 4 digits", f[0])
	} else if _, ok := rootNumber(f[0][:2]); !ok {
		bad("code %s: root %s is not 01-20", f[0], f[0][:2])
	} else {
		e.Root = e.Code.Root()
		e.QuadClass = e.Code.QuadClass()
	}

	g, err := strconv.ParseFloat(f[1], 64)
	switch {
	case err != nil:
		bad("goldstein %q is not a number", f[1])
	case math.IsNaN(g) || g < -10 || g > 10:
		bad("goldstein %s out of range [-10, 10]", f[1])
	default:
		e.Goldstein = g
	}

	if e.Name == "" {
		bad("name is empty")
	}

	e.PLOVER, e.PLOVERMode, e.PLOVERContext = none(f[3]), none(f[4]), none(f[5])
	switch {
	case e.PLOVER != "" && !isPLOVEREvent(e.PLOVER):
		bad("unknown PLOVER event type %q", e.PLOVER)
	case e.PLOVER == "" && (e.PLOVERMode != "" || e.PLOVERContext != ""):
		bad("PLOVER mode or context without an event type")
	case e.PLOVERMode != "" && !slices.Contains(PLOVERModes(e.PLOVER), e.PLOVERMode):
		bad("PLOVER mode %q is not a mode of %s", e.PLOVERMode, e.PLOVER)
	}
	if e.PLOVERContext != "" {
		seen := map[string]bool{}
		for c := range strings.SplitSeq(e.PLOVERContext, ",") {
			switch {
			case !isPLOVERContext(c):
				bad("unknown PLOVER context %q", c)
			case seen[c]:
				bad("PLOVER context %q repeated", c)
			}
			seen[c] = true
		}
	}

	e.ACLEDType, e.ACLEDSubtype = none(f[6]), none(f[7])
	switch {
	case e.ACLEDType == "" && e.ACLEDSubtype == "":
	case e.ACLEDType == "":
		bad("ACLED sub-type %q without a type", e.ACLEDSubtype)
	case !isACLEDType(e.ACLEDType):
		bad("unknown ACLED event type %q", e.ACLEDType)
	case e.ACLEDSubtype == "":
		bad("ACLED type %q without a sub-type", e.ACLEDType)
	case ACLEDTypeOf(e.ACLEDSubtype) != e.ACLEDType:
		bad("ACLED sub-type %q is not a sub-type of %q", e.ACLEDSubtype, e.ACLEDType)
	}

	switch f[8] {
	case "1.1b3":
	case "ext":
		e.Extension = true
	default:
		bad("origin %q: want 1.1b3 or ext", f[8])
	}
	return e, msgs
}

func validCodeSyntax(s string) bool {
	if len(s) < 2 || len(s) > 4 {
		return false
	}
	for i := range len(s) {
		if !isDigit(s[i]) {
			return false
		}
	}
	return true
}

// Lookup returns the entry for code c. The match is exact: "10" is the root
// DEMAND, "010" the code Make statement.
func (t *Table) Lookup(c Code) (Entry, bool) {
	i, ok := t.index[c]
	if !ok {
		return Entry{}, false
	}
	return t.entries[i], true
}

// Roots returns the entries of the two-digit root codes, in code order.
func (t *Table) Roots() []Entry {
	var roots []Entry
	for _, e := range t.entries {
		if len(e.Code) == 2 {
			roots = append(roots, e)
		}
	}
	return roots
}

// All returns every entry in code order ("01", "010", "011", …, "2042").
func (t *Table) All() iter.Seq[Entry] {
	return func(yield func(Entry) bool) {
		for _, e := range t.entries {
			if !yield(e) {
				return
			}
		}
	}
}

// Len returns the number of codes in the table.
func (t *Table) Len() int { return len(t.entries) }
