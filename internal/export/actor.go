package export

import (
	"strings"

	"github.com/annals-project/annals/internal/event"
)

// ActorCode is a CAMEO actor code split into the parts GDELT gives their
// own columns.
type ActorCode struct {
	// Code is the whole code ("IRNGOV", "IGOUNOHRI").
	Code string
	// Country is the country (or CAMEO region) code.
	Country string
	// KnownGroup is the code of a named organisation ("UNO", "EEC").
	KnownGroup string
	// Ethnic is an ethnic group code; CAMEO writes them in lower case.
	Ethnic string
	// Religion1 and Religion2 are religion codes ("MOS", "SUN").
	Religion1, Religion2 string
	// Types are up to three role codes ("GOV", "IGO", "HRI"), in order.
	Types [3]string
}

// SplitActor splits a's CAMEO code into GDELT's actor parts, three letters
// at a time:
//
//   - the country is a.Country when it is a country or CAMEO region code,
//     else the first segment that is one;
//   - a segment that is a role code of package cameo ("GOV", "IGO", "REB")
//     is the next of up to three types;
//   - a CAMEO religion code is the next of up to two religions;
//   - a segment in lower case is the ethnic code;
//   - any other segment is the known group (the first such one; later ones
//     stay in Code only).
//
// A code whose length is not a multiple of three is kept whole in Code,
// with a.Country and a.Role as country and first type. A nil actor gives
// the zero ActorCode.
func (x *Exporter) SplitActor(a *event.Actor) ActorCode {
	if a == nil {
		return ActorCode{}
	}
	out := ActorCode{Code: a.Code}
	if x.isCountryCode(a.Country) {
		out.Country = a.Country
	}
	if a.Code == "" || len(a.Code)%3 != 0 {
		if x.isRole(a.Role) {
			out.Types[0] = a.Role
		}
		return out
	}
	countryUsed := false
	nt, nr := 0, 0
	for i := 0; i+3 <= len(a.Code); i += 3 {
		seg := a.Code[i : i+3]
		switch {
		case !countryUsed && seg == out.Country:
			countryUsed = true
		case !countryUsed && out.Country == "" && x.isCountryCode(seg):
			out.Country, countryUsed = seg, true
		case x.isRole(seg):
			if nt < len(out.Types) {
				out.Types[nt] = seg
				nt++
			}
		case x.isReligion(seg):
			switch nr {
			case 0:
				out.Religion1 = seg
			case 1:
				out.Religion2 = seg
			}
			nr++
		case strings.ToLower(seg) == seg && out.Ethnic == "":
			out.Ethnic = seg
		case out.KnownGroup == "":
			out.KnownGroup = seg
		}
	}
	return out
}

func (x *Exporter) isCountryCode(s string) bool {
	if len(s) != 3 {
		return false
	}
	if _, ok := x.tables.Country(s); ok {
		return true
	}
	_, ok := x.tables.Region(s)
	return ok
}

func (x *Exporter) isRole(s string) bool {
	_, ok := x.roles.Lookup(s)
	return ok
}

func (x *Exporter) isReligion(s string) bool {
	_, ok := x.tables.Religion(s)
	return ok
}

// actorName returns the name an actor is exported under: its canonical
// name, else the words of the text.
func actorName(a *event.Actor) string {
	if a == nil {
		return ""
	}
	if a.Name != "" {
		return clean(a.Name)
	}
	return clean(a.Text)
}

// countryName returns the short name of the country with code iso3, or ""
// for an unknown or empty code.
func (x *Exporter) countryName(iso3 string) string {
	if c, ok := x.tables.Country(iso3); ok {
		return c.Name
	}
	return ""
}
