package actor_test

import (
	"fmt"

	"github.com/annals-project/annals/internal/actor"
	"github.com/annals-project/annals/internal/event"
)

func ExampleDictionary_Match() {
	d, err := actor.Default()
	if err != nil {
		panic(err)
	}
	text := "Iran's Foreign Ministry spokesman Saeed Khatibzadeh urged Kazakh protesters to stay calm."
	date := event.Date{Year: 2022, Month: 1, Day: 7}
	for _, m := range d.Match(text, event.Span{Start: 0, End: len(text)}, date, nil) {
		e := m.Entries[0]
		fmt.Printf("%s: %s %s role=%q\n", m.Text, e.Kind, e.Code, e.Role)
	}
	// Output:
	// Iran: country IRN role=""
	// Foreign Ministry spokesman: agent GOV role="GOV"
	// Saeed Khatibzadeh: person IRNGOV role="GOV"
	// Kazakh: country KAZ role=""
	// protesters: agent OPP role="OPP"
}
