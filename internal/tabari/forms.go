package tabari

import "strings"

// verbForms returns the regular forms of a lower-case verb: -s, -ed and
// -ing, following PETRARCH's rules with the usual English spelling fixes
// (hurry → hurries, hurried; make → making; see → seeing; die → dying).
// Consonants are never doubled: dictionaries list such verbs' forms in {…}.
func verbForms(v string) []string {
	if v == "" {
		return nil
	}
	var s, ed, ing string
	last := v[len(v)-1]
	switch {
	case last == 'y' && len(v) > 1 && !isVowel(v[len(v)-2]):
		s, ed = v[:len(v)-1]+"ies", v[:len(v)-1]+"ied"
	case last == 's' || last == 'x' || last == 'z' || strings.HasSuffix(v, "ch") || strings.HasSuffix(v, "sh"):
		s, ed = v+"es", v+"ed"
	case last == 'e':
		s, ed = v+"s", v+"d"
	default:
		s, ed = v+"s", v+"ed"
	}
	switch {
	case strings.HasSuffix(v, "ie"):
		ing = v[:len(v)-2] + "ying"
	case last == 'e' && len(v) > 2 && !isVowel(v[len(v)-2]):
		ing = v[:len(v)-1] + "ing"
	default:
		ing = v + "ing"
	}
	return []string{s, ed, ing}
}

// plural returns the regular plural of a lower-case noun: -ies after a
// consonant and y, -es after s, x, z, ch and sh, and -s otherwise.
func plural(n string) string {
	if n == "" {
		return ""
	}
	last := n[len(n)-1]
	switch {
	case last == 'y' && len(n) > 1 && !isVowel(n[len(n)-2]):
		return n[:len(n)-1] + "ies"
	case last == 's' || last == 'x' || last == 'z' || strings.HasSuffix(n, "ch") || strings.HasSuffix(n, "sh"):
		return n + "es"
	}
	return n + "s"
}

// pluralPhrase returns words with its last word made plural.
func pluralPhrase(words []string) []string {
	if len(words) == 0 {
		return nil
	}
	out := append([]string(nil), words...)
	out[len(out)-1] = plural(out[len(out)-1])
	return out
}

func isVowel(c byte) bool { return strings.IndexByte("aeiou", c) >= 0 }
