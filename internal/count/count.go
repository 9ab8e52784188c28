package count

import (
	"strconv"
	"strings"
)

// A Word is one token of a sentence: its lower-cased text.
type Word = string

// Counts are the figures a sentence gives; nil means not stated.
type Counts struct {
	Killed, Injured, Arrested, Crowd *int
}

// Categories of counted words.
type category uint8

const (
	none category = iota
	killed
	injured
	arrested
	people
)

var categories = map[string]category{
	"killed": killed, "kill": killed, "killing": killed, "dead": killed, "died": killed, "die": killed,
	"murdered": killed, "slain": killed, "deaths": killed, "death": killed, "fatalities": killed,
	"lives": killed, "bodies": killed, "executed": killed, "massacred": killed, "lynched": killed,
	"injured": injured, "wounded": injured, "hurt": injured, "injuring": injured, "wounding": injured,
	"injuries": injured, "hospitalised": injured, "hospitalized": injured,
	"arrested": arrested, "detained": arrested, "arresting": arrested, "detaining": arrested,
	"arrests": arrested, "detentions": arrested, "rounded": arrested, "apprehended": arrested,
	"people": people, "protesters": people, "protestors": people, "demonstrators": people,
	"marchers": people, "students": people, "workers": people, "supporters": people,
	"activists": people, "residents": people, "villagers": people, "farmers": people,
	"participants": people, "members": people, "women": people, "teachers": people,
	"persons": people, "citizens": people, "opposition": people,
}

var units = map[string]int{
	"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
	"nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
	"fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
	"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}

var multipliers = map[string]int{"hundred": 100, "thousand": 1000, "million": 1000000, "lakh": 100000, "crore": 10000000}

// vague maps plural quantity words to the least they imply.
var vague = map[string]int{
	"several": 3, "few": 3, "multiple": 3, "some": 3, "dozen": 12, "dozens": 24, "scores": 40,
	"hundreds": 200, "thousands": 2000, "millions": 2000000, "tens": 20,
}

// number reads a number starting at word i and returns its value and the
// index after it. "tens of thousands" and "hundreds of thousands" read as
// one number.
func number(ws []Word, i int) (n, next int, ok bool) {
	w := ws[i]
	switch {
	case w == "":
	case w[0] >= '0' && w[0] <= '9':
		v, err := strconv.Atoi(strings.ReplaceAll(w, ",", ""))
		if err != nil || v > 100000000 {
			return 0, i, false
		}
		n, next = v, i+1
		// "1.5 million", "2 million", "20-30"
		if next < len(ws) {
			if m, ok := multipliers[ws[next]]; ok {
				n, next = n*m, next+1
			}
		}
		if k := strings.IndexByte(w, '-'); k > 0 {
			if v, err := strconv.Atoi(w[:k]); err == nil {
				n = v
			}
		}
		return n, next, true
	case units[w] > 0:
		n, next = units[w], i+1
		if k := strings.IndexByte(w, '-'); k > 0 { // forty-two
			n = units[w[:k]] + units[w[k+1:]]
		}
		for next < len(ws) {
			if m, ok := multipliers[ws[next]]; ok {
				n, next = n*m, next+1
				continue
			}
			break
		}
		return n, next, true
	case strings.Contains(w, "-") && units[w[:strings.IndexByte(w, '-')]] > 0:
		k := strings.IndexByte(w, '-')
		return units[w[:k]] + units[w[k+1:]], i + 1, true
	case vague[w] > 0:
		n, next = vague[w], i+1
		if w == "few" && (i == 0 || ws[i-1] != "a") {
			return 0, i, false // "few people" means not many
		}
		// "tens of thousands", "hundreds of thousands", "dozens of"
		if next+1 < len(ws) && ws[next] == "of" {
			if m, ok := vague[ws[next+1]]; ok && m >= 200 {
				return n * m / 2, next + 2, true
			}
		}
		return n, next, true
	}
	return 0, i, false
}

// Read returns the counts stated in a sentence of lower-cased words.
func Read(ws []Word) Counts {
	var c Counts
	set := func(p **int, v int) {
		if *p == nil || **p < v {
			*p = &v
		}
	}
	for i := 0; i < len(ws); i++ {
		n, next, ok := number(ws, i)
		if !ok {
			// "a protester was killed": one.
			if ws[i] == "a" || ws[i] == "an" {
				for j := i + 1; j < i+9 && j+1 < len(ws); j++ {
					if ws[j] == "," || ws[j] == "." || ws[j] == "and" || ws[j] == "were" {
						break
					}
					if ws[j] == "was" {
						if categories[ws[j+1]] == killed {
							set(&c.Killed, 1)
						} else if categories[ws[j+1]] == injured {
							set(&c.Injured, 1)
						}
						break
					}
				}
			}
			continue
		}
		// A range "20 to 30": keep the lower end, skip the upper.
		if next+1 < len(ws) && (ws[next] == "to" || ws[next] == "or") {
			if _, nn, ok := number(ws, next+1); ok {
				next = nn
			}
		}
		// "of them", "of people": look past "of".
		j := next
		if j < len(ws) && ws[j] == "of" {
			j++
		}
		if j < len(ws) && (ws[j] == "the" || ws[j] == "them") {
			j++
		}
		// What the number counts: a verb just before it ("killing 12",
		// "death toll rose to 30", "injuring at least five"), else the
		// words after it.
		cat, isPeople := none, false
		for k := i - 1; k >= 0 && k >= i-4; k-- {
			if c, ok := countingWords[ws[k]]; ok {
				// "killing 12", "shot dead three demonstrators",
				// "executed five", "death toll rose to 30".
				cat = c
			}
			if cat != none || ws[k] == "," || ws[k] == "and" {
				break
			}
		}
		for k := j; cat == none && k < len(ws) && k < j+6; k++ {
			cc := categories[ws[k]]
			if cc == people {
				isPeople = true
				continue
			}
			if cc != none {
				cat = cc
				break
			}
			if ws[k] == "," || ws[k] == "." || ws[k] == ";" || ws[k] == "and" {
				break
			}
		}
		switch cat {
		case killed:
			set(&c.Killed, n)
		case injured:
			set(&c.Injured, n)
		case arrested:
			set(&c.Arrested, n)
		default:
			if isPeople || j < len(ws) && crowdVerb(ws[j]) {
				set(&c.Crowd, n)
			}
		}
		i = next - 1
	}
	return c
}

// countingWords are the words that, just before a number, say what it
// counts.
var countingWords = map[string]category{
	"killing": killed, "killed": killed, "death": killed, "deaths": killed, "toll": killed, "dead": killed,
	"murdering": killed, "murdered": killed, "massacring": killed, "massacred": killed, "executing": killed,
	"executed": killed, "beheading": killed, "beheaded": killed, "lynching": killed, "lynched": killed,
	"injuring": injured, "injured": injured, "wounding": injured, "wounded": injured,
	"arresting": arrested, "detaining": arrested, "arrested": arrested, "detained": arrested,
}

// crowdVerb reports verbs whose subject is a crowd: "thousands marched".
func crowdVerb(w string) bool {
	switch w {
	case "marched", "rallied", "protested", "gathered", "demonstrated", "took", "joined", "flooded",
		"poured", "thronged", "attended", "turned":
		return true
	}
	return false
}
