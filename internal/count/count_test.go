package count_test

import (
	"strconv"
	"strings"
	"testing"

	"github.com/annals-project/annals/internal/count"
)

// words splits a test sentence the way the coder's tokens come: lower-case,
// punctuation apart.
func words(s string) []string {
	s = strings.ToLower(s)
	for _, p := range []string{", ", ". ", "; "} {
		s = strings.ReplaceAll(s, p, " "+p)
	}
	return strings.Fields(s)
}

func itoa(p *int) string {
	if p == nil {
		return "-"
	}
	return strconv.Itoa(*p)
}

func TestRead(t *testing.T) {
	tests := []struct {
		name, text                       string
		killed, injured, arrested, crowd string
	}{
		{"digits", "At least 12 people were killed and 40 injured in the blast .", "12", "40", "-", "-"},
		{"words", "Three soldiers died and seven were wounded .", "3", "7", "-", "-"},
		{"vague several hundreds", "Several people were murdered and hundreds were injured in clashes .", "3", "200", "-", "-"},
		{"killing n", "Gunmen stormed the village , killing 14 and wounding at least 20 .", "14", "20", "-", "-"},
		{"shot dead n", "Security forces shot dead three demonstrators during a protest .", "3", "-", "-", "-"},
		{"executed n", "The militants executed five hostages on Monday .", "5", "-", "-", "-"},
		{"arrests", "Police arrested 35 protesters after the rally .", "-", "-", "35", "-"},
		{"detained", "More than 100 people were detained overnight .", "-", "-", "100", "-"},
		{"crowd tens of thousands", "Tens of thousands of people have flooded the streets .", "-", "-", "-", "20000"},
		{"crowd thousands marched", "Thousands marched through the capital .", "-", "-", "-", "2000"},
		{"crowd digits", "About 5,000 demonstrators gathered outside parliament .", "-", "-", "-", "5000"},
		{"range lower end", "Between 20 to 30 people were killed .", "20", "-", "-", "-"},
		{"million", "Organisers said 1 million people took part .", "-", "-", "-", "1000000"},
		{"singular was killed", "A leader of the youth wing was killed in the clash .", "1", "-", "-", "-"},
		{"few is not a count", "Few people were hurt .", "-", "-", "-", "-"},
		{"no numbers", "Ministers met to discuss the budget .", "-", "-", "-", "-"},
		{"year is not a count", "In 2019 the party won .", "-", "-", "-", "-"},
		{"death toll", "The death toll rose to 31 on Sunday .", "31", "-", "-", "-"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := count.Read(words(tt.text))
			got := [4]string{itoa(c.Killed), itoa(c.Injured), itoa(c.Arrested), itoa(c.Crowd)}
			want := [4]string{tt.killed, tt.injured, tt.arrested, tt.crowd}
			if got != want {
				t.Errorf("Read(%q) = killed/injured/arrested/crowd %v, want %v", tt.text, got, want)
			}
		})
	}
}

func FuzzRead(f *testing.F) {
	f.Add("tens of thousands of 12 , 1,200 killed forty-two hundred a was killed 20 to")
	f.Fuzz(func(t *testing.T, s string) {
		count.Read(strings.Fields(s))
	})
}

func BenchmarkRead(b *testing.B) {
	sentences := [][]string{
		words("At least 12 people were killed and 40 injured when gunmen attacked the market ."),
		words("Tens of thousands of people have flooded the streets of the capital ."),
		words("Police arrested 35 protesters after the rally , a spokesman said ."),
		words("Ministers met in Geneva on Tuesday to discuss the ceasefire ."),
	}
	n := 0
	for _, s := range sentences {
		n += len(s)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, s := range sentences {
			count.Read(s)
		}
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "words/s")
}
