package cameo

import (
	"fmt"
	"io/fs"
	"iter"
	"strings"

	"github.com/annals-project/annals/internal/lineerr"
	"github.com/annals-project/annals/internal/tsv"
)

// roleHeader is the column header every role table must start with.
var roleHeader = []string{"code", "name", "state", "armed", "cameo", "plover"}

// A Role is a CAMEO role (agent, sector) code: the three letters after the
// country in an actor code such as IRNGOV.
type Role struct {
	Code string // "GOV"
	Name string // "Government"

	// State is true for parts of the state: government, its armed and
	// police forces, intelligence, courts and legislature.
	State bool
	// Armed is true for organised armed forces, state or not. For ACLED, an
	// actor whose role is not armed is a civilian.
	Armed bool

	CAMEO  bool // a CAMEO role code
	PLOVER bool // a PLOVER sector code with the same meaning
}

// Roles holds the role codes. It is read-only once loaded and safe for
// concurrent use.
type Roles struct {
	list  []Role // in file order
	index map[string]int
}

// DefaultRoles returns the role table embedded in the package
// (data/roles.tsv).
func DefaultRoles() (*Roles, error) {
	return LoadRoles(dataFS, defaultRoles)
}

// LoadRoles reads a role table in the format of data/roles.tsv from fsys.
// A file that cannot be read gives a wrapped fs error; a malformed file gives
// a lineerr.List with one "name:line: msg" entry per problem.
func LoadRoles(fsys fs.FS, name string) (*Roles, error) {
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil, fmt.Errorf("load cameo roles %s: %w", name, err)
	}
	return parseRoles(name, data)
}

func parseRoles(name string, data []byte) (*Roles, error) {
	var errs lineerr.List
	recs := tsv.Read(name, data, roleHeader, tsv.Options{}, &errs)
	r := &Roles{index: make(map[string]int, len(recs))}
	lines := make(map[string]int, len(recs))
	for _, rec := range recs {
		f := rec.Fields
		role := Role{Code: f[0], Name: f[1]}
		ok := true
		if !validRoleCode(f[0]) {
			errs.Add(name, rec.N, "role code %q: want 3 capital letters", f[0])
			ok = false
		}
		if f[1] == "-" {
			errs.Add(name, rec.N, "name is empty")
			ok = false
		}
		for i, p := range []*bool{&role.State, &role.Armed, &role.CAMEO, &role.PLOVER} {
			switch f[2+i] {
			case "y":
				*p = true
			case "n":
			default:
				errs.Add(name, rec.N, "%s %q: want y or n", roleHeader[2+i], f[2+i])
				ok = false
			}
		}
		if !ok {
			continue
		}
		if first, dup := lines[role.Code]; dup {
			errs.Add(name, rec.N, "duplicate role %s (first on line %d)", role.Code, first)
			continue
		}
		lines[role.Code] = rec.N
		r.index[role.Code] = len(r.list)
		r.list = append(r.list, role)
	}
	if len(r.list) == 0 && len(errs) == 0 {
		errs.Add(name, 0, "no roles")
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	return r, nil
}

func validRoleCode(s string) bool {
	return len(s) == 3 && strings.Trim(s, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") == ""
}

// Lookup returns the role with the given code ("GOV").
func (r *Roles) Lookup(code string) (Role, bool) {
	i, ok := r.index[code]
	if !ok {
		return Role{}, false
	}
	return r.list[i], true
}

// All returns every role in table order.
func (r *Roles) All() iter.Seq[Role] {
	return func(yield func(Role) bool) {
		for _, role := range r.list {
			if !yield(role) {
				return
			}
		}
	}
}

// Len returns the number of roles.
func (r *Roles) Len() int { return len(r.list) }
