package extract

import (
	"regexp"
	"strings"
	"time"

	"github.com/annals-project/annals/internal/event"
)

// A signature is the closing line of an embedded social-media post:
// "— Name (@handle) January 6, 2022".
type signature struct {
	author, handle string
	date           event.Date
}

var (
	// signatureRE matches a post's signature line. The dash may be an em
	// dash, an en dash or two hyphens; the date is optional here and is
	// checked by parseSignature.
	signatureRE = regexp.MustCompile(`^(?:—|–|--|―)\s*([^()@\n]{1,80}?)\s*\(\s*@([A-Za-z0-9_.]{1,30})\s*\)\s*(.{0,40}?)\s*$`)

	// sharedByRE matches the signature of an embedded Instagram post:
	// "A post shared by Name (@handle) on Nov 18, 2019 at 5:42pm PST".
	sharedByRE = regexp.MustCompile(`^A (?:post|photo|video) shared by\s*([^()@\n]{0,80}?)\s*\(\s*@([A-Za-z0-9_.]{1,30})\s*\)\s*(?:on\s+)?(.{0,60}?)\s*$`)

	// inlineSignatureRE finds a signature at the end of a line of post text.
	inlineSignatureRE = regexp.MustCompile(`\s(?:—|–|--|―)\s*[^()@\n—–]{1,80}?\s*\(\s*@[A-Za-z0-9_.]{1,30}\s*\)[^()—–]{0,40}$`)
)

// postDateLayouts are the forms a post's date takes on its signature line.
var postDateLayouts = []string{
	"January 2, 2006",
	"Jan 2, 2006",
	"Jan. 2, 2006",
	"2 January 2006",
	"2 Jan 2006",
	"January 2 2006",
	"2006-01-02",
}

// parsePostDate parses the date of a signature line; ok is false when s
// is not a date.
func parsePostDate(s string) (event.Date, bool) {
	s = strings.TrimSpace(s)
	// "Nov 18, 2019 at 5:42pm PST": keep the date.
	if i := strings.Index(s, " at "); i > 0 {
		s = s[:i]
	}
	s = strings.TrimSuffix(s, ".")
	for _, layout := range postDateLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return event.DateOf(t), true
		}
	}
	// "Sept. 3, 2021" and other abbreviations Go does not know.
	if f := strings.Fields(s); len(f) == 3 {
		if m, ok := monthOf(f[0]); ok {
			if t, err := time.Parse("January 2, 2006", m.String()+" "+f[1]+" "+f[2]); err == nil {
				return event.DateOf(t), true
			}
		}
	}
	return event.Date{}, false
}

// parseSignature reads a post signature line. The date, when present, must
// parse; a line that has something else after the handle is prose, not a
// signature.
func parseSignature(s string) (signature, bool) {
	m := signatureRE.FindStringSubmatch(s)
	if m == nil {
		m = sharedByRE.FindStringSubmatch(s)
		if m == nil {
			return signature{}, false
		}
	}
	sig := signature{author: strings.TrimSpace(m[1]), handle: m[2]}
	if rest := strings.TrimSpace(m[3]); rest != "" {
		d, ok := parsePostDate(rest)
		if !ok {
			return signature{}, false
		}
		sig.date = d
	}
	return sig, true
}

// splitSignature splits a line that ends with a post signature into the
// post's text and the signature. It returns i < 0 when the line does not
// end with one.
func splitSignature(s string) (i int, sig signature) {
	loc := inlineSignatureRE.FindStringIndex(s)
	if loc == nil {
		return -1, signature{}
	}
	sig, ok := parseSignature(strings.TrimSpace(s[loc[0]:]))
	if !ok {
		return -1, signature{}
	}
	return loc[0], sig
}

var (
	// creditParenRE finds a parenthesised or bracketed photo credit:
	// "(Photo: Pavel Mikheyev/Reuters)", "[Photo credit: AFP]".
	creditParenRE = regexp.MustCompile(`(?i)[(\[]\s*(?:photo(?:graph)?s?|pictures?|images?|foto)?\s*(?:credits?)?\s*(?:by)?\s*:\s*([^()\[\]]{2,100}?)\s*[)\]]`)

	// creditTailRE finds an unbracketed credit that ends a caption:
	// "… in Almaty. Photo: Pavel Mikheyev/Reuters".
	creditTailRE = regexp.MustCompile(`(?:^|[.!?"”’)]\s+|\s[|–—-]\s+)(?i:photo(?:graph)?|picture|image|credit|foto)s?(?:\s+credit)?\s*(?::|\.\.\.|…)\s*([^.!?()]{2,80}?)\s*$`)

	// creditSlashRE finds a trailing "(Name/Agency)" credit.
	creditSlashRE = regexp.MustCompile(`[(\[]\s*([^()\[\]/]{2,60}/\s*[^()\[\]/]{2,40}?)\s*[)\]]\s*$`)

	// creditPrefixRE is a label in front of a credit that the credit
	// itself does not need.
	creditPrefixRE = regexp.MustCompile(`(?i)^\s*(?:\(|\[)?\s*(?:(?:photo(?:graph)?s?|pictures?|images?|foto)\s*(?:credits?)?|credits?|copyright|source|©)\s*(?:by)?\s*(?::|\.\.\.|…|©)?\s*`)
)

// findCredit finds a photo credit in a caption or a line of text. It
// returns the credit and whether one was found.
func findCredit(s string) (string, bool) {
	for _, re := range []*regexp.Regexp{creditParenRE, creditTailRE, creditSlashRE} {
		if m := re.FindStringSubmatch(s); m != nil {
			if c := cleanCredit(m[1]); c != "" {
				return c, true
			}
		}
	}
	return "", false
}

// cleanCredit strips the labels and punctuation around a credit.
func cleanCredit(s string) string {
	s = normalize(s)
	for {
		t := creditPrefixRE.ReplaceAllString(s, "")
		t = strings.TrimSpace(strings.Trim(t, "()[]|"))
		if t == s {
			break
		}
		s = t
	}
	if runeCount(s) > 100 {
		return ""
	}
	return s
}

// monthOf reads an English month name or abbreviation ("Sept", "Jan.").
func monthOf(s string) (time.Month, bool) {
	s = strings.ToLower(strings.TrimSuffix(s, "."))
	if len(s) < 3 {
		return 0, false
	}
	for m := time.January; m <= time.December; m++ {
		name := strings.ToLower(m.String())
		if s == name || (len(s) <= 4 && strings.HasPrefix(name, s)) {
			return m, true
		}
	}
	return 0, false
}
