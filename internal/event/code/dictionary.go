package code

import (
	"bufio"
	"fmt"
	"io"
	"io/fs"
	"strings"

	"github.com/annals-project/annals/internal/lineerr"
)

// A Flag says how a trigger behaves in its sentence (data/FORMAT.md).
type Flag uint8

// Trigger flags.
const (
	FlagSpeech    Flag = 1 << iota // a verb of saying: its complement is reported speech
	FlagIntent                     // announces an act: its infinitive complement did not happen
	FlagAppeal                     // asks for an act: its complement did not happen
	FlagViolent                    // the act is violence
	FlagActor                      // codes only with a named actor as source ("rally", "march")
	FlagCrowd                      // codes only with a crowd as source ("residents blocked")
	FlagDisrupted                  // stops a weapon's use: ACLED "Disrupted weapons use"
	FlagLabour                     // codes only with workers as source ("miners struck")
)

var flagNames = map[string]Flag{"speech": FlagSpeech, "intent": FlagIntent, "appeal": FlagAppeal, "violent": FlagViolent,
	"actor": FlagActor, "crowd": FlagCrowd, "disrupted": FlagDisrupted, "labour": FlagLabour}

// Discard is the code of patterns that match words which look like
// triggers but are not events ("strike price", "cattle slaughter"): the
// words are consumed and nothing is coded.
const Discard = "---"

// A Pattern is one entry of the verb dictionary: a trigger lemma and the
// words that must follow it.
type Pattern struct {
	Code    string // CAMEO event code
	Flags   Flag
	Noun    bool   // the trigger is a noun ("@protest")
	Trigger string // the trigger's lemma
	Words   []PatternWord
	// Target is the index in Words before which the target actor stands,
	// or -1 when the target is the first actor after the trigger.
	Target int
	// Rule names the pattern's origin, "verbs.txt:12".
	Rule string
}

// A PatternWord is a word that must (or may) follow a trigger.
type PatternWord struct {
	Lemma    string
	Optional bool
}

// Dictionary is a loaded verb dictionary. It is read-only after loading
// and safe for concurrent use.
type Dictionary struct {
	// triggers maps an inflected, lower-cased form to the patterns whose
	// trigger it is.
	triggers map[string][]*Pattern
	// lemmas maps an inflected form of any pattern word to its lemmas.
	lemmas map[string][]string
	// verbForms holds the forms that are verb forms of a trigger, for
	// telling "protests" the verb from "protests" the noun.
	patterns []*Pattern
}

// Patterns returns every pattern in file order.
func (d *Dictionary) Patterns() []*Pattern { return d.patterns }

// LoadDictionary reads a verb dictionary (data/FORMAT.md) and an irregular
// forms list from fsys. known reports whether a CAMEO code exists; nil
// accepts every code of 3 or 4 digits. Every bad line is reported, as one
// lineerr.List.
func LoadDictionary(fsys fs.FS, verbs, irregular string, known func(code string) bool) (*Dictionary, error) {
	var errs lineerr.List
	irr := irregulars{}
	if irregular != "" {
		f, err := fsys.Open(irregular)
		if err != nil {
			return nil, fmt.Errorf("load irregular forms: %w", err)
		}
		irr = parseIrregular(irregular, f, &errs)
		f.Close()
	}
	f, err := fsys.Open(verbs)
	if err != nil {
		return nil, fmt.Errorf("load verbs: %w", err)
	}
	defer f.Close()
	d := parseVerbs(verbs, f, irr, known, &errs)
	if err := errs.Err(); err != nil {
		return nil, err
	}
	return d, nil
}

func parseVerbs(name string, r io.Reader, irr irregulars, known func(string) bool, errs *lineerr.List) *Dictionary {
	d := &Dictionary{triggers: map[string][]*Pattern{}, lemmas: map[string][]string{}}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	n := 0
	for sc.Scan() {
		n++
		line := sc.Text()
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		code, rest, _ := strings.Cut(line, " ")
		if code != Discard && (!validCode(code) || (known != nil && !known(code))) {
			errs.Add(name, n, "unknown CAMEO code %q", code)
			continue
		}
		rest = strings.TrimSpace(rest)
		var flags Flag
		if strings.HasPrefix(rest, "{") {
			end := strings.IndexByte(rest, '}')
			if end < 0 {
				errs.Add(name, n, "unclosed {flags}")
				continue
			}
			bad := false
			for _, fl := range strings.Split(rest[1:end], ",") {
				v, ok := flagNames[strings.TrimSpace(fl)]
				if !ok {
					errs.Add(name, n, "unknown flag %q", strings.TrimSpace(fl))
					bad = true
				}
				flags |= v
			}
			if bad {
				continue
			}
			rest = rest[end+1:]
		}
		for _, alt := range strings.Split(rest, "|") {
			p, err := parsePattern(alt)
			if err != nil {
				errs.Add(name, n, "%v", err)
				continue
			}
			p.Code, p.Flags, p.Rule = code, flags, fmt.Sprintf("%s:%d", name, n)
			d.add(p, irr)
		}
	}
	if err := sc.Err(); err != nil {
		errs.Add(name, n, "%v", err)
	}
	return d
}

func validCode(c string) bool {
	if len(c) != 3 && len(c) != 4 {
		return false
	}
	for i := 0; i < len(c); i++ {
		if c[i] < '0' || c[i] > '9' {
			return false
		}
	}
	return c[:2] >= "01" && c[:2] <= "20"
}

func parsePattern(s string) (*Pattern, error) {
	f := strings.Fields(strings.ToLower(s))
	if len(f) == 0 {
		return nil, fmt.Errorf("empty pattern")
	}
	p := &Pattern{Target: -1}
	t := f[0]
	if strings.HasPrefix(t, "@") {
		p.Noun, t = true, t[1:]
	}
	if !isWord(t) {
		return nil, fmt.Errorf("bad trigger %q in %q", f[0], strings.TrimSpace(s))
	}
	p.Trigger = t
	for _, w := range f[1:] {
		if w == "+" {
			if p.Target >= 0 {
				return nil, fmt.Errorf("two target marks in %q", strings.TrimSpace(s))
			}
			p.Target = len(p.Words)
			continue
		}
		opt := false
		if strings.HasPrefix(w, "(") && strings.HasSuffix(w, ")") {
			opt, w = true, w[1:len(w)-1]
		}
		if !isWord(w) {
			return nil, fmt.Errorf("bad word %q in %q", w, strings.TrimSpace(s))
		}
		p.Words = append(p.Words, PatternWord{Lemma: w, Optional: opt})
	}
	return p, nil
}

// isWord reports whether w is a lower-case word: letters, digits, hyphens
// and apostrophes, starting with a letter.
func isWord(w string) bool {
	if w == "" || w[0] < 'a' || w[0] > 'z' {
		return false
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '\'') {
			return false
		}
	}
	return true
}

func (d *Dictionary) add(p *Pattern, irr irregulars) {
	d.patterns = append(d.patterns, p)
	forms := verbForms(p.Trigger, irr)
	if p.Noun {
		forms = nounForms(p.Trigger, irr)
	}
	for _, f := range forms {
		d.triggers[f] = append(d.triggers[f], p)
	}
	for _, w := range p.Words {
		for _, f := range append(verbForms(w.Lemma, irr), nounForms(w.Lemma, irr)...) {
			if !contains(d.lemmas[f], w.Lemma) {
				d.lemmas[f] = append(d.lemmas[f], w.Lemma)
			}
		}
	}
}

func contains(s []string, v string) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

// isLemma reports whether the lower-cased form w is an inflection of lemma.
func (d *Dictionary) isLemma(w, lemma string) bool {
	if w == lemma {
		return true
	}
	return contains(d.lemmas[w], lemma)
}
