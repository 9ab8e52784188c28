package source_test

import (
	"context"
	"fmt"
	"strings"

	"github.com/annals-project/annals/internal/source"
)

func ExampleReadFrom() {
	batch := `{"id": "w-1", "published": "2024-05-06", "text": "Rebels freed 12 hostages on Monday.\nThe army said talks would go on."}
{"id": "w-2", "text": 
{"id": "w-3", "text": "Police dispersed a march in the capital on Tuesday."}
`
	for a, err := range source.ReadFrom(context.Background(), "batch.jsonl", strings.NewReader(batch), source.Options{}) {
		if err != nil {
			fmt.Println("error:", err)
			continue
		}
		fmt.Printf("%s (%s) %s %d blocks: %s\n", a.ID, a.Source, a.Published, len(a.Blocks), a.Text[a.Blocks[0].Span.Start:a.Blocks[0].Span.End])
	}
	// Output:
	// w-1 (batch.jsonl:1) 2024-05-06 2 blocks: Rebels freed 12 hostages on Monday.
	// error: batch.jsonl:2: json: unexpected end of JSON input
	// w-3 (batch.jsonl:3)  1 blocks: Police dispersed a march in the capital on Tuesday.
}
