package tabari_test

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/annals-project/annals/internal/event"
	"github.com/annals-project/annals/internal/tabari"
)

// Our own small dictionaries, in the PETRARCH formats, for matcher tests.
const (
	testVerbs = `
&AID_
+HUMANITARIAN_AID
+FOOD_AID
--- PLEDGE [050] ---
PLEDGE
- * &AID TO + [073]
--- CONDEMN [122] ---
CONDEMN
- $ NOT * [---]
--- MEET [040] ---
MEET {MET MEETING MEETS}
- % * [043:043]
- * WITH % [043]
--- OPPOSE [112] ---
OPPOSE
--- RECALL [---] ---
RECALL
- * AMBASSADOR FROM + [161]
`
	testActors = `
NORTHLAND [NTH]
+NORTHLANDER
SOUTHLAND [STH]
EASTMARCH [EST]
MARA_VOSS
	[NTHELI <20190131]
	[NTHGOV 20190201-20240115]
`
	testAgents = `
GOVERNMENT [~GOV]
SOLDIER [~MIL]
AID_AGENCY [NGO~]
`
	testDiscards = `
FOOTBALL MATCH
`
)

func testMatcher(t *testing.T) *tabari.Matcher {
	t.Helper()
	v, err := tabari.ParseVerbs("verbs", strings.NewReader(testVerbs))
	if err != nil {
		t.Fatal(err)
	}
	a, err := tabari.ParseActors("actors", strings.NewReader(testActors))
	if err != nil {
		t.Fatal(err)
	}
	g, err := tabari.ParseAgents("agents", strings.NewReader(testAgents))
	if err != nil {
		t.Fatal(err)
	}
	d, err := tabari.ParseDiscards("discards", strings.NewReader(testDiscards))
	if err != nil {
		t.Fatal(err)
	}
	return tabari.NewMatcher(&tabari.Dictionaries{Verbs: v, Actors: a, Agents: g, Discards: d})
}

func TestMatcherCode(t *testing.T) {
	m := testMatcher(t)
	tests := []struct {
		name string
		text string
		on   event.Date
		want []string // "SOURCE TARGET CODE RULE"
	}{
		{"verb code", "Northland opposed Southland's plan on Monday.", event.Date{}, []string{"NTH STH 112 verb 16"}},
		{"pattern with synset", "The Northland government pledged food aid to Southland.", event.Date{}, []string{"NTHGOV STH 073 pattern 7"}},
		{"agent of actor", "Soldiers from Southland condemned Eastmarch.", event.Date{}, []string{"STHMIL EST 122 verb 9"}},
		{"prefix agent", "A Northland aid agency condemned Southland.", event.Date{}, []string{"NGONTH STH 122 verb 9"}},
		{"null pattern falls back to the verb", "Northland did not condemn Southland.", event.Date{}, []string{"NTH STH 122 verb 9"}},
		{"compound subject, both directions", "Northland and Southland met in Geneva.", event.Date{}, []string{"NTH STH 043 pattern 13", "STH NTH 043 pattern 13"}},
		{"compound object", "Eastmarch met with Northland and Southland.", event.Date{}, []string{"EST NTH 043 pattern 14", "EST STH 043 pattern 14"}},
		{"passive", "Southland was opposed by Northland over the dam.", event.Date{}, []string{"NTH STH 112 verb 16"}},
		{"coordinated verbs share the subject", "Northland condemned Southland and opposed Eastmarch.", event.Date{}, []string{"NTH EST 112 verb 16", "NTH STH 122 verb 9"}},
		{"verb used as a noun", "Northland hosted a meeting with Southland.", event.Date{}, nil},
		{"dated actor code", "Mara Voss condemned Southland.", date(2020, 5, 1), []string{"NTHGOV STH 122 verb 9"}},
		{"dated actor code before office", "Mara Voss condemned Southland.", date(2018, 5, 1), []string{"NTHELI STH 122 verb 9"}},
		{"no target in the clause", "Northland condemned the attack, Southland said.", event.Date{}, nil},
		{"discarded sentence", "Northland condemned Southland after the football match.", event.Date{}, nil},
		{"null verb without pattern", "Northland recalled its envoy to Southland.", event.Date{}, nil},
		{"pattern binds target", "Northland recalled its ambassador from Southland.", event.Date{}, []string{"NTH STH 161 pattern 19"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, e := range m.Code(tokenize(tt.text), tt.on) {
				got = append(got, e.Source+" "+e.Target+" "+e.Code+" "+e.Rule)
				for _, sp := range []event.Span{e.SourceSpan, e.TargetSpan, e.VerbSpan} {
					if !sp.Valid(len(tt.text)) || sp.Len() == 0 {
						t.Errorf("span %v out of the text", sp)
					}
				}
			}
			slicesSort(got)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Code(%q) (-want +got):\n%s", tt.text, diff)
			}
		})
	}
}

func slicesSort(s []string) {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && s[j] < s[j-1]; j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}

func TestMatcherSpans(t *testing.T) {
	m := testMatcher(t)
	text := "The Northland government pledged food aid to Southland."
	ev := m.Code(tokenize(text), event.Date{})
	if len(ev) != 1 {
		t.Fatalf("Code(%q) = %d events, want 1", text, len(ev))
	}
	got := []string{ev[0].SourceSpan.Of(text), ev[0].VerbSpan.Of(text), ev[0].TargetSpan.Of(text)}
	want := []string{"Northland government", "pledged", "Southland"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("spans (-want +got):\n%s", diff)
	}
}

func FuzzMatcherCode(f *testing.F) {
	f.Add("Northland and Southland met with the Eastmarch government, Mara Voss said.")
	f.Add("Soldiers from Southland were opposed by Northland and pledged food aid to Eastmarch.")
	f.Fuzz(func(t *testing.T, text string) {
		m := testMatcher(t)
		for _, e := range m.Code(tokenize(text), date(2020, 1, 1)) {
			for _, sp := range []event.Span{e.SourceSpan, e.TargetSpan, e.VerbSpan} {
				if !sp.Valid(len(text)) {
					t.Fatalf("span %v outside %d-byte text", sp, len(text))
				}
			}
		}
	})
}

func BenchmarkMatcherUnitRecords(b *testing.B) {
	dir := petrarchDir(b)
	d, err := tabari.LoadSet(phoenixSet(dir))
	if err != nil {
		b.Fatal(err)
	}
	m := tabari.NewMatcher(d)
	var sents [][]tabari.Token
	n := 0
	for _, r := range readRecords(b, dir+"/PETR.UnitTest.records.xml") {
		toks := tokenize(r.text)
		sents = append(sents, toks)
		n += len(toks)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, s := range sents {
			m.Code(s, date(2015, 1, 1))
		}
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

func TestDiscarded(t *testing.T) {
	d, err := tabari.ParseDiscards("d", strings.NewReader("FOOTBALL MATCH\n+REGATTA\nCHESS_\n"))
	if err != nil {
		t.Fatal(err)
	}
	m := tabari.NewMatcher(&tabari.Dictionaries{Discards: d})
	tests := []struct {
		text            string
		sentence, story bool
	}{
		{"Northland won the football matches.", true, false},
		{"The regattas were held in Northland.", true, true},
		{"Chess is popular in Southland.", true, false},
		{"Chessboards sold out in Southland.", false, false},
		{"Northland condemned Southland.", false, false},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			s, st := m.Discarded(tokenize(tt.text))
			if s != tt.sentence || st != tt.story {
				t.Errorf("Discarded(%q) = %v, %v, want %v, %v", tt.text, s, st, tt.sentence, tt.story)
			}
		})
	}
}
