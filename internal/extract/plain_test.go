package extract_test

import (
	"testing"

	"github.com/annals-project/annals/internal/event"
	"github.com/annals-project/annals/internal/extract"
	"github.com/google/go-cmp/cmp"
)

// block is a Block in a form that is easy to write in a table: its text
// instead of its span.
type block struct {
	Kind   event.BlockKind
	Text   string
	Credit string
	Author string
	Handle string
	Date   string
}

func blocksOf(text string, bs []event.Block) []block {
	out := make([]block, 0, len(bs))
	for _, b := range bs {
		out = append(out, block{
			Kind: b.Kind, Text: b.Span.Of(text), Credit: b.Credit,
			Author: b.Author, Handle: b.Handle, Date: b.Date.String(),
		})
	}
	return out
}

func TestPlain(t *testing.T) {
	const (
		p   = event.BlockParagraph
		cap = event.BlockCaption
		pst = event.BlockPost
		sig = event.BlockSignature
	)
	tests := []struct {
		name string
		text string
		want []block
	}{
		{
			name: "empty",
			text: "",
			want: []block{},
		},
		{
			name: "blank lines only",
			text: "\n \n\t\r\n",
			want: []block{},
		},
		{
			name: "paragraphs trimmed",
			text: "  Troops withdrew from the border town on Friday.  \r\n\n\tTalks resume next week.\n",
			want: []block{
				{Kind: p, Text: "Troops withdrew from the border town on Friday."},
				{Kind: p, Text: "Talks resume next week."},
			},
		},
		{
			name: "caption with photo credit",
			text: "Riot police stand guard outside parliament in Tarvis. (Photo credit: Jana Holt/AFP)\nParliament met in emergency session on Monday.",
			want: []block{
				{Kind: cap, Text: "Riot police stand guard outside parliament in Tarvis. (Photo credit: Jana Holt/AFP)", Credit: "Jana Holt/AFP"},
				{Kind: p, Text: "Parliament met in emergency session on Monday."},
			},
		},
		{
			name: "caption credit in the middle",
			text: "A protester waves a flag (Photo: Sam Ode/Reuters) near the ministry on Tuesday.",
			want: []block{
				{Kind: cap, Text: "A protester waves a flag (Photo: Sam Ode/Reuters) near the ministry on Tuesday.", Credit: "Sam Ode/Reuters"},
			},
		},
		{
			name: "caption with bare credit at the end",
			text: "Smoke rises over the eastern suburbs. Photo: Karl Benn/EPA",
			want: []block{
				{Kind: cap, Text: "Smoke rises over the eastern suburbs. Photo: Karl Benn/EPA", Credit: "Karl Benn/EPA"},
			},
		},
		{
			name: "embedded post above its signature",
			text: "The foreign minister of Norland, Pia Strand, spoke at length about the crisis on Wednesday and later repeated her call for restraint on social media.\n" +
				"Deeply worried by the clashes in #Tarvis.\n" +
				"Violence is never the answer.\n" +
				"We stand ready to help mediate.\n" +
				"— Pia Strand (@PiaStrandNO) May 3, 2023\n" +
				"Her ministry later summoned the ambassador of Tarvis for talks.",
			want: []block{
				{Kind: p, Text: "The foreign minister of Norland, Pia Strand, spoke at length about the crisis on Wednesday and later repeated her call for restraint on social media."},
				{Kind: pst, Text: "Deeply worried by the clashes in #Tarvis."},
				{Kind: pst, Text: "Violence is never the answer."},
				{Kind: pst, Text: "We stand ready to help mediate."},
				{Kind: sig, Text: "— Pia Strand (@PiaStrandNO) May 3, 2023", Author: "Pia Strand", Handle: "PiaStrandNO", Date: "2023-05-03"},
				{Kind: p, Text: "Her ministry later summoned the ambassador of Tarvis for talks."},
			},
		},
		{
			name: "post introduced by a colon line",
			text: "In a statement, the army wrote:\nAll units have returned to barracks.\n-- Norland Army (@NorlandArmy) Jan 9, 2024",
			want: []block{
				{Kind: p, Text: "In a statement, the army wrote:"},
				{Kind: pst, Text: "All units have returned to barracks."},
				{Kind: sig, Text: "-- Norland Army (@NorlandArmy) Jan 9, 2024", Author: "Norland Army", Handle: "NorlandArmy", Date: "2024-01-09"},
			},
		},
		{
			name: "en dash signature without a date",
			text: "Polls close at eight tonight. Go and vote!\n– City Election Office (@CityVotes)",
			want: []block{
				{Kind: pst, Text: "Polls close at eight tonight. Go and vote!"},
				{Kind: sig, Text: "– City Election Office (@CityVotes)", Author: "City Election Office", Handle: "CityVotes"},
			},
		},
		{
			name: "post and signature on one line",
			text: "Ceasefire holding in the north this morning. — Omar Daley (@odaley) February 2, 2024",
			want: []block{
				{Kind: pst, Text: "Ceasefire holding in the north this morning."},
				{Kind: sig, Text: "— Omar Daley (@odaley) February 2, 2024", Author: "Omar Daley", Handle: "odaley", Date: "2024-02-02"},
			},
		},
		{
			name: "long prose line stops the post",
			text: "Officials in the capital said the curfew would be lifted on Saturday if the night passed quietly, and that schools would reopen the following week.\n" +
				"Curfew ends Saturday.\n" +
				"— Capital Police (@CapitalPolice) June 1, 2022",
			want: []block{
				{Kind: p, Text: "Officials in the capital said the curfew would be lifted on Saturday if the night passed quietly, and that schools would reopen the following week."},
				{Kind: pst, Text: "Curfew ends Saturday."},
				{Kind: sig, Text: "— Capital Police (@CapitalPolice) June 1, 2022", Author: "Capital Police", Handle: "CapitalPolice", Date: "2022-06-01"},
			},
		},
		{
			name: "dash quote is not a signature",
			text: "— The president (@handle) said nothing more about the talks on Monday evening.",
			want: []block{
				{Kind: p, Text: "— The president (@handle) said nothing more about the talks on Monday evening."},
			},
		},
		{
			name: "parenthesis without credit stays a paragraph",
			text: "The agency (which declined to comment) has 40 staff.",
			want: []block{
				{Kind: p, Text: "The agency (which declined to comment) has 40 staff."},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := extract.Plain(tt.text)
			checkBlocks(t, tt.text, got)
			if diff := cmp.Diff(tt.want, blocksOf(tt.text, got)); diff != "" {
				t.Errorf("Plain(%q) mismatch (-want +got):\n%s", tt.text, diff)
			}
		})
	}
}
