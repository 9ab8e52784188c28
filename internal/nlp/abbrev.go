package nlp

// An abbrevClass says how a word followed by a period behaves at a possible
// sentence boundary.
type abbrevClass uint8

const (
	// abbrNone: an ordinary word; the period ends the sentence unless the
	// next word is lower-case.
	abbrNone abbrevClass = iota
	// abbrTitle: a title or connective that is always followed by more of
	// the same sentence ("Mr.", "Gen.", "vs.", "e.g."). Never a boundary.
	abbrTitle
	// abbrNumber: an abbreviation that is usually followed by a number
	// ("Jan. 6", "No. 10", "Art. 5"). Not a boundary before a digit;
	// otherwise like abbrNone.
	abbrNumber
	// abbrName: an abbreviation that often sits inside a name or a noun
	// phrase but may end a sentence ("U.S.", "F.", "St.", "Inc.", "Calif.").
	// A boundary only when the next word is a common sentence opener
	// ("The", "He", "But", …) or is introduced by an opening quote.
	abbrName
	// abbrTime: "a.m." and "p.m.": like abbrNone, except before a time
	// zone ("10 a.m. GMT").
	abbrTime
	// abbrCompany: a company suffix ("Inc.", "Corp.", "Ltd."). Like
	// abbrName, and also a boundary before a capitalised word that a
	// lower-case word follows ("Acme Inc. Shares fell"), which is rarely
	// the continuation of a name ("Acme Inc. Chief Executive Ana Moss").
	abbrCompany
)

// classify returns the class of w, a word that is followed by a period. w
// holds no leading punctuation and no trailing period; it may hold inner
// periods ("U.S", "e.g") and hyphens ("D-Calif", for which the last part
// counts).
func classify(w string) abbrevClass {
	if w == "" {
		return abbrNone
	}
	// The last hyphenated part decides: "D-Calif." is "Calif.".
	for i := len(w) - 1; i > 0; i-- {
		if w[i] == '-' {
			if i+1 < len(w) {
				w = w[i+1:]
			}
			break
		}
	}
	if c := knownAbbrev(w); c != abbrNone {
		return c
	}
	if len(w) == 1 {
		if isUpperASCII(w[0]) {
			return abbrName // an initial: "John F. Kennedy"
		}
		return abbrNone
	}
	if w[0] >= 0x80 && isSingleUpperRune(w) {
		return abbrName // a non-ASCII initial: "Ö."
	}
	if dotted(w) {
		switch {
		case isUpperASCII(w[0]):
			if allUpperDotted(w) {
				return abbrName // "U.S", "J.R.R", "D.C"
			}
			return abbrNone // "Ph.D"
		case w == "a.m" || w == "p.m":
			return abbrTime
		default:
			return abbrTitle // "e.g", "i.e", "a.k.a"
		}
	}
	return abbrNone
}

// dotted reports whether w is a run of one- or two-letter groups joined by
// periods, with at least two groups ("U.S", "e.g", "Ph.D", "J.R.R").
func dotted(w string) bool {
	groups, n := 0, 0
	for i := 0; i < len(w); i++ {
		c := w[i]
		switch {
		case isLetterASCII(c):
			n++
			if n > 2 {
				return false
			}
		case c == '.':
			if n == 0 {
				return false
			}
			groups++
			n = 0
		default:
			return false
		}
	}
	if n == 0 {
		return false
	}
	return groups+1 >= 2
}

// allUpperDotted reports whether every letter of a dotted word is upper-case.
func allUpperDotted(w string) bool {
	for i := 0; i < len(w); i++ {
		if isLowerASCII(w[i]) {
			return false
		}
	}
	return true
}

// knownAbbrev looks w up in the list of abbreviations that news text uses
// with a period. Matching is case-sensitive: "No." before a number is an
// abbreviation, "no." is a word.
func knownAbbrev(w string) abbrevClass {
	switch w {
	// Titles and ranks (always followed by a name), connectives.
	case "Mr", "Mrs", "Ms", "Messrs", "Mmes", "Mme", "Mlle", "Dr", "Drs",
		"Prof", "Profs", "Gen", "Gens", "Lt", "Col", "Capt", "Cpt", "Sgt",
		"Maj", "Cmdr", "Cdr", "Adm", "Brig", "Cpl", "Pvt", "Pfc", "Spc",
		"Rep", "Reps", "Sen", "Sens", "Gov", "Govs", "Rev", "Hon", "Rt",
		"Pres", "Amb", "Atty", "Supt", "Insp", "Det", "Msgr", "Fr",
		"Sgts", "Lieut", "Comdr", "Cmdt", "Dep", "Asst", "Assoc",
		"MR", "MRS", "MS", "DR", "GEN", "SEN", "REP", "GOV",
		"vs", "v", "cf", "viz", "approx", "ca", "incl", "esp", "resp", "Vs":
		return abbrTitle
	// Abbreviations usually followed by a number.
	case "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept",
		"Oct", "Nov", "Dec", "JAN", "FEB", "MAR", "APR", "JUN", "JUL",
		"AUG", "SEP", "SEPT", "OCT", "NOV", "DEC",
		"No", "Nos", "NO", "Art", "Arts", "Vol", "Vols", "Fig", "Figs",
		"Ch", "Sec", "Secs", "Para", "Pt", "Pts", "p", "pp", "Op", "Ref",
		"Tel", "Ext", "ext", "tel":
		return abbrNumber
	// Parts of names and noun phrases that may also end a sentence:
	// places, streets, companies, name suffixes, U.S. states (AP style).
	case "St", "Ste", "Mt", "Ft", "Ave", "Blvd", "Rd", "Hwy", "Sq",
		"Jr", "Sr", "Esq", "Dept", "Univ", "Assn", "Natl",
		"Ala", "Ariz", "Ark", "Calif", "Colo", "Conn", "Del", "Fla", "Ga",
		"Ill", "Ind", "Kan", "Kans", "Ky", "La", "Md", "Mass", "Mich",
		"Minn", "Miss", "Mo", "Mont", "Neb", "Nev", "Okla", "Ore", "Pa",
		"Penn", "Tenn", "Tex", "Va", "Vt", "Wash", "Wis", "Wyo",
		"INC", "CORP", "CO", "LTD":
		return abbrName
	case "Inc", "Corp", "Co", "Cos", "Ltd", "Bros", "Mfg", "Intl", "Plc", "Pty", "Bhd":
		return abbrCompany
	case "etc", "al", "Etc":
		return abbrNone
	}
	return abbrNone
}

// isOpenerWord reports whether w, the first word after a possible boundary
// (letters only, as written), is a closed-class word that commonly opens a
// sentence in news copy. It decides boundaries after abbrName words:
// "in the U.S. The talks" splits, "the U.S. Treasury" does not. "And",
// "Or" and auxiliary verbs are left out: after an abbreviation they are far
// more often a title-cased continuation ("U.S. Has Restricted Sales") than
// the start of a sentence.
func isOpenerWord(w string) bool {
	switch w {
	case "The", "A", "An", "This", "That", "These", "Those", "It", "Its",
		"He", "She", "They", "We", "I", "You", "His", "Her", "Their", "Our",
		"My", "Your", "There", "Here", "But", "So", "Yet",
		"If", "In", "On", "At", "As", "By", "For", "From", "With", "After",
		"Before", "During", "Since", "Until", "While", "When", "Where",
		"Why", "What", "Who", "Whom", "Which", "How", "Although", "Though",
		"However", "Meanwhile", "Moreover", "Also", "Still", "Then", "Now",
		"Today", "Yesterday", "Earlier", "Later", "Some", "Many", "Most",
		"All", "Both", "Each", "Every", "Several", "Few", "No", "Not",
		"None", "Such", "Other", "Others", "Another", "According", "Under",
		"Among", "Despite", "Instead", "Thus", "Hence", "Indeed", "Asked",
		"Mr", "Mrs", "Ms", "Last", "Next", "One", "Two", "Three", "Four", "Five":
		return true
	}
	return false
}

// isSpeechVerb reports whether w is a verb of saying that follows a quote
// in an attribution ("'Why?' Smith asked.").
func isSpeechVerb(w string) bool {
	switch w {
	case "said", "says", "asked", "asks", "told", "tells", "added", "adds",
		"wrote", "writes", "tweeted", "replied", "replies", "shouted",
		"exclaimed", "declared", "insisted", "wondered", "demanded",
		"noted", "continued", "cried", "yelled", "chanted", "posted":
		return true
	}
	return false
}

// isTimeZone reports whether w is an upper-case time-zone abbreviation.
func isTimeZone(w string) bool {
	if w == "UTC" || w == "GMT" {
		return true
	}
	if len(w) < 2 || len(w) > 4 || w[len(w)-1] != 'T' {
		return false
	}
	for i := 0; i < len(w); i++ {
		if !isUpperASCII(w[i]) {
			return false
		}
	}
	return true
}
