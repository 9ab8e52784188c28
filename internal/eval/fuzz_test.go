package eval_test

import (
	"bytes"
	"testing"

	"github.com/annals-project/annals/internal/eval"
	"github.com/annals-project/annals/internal/event"
)

func FuzzParseBatch(f *testing.F) {
	f.Add([]byte(`{"id": "a", "text": "Troops withdrew.", "events": [{"id": "E1", "sentence": "withdrew", "roots": ["19"], "location": {"lat": 1, "lon": 2}}], "quotes": [{"text": "We left", "speaker": ["army"]}]}`))
	f.Add([]byte(`{"id": 3, "partial": true, "fp_roots": ["14"], "events": [{"roots": ["14"], "source": {"role": "GOV"}}]}` + "\n\n{"))
	f.Add([]byte(`{"id": "x", "events": [{"roots": [], "location": {}}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		golds, err := eval.ParseBatch("fuzz.jsonl", bytes.NewReader(data))
		if err != nil {
			return
		}
		// Whatever parses can be scored without panicking.
		c := &event.Coded{Events: []event.Event{{Text: "Troops withdrew.", Root: "19", Source: &event.Actor{Country: "XYZ"}, Location: &event.Location{}}},
			Quotes: []event.Quote{{Text: "We left"}}}
		for _, g := range golds {
			eval.Score(g, c)
			eval.Score(g, nil)
		}
	})
}
