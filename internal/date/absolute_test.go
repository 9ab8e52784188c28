package date_test

import (
	"testing"

	"github.com/annals-project/annals/internal/date"
	"github.com/annals-project/annals/internal/event"
	"github.com/google/go-cmp/cmp"
)

func TestAbsolute(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string // "text=date"
	}{
		{"month day year", "Talks resumed on March 3, 2024, in Geneva.", []string{"March 3, 2024=2024-03-03"}},
		{"abbreviated month", "The vote was held Sept. 14, 2019 amid boycotts.", []string{"Sept. 14, 2019=2019-09-14"}},
		{"day month year", "Troops withdrew on 15 February 1989.", []string{"15 February 1989=1989-02-15"}},
		{"ordinal", "Polls closed on 2nd May 2021.", []string{"2nd May 2021=2021-05-02"}},
		{"iso", "Filed 2023-11-30 by the ministry.", []string{"2023-11-30=2023-11-30"}},
		{"signature", "— Jane Doe (@janedoe) January 6, 2022", []string{"January 6, 2022=2022-01-06"}},
		{"no year", "On 7 January, the minister spoke.", nil},
		{"impossible day", "Dated February 30, 2022 by mistake.", nil},
		{"year alone", "In 2020 the war ended.", nil},
		{"number not a day", "About 45 May 2022 protesters", nil},
		{"two dates", "Between June 1, 2020 and 4 July 2021 prices rose.", []string{"June 1, 2020=2020-06-01", "4 July 2021=2021-07-04"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, m := range date.Absolute(tt.text, event.Span{Start: 0, End: len(tt.text)}) {
				got = append(got, m.Span.Of(tt.text)+"="+m.Date.String())
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Absolute(%q) mismatch (-want +got):\n%s", tt.text, diff)
			}
		})
	}
}

func TestAnchor(t *testing.T) {
	d := func(s string) event.Date {
		v, err := event.ParseDate(s)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	tests := []struct {
		name       string
		a          event.Article
		fallback   event.Date
		want, from string
	}{
		{"published wins", event.Article{Published: d("2021-05-01"), Text: "On March 3, 2024 it rained."}, d("2020-01-01"), "2021-05-01", event.AnchorPublished},
		{"flag next", event.Article{Text: "On March 3, 2024 it rained."}, d("2020-01-01"), "2020-01-01", event.AnchorFlag},
		{"latest in text", event.Article{Text: "Talks on 2 May 2019 failed; a deal came on June 9, 2019."}, event.Date{}, "2019-06-09", event.AnchorText},
		{"post signature", event.Article{Text: "Short post.", Blocks: []event.Block{{Kind: event.BlockSignature, Date: d("2022-02-02")}}}, event.Date{}, "2022-02-02", event.AnchorText},
		{"nothing", event.Article{Text: "On Monday protesters marched."}, event.Date{}, "", event.AnchorNone},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := tt.a
			date.Anchor(&a, tt.fallback)
			if a.Anchor.String() != tt.want || a.AnchorSource != tt.from {
				t.Errorf("Anchor = %s (%s), want %s (%s)", a.Anchor, a.AnchorSource, tt.want, tt.from)
			}
		})
	}
}

func FuzzAbsolute(f *testing.F) {
	f.Add("On March 3, 2024 and 4 July 2021 and 2023-11-30.")
	f.Add("Sept. 31, 2019 5th")
	f.Fuzz(func(t *testing.T, s string) {
		prev := 0
		for _, m := range date.Absolute(s, event.Span{Start: 0, End: len(s)}) {
			if !m.Span.Valid(len(s)) || m.Span.Start < prev {
				t.Fatalf("bad span %v in %q", m.Span, s)
			}
			prev = m.Span.Start
		}
	})
}

func TestReference(t *testing.T) {
	tests := []struct {
		name, text, published, want string
	}{
		{"partial date after full", "A post dated March 3, 2024. On 5 March ministers met.", "", "2024-03-05"},
		{"partial date too late", "A post dated March 3, 2024. On 5 June ministers met.", "", "2024-03-03"},
		{"weekday does not move", "A post dated March 3, 2024. On Friday ministers met.", "", "2024-03-03"},
		{"published anchor stays", "A post dated March 3, 2024. On 5 March ministers met.", "2024-03-04", "2024-03-04"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := &event.Article{Text: tt.text}
			if tt.published != "" {
				a.Published, _ = event.ParseDate(tt.published)
			}
			date.Anchor(a, event.Date{})
			if got := date.Reference(a).String(); got != tt.want {
				t.Errorf("Reference(%q) = %s, want %s (anchor %s)", tt.text, got, tt.want, a.Anchor)
			}
		})
	}
}
