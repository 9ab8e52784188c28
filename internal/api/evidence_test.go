package api_test

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/annals-project/annals/internal/api"
	"github.com/annals-project/annals/internal/event"
)

// at returns the span of the n-th (from 0) occurrence of sub in text.
func at(text, sub string, n int) event.Span {
	off := 0
	for ; n > 0; n-- {
		off += strings.Index(text[off:], sub) + len(sub)
	}
	i := off + strings.Index(text[off:], sub)
	return event.Span{Start: i, End: i + len(sub)}
}

func TestNewEvidence(t *testing.T) {
	const doc = "Riot police dispersed the crowd in Tbilisi.\nThe ministry said nothing.\nRiot police dispersed the crowd in Tbilisi."
	second := strings.LastIndex(doc, "Riot")
	const utf = "Demonstrators in Zürich blocked the Bahnhofstrasse on Friday."
	tests := []struct {
		name      string
		doc       string
		e         event.Event
		wantOK    bool
		wantSpan  event.Span
		wantParts []api.Part
	}{
		{
			name: "first of a repeated sentence",
			doc:  doc,
			e: event.Event{Text: "Riot police dispersed the crowd in Tbilisi.", Span: at(doc, "dispersed", 0),
				Source: &event.Actor{Span: at(doc, "Riot police", 0)}, Target: &event.Actor{Span: at(doc, "the crowd", 0)},
				Location: &event.Location{Span: at(doc, "Tbilisi", 0)}},
			wantOK: true, wantSpan: event.Span{Start: 0, End: 43},
			wantParts: []api.Part{{"Riot police", "source"}, {" ", ""}, {"dispersed", "action"}, {" ", ""},
				{"the crowd", "target"}, {" in ", ""}, {"Tbilisi", "location"}, {".", ""}},
		},
		{
			name:     "second of a repeated sentence",
			doc:      doc,
			e:        event.Event{Text: "Riot police dispersed the crowd in Tbilisi.", Span: at(doc, "dispersed", 1)},
			wantOK:   true,
			wantSpan: event.Span{Start: second, End: len(doc)},
			wantParts: []api.Part{{"Riot police ", ""}, {"dispersed", "action"},
				{" the crowd in Tbilisi.", ""}},
		},
		{
			name: "overlapping marks: the action wins, then the source",
			doc:  "Tbilisi police dispersed the crowd.",
			e: event.Event{Text: "Tbilisi police dispersed the crowd.", Span: event.Span{Start: 15, End: 24},
				Source:   &event.Actor{Span: event.Span{Start: 0, End: 14}},
				Location: &event.Location{Span: event.Span{Start: 0, End: 7}}},
			wantOK: true, wantSpan: event.Span{Start: 0, End: 35},
			wantParts: []api.Part{{"Tbilisi police", "source"}, {" ", ""}, {"dispersed", "action"}, {" the crowd.", ""}},
		},
		{
			name: "multibyte text",
			doc:  utf,
			e: event.Event{Text: utf, Span: at(utf, "blocked", 0),
				Location: &event.Location{Span: at(utf, "Zürich", 0)}},
			wantOK: true, wantSpan: event.Span{Start: 0, End: len(utf)},
			wantParts: []api.Part{{"Demonstrators in ", ""}, {"Zürich", "location"}, {" ", ""}, {"blocked", "action"},
				{" the Bahnhofstrasse on Friday.", ""}},
		},
		{
			name: "a mark inside a character is dropped",
			doc:  utf,
			e: event.Event{Text: utf, Span: at(utf, "blocked", 0),
				Location: &event.Location{Span: event.Span{Start: 19, End: 21}}},
			wantOK: true, wantSpan: event.Span{Start: 0, End: len(utf)},
			wantParts: []api.Part{{"Demonstrators in Zürich ", ""}, {"blocked", "action"},
				{" the Bahnhofstrasse on Friday.", ""}},
		},
		{
			name: "a location from another sentence is not marked",
			doc:  doc,
			e: event.Event{Text: "The ministry said nothing.", Span: at(doc, "said", 0),
				Location: &event.Location{Span: at(doc, "Tbilisi", 0)}},
			wantOK: true, wantSpan: at(doc, "The ministry said nothing.", 0),
			wantParts: []api.Part{{"The ministry ", ""}, {"said", "action"}, {" nothing.", ""}},
		},
		{
			name: "sentence not in the document",
			doc:  doc,
			e:    event.Event{Text: "Police dispersed the crowd.", Span: at(doc, "dispersed", 0)},
		},
		{
			name: "action outside the sentence",
			doc:  doc,
			e:    event.Event{Text: "The ministry said nothing.", Span: at(doc, "dispersed", 0)},
		},
		{
			name: "action outside the document",
			doc:  doc,
			e:    event.Event{Text: "The ministry said nothing.", Span: event.Span{Start: 500, End: 509}},
		},
		{name: "no sentence text", doc: doc, e: event.Event{Span: at(doc, "said", 0)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := api.NewEvidence(tt.doc, &tt.e)
			if ok != tt.wantOK {
				t.Fatalf("NewEvidence ok = %v, want %v", ok, tt.wantOK)
			}
			if !ok {
				return
			}
			if got.Span != tt.wantSpan || got.Text != tt.wantSpan.Of(tt.doc) {
				t.Errorf("sentence %v %q, want %v", got.Span, got.Text, tt.wantSpan)
			}
			if diff := cmp.Diff(tt.wantParts, got.Parts); diff != "" {
				t.Errorf("parts (-want +got):\n%s", diff)
			}
			for _, m := range got.Marks {
				if m.Span.Of(got.Text) != m.Text {
					t.Errorf("mark %+v: text is not its span's", m)
				}
			}
		})
	}
}
