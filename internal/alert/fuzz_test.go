package alert_test

import (
	"errors"
	"testing"

	"github.com/annals-project/annals/internal/alert"
)

// FuzzParseType checks that ParseType either fails with ErrInvalid or
// returns a type that parses again to itself, and never panics.
func FuzzParseType(f *testing.F) {
	for _, s := range []string{"14", "cameo:14", "acled:Protests", "riots", "Explosions/Remote violence", "cameo:", ":", "00", "21", "CAMEO:07", "acled:x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		sc, typ, err := alert.ParseType(s)
		if err != nil {
			if !errors.Is(err, alert.ErrInvalid) {
				t.Fatalf("ParseType(%q) error %v does not wrap ErrInvalid", s, err)
			}
			return
		}
		sc2, typ2, err := alert.ParseType(string(sc) + ":" + typ)
		if err != nil || sc2 != sc || typ2 != typ {
			t.Fatalf("ParseType(%q) = %s:%s, which parses to %s:%s, %v", s, sc, typ, sc2, typ2, err)
		}
		if _, err := alert.ParseCountry(s); err != nil && !errors.Is(err, alert.ErrInvalid) {
			t.Fatalf("ParseCountry(%q) = %v", s, err)
		}
	})
}

func TestParseType(t *testing.T) {
	tests := []struct {
		in     string
		scheme alert.Scheme
		typ    string
	}{
		{"14", alert.SchemeCAMEO, "14"},
		{" cameo:07 ", alert.SchemeCAMEO, "07"},
		{"CAMEO:20", alert.SchemeCAMEO, "20"},
		{"Protests", alert.SchemeACLED, "Protests"},
		{"acled:violence against civilians", alert.SchemeACLED, "Violence against civilians"},
		{"riots", alert.SchemeACLED, "Riots"},
		{"00", "", ""},
		{"21", "", ""},
		{"cameo:145", "", ""},
		{"plover:PROTEST", "", ""},
		{"Demonstrations", "", ""},
		{"", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			sc, typ, err := alert.ParseType(tt.in)
			if sc != tt.scheme || typ != tt.typ || (err != nil) != (tt.scheme == "") {
				t.Errorf("ParseType(%q) = %q, %q, %v; want %q, %q", tt.in, sc, typ, err, tt.scheme, tt.typ)
			}
		})
	}
}
