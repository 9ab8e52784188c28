package date_test

import (
	"fmt"

	"github.com/annals-project/annals/internal/date"
	"github.com/annals-project/annals/internal/event"
)

func ExampleFind() {
	text := "Police said on Tuesday that protesters had clashed with officers two days ago, the worst unrest since March 2023."
	anchor := event.Date{Year: 2024, Month: 3, Day: 14}
	for _, e := range date.Find(text, event.Span{Start: 0, End: len(text)}, anchor) {
		fmt.Println(e.Text, e.Date, e.Precision, e.Relative)
	}
	// Output:
	// Tuesday 2024-03-12 day true
	// two days ago 2024-03-12 day true
	// March 2023 2023-03-01 month false
}

func ExampleSentence() {
	text := "On 18 September 2023, two factions clashed in the upazila, police said on Wednesday."
	anchor := event.Date{Year: 2023, Month: 9, Day: 20}
	e, ok := date.Sentence(text, event.Span{Start: 0, End: len(text)}, anchor)
	fmt.Println(e.Text, e.Date, e.Precision, ok)
	// Output:
	// 18 September 2023 2023-09-18 day true
}
