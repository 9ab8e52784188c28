package quote_test

import (
	"fmt"

	"github.com/annals-project/annals/internal/event"
	"github.com/annals-project/annals/internal/nlp"
	"github.com/annals-project/annals/internal/quote"
)

func ExampleFind() {
	text := "“We will not give up,” the minister said. According to the ministry, talks will resume on Friday."
	a := &event.Article{Text: text, Blocks: []event.Block{{Kind: event.BlockParagraph, Span: event.Span{Start: 0, End: len(text)}}}}
	for _, q := range quote.Find(a, nlp.Sentences(a)) {
		fmt.Printf("direct=%v %s %q: %q\n", q.Direct, q.Kind, q.Speaker.Of(text), q.Content.Of(text))
	}
	// Output:
	// direct=true nominal "the minister": "We will not give up"
	// direct=false nominal "the ministry": "talks will resume on Friday"
}
