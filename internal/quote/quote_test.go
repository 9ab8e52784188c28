package quote_test

import (
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/annals-project/annals/internal/event"
	"github.com/annals-project/annals/internal/nlp"
	"github.com/annals-project/annals/internal/quote"
)

func TestFind(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{
			name: "curly marks, speaker after",
			text: "“We will not give up,” the minister said on Tuesday.",
			want: []string{`D nominal "the minister" cue="said": "We will not give up"`},
		},
		{
			name: "straight marks, inversion",
			text: `"The talks have failed," said Mr. Smith.`,
			want: []string{`D named "Mr. Smith" cue="said": "The talks have failed"`},
		},
		{
			name: "inversion with a name in apposition",
			text: "“We are ready for a long fight,” said the foreign minister, Anna Novak.",
			want: []string{`D named "the foreign minister, Anna Novak" cue="said": "We are ready for a long fight"`},
		},
		{
			name: "guillemets and a listener",
			text: "«We will stay until the end,» the ambassador told reporters.",
			want: []string{`D nominal "the ambassador" cue="told reporters": "We will stay until the end"`},
		},
		{
			name: "German low-high marks",
			text: "„We are staying in Kyiv“, said Chancellor Anna Weber.",
			want: []string{`D named "Chancellor Anna Weber" cue="said": "We are staying in Kyiv"`},
		},
		{
			name: "single marks in a headline",
			text: "‘We will fight on,’ says opposition leader Ruth Osei",
			want: []string{`D named "opposition leader Ruth Osei" cue="says": "We will fight on"`},
		},
		{
			name: "apostrophes open nothing",
			text: "Kazakhstan’s president said the country’s borders would stay open and he didn’t expect trouble.",
			want: []string{`I nominal "Kazakhstan’s president" cue="said": "the country’s borders would stay open and he didn’t expect trouble"`},
		},
		{
			name: "quotation over two sentences",
			text: "“The situation is calm. Our forces control the airport,” the spokesman said.",
			want: []string{`D nominal "the spokesman" cue="said": "The situation is calm. Our forces control the airport"`},
		},
		{
			name: "interrupted quotation",
			text: "“We have no choice,” he said, “but to defend ourselves.”",
			want: []string{
				`D pronoun "he" cue="said": "We have no choice"`,
				`D+ pronoun "he" cue="said": "but to defend ourselves"`,
			},
		},
		{
			name: "fragment without a cue",
			text: "The minister dismissed the protesters as “foreign agents” on Monday.",
			want: []string{`Df unknown "" cue="": "foreign agents"`},
		},
		{
			name: "called something a name",
			text: "The minister called the protesters “foreign agents” on Monday.",
			want: []string{
				`I nominal "The minister" cue="called": "the protesters “foreign agents” on Monday"`,
				`Df nominal "The minister" cue="called": "foreign agents"`,
			},
		},
		{
			name: "called someone on the phone",
			text: "The president called his French counterpart on Friday to discuss the crisis.",
			want: []string{},
		},
		{
			name: "adverbial between speaker and cue",
			text: "Senator Ruth Adler on Tuesday said the bill would pass.",
			want: []string{`I named "Senator Ruth Adler" cue="said": "the bill would pass"`},
		},
		{
			name: "appositions of age and place",
			text: "Donna Reyes, 59, of Dayton, Ohio, who marched with the strikers, said the mood was angry.",
			want: []string{`I named "Donna Reyes" cue="said": "the mood was angry"`},
		},
		{
			name: "second verb of the subject",
			text: "The senator criticised the budget and said it would hurt farmers.",
			want: []string{`I nominal "The senator" cue="said": "it would hurt farmers"`},
		},
		{
			name: "pointed out and vowed to",
			text: "Ms. Ortiz pointed out the law had never been tested. She vowed to challenge it in court.",
			want: []string{
				`I named "Ms. Ortiz" cue="pointed out": "the law had never been tested"`,
				`I pronoun "She" cue="vowed": "to challenge it in court" (= "Ms. Ortiz")`,
			},
		},
		{
			name: "closing aside after a dash",
			text: "Ms. Patel said she was encouraged by the plan — a modest step after years of delay.",
			want: []string{`I named "Ms. Patel" cue="said": "she was encouraged by the plan"`},
		},
		{
			name: "subject with a hyphenated adjective",
			text: "China’s state-owned lender CDB runs a port in Gwadar and says it will fund a second terminal.",
			want: []string{`I named "China’s state-owned lender CDB" cue="says": "it will fund a second terminal"`},
		},
		{
			name: "lone name opening the sentence",
			text: "Mayor Lina Haddad opened the bridge on Monday.\n\nHaddad called the delays “shameful.”",
			want: []string{
				`I named "Haddad" cue="called": "the delays “shameful.”"`,
				`Df named "Haddad" cue="called": "shameful"`,
			},
		},
		{
			name: "noun, not cue",
			text: "Investors voiced their greatest fear that the bank would fail.",
			want: []string{`I nominal "Investors" cue="voiced": "the bank would fail"`},
		},
		{
			name: "fragments inside an indirect quotation",
			text: "The official expressed confidence that the “intelligent” people would reject “foreign meddling.”",
			want: []string{
				`I nominal "The official" cue="expressed": "the “intelligent” people would reject “foreign meddling.”"`,
				`Df nominal "The official" cue="expressed": "intelligent"`,
				`Df nominal "The official" cue="expressed": "foreign meddling"`,
			},
		},
		{
			name: "said that",
			text: "The ministry said that talks would resume next week.",
			want: []string{`I nominal "The ministry" cue="said": "talks would resume next week"`},
		},
		{
			name: "said without that",
			text: "Police said two people were killed in the blast.",
			want: []string{`I nominal "Police" cue="said": "two people were killed in the blast"`},
		},
		{
			name: "attribution after indirect content",
			text: "Two people were killed in the blast, police said on Sunday.",
			want: []string{`I nominal "police" cue="said": "Two people were killed in the blast"`},
		},
		{
			name: "parenthetical attribution",
			text: "The plan, he said, would cost billions.",
			want: []string{`I pronoun "he" cue="said": "The plan, he said, would cost billions"`},
		},
		{
			name: "according to first",
			text: "According to the health ministry, 12 people died overnight.",
			want: []string{`I nominal "the health ministry" cue="According to": "12 people died overnight"`},
		},
		{
			name: "according to last",
			text: "Twelve people died in the attack, according to the health ministry.",
			want: []string{`I nominal "the health ministry" cue="according to": "Twelve people died in the attack"`},
		},
		{
			name: "stated that",
			text: "Foreign Minister Ana Costa stated that the border would remain closed.",
			want: []string{`I named "Foreign Minister Ana Costa" cue="stated": "the border would remain closed"`},
		},
		{
			name: "warned that",
			text: "The central bank warned that inflation could rise further.",
			want: []string{`I nominal "The central bank" cue="warned": "inflation could rise further"`},
		},
		{
			name: "expressed concern over",
			text: "The UN chief expressed concern over the rising violence in the region.",
			want: []string{`I nominal "The UN chief" cue="expressed": "concern over the rising violence in the region"`},
		},
		{
			name: "told reporters",
			text: "Senator Lee told reporters the deal was dead.",
			want: []string{`I named "Senator Lee" cue="told reporters": "the deal was dead"`},
		},
		{
			name: "added with a pronoun",
			text: "He added that the army would withdraw by March.",
			want: []string{`I pronoun "He" cue="added": "the army would withdraw by March"`},
		},
		{
			name: "tweeted",
			text: "The president tweeted that the vote had been rigged.",
			want: []string{`I nominal "The president" cue="tweeted": "the vote had been rigged"`},
		},
		{
			name: "wrote after an opening adverbial",
			text: "In a letter, the senators wrote that the sale should be halted.",
			want: []string{`I nominal "the senators" cue="wrote": "the sale should be halted"`},
		},
		{
			name: "colon introduction",
			text: "The minister said: “We will not negotiate with kidnappers.”",
			want: []string{`D nominal "The minister" cue="said": "We will not negotiate with kidnappers"`},
		},
		{
			name: "colon introduction across paragraphs",
			text: "In a statement, the army said:\n\n“Our troops acted in self-defence and will stay.”",
			want: []string{`D nominal "the army" cue="said": "Our troops acted in self-defence and will stay"`},
		},
		{
			name: "quotation continued in the next paragraph",
			text: "“The government has failed us,” said Maria Lopez, a union leader. “We have waited for years.\n\n“Now we will strike until our demands are met.”",
			want: []string{
				`D named "Maria Lopez" cue="said": "The government has failed us"`,
				`D+ inferred "Maria Lopez" cue="": "We have waited for years" (= "Maria Lopez")`,
				`D+ inferred "Maria Lopez" cue="": "Now we will strike until our demands are met" (= "Maria Lopez")`,
			},
		},
		{
			name: "pronoun with an antecedent",
			text: "Prime Minister Jan Novak met the strikers on Monday.\n\nPrime Minister Jan Novak said the talks were useful. “It was a frank exchange of views,” he said.",
			want: []string{
				`I named "Prime Minister Jan Novak" cue="said": "the talks were useful"`,
				`D pronoun "he" cue="said": "It was a frank exchange of views" (= "Prime Minister Jan Novak")`,
			},
		},
		{
			name: "apposition",
			text: "Ali Reza, the foreign ministry spokesman, said the embassy would reopen.",
			want: []string{`I named "Ali Reza" cue="said": "the embassy would reopen"`},
		},
		{
			name: "relative clause",
			text: "The deal was backed by Omar Haddad, who said it would end the war, and by the opposition.",
			want: []string{`I named "Omar Haddad" cue="said": "it would end the war"`},
		},
		{
			name: "participle takes the subject",
			text: "The ministry issued a statement on Friday, saying the attack was unprovoked.",
			want: []string{`I nominal "The ministry" cue="saying": "the attack was unprovoked"`},
		},
		{
			name: "participle takes the clause before",
			text: "“This is a dark day,” Mayor Kim said, adding that schools would close.",
			want: []string{
				`D named "Mayor Kim" cue="said": "This is a dark day"`,
				`I named "Mayor Kim" cue="adding": "schools would close"`,
			},
		},
		{
			name: "quoted as saying",
			text: "The general was quoted as saying the troops would stay.",
			want: []string{`I nominal "The general" cue="quoted as saying": "the troops would stay"`},
		},
		{
			name: "coordinated that-clauses",
			text: "The minister said that the strike was illegal, and that workers would be fined.",
			want: []string{
				`I nominal "The minister" cue="said": "the strike was illegal"`,
				`I nominal "The minister" cue="said": "workers would be fined"`,
			},
		},
		{
			name: "urged someone to",
			text: "The mayor urged residents to stay indoors.",
			want: []string{`I nominal "The mayor" cue="urged": "residents to stay indoors"`},
		},
		{
			name: "dash signature",
			text: "“This city deserves better than empty promises.” ― Carla Mendes",
			want: []string{`D named "Carla Mendes" cue="": "This city deserves better than empty promises"`},
		},
		{
			name: "negated, passive and infinitive cues",
			text: "The ministry did not say when talks would resume. The minister was told to resign. The army declined to say how many troops had died.",
			want: []string{},
		},
		{
			name: "embedded post",
			text: "The envoy posted a message on Friday.\n\n@post Talks in Geneva were constructive. More to follow.\n\n@signature Lena Fischer|— Lena Fischer (@lenafischer) March 3, 2023",
			want: []string{`D post "Lena Fischer" cue="": "Talks in Geneva were constructive. More to follow"`},
		},
		{
			name: "post without a name in its signature",
			text: "@post Ceasefire holds in the north.\n\n@signature Desk|— (@newsdesk) March 3, 2023",
			want: []string{`D post "— (@newsdesk) March 3, 2023" cue="": "Ceasefire holds in the north"`},
		},
		{
			name: "transcript labels",
			text: "HOST: Will the senator attend the hearing tonight?\n\n\"MARTIN: He will not attend, and nobody should expect him.",
			want: []string{
				`D named "HOST" cue="": "Will the senator attend the hearing tonight?"`,
				`D named "MARTIN" cue="": "He will not attend, and nobody should expect him."`,
			},
		},
		{
			name: "a dateline is no speaker",
			text: "NAIROBI: Police fired tear gas at protesters on Tuesday.\n\nThe protest began at noon.",
			want: []string{},
		},
		{
			name: "according to a report by an outlet",
			text: "According to a new report by the Daily Monitor, the talks have stalled.",
			want: []string{`I nominal "a new report by the Daily Monitor" cue="According to": "the talks have stalled"`},
		},
		{
			name: "block quotation",
			text: "The statement read:\n\n@blockquote We condemn the attack in the strongest terms.",
			want: []string{`D nominal "The statement" cue="read": "We condemn the attack in the strongest terms"`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := article(tt.text)
			got := renderAll(a.Text, quote.Find(a, nlp.Sentences(a)))
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Find(%q) mismatch (-want +got):\n%s", tt.text, diff)
			}
		})
	}
}

func TestFindEdges(t *testing.T) {
	tests := []struct {
		name string
		a    *event.Article
		want int
	}{
		{"nil article", nil, 0},
		{"empty text", &event.Article{}, 0},
		{"no blocks", &event.Article{Text: "“We are ready,” she said."}, 1},
		{"blocks out of range", &event.Article{Text: "“We are ready,” she said.", Blocks: []event.Block{{Span: event.Span{Start: -4, End: 900}}}}, 1},
		{"only marks", &event.Article{Text: "“ ” \" ' ‘ ’ « »"}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := quote.Find(tt.a, nil); len(got) != tt.want {
				t.Errorf("Find() = %d quotes, want %d: %v", len(got), tt.want, got)
			}
		})
	}
}

// TestFindSegments checks that Find segments an Article itself when given
// no sentences, and that concurrent calls agree.
func TestFindSegments(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("testdata", "golden", "port-strike.in"))
	if err != nil {
		t.Fatal(err)
	}
	a := article(string(src))
	want := quote.Find(a, nlp.Sentences(a))
	if got := quote.Find(a, nil); !cmp.Equal(want, got) {
		t.Errorf("Find(a, nil) differs from Find(a, nlp.Sentences(a)):\n%s", cmp.Diff(want, got))
	}
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			if got := quote.Find(a, nil); !cmp.Equal(want, got) {
				t.Errorf("concurrent Find differs:\n%s", cmp.Diff(want, got))
			}
		})
	}
	wg.Wait()
}

func TestSpeakerKindString(t *testing.T) {
	for k, want := range map[quote.SpeakerKind]string{
		quote.Unknown: "unknown", quote.Named: "named", quote.Pronoun: "pronoun",
		quote.Nominal: "nominal", quote.Inferred: "inferred", quote.Post: "post", 99: "invalid",
	} {
		if got := k.String(); got != want {
			t.Errorf("SpeakerKind(%d).String() = %q, want %q", k, got, want)
		}
	}
}
