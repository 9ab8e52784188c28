package actor_test

import (
	"testing"
	"testing/fstest"

	"github.com/annals-project/annals/internal/actor"
	"github.com/annals-project/annals/internal/event"
)

func FuzzMatch(f *testing.F) {
	d := MustDefault(f)
	for _, s := range []string{
		"Iranian Foreign Minister Hossein Amir-Abdollahian said Tehran's stance was firm.",
		"U.S. troops and the U.N. Security Council; Côte d’Ivoire's police.",
		"U.S.", "U.", "..U.S..", "d'", "'s", "Iran''s", "\xff\xfe", "Gen. W. Bush", "ÅÅ İİ ıı",
	} {
		f.Add(s, 0, len(s), 2022)
	}
	f.Fuzz(func(t *testing.T, text string, start, end, year int) {
		date := event.Date{}
		if year > 1900 && year < 2100 {
			date = event.Date{Year: year, Month: 6, Day: 1}
		}
		ms := d.Match(text, event.Span{Start: start, End: end}, date, nil)
		last := max(start, 0)
		for _, m := range ms {
			if !m.Span.Valid(len(text)) || m.Span.Start < last || m.Span.Len() == 0 || (end >= 0 && m.Span.End > end) {
				t.Fatalf("Match(%q, [%d,%d)) span %v out of order or bounds (last end %d)", text, start, end, m.Span, last)
			}
			if m.Text != text[m.Span.Start:m.Span.End] {
				t.Fatalf("Match text %q, span covers %q", m.Text, text[m.Span.Start:m.Span.End])
			}
			if len(m.Entries) == 0 {
				t.Fatalf("Match %q has no entries", m.Text)
			}
			last = m.Span.End
		}
	})
}

func FuzzLoad(f *testing.F) {
	for _, s := range []string{
		"!format countries\nXLA | Examplia | Republic of Examplia | Examplian | Exampleton | Exampleton; Blue Hall=LEG\n",
		"!format agents\nguard | COP | title, pl=guardz\nGen. | MIL | title, nomatch, case\n",
		"!format orgs\nIGOXMP | | IGO | Example Pact | XPACT; ~Pactville | 2020 | 2021-02\n",
		"!format persons\nAnna Example; Example | XLAGOV | President | 2020-05 | 2021\n",
		"!format regions\nXRG | Exampleland | | Examplish\n",
		"!format persons\n||||\n", "!format\n", "#\n\n!format agents\n|\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, data string) {
		d, err := actor.Load(fstest.MapFS{"f.txt": {Data: []byte(data)}})
		if err != nil {
			return
		}
		// A dictionary that loads must match its own text without panics.
		d.Match(data, event.Span{End: len(data)}, event.Date{Year: 2021, Month: 1, Day: 1}, nil)
		d.Lookup(data, event.Date{})
	})
}
