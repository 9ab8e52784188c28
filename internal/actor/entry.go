package actor

import (
	"strconv"

	"github.com/annals-project/annals/internal/event"
)

// A Kind says what sort of actor phrase an Entry is.
type Kind uint8

// The kinds of Entry.
const (
	// Country is a country's name or demonym: "Iran", "U.S.", "Iranian".
	Country Kind = iota + 1
	// Metonym is a place name standing for an institution: "the Kremlin",
	// "Washington", "Downing Street". The same words may name a place; the
	// coder decides which from context.
	Metonym
	// Agent is a CAMEO role noun without a country: "police", "protesters",
	// "foreign minister".
	Agent
	// Org is an international body or a named group: "NATO", "UNICEF".
	Org
	// Person is a named office-holder, valid between From and To.
	Person
	// Region is a CAMEO region: "Europe", "the West", "Latin America".
	Region
)

// String returns the kind's lower-case name.
func (k Kind) String() string {
	switch k {
	case Country:
		return "country"
	case Metonym:
		return "metonym"
	case Agent:
		return "agent"
	case Org:
		return "org"
	case Person:
		return "person"
	case Region:
		return "region"
	}
	return "Kind(" + strconv.Itoa(int(k)) + ")"
}

// An Entry is what a dictionary phrase means.
type Entry struct {
	// Code is the full CAMEO actor code: "IRN", "RUSGOV", "IGOUNO". For an
	// Agent it is the bare role code ("COP"), which the coder prefixes with
	// a country.
	Code string
	// Country is the ISO 3166-1 alpha-3 code, a CAMEO region code for
	// international bodies and regions, or "" (agents, world-wide bodies).
	Country string
	// Role is the CAMEO role code (GOV, MIL, COP, IGO, …), "" for a bare
	// country.
	Role string
	// Kind says what sort of phrase this is.
	Kind Kind
	// Name is the canonical name: the country's short name, the agent's
	// singular lemma, the person's usual full name.
	Name string
	// Office is the office a Person held ("Foreign Minister").
	Office string
	// From and To bound a dated entry (persons, some groups); To is zero
	// while the term is open. Both are zero for undated entries.
	From, To event.Date
	// Plural reports a plural form ("protesters", "Iranians") or a
	// collective noun that names a group ("police", "government").
	Plural bool
	// Group reports a collective noun ("police", "army", "government").
	Group bool
	// Demonym reports an adjective or demonym form ("Iranian", "Kazakhs").
	Demonym bool
	// Title reports an agent that can stand before a personal name as a
	// title ("President", "Foreign Minister", "Gen.").
	Title bool
}

// InOffice reports whether a dated entry covers d. Undated entries, and
// any entry when d is zero, always do.
func (e *Entry) InOffice(d event.Date) bool {
	if d.IsZero() {
		return true
	}
	n := dayNum(d)
	if !e.From.IsZero() && n < dayNum(e.From) {
		return false
	}
	if !e.To.IsZero() && n > dayNum(e.To) {
		return false
	}
	return true
}

// dayNum orders dates without converting them to time.Time.
func dayNum(d event.Date) int { return d.Year*10000 + int(d.Month)*100 + d.Day }

// CountryInfo describes one country of the dictionary.
type CountryInfo struct {
	Code    string   // ISO 3166-1 alpha-3
	Name    string   // short name: "Iran"
	Names   []string // other names: "Islamic Republic of Iran", "Persia"
	Demonym []string // adjectives and demonyms: "Iranian"
	Capital string   // "Tehran"
	// Metonyms are the phrases that stand for its institutions, with
	// their roles: "Kremlin" GOV, "Pentagon" MIL.
	Metonyms []MetonymInfo
}

// A MetonymInfo is one metonym of a country.
type MetonymInfo struct {
	Phrase string
	Role   string
}
