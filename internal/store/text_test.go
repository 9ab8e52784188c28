package store_test

import (
	"errors"
	"strings"
	"testing"
	"unicode"

	"github.com/google/go-cmp/cmp"

	"github.com/annals-project/annals/internal/store"
)

func TestParseTextQuery(t *testing.T) {
	w := func(prefix bool, words ...string) store.TextTerm { return store.TextTerm{Words: words, Prefix: prefix} }
	tests := []struct {
		name string
		in   string
		want store.TextQuery
	}{
		{"one word", "Protest", store.TextQuery{w(false, "protest")}},
		{"words", "tear  gas", store.TextQuery{w(false, "tear"), w(false, "gas")}},
		{"phrase", `"tear gas" Nairobi`, store.TextQuery{w(false, "tear", "gas"), w(false, "nairobi")}},
		{"prefix", "protest*", store.TextQuery{w(true, "protest")}},
		{"phrase prefix", `"foreign minis*"`, store.TextQuery{w(true, "foreign", "minis")}},
		{"hyphen", "al-Shabaab", store.TextQuery{w(false, "al", "shabaab")}},
		{"apostrophe", "Kenya's", store.TextQuery{w(false, "kenya", "s")}},
		{"unclosed quote", `"tear gas`, store.TextQuery{w(false, "tear", "gas")}},
		{"accents kept", "Bogotá", store.TextQuery{w(false, "bogotá")}},
		{"digits", "G20 2024", store.TextQuery{w(false, "g20"), w(false, "2024")}},
		{"operators are words", "fuel OR prices", store.TextQuery{w(false, "fuel"), w(false, "or"), w(false, "prices")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := store.ParseTextQuery(tt.in)
			if err != nil {
				t.Fatalf("ParseTextQuery(%q) = %v", tt.in, err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("ParseTextQuery(%q) mismatch (-want +got):\n%s", tt.in, diff)
			}
		})
	}
}

func TestParseTextQueryBad(t *testing.T) {
	for name, in := range map[string]string{
		"empty":        "",
		"punctuation":  `*** "" - !`,
		"empty phrase": `""`,
		"too long":     strings.Repeat("word ", 33),
	} {
		t.Run(name, func(t *testing.T) {
			if q, err := store.ParseTextQuery(in); !errors.Is(err, store.ErrInvalid) {
				t.Errorf("ParseTextQuery(%q) = %v, %v; want ErrInvalid", in, q, err)
			}
		})
	}
}

func FuzzParseTextQuery(f *testing.F) {
	for _, s := range []string{"tear gas", `"foreign ministry" protest*`, "al-Shabaab", `"`, "*", "Ünïcödé ✓", "a\x00b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		q, err := store.ParseTextQuery(s)
		if err != nil {
			if !errors.Is(err, store.ErrInvalid) {
				t.Fatalf("ParseTextQuery(%q) = %v, want an ErrInvalid error", s, err)
			}
			return
		}
		if len(q) == 0 || len(q) > 32 {
			t.Fatalf("ParseTextQuery(%q) has %d terms", s, len(q))
		}
		for _, term := range q {
			if len(term.Words) == 0 {
				t.Fatalf("ParseTextQuery(%q) has an empty term", s)
			}
			for _, w := range term.Words {
				if w == "" || w != strings.ToLower(w) {
					t.Fatalf("ParseTextQuery(%q): word %q is empty or not lower case", s, w)
				}
				for _, r := range w {
					if !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.IsMark(r) {
						t.Fatalf("ParseTextQuery(%q): word %q holds %q", s, w, r)
					}
				}
			}
		}
	})
}
