package nlp_test

import (
	"fmt"

	"github.com/annals-project/annals/internal/event"
	"github.com/annals-project/annals/internal/nlp"
)

func ExampleSentences() {
	text := "Troops seal off capital\n" +
		"Gen. Ardell met U.S. envoys on Jan. 6. They left at 9 p.m. “We are hopeful,” he said."
	a := &event.Article{
		Text: text,
		Blocks: []event.Block{
			{Kind: event.BlockTitle, Span: event.Span{Start: 0, End: 23}},
			{Kind: event.BlockParagraph, Span: event.Span{Start: 24, End: len(text)}},
		},
	}
	for _, s := range nlp.Sentences(a) {
		fmt.Printf("%d (block %d) %s\n", s.Index, s.Block, s.Span.Of(text))
	}
	// Output:
	// 0 (block 0) Troops seal off capital
	// 1 (block 1) Gen. Ardell met U.S. envoys on Jan. 6.
	// 2 (block 1) They left at 9 p.m.
	// 3 (block 1) “We are hopeful,” he said.
}

func ExampleTokens() {
	text := "Kazakhstan’s leaders didn't back down."
	for _, t := range nlp.Tokens(text, event.Span{Start: 0, End: len(text)}, nil) {
		fmt.Printf("%s/%v/%s ", t.Span.Of(text), t.Kind, nlp.Norm(text, t))
	}
	fmt.Println()
	// Output:
	// Kazakhstan/Word/kazakhstan ’s/Clitic/'s leaders/Word/leaders did/Word/did n't/Clitic/not back/Word/back down/Word/down ./Punct/.
}
