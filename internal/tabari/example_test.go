package tabari_test

import (
	"fmt"
	"strings"

	"github.com/annals-project/annals/internal/event"
	"github.com/annals-project/annals/internal/tabari"
)

func ExampleParseActors() {
	actors, err := tabari.ParseActors("example.actors", strings.NewReader(`
MARA_VOSS  # a fictional head of state
+PRESIDENT_VOSS
	[NTHELI <20190131]
	[NTHGOV 20190201-20240115]
`))
	if err != nil {
		fmt.Println(err)
		return
	}
	a := actors[0]
	fmt.Println(a.Names, a.CodeOn(event.Date{Year: 2020, Month: 3, Day: 1}))
	// Output: [mara voss president voss] NTHGOV
}

func ExampleParseVerbs_errors() {
	_, err := tabari.ParseVerbs("example.verbs", strings.NewReader(`
--- PLEDGE [050] ---
PLEDGE
- * AID TO +
- SEND AID [070]
`))
	fmt.Println(err)
	// Output:
	// example.verbs:4: pattern without a [code]
	// example.verbs:5: pattern without the verb marker *
}

func ExampleMatcher_Code() {
	verbs, _ := tabari.ParseVerbs("v", strings.NewReader("--- CONDEMN [122] ---\nCONDEMN\n"))
	actors, _ := tabari.ParseActors("a", strings.NewReader("NORTHLAND [NTH]\nSOUTHLAND [STH]\n"))
	agents, _ := tabari.ParseAgents("g", strings.NewReader("GOVERNMENT [~GOV]\n"))
	m := tabari.NewMatcher(&tabari.Dictionaries{Verbs: verbs, Actors: actors, Agents: agents})

	text := "The Northland government condemned Southland on Monday."
	var toks []tabari.Token
	for _, w := range strings.Fields(strings.TrimSuffix(text, ".")) {
		start := strings.Index(text, w)
		toks = append(toks, tabari.Token{Span: event.Span{Start: start, End: start + len(w)}, Word: strings.ToLower(w)})
	}
	for _, e := range m.Code(toks, event.Date{}) {
		fmt.Println(e.Source, e.Target, e.Code, e.Rule, e.SourceSpan.Of(text))
	}
	// Output: NTHGOV STH 122 verb 2 Northland government
}
