package eval_test

import (
	"fmt"
	"testing"

	"github.com/annals-project/annals/internal/eval"
	"github.com/annals-project/annals/internal/event"
	"github.com/google/go-cmp/cmp"
)

func TestPredicted(t *testing.T) {
	tests := []struct {
		name   string
		events []event.Event
		want   string
	}{
		{"no events", nil, "NONE"},
		{"no typed event", []event.Event{{Confidence: 0.9}}, "NONE"},
		{"most confident", []event.Event{{ACLEDSubtype: "Arrests", Confidence: 0.5}, {Confidence: 1}, {ACLEDSubtype: "Armed clash", Confidence: 0.8}}, "Armed clash"},
		{"first on a tie", []event.Event{{ACLEDSubtype: "Arrests", Confidence: 0.5}, {ACLEDSubtype: "Looting/property destruction", Confidence: 0.5}}, "Arrests"},
		{"zero confidence still counts", []event.Event{{ACLEDSubtype: "Peaceful protest"}}, "Peaceful protest"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := eval.Predicted(&event.Coded{Events: tt.events}); got != tt.want {
				t.Errorf("Predicted = %q, want %q", got, tt.want)
			}
		})
	}
	if got := eval.Predicted(nil); got != eval.LabelNone {
		t.Errorf("Predicted(nil) = %q, want %q", got, eval.LabelNone)
	}
}

func TestLabels(t *testing.T) {
	var l eval.Labels
	for _, p := range [][2]string{
		{"Peaceful protest", "Peaceful_protest"},
		{"Peaceful protest", "NONE"},
		{"Armed clash", "armed  clash"},
		{"NONE", "Armed clash"},
	} {
		l.Add(p[0], p[1])
	}
	want := "acled-type acc=0.500 wF1=0.500 macroF1=0.444 none-false-alarm=1.00 docs=4"
	if got := l.Summary(); got != want {
		t.Errorf("Summary =\n%s\nwant\n%s", got, want)
	}
	wantReport := []string{
		fmt.Sprintf("%-40s n=   2 F1=0.67", "peaceful protest"),
		fmt.Sprintf("%-40s n=   1 F1=0.67", "armed clash"),
		fmt.Sprintf("%-40s n=   1 F1=0.00", "none"),
		fmt.Sprintf("     1  gold %-32s predicted none", "peaceful protest"),
		fmt.Sprintf("     1  gold %-32s predicted armed clash", "none"),
	}
	if diff := cmp.Diff(wantReport, l.Report()); diff != "" {
		t.Errorf("Report (-want +got):\n%s", diff)
	}
	if l.Accuracy() != 0.5 || l.WeightedF1() != 0.5 {
		t.Errorf("Accuracy %v WeightedF1 %v, want 0.5, 0.5", l.Accuracy(), l.WeightedF1())
	}
	var empty eval.Labels
	if got, want := empty.Summary(), "acled-type acc=0.000 wF1=0.000 macroF1=0.000 none-false-alarm=0.00 docs=0"; got != want {
		t.Errorf("empty Summary = %q, want %q", got, want)
	}
}
