package alert_test

import (
	"fmt"

	"github.com/annals-project/annals/internal/alert"
	"github.com/annals-project/annals/internal/event"
)

// Example tests one day of counts against a four-week baseline: a country
// that saw about four protests a day sees 30.
func Example() {
	c := alert.NewCounts(0)
	protests := alert.Cell{Country: "KAZ", Scheme: alert.SchemeCAMEO, Type: "14"}
	statements := alert.Cell{Country: "KAZ", Scheme: alert.SchemeCAMEO, Type: "01"}
	day := event.Date{Year: 2022, Month: 1, Day: 5}
	for i := -28; i < 0; i++ {
		c.AddCount(day.AddDays(i), protests, 4+i%2)
		c.AddCount(day.AddDays(i), statements, 10+i%3)
	}
	c.AddCount(day, protests, 30)
	c.AddCount(day, statements, 11)

	d, err := alert.NewDetector(alert.DefaultConfig())
	if err != nil {
		panic(err)
	}
	res, err := d.Detect(c, day)
	if err != nil {
		panic(err)
	}
	for _, t := range res.Tests {
		fmt.Printf("%s: %d events, expected %.1f, alert %v\n", t.Cell.Key(), t.Count, t.Expected, t.Alert)
	}
	// Output:
	// KAZ/cameo:01: 11 events, expected 8.7, alert false
	// KAZ/cameo:14: 30 events, expected 3.4, alert true
}
