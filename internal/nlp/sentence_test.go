package nlp_test

import (
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/annals-project/annals/internal/event"
	"github.com/annals-project/annals/internal/nlp"
	"github.com/annals-project/annals/internal/sharedtest"
)

// split returns the sentences of text, taken as one block, as strings.
func split(text string) []string {
	var out []string
	for _, sp := range nlp.Split(text, event.Span{Start: 0, End: len(text)}, nil) {
		out = append(out, sp.Of(text))
	}
	return out
}

func TestSplit(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"plain", "The talks ended on Monday. Both sides claimed progress.",
			[]string{"The talks ended on Monday.", "Both sides claimed progress."}},
		{"question and exclamation", "Will the truce hold? Nobody knows! Officials declined to comment.",
			[]string{"Will the truce hold?", "Nobody knows!", "Officials declined to comment."}},
		{"interrobang", "Can this be true?! Analysts doubt it.",
			[]string{"Can this be true?!", "Analysts doubt it."}},
		{"titles", "Mr. Vance met Dr. Okafor and Prof. Lindqvist in Geneva. They spoke for an hour.",
			[]string{"Mr. Vance met Dr. Okafor and Prof. Lindqvist in Geneva.", "They spoke for an hour."}},
		{"ranks", "Lt. Col. Mara Ilic and Gen. Omar Haddad toured the base. Capt. Reyes stayed behind.",
			[]string{"Lt. Col. Mara Ilic and Gen. Omar Haddad toured the base.", "Capt. Reyes stayed behind."}},
		{"titles Mrs and St", "Mrs. Duarte laid a wreath at St. Mary's Cathedral. The crowd was silent.",
			[]string{"Mrs. Duarte laid a wreath at St. Mary's Cathedral.", "The crowd was silent."}},
		{"months before numbers", "The vote was held on Jan. 12 and rerun on Sept. 3. Turnout fell.",
			[]string{"The vote was held on Jan. 12 and rerun on Sept. 3.", "Turnout fell."}},
		{"month ends sentence", "The strike began in Feb. Workers have not returned.",
			[]string{"The strike began in Feb.", "Workers have not returned."}},
		{"No before number", "Route No. 5 was closed. Traffic was diverted.",
			[]string{"Route No. 5 was closed.", "Traffic was diverted."}},
		{"US inside sentence", "The U.S. Treasury imposed sanctions on Friday.",
			[]string{"The U.S. Treasury imposed sanctions on Friday."}},
		{"US ends sentence", "Sanctions were imposed by the U.S. The European Union is expected to follow.",
			[]string{"Sanctions were imposed by the U.S.", "The European Union is expected to follow."}},
		{"US before pronoun", "The envoy flew back to the U.S. He declined to comment.",
			[]string{"The envoy flew back to the U.S.", "He declined to comment."}},
		{"UK and UN", "Diplomats from the U.K. and the U.N. met in New York. A statement followed.",
			[]string{"Diplomats from the U.K. and the U.N. met in New York.", "A statement followed."}},
		{"acronym before quote", `Aid was pledged by the U.N. "We must act now," its chief said.`,
			[]string{"Aid was pledged by the U.N.", `"We must act now," its chief said.`}},
		{"initial", "John F. Kennedy was shot in Dallas in 1963. The nation mourned.",
			[]string{"John F. Kennedy was shot in Dallas in 1963.", "The nation mourned."}},
		{"dotted initials", "A first edition by J.R.R. Tolkien sold for $20,000. The buyer was not named.",
			[]string{"A first edition by J.R.R. Tolkien sold for $20,000.", "The buyer was not named."}},
		{"initial ends sentence", "The fallback is Plan B. The first plan failed.",
			[]string{"The fallback is Plan B.", "The first plan failed."}},
		{"decimals and thousands", "The economy grew 3.5 percent in the quarter. Exports rose by 1,200 tonnes.",
			[]string{"The economy grew 3.5 percent in the quarter.", "Exports rose by 1,200 tonnes."}},
		{"number starts sentence", "Turnout was 61 percent. 2024 will be different.",
			[]string{"Turnout was 61 percent.", "2024 will be different."}},
		{"ellipsis continues", "He paused... and then resigned. The party was stunned.",
			[]string{"He paused... and then resigned.", "The party was stunned."}},
		{"ellipsis ends", "We waited\u2026 Nothing happened.",
			[]string{"We waited\u2026", "Nothing happened."}},
		{"spaced ellipsis", "The talks dragged on . . . Then the envoy left.",
			[]string{"The talks dragged on . . .", "Then the envoy left."}},
		{"closing quote after period", "He called the vote \u201ca farce.\u201d Opposition leaders agreed.",
			[]string{"He called the vote \u201ca farce.\u201d", "Opposition leaders agreed."}},
		{"quotes across sentences", "\u201cWe will not retreat,\u201d the minister said. \u201cThe people are with us.\u201d Police later cleared the square.",
			[]string{"\u201cWe will not retreat,\u201d the minister said.", "\u201cThe people are with us.\u201d", "Police later cleared the square."}},
		{"question in quote lower", "\u201cWho gave the order?\u201d she asked reporters.",
			[]string{"\u201cWho gave the order?\u201d she asked reporters."}},
		{"question in quote attribution", "\u201cWhy now?\u201d Senator Ortiz asked. The committee adjourned.",
			[]string{"\u201cWhy now?\u201d Senator Ortiz asked.", "The committee adjourned."}},
		{"question in quote new sentence", "\u201cWhere are the ballots?\u201d The question went unanswered.",
			[]string{"\u201cWhere are the ballots?\u201d", "The question went unanswered."}},
		{"exclamation in quote", "Protesters chanted \u201cFreedom!\u201d as police advanced.",
			[]string{"Protesters chanted \u201cFreedom!\u201d as police advanced."}},
		{"straight quotes", `"It is over," she said. "We lost."`,
			[]string{`"It is over," she said.`, `"We lost."`}},
		{"company ends sentence", "The contract went to Acme Corp. The deal is worth $2 billion.",
			[]string{"The contract went to Acme Corp.", "The deal is worth $2 billion."}},
		{"company before sentence", "The order went to Acme Inc. Shares rose 4 percent.",
			[]string{"The order went to Acme Inc.", "Shares rose 4 percent."}},
		{"acronym before auxiliary", "Exports to the U.S. Have Fallen Sharply",
			[]string{"Exports to the U.S. Have Fallen Sharply"}},
		{"company inside sentence", "Acme Corp. shares rose and Zenith Inc. Chief Executive Ana Moss resigned.",
			[]string{"Acme Corp. shares rose and Zenith Inc. Chief Executive Ana Moss resigned."}},
		{"pm ends sentence", "The curfew begins at 9 p.m. Residents must stay indoors.",
			[]string{"The curfew begins at 9 p.m.", "Residents must stay indoors."}},
		{"am before time zone", "The blast happened at 6 a.m. GMT on Tuesday.",
			[]string{"The blast happened at 6 a.m. GMT on Tuesday."}},
		{"connectives", "The case of Ortiz vs. Lane was dismissed. Several states, e.g. Ohio, objected, i.e. they appealed.",
			[]string{"The case of Ortiz vs. Lane was dismissed.", "Several states, e.g. Ohio, objected, i.e. they appealed."}},
		{"etc ends sentence", "They seized rifles, grenades, etc. The weapons were destroyed.",
			[]string{"They seized rifles, grenades, etc.", "The weapons were destroyed."}},
		{"state abbreviation", "The shooting happened in Fresno, Calif. The governor called it a tragedy.",
			[]string{"The shooting happened in Fresno, Calif.", "The governor called it a tragedy."}},
		{"name suffix", "Martin Luther King Jr. Day was observed. Schools closed.",
			[]string{"Martin Luther King Jr. Day was observed.", "Schools closed."}},
		{"headline", "Protesters storm parliament in capital",
			[]string{"Protesters storm parliament in capital"}},
		{"caption with credit", "Riot police block a road near parliament. (Photo credit: Jane Roe/Agency)",
			[]string{"Riot police block a road near parliament. (Photo credit: Jane Roe/Agency)"}},
		{"credit then sentence", "Police fire tear gas. (Photo: Jane Roe/Agency) Thousands marched on Sunday.",
			[]string{"Police fire tear gas. (Photo: Jane Roe/Agency)", "Thousands marched on Sunday."}},
		{"parenthetical sentence", "Prices rose again. (The figures were revised on Monday.) Analysts were surprised.",
			[]string{"Prices rose again.", "(The figures were revised on Monday.)", "Analysts were surprised."}},
		{"bullets", "The demands include:\n\u2022 higher wages\n\u2022 free elections\n\u2022 release of detainees",
			[]string{"The demands include:", "\u2022 higher wages", "\u2022 free elections", "\u2022 release of detainees"}},
		{"dash list", "Key points:\n- Troops withdraw\n- Talks resume",
			[]string{"Key points:", "- Troops withdraw", "- Talks resume"}},
		{"asterisk list", "Latest:\n* Border closed\n* Flights cancelled",
			[]string{"Latest:", "* Border closed", "* Flights cancelled"}},
		{"numbered list", "The plan has three steps:\n1. A ceasefire.\n2. Prisoner swaps.\n3. Elections.",
			[]string{"The plan has three steps:", "1. A ceasefire.", "2. Prisoner swaps.", "3. Elections."}},
		{"numbered list without stops", "1. Free elections\n2. Release of detainees",
			[]string{"1. Free elections", "2. Release of detainees"}},
		{"hard-wrapped lines", "The central bank raised rates\nby half a point on Tuesday, its\nthird increase this year.",
			[]string{"The central bank raised rates\nby half a point on Tuesday, its\nthird increase this year."}},
		{"hard-wrapped number", "Output rose to a record of\n12. The bank said demand\n- mostly from abroad - was strong.",
			[]string{"Output rose to a record of\n12.", "The bank said demand\n- mostly from abroad - was strong."}},
		{"colon introduces lines", "The minister wrote:\nWe will not yield.\n\u201cNever.\u201d",
			[]string{"The minister wrote:", "We will not yield.", "\u201cNever.\u201d"}},
		{"colon in wrapped text", "Rates were as follows:\nlower for savers, higher for loans.",
			[]string{"Rates were as follows:\nlower for savers, higher for loans."}},
		{"blank line", "First paragraph without a stop\n\nSecond paragraph",
			[]string{"First paragraph without a stop", "Second paragraph"}},
		{"signature line", "Peace talks must resume now.\n\u2014 Jane Roe (@janeroe) March 3, 2023",
			[]string{"Peace talks must resume now.", "\u2014 Jane Roe (@janeroe) March 3, 2023"}},
		{"signature on post line", "Peace talks must resume now pic.twitter.com/Ab12 \u2014 Jane Roe (@janeroe) March 3, 2023",
			[]string{"Peace talks must resume now pic.twitter.com/Ab12", "\u2014 Jane Roe (@janeroe) March 3, 2023"}},
		{"signature line ends its sentence", "Stay safe.\n\u2014 Jane Roe (@janeroe) March 3, 2023\nTens of thousands marched",
			[]string{"Stay safe.", "\u2014 Jane Roe (@janeroe) March 3, 2023", "Tens of thousands marched"}},
		{"dash is not a signature", "The deal \u2014 signed in Doha \u2014 holds.",
			[]string{"The deal \u2014 signed in Doha \u2014 holds."}},
		{"hashtag", "Solidarity with #Ukraine. We stand together.",
			[]string{"Solidarity with #Ukraine.", "We stand together."}},
		{"hashtag after stop", "Talks resume today. #Peace",
			[]string{"Talks resume today.", "#Peace"}},
		{"domain", "Details are at example.com. The site crashed.",
			[]string{"Details are at example.com.", "The site crashed."}},
		{"camel case word", "Phone sales rose. iPhone demand was strong.",
			[]string{"Phone sales rose.", "iPhone demand was strong."}},
		{"lower case after period", "He held the rank of maj. general until retiring.",
			[]string{"He held the rank of maj. general until retiring."}},
		{"no space after period", "Rates rose.Markets fell.",
			[]string{"Rates rose.Markets fell."}},
		{"surrounding space", "  \tTalks failed.\u00a0New talks are planned.\n ",
			[]string{"Talks failed.", "New talks are planned."}},
		{"only space", " \n\t ", nil},
		{"empty", "", nil},
		{"brackets close", "The law (passed in May.) was repealed. Critics cheered.",
			[]string{"The law (passed in May.) was repealed.", "Critics cheered."}},
		{"non-ASCII capital", "Talks moved to Zürich. Österreich sent observers.",
			[]string{"Talks moved to Zürich.", "Österreich sent observers."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := split(tt.text)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Split(%q) mismatch (-want +got):\n%s", tt.text, diff)
			}
		})
	}
}

func TestSplitSubspan(t *testing.T) {
	text := "Ignored. The talks ended. Both sides left. Ignored too."
	span := event.Span{Start: 9, End: 43}
	dst := make([]event.Span, 1, 8) // Split appends
	got := nlp.Split(text, span, dst)
	want := []event.Span{{}, {Start: 9, End: 25}, {Start: 26, End: 42}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Split(%v) mismatch (-want +got):\n%s", span, diff)
	}
}

func TestSplitClamps(t *testing.T) {
	tests := []struct {
		name string
		span event.Span
		want []event.Span
	}{
		{"reversed", event.Span{Start: 5, End: 2}, nil},
		{"negative start", event.Span{Start: -4, End: 6}, []event.Span{{Start: 0, End: 6}}},
		{"past the end", event.Span{Start: 7, End: 99}, []event.Span{{Start: 7, End: 15}}},
	}
	const text = "Rates. Rose it."
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := nlp.Split(text, tt.span, nil)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Split(%v) mismatch (-want +got):\n%s", tt.span, diff)
			}
		})
	}
}

// article builds an Article whose blocks are the given strings, joined by
// newlines.
func article(blocks ...string) *event.Article {
	a := &event.Article{Text: strings.Join(blocks, "\n")}
	off := 0
	for _, b := range blocks {
		a.Blocks = append(a.Blocks, event.Block{Kind: event.BlockParagraph, Span: event.Span{Start: off, End: off + len(b)}})
		off += len(b) + 1
	}
	return a
}

func TestSentences(t *testing.T) {
	type sent struct {
		Index, Block int
		Text         string
	}
	tests := []struct {
		name string
		a    *event.Article
		want []sent
	}{
		{"nil", nil, nil},
		{"blocks", article(
			"Troops seal off the capital",
			"Soldiers closed the roads on Monday. Shops stayed shut.",
			"",
			"A soldier stands guard. (Photo: Jane Roe/Agency)",
		), []sent{
			{0, 0, "Troops seal off the capital"},
			{1, 1, "Soldiers closed the roads on Monday."},
			{2, 1, "Shops stayed shut."},
			{3, 3, "A soldier stands guard. (Photo: Jane Roe/Agency)"},
		}},
		{"no blocks", &event.Article{Text: "Rates rose. Markets fell.\n\nAnalysts were calm"}, []sent{
			{0, 0, "Rates rose."},
			{1, 0, "Markets fell."},
			{2, 0, "Analysts were calm"},
		}},
		{"sentence does not cross blocks", article("The minister said", "he would resign."), []sent{
			{0, 0, "The minister said"},
			{1, 1, "he would resign."},
		}},
		{"bad block spans", &event.Article{Text: "One. Two. Three.", Blocks: []event.Block{
			{Span: event.Span{Start: 0, End: 9}},
			{Span: event.Span{Start: 5, End: 99}}, // overlaps and overruns
			{Span: event.Span{Start: 30, End: 40}},
		}}, []sent{
			{0, 0, "One."},
			{1, 0, "Two."},
			{2, 1, "Three."},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []sent
			for _, s := range nlp.Sentences(tt.a) {
				got = append(got, sent{s.Index, s.Block, s.Span.Of(tt.a.Text)})
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Sentences mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestSeedArticle checks the segmentation of the shared seed article, one
// block per line, against the sentence counts a human reader sees.
func TestSeedArticle(t *testing.T) {
	b, err := os.ReadFile(sharedtest.Path(t, "gold/seed/kazakhstan-2022-01-07.txt"))
	if err != nil {
		t.Skipf("seed article absent: %v", err)
	}
	var lines []string
	for l := range strings.SplitSeq(string(b), "\n") {
		if strings.TrimSpace(l) != "" {
			lines = append(lines, l)
		}
	}
	a := article(lines...)
	counts := make([]int, len(lines))
	for _, s := range nlp.Sentences(a) {
		counts[s.Block]++
	}
	want := []int{1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 1, 1, 1, 1, 1, 1, 1}
	if diff := cmp.Diff(want, counts); diff != "" {
		t.Errorf("sentences per line mismatch (-want +got):\n%s", diff)
	}
	// Without blocks, the same sentences come out of the whole text.
	whole := nlp.Sentences(&event.Article{Text: string(b)})
	if len(whole) != 18 {
		t.Errorf("Sentences of the text without blocks: %d sentences, want 18", len(whole))
	}
}
