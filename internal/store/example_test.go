package store_test

import (
	"context"
	"fmt"
	"log"
	"os"
	"path/filepath"

	"github.com/annals-project/annals/internal/event"
	"github.com/annals-project/annals/internal/store"
	"github.com/annals-project/annals/internal/store/sqlite"
)

// A coded article goes in with NewDocument and PutDocument; events come out
// through a filter. Storing the same article again adds nothing.
func Example() {
	dir, err := os.MkdirTemp("", "annals-example")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)
	ctx := context.Background()
	s, err := sqlite.Open(ctx, filepath.Join(dir, "annals.db"), sqlite.Options{})
	if err != nil {
		log.Fatal(err)
	}
	defer s.Close()

	text := "Thousands marched through Lagos on Saturday to demand lower fuel prices."
	a := &event.Article{ID: "lagos-1", URL: "https://news.example/lagos", Text: text, Published: event.Date{Year: 2024, Month: 3, Day: 10}}
	ev := event.Event{Text: text, Span: event.Span{Start: 10, End: 17}, CAMEO: "141", Root: "14", QuadClass: 3,
		Source: &event.Actor{Text: "Thousands", Code: "NGACVL", Country: "NGA", Role: "CVL", Span: event.Span{Start: 0, End: 9}},
		Date:   event.Date{Year: 2024, Month: 3, Day: 9}, DatePrecision: "day", Rule: "example"}
	doc := store.NewDocument(&event.Coded{Document: a, Events: []event.Event{ev}})

	for range 2 {
		res, err := s.PutDocument(ctx, doc, nil)
		if err != nil {
			log.Fatal(err)
		}
		fmt.Printf("skipped=%v mentions=%d new events=%d\n", res.Skipped, res.Mentions, res.NewEvents)
	}
	evs, err := s.Events(ctx, store.EventFilter{CAMEO: []string{"14"}, Text: "fuel prices"})
	if err != nil {
		log.Fatal(err)
	}
	for _, e := range evs {
		fmt.Println(e.ID, e.CAMEO, e.Date, e.Source.Code, e.NumMentions, e.NumSources)
	}
	// Output:
	// skipped=false mentions=1 new events=1
	// skipped=true mentions=0 new events=0
	// 1 141 2024-03-09 NGACVL 1 1
}
