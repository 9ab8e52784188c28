package eval_test

import (
	"fmt"
	"strings"

	"github.com/annals-project/annals/internal/eval"
	"github.com/annals-project/annals/internal/event"
)

func ExampleScore() {
	golds, err := eval.ParseBatch("example.jsonl", strings.NewReader(
		`{"id": "d1", "text": "Riot police detained 40 students outside the parliament in Accra on Monday.", `+
			`"events": [{"id": "E1", "sentence": "detained 40 students", "roots": ["17"], "source": {"country": "GHA", "role": ["COP"]}}]}`))
	if err != nil {
		fmt.Println(err)
		return
	}
	coded := &event.Coded{Events: []event.Event{{
		Text:   golds[0].Text,
		Source: &event.Actor{Text: "Riot police", Code: "GHACOP", Country: "GHA", Role: "COP"},
		CAMEO:  "173", Root: "17",
	}}}
	var tot eval.Totals
	tot.Add(eval.Score(golds[0], coded))
	fmt.Println(tot.Summary())
	// Output:
	// events P=1.00 R=1.00 F1=1.00 strict=1.00 (1/1 required, 1 judged) · quotes P=0.00 R=0.00 · docs=1
}
