package geo_test

import (
	"fmt"

	"github.com/annals-project/annals/internal/event"
	"github.com/annals-project/annals/internal/geo"
)

func Example() {
	g, err := geo.Default() // load once, share: safe for concurrent use
	if err != nil {
		panic(err)
	}
	text := "ATLANTA (AP) — Police in Atlanta and Savannah said protests spread across Georgia."
	ms := g.Find(text, event.Span{End: len(text)}, nil)
	for _, m := range g.Locate(text, ms) {
		loc := m.Place.Location(m.Span)
		fmt.Printf("%s: %s, %s, %s (%s)\n", m.Span.Of(text), loc.Name, loc.Admin1, loc.Country, loc.Precision)
	}
	// Output:
	// ATLANTA: Atlanta, Georgia, USA (city)
	// Atlanta: Atlanta, Georgia, USA (city)
	// Savannah: Savannah, Georgia, USA (city)
	// Georgia: Georgia, Georgia, USA (admin1)
}

func ExampleGazetteer_Resolve() {
	g, err := geo.Default()
	if err != nil {
		panic(err)
	}
	p, _ := g.Resolve("Paris", geo.Context{})
	fmt.Println(p)
	p, _ = g.Resolve("Paris", geo.Context{Admin1: []string{"Texas"}})
	fmt.Println(p)
	p, _ = g.Resolve("Georgia", geo.Context{Countries: map[string]float64{"USA": 0.9}})
	fmt.Println(p)
	// Output:
	// Paris (city, FRA/Île-de-France)
	// Paris (city, USA/Texas)
	// Georgia (admin1, USA)
}
