package eval

import (
	"testing"

	"github.com/annals-project/annals/internal/event"
)

func TestNorm(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"empty", "", ""},
		{"spaces", "  Troops \t withdrew\n\nat dawn  ", "troops withdrew at dawn"},
		{"curly quotes", "\u201cWe will stay,\u201d she said. It\u2019s over.", `"we will stay," she said. it's over.`},
		{"no-break space", "10\u00a0000 marchers", "10 000 marchers"},
		{"information separator", "a\x1cb", "a b"},
		{"ideographic space", "a\u3000b", "a b"},
		{"dotted capital I", "İstanbul", "i\u0307stanbul"},
		{"final sigma", "ΟΔΥΣΣΕΑΣ ΣΟ", "οδυσσεας σο"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := norm(tt.in); got != tt.want {
				t.Errorf("norm(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestUpper(t *testing.T) {
	for in, want := range map[string]string{"Strauß": "STRAUSS", "ﬁnance": "FINANCE", "kaz": "KAZ"} {
		if got := upper(in); got != want {
			t.Errorf("upper(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestPrefix(t *testing.T) {
	tests := []struct {
		s     string
		n     int
		first string
		rest  string
	}{
		{"Kyiv", 2, "Ky", "iv"},
		{"Київ", 2, "Ки", "їв"},
		{"ab", 5, "ab", ""},
		{"", 3, "", ""},
	}
	for _, tt := range tests {
		if got := prefix(tt.s, tt.n); got != tt.first {
			t.Errorf("prefix(%q, %d) = %q, want %q", tt.s, tt.n, got, tt.first)
		}
		if got := dropRunes(tt.s, tt.n); got != tt.rest {
			t.Errorf("dropRunes(%q, %d) = %q, want %q", tt.s, tt.n, got, tt.rest)
		}
	}
}

func TestCountryAndRole(t *testing.T) {
	police := actorFields(&event.Actor{Text: "Kenyan police", Code: "KENCOP", Country: "KEN", Role: "COP"})
	rebels := actorFields(&event.Actor{Text: "rebels", Code: "COGREBMIL", Country: "COG", Role: "REB"})
	eu := actorFields(&event.Actor{Text: "Brussels", Code: "IGOEU", Country: ""})
	union := actorFields(&event.Actor{Text: "the European Union"})
	none := actorFields(nil)
	tests := []struct {
		name    string
		country string
		roles   []string
		f       fields
		want    bool
	}{
		{"any", "", nil, none, true},
		{"absent actor", "KEN", nil, none, false},
		{"absent actor, role asked", "", []string{"GOV"}, none, false},
		{"country", "KEN", nil, police, true},
		{"lower-case want", "ken", nil, police, true},
		{"wrong country", "UGA", nil, police, false},
		{"code prefix", "KENCOP", nil, police, true},
		{"role", "KEN", []string{"GOV", "COP"}, police, true},
		{"wrong role", "KEN", []string{"GOV"}, police, false},
		{"role inside code", "COG", []string{"MIL"}, rebels, true},
		{"role not in country part", "", []string{"COG"}, rebels, false},
		{"EU by code", "EU", nil, eu, true},
		{"EU by name", "EU", nil, union, true},
		{"not EU", "EU", nil, police, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := countryOK(tt.country, tt.f) && roleOK(tt.roles, tt.f); got != tt.want {
				t.Errorf("country %q roles %v of %+v = %v, want %v", tt.country, tt.roles, tt.f, got, tt.want)
			}
		})
	}
	if !countryOK("CHL", locationFields(&event.Location{Name: "Valparaiso", Country: "CHL"})) {
		t.Error("location in CHL: want country match")
	}
	if countryOK("CHL", locationFields(nil)) {
		t.Error("no location: want no country match")
	}
}

func TestRootOf(t *testing.T) {
	tests := []struct {
		root, cameo, want string
	}{
		{"14", "145", "14"},
		{"", "0251", "02"},
		{"1", "", "01"},
		{"", "", ""},
	}
	for _, tt := range tests {
		if got := rootOf(&event.Event{Root: tt.root, CAMEO: tt.cameo}); got != tt.want {
			t.Errorf("rootOf(root %q, cameo %q) = %q, want %q", tt.root, tt.cameo, got, tt.want)
		}
	}
}

func TestKM(t *testing.T) {
	// Nairobi to Mombasa, about 440 km as the crow flies.
	if d := km(-1.2864, 36.8172, -4.0435, 39.6682); d < 430 || d > 450 {
		t.Errorf("km(Nairobi, Mombasa) = %.1f, want about 440", d)
	}
	if d := km(10, 20, 10, 20); d != 0 {
		t.Errorf("km(same point) = %v, want 0", d)
	}
}

func TestQuoteTextMatch(t *testing.T) {
	gold := norm("We will not accept any delay to the vote")
	tests := []struct {
		name, got string
		want      bool
	}{
		{"same", "We will not accept any delay to the vote", true},
		{"longer", "We will not accept any delay to the vote, and neither will our voters", true},
		{"long part", "We will not accept any delay", true},
		{"short part", "any delay", false},
		{"other words", "We will accept the delay", false},
		{"empty", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := quoteTextMatch(gold, norm(tt.got)); got != tt.want {
				t.Errorf("quoteTextMatch(%q) = %v, want %v", tt.got, got, tt.want)
			}
		})
	}
}
