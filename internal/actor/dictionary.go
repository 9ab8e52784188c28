package actor

import (
	"fmt"
	"sort"
	"strings"
	"sync"

	"github.com/annals-project/annals/internal/event"
)

// A Dictionary maps phrases to actor entries. Build one with Default or
// Load. It is read-only and safe for concurrent use.
type Dictionary struct {
	entries   []Entry  // grouped by phrase
	patterns  []uint32 // case pattern of entries[i]'s phrase
	phrases   map[string]phrase
	first     map[string]uint8 // first word → longest phrase (in words) starting with it
	countries map[string]*CountryInfo
	codes     []string // country codes, sorted
	titles    []Entry
	kinds     [Region + 1]int
	scratch   sync.Pool // *scratch
}

// A phrase is the group of entries sharing one normalised key.
type phrase struct {
	lo, hi int32
	// plain: no entry needs a case or date check, so entries[lo:hi] is
	// returned as is.
	plain bool
	// persons: every entry is a dated Person (a former office-holder
	// becomes an ELI entry).
	persons bool
	// repeats: two entries differ only in their term or office (a person
	// who held several offices), so a dated match keeps one of each.
	repeats bool
}

type scratch struct {
	toks []token
	key  []byte
}

// index groups the items by key, dropping derived duplicates and reporting
// explicit ones.
func (b *builder) index() *Dictionary {
	sort.SliceStable(b.items, func(i, j int) bool { return b.items[i].key < b.items[j].key })
	d := &Dictionary{
		phrases:   map[string]phrase{},
		first:     map[string]uint8{},
		countries: b.countries,
	}
	var origin []item
	for lo := 0; lo < len(b.items); {
		hi := lo + 1
		for hi < len(b.items) && b.items[hi].key == b.items[lo].key {
			hi++
		}
		start := int32(len(d.entries))
		p := phrase{plain: true, persons: true}
		origin = origin[:0] // the item that introduced each entry
		for i := lo; i < hi; i++ {
			it := b.items[i]
			dup := -1
			for j := int(start); j < len(d.entries); j++ {
				if sameEntry(&d.entries[j], &it.entry) {
					dup = j
					break
				}
			}
			if dup >= 0 {
				// The same meaning again: an explicit repeat is an error;
				// a derived form, or a spelling that differs only in case
				// ("Kim Jong Un", "Kim Jong-un"), merges into the looser
				// case pattern.
				o := origin[dup-int(start)]
				if !it.generated && !o.generated && it.pattern == d.patterns[dup] {
					b.errorf(it.file, it.line, "duplicate phrase %q for %s (first at %s:%d)", it.key, it.entry.Code, o.file, o.line)
				}
				d.patterns[dup] = loosest(d.patterns[dup], it.pattern)
				continue
			}
			origin = append(origin, it)
			d.entries = append(d.entries, it.entry)
			d.patterns = append(d.patterns, it.pattern)
		}
		for j := int(start); j < len(d.entries); j++ {
			e := &d.entries[j]
			if d.patterns[j] != 0 || !e.From.IsZero() || !e.To.IsZero() {
				p.plain = false
			}
			if e.Kind != Person {
				p.persons = false
			}
			for k := int(start); k < j; k++ {
				if sameActor(&d.entries[k], e) {
					p.repeats = true
				}
			}
		}
		p.lo, p.hi = start, int32(len(d.entries))
		key := b.items[lo].key
		d.phrases[key] = p
		first := key
		for k := 0; k < len(key); k++ {
			if key[k] == ' ' {
				first = key[:k]
				break
			}
		}
		if n := uint8(b.items[lo].ntok); n > d.first[first] {
			d.first[first] = n
		}
		lo = hi
	}
	for _, e := range d.entries {
		d.kinds[e.Kind]++
		if e.Title {
			d.titles = append(d.titles, e)
		}
	}
	d.titles = append(d.titles, b.titleOnly...)
	sort.SliceStable(d.titles, func(i, j int) bool { return d.titles[i].Name < d.titles[j].Name })
	for c := range d.countries {
		d.codes = append(d.codes, c)
	}
	sort.Strings(d.codes)
	d.scratch.New = func() any { return &scratch{toks: make([]token, 0, 64), key: make([]byte, 0, 512)} }
	return d
}

// Len reports the number of entries (phrase → meaning pairs, plural forms
// included).
func (d *Dictionary) Len() int { return len(d.entries) }

// Phrases reports the number of distinct normalised phrases.
func (d *Dictionary) Phrases() int { return len(d.phrases) }

// Count reports the number of entries of kind k.
func (d *Dictionary) Count(k Kind) int {
	if int(k) >= len(d.kinds) {
		return 0
	}
	return d.kinds[k]
}

// Country returns what the dictionary knows about a country, by ISO 3166-1
// alpha-3 code.
func (d *Dictionary) Country(code string) (CountryInfo, bool) {
	c, ok := d.countries[code]
	if !ok {
		return CountryInfo{}, false
	}
	return *c, true
}

// Countries returns every country, sorted by code.
func (d *Dictionary) Countries() []CountryInfo {
	out := make([]CountryInfo, len(d.codes))
	for i, c := range d.codes {
		out[i] = *d.countries[c]
	}
	return out
}

// Titles returns the agents that can stand before a personal name
// ("President", "Foreign Minister", "Gen."), sorted by name: the pieces for
// title + name patterns the coder learns within a document.
func (d *Dictionary) Titles() []Entry {
	return append([]Entry(nil), d.titles...)
}

// Lookup returns the entries of an exact phrase, ignoring case, filtered by
// date like Match. It returns nil when the phrase is unknown.
func (d *Dictionary) Lookup(phrase string, date event.Date) []Entry {
	sc := d.scratch.Get().(*scratch)
	defer d.scratch.Put(sc)
	sc.toks, sc.key = tokenize(phrase, 0, len(phrase), sc.toks[:0], sc.key[:0])
	p, ok := d.phrases[string(sc.key)]
	if !ok {
		return nil
	}
	var out []Entry
	for i := p.lo; i < p.hi; i++ {
		if d.entries[i].InOffice(date) {
			out = append(out, d.entries[i])
		}
	}
	if len(out) == 0 && p.persons {
		if e, ok := d.former(p, date); ok {
			out = append(out, e)
		}
	}
	return out
}

// former returns the ELI entry for a person out of office on date whose
// last term ended before it: CAMEO codes former officials as elites. It is
// called only when no term covers date.
func (d *Dictionary) former(p phrase, date event.Date) (Entry, bool) {
	if date.IsZero() {
		return Entry{}, false
	}
	best := -1
	n := dayNum(date)
	for i := p.lo; i < p.hi; i++ {
		e := &d.entries[i]
		if e.To.IsZero() || dayNum(e.To) >= n || len(e.Country) != 3 || isOrgPrefix(e.Code) {
			continue
		}
		if best < 0 || dayNum(e.To) > dayNum(d.entries[best].To) {
			best = int(i)
		}
	}
	if best < 0 {
		return Entry{}, false
	}
	e := d.entries[best]
	e.Role = "ELI"
	e.Code = e.Country + "ELI"
	return e, true
}

// sameEntry reports whether two entries mean the same, up to the case of
// their names ("soldier", "Soldier").
func sameEntry(a, b *Entry) bool {
	x, y := *a, *b
	x.Name, y.Name = "", ""
	return x == y && strings.EqualFold(a.Name, b.Name)
}

// sameActor reports whether two entries code the same actor.
func sameActor(a, b *Entry) bool {
	return a.Code == b.Code && a.Kind == b.Kind && a.Name == b.Name && a.Plural == b.Plural
}

// loosest merges two case patterns word by word, keeping the weaker
// constraint.
func loosest(a, b uint32) uint32 {
	var out uint32
	for i := 0; i < maxPhrase; i++ {
		x, y := (a>>(2*i))&3, (b>>(2*i))&3
		out |= min(x, y) << (2 * i)
	}
	return out
}

// String summarises the dictionary.
func (d *Dictionary) String() string {
	return fmt.Sprintf("actor.Dictionary{%d phrases, %d entries}", len(d.phrases), len(d.entries))
}
