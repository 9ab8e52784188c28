package tabari

import (
	"strconv"
	"strings"

	"github.com/annals-project/annals/internal/event"
)

// A Token is one word of a sentence: its byte span in the text and its
// lower-case form. Punctuation is a token too (Word ",").
type Token struct {
	Span event.Span
	Word string
}

// A Coded is one event the Matcher found: who did what to whom.
type Coded struct {
	Source, Target string     // actor codes, e.g. "ARNGOV", "GON"
	Code           string     // event code from the pattern or verb, e.g. "064"
	SourceSpan     event.Span // text of the source actor phrase
	TargetSpan     event.Span
	VerbSpan       event.Span
	// Rule names what fired: "pattern LINE" or "verb LINE", lines of the
	// verb file.
	Rule string
}

// A Matcher codes tokenized sentences with a set of dictionaries, the way
// PETRARCH does but on a flat token sequence instead of a parse tree. It
// is read-only once built and safe for concurrent use.
type Matcher struct {
	d        *Dictionaries
	actors   map[string][]nameRef             // first word key → names of actors
	agents   map[string][]nameRef             // first word key → names of agents
	verbs    map[string][]formRef             // head word key → verb forms
	patterns [][]int                          // block → indexes into d.Verbs.Patterns
	synFirst map[string]map[string][][]string // synset → first word → phrases
	synLast  map[string]map[string][][]string // synset → last word → phrases
	discards [][]string                       // word keys; a trailing "_" ends the last word
	story    []bool                           // discards[i] is a whole-story discard
	// discard candidates by first word, or for one-word stems by their
	// first three letters (stems shorter than that by "")
	discFirst, discStem map[string][]int
}

type nameRef struct {
	words []string // keys
	index int      // into Dictionaries.Actors or Agents
}

type formRef struct {
	verb int // into Verbs.Verbs
	form int // into Verb.Forms
}

// key normalizes a word for comparison: lower case, without a final "."
// ("w." in "George W. Bush" and a sentence-final "Inc." alike).
func key(w string) string {
	w = strings.ToLower(w)
	if len(w) > 1 {
		w = strings.TrimSuffix(w, ".")
	}
	return w
}

func keys(words []string) []string {
	out := make([]string, len(words))
	for i, w := range words {
		out[i] = key(w)
	}
	return out
}

// NewMatcher indexes d for matching. d must not be changed afterwards.
func NewMatcher(d *Dictionaries) *Matcher {
	m := &Matcher{
		d:        d,
		actors:   map[string][]nameRef{},
		agents:   map[string][]nameRef{},
		verbs:    map[string][]formRef{},
		synFirst: map[string]map[string][][]string{},
		synLast:  map[string]map[string][][]string{},
	}
	for i, a := range d.Actors {
		for _, n := range a.Names {
			k := keys(strings.Fields(n))
			if len(k) > 0 {
				m.actors[k[0]] = append(m.actors[k[0]], nameRef{k, i})
			}
		}
	}
	for i, a := range d.Agents {
		for _, n := range a.Names {
			k := keys(strings.Fields(n))
			if len(k) > 0 {
				m.agents[k[0]] = append(m.agents[k[0]], nameRef{k, i})
			}
		}
	}
	if v := d.Verbs; v != nil {
		for i, vb := range v.Verbs {
			for j, f := range vb.Forms {
				h := key(f.Words[f.Head])
				m.verbs[h] = append(m.verbs[h], formRef{i, j})
			}
		}
		m.patterns = make([][]int, len(v.Blocks))
		for i, p := range v.Patterns {
			m.patterns[p.Block] = append(m.patterns[p.Block], i)
		}
		for name, s := range v.Synsets {
			first, last := map[string][][]string{}, map[string][][]string{}
			for _, p := range s.Phrases {
				k := keys(p)
				first[k[0]] = append(first[k[0]], k)
				last[k[len(k)-1]] = append(last[k[len(k)-1]], k)
			}
			m.synFirst[name], m.synLast[name] = first, last
		}
	}
	for _, s := range d.Discards {
		story := strings.HasPrefix(s, "+")
		s = strings.TrimPrefix(s, "+")
		var w []string
		for _, f := range strings.Fields(s) {
			w = append(w, strings.ToLower(f))
		}
		if len(w) > 0 {
			m.discards = append(m.discards, w)
			m.story = append(m.story, story)
		}
	}
	m.discFirst, m.discStem = map[string][]int{}, map[string][]int{}
	for i, w := range m.discards {
		if len(w) > 1 || strings.HasSuffix(w[0], "_") {
			f := strings.TrimSuffix(w[0], "_")
			m.discFirst[f] = append(m.discFirst[f], i)
			continue
		}
		p := ""
		if len(w[0]) >= 3 {
			p = w[0][:3]
		}
		m.discStem[p] = append(m.discStem[p], i)
	}
	return m
}

// A group is a noun phrase the matcher recognized: an actor and/or agents
// over tokens [start, end).
type npGroup struct {
	start, end int
	code       string
	compound   int // index of the first group of its compound ("A and B")
}

// Discarded reports whether the sentence holds a discard phrase, and
// whether that phrase discards the whole story.
func (m *Matcher) Discarded(toks []Token) (sentence, story bool) {
	for s, t := range toks {
		cands := m.discFirst[t.Word]
		if len(t.Word) >= 3 {
			cands = append(cands[:len(cands):len(cands)], m.discStem[t.Word[:3]]...)
		}
		cands = append(cands[:len(cands):len(cands)], m.discStem[""]...)
		for _, i := range cands {
			if m.discardAt(toks, s, m.discards[i]) {
				if m.story[i] {
					return true, true
				}
				sentence = true
			}
		}
	}
	return sentence, false
}

func (m *Matcher) discardAt(toks []Token, s int, d []string) bool {
	if s+len(d) > len(toks) {
		return false
	}
	for j, w := range d {
		t := toks[s+j].Word
		switch last := j == len(d)-1; {
		case last && strings.HasSuffix(w, "_"):
			if t != strings.TrimSuffix(w, "_") {
				return false
			}
		case last:
			if !strings.HasPrefix(t, w) { // a stem
				return false
			}
		case t != w:
			return false
		}
	}
	return true
}

// Code returns the events of one sentence on day date (a zero date uses
// actors' undated codes). tokens must be in text order. The steps follow
// PETRARCH: discard phrases, then actors (longest match of actor and agent
// names; an actor with adjacent agents forms one noun phrase, coded like
// "GON"+"~GOV" = "GONGOV"; "A and B" is a compound), then for each verb
// the longest pattern of its block that matches: words in order (glued
// ones adjacent), synsets, "$"/"+" bound to noun phrases, "^" skipping one.
// Without a pattern the verb's own code applies. The target defaults to
// the first noun phrase after the verb and the source to the nearest one
// before it; "042:043" codes both directions. Events whose source or
// target has no code are dropped, as with PETRARCH's require_dyad.
func (m *Matcher) Code(tokens []Token, date event.Date) []Coded {
	if m.d.Verbs == nil || len(tokens) == 0 {
		return nil
	}
	toks := make([]Token, len(tokens))
	for i, t := range tokens {
		toks[i] = Token{Span: t.Span, Word: key(t.Word)}
	}
	if disc, _ := m.Discarded(toks); disc {
		return nil
	}
	groups, inGroup := m.nounPhrases(toks, date)
	var out []Coded
	seen := map[[3]string]bool{}
	prevSrc := -1 // source of the previous coded verb, for "A did X and did Y"
	for i := 0; i < len(toks); i++ {
		if inGroup[i] >= 0 {
			continue
		}
		vb, fr, vs, ve := m.verbAt(toks, i, inGroup)
		if vb < 0 || nounContext(toks, inGroup, vs) {
			continue
		}
		src := -1
		if prevSrc >= 0 && coordinated(toks, vs) {
			src = prevSrc
		}
		ev, last, usedSrc := m.codeVerb(toks, groups, inGroup, vb, fr, vs, ve, src)
		if usedSrc >= 0 {
			prevSrc = usedSrc
		}
		for _, e := range ev {
			k := [3]string{e.Source, e.Target, e.Code}
			if !seen[k] {
				seen[k] = true
				out = append(out, e)
			}
		}
		if len(ev) > 0 && last > i {
			i = last
		} else if ve-1 > i {
			i = ve - 1
		}
	}
	return out
}

// nounPhrases finds actor and agent names and joins adjacent ones into
// noun phrases. inGroup maps each token to its group, or -1.
func (m *Matcher) nounPhrases(toks []Token, date event.Date) ([]npGroup, []int) {
	type mention struct {
		start, end int
		actor      int // -1 for an agent
		agent      int
	}
	var ms []mention
	for i := 0; i < len(toks); {
		an, ai := longest(m.actors[toks[i].Word], toks, i)
		gn, gi := longest(m.agents[toks[i].Word], toks, i)
		switch {
		case an > 0 && an >= gn:
			ms = append(ms, mention{i, i + an, ai, -1})
			i += an
		case gn > 0:
			ms = append(ms, mention{i, i + gn, -1, gi})
			i += gn
		default:
			i++
		}
	}
	inGroup := make([]int, len(toks))
	for i := range inGroup {
		inGroup[i] = -1
	}
	var groups []npGroup
	var lastAgents []int // agents of an "AGENT of ACTOR" group, shared with its compound
	for k := 0; k < len(ms); {
		g := npGroup{start: ms[k].start, end: ms[k].end}
		members := []mention{ms[k]}
		hasActor := ms[k].actor >= 0
		distributive := false
		k++
		for k < len(ms) {
			between := toks[g.end:ms[k].start]
			switch {
			case linked(between):
			case !hasActor && ms[k].actor >= 0 && agentLink(between):
				distributive = true // "ambassadors of Arnor", "soldiers from Gondor"
			default:
				goto done
			}
			g.end = ms[k].end
			members = append(members, ms[k])
			hasActor = hasActor || ms[k].actor >= 0
			k++
		}
	done:
		actor := ""
		var agents []int
		for _, mm := range members {
			if mm.actor >= 0 && actor == "" {
				actor = m.d.Actors[mm.actor].CodeOn(date)
				if actor == "" {
					actor = "---"
				}
			}
			if mm.agent >= 0 {
				agents = append(agents, mm.agent)
			}
		}
		g.compound = len(groups)
		if n := len(groups); n > 0 && m.conjoined(toks[groups[n-1].end:g.start]) {
			g.compound = groups[n-1].compound
			if len(agents) == 0 && actor != "" {
				agents = lastAgents
			}
		} else {
			lastAgents = nil
		}
		if distributive {
			lastAgents = agents
		}
		if actor == "" {
			actor = "---"
		}
		g.code = actor
		for _, ai := range agents {
			ag := &m.d.Agents[ai]
			if hasCode(g.code, ag.Role) {
				continue
			}
			g.code = ag.Apply(g.code)
		}
		for t := g.start; t < g.end; t++ {
			inGroup[t] = len(groups)
		}
		groups = append(groups, g)
	}
	return groups, inGroup
}

// hasCode reports whether role already appears in code at a multiple of
// three characters, PETRARCH's test against duplicate agents.
func hasCode(code, role string) bool {
	for k := 0; k+len(role) <= len(code); k += 3 {
		if code[k:k+len(role)] == role {
			return true
		}
	}
	return false
}

// linked reports whether the tokens between two mentions keep them in one
// noun phrase: "Gondor's army", "the army of Gondor", "Gondor 's new army".
func linked(between []Token) bool {
	if len(between) > 2 {
		return false
	}
	for _, t := range between {
		switch t.Word {
		case "'s", "'", "the", "of", "a", "an", "new", "top", "senior", "former", "chief", "its", "their":
		default:
			return false
		}
	}
	return true
}

// agentLink reports whether the tokens between an agent and an actor make
// the actor the agent's country: "officials of", "soldiers from the".
func agentLink(between []Token) bool {
	switch len(between) {
	case 1:
		return between[0].Word == "of" || between[0].Word == "in" || between[0].Word == "from"
	case 2:
		return agentLink(between[:1]) && between[1].Word == "the"
	}
	return false
}

// conjoined reports whether two noun phrases form a compound: "A and B",
// "A, B", "A, and the awful B", "neither A nor B".
func (m *Matcher) conjoined(between []Token) bool {
	if len(between) == 0 {
		return false
	}
	i := 0
	if between[0].Word == "," {
		i++
	}
	if i < len(between) {
		switch between[i].Word {
		case "and", "or", "nor":
			i++
		}
	}
	if i == 0 {
		return false
	}
	rest := between[i:]
	if len(rest) > 3 {
		return false
	}
	for _, t := range rest {
		if clauseBreak(t.Word) || isAux(t.Word) || isBe(t.Word) || isPrep(t.Word) || !isWordy(t.Word) || len(m.verbs[t.Word]) > 0 {
			return false
		}
	}
	return true
}

func isPrep(w string) bool {
	switch w {
	case "of", "in", "on", "at", "to", "from", "with", "by", "for", "against", "between", "about", "into", "over":
		return true
	}
	return false
}

// isWordy reports whether w starts with a letter.
func isWordy(w string) bool {
	return w != "" && ('a' <= w[0] && w[0] <= 'z')
}

// longest returns the length of the longest name of refs matching toks at
// i, and its index.
func longest(refs []nameRef, toks []Token, i int) (n, index int) {
	index = -1
	for _, r := range refs {
		if len(r.words) <= n || i+len(r.words) > len(toks) {
			continue
		}
		ok := true
		for j, w := range r.words {
			if toks[i+j].Word != w {
				ok = false
				break
			}
		}
		if ok {
			n, index = len(r.words), r.index
		}
	}
	return n, index
}

// verbAt returns the verb whose form matches at token i, preferring the
// longest form, and the tokens [vs, ve) it covers; vb is -1 when none.
func (m *Matcher) verbAt(toks []Token, i int, inGroup []int) (vb, form, vs, ve int) {
	vb, best := -1, 0
	for _, r := range m.verbs[toks[i].Word] {
		f := m.d.Verbs.Verbs[r.verb].Forms[r.form]
		s := i - f.Head
		e := s + len(f.Words)
		if s < 0 || e > len(toks) || len(f.Words) <= best {
			continue
		}
		ok := true
		for j, w := range f.Words {
			if key(w) != toks[s+j].Word || inGroup[s+j] >= 0 {
				ok = false
				break
			}
		}
		if ok {
			vb, form, vs, ve, best = r.verb, r.form, s, e, len(f.Words)
		}
	}
	return vb, form, vs, ve
}

// binding is where a pattern placed the source and target.
type binding struct {
	src, tgt int // group index, -1 when unbound
	last     int // last token the pattern used
	size     int // number of elements matched (the more, the better)
}

// codeVerb codes the verb at tokens [vs, ve); last is the last token used
// and usedSrc the source group. defSrc, when not -1, is the source to use
// when the pattern binds none (a coordinated verb's subject).
func (m *Matcher) codeVerb(toks []Token, groups []npGroup, inGroup []int, vb, form, vs, ve, defSrc int) (out []Coded, last, usedSrc int) {
	verb := &m.d.Verbs.Verbs[vb]
	code, rule := verb.Code, "verb "+strconv.Itoa(verb.Line)
	b := binding{src: -1, tgt: -1, last: ve - 1}
	bestSize := -1
	for _, pi := range m.patterns[verb.Block] {
		p := &m.d.Verbs.Patterns[pi]
		nb, ok := m.matchPattern(p, toks, groups, inGroup, vs, ve)
		if ok && nb.size > bestSize {
			b, bestSize = nb, nb.size
			code, rule = p.Code, "pattern "+strconv.Itoa(p.Line)
		}
	}
	if code == "---" && bestSize >= 0 && verb.Code != "---" {
		code, rule = verb.Code, "verb "+strconv.Itoa(verb.Line)
	}
	if code == "---" || code == "" {
		return nil, b.last, -1
	}
	if b.src < 0 && b.tgt < 0 {
		if by := passiveAgent(toks, inGroup, vs, ve); by >= 0 {
			b.src = by
			b.tgt = m.subject(toks, groups, inGroup, vs, by)
			if b.tgt < 0 {
				return nil, b.last, -1
			}
		}
	}
	if b.tgt < 0 {
		b.tgt = object(toks, inGroup, ve, b.src)
	}
	if b.tgt < 0 {
		return nil, b.last, -1
	}
	if b.src < 0 && defSrc >= 0 && groups[defSrc].compound != groups[b.tgt].compound {
		b.src = defSrc
	}
	if b.src < 0 {
		b.src = m.subject(toks, groups, inGroup, vs, b.tgt)
	}
	if b.src < 0 {
		return nil, b.last, -1
	}
	srcs, tgts := compound(groups, b.src), compound(groups, b.tgt)
	vspan := event.Span{Start: toks[vs].Span.Start, End: toks[ve-1].Span.End}
	emit := func(from, to []int, c string) {
		if c == "" || c == "---" {
			return
		}
		for _, s := range from {
			for _, t := range to {
				sc, tc := groups[s].code, groups[t].code
				if sc == "---" || tc == "---" || sc == tc {
					continue
				}
				out = append(out, Coded{
					Source: sc, Target: tc, Code: c, Rule: rule, VerbSpan: vspan,
					SourceSpan: span(toks, groups[s]), TargetSpan: span(toks, groups[t]),
				})
			}
		}
	}
	if a, r, ok := strings.Cut(code, ":"); ok {
		emit(srcs, tgts, a)
		emit(tgts, srcs, r)
	} else {
		emit(srcs, tgts, code)
	}
	last = max(b.last, groups[tgts[len(tgts)-1]].end-1)
	return out, last, b.src
}

// clauseBreak reports whether a token ends the search for a verb's
// default source or target: punctuation that closes a clause, and words
// that open a subordinate one.
func clauseBreak(w string) bool {
	switch w {
	case ",", ";", ":", ".", "!", "?", "after", "before", "when", "while", "because", "that", "which",
		"who", "whom", "whose", "if", "since", "until", "although", "though", "where", "but":
		return true
	}
	return false
}

// object returns the first noun phrase after the verb in its clause.
func object(toks []Token, inGroup []int, ve, not int) int {
	for j := ve; j < len(toks); j++ {
		if g := inGroup[j]; g >= 0 && g != not {
			return g
		}
		if clauseBreak(toks[j].Word) {
			return -1
		}
	}
	return -1
}

// subject returns the nearest noun phrase before the verb in its clause,
// skipping one appositive between commas ("Osgiliath, the state's foe,
// said") and the target's compound.
func (m *Matcher) subject(toks []Token, groups []npGroup, inGroup []int, vs, tgt int) int {
	commas := 0
	for j := vs - 1; j >= 0; j-- {
		if g := inGroup[j]; g >= 0 {
			if g != tgt && groups[g].compound != groups[tgt].compound {
				return g
			}
			j = groups[g].start
			continue
		}
		w := toks[j].Word
		if w == "," && commas == 0 && j+1 < vs && hasGroupBefore(inGroup, j) {
			commas++ // the closing comma of an appositive
			continue
		}
		if clauseBreak(w) {
			return -1
		}
	}
	return -1
}

func hasGroupBefore(inGroup []int, j int) bool {
	for k := j - 1; k >= 0; k-- {
		if inGroup[k] >= 0 {
			return true
		}
	}
	return false
}

// passiveAgent returns the group after "by" when the verb at [vs, ve) is
// passive ("was opposed by Osgiliath"), else -1.
func passiveAgent(toks []Token, inGroup []int, vs, ve int) int {
	aux := false
	for j := vs - 1; j >= 0 && j >= vs-3; j-- {
		w := toks[j].Word
		if isBe(w) {
			aux = true
			break
		}
		if !strings.HasSuffix(w, "ly") && w != "not" && w != "earlier" && w != "also" {
			break
		}
	}
	if !aux {
		return -1
	}
	for j := ve; j < len(toks) && j <= ve+3; j++ {
		if toks[j].Word == "by" {
			if j+1 < len(toks) && inGroup[j+1] >= 0 {
				return inGroup[j+1]
			}
			if j+2 < len(toks) && toks[j+1].Word == "the" && inGroup[j+2] >= 0 {
				return inGroup[j+2]
			}
			return -1
		}
		if inGroup[j] >= 0 || clauseBreak(toks[j].Word) {
			return -1
		}
	}
	return -1
}

func isBe(w string) bool {
	switch w {
	case "is", "are", "was", "were", "be", "been", "being", "'s", "'re":
		return true
	}
	return false
}

// nounContext reports whether the verb form at token vs is used as a
// noun: a determiner comes before it with only modifiers between ("a
// brief private visit", "their meeting", "an anti- Gondor parade").
func nounContext(toks []Token, inGroup []int, vs int) bool {
	for j := vs - 1; j >= 0 && j >= vs-4; j-- {
		w := toks[j].Word
		if isDeterminer(w) {
			return true
		}
		if g := inGroup[j]; g >= 0 {
			// A determiner right before a noun phrase is the phrase's
			// own ("the Gondor government pledged"); one before a
			// modifier is not ("an anti- Gondor parade").
			for j > 0 && inGroup[j-1] == g {
				j--
			}
			if j > 0 && isDeterminer(toks[j-1].Word) {
				return false
			}
			continue
		}
		if clauseBreak(w) || isBe(w) || isAux(w) {
			return false
		}
	}
	return false
}

func isDeterminer(w string) bool {
	switch w {
	case "a", "an", "the", "its", "their", "his", "her", "our", "this", "these", "those", "such":
		return true
	}
	return false
}

func isAux(w string) bool {
	switch w {
	case "to", "will", "would", "shall", "should", "can", "could", "may", "might", "must", "has", "have",
		"had", "do", "does", "did", "not", "n't", "ca", "wo", "and", "or", "nor":
		return true
	}
	return false
}

// coordinated reports whether the verb at vs follows "and" or "but", so
// that it shares the previous verb's subject ("condemned X and promised Y").
func coordinated(toks []Token, vs int) bool {
	for j := vs - 1; j >= 0 && j >= vs-3; j-- {
		switch w := toks[j].Word; {
		case w == "and" || w == "but":
			return true
		case strings.HasSuffix(w, "ly") || isAux(w):
			continue
		default:
			return false
		}
	}
	return false
}

func span(toks []Token, g npGroup) event.Span {
	return event.Span{Start: toks[g.start].Span.Start, End: toks[g.end-1].Span.End}
}

// compound returns the groups of g's compound.
func compound(groups []npGroup, g int) []int {
	var out []int
	for i := range groups {
		if groups[i].compound == groups[g].compound {
			out = append(out, i)
		}
	}
	return out
}

// maxGap bounds how many tokens a blank between pattern words may skip.
const maxGap = 6

// matchPattern matches p around the verb at [vs, ve).
func (m *Matcher) matchPattern(p *VerbPattern, toks []Token, groups []npGroup, inGroup []int, vs, ve int) (binding, bool) {
	b := binding{src: -1, tgt: -1, last: ve - 1}
	vi := p.VerbIndex()
	// After the verb, left to right.
	j, glued := ve, p.Elems[vi].Glued
	for _, e := range p.Elems[vi+1:] {
		s, end, ok := m.find(e, toks, groups, inGroup, j, glued, +1, &b)
		if !ok {
			return b, false
		}
		_ = s
		j, glued = end, e.Glued
		b.size++
	}
	b.last = max(b.last, j-1)
	// Before the verb, right to left.
	j = vs - 1
	for k := vi - 1; k >= 0; k-- {
		e := p.Elems[k]
		s, _, ok := m.find(e, toks, groups, inGroup, j, e.Glued, -1, &b)
		if !ok {
			return b, false
		}
		j = s - 1
		b.size++
	}
	return b, true
}

// find locates element e starting at token j and going in direction dir
// (+1 forward, -1 backward), at most maxGap tokens away unless glued. It
// returns the tokens [s, end) the element covers.
func (m *Matcher) find(e Elem, toks []Token, groups []npGroup, inGroup []int, j int, glued bool, dir int, b *binding) (s, end int, ok bool) {
	gap := maxGap
	if glued {
		gap = 0
	}
	for d := 0; d <= gap; d++ {
		at := j + dir*d
		if at < 0 || at >= len(toks) {
			return 0, 0, false
		}
		switch e.Kind {
		case ElemWord:
			if toks[at].Word == e.Text {
				return at, at + 1, true
			}
		case ElemSynset, ElemAlt:
			phrases := e.Alts
			if e.Kind == ElemSynset && dir > 0 {
				phrases = m.synFirst[e.Text][toks[at].Word]
			} else if e.Kind == ElemSynset {
				phrases = m.synLast[e.Text][toks[at].Word]
			}
			for _, ph := range phrases {
				st := at
				if dir < 0 {
					st = at - len(ph) + 1
				}
				if phraseAt(toks, st, ph) {
					return st, st + len(ph), true
				}
			}
		case ElemSource, ElemTarget, ElemCompound, ElemSkip:
			g := inGroup[at]
			if g < 0 {
				if e.Kind == ElemSkip && d == 0 {
					return at, at + 1, true // "^" over a word that is not an actor
				}
				continue
			}
			gr := groups[g]
			switch e.Kind {
			case ElemSource:
				b.src = g
			case ElemTarget:
				b.tgt = g
			case ElemCompound:
				if len(compound(groups, g)) < 2 {
					return 0, 0, false
				}
				// "% *": a compound subject acting on itself ("A and B
				// agree"); "* WITH %": a compound target.
				b.tgt = g
				if dir < 0 {
					b.src = g
				}
			}
			return gr.start, gr.end, true
		}
	}
	return 0, 0, false
}

func phraseAt(toks []Token, s int, ph []string) bool {
	if s < 0 || s+len(ph) > len(toks) {
		return false
	}
	for i, w := range ph {
		if toks[s+i].Word != w {
			return false
		}
	}
	return true
}
