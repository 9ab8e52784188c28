package pipeline_test

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"testing"

	"github.com/annals-project/annals/internal/event"
	"github.com/annals-project/annals/internal/pipeline"
	"github.com/google/go-cmp/cmp"
)

// articles yields n articles, with a read error in place of every
// errEvery-th one.
func articles(n, errEvery int) iter.Seq2[*event.Article, error] {
	return func(yield func(*event.Article, error) bool) {
		for i := range n {
			if errEvery > 0 && i%errEvery == errEvery-1 {
				if !yield(nil, fmt.Errorf("doc%d: unreadable", i)) {
					return
				}
				continue
			}
			a := &event.Article{ID: fmt.Sprintf("doc%d", i), Text: "Troops withdrew. Talks resumed on March 3, 2024."}
			a.Blocks = []event.Block{{Kind: event.BlockParagraph, Span: event.Span{Start: 0, End: len(a.Text)}}}
			if !yield(a, nil) {
				return
			}
		}
	}
}

func TestRunOrder(t *testing.T) {
	for _, workers := range []int{0, 1, 2, 8} {
		t.Run(fmt.Sprintf("workers=%d", workers), func(t *testing.T) {
			p := pipeline.New(pipeline.Config{Workers: workers})
			var got []string
			err := p.Run(context.Background(), articles(50, 7),
				func(c *event.Coded) error {
					got = append(got, c.Document.ID)
					if len(c.Sentences) != 2 {
						t.Errorf("%s: %d sentences, want 2", c.Document.ID, len(c.Sentences))
					}
					if c.Document.Anchor.String() != "2024-03-03" {
						t.Errorf("%s: anchor %s, want 2024-03-03", c.Document.ID, c.Document.Anchor)
					}
					return nil
				},
				func(err error) { got = append(got, "error "+err.Error()) })
			if err != nil {
				t.Fatalf("Run: %v", err)
			}
			var want []string
			for i := range 50 {
				if i%7 == 6 {
					want = append(want, fmt.Sprintf("error doc%d: unreadable", i))
				} else {
					want = append(want, fmt.Sprintf("doc%d", i))
				}
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("output order (-want +got):\n%s", diff)
			}
		})
	}
}

func TestRunEmitError(t *testing.T) {
	stop := errors.New("disk full")
	for _, workers := range []int{1, 4} {
		p := pipeline.New(pipeline.Config{Workers: workers})
		n := 0
		err := p.Run(context.Background(), articles(100, 0), func(*event.Coded) error {
			n++
			if n == 3 {
				return stop
			}
			return nil
		}, func(error) {})
		if !errors.Is(err, stop) || n != 3 {
			t.Errorf("workers=%d: Run = %v after %d emits, want %v after 3", workers, err, n, stop)
		}
	}
}

func TestRunCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	p := pipeline.New(pipeline.Config{Workers: 4})
	n := 0
	err := p.Run(ctx, articles(1000, 0), func(*event.Coded) error {
		n++
		if n == 5 {
			cancel()
		}
		return nil
	}, func(error) {})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("Run after cancel = %v, want context.Canceled", err)
	}
}
