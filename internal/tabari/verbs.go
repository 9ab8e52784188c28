package tabari

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/annals-project/annals/internal/lineerr"
)

// Verbs is a parsed verb dictionary. Every slice is in file order, and the
// value is read-only once returned, so it is safe for concurrent use.
type Verbs struct {
	Blocks          []VerbBlock
	Verbs           []Verb        // every verb line; Verb.Block indexes Blocks
	Patterns        []VerbPattern // every usable pattern; Pattern.Block indexes Blocks
	Synsets         map[string]*Synset
	Transformations []Transformation
}

// A VerbBlock is one "--- NAME [CODE] ---" block: the synonymous verbs under
// it share its patterns.
type VerbBlock struct {
	Name string // header text, e.g. "ACCELERATE" or "LASH OUT"
	Code string // default code of the block's verbs; "---" when none is given
	Line int
}

// A VerbForm is one surface form of a verb as lower-case words; Words[Head]
// is the inflected word ("broke down": Words [broke down], Head 0).
type VerbForm struct {
	Words []string
	Head  int
}

// A Verb is one verb line of a block: a word ("RESTORE"), or a multi-word
// verb whose inflected word carries a "+" ("+BREAK_DOWN", "WIRE_+TAP").
type Verb struct {
	VerbForm            // the base form as written
	Forms    []VerbForm // every form to match, the base form first: the {…} forms
	// when given, else the regular -s, -ed and -ing forms of the head word
	Code  string // the verb's own code, or its block's
	Block int    // index into Verbs.Blocks
	Line  int
}

// Lemma returns the base form as one string, e.g. "break down".
func (v *Verb) Lemma() string { return strings.Join(v.Words, " ") }

// An ElemKind says what a pattern element matches.
type ElemKind uint8

// The kinds of pattern element.
const (
	ElemWord     ElemKind = iota // a literal word (Elem.Text, lower case)
	ElemSynset                   // any phrase of synset Elem.Text ("&CURRENCY")
	ElemVerb                     // "*": the verb itself
	ElemSource                   // "$": the source actor
	ElemTarget                   // "+": the target actor
	ElemSkip                     // "^": skip over one noun phrase
	ElemCompound                 // "%": a compound actor, both source and target
	ElemAlt                      // "{A | B C}": one of the phrases in Elem.Alts
)

var elemNames = [...]string{"word", "synset", "*", "$", "+", "^", "%", "alt"}

// String names the kind.
func (k ElemKind) String() string {
	if int(k) < len(elemNames) {
		return elemNames[k]
	}
	return fmt.Sprintf("ElemKind(%d)", uint8(k))
}

// An Elem is one element of a verb pattern.
type Elem struct {
	Kind ElemKind
	Text string     // the word for ElemWord, the synset name for ElemSynset
	Alts [][]string // the alternatives of ElemAlt, each a word sequence
	// Glued is set when the element was joined to the next one by "_":
	// the next element must follow it with no word between.
	Glued bool
	// Prep and Noun number the PETRARCH2 "(…)" prepositional phrase and
	// "{…}" noun phrase the element is in (1-based within the pattern, 0
	// when outside any). A token matcher may treat them as plain sequence.
	Prep, Noun int
}

// A VerbPattern is one "- … * … [CODE]" line of a block.
type VerbPattern struct {
	Verb  string // lemma of the block's first verb, e.g. "accelerate"
	Block int    // index into Verbs.Blocks
	Elems []Elem // in text order; exactly one is ElemVerb
	Code  string // event code as written, e.g. "042", "042:043", "---"
	Line  int
}

// VerbIndex returns the index of the "*" element in p.Elems.
func (p *VerbPattern) VerbIndex() int {
	return slices.IndexFunc(p.Elems, func(e Elem) bool { return e.Kind == ElemVerb })
}

// Before returns the elements before the verb, in text order.
func (p *VerbPattern) Before() []Elem { return p.Elems[:p.VerbIndex()] }

// After returns the elements after the verb, in text order.
func (p *VerbPattern) After() []Elem { return p.Elems[p.VerbIndex()+1:] }

// A Synset is an "&NAME" set of words and phrases that patterns refer to.
type Synset struct {
	Name    string     // "&CURRENCY", without the no-plural "_"
	Phrases [][]string // lower-case word sequences, with generated plurals
	// and the members of nested synsets
	Line int
}

// A Transformation is a PETRARCH2 "~ a (a b ATTACK) SAY = a b 015" line.
// It needs a parse tree, so it is kept as written and not interpreted.
type Transformation struct {
	Text string
	Line int
}

// ParseVerbs reads a PETRARCH/TABARI verb dictionary. name is used in
// error messages. Every syntax error of the file is reported, sorted, in
// one lineerr.List.
func ParseVerbs(name string, r io.Reader) (*Verbs, error) {
	var errs lineerr.List
	v, err := parseVerbs(&diag{file: name, errs: &errs}, r)
	if err != nil {
		return nil, fmt.Errorf("verbs %s: %w", name, err)
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	return v, nil
}

// synsetDef is a synset as read, before nested names are resolved.
type synsetDef struct {
	name     string
	noPlural bool
	line     int
	members  []synsetMember
}

type synsetMember struct {
	words    []string // lower-case; a single "&NAME" for a nested synset
	noPlural bool
	line     int
}

func parseVerbs(d *diag, r io.Reader) (*Verbs, error) {
	v := &Verbs{Synsets: map[string]*Synset{}}
	var (
		defs    []*synsetDef
		byName  = map[string]*synsetDef{}
		cur     *synsetDef // synset whose "+" lines are being read
		block   = -1
		primary = map[int]int{}  // block → index of its first verb
		badVerb = map[int]bool{} // blocks with a verb line in error
	)
	err := readLines(d, r, func(l line) {
		s := strings.TrimSpace(l.text)
		if cur != nil && s[0] != '+' {
			cur = nil
		}
		switch {
		case strings.HasPrefix(s, "---"):
			b, ok := parseBlockHeader(d, l.n, s)
			if ok {
				v.Blocks = append(v.Blocks, b)
				block = len(v.Blocks) - 1
			}
		case s[0] == '&':
			def := parseSynsetHeader(d, l.n, s)
			if def == nil {
				return
			}
			if old, dup := byName[def.name]; dup {
				d.errorf(l.n, "synset %s already defined at line %d", def.name, old.line)
				return
			}
			byName[def.name] = def
			defs = append(defs, def)
			cur = def
		case s[0] == '+' && cur != nil:
			m, ok := parseSynsetMember(d, l.n, s[1:])
			if ok {
				cur.members = append(cur.members, m)
			}
		case s[0] == '~':
			t := strings.TrimSpace(s[1:])
			if strings.Count(t, "=") != 1 || strings.Count(t, "(") != strings.Count(t, ")") {
				d.errorf(l.n, "transformation %q: want \"~ PATTERN = RESULT\" with balanced ()", clip(t))
				return
			}
			v.Transformations = append(v.Transformations, Transformation{Text: t, Line: l.n})
		case s[0] == '-':
			if block < 0 {
				d.errorf(l.n, "pattern outside a verb block (missing \"--- NAME [CODE] ---\" header)")
				return
			}
			p, ok := parsePattern(d, l.n, s[1:])
			if ok {
				p.Block = block
				v.Patterns = append(v.Patterns, p)
			}
		default:
			if block < 0 {
				d.errorf(l.n, "verb outside a verb block (missing \"--- NAME [CODE] ---\" header)")
				return
			}
			vb, ok := parseVerbLine(d, l.n, s, v.Blocks[block].Code)
			if !ok {
				badVerb[block] = true
			}
			if ok {
				vb.Block = block
				if _, seen := primary[block]; !seen {
					primary[block] = len(v.Verbs)
				}
				v.Verbs = append(v.Verbs, vb)
			}
		}
	})
	if err != nil {
		return nil, err
	}
	resolveSynsets(d, v, defs, byName)
	kept := v.Patterns[:0]
	for _, p := range v.Patterns {
		i, ok := primary[p.Block]
		if !ok {
			if !badVerb[p.Block] {
				d.errorf(p.Line, "pattern in block %q, which has no verb", v.Blocks[p.Block].Name)
			}
			continue
		}
		p.Verb = v.Verbs[i].Lemma()
		if resolvePatternSynsets(d, &p, v.Synsets) {
			kept = append(kept, p)
		}
	}
	v.Patterns = kept
	return v, nil
}

func parseBlockHeader(d *diag, n int, s string) (VerbBlock, bool) {
	// The closing "---" is optional: PETRARCH only looks at the opening one.
	body := strings.TrimRight(strings.TrimLeft(s, "-"), " \t-")
	head, groups, tail, legacy, err := splitGroups(body)
	if err != nil {
		d.errorf(n, "verb block header: %v", err)
		return VerbBlock{}, false
	}
	if tail != "" {
		d.errorf(n, "verb block header: unexpected text %q after the code", clip(tail))
		return VerbBlock{}, false
	}
	if legacy {
		d.warnf(n, "verb block header: %v", errLegacyClose)
	}
	b := VerbBlock{Name: strings.Join(strings.Fields(head), " "), Code: "---", Line: n}
	if b.Name == "" {
		d.errorf(n, "verb block header without a name")
		return VerbBlock{}, false
	}
	for i, g := range groups {
		if g.open != '[' {
			d.errorf(n, "verb block header: unexpected {…}")
			return VerbBlock{}, false
		}
		c := strings.TrimSpace(g.content)
		if !checkCode(d, n, "verb block header", c) {
			return VerbBlock{}, false
		}
		if i == 0 {
			b.Code = c
		} else {
			d.warnf(n, "verb block header: extra code [%s] ignored, as PETRARCH does", c)
		}
	}
	return b, true
}

func parseSynsetHeader(d *diag, n int, s string) *synsetDef {
	f := strings.Fields(s)
	if len(f) != 1 {
		d.errorf(n, "synset header %q: want a single &NAME", clip(s))
		return nil
	}
	name := strings.ToUpper(f[0])
	def := &synsetDef{line: n}
	if strings.HasSuffix(name, "_") {
		def.noPlural = true
		name = strings.TrimRight(name, "_")
	}
	if !validName(name[1:]) {
		d.errorf(n, "bad synset name %q", f[0])
		return nil
	}
	def.name = name
	return def
}

// validName reports whether s is a synset or marker name: letters, digits,
// "_" and "-".
func validName(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '_' || c == '-') {
			return false
		}
	}
	return true
}

func parseSynsetMember(d *diag, n int, s string) (synsetMember, bool) {
	s = strings.TrimSpace(s)
	m := synsetMember{line: n, noPlural: strings.HasSuffix(s, "_")}
	if strings.HasPrefix(s, "&") {
		name := strings.ToUpper(strings.TrimRight(s, "_"))
		if !validName(name[1:]) {
			d.errorf(n, "bad synset reference %q in synset", s)
			return m, false
		}
		m.words = []string{name}
		return m, true
	}
	if i := strings.IndexAny(s, "[]{}()|*$^%&+"); i >= 0 {
		d.errorf(n, "unexpected %q in synset phrase %q", s[i], s)
		return m, false
	}
	m.words = phraseWords(s)
	if len(m.words) == 0 {
		d.errorf(n, "empty synset phrase")
		return m, false
	}
	return m, true
}

// resolveSynsets expands nested synsets and adds plurals.
func resolveSynsets(d *diag, v *Verbs, defs []*synsetDef, byName map[string]*synsetDef) {
	const (
		unvisited = iota
		visiting
		done
	)
	state := map[string]int{}
	var expand func(def *synsetDef) [][]string
	expand = func(def *synsetDef) [][]string {
		if s, ok := v.Synsets[def.name]; ok {
			return s.Phrases
		}
		state[def.name] = visiting
		var out [][]string
		seen := map[string]bool{}
		add := func(p []string) {
			k := strings.Join(p, " ")
			if !seen[k] {
				seen[k] = true
				out = append(out, p)
			}
		}
		for _, m := range def.members {
			if len(m.words) == 1 && strings.HasPrefix(m.words[0], "&") {
				sub, ok := byName[m.words[0]]
				switch {
				case !ok:
					d.errorf(m.line, "undefined synset %s", m.words[0])
				case state[sub.name] == visiting:
					d.errorf(m.line, "synset %s contains itself", m.words[0])
				default:
					for _, p := range expand(sub) {
						add(p)
					}
				}
				continue
			}
			add(m.words)
			if !def.noPlural && !m.noPlural {
				add(pluralPhrase(m.words))
			}
		}
		state[def.name] = done
		v.Synsets[def.name] = &Synset{Name: def.name, Phrases: out, Line: def.line}
		return out
	}
	for _, def := range defs {
		expand(def)
	}
}

// resolvePatternSynsets binds each synset reference of p to a defined
// synset. Since "_" both glues words and occurs in synset names, a
// reference glued to following words takes the longest defined name:
// "&TIETYPES_MEMOS" is &TIETYPES then "memos", "&FIGHT_OF_WORDS" is one
// synset when defined. A pattern naming an undefined synset is dropped with
// a warning, as PETRARCH does.
func resolvePatternSynsets(d *diag, p *VerbPattern, sets map[string]*Synset) bool {
	out := p.Elems[:0]
	for i := 0; i < len(p.Elems); i++ {
		e := p.Elems[i]
		if e.Kind != ElemSynset {
			out = append(out, e)
			continue
		}
		best, bestEnd := "", -1
		name := e.Text
		if _, ok := sets[name]; ok {
			best, bestEnd = name, i
		}
		for j := i; p.Elems[j].Glued && j+1 < len(p.Elems) && p.Elems[j+1].Kind == ElemWord; j++ {
			name += "_" + strings.ToUpper(p.Elems[j+1].Text)
			if _, ok := sets[name]; ok {
				best, bestEnd = name, j+1
			}
		}
		if bestEnd < 0 {
			d.warnf(p.Line, "undefined synset %s; pattern skipped, as PETRARCH does", e.Text)
			return false
		}
		e.Text = best
		e.Glued = p.Elems[bestEnd].Glued
		out = append(out, e)
		i = bestEnd
	}
	p.Elems = out
	return true
}

// parsePattern reads the part of a pattern line after its leading "-".
func parsePattern(d *diag, n int, s string) (VerbPattern, bool) {
	s = strings.TrimSpace(s)
	open := strings.LastIndexByte(s, '[')
	if open < 0 {
		if strings.IndexByte(s, ']') >= 0 {
			d.errorf(n, "pattern: unbalanced \"]\"")
		} else {
			d.errorf(n, "pattern without a [code]")
		}
		return VerbPattern{}, false
	}
	if !strings.HasSuffix(s, "]") {
		if strings.IndexByte(s[open:], ']') < 0 {
			d.errorf(n, "pattern: unbalanced \"[\": missing \"]\"")
		} else {
			d.errorf(n, "pattern: unexpected text %q after code", clip(s[strings.IndexByte(s[open:], ']')+open+1:]))
		}
		return VerbPattern{}, false
	}
	code := strings.TrimSpace(s[open+1 : len(s)-1])
	body := s[:open]
	if strings.ContainsAny(body, "[]") || strings.ContainsAny(code, "[]") {
		d.errorf(n, "pattern: unbalanced or repeated [code]")
		return VerbPattern{}, false
	}
	if !checkCode(d, n, "pattern", code) {
		return VerbPattern{}, false
	}
	elems, err := parseElems(body)
	if errors.Is(err, errStray) {
		d.warnf(n, "pattern: %v; skipped", err)
		return VerbPattern{}, false
	}
	if err != nil {
		d.errorf(n, "pattern: %v", err)
		return VerbPattern{}, false
	}
	verbs := 0
	for _, e := range elems {
		if e.Kind == ElemVerb {
			verbs++
		}
	}
	switch {
	case verbs == 0:
		d.errorf(n, "pattern without the verb marker *")
		return VerbPattern{}, false
	case verbs > 1:
		d.errorf(n, "pattern with %d verb markers *; want one", verbs)
		return VerbPattern{}, false
	}
	return VerbPattern{Elems: elems, Code: code, Line: n}, true
}

// errStray marks a closing bracket without its opening one. CAMEO.2.0 has
// a few such garbled patterns; PETRARCH reads them as something, so they
// are skipped with a warning instead of failing the file.
var errStray = errors.New("stray closing")

// parseElems tokenizes a pattern body (between "-" and the code).
func parseElems(s string) ([]Elem, error) {
	var (
		elems       []Elem
		word        strings.Builder
		pendingGlue bool
		prep, noun  int // current group ids, 0 outside
		groups      int
	)
	push := func(e Elem) {
		if pendingGlue && len(elems) > 0 {
			elems[len(elems)-1].Glued = true
		}
		pendingGlue = false
		e.Prep, e.Noun = prep, noun
		elems = append(elems, e)
	}
	flush := func() error {
		if word.Len() == 0 {
			return nil
		}
		w := word.String()
		word.Reset()
		if w[0] == '&' {
			name := strings.ToUpper(w)
			if !validName(name[1:]) {
				return fmt.Errorf("bad synset reference %q", w)
			}
			push(Elem{Kind: ElemSynset, Text: name})
			return nil
		}
		if strings.IndexByte(w, '&') >= 0 {
			return fmt.Errorf("unexpected \"&\" inside word %q", w)
		}
		push(Elem{Kind: ElemWord, Text: strings.ToLower(w)})
		return nil
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch c {
		case ' ', '\t', '_':
			if err := flush(); err != nil {
				return nil, err
			}
			pendingGlue = c == '_'
			if c == '_' && i+1 < len(s) && (s[i+1] == ' ' || s[i+1] == '\t') {
				pendingGlue = false // TABARI "WORD_ " is an open match
			}
		case '*', '$', '+', '^', '%':
			if err := flush(); err != nil {
				return nil, err
			}
			push(Elem{Kind: map[byte]ElemKind{'*': ElemVerb, '$': ElemSource, '+': ElemTarget, '^': ElemSkip, '%': ElemCompound}[c]})
		case '(':
			if err := flush(); err != nil {
				return nil, err
			}
			if prep != 0 || noun != 0 {
				return nil, fmt.Errorf("unbalanced \"(\": nested group")
			}
			groups++
			prep = groups
		case ')':
			if err := flush(); err != nil {
				return nil, err
			}
			if prep == 0 || noun != 0 {
				return nil, fmt.Errorf("%w \")\"", errStray)
			}
			prep = 0
		case '{':
			if err := flush(); err != nil {
				return nil, err
			}
			end := strings.IndexByte(s[i:], '}')
			if end < 0 {
				return nil, fmt.Errorf("unbalanced \"{\": missing \"}\"")
			}
			inner := s[i+1 : i+end]
			if strings.ContainsAny(inner, "{()") {
				return nil, fmt.Errorf("unbalanced \"{\": nested group")
			}
			if strings.IndexByte(inner, '|') >= 0 {
				alts, err := parseAlts(inner)
				if err != nil {
					return nil, err
				}
				push(Elem{Kind: ElemAlt, Alts: alts})
				i += end
				continue
			}
			if noun != 0 {
				return nil, fmt.Errorf("unbalanced \"{\": nested group")
			}
			groups++
			noun = groups
		case '}':
			if err := flush(); err != nil {
				return nil, err
			}
			if noun == 0 {
				return nil, fmt.Errorf("%w \"}\"", errStray)
			}
			noun = 0
		case '|':
			return nil, fmt.Errorf("\"|\" outside {…}")
		default:
			word.WriteByte(c)
		}
	}
	if err := flush(); err != nil {
		return nil, err
	}
	if prep != 0 {
		return nil, fmt.Errorf("unbalanced \"(\": missing \")\"")
	}
	if noun != 0 {
		return nil, fmt.Errorf("unbalanced \"{\": missing \"}\"")
	}
	return elems, nil
}

// parseAlts reads the inside of a TABARI "{A | B C}" alternative set.
func parseAlts(s string) ([][]string, error) {
	var alts [][]string
	for _, a := range strings.Split(s, "|") {
		if strings.ContainsAny(a, "*$+^%&") {
			return nil, fmt.Errorf("alternative %q: only words are allowed in {…|…}", strings.TrimSpace(a))
		}
		w := phraseWords(a)
		if len(w) == 0 {
			return nil, fmt.Errorf("empty alternative in {%s}", s)
		}
		alts = append(alts, w)
	}
	return alts, nil
}

// parseVerbLine reads a verb line: "WORD", "WORD {FORMS}", "+A_B [CODE]"…
func parseVerbLine(d *diag, n int, s, blockCode string) (Verb, bool) {
	head, groups, tail, legacy, err := splitGroups(s)
	if err != nil {
		d.errorf(n, "verb: %v", err)
		return Verb{}, false
	}
	if tail != "" {
		d.errorf(n, "verb: unexpected text %q after the brackets", clip(tail))
		return Verb{}, false
	}
	if legacy {
		d.warnf(n, "verb: %v", errLegacyClose)
	}
	base, err := parseVerbPhrase(head)
	if err != nil {
		d.errorf(n, "verb: %v", err)
		return Verb{}, false
	}
	v := Verb{VerbForm: base, Code: blockCode, Line: n}
	var forms *group
	var code *group
	for i := range groups {
		g := &groups[i]
		switch {
		case g.open == '{' && forms == nil && code == nil:
			forms = g
		case g.open == '[' && code == nil:
			code = g
		case g.open == '{':
			d.errorf(n, "verb: {forms} must come once, before the [code]")
			return Verb{}, false
		default:
			d.errorf(n, "verb: more than one [code]")
			return Verb{}, false
		}
	}
	if code != nil {
		c := strings.TrimSpace(code.content)
		if !checkCode(d, n, "verb", c) {
			return Verb{}, false
		}
		v.Code = c
	}
	v.Forms = []VerbForm{base}
	add := func(f VerbForm) {
		for _, g := range v.Forms {
			if f.Head == g.Head && slices.Equal(f.Words, g.Words) {
				return
			}
		}
		v.Forms = append(v.Forms, f)
	}
	if forms != nil {
		multi := len(base.Words) > 1
		// Forms are separated by blanks; CAMEO.2.0 also uses commas.
		for _, raw := range strings.FieldsFunc(forms.content, func(r rune) bool { return r == ' ' || r == '\t' || r == ',' }) {
			f, err := parseVerbPhrase(raw)
			if err != nil {
				d.errorf(n, "verb form %q: %v", raw, err)
				return Verb{}, false
			}
			if multi != (len(f.Words) > 1) {
				d.errorf(n, "verb form %q: a form must have as many words as its verb, with the same + mark", raw)
				return Verb{}, false
			}
			add(f)
		}
		return v, true
	}
	for _, w := range verbForms(base.Words[base.Head]) {
		f := VerbForm{Words: slices.Clone(base.Words), Head: base.Head}
		f.Words[f.Head] = w
		add(f)
	}
	return v, true
}

// parseVerbPhrase reads "WORD", "+A_B", "A_+B" or "A B" into words and the
// index of the inflected word: the one marked "+", else the first.
func parseVerbPhrase(s string) (VerbForm, error) {
	s = strings.TrimSpace(s)
	if i := strings.IndexAny(s, "*$^%&()|"); i >= 0 {
		return VerbForm{}, fmt.Errorf("unexpected %q in %q", s[i], s)
	}
	raw := strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == '_' || r == '\t' })
	if len(raw) == 0 {
		return VerbForm{}, fmt.Errorf("empty verb")
	}
	f := VerbForm{Words: make([]string, len(raw))}
	marks := 0
	for i, w := range raw {
		if strings.HasPrefix(w, "+") {
			marks++
			f.Head = i
			w = w[1:]
		}
		if w == "" || strings.IndexByte(w, '+') >= 0 {
			return VerbForm{}, fmt.Errorf("misplaced + in %q", s)
		}
		f.Words[i] = strings.ToLower(w)
	}
	if marks > 1 {
		return VerbForm{}, fmt.Errorf("more than one + in %q", s)
	}
	return f, nil
}
