package nlp_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/annals-project/annals/internal/event"
	"github.com/annals-project/annals/internal/nlp"
)

// tokens renders the tokens of text as "text/Kind" strings.
func tokens(text string) []string {
	var out []string
	for _, t := range nlp.Tokens(text, event.Span{Start: 0, End: len(text)}, nil) {
		out = append(out, t.Span.Of(text)+"/"+t.Kind.String())
	}
	return out
}

func TestTokens(t *testing.T) {
	tests := []struct {
		name string
		text string
		want string // space-separated text/Kind
	}{
		{"sentence", "Police fired tear gas.",
			"Police/Word fired/Word tear/Word gas/Word ./Punct"},
		{"negation", "They didn't leave and can't stay; it won\u2019t end.",
			"They/Word did/Word n't/Clitic leave/Word and/Word ca/Word n't/Clitic stay/Word ;/Punct it/Word wo/Word n\u2019t/Clitic end/Word ./Punct"},
		{"possessive and clitics", "Kazakhstan's leader said they\u2019re ready and I'm sure we'll see.",
			"Kazakhstan/Word 's/Clitic leader/Word said/Word they/Word \u2019re/Clitic ready/Word and/Word I/Word 'm/Clitic sure/Word we/Word 'll/Clitic see/Word ./Punct"},
		{"curly possessive", "the city\u2019s main office",
			"the/Word city/Word \u2019s/Clitic main/Word office/Word"},
		{"inner apostrophes", "O'Brien flew to C\u00f4te d\u2019Ivoire.",
			"O'Brien/Word flew/Word to/Word C\u00f4te/Word d\u2019Ivoire/Word ./Punct"},
		{"plural possessive", "the protesters' demands",
			"the/Word protesters/Word '/Punct demands/Word"},
		{"quoted word", "a \u2018final\u2019 offer",
			"a/Word \u2018/Punct final/Word \u2019/Punct offer/Word"},
		{"hyphenated", "well-trained forces of Kassym-Jomart Tokayev",
			"well-trained/Word forces/Word of/Word Kassym-Jomart/Word Tokayev/Word"},
		{"abbreviations", "Mr. Vance met Gen. Haddad on Jan. 6 in the U.S. capital.",
			"Mr./Word Vance/Word met/Word Gen./Word Haddad/Word on/Word Jan./Word 6/Number in/Word the/Word U.S./Word capital/Word ./Punct"},
		{"abbreviation at end", "Sanctions came from the U.S.",
			"Sanctions/Word came/Word from/Word the/Word U.S./Word"},
		{"title abbreviation at end", "He reported to the Gen.",
			"He/Word reported/Word to/Word the/Word Gen/Word ./Punct"},
		{"initials", "John F. Kennedy and J.R.R. Tolkien",
			"John/Word F./Word Kennedy/Word and/Word J.R.R./Word Tolkien/Word"},
		{"month not before number", "in Feb. the talks",
			"in/Word Feb/Word ./Punct the/Word talks/Word"},
		{"dotted compound", "a U.S.-based group at 9 a.m. today",
			"a/Word U.S.-based/Word group/Word at/Word 9/Number a.m./Word today/Word"},
		{"numbers", "3.5 percent, 1,200 people, 10:30, 1/2, 2021-22, 1980s, 21st",
			"3.5/Number percent/Word ,/Punct 1,200/Number people/Word ,/Punct 10:30/Number ,/Punct 1/2/Number ,/Punct 2021-22/Number ,/Punct 1980s/Number ,/Punct 21st/Number"},
		{"list not thousands", "scores of 3,4 and 5",
			"scores/Word of/Word 3/Number ,/Punct 4/Number and/Word 5/Number"},
		{"money and percent", "$5bn (4%) and \u20ac20",
			"$/Symbol 5bn/Number (/Punct 4/Number %/Symbol )/Punct and/Word \u20ac/Symbol 20/Number"},
		{"digit words", "5G masts, a 10-year-old, COVID-19 and G7",
			"5G/Word masts/Word ,/Punct a/Word 10-year-old/Word ,/Punct COVID-19/Word and/Word G7/Word"},
		{"social", "Great concern in #Kazakhstan, says @JaneRoe_1.",
			"Great/Word concern/Word in/Word #Kazakhstan/Hashtag ,/Punct says/Word @JaneRoe_1/Mention ./Punct"},
		{"lone hash and at", "# 1 @ noon",
			"#/Symbol 1/Number @/Symbol noon/Word"},
		{"urls", "See https://example.com/a?b=1. Or www.example.org, pic.twitter.com/AbC12 and news.example.co.uk.",
			"See/Word https://example.com/a?b=1/URL ./Punct Or/Word www.example.org/URL ,/Punct pic.twitter.com/AbC12/URL and/Word news.example.co.uk/URL ./Punct"},
		{"email", "Write to press@example.org or jane.roe@example.com.",
			"Write/Word to/Word press@example.org/Email or/Word jane.roe@example.com/Email ./Punct"},
		{"ampersand", "AT&T and S&P rose & fell",
			"AT&T/Word and/Word S&P/Word rose/Word &/Symbol fell/Word"},
		{"punctuation runs", "Wait... no -- stop!?",
			"Wait/Word .../Punct no/Word --/Punct stop/Word !/Punct ?/Punct"},
		{"curly quotes and dashes", "\u201cPeace\u201d \u2014 now\u2026",
			"\u201c/Punct Peace/Word \u201d/Punct \u2014/Punct now/Word \u2026/Punct"},
		{"no space after stop", "rose.Markets fell",
			"rose/Word ./Punct Markets/Word fell/Word"},
		{"non-ASCII words", "Zürich and Алматы, naïve",
			"Zürich/Word and/Word Алматы/Word ,/Punct naïve/Word"},
		{"emoji and invalid byte", "ok \U0001F600 \xff end",
			"ok/Word \U0001F600/Symbol \xff/Symbol end/Word"},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := strings.Join(tokens(tt.text), " ")
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Tokens(%q) mismatch (-want +got):\n%s", tt.text, diff)
			}
		})
	}
}

func TestTokenFlags(t *testing.T) {
	tests := []struct {
		name string
		text string
		tok  int // index of the token to check
		want nlp.Flag
	}{
		{"capitalised initial", "Police fired", 0, nlp.FlagCap | nlp.FlagUpper | nlp.FlagInitial},
		{"initial after quote", "\u201cWe will", 1, nlp.FlagCap | nlp.FlagUpper | nlp.FlagInitial},
		{"all caps", "the NATO summit", 1, nlp.FlagCap | nlp.FlagUpper | nlp.FlagAllCaps},
		{"lower", "the NATO summit", 2, 0},
		{"mixed case", "an iPhone", 1, nlp.FlagUpper},
		{"dotted", "the U.S. envoy", 1, nlp.FlagCap | nlp.FlagUpper | nlp.FlagAllCaps | nlp.FlagAbbrev},
		{"title", "met Mr. Vance", 1, nlp.FlagCap | nlp.FlagUpper | nlp.FlagAbbrev},
		{"hyphen", "well-trained men", 0, nlp.FlagHyphen | nlp.FlagInitial},
		{"digits", "a COVID-19 test", 1, nlp.FlagCap | nlp.FlagUpper | nlp.FlagAllCaps | nlp.FlagHyphen | nlp.FlagDigit},
		{"number", "rose 3.5 percent", 1, nlp.FlagDigit},
		{"apostrophe", "Sean O\u2019Brien", 1, nlp.FlagCap | nlp.FlagUpper | nlp.FlagApos},
		{"stem", "they didn't", 1, nlp.FlagContraction},
		{"clitic", "they didn't", 2, nlp.FlagApos | nlp.FlagContraction},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			toks := nlp.Tokens(tt.text, event.Span{Start: 0, End: len(tt.text)}, nil)
			if tt.tok >= len(toks) {
				t.Fatalf("Tokens(%q) gave %d tokens, want more than %d", tt.text, len(toks), tt.tok)
			}
			if got := toks[tt.tok].Flags; got != tt.want {
				t.Errorf("Tokens(%q)[%d] (%q) flags = %b, want %b", tt.text, tt.tok, toks[tt.tok].Span.Of(tt.text), got, tt.want)
			}
		})
	}
}

func TestTokensSubspan(t *testing.T) {
	text := "Rates rose. Markets fell sharply."
	span := event.Span{Start: 12, End: 32}
	var got []string
	for _, tok := range nlp.Tokens(text, span, nil) {
		got = append(got, fmt.Sprintf("%s %v", tok.Span.Of(text), tok.Span))
		if tok.Flags&nlp.FlagInitial != 0 {
			got = append(got, "initial")
		}
	}
	want := []string{"Markets [12,19)", "initial", "fell [20,24)", "sharply [25,32)"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Tokens(%v) mismatch (-want +got):\n%s", span, diff)
	}
}

func TestNorm(t *testing.T) {
	tests := []struct {
		name string
		text string
		want string // space-separated Norm of every token
	}{
		{"negation", "Didn't, can't, WON\u2019T, shan't", "did not , can not , will not , shall not"},
		{"clitics", "they're, we've, I'm, you'll, it\u2019s, he'd", "they are , we have , i am , you will , it 's , he 'd"},
		{"case", "The NATO Summit", "the nato summit"},
		{"apostrophe", "O\u2019Brien", "o'brien"},
		{"punctuation", "\u201cNo\u201d \u2014 \u2018yes\u2019\u2026", "\" no \" -- ' yes ' ..."},
		{"non-ASCII", "ÖSTERREICH", "österreich"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, tok := range nlp.Tokens(tt.text, event.Span{Start: 0, End: len(tt.text)}, nil) {
				got = append(got, nlp.Norm(tt.text, tok))
			}
			if diff := cmp.Diff(tt.want, strings.Join(got, " ")); diff != "" {
				t.Errorf("Norm of Tokens(%q) mismatch (-want +got):\n%s", tt.text, diff)
			}
		})
	}
}

func TestLower(t *testing.T) {
	const text = "NATO and Österreich met quietly"
	toks := nlp.Tokens(text, event.Span{Start: 0, End: len(text)}, nil)
	var got []string
	var buf []byte
	for _, tok := range toks {
		buf = nlp.AppendLower(buf[:0], text, tok)
		got = append(got, nlp.Lower(text, tok)+"="+string(buf))
	}
	want := []string{"nato=nato", "and=and", "österreich=österreich", "met=met", "quietly=quietly"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Lower mismatch (-want +got):\n%s", diff)
	}
}

func TestTokenKindString(t *testing.T) {
	for k, want := range map[nlp.TokenKind]string{0: "invalid", nlp.Word: "Word", nlp.Clitic: "Clitic", 200: "invalid"} {
		if got := k.String(); got != want {
			t.Errorf("TokenKind(%d).String() = %q, want %q", k, got, want)
		}
	}
}

// allocText is a news paragraph that exercises every token rule.
const allocText = "Mr. Vance didn't say whether the U.S.-based group's 1,200 members, " +
	"\u201cwell-trained\u201d and armed, would leave by 9 a.m. on Jan. 6. " +
	"See https://example.com/x or #Peace and @JaneRoe \u2014 O\u2019Brien\u2019s 3.5% claim\u2026"

func TestTokensAllocs(t *testing.T) {
	span := event.Span{Start: 0, End: len(allocText)}
	dst := make([]nlp.Token, 0, 128)
	allocs := testing.AllocsPerRun(100, func() {
		dst = nlp.Tokens(allocText, span, dst[:0])
	})
	if allocs != 0 {
		t.Errorf("Tokens with room in dst: %v allocations per run, want 0", allocs)
	}
	lower := testing.AllocsPerRun(100, func() {
		for _, tok := range dst {
			if tok.Flags&nlp.FlagUpper == 0 {
				_ = nlp.Lower(allocText, tok)
			}
		}
	})
	if lower != 0 {
		t.Errorf("Lower of lower-case tokens: %v allocations per run, want 0", lower)
	}
}

func TestSplitAllocs(t *testing.T) {
	span := event.Span{Start: 0, End: len(allocText)}
	dst := make([]event.Span, 0, 16)
	allocs := testing.AllocsPerRun(100, func() {
		dst = nlp.Split(allocText, span, dst[:0])
	})
	if allocs != 0 {
		t.Errorf("Split with room in dst: %v allocations per run, want 0", allocs)
	}
}
