package dedup_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/annals-project/annals/internal/dedup"
)

// A wire story of our own, and versions of it as other outlets print it.
const (
	wire = `Gunmen killed 12 villagers in an attack on a farming community in Zamfara State on Sunday, police said.
The attackers arrived on motorcycles shortly after dawn and set fire to several homes, a police spokesman said.
Residents said the gunmen stole cattle and abducted at least four women before fleeing into a nearby forest.
The state governor condemned the attack and promised to deploy more security personnel to the area.`
	reprint = `NORTHERN TIMES — Gunmen killed 12 villagers in an attack on a farming community in Zamfara State on Sunday, police said.

The attackers arrived on motorcycles shortly after dawn and set fire to several homes, a police spokesman said.

Residents said the gunmen stole cattle and abducted at least four women before fleeing into a nearby forest.

The state governor condemned the attack and promised to deploy more security personnel to the area.
This story was first published by the Lagos Herald and is reproduced with permission.`
	trimmed = `Gunmen killed 12 villagers in an attack on a farming community in Zamfara State on Sunday, police said.
The attackers arrived on motorcycles shortly after dawn and set fire to several homes, a police spokesman said.
Residents said the gunmen stole cattle and abducted at least four women before fleeing into a nearby forest.`
	rewrite = `At least 12 people were killed when armed men on motorcycles raided a village in Zamfara State on Sunday.
Local officials said the attackers burned houses and took cattle, and several women were missing.
The governor called the killings barbaric and said more troops would be sent to the state.`
	other = `Farmers in Kano State have begun harvesting an early crop of rice after a season of good rains.
Traders at the city's main market said prices had fallen for the first time in two years.
The state agriculture commissioner said irrigation schemes had doubled the area under cultivation.`
)

func TestFingerprint(t *testing.T) {
	tests := []struct {
		name     string
		a, b     string
		min, max float64
	}{
		{"same text", wire, wire, 1, 1},
		{"case, spacing and punctuation", wire, strings.ToUpper(strings.ReplaceAll(wire, " ", "  \n")), 1, 1},
		{"reprint with dateline and credit", wire, reprint, 0.6, 1},
		{"last paragraph dropped", wire, trimmed, 0.6, 1},
		{"same event rewritten", wire, rewrite, 0, 0.2},
		{"unrelated story", wire, other, 0, 0.1},
		{"too short", "Gunmen killed 12 villagers.", "Gunmen killed 12 villagers.", 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, b := dedup.Fingerprint(tt.a), dedup.Fingerprint(tt.b)
			if got := dedup.Similarity(&a, &b); got < tt.min || got > tt.max {
				t.Errorf("Similarity = %.3f, want %.2f to %.2f", got, tt.min, tt.max)
			}
		})
	}
}

func TestFingerprintShort(t *testing.T) {
	tests := []struct {
		name string
		text string
		zero bool
	}{
		{"empty", "", true},
		{"punctuation only", "— … !!! ???", true},
		{"nine words", "one two three four five six seven eight nine", true},
		{"ten words", "one two three four five six seven eight nine ten", false},
		{"ten words of Cyrillic", "один два три четыре пять шесть семь восемь девять десять", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sig := dedup.Fingerprint(tt.text)
			if sig.IsZero() != tt.zero {
				t.Errorf("Fingerprint(%q).IsZero() = %v, want %v", tt.text, sig.IsZero(), tt.zero)
			}
		})
	}
}

func FuzzFingerprint(f *testing.F) {
	for _, s := range []string{wire, reprint, other, "", "a b c d e f g h i j k", "\xff\xfe a\u0301 b c d e f g h i j"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		a := dedup.Fingerprint(s)
		// Separators do not matter: a word is a run of letters and digits.
		b := dedup.Fingerprint(strings.ReplaceAll(s, " ", " ,\n"))
		if a != b {
			t.Errorf("Fingerprint(%q) changed when spaces became \" ,\\n\"", s)
		}
		if !a.IsZero() && dedup.Similarity(&a, &a) != 1 {
			t.Errorf("Similarity(x, x) = %v, want 1", dedup.Similarity(&a, &a))
		}
	})
}

// benchText returns a real article from ../shared when present, else our
// wire story repeated to a similar length.
func benchText(b *testing.B) string {
	root, _ := filepath.Abs(filepath.Join("..", "..", "..", "shared", "data", "corpus", "bbc-news", "docs.jsonl"))
	if data, err := os.ReadFile(root); err == nil {
		line, _, _ := strings.Cut(string(data), "\n")
		return line
	}
	return strings.Repeat(wire+"\n", 5)
}

func BenchmarkFingerprint(b *testing.B) {
	text := benchText(b)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		dedup.Fingerprint(text)
	}
}

func ExampleFingerprint() {
	a, b := dedup.Fingerprint(wire), dedup.Fingerprint(reprint)
	fmt.Printf("%.1f\n", dedup.Similarity(&a, &b))
	// Output: 0.8
}

func TestSignatureBinary(t *testing.T) {
	sig := dedup.Fingerprint(wire)
	good, err := sig.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	var zero dedup.Signature
	zeroBytes, _ := zero.MarshalBinary()
	tests := []struct {
		name string
		data []byte
		want dedup.Signature
		ok   bool
	}{
		{"signature", good, sig, true},
		{"zero signature", zeroBytes, zero, true},
		{"nil", nil, zero, false},
		{"truncated", good[:len(good)-1], zero, false},
		{"too long", append(append([]byte{}, good...), 0), zero, false},
		{"other version", append([]byte{2}, good[1:]...), zero, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got dedup.Signature
			err := got.UnmarshalBinary(tt.data)
			if (err == nil) != tt.ok || got != tt.want {
				t.Errorf("UnmarshalBinary = %v, signature equal: %v; want ok %v and the signature", err, got == tt.want, tt.ok)
			}
		})
	}
}

func FuzzSignatureBinary(f *testing.F) {
	sig := dedup.Fingerprint(wire)
	good, _ := sig.MarshalBinary()
	f.Add(good)
	f.Add([]byte{1, 2, 3})
	f.Fuzz(func(t *testing.T, data []byte) {
		var s dedup.Signature
		if s.UnmarshalBinary(data) != nil {
			return
		}
		back, _ := s.MarshalBinary()
		if string(back) != string(data) {
			t.Errorf("MarshalBinary(UnmarshalBinary(%x)) = %x", data, back)
		}
	})
}
