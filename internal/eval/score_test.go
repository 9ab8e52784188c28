package eval_test

import (
	"strings"
	"testing"

	"github.com/annals-project/annals/internal/eval"
	"github.com/annals-project/annals/internal/event"
	"github.com/google/go-cmp/cmp"
)

// mustGold parses one batch gold, written over several lines.
func mustGold(tb testing.TB, gold string) *eval.Gold {
	tb.Helper()
	line := strings.ReplaceAll(gold, "\n", " ")
	gs, err := eval.ParseBatch("test.jsonl", strings.NewReader(line))
	if err != nil || len(gs) != 1 {
		tb.Fatalf("ParseBatch(%s) = %d golds, %v", line, len(gs), err)
	}
	return gs[0]
}

func intp(n int) *int { return &n }

const strikeGold = `{"id": "strike", "events": [
 {"id": "E1", "sentence": "Dock workers walked off the job", "source": {"country": "CHL", "role": ["LAB"]},
  "roots": ["14"], "date": "2024-03-05", "location": {"name": "Valparaiso", "lat": -33.0472, "lon": -71.6127, "km": 25}, "crowd_min": 200},
 {"id": "E2", "required": false, "sentence": "talks with the union would resume", "source": {"country": "CHL"}, "roots": ["03", "04"]}],
 "quotes": [{"id": "Q1", "text": "talks with the union would resume on Thursday", "speaker": ["minister"], "direct": false}]}`

const (
	strikeText = "Dock workers walked off the job at the port of Valparaiso on Tuesday, halting container traffic."
	talksText  = "Chile's labour minister said talks with the union would resume on Thursday."
)

var (
	dockers  = &event.Actor{Text: "Dock workers", Code: "CHLLAB", Country: "CHL", Role: "LAB"}
	minister = &event.Actor{Text: "Chile's labour minister", Code: "CHLGOV", Country: "CHL", Role: "GOV"}
	port     = &event.Location{Name: "Valparaíso", Country: "CHL", Lat: -33.036, Lon: -71.6296}
	inland   = &event.Location{Name: "Santiago", Country: "CHL", Lat: -33.4569, Lon: -70.6483}
	tuesday  = event.Date{Year: 2024, Month: 3, Day: 5}
	monday   = event.Date{Year: 2024, Month: 3, Day: 4}
)

func TestScore(t *testing.T) {
	strike := event.Event{Text: strikeText, Source: dockers, CAMEO: "143", Root: "14", Date: tuesday, Location: port, Crowd: intp(500)}
	tests := []struct {
		name   string
		gold   string
		events []event.Event
		quotes []event.Quote
		want   eval.Counts
		report []string
	}{
		{
			name:   "strict hit",
			gold:   strikeGold,
			events: []event.Event{strike},
			want:   eval.Counts{EventsTP: 1, EventsJudged: 1, Required: 1, Found: 1, Strict: 1, DateJudged: 1, DateOK: 1, LocationJudged: 1, LocationOK: 1, QuotesRequired: 1},
			report: []string{`  MISS Q1   quote "talks with the union would resume on Thursday" by minister`},
		},
		{
			name: "partial: date, place and crowd wrong",
			gold: strikeGold,
			events: []event.Event{{Text: strikeText, Source: dockers, CAMEO: "141", Date: monday, Location: inland, Crowd: intp(50)},
				{Text: strikeText, Source: dockers, Root: "14", Location: port}},
			want: eval.Counts{EventsTP: 2, EventsJudged: 2, Required: 1, Found: 1, DateJudged: 1, LocationJudged: 1, LocationOK: 1, QuotesRequired: 1},
			report: []string{
				"  PART E1   date null!=2024-03-05; crowd :: Dock workers walked off the job",
				`  MISS Q1   quote "talks with the union would resume on Thursday" by minister`,
			},
		},
		{
			name: "wrong source country is a miss and a false positive",
			gold: strikeGold,
			events: []event.Event{{Text: strikeText, Source: &event.Actor{Text: "Peruvian dockers", Code: "PERLAB", Country: "PER", Role: "LAB"}, Root: "14"},
				{Text: strikeText, Root: "14"}},
			want: eval.Counts{EventsJudged: 2, Required: 1, QuotesRequired: 1},
			report: []string{
				"  FP event  root=14 src=PER PERLAB LAB PERUVIAN DOCKERS tgt= :: " + strikeText[:90],
				"  FP event  root=14 src= tgt= :: " + strikeText[:90],
				"  MISS E1   roots=14 :: Dock workers walked off the job",
				`  MISS Q1   quote "talks with the union would resume on Thursday" by minister`,
			},
		},
		{
			name:   "optional event found, quote found",
			gold:   strikeGold,
			events: []event.Event{strike, {Text: talksText, Source: minister, Root: "04"}},
			quotes: []event.Quote{{Text: "talks with the union would resume on Thursday", Speaker: minister}},
			want: eval.Counts{EventsTP: 2, EventsJudged: 2, Required: 1, Found: 1, Strict: 1, DateJudged: 1, DateOK: 1, LocationJudged: 1, LocationOK: 1,
				QuotesTP: 1, QuotesEmitted: 1, QuotesRequired: 1, QuotesFound: 1},
		},
		{
			name:   "quote by the wrong speaker, quote marked direct, stray quote",
			gold:   strikeGold,
			events: []event.Event{strike},
			quotes: []event.Quote{
				{Text: "talks with the union would resume", Speaker: dockers},
				{Text: "talks with the union would resume on Thursday", Direct: true, Speaker: minister},
				{Text: "We are not going back", Speaker: dockers},
			},
			want: eval.Counts{EventsTP: 1, EventsJudged: 1, Required: 1, Found: 1, Strict: 1, DateJudged: 1, DateOK: 1, LocationJudged: 1, LocationOK: 1,
				QuotesTP: 2, QuotesEmitted: 3, QuotesRequired: 1},
			report: []string{
				"  FP quote  We are not going back",
				`  MISS Q1   quote "talks with the union would resume on Thursday" by minister`,
			},
		},
		{
			name: "partial gold judges only material conflict",
			gold: `{"id": "p", "partial": true, "events": [{"id": "E1", "sentence": "", "roots": ["14"], "source": {"country": "CHL"}}]}`,
			events: []event.Event{strike, {Text: talksText, Source: minister, Root: "04"},
				{Text: talksText, Source: minister, Root: "17"}},
			want:   eval.Counts{EventsTP: 1, EventsJudged: 2, Required: 1, Found: 1, Strict: 1},
			report: []string{"  FP event  root=17 src=CHL CHLGOV GOV CHILE'S LABOUR MINISTER tgt= :: " + talksText},
		},
		{
			name:   "negative gold: only the named roots are judged",
			gold:   `{"id": "n", "events": [], "fp_roots": ["18"], "label": "NONE"}`,
			events: []event.Event{strike, {Text: talksText, Root: "18"}},
			want:   eval.Counts{EventsJudged: 1},
			report: []string{"  FP event  root=18 src= tgt= :: " + talksText},
		},
		{
			name:   "target and country location",
			gold:   `{"id": "t", "events": [{"id": "E1", "sentence": "labour minister", "roots": ["04"], "target": {"country": "CHL"}, "location": {"country": "PER"}}]}`,
			events: []event.Event{{Text: talksText, Root: "04", Target: &event.Actor{Country: "CHL"}, Location: port}},
			want:   eval.Counts{EventsTP: 1, EventsJudged: 1, Required: 1, Found: 1, LocationJudged: 1},
			report: []string{"  PART E1   location :: labour minister"},
		},
		{
			name:   "the hit with fewest problems counts",
			gold:   strikeGold,
			events: []event.Event{{Text: strikeText, Source: dockers, Root: "14"}, strike},
			want: eval.Counts{EventsTP: 2, EventsJudged: 2, Required: 1, Found: 1, Strict: 1, DateJudged: 1, DateOK: 1, LocationJudged: 1, LocationOK: 1,
				QuotesRequired: 1},
			report: []string{`  MISS Q1   quote "talks with the union would resume on Thursday" by minister`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := mustGold(t, tt.gold)
			r := eval.Score(g, &event.Coded{Events: tt.events, Quotes: tt.quotes})
			if diff := cmp.Diff(tt.want, r.Counts); diff != "" {
				t.Errorf("Score counts (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.report, r.Report); diff != "" {
				t.Errorf("Score report (-want +got):\n%s", diff)
			}
		})
	}
}

func TestScoreNoOutput(t *testing.T) {
	r := eval.Score(mustGold(t, strikeGold), nil)
	want := eval.Counts{Required: 1, QuotesRequired: 1}
	if diff := cmp.Diff(want, r.Counts); diff != "" {
		t.Errorf("Score(nil) counts (-want +got):\n%s", diff)
	}
	wantItems := []eval.Item{{Kind: eval.KindEvent, ID: "E1", Status: eval.StatusMiss}, {Kind: eval.KindQuote, ID: "Q1", Status: eval.StatusMiss}}
	if diff := cmp.Diff(wantItems, r.Outcome.Items); diff != "" {
		t.Errorf("Score(nil) outcome (-want +got):\n%s", diff)
	}
}

func TestSummary(t *testing.T) {
	tests := []struct {
		name string
		c    eval.Counts
		docs int
		want string
	}{
		{"empty", eval.Counts{}, 0, "events P=0.00 R=0.00 F1=0.00 strict=0.00 (0/0 required, 0 judged) · quotes P=0.00 R=0.00 · docs=0"},
		{
			"all fields",
			eval.Counts{EventsTP: 9, EventsJudged: 12, Required: 10, Found: 8, Strict: 5, DateJudged: 4, DateOK: 3, LocationJudged: 3, LocationOK: 1,
				QuotesTP: 1, QuotesEmitted: 2, QuotesRequired: 3, QuotesFound: 1},
			2,
			"events P=0.75 R=0.80 F1=0.77 strict=0.50 date=0.75 location=0.33 (8/10 required, 12 judged) · quotes P=0.50 R=0.33 · docs=2",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.c.Summary(tt.docs); got != tt.want {
				t.Errorf("Summary =\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
	var tot eval.Totals
	tot.Add(eval.Result{Counts: eval.Counts{Required: 2, Found: 1}})
	tot.Add(eval.Result{Counts: eval.Counts{Required: 2, Found: 2}})
	if tot.Docs != 2 || tot.Recall() != 0.75 {
		t.Errorf("Totals: docs %d recall %v, want 2, 0.75", tot.Docs, tot.Recall())
	}
}
