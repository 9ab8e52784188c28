package extract

import (
	"testing"
	"time"

	"github.com/annals-project/annals/internal/event"
)

func TestParseSignature(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want signature
		ok   bool
	}{
		{"em dash", "— Ana Ruiz (@anaruiz) March 2, 2021", signature{"Ana Ruiz", "anaruiz", event.Date{Year: 2021, Month: 3, Day: 2}}, true},
		{"two hyphens", "-- Port Authority (@PortAuth_1) Sept. 30, 2020", signature{"Port Authority", "PortAuth_1", event.Date{Year: 2020, Month: 9, Day: 30}}, true},
		{"day first", "– Ana Ruiz (@anaruiz) 2 March 2021", signature{"Ana Ruiz", "anaruiz", event.Date{Year: 2021, Month: 3, Day: 2}}, true},
		{"shared by", "A post shared by Ana Ruiz (@anaruiz) on Mar 2, 2021 at 5:42pm PST", signature{"Ana Ruiz", "anaruiz", event.Date{Year: 2021, Month: 3, Day: 2}}, true},
		{"no date", "— Ana Ruiz (@anaruiz)", signature{"Ana Ruiz", "anaruiz", event.Date{}}, true},
		{"prose after handle", "— Ana Ruiz (@anaruiz) wrote a long reply", signature{}, false},
		{"no dash", "Ana Ruiz (@anaruiz) March 2, 2021", signature{}, false},
		{"no handle", "— Ana Ruiz March 2, 2021", signature{}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := parseSignature(tt.in)
			if ok != tt.ok || got != tt.want {
				t.Errorf("parseSignature(%q) = %+v, %v; want %+v, %v", tt.in, got, ok, tt.want, tt.ok)
			}
		})
	}
}

func TestFindCredit(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string
		ok   bool
	}{
		{"photo credit", "Crowds in the square. (Photo credit: Lee Park/AP)", "Lee Park/AP", true},
		{"photo", "Crowds in the square (Photo: Lee Park/AP).", "Lee Park/AP", true},
		{"brackets", "Crowds in the square [Photograph: Lee Park]", "Lee Park", true},
		{"bare at end", "Crowds in the square. Photo: Lee Park/AP", "Lee Park/AP", true},
		{"credit ellipsis", "Crowds in the square. Credit... Lee Park for The Daily", "Lee Park for The Daily", true},
		{"slash pair", "Crowds in the square (Lee Park/AP)", "Lee Park/AP", true},
		{"none", "Crowds gathered in the square (about 2,000 people) on Friday.", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := findCredit(tt.in)
			if ok != tt.ok || got != tt.want {
				t.Errorf("findCredit(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
			}
		})
	}
}

func TestCleanCredit(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Photo: Anton Reyes/Ledger", "Anton Reyes/Ledger"},
		{"  Photograph by Lee Park ", "Lee Park"},
		{"© Lee Park", "Lee Park"},
		{"Credit... Lee Park", "Lee Park"},
		{"(Image: AFP)", "AFP"},
		{"Lee Park | Getty Images", "Lee Park | Getty Images"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := cleanCredit(tt.in); got != tt.want {
				t.Errorf("cleanCredit(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestVisibleDate(t *testing.T) {
	tests := []struct {
		in   string
		want string
	}{
		{"Published 21 June 2021 by the news desk", "2021-06-21"},
		{"Posted on Jan. 7, 2022, 10:15 a.m.", "2022-01-07"},
		{"Sept 30th, 2020", "2020-09-30"},
		{"2019-11-20 08:00", "2019-11-20"},
		{"Updated March 3, 2023", ""},
		{"February 30, 2023", ""},
		{"No date here", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			d, _ := visibleDate(tt.in)
			if got := d.String(); got != tt.want {
				t.Errorf("visibleDate(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestParseStamp(t *testing.T) {
	tests := []struct {
		in     string
		date   string
		at     string
		wantOK bool
	}{
		{"2023-03-14T09:30:00+01:00", "2023-03-14", "2023-03-14T09:30:00+01:00", true},
		{"2023-03-14", "2023-03-14", "", true},
		{"Tue, 14 Mar 2023 09:30:00 GMT", "2023-03-14", "2023-03-14T09:30:00Z", true},
		{"yesterday", "", "", false},
		{"0001-01-01T00:00:00Z", "", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			st, ok := parseStamp(tt.in)
			at := ""
			if !st.at.IsZero() {
				at = st.at.Format(time.RFC3339)
			}
			if ok != tt.wantOK || st.date.String() != tt.date || at != tt.at {
				t.Errorf("parseStamp(%q) = %v, %q, %v; want %q, %q, %v", tt.in, st.date, at, ok, tt.date, tt.at, tt.wantOK)
			}
		})
	}
}

func TestLDPublished(t *testing.T) {
	tests := []struct {
		name   string
		blocks []string
		want   string
	}{
		{"article in graph", []string{`{"@graph":[{"@type":"WebPage","datePublished":"2020-01-01"},{"@type":"NewsArticle","datePublished":"2021-05-06T10:00:00Z"}]}`}, "2021-05-06"},
		{"array of types", []string{`[{"@type":["ReportageNewsArticle"],"dateCreated":"2021-05-07"}]`}, "2021-05-07"},
		{"broken json skipped", []string{`{"@type":`, `{"@type":"BlogPosting","datePublished":"2021-05-08"}`}, "2021-05-08"},
		{"none", []string{`{"@type":"Organization","name":"X"}`}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st, _ := ldPublished(tt.blocks)
			if got := st.date.String(); got != tt.want {
				t.Errorf("ldPublished = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestKey(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Hello, World! 42", "helloworld42"},
		{"  Ça  va?  ", "çava"},
		{"—", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := key(tt.in); got != tt.want {
				t.Errorf("key(%q) = %q, want %q", tt.in, got, tt.want)
			}
			if got := keyLen(tt.in); got != len(tt.want) {
				t.Errorf("keyLen(%q) = %d, want %d", tt.in, got, len(tt.want))
			}
		})
	}
}
