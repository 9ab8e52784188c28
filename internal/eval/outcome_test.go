package eval_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/annals-project/annals/internal/eval"
	"github.com/google/go-cmp/cmp"
)

func TestSnapshotRoundTrip(t *testing.T) {
	s := &eval.Snapshot{Sets: []eval.SetOutcome{{
		Gold:    "golds/",
		Summary: "events P=1.00 R=1.00 F1=1.00 strict=1.00 (1/1 required, 1 judged) · quotes P=0.00 R=0.00 · docs=1",
		Docs: []eval.Outcome{{Doc: "a.gold.json", Items: []eval.Item{{Kind: eval.KindEvent, ID: "E1", Status: eval.StatusPartial, Detail: "target"}},
			FalsePositives: []string{"root=18 src= tgt= :: Gunmen attacked a bus."}, Label: "Attack", Predicted: "NONE"}},
	}}}
	var b bytes.Buffer
	if _, err := s.WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	got, err := eval.ReadSnapshot(&b)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(s, got); diff != "" {
		t.Errorf("round trip (-want +got):\n%s", diff)
	}
	if _, err := eval.ReadSnapshot(strings.NewReader(`{"sets": [], "extra": 1}`)); err == nil {
		t.Error("ReadSnapshot with an unknown field: want an error")
	}
}

func TestDiff(t *testing.T) {
	item := func(id string, s eval.Status) eval.Item { return eval.Item{Kind: eval.KindEvent, ID: id, Status: s} }
	base := &eval.Snapshot{Sets: []eval.SetOutcome{{Gold: "g", Docs: []eval.Outcome{
		{Doc: "a", Items: []eval.Item{item("E1", eval.StatusMiss), item("E2", eval.StatusHit), item("E3", eval.StatusHit)},
			FalsePositives: []string{"fp one", "fp two", "fp two"}},
		{Doc: "b", Label: "Arrests", Predicted: "Arrests"},
		{Doc: "gone", Items: []eval.Item{item("E1", eval.StatusHit)}},
	}}}}
	cur := &eval.Snapshot{Sets: []eval.SetOutcome{{Gold: "g", Docs: []eval.Outcome{
		{Doc: "a", Items: []eval.Item{item("E1", eval.StatusHit), {Kind: eval.KindEvent, ID: "E2", Status: eval.StatusPartial, Detail: "date"}, item("E3", eval.StatusHit)},
			FalsePositives: []string{"fp two", "fp three"}},
		{Doc: "b", Label: "Arrests", Predicted: "Peaceful protest"},
		{Doc: "new", Items: []eval.Item{{Kind: eval.KindQuote, ID: "Q1", Status: eval.StatusMiss}}},
	}}}}
	var got []string
	for _, c := range eval.Diff(base, cur) {
		got = append(got, c.String())
	}
	want := []string{
		"+ a: event E1 miss → hit",
		"- a: event E2 hit → partial (date)",
		"- a: new false positive: fp three",
		"+ a: false positive gone: fp one",
		"+ a: false positive gone: fp two",
		"- b: label right → wrong (gold Arrests, predicted Peaceful protest, was Arrests)",
		"~ new: quote Q1 absent → miss",
		"- gone: event E1 hit → absent",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Diff (-want +got):\n%s", diff)
	}
	better, worse := eval.Tally(eval.Diff(base, cur))
	if better != 3 || worse != 4 {
		t.Errorf("Tally = %d better, %d worse; want 3, 4", better, worse)
	}
	if d := eval.Diff(cur, cur); len(d) != 0 {
		t.Errorf("Diff of a run with itself = %v, want none", d)
	}
}
