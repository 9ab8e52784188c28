package code

import (
	"bufio"
	"io"
	"strings"

	"github.com/annals-project/annals/internal/lineerr"
)

// irregulars maps a verb lemma to its irregular forms (past, participle,
// and any further listed forms), and a noun to its irregular plural.
type irregulars map[string][]string

// parseIrregular reads "lemma form form…" lines.
func parseIrregular(name string, r io.Reader, errs *lineerr.List) irregulars {
	irr := irregulars{}
	sc := bufio.NewScanner(r)
	n := 0
	for sc.Scan() {
		n++
		line := sc.Text()
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		f := strings.Fields(strings.ToLower(line))
		if len(f) == 0 {
			continue
		}
		if len(f) < 2 {
			errs.Add(name, n, "want a lemma and its irregular forms, got %q", strings.TrimSpace(line))
			continue
		}
		irr[f[0]] = append(irr[f[0]], f[1:]...)
	}
	if err := sc.Err(); err != nil {
		errs.Add(name, n, "%v", err)
	}
	return irr
}

func isVowel(c byte) bool { return strings.IndexByte("aeiou", c) >= 0 }

// verbForms returns the inflected forms of a verb lemma: the lemma, third
// person singular, past, past participle and present participle. Regular
// forms are always generated (with a doubled final consonant as a variant,
// which costs nothing when the text never has it); irregular ones come from
// irr.
func verbForms(lemma string, irr irregulars) []string {
	forms := []string{lemma}
	add := func(s string) {
		for _, f := range forms {
			if f == s {
				return
			}
		}
		forms = append(forms, s)
	}
	n := len(lemma)
	if n == 0 {
		return forms
	}
	last := lemma[n-1]
	// third person singular
	switch {
	case strings.HasSuffix(lemma, "s"), strings.HasSuffix(lemma, "x"), strings.HasSuffix(lemma, "z"),
		strings.HasSuffix(lemma, "ch"), strings.HasSuffix(lemma, "sh"), strings.HasSuffix(lemma, "o"):
		add(lemma + "es")
	case last == 'y' && n > 1 && !isVowel(lemma[n-2]):
		add(lemma[:n-1] + "ies")
	default:
		add(lemma + "s")
	}
	// past and participles
	switch {
	case last == 'e':
		add(lemma + "d")
		switch {
		case strings.HasSuffix(lemma, "ie"):
			add(lemma[:n-2] + "ying")
		case strings.HasSuffix(lemma, "ee"), strings.HasSuffix(lemma, "ye"), strings.HasSuffix(lemma, "oe"):
			add(lemma + "ing")
		default:
			add(lemma[:n-1] + "ing")
		}
	case last == 'y' && n > 1 && !isVowel(lemma[n-2]):
		add(lemma[:n-1] + "ied")
		add(lemma + "ing")
	default:
		add(lemma + "ed")
		add(lemma + "ing")
		if n >= 3 && !isVowel(last) && strings.IndexByte("wxy", last) < 0 && isVowel(lemma[n-2]) && !isVowel(lemma[n-3]) {
			add(lemma + string(last) + "ed")
			add(lemma + string(last) + "ing")
		}
	}
	for _, f := range irr[lemma] {
		add(f)
	}
	return forms
}

// nounForms returns a noun lemma and its plural(s).
func nounForms(lemma string, irr irregulars) []string {
	forms := []string{lemma}
	n := len(lemma)
	switch {
	case n == 0:
		return forms
	case strings.HasSuffix(lemma, "s"), strings.HasSuffix(lemma, "x"), strings.HasSuffix(lemma, "z"),
		strings.HasSuffix(lemma, "ch"), strings.HasSuffix(lemma, "sh"):
		forms = append(forms, lemma+"es")
	case lemma[n-1] == 'y' && n > 1 && !isVowel(lemma[n-2]):
		forms = append(forms, lemma[:n-1]+"ies")
	default:
		forms = append(forms, lemma+"s")
	}
	forms = append(forms, irr[lemma]...)
	return forms
}
