package actor_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/annals-project/annals/internal/actor"
	"github.com/annals-project/annals/internal/event"
)

// render writes matches compactly: "text=kind:CODE[,kind:CODE…]", with
// "+pl" after a plural entry.
func render(ms []actor.Match) []string {
	var out []string
	for _, m := range ms {
		var b strings.Builder
		b.WriteString(m.Text)
		b.WriteByte('=')
		for i, e := range m.Entries {
			if i > 0 {
				b.WriteByte(',')
			}
			fmt.Fprintf(&b, "%s:%s", e.Kind, e.Code)
			if e.Plural {
				b.WriteString("+pl")
			}
		}
		out = append(out, b.String())
	}
	return out
}

func day(s string) event.Date {
	if s == "" {
		return event.Date{}
	}
	d, err := event.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

func TestMatch(t *testing.T) {
	d := MustDefault(t)
	tests := []struct {
		name string
		text string
		date string
		want []string
	}{
		{
			name: "adjective title name",
			text: "Iranian Foreign Minister Hossein Amir-Abdollahian said on Monday that Tehran would not retreat.",
			date: "2022-01-10",
			want: []string{"Iranian=country:IRN", "Foreign Minister=agent:GOV", "Hossein Amir-Abdollahian=person:IRNGOV", "Tehran=metonym:IRNGOV"},
		},
		{
			name: "metonym and acronym with dots",
			text: "The Kremlin rejected the report, and U.S. troops stayed put.",
			want: []string{"Kremlin=metonym:RUSGOV", "U.S.=country:USA", "troops=agent:MIL+pl"},
		},
		{
			name: "demonym and plural agent",
			text: "Kazakh protesters set fire to the mayor's office as police fired tear gas.",
			want: []string{"Kazakh=country:KAZ", "protesters=agent:OPP+pl", "mayor=agent:GOV", "police=agent:COP+pl"},
		},
		{
			name: "longest org wins",
			text: "The U.N. Security Council will meet on Friday, a UN spokesman said.",
			want: []string{"U.N. Security Council=org:IGOUNO", "UN=org:IGOUNO", "spokesman=agent:GOV"},
		},
		{
			name: "possessive and compound agent",
			text: "Iran's Foreign Ministry spokesman Saeed Khatibzadeh welcomed Kazakhstan’s decision.",
			date: "2022-01-07",
			want: []string{"Iran=country:IRN", "Foreign Ministry spokesman=agent:GOV", "Saeed Khatibzadeh=person:IRNGOV", "Kazakhstan=country:KAZ"},
		},
		{
			name: "US needs capitals",
			text: "Tell us what the US and the Us Weekly reporters think.",
			want: []string{"US=country:USA", "reporters=agent:MED+pl"},
		},
		{
			name: "country names need capitals",
			text: "They ate turkey in Chad, not chad in Turkey.",
			want: []string{"Chad=country:TCD", "Turkey=country:TUR"},
		},
		{
			name: "agents in any case",
			text: "POLICE and Soldiers faced the Demonstrators.",
			want: []string{"POLICE=agent:COP+pl", "Soldiers=agent:MIL+pl", "Demonstrators=agent:OPP+pl"},
		},
		{
			name: "headline capitals",
			text: "IRAN SAYS RUSSIAN TROOPS LEFT",
			want: []string{"IRAN=country:IRN", "RUSSIAN=country:RUS", "TROOPS=agent:MIL+pl"},
		},
		{
			name: "accents folded",
			text: "Côte d’Ivoire and Cote d'Ivoire; Erdoğan met Erdogan's rival.",
			date: "2019-01-01",
			want: []string{"Côte d’Ivoire=country:CIV", "Cote d'Ivoire=country:CIV", "Erdoğan=person:TURGOV", "Erdogan=person:TURGOV"},
		},
		{
			name: "no phrase across a comma",
			text: "Leaders of the United, States-backed coalition met.",
			want: []string{"Leaders=agent:GOV+pl"},
		},
		{
			name: "hyphenated names and adjectives",
			text: "Guinea-Bissau and Kazakh-Russian talks; pro-Kremlin bloggers.",
			want: []string{"Guinea-Bissau=country:GNB", "Kazakh=country:KAZ", "Russian=country:RUS", "Kremlin=metonym:RUSGOV", "bloggers=agent:MED+pl"},
		},
		{
			name: "irregular plurals",
			text: "Gunmen shot two policemen; spokespeople for the militias declined to comment.",
			want: []string{"Gunmen=agent:UAF+pl", "policemen=agent:COP+pl", "spokespeople=agent:GOV+pl", "militias=agent:UAF+pl"},
		},
		{
			name: "plural demonym",
			text: "Thousands of Iranians and Afghans crossed the border.",
			want: []string{"Iranians=country:IRN+pl", "Afghans=country:AFG+pl"},
		},
		{
			name: "ambiguous demonym",
			text: "Congolese soldiers",
			want: []string{"Congolese=country:COD,country:COG", "soldiers=agent:MIL+pl"},
		},
		{
			name: "EU and its metonym",
			text: "Brussels and the EU's foreign policy chief Josep Borrell condemned the move.",
			date: "2022-01-07",
			want: []string{"Brussels=metonym:IGOEUREEC", "EU=org:IGOEUREEC", "foreign policy chief=agent:GOV", "Josep Borrell=person:IGOEUREEC"},
		},
		{
			name: "office-holder with two current offices",
			text: "Xi Jinping spoke.",
			date: "2020-05-05",
			want: []string{"Xi Jinping=person:CHNGOV"},
		},
		{
			name: "state media",
			text: "Chinese state media reported that the PLA held drills.",
			want: []string{"Chinese=country:CHN", "state media=agent:GOVMED+pl", "PLA=metonym:CHNMIL"},
		},
		{
			name: "blocked by a longer name",
			text: "Police in New Mexico and Papua New Guinea.",
			want: []string{"Police=agent:COP+pl", "New Mexico=country:USA", "Papua New Guinea=country:PNG"},
		},
		{
			name: "empty",
			text: "",
		},
		{
			name: "no actors",
			text: "Showers continued throughout the week in the cocoa zone.",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := render(d.Match(tt.text, event.Span{Start: 0, End: len(tt.text)}, day(tt.date), nil))
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Match(%q) mismatch (-want +got):\n%s", tt.text, diff)
			}
		})
	}
}

func TestMatchDates(t *testing.T) {
	d := MustDefault(t)
	tests := []struct {
		name, text, date string
		want             []string
	}{
		{"before the first term", "Obama spoke.", "2008-06-01", nil},
		{"first day in office", "Obama spoke.", "2009-01-20", []string{"Obama=person:USAGOV"}},
		{"in office", "Barack Obama spoke.", "2012-03-01", []string{"Barack Obama=person:USAGOV"}},
		{"after the term", "Obama spoke.", "2018-03-01", []string{"Obama=person:USAELI"}},
		{"no date keeps every term", "Obama spoke.", "", []string{"Obama=person:USAGOV"}},
		{"two Bushes, the father", "Bush spoke.", "1990-06-01", []string{"Bush=person:USAGOV"}},
		{"two Bushes, between them", "Bush spoke.", "1997-06-01", []string{"Bush=person:USAELI"}},
		{"two Bushes, no date", "Bush spoke.", "", []string{"Bush=person:USAGOV,person:USAGOV"}},
		{"prime minister Putin", "Putin spoke.", "2010-01-01", []string{"Putin=person:RUSGOV"}},
		{"between Netanyahu's terms", "Netanyahu spoke.", "2005-01-01", []string{"Netanyahu=person:ISRELI"}},
		{"Taliban insurgents", "The Taliban attacked.", "2019-05-01", []string{"Taliban=org:AFGINS"}},
		{"Taliban government", "The Taliban decreed.", "2023-05-01", []string{"Taliban=org:AFGGOV"}},
		{"Taliban without a date", "The Taliban spoke.", "", []string{"Taliban=org:AFGINS,org:AFGGOV"}},
		{"party in government", "The Awami League rallied.", "2015-01-01", []string{"Awami League=org:BGDGOV"}},
		{"party in opposition", "The Awami League rallied.", "2025-01-01", []string{"Awami League=org:BGDOPP"}},
		{"new office, new code", "Guterres spoke.", "2010-01-01", []string{"Guterres=person:IGOUNOREFHCR"}},
		{"former IGO official is not ELI", "Kofi Annan spoke.", "2010-01-01", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := render(d.Match(tt.text, event.Span{Start: 0, End: len(tt.text)}, day(tt.date), nil))
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Match(%q, %s) mismatch (-want +got):\n%s", tt.text, tt.date, diff)
			}
		})
	}
}

func TestMatchSpan(t *testing.T) {
	d := MustDefault(t)
	text := "Russia protested. Then Ukrainian soldiers advanced. France agreed."
	start := strings.Index(text, "Then")
	end := strings.Index(text, " France")
	tests := []struct {
		name string
		span event.Span
		want []event.Span
	}{
		{"sentence", event.Span{Start: start, End: end}, []event.Span{{Start: 23, End: 32}, {Start: 33, End: 41}}},
		{"cuts a word", event.Span{Start: 0, End: 3}, nil},
		{"past the end", event.Span{Start: end, End: len(text) + 10}, []event.Span{{Start: 52, End: 58}}},
		{"negative start", event.Span{Start: -5, End: 6}, []event.Span{{Start: 0, End: 6}}},
		{"reversed", event.Span{Start: 20, End: 10}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []event.Span
			for _, m := range d.Match(text, tt.span, event.Date{}, nil) {
				got = append(got, m.Span)
				if m.Text != m.Span.Of(text) {
					t.Errorf("Text %q, span covers %q", m.Text, m.Span.Of(text))
				}
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Match(%v) spans (-want +got):\n%s", tt.span, diff)
			}
		})
	}
}

func TestMatchAppends(t *testing.T) {
	d := MustDefault(t)
	text := "Israeli police"
	dst := d.Match(text, event.Span{End: len(text)}, event.Date{}, nil)
	dst = d.Match(text, event.Span{End: len(text)}, event.Date{}, dst)
	if got := render(dst); len(got) != 4 || got[0] != got[2] {
		t.Errorf("Match appended %v, want two copies of two matches", got)
	}
}

func TestMatchAllocs(t *testing.T) {
	d := MustDefault(t)
	text := "Kazakh protesters clashed with riot police in Almaty on Wednesday, the Kremlin said, as U.S. and EU officials called for calm."
	dst := make([]actor.Match, 0, 16)
	allocs := testing.AllocsPerRun(100, func() {
		dst = d.Match(text, event.Span{End: len(text)}, event.Date{}, dst[:0])
	})
	if allocs > 0 {
		t.Errorf("Match allocates %.1f times per sentence, want 0", allocs)
	}
	allocs = testing.AllocsPerRun(100, func() {
		dst = d.Match(text, event.Span{End: len(text)}, day("2022-01-05"), dst[:0])
	})
	if allocs > 0 {
		t.Errorf("dated Match allocates %.1f times per sentence without persons, want 0", allocs)
	}
}

func TestLookup(t *testing.T) {
	d := MustDefault(t)
	tests := []struct {
		phrase, date string
		want         []string
	}{
		{"Khatibzadeh", "2021-05-01", []string{"person:IRNGOV"}},
		{"khatibzadeh", "2021-05-01", []string{"person:IRNGOV"}},
		{"the Netherlands", "", nil},
		{"Netherlands", "", []string{"country:NLD"}},
		{"Sergei Lavrov", "2003-01-01", nil},
		{"nobody at all", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.phrase, func(t *testing.T) {
			var got []string
			for _, e := range d.Lookup(tt.phrase, day(tt.date)) {
				got = append(got, e.Kind.String()+":"+e.Code)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Lookup(%q) (-want +got):\n%s", tt.phrase, diff)
			}
		})
	}
}

func TestCountry(t *testing.T) {
	d := MustDefault(t)
	kaz, ok := d.Country("KAZ")
	if !ok {
		t.Fatal(`Country("KAZ") not found`)
	}
	if kaz.Name != "Kazakhstan" || kaz.Capital != "Astana" || !contains(kaz.Demonym, "Kazakhstani") {
		t.Errorf(`Country("KAZ") = %+v`, kaz)
	}
	us, _ := d.Country("USA")
	want := actor.MetonymInfo{Phrase: "Pentagon", Role: "MIL"}
	found := false
	for _, m := range us.Metonyms {
		found = found || m == want
	}
	if !found {
		t.Errorf(`Country("USA").Metonyms = %v, want %v among them`, us.Metonyms, want)
	}
	if _, ok := d.Country("XXX"); ok {
		t.Error(`Country("XXX") found`)
	}
	cs := d.Countries()
	for i := 1; i < len(cs); i++ {
		if cs[i-1].Code >= cs[i].Code {
			t.Fatalf("Countries not sorted: %s before %s", cs[i-1].Code, cs[i].Code)
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func TestTitles(t *testing.T) {
	d := MustDefault(t)
	roles := map[string]string{}
	for _, e := range d.Titles() {
		if !e.Title || e.Kind != actor.Agent {
			t.Errorf("Titles() has %+v", e)
		}
		roles[e.Name] = e.Role
	}
	for title, role := range map[string]string{
		"president": "GOV", "prime minister": "GOV", "foreign minister": "GOV",
		"foreign policy chief": "GOV", "spokesperson": "GOV", "Gen.": "MIL", "judge": "JUD", "Sen.": "LEG",
	} {
		if roles[title] != role {
			t.Errorf("Titles()[%q] role %q, want %q", title, roles[title], role)
		}
	}
	// A title-only abbreviation is never matched alone.
	text := "Gen. Smith"
	if ms := d.Match(text, event.Span{End: len(text)}, event.Date{}, nil); len(ms) != 0 {
		t.Errorf("Match(%q) = %v, want nothing", text, render(ms))
	}
}
