package date

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/annals-project/annals/internal/event"
	"github.com/google/go-cmp/cmp"
)

// TestChunks checks that tokenizing a chunk at a time changes nothing:
// Find over a text with chunks of 3 tokens and with one chunk agree.
func TestChunks(t *testing.T) {
	texts := []string{
		"Police raided the office on 5 March and arrested two men the following day. " +
			"On Thursday, January 6, 2022, the rally turned violent; shops were looted on Black Friday. " +
			"Talks resumed in mid-February, stalled late on Friday and ended at the end of 2025, " +
			"the day before yesterday, he said. Payable Jan. 7 1988 or 5-6 November, or over the weekend.",
	}
	if p := filepath.Join("..", "..", "..", "shared", "data", "corpus", "reuters21578", "docs.jsonl"); !testing.Short() {
		if f, err := os.Open(p); err == nil {
			defer f.Close()
			sc := bufio.NewScanner(f)
			sc.Buffer(nil, 1<<26)
			for n := 0; sc.Scan() && n < 3000; n++ {
				var d struct{ Text string }
				if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
					t.Fatal(err)
				}
				texts = append(texts, d.Text)
			}
		}
	}
	anchor := event.Date{Year: 1987, Month: 3, Day: 12}
	for _, text := range texts {
		sp := event.Span{Start: 0, End: len(text)}
		one := appendFindChunked(nil, text, sp, anchor, 1<<30)
		for _, limit := range []int{3, 7, chunk} {
			if diff := cmp.Diff(one, appendFindChunked(nil, text, sp, anchor, limit)); diff != "" {
				t.Fatalf("chunks of %d differ from one chunk (-one +chunked) on %q:\n%s", limit, text, diff)
			}
		}
	}
}
