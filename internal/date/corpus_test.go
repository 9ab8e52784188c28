package date_test

import (
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/annals-project/annals/internal/date"
	"github.com/annals-project/annals/internal/event"
	"github.com/annals-project/annals/internal/sharedtest"
)

// firstSentence returns the span of the first sentence of text: up to the
// first ". " (or "? ", "! ") that is followed by an upper-case letter and
// does not close a one-letter initial or a month abbreviation.
func firstSentence(text string) event.Span {
	for i := 1; i+2 < len(text); i++ {
		c := text[i]
		if (c != '.' && c != '?' && c != '!') || text[i+1] != ' ' || !unicode.IsUpper(rune(text[i+2])) {
			continue
		}
		w := i
		for w > 0 && text[w-1] != ' ' {
			w--
		}
		if _, month := date.MonthName(text[w:i]); c == '.' && (i-w <= 1 || month && i-w <= 4) {
			continue
		}
		return event.Span{Start: 0, End: i + 1}
	}
	return event.Span{Start: 0, End: len(text)}
}

func TestGoldACLED(t *testing.T) {
	path := sharedtest.Path(t, "gold/acled-bangladesh-dev.gold.jsonl")
	type doc struct {
		ID        string     `json:"id"`
		Text      string     `json:"text"`
		Published event.Date `json:"published"`
		Events    []struct {
			Date event.Date `json:"date"`
		} `json:"events"`
	}
	var n, hit, none int
	for _, d := range sharedtest.ReadJSONL[doc](t, path) {
		if len(d.Events) == 0 || d.Events[0].Date.IsZero() {
			continue
		}
		n++
		e, ok := date.Sentence(d.Text, firstSentence(d.Text), d.Published)
		switch {
		case !ok:
			none++
			t.Logf("%s: no date in %q", d.ID, firstSentence(d.Text).Of(d.Text))
		case e.Date == d.Events[0].Date:
			hit++
		default:
			t.Logf("%s: got %s from %q, gold %s", d.ID, e.Date, e.Text, d.Events[0].Date)
		}
	}
	if n == 0 {
		t.Skip("no gold events with dates")
	}
	acc := float64(hit) / float64(n)
	t.Logf("Sentence(first sentence) = gold date: %d/%d = %.3f (%d with no date)", hit, n, acc, none)
	if acc < 0.95 {
		t.Errorf("accuracy %.3f, want >= 0.95", acc)
	}
}

type reutersDoc struct {
	Text      string     `json:"text"`
	Published event.Date `json:"published"`
}

func loadReuters(b *testing.B) ([]reutersDoc, int64) {
	docs := sharedtest.ReadJSONL[reutersDoc](b, sharedtest.Path(b, "data/corpus/reuters21578/docs.jsonl"))
	var size int64
	for _, d := range docs {
		size += int64(len(d.Text))
	}
	return docs, size
}

// BenchmarkFind runs Find over the Reuters-21578 stories, anchored on
// their dates, whole documents and sentence by sentence (as the coder
// calls it). -benchmem and the MB/s column give the figures.
func BenchmarkFind(b *testing.B) {
	docs, size := loadReuters(b)
	b.Run("docs", func(b *testing.B) {
		b.SetBytes(size)
		b.ReportAllocs()
		found := 0
		for b.Loop() {
			found = 0
			for _, d := range docs {
				found += len(date.Find(d.Text, whole(d.Text), d.Published))
			}
		}
		b.ReportMetric(float64(found), "exprs")
	})
	type sent struct {
		text   string
		span   event.Span
		anchor event.Date
	}
	var sents []sent
	for _, d := range docs {
		start := 0
		for i := 0; i < len(d.Text); i++ {
			if d.Text[i] == '.' && (i+1 == len(d.Text) || d.Text[i+1] == ' ' || d.Text[i+1] == '\n') {
				sents = append(sents, sent{d.Text, event.Span{Start: start, End: i + 1}, d.Published})
				start = i + 1
			}
		}
		if start < len(d.Text) {
			sents = append(sents, sent{d.Text, event.Span{Start: start, End: len(d.Text)}, d.Published})
		}
	}
	b.Run("sentences", func(b *testing.B) {
		b.SetBytes(size)
		b.ReportAllocs()
		for b.Loop() {
			for _, s := range sents {
				date.Find(s.text, s.span, s.anchor)
			}
		}
		b.ReportMetric(float64(len(sents)), "sentences")
	})
	b.Run("sentence-choice", func(b *testing.B) {
		b.SetBytes(size)
		b.ReportAllocs()
		for b.Loop() {
			for _, s := range sents {
				date.Sentence(s.text, s.span, s.anchor)
			}
		}
	})
}

// TestReutersSmoke checks Find over the whole Reuters corpus: spans valid
// and ordered, and no relative date after its anchor by more than a year
// (which would mean a resolution bug). It logs how many expressions of
// each precision it found.
func TestReutersSmoke(t *testing.T) {
	if testing.Short() {
		t.Skip("slow")
	}
	docs := sharedtest.ReadJSONL[reutersDoc](t, sharedtest.Path(t, "data/corpus/reuters21578/docs.jsonl"))
	count := map[string]int{}
	for _, d := range docs {
		prev := 0
		for _, e := range date.Find(d.Text, whole(d.Text), d.Published) {
			if !e.Span.Valid(len(d.Text)) || e.Span.Start < prev {
				t.Fatalf("bad span %v", e.Span)
			}
			prev = e.Span.End
			key := string(e.Precision)
			if e.Relative {
				key += "~"
			}
			count[key]++
			if e.Relative && !e.Date.IsZero() && d.Published.AddDays(366).Before(e.Date) {
				t.Errorf("%q anchored %s resolved to %s", e.Text, d.Published, e.Date)
			}
		}
	}
	var parts []string
	for _, k := range []string{"day", "day~", "week~", "month", "month~", "year", "year~"} {
		parts = append(parts, k+"="+strconv.Itoa(count[k]))
	}
	t.Logf("%d docs: %s", len(docs), strings.Join(parts, " "))
}
