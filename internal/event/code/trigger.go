package code

import (
	"strings"

	"github.com/annals-project/annals/internal/actor"
	"github.com/annals-project/annals/internal/date"
)

// trigger is a pattern that matched in a sentence.
type trigger struct {
	i, end  int // token range: the trigger word through the last pattern word
	p       *Pattern
	target  int // token where the pattern's target slot starts, or -1
	passive bool
	// realis is false for acts that did not (yet) happen: negated,
	// announced, asked for, conditional.
	negated, irrealis bool
	// future is set for a verb after "will", "would" or "going to": the
	// act is announced, which CAMEO codes as intent or threat.
	future bool
	// speaker is the phrase index of the speaker when the trigger lies in
	// reported speech, or -1.
	speaker int
}

// findTriggers finds every pattern match in st and decides which of them
// are real acts.
func (d *doc) findTriggers(st *sentence) {
	n := len(st.toks)
	slogan := st.slogans()
	title := st.titleCase()
	for i := 0; i < n; i++ {
		if st.phraseAt[i] >= 0 || !st.toks[i].word || i < len(slogan) && slogan[i] {
			continue
		}
		if st.toks[i].cap && !title && !st.startsClause(i) && !st.acronym(i) {
			// "Merrill Lynch", "Royal Dutch/Shell", "Operation Desert
			// Storm": a capitalised word inside a sentence is a name.
			continue
		}
		if _, month := date.MonthName(st.toks[i].low); month && st.toks[i].cap && (i+1 < len(st.toks) && isNumber(st.low(i+1)) || i > 0 && isNumber(st.low(i-1))) {
			// "March 12", "3 March": a date, not a march.
			continue
		}
		cands := d.c.verbs.triggers[st.toks[i].low]
		if len(cands) == 0 {
			continue
		}
		noun := st.nounContext(i) || nounsOnly(cands)
		if noun && i > 0 && st.toks[i-1].low == "to" && hasVerb(cands, st.toks[i].low) {
			// "the right to strike", "were expected to rally": the
			// bare form after "to" is an infinitive.
			noun = false
		}
		var best *trigger
		bestLen := -1
		for _, p := range cands {
			if p.Noun != noun && i != 0 {
				continue
			}
			if i == 0 && !p.Noun && !title && len(p.Words) == 0 && (st.toks[i].low == p.Trigger || st.toks[i].low == p.Trigger+"s") {
				// News sentences do not open with an imperative or a
				// bare third person: "Shell said".
				continue
			}
			end, target, ok := d.matchWords(st, p, i)
			if !ok {
				continue
			}
			// At the start of a sentence a capitalised "Fighting" or
			// "Protests" is a noun more often than a verb.
			better := best != nil && end-i == bestLen && p.Noun && !best.p.Noun && i == 0
			if l := end - i; l > bestLen || better || l == bestLen && len(p.Words) > len(best.p.Words) {
				best, bestLen = &trigger{i: i, end: end, p: p, target: target, speaker: -1}, l
			}
		}
		if best == nil {
			continue
		}
		if best.p.Code != Discard {
			st.triggers = append(st.triggers, *best)
		}
		i = best.end - 1
	}
	d.modality(st)
}

// acronym reports a token written all in capitals ("IED", "RPG"): a
// term, not a name.
func (st *sentence) acronym(i int) bool {
	w := st.toks[i].span.Of(st.text)
	if len(w) < 2 {
		return false
	}
	for k := 0; k < len(w); k++ {
		if c := w[k]; c >= 'a' && c <= 'z' {
			return false
		}
	}
	return true
}

// titleCase reports a headline written in title case ("Gunmen Kill 12 in
// Zamfara"), where capitals do not mark names.
func (st *sentence) titleCase() bool {
	caps := 0
	for _, t := range st.toks {
		if !t.word || len(t.low) <= 3 || isNumber(t.low) {
			continue
		}
		if !t.cap && !titleSmall[t.low] {
			// A lower-case content word: running text, however many
			// names it holds ("through Goldman Sachs and Morgan Stanley").
			return false
		}
		if t.cap {
			caps++
		}
	}
	return caps >= 3
}

// titleSmall are the longer function words a title-case headline leaves
// in lower case.
var titleSmall = set("with", "from", "into", "over", "after", "amid", "against", "says", "than", "that",
	"upon", "onto", "near", "during", "before", "about", "under", "without", "between")

// startsClause reports whether token i starts the sentence or a quotation,
// or follows a colon or dash, where a capital is no sign of a name.
func (st *sentence) startsClause(i int) bool {
	if i == 0 {
		return true
	}
	switch w := st.toks[i-1].low; {
	case isQuoteMark(w), w == ":", w == "-", w == "\u2013", w == "\u2014", w == "(", w == "'", w == "\u2018", w == "...", w == "\u2026":
		return true
	}
	return false
}

// nounsOnly reports whether every pattern of a trigger word is a noun:
// "demonstrations" is a noun wherever it stands ("staged noisy
// demonstrations").
func nounsOnly(cands []*Pattern) bool {
	for _, p := range cands {
		if !p.Noun {
			return false
		}
	}
	return true
}

// hasVerb reports whether w, as written, is the lemma of a verb pattern
// among cands.
func hasVerb(cands []*Pattern, w string) bool {
	for _, p := range cands {
		if !p.Noun && p.Trigger == w {
			return true
		}
	}
	return false
}

// slogans marks the tokens of quoted words that are written or chanted,
// not said: "placards reading \"Stop the killings\"", "chanting \"Down with
// the junta\"". What a banner demands is not an event.
func (st *sentence) slogans() []bool {
	var mask []bool
	for i, t := range st.toks {
		if !isQuoteMark(t.low) {
			continue
		}
		marker := false
		for b := i - 1; b >= 0 && b >= i-3; b-- {
			if sloganMarkers[st.toks[b].low] {
				marker = true
				break
			}
			if st.toks[b].word && b < i-1 && st.toks[b].low != "as" {
				break
			}
		}
		if !marker {
			continue
		}
		if mask == nil {
			mask = make([]bool, len(st.toks))
		}
		for j := i + 1; j < len(st.toks) && !isQuoteMark(st.toks[j].low); j++ {
			mask[j] = true
		}
	}
	return mask
}

// isQuoteMark reports the tokens that open or close a quotation.
func isQuoteMark(w string) bool {
	switch w {
	case "\"", "\u201c", "\u201d", "''", "``":
		return true
	}
	return false
}

// sloganMarkers are the words after which a quotation is a slogan.
var sloganMarkers = set("reading", "read", "reads", "slogan", "slogans", "chanting", "chanted", "chant",
	"chants", "shouting", "shouted", "placard", "placards", "banner", "banners", "hashtag", "titled",
	"entitled", "dubbed", "such")

// nounContext reports whether token i stands where a noun does: after a
// determiner, a preposition, a possessive or a number, or at the start.
func (st *sentence) nounContext(i int) bool {
	if i == 0 {
		return true
	}
	prev := st.toks[i-1]
	switch {
	case quantityWord(prev.low) && isVerbyForm(st.toks[i].low):
		// "Thousands demonstrated", "dozens marched".
		return false
	case determiners[prev.low], prepositions[prev.low], prev.low == "'s", prev.low == "’s", st.pluralPossessive(i - 1):
		return true
	case prev.word && prev.low[0] >= '0' && prev.low[0] <= '9':
		// "three protests", "2 attacks"; but "protesters in 2014
		// staged": an -ed form after a year is a verb.
		return !hasEdForm(st.toks[i].low)
	case st.phraseAt[i-1] < 0 && prev.word && !prev.cap && isIngForm(st.toks[i].low) && !beForms[prev.low] &&
		!isAdverb(prev.low) && !negators[prev.low] && prev.low != "and" && prev.low != "or" && !hasEdForm(prev.low):
		// "a board meeting", "the border fighting": a gerund after a
		// plain noun is a noun.
		return true
	case st.phraseAt[i-1] >= 0:
		// "Kazakh protests", "opposition rallies": an actor used as an
		// adjective, unless it is the subject of a verb ("protesters
		// clash"): plural nouns are the usual subjects.
		// A person, a body or a country named in full is a subject.
		ph := st.phrases[st.phraseAt[i-1]]
		switch {
		case ph.actor.person, ph.kind == actor.Person, ph.kind == actor.Org, ph.kind == actor.Country && !ph.demonym, ph.kind == actor.Metonym:
			return false
		}
		return !ph.actor.group && !isVerbyForm(st.toks[i].low)
	}
	return false
}

// pluralPossessive reports an apostrophe at k that closes a plural
// possessive ("the miners' strike"), not a scare quote ("'peaceful'").
func (st *sentence) pluralPossessive(k int) bool {
	if k < 1 || st.toks[k].low != "'" && st.toks[k].low != "’" {
		return false
	}
	prev := st.toks[k-1]
	return prev.span.End == st.toks[k].span.Start && strings.HasSuffix(prev.low, "s") &&
		k+1 < len(st.toks) && st.toks[k].span.End < st.toks[k+1].span.Start
}

// pastForm reports whether w, an inflection of the verb lemma, is a past
// form: not the lemma, its third person or its -ing form ("threw", "fled",
// "attacked").
func pastForm(w, lemma string) bool {
	return w != lemma && w != lemma+"s" && w != lemma+"es" && !isIngForm(w) && !strings.HasSuffix(w, "ies")
}

func isIngForm(w string) bool { return len(w) > 4 && w[len(w)-3:] == "ing" }

func isNumber(w string) bool { return w != "" && w[0] >= '0' && w[0] <= '9' }

// quantityWord reports plural quantities that stand as a subject:
// "thousands", "hundreds", "dozens", "many".
func quantityWord(w string) bool {
	switch w {
	case "thousands", "hundreds", "dozens", "scores", "many", "several", "millions", "tens":
		return true
	}
	return false
}

// isVerbyForm reports forms that are verbs far more often than nouns.
func isVerbyForm(w string) bool {
	n := len(w)
	return n > 3 && (w[n-2:] == "ed" || w[n-3:] == "ing")
}

// matchWords matches p's following words after token i. It returns the
// end of the match and the token where the target slot starts.
func (d *doc) matchWords(st *sentence, p *Pattern, i int) (end, target int, ok bool) {
	n := len(st.toks)
	j, target := i+1, -1
	for k, w := range p.Words {
		window := 4
		if p.Code == Discard {
			// A discarded phrase is a fixed expression: at most one
			// word may stand between its words.
			window = 2
		}
		if p.Target == k {
			target, window = j, 10
		}
		found := -1
		for g := j; g < n && g < j+window; g++ {
			low := st.toks[g].low
			if low == "." || low == ";" || low == ":" {
				break
			}
			if d.c.verbs.isLemma(low, w.Lemma) {
				found = g
				break
			}
		}
		if found < 0 {
			if w.Optional {
				continue
			}
			return 0, 0, false
		}
		j = found + 1
	}
	if p.Target == len(p.Words) {
		target = j
	}
	return j, target, true
}

// modality marks negated and unreal triggers, passives, and the reported
// speech each trigger lies in.
func (d *doc) modality(st *sentence) {
	irrealisFrom := -1 // everything after this token in the clause is unreal
	speechFrom := -1
	speaker := -1
	for k := range st.triggers {
		t := &st.triggers[k]
		if irrealisFrom >= 0 && (st.clauseBreakBetween(irrealisFrom, t.i) || st.finitePast(t, irrealisFrom)) {
			// "accused X of ignoring … and called for talks", "residents
			// refusing to leave their homes threw stones": a finite verb
			// after the complement is a new act of the subject.
			irrealisFrom = -1
		}
		if irrealisFrom >= 0 {
			t.irrealis = true
		}
		if speechFrom >= 0 && t.i > speechFrom {
			t.speaker = speaker
		}
		if !t.p.Noun {
			st.verbModality(t)
			if t.irrealis && irrealisFrom < 0 && !t.negated {
				// "would meet union leaders to discuss their demands":
				// a modal makes the rest of its clause unreal too.
				irrealisFrom = t.end
			}
		} else {
			t.irrealis = t.irrealis || st.background(t) || st.objectOfEarlier(k) || st.generic(t) || st.argumentOfNoun(k) ||
				st.planned(t) || st.notProtest(t)
		}
		if t.p.Flags&(FlagIntent|FlagAppeal) != 0 || st.governsInfinitive(t) {
			if irrealisFrom < 0 {
				irrealisFrom = t.end
			}
		}
		if t.p.Flags&FlagSpeech != 0 && !t.irrealis && !t.negated && speechFrom < 0 {
			speechFrom = t.end
			speaker = -2 // resolved when events are built
		}
	}
	// Irrealis markers that are not triggers: "plans to", "in order to".
	for k := range st.triggers {
		t := &st.triggers[k]
		if t.irrealis || t.p.Noun {
			continue
		}
		if st.infinitiveUnreal(t) {
			t.irrealis = true
		}
	}
}

// finitePast reports whether the verb trigger t, after an unreal
// complement that began at from, is a finite past verb of its own: joined
// by "and", or an irregular past form ("threw", "fled") standing at least
// three tokens after the complement with no "to", modal, auxiliary or
// relative pronoun before it. A regular -ed form there may be a participle
// ("asked police to release those detained").
func (st *sentence) finitePast(t *trigger, from int) bool {
	w := st.toks[t.i].low
	if t.p.Noun || !pastForm(w, t.p.Trigger) {
		return false
	}
	prev := st.low(t.i - 1)
	switch {
	case prev == "and":
		return true
	case regularEd(w, t.p.Trigger), prev == "to", modals[prev], beForms[prev], prev == "have", prev == "has", prev == "had",
		prev == "who", prev == "that", prev == "which":
		return false
	}
	return t.i-from >= 3
}

// regularEd reports whether w is the regular past form of lemma ("stormed",
// "used", "stopped", "carried"), as opposed to an irregular one ("fled").
func regularEd(w, lemma string) bool {
	n := len(lemma)
	if n == 0 {
		return false
	}
	return w == lemma+"ed" || w == lemma+"d" || w == lemma+lemma[n-1:]+"ed" ||
		lemma[n-1] == 'y' && w == lemma[:n-1]+"ied"
}

// futureModals announce what their subject will do.
var futureModals = set("will", "would", "'ll", "wo", "shall", "going")

// verbModality sets negation, modality and voice for a verb trigger.
func (st *sentence) verbModality(t *trigger) {
	for b := t.i - 1; b >= 0 && b >= t.i-4; b-- {
		w := st.toks[b].low
		if !st.toks[b].word && w != "n't" && w != "'ll" {
			break
		}
		if st.phraseAt[b] >= 0 {
			break
		}
		switch {
		case negators[w]:
			t.negated = true
		case modals[w]:
			t.irrealis = true
			t.future = t.future || futureModals[w]
		case beForms[w] && b == t.i-1 || beForms[w] && b == t.i-2 && isAdverb(st.toks[t.i-1].low):
			if w != "'s" || hasEdForm(st.toks[t.i].low) {
				t.passive = hasEdForm(st.toks[t.i].low) || isIrregularParticiple(st.toks[t.i].low)
			}
		}
	}
}

func isAdverb(w string) bool { return len(w) > 3 && w[len(w)-2:] == "ly" || midAdverbs[w] }

// midAdverbs are adverbs without -ly that stand between an auxiliary and
// its verb: "were later arrested", "was also injured".
var midAdverbs = set("also", "later", "then", "soon", "again", "still", "already", "just", "since", "often",
	"twice", "once", "all", "both", "each", "thereafter", "afterwards")

func hasEdForm(w string) bool { return len(w) > 3 && w[len(w)-2:] == "ed" }

// isIrregularParticiple covers the participles of irregular verbs that
// triggers often use.
func isIrregularParticiple(w string) bool {
	switch w {
	case "shot", "hit", "held", "seized", "taken", "beaten", "killed", "hurt", "struck", "thrown",
		"caught", "led", "sent", "brought", "driven", "fought", "met", "set", "given", "shut", "stolen",
		"found", "told", "blown", "burnt", "sought", "overthrown", "forbidden", "withdrawn", "undertaken":
		return true
	}
	return false
}

// infinitiveUnreal reports whether the verb trigger t is an infinitive
// governed by a word of intent, appeal or purpose: "plans to visit", "urged
// them to leave", "in order to quell". A protest infinitive with nothing of
// the kind before it tells the purpose of what the subject did and so is
// done too: "workers walked out to protest the layoffs", "stood outside
// parliament to protest".
func (st *sentence) infinitiveUnreal(t *trigger) bool {
	i := t.i
	if i == 0 || st.toks[i-1].low != "to" {
		return false
	}
	for b := i - 2; b >= 0 && b >= i-8; b-- {
		w := st.toks[b].low
		if w == "." || w == ";" {
			return false
		}
		if irrealis[w] || modals[w] || purpose[w] && b+1 < len(st.toks) && st.toks[b+1].low == "to" {
			return true
		}
		switch w {
		case "began", "begun", "started", "continued", "went", "moved", "managed", "used":
			return false
		}
	}
	// "the right to strike", "voted to strike": a noun or verb of
	// permission or decision before it makes a protest infinitive unreal.
	if t.p.Code[:2] != "14" {
		return true
	}
	for b := i - 2; b >= 0 && b >= i-9; b-- {
		if w := st.low(b); modalNouns[w] || irrealis[w] {
			return true
		} else if w == "," || w == ";" {
			break
		}
	}
	return false
}

// modalNouns head an infinitive that says what may, must or will be done.
// (The verbs and nouns of intent in irrealis count too; these are the
// others.)
var modalNouns = set("right", "approval", "permit", "permission", "decision", "vote", "voted", "votes", "threat",
	"intention", "licence", "license", "freedom", "ban", "refusal", "readiness", "willingness", "mandate", "ballot",
	"authorization", "authorisation", "going")

// governsInfinitive reports whether a verb trigger is followed by an
// infinitive it governs as intent ("threatened to strike").
func (st *sentence) governsInfinitive(t *trigger) bool {
	if t.p.Noun {
		return false
	}
	if !irrealis[st.toks[t.i].low] {
		return false
	}
	// "threatened to strike", "urged security forces to …", "warned
	// Israelis to …": an infinitive right after the verb or its object.
	for g := t.end; g < len(st.toks) && g < t.end+5; g++ {
		switch w := st.toks[g].low; {
		case w == "to":
			return true
		case !st.toks[g].word:
			return false
		}
	}
	return false
}

// clauseBreakBetween reports a clause boundary between tokens a and b: a
// conjunction that opens a new clause, or a comma followed by a new
// subject (", and Azerbaijan denied …").
func (st *sentence) clauseBreakBetween(a, b int) bool {
	for k := max(a, 0); k < b && k < len(st.toks); k++ {
		switch st.toks[k].low {
		case ";", "but", "while", "whereas", "although", "meanwhile":
			return true
		case "as", "when", "because", "after", "before", "since", "until", "unless", "if":
			// A subordinate clause with a subject of its own: "… as
			// protesters were throwing stones".
			n := k + 1
			for n < b && determiners[st.toks[n].low] {
				n++
			}
			if st.phraseOf(n) != nil || personPronouns[st.low(n)] || st.low(n) == "they" || st.low(n) == "it" || st.low(n) == "we" {
				return true
			}
		case ",":
			n := k + 1
			if n < b && (st.toks[n].low == "and" || st.toks[n].low == "but") {
				n++
			}
			for n < b && determiners[st.toks[n].low] {
				n++
			}
			if p := st.phraseOf(n); p != nil && p.to < len(st.toks) && st.toks[p.to].word && !st.toks[p.to].cap {
				return true
			}
		}
	}
	return false
}

// objectOfEarlier reports whether the nominal trigger k is what an
// earlier verb trigger of its clause acts on: "condemned the attack",
// "claimed responsibility for the bombing". The sentence reports the
// condemnation; the attack is coded where it is reported.
func (st *sentence) objectOfEarlier(k int) bool {
	t := st.triggers[k]
	b := t.i - 1
	for b >= 0 && determiners[st.toks[b].low] {
		b--
	}
	switch st.low(b) {
	case "during", "amid", "amidst", "at", "in", "throughout", "by":
		// "arrested during protests": what happened around the act, not
		// what it acted on; "disrupted by strike action": who did it.
		return false
	}
	for j := k - 1; j >= 0; j-- {
		v := st.triggers[j]
		if v.p.Noun {
			continue
		}
		if t.i-v.end <= 5 && !st.clauseBreakBetween(v.end, t.i) {
			for g := v.end; g < t.i; g++ {
				if st.toks[g].low == "," || st.toks[g].low == "." {
					return false
				}
			}
			return true
		}
		return false
	}
	return false
}

// generic reports whether a nominal event at t is a kind of event, not
// one that happened: "a rise in strike action", "strikes have increased
// over the past decade", "protests are becoming longer".
func (st *sentence) generic(t *trigger) bool {
	if st.low(t.i-1) == "in" && trendNouns[st.low(t.i-2)] || st.low(t.i-1) == "of" && st.low(t.i-2) == "number" {
		return true
	}
	w := st.toks[t.end-1].low
	prev := st.low(t.i - 1)
	if prev == "that" || prev == "this" || prev == "a" || prev == "an" {
		// "indicates that strikes are becoming bigger": no determiner
		// of a plural.
		prev = ""
	}
	if w[len(w)-1] != 's' || t.i > 0 && (determiners[prev] || st.phraseAt[t.i-1] >= 0 || isNumber(prev) || prev == "'s") {
		return false
	}
	for g := t.end; g < len(st.toks) && g < t.end+12; g++ {
		switch v := st.toks[g].low; {
		case trendVerbs[v]:
			return trendUse(v, st.toks, g+1)
		case g == t.end && (v == "are" || v == "were") && genericPredicates[st.low(g+1)]:
			// "protests were a legitimate part of democracy".
			return true
		case g == t.end && modals[v] && v != "will" && v != "'ll":
			// "Prolonged strikes may lead to closures": strikes as a
			// kind, in what could happen.
			return true
		case v == "," || v == ";" || v == "that" || v == "which" || v == "and" || v == "but":
			return false
		}
	}
	return false
}

// genericPredicates say what a kind of event is: "strikes are a right",
// "protests were legal".
var genericPredicates = set("a", "an", "part", "legitimate", "legal", "illegal", "common", "rare", "normal",
	"banned", "allowed", "permitted", "forbidden", "unusual", "frequent", "seen", "considered", "rarely", "often")

// trendUse reports whether the trend verb w, followed by the tokens from
// next, speaks of how often events happen: "became more common", "have
// increased sharply"; not "became widespread across Kenya on Tuesday" or
// "increased pressure on the government".
func trendUse(w string, toks []tok, next int) bool {
	n := ""
	if next < len(toks) {
		n = toks[next].low
	}
	if w == "become" || w == "became" || w == "becoming" {
		return n == "more" || n == "less" || frequencyWords[n] || len(n) > 4 && strings.HasSuffix(n, "er") && next < len(toks) && toks[next].word
	}
	switch {
	case n == "up":
		return false // "protests rose up"
	case next >= len(toks), !toks[next].word, isAdverb(n), prepositions[n], n == "and", n == "again":
		return true
	}
	return false // a transitive use: "increased pressure"
}

// frequencyWords say how often something happens.
var frequencyWords = set("common", "rare", "frequent", "routine", "regular", "commonplace", "rarer", "commoner")

// trendNouns and trendVerbs speak of how often events happen. The verbs
// are the forms that cannot be nouns ("a rise in prices" is not a trend of
// its subject).
var (
	trendNouns = set("rise", "increase", "growth", "decline", "decrease", "fall", "drop")
	trendVerbs = set("increased", "rose", "risen", "declined", "fell", "fallen", "decreased", "become",
		"became", "becoming", "doubled", "tripled")
)

// yearWord reads a year from 1900 to 2099.
func yearWord(w string) (int, bool) {
	if len(w) != 4 || !(w[:2] == "19" || w[:2] == "20") {
		return 0, false
	}
	y := 0
	for k := 0; k < 4; k++ {
		if w[k] < '0' || w[k] > '9' {
			return 0, false
		}
		y = y*10 + int(w[k]-'0')
	}
	return y, true
}

// planned reports a nominal event that is still planned: "a general
// strike planned for Monday", "the march scheduled for Friday".
func (st *sentence) planned(t *trigger) bool {
	switch st.low(t.end) {
	case "planned", "scheduled", "proposed", "threatened", "expected", "slated":
		return true
	case "due":
		return st.low(t.end+1) != "to" // "a strike due to unpaid wages" happened
	}
	return false
}

// notProtest reports a protest noun in another sense: "the demonstration
// of the new missile system" shows a thing, it protests nothing.
func (st *sentence) notProtest(t *trigger) bool {
	if st.low(t.i) != "demonstration" || st.low(t.end) != "of" {
		return false
	}
	g := t.end + 1
	for n := 0; g < len(st.toks) && n < 3 && (determiners[st.low(g)] || isAdjectiveLike(st.toks[g])) && st.phraseAt[g] < 0; n++ {
		g++
	}
	if g >= len(st.toks) || st.phraseAt[g] >= 0 {
		return false // "a demonstration of students"
	}
	w := st.low(g)
	return !quantity(w) && !quantityWord(w) && !isNumber(w) && w != "support" && w != "solidarity" && w != "anger" && w != "people"
}

// isAdjectiveLike reports a lower-case word that may modify a noun.
func isAdjectiveLike(t tok) bool {
	return t.word && !t.cap && (strings.HasSuffix(t.low, "ed") || strings.HasSuffix(t.low, "al") ||
		strings.HasSuffix(t.low, "ive") || strings.HasSuffix(t.low, "ic") || strings.HasSuffix(t.low, "ous") ||
		t.low == "new" || t.low == "latest" || t.low == "first")
}

// argumentOfNoun reports whether the nominal trigger k is what an event
// noun just before it is about: "an investigation into the killing of
// protesters", "a trial over the bombing". The sentence reports the
// investigation; the killing is coded where it is reported.
func (st *sentence) argumentOfNoun(k int) bool {
	if k == 0 {
		return false
	}
	v, t := st.triggers[k-1], st.triggers[k]
	if !v.p.Noun || v.p.Code[:2] == t.p.Code[:2] {
		return false
	}
	g := v.end
	if g >= t.i || !nounArgPreps[st.low(g)] {
		return false
	}
	for g++; g < t.i; g++ {
		if !determiners[st.low(g)] {
			return false
		}
	}
	return true
}

// nounArgPreps join an event noun to what it is about.
var nounArgPreps = set("into", "of", "over", "about", "on", "for", "against")

// background reports whether a nominal event at i is an old one: "last
// year's protests", "the 2019 attack", "after the attacks", "the Paris
// attacks" (a past event known by its place or date).
func (st *sentence) background(t *trigger) bool {
	i := t.i
	if prev := st.toks[max(i-1, 0)]; i > 1 && prev.cap && prev.word && st.phraseAt[i-1] < 0 && !determiners[prev.low] && !notNames[prev.low] {
		return true
	}
	if e := t.end; st.low(e) == "in" || st.low(e) == "since" || st.low(e) == "during" || st.low(e) == "of" {
		// "scene of fierce fighting in 1983", "the miners' strike of
		// 1984": an event of a past year.
		if y, ok := yearWord(st.low(e + 1)); ok && st.doc != nil && y < st.doc.ref.Year {
			return true
		}
	}
	for b := i - 1; b >= 0 && b >= i-4; b-- {
		w := st.toks[b].low
		if backgroundMarkers[w] {
			return true
		}
		switch w {
		case "ahead", "due":
			// "ahead of the rally", "due to the unrest"; not "went
			// ahead with a march".
			if st.low(b+1) == "of" || st.low(b+1) == "to" {
				return true
			}
		case "after", "following", "since", "before", "wake", "because", "amid", "amidst":
			// A cause or a backdrop ("amid protests") is not what the
			// sentence reports.
			return true
		}
		if _, ok := yearWord(w); ok && st.low(b-1) != "in" {
			// "the 2019 attack"; "activists in 2018 organised
			// demonstrations" dates them, it does not make them old.
			return true
		}
	}
	return false
}
