package code

import (
	"github.com/annals-project/annals/internal/actor"
	"github.com/annals-project/annals/internal/cameo"
	"github.com/annals-project/annals/internal/count"
	"github.com/annals-project/annals/internal/event"
	"slices"
	"strings"
)

// locationPreps introduce a place, not a participant.
var locationPreps = set("in", "at", "near", "across", "throughout", "outside", "inside", "around", "from")

// statementRoles are the roles whose speech is itself a political event.
// Media, witnesses and unnamed people report; they do not make statements.
var nonStatementRoles = set("MED", "CVL", "")

// politicalRoles are the roles whose word is a statement when cited with
// "according to".
var politicalRoles = set("GOV", "LEG", "JUD", "MIL", "IGO", "OPP", "REB", "INS", "SEP")

// events turns the triggers of one sentence into events.
func (d *doc) events(st *sentence, sc *sentenceContext) ([]event.Event, []evInfo) {
	var out []event.Event
	var info []evInfo
	if b := st.s.Block; b >= 0 && b < len(d.a.Blocks) && d.a.Blocks[b].Kind == event.BlockSignature {
		// "— Name (@handle) March 12, 2024" reports no event.
		return nil, nil
	}
	var prevSources []*phraseActor
	prevEnd := -1
	for k := range st.triggers {
		t := &st.triggers[k]
		sources, target := d.participants(st, t)
		// Coordinated verbs share their subject: "attacked the airport,
		// entered buildings and set fire to …".
		if !t.p.Noun && !t.passive && prevSources != nil && !st.clauseBreakBetween(prevEnd, t.i) && !st.nounSubject(t.i) &&
			(len(sources) == 0 || st.low(t.i-1) == "and" && st.subjectAfter(sources, prevEnd)) {
			sources = prevSources
		}
		if !t.p.Noun && !t.passive {
			prevSources, prevEnd = sources, t.end
		}
		if t.future && !t.negated && t.irrealis && t.speaker != -1 {
			// "said it would provide air defences": announcing one's
			// own act is intent (03) or, for force, a threat (13). A
			// schedule the reporter gives ("the ministers will meet on
			// Sunday") announces nothing.
			c := intentCode(t.p.Code)
			if c == "" {
				continue
			}
			p := *t.p
			p.Code = c
			nt := *t
			nt.p, nt.irrealis = &p, false
			t = &nt
		}
		if t.negated || t.irrealis {
			continue
		}
		if st.participleOfProtest(k) {
			// "staged a human chain, demanding …": what the protest
			// demands is part of the protest.
			continue
		}
		if t.p.Flags&FlagIntent != 0 && !t.p.Noun && isIngForm(st.toks[t.i].low) && t.i > 0 && st.phraseAt[t.i-1] >= 0 {
			// "villagers refusing to leave their land threw stones":
			// the participle describes the crowd; it reports no act.
			continue
		}
		if d.sportsPlay(st, t) {
			// "Liverpool's attack struggled", "Chelsea beat Arsenal 2-1".
			continue
		}
		if st.natural(t) {
			// "Floods destroyed homes", "killed when a bus collided":
			// nature and accidents are not political actors.
			continue
		}
		speech := t.p.Flags&FlagSpeech != 0
		if speech {
			// The speaker attributes what follows.
			if len(sources) > 0 {
				for j := k + 1; j < len(st.triggers); j++ {
					if st.triggers[j].speaker == -2 {
						st.triggers[j].speaker = st.phraseAt[sourceTok(st, sources[0])]
					}
				}
			}
			sources = slices.DeleteFunc(slices.Clone(sources), func(a *phraseActor) bool {
				if t.p.Trigger == "according" {
					// "according to" cites a source; only a political one
					// makes it a statement.
					return !a.person && !politicalRoles[a.Role]
				}
				return nonStatementRoles[a.Role] && !a.person
			})
			if len(sources) == 0 {
				continue
			}
		}
		if t.p.Flags&FlagActor != 0 && (len(sources) == 0 || t.p.Code[:2] == "14" && allState(sources)) {
			// "protesters gathered" is a protest; "ministers gathered"
			// and "troops massed" are not.
			continue
		}
		if t.p.Flags&FlagActor != 0 && t.p.Code[:2] == "14" && st.cue().festive && !slices.ContainsFunc(sources, isProtester) {
			// "fans gathered to celebrate the title", "pilgrims gathered
			// for the hajj".
			continue
		}
		if t.p.Flags&FlagLabour != 0 && !slices.ContainsFunc(sources, isWorkers) {
			// "coal miners struck"; rebels who struck did not strike.
			continue
		}
		if t.p.Flags&FlagCrowd != 0 && !slices.ContainsFunc(sources, isCrowd) {
			// "residents blocked the highway" is a protest; "China
			// blocked the resolution" is not.
			continue
		}
		if t.p.Noun && d.anaphoric(st, t) {
			// "… clashed in the town. 20 people were injured in the
			// clash": the clash is the one already coded.
			continue
		}
		if t.p.Noun && t.p.Code[:2] != "14" && len(sources) == 0 && target == nil && len(sc.places) == 0 && !st.hasActor() {
			// "after a board meeting": a nominal event with no actor and
			// no place in its sentence is not a political event.
			continue
		}
		if len(sources) == 0 {
			sources = []*phraseActor{nil}
		}
		if len(sources) == 2 && target == nil && reciprocal(t.p.Code) {
			// "Armenia and Azerbaijan held talks", "Indian and Chinese
			// troops clashed": each acts on the other.
			for _, pair := range [][2]*phraseActor{{sources[0], sources[1]}, {sources[1], sources[0]}} {
				out, info = d.add(out, info, st, sc, t, pair[0], pair[1])
			}
			continue
		}
		targets := st.targets(target, sources)
		for _, src := range sources {
			for _, tgt := range targets {
				out, info = d.add(out, info, st, sc, t, src, tgt)
			}
		}
	}
	return out, info
}

// add codes one event and appends it with what the ACLED pass needs,
// unless the sentence already has the same event: "attacked a checkpoint,
// killing three soldiers" is one attack.
func (d *doc) add(out []event.Event, info []evInfo, st *sentence, sc *sentenceContext, t *trigger, src, tgt *phraseActor) ([]event.Event, []evInfo) {
	ev, ok := d.event(st, sc, t, src, tgt)
	if !ok {
		return out, info
	}
	for i := len(out) - 1; i >= 0 && out[i].Sentence == ev.Sentence; i-- {
		if out[i].CAMEO == ev.CAMEO && actorCode(out[i].Source) == actorCode(ev.Source) && actorCode(out[i].Target) == actorCode(ev.Target) {
			setCounts(&out[i], count.Counts{Killed: ev.Fatalities, Injured: ev.Injuries, Crowd: ev.Crowd})
			return out, info
		}
		if t.p.Noun && violentRoot(out[i].Root) && violentRoot(ev.Root) && (st.low(t.i-2) == "in" || st.low(t.i-1) == "in") && ev.Source != nil && ev.Source.Role == "" {
			// "Gunmen killed 12 villagers in an attack on a village": the
			// attack is the killing, told again as a noun.
			setCounts(&out[i], count.Counts{Killed: ev.Fatalities, Injured: ev.Injuries, Crowd: ev.Crowd})
			return out, info
		}
		if consequence(st, t) && violentRoot(out[i].Root) && violentRoot(ev.Root) && actorCode(out[i].Source) == actorCode(ev.Source) &&
			(out[i].Target == nil || actorCode(out[i].Target) == actorCode(ev.Target)) {
			// "opened fire on a market, killing 12 villagers": the
			// killing is what the attack did, not a second attack.
			if out[i].Target == nil {
				// What was hit types the attack for ACLED too.
				out[i].Target, out[i].ACLEDType, out[i].ACLEDSubtype = ev.Target, ev.ACLEDType, ev.ACLEDSubtype
			}
			// The evidence runs from the attack to what it did.
			out[i].Span.End = max(out[i].Span.End, ev.Span.End)
			setCounts(&out[i], count.Counts{Killed: ev.Fatalities, Injured: ev.Injuries, Crowd: ev.Crowd})
			return out, info
		}
	}
	d.roots[ev.Root] = true
	return append(out, ev), append(info, evInfo{block: st.s.Block, violent: t.p.Flags&FlagViolent != 0 || ev.Root >= "17",
		crowd: src == nil || !src.single && !st.stateBody(src), named: src != nil, single: src != nil && src.single, crime: src != nil && src.Role == "CRM",
		mob:   ev.CAMEO == "145" && t.p.Code[:2] != "14" && !protestGroup(src, st) && !st.hasProtest() && !st.cue().demanding,
		melee: melee(ev.CAMEO), private: st.cue().privateCrime, noun: t.p.Noun,
		conflictDeal: st.cue().conflictDeal || armedParty(src) || armedParty(tgt)})
}

// isCrowd reports whether a is people acting together outside the state:
// residents, villagers, workers, students, protesters, a crowd or a mob.
func isCrowd(a *phraseActor) bool {
	if a == nil || !a.group {
		return false
	}
	if roleIs(a.Role, classPeople) {
		return true
	}
	switch a.Role {
	case "OPP":
		// "activists", "opposition supporters"; not "the opposition"
		// or a party.
		t := lower(a.Text)
		return a.protester || strings.HasSuffix(t, "s") && !strings.Contains(t, "part")
	}
	return a.protester
}

// isProtester reports a crowd named by its protest ("protesters").
func isProtester(a *phraseActor) bool { return a != nil && a.protester }

// isWorkers reports sources that strike: workers, medics, teachers and
// students, farmers.
func isWorkers(a *phraseActor) bool { return a != nil && a.group && roleIs(a.Role, classWorkers) }

// unarmed reports sources that are no armed organisation: civilians,
// opposition, students, workers, farmers.
func unarmed(a *phraseActor) bool { return a != nil && roleIs(a.Role, classUnarmed) }

// allState reports whether every source is the state or an international
// body.
func allState(sources []*phraseActor) bool {
	for _, a := range sources {
		if a == nil || !roleIs(a.Role, classState) {
			return false
		}
	}
	return true
}

// stateBody reports a source that is a state or its government as such
// ("the Syrian government", "the US", "Moscow"), which is never a crowd,
// unlike a party's members or supporters.
func (st *sentence) stateBody(a *phraseActor) bool {
	p := st.phraseOf(sourceTok(st, a))
	if p == nil || p.actor != a {
		return false
	}
	switch p.kind {
	case actor.Country, actor.Metonym:
		return true
	case actor.Agent:
		return a.Role == "GOV" || a.Role == "LEG" || a.Role == "JUD"
	}
	return false
}

// armedParty reports an armed group or a military as a party.
func armedParty(a *phraseActor) bool { return a != nil && roleIs(a.Role, classFighter) }

// sourceCountry is the country an event's source takes when the text
// names none: for the state's own agents in reported speech, the
// speaker's ("Turkey's minister said the army would …": the Turkish
// army), else the place's (placeCountry).
func (st *sentence) sourceCountry(sc *sentenceContext, t *trigger, src *phraseActor) string {
	if src != nil && src.Country == "" && roleIs(src.Role, classState) && t.speaker >= 0 && t.speaker < len(st.phrases) {
		if sp := st.phrases[t.speaker].actor; sp != nil && sp.Country != "" {
			return sp.Country
		}
	}
	return st.placeCountry(sc)
}

// targetCountry is the country an event's target takes when the text
// names none: what a speaker says of the state's agents ("the army", "the
// police") is of the speaker's country, else of the place's.
func (st *sentence) targetCountry(sc *sentenceContext, t *trigger, src, tgt *phraseActor) string {
	if tgt != nil && tgt.Country == "" && roleIs(tgt.Role, classState) {
		if t.p.Flags&FlagSpeech != 0 && src != nil && src.Country != "" {
			return src.Country
		}
		if t.speaker >= 0 && t.speaker < len(st.phrases) {
			if sp := st.phrases[t.speaker].actor; sp != nil && sp.Country != "" {
				return sp.Country
			}
		}
	}
	return st.placeCountry(sc)
}

// intentCode returns the CAMEO code of announcing the act coded code:
// an intent to meet, cooperate, aid or yield (03x), or a threat of
// protest, sanctions, repression or force (13x); "" for acts whose
// announcement CAMEO does not code.
func intentCode(code string) string {
	switch code[:2] {
	case "04":
		return "036"
	case "05":
		return "032"
	case "06":
		return "031"
	case "07":
		return "033"
	case "08":
		return "035"
	case "14":
		return "133"
	case "16":
		return "1312"
	case "17":
		return "137"
	case "15", "18", "19", "20":
		return "138"
	}
	return ""
}

// weaponCodes are the CAMEO codes of attacks by the weapons a sentence
// names.
var weaponCodes = map[cameo.Weapon]string{cameo.WeaponSuicide: "1831", cameo.WeaponExplosive: "183",
	cameo.WeaponAir: "195", cameo.WeaponShelling: "194", cameo.WeaponGrenade: "183", cameo.WeaponChemical: "2041"}

// melee reports the codes of violence by hand or at close range, which an
// unnamed crowd may commit: riots, beatings, stabbings, lynchings,
// arson and looting, clashes.
func melee(code string) bool {
	switch code {
	case "145", "1451", "1452", "1453", "1454", "180", "182", "1821", "1822", "1823", "1712", "1711", "190":
		return true
	}
	return false
}

// consequence reports a participle that tells what the act before it did:
// ", killing three", ", wounding 12".
func consequence(st *sentence, t *trigger) bool {
	return !t.p.Noun && st.low(t.i-1) == "," && isIngForm(st.toks[t.i].low)
}

// violentRoot reports the CAMEO roots of assault and fighting, 18 to 20.
func violentRoot(r string) bool { return r >= "18" && r <= "20" }

func actorCode(a *event.Actor) string {
	if a == nil {
		return ""
	}
	return a.Code
}

// participleOfProtest reports whether trigger k is a participle or
// infinitive of demand, appeal or criticism that follows a protest trigger
// in the same sentence.
func (st *sentence) participleOfProtest(k int) bool {
	t := st.triggers[k]
	w := st.toks[t.i].low
	if !(len(w) > 4 && w[len(w)-3:] == "ing") && st.low(t.i-1) != "to" {
		return false
	}
	switch t.p.Code[:2] {
	case "02", "10", "11", "12", "13":
	default:
		return false
	}
	for j := k - 1; j >= 0; j-- {
		if st.triggers[j].p.Code[:2] == "14" {
			return true
		}
	}
	return false
}

// natural reports a trigger whose doer is nature or an accident: a
// disaster or accident noun in the words just around it, and no actor
// before it.
func (st *sentence) natural(t *trigger) bool {
	if t.p.Code[:2] < "14" {
		return false
	}
	// The doer stands anywhere before the trigger in its clause ("A fire
	// at a garment factory killed nine", "Floodwaters swept away homes,
	// killing 12"); a disaster after it is its cause when close.
	to := min(t.end+6, len(st.toks))
	for g := max(t.i-4, 0); g < to; g++ {
		if animals[st.toks[g].low] && (t.p.Code[:2] == "20" || t.p.Code[:2] >= "18" && g > t.i && g <= t.end+2) {
			// "cattle were slaughtered", "poultry slaughter", "killed
			// 200 cattle": animals are not the victims of political
			// violence (looted cattle are still looted).
			return true
		}
	}
	for g := 1; g < t.i; g++ {
		if accidentVerbs[st.toks[g].low] && (consequence(st, t) || st.phraseAt[g-1] >= 0) {
			// "The military helicopter crashed, killing 12": what
			// crashed is no doer.
			return true
		}
	}
	if t.p.Trigger == "set" || st.doerBefore(t) {
		// Arson is done by someone; a political actor or a crowd
		// before the act did it ("residents looted shops after the
		// floods"); "in Dhaka" is only where.
		return false
	}
	from := 0
	if !consequence(st, t) {
		// "In the wake of the floods, residents looted shops": a
		// disaster in an opening phrase is the backdrop, not the doer.
		for g := t.i - 1; g >= 0; g-- {
			if st.toks[g].low == "," {
				from = g + 1
				break
			}
		}
	}
	for g := from; g < to; g++ {
		if w := st.toks[g].low; disasters[w] && (w != "fire" && w != "fires" || fireBefore[st.low(g-1)] && !arsonVerbs[st.low(g-2)]) {
			return true
		}
	}
	return false
}

// doerBefore reports an actor before the trigger that may have done it: a
// political actor, or a crowd of civilians; not a place after "in", nor
// the subject of a passive ("villagers were killed by a landslide").
func (st *sentence) doerBefore(t *trigger) bool {
	if t.passive {
		return false
	}
	for b := t.i - 1; b >= 0; b-- {
		p := st.phraseOf(b)
		if p == nil || p.actor == nil || p.actor.Role == "" {
			continue
		}
		b = p.from
		if st.locativeTok(p.from, st.toks[p.to-1].span.End) {
			continue
		}
		if p.actor.Role != "CVL" || p.actor.group && t.p.Code[:2] <= "18" && !st.disasterBefore(p.from) {
			// A crowd is a doer unless a disaster was named before it
			// ("A cyclone killed 30 people and destroyed homes").
			return true
		}
	}
	return false
}

// disasterBefore reports a disaster word before token i.
func (st *sentence) disasterBefore(i int) bool {
	for g := 0; g < i; g++ {
		if disasters[st.toks[g].low] {
			return true
		}
	}
	return false
}

// arsonVerbs set fires: "a mob set a fire at the station".
var arsonVerbs = set("set", "sets", "setting", "started", "start", "lit", "light")

// animals are the victims of slaughter that is not a massacre.
var animals = set("cattle", "cow", "cows", "hog", "hogs", "pig", "pigs", "poultry", "chicken", "chickens",
	"sheep", "goat", "goats", "livestock", "animals", "broiler", "broilers", "calves", "steers", "heifers",
	"lambs", "birds", "fowl", "dogs", "elephants", "whales", "rhinos")

// accidentVerbs say that their subject had an accident.
var accidentVerbs = set("crashed", "collided", "plunged", "overturned", "capsized", "derailed", "collapsed")

// fireBefore are the words before "fire" that make it a blaze, not
// shooting ("opened fire") or arson ("set on fire"): "a fire at a
// factory", "the fire spread".
var fireBefore = set("a", "the", "huge", "massive", "major", "deadly", "big", "large", "devastating", "forest",
	"bush", "house", "factory", "building", "market", "electrical")

// disasters are nouns of natural disasters and accidents.
var disasters = set("flood", "floods", "flooding", "earthquake", "earthquakes", "quake", "storm", "storms",
	"cyclone", "hurricane", "typhoon", "tornado", "tsunami", "landslide", "landslides", "mudslide",
	"avalanche", "wildfire", "wildfires", "blaze", "drought", "heatwave", "lightning", "accident",
	"accidents", "crash", "collision", "collided", "derailment", "derailed", "capsized", "epidemic",
	"outbreak", "disease", "virus", "floodwaters", "flash", "fire", "fires", "inferno", "plunged", "overturned",
	"gorge", "ravine", "stampede", "collapse", "collapsed", "drowned", "drowning", "electrocuted", "eruption",
	"volcano", "snowstorm", "blizzard", "crashed", "monsoon", "rains", "downpour", "mudslides")

// anaphoric reports whether a nominal trigger with a definite article
// refers back to an event of the same root already coded in the document.
func (d *doc) anaphoric(st *sentence, t *trigger) bool {
	if t.i == 0 {
		return false
	}
	switch st.toks[t.i-1].low {
	case "the", "this", "that", "these", "those":
	default:
		return false
	}
	return d.roots[t.p.Code[:2]] || t.p.Code[:2] == "14" && d.roots["14"]
}

// reciprocal reports codes whose compound subject acts on itself: talks,
// meetings, negotiations, cooperation, agreements, fighting.
func reciprocal(code string) bool {
	switch code[:2] {
	case "04", "05", "06", "19":
		return true
	}
	return false
}

// hasActor reports whether the sentence names any actor.
func (st *sentence) hasActor() bool {
	for _, p := range st.phrases {
		if p.actor != nil && (p.actor.Code != "" || p.actor.Role != "") {
			return true
		}
	}
	return false
}

// nounSubject reports a plain noun right before a verb, past auxiliaries
// and adverbs: the verb has a subject, one no dictionary knows ("…,
// survivors said").
func (st *sentence) nounSubject(i int) bool {
	b := i - 1
	for b >= 0 && (auxiliary(st.toks[b].low) || isAdverb(st.toks[b].low) || negators[st.toks[b].low]) {
		b--
	}
	if b < 0 || st.phraseAt[b] >= 0 {
		return false
	}
	t := st.toks[b]
	switch t.low {
	case "and", "or", "but", "then", "who", "which", "that":
		return false
	}
	return t.word && !t.cap && !determiners[t.low] && !prepositions[t.low] && !isNumber(t.low) && !hasEdForm(t.low)
}

// subjectAfter reports whether the subject found for a verb lies after
// the previous verb, where an object stands: "accused the government of
// ignoring families and called for talks" — families did not call.
func (st *sentence) subjectAfter(sources []*phraseActor, prevEnd int) bool {
	return prevEnd >= 0 && prevEnd < len(st.toks) && sources[0].Span.Start >= st.toks[prevEnd-1].span.End
}

// sourceTok returns the first token of the phrase an actor came from.
func sourceTok(st *sentence, a *phraseActor) int {
	for _, p := range st.phrases {
		if p.actor == a {
			return p.from
		}
	}
	return 0
}

// participants finds the source(s) and target of a trigger.
func (d *doc) participants(st *sentence, t *trigger) ([]*phraseActor, *phraseActor) {
	switch {
	case t.p.Trigger == "according":
		// "according to X": X is the speaker.
		if p := st.phraseAfter(t.end, 4, false); p != nil {
			return []*phraseActor{p.actor}, nil
		}
		return nil, nil
	case t.passive:
		var src []*phraseActor
		for g := t.end; g < len(st.toks) && g < t.end+6; g++ {
			if st.toks[g].low == "by" {
				if p := st.phraseAfter(g+1, 3, false); p != nil {
					src = st.conjoined(p)
				}
				break
			}
		}
		var tgt *phraseActor
		if subj := st.subject(t.i); len(subj) > 0 {
			tgt = subj[0]
		}
		return src, tgt
	case t.p.Noun:
		// "fighting between the army and rebels"
		if t.end < len(st.toks) && st.toks[t.end].low == "between" {
			if a := st.phraseAfter(t.end+1, 3, false); a != nil && a.to < len(st.toks) && st.toks[a.to].low == "and" {
				if b := st.phraseAfter(a.to+1, 3, false); b != nil {
					return []*phraseActor{a.actor}, b.actor
				}
			}
		}
		// "the arrest of opposition leader X": X is the target.
		var of *phraseActor
		if t.end < len(st.toks) && st.toks[t.end].low == "of" {
			if p := st.phraseAfter(t.end+1, 3, false); p != nil {
				of = p.actor
			}
		}
		// "Kazakh protests", "opposition rallies", "protests by students",
		// "demonstrations in Kazakhstan".
		if t.i > 0 && st.phraseAt[t.i-1] >= 0 {
			tgt := st.target(t)
			if of != nil {
				tgt = of
			}
			return []*phraseActor{st.phrases[st.phraseAt[t.i-1]].actor}, tgt
		}
		if of != nil {
			return nil, of
		}
		for g := t.end; g < len(st.toks) && g < t.end+2; g++ {
			if st.toks[g].low == "by" {
				if p := st.phraseAfter(g+1, 3, false); p != nil {
					return st.conjoined(p), nil
				}
			}
		}
		if t.end < len(st.toks) && locationPreps[st.toks[t.end].low] {
			if p := st.phraseAfter(t.end+1, 2, false); p != nil && p.kind == actor.Country && p.actor.Role == "" {
				a := *p.actor
				if t.p.Code[:2] == "14" {
					// The people of a country protest: civilians.
					a.Role, a.Code, a.group = "CVL", a.Country+"CVL", true
				}
				return []*phraseActor{&a}, nil
			}
		}
		if t.p.Code[:3] == "175" {
			// "Police fired tear gas and water cannon at the crowd":
			// a means of force is used by the clause's subject.
			return st.subject(t.i), st.target(t)
		}
		return nil, st.target(t)
	}
	return st.subject(t.i), st.target(t)
}

// phraseAfter returns the first phrase starting within max tokens after
// token from, stopping at punctuation that ends a clause. With
// skipPlaces, phrases after a locative preposition are passed over.
func (st *sentence) phraseAfter(from, max int, skipPlaces bool) *phrase {
	for g := from; g < len(st.toks) && g < from+max; g++ {
		low := st.toks[g].low
		if low == "." || low == ";" || low == "that" {
			return nil
		}
		if p := st.phraseOf(g); p != nil && p.actor != nil {
			if skipPlaces && (st.placeLike(p) || st.locativeBefore(p)) {
				g = p.to - 1
				continue
			}
			return p
		}
	}
	return nil
}

// locativeBefore reports a phrase after a locative preposition: "near the
// parliament building" says where, not to whom.
func (st *sentence) locativeBefore(p *phrase) bool {
	pb := st.prepBefore(p)
	return pb >= 0 && locationPreps[st.toks[pb].low] && st.toks[pb].low != "at"
}

// placeLike reports whether a phrase names a place rather than an actor:
// a country, capital or metonym after a locative preposition ("in Kenya",
// "across the Netherlands", "in Washington").
func (st *sentence) placeLike(p *phrase) bool {
	if p.kind != actor.Country && p.kind != actor.Metonym || p.actor.person || p.kind == actor.Country && p.actor.Role != "" {
		return false
	}
	if p.from > 0 && st.toks[p.from-1].low == "(" {
		// "in Dhaka (Dhaka)": a qualifier of a place.
		return true
	}
	b := p.from - 1
	for b >= 0 && (st.toks[b].low == "the" || st.toks[b].low == "central" || st.toks[b].low == "northern" ||
		st.toks[b].low == "southern" || st.toks[b].low == "eastern" || st.toks[b].low == "western") {
		b--
	}
	return b >= 0 && locationPreps[st.toks[b].low]
}

// patternWord reports whether phrase p holds one of t's pattern words.
func (st *sentence) patternWord(p *phrase, t *trigger) bool {
	for g := p.from; g < p.to; g++ {
		for _, w := range t.p.Words {
			if st.doc.c.verbs.isLemma(st.toks[g].low, w.Lemma) {
				return true
			}
		}
	}
	return false
}

// target returns the trigger's target: at the pattern's target slot, or
// the first participant after the trigger.
func (st *sentence) target(t *trigger) *phraseActor {
	if t.target < 0 {
		// "released a French tourist", "struck army positions": the
		// pattern's own words name it.
		for g := t.i + 1; g < t.end; g++ {
			if p := st.phraseOf(g); p != nil && p.actor != nil && (p.actor.Country != "" || p.actor.Role == "IGO" || p.actor.Role == "NGO" || p.actor.Role != "" && !st.patternWord(p, t)) {
				// "deployed additional troops": the troops are what is
				// deployed, one of the pattern's words, not a target.
				return p.actor
			}
		}
	}
	if (t.p.Flags&FlagSpeech != 0 || t.p.Code[:2] == "01") && t.target < 0 {
		// What a statement is about: the first participant or country
		// named in what follows, through "that" and, for comments, places.
		for g := t.end; g < len(st.toks); g++ {
			if st.toks[g].low == ";" {
				break
			}
			p := st.phraseOf(g)
			if p == nil || p.actor == nil || p.actor.Country == "" && p.actor.Code == "" {
				continue
			}
			if t.p.Code[:2] != "01" && st.placeLike(p) || p.actor.Role == "MED" {
				// Places are what comments are about, not appeals; the
				// reporters a statement is made to are not its target.
				g = p.to - 1
				continue
			}
			return p.actor
		}
		return nil
	}
	from, window := t.end, 8
	if t.target >= 0 {
		from, window = t.target, 6
	}
	if t.target < 0 {
		// An object follows its verb in the same clause: stop at a comma.
		for g := from; g < len(st.toks) && g < from+window; g++ {
			if st.toks[g].low == "," {
				window = g - from
				break
			}
		}
		// "an investigation into the killing of protesters (by the
		// police)": the protesters belong to the event the investigation
		// is about; who did it, when named, is the target.
		for _, o := range st.triggers {
			if o.p.Noun && o.irrealis && o.p.Code[:2] != t.p.Code[:2] && o.i >= from && o.i < from+window && o.i > t.i {
				for g := o.end; g < len(st.toks) && g < o.end+6; g++ {
					if st.toks[g].low == "by" {
						if p := st.phraseAfter(g+1, 3, false); p != nil {
							return p.actor
						}
					}
				}
				window = o.i - from
				break
			}
		}
	}
	if p := st.phraseAfter(from, window, true); p != nil {
		return p.actor
	}
	// A place as direct object: "shelled Kharkiv", "entered the town".
	if d := st.doc; d != nil && from > 0 && !prepositions[st.toks[from-1].low] {
		for g := from; g < len(st.toks) && g < from+5; g++ {
			if m, ok := d.placeAt(st.toks[g].span.Start); ok {
				return &phraseActor{Actor: event.Actor{Text: m.Span.Of(st.text), Code: m.Place.Country, Country: m.Place.Country, Span: m.Span}}
			}
			if st.low(g-1) == "of" && placeNouns[st.low(g-2)] != 0 && st.toks[g].cap && st.phraseAt[g] < 0 {
				// "seized the town of Kalembe in eastern Congo": a town
				// the gazetteer lacks lies in the country the sentence
				// places it in.
				if c := st.locativeCountry(); c != "" {
					sp := st.toks[g].span
					return &phraseActor{Actor: event.Actor{Text: sp.Of(st.text), Code: c, Country: c, Span: sp}}
				}
			}
			switch w := st.toks[g].low; {
			case determiners[w], placeNouns[w] == areaNoun, w == "of":
			default:
				g = len(st.toks)
			}
		}
	}
	return nil
}

// locativeCountry returns the country of a place the sentence names after
// a locative preposition: a gazetteer place first, else a country named as
// a place; "" when there is none.
func (st *sentence) locativeCountry() string {
	for _, m := range st.doc.mentions {
		if st.s.Span.Contains(m.Span) && st.locative(m.Span) {
			return m.Place.Country
		}
	}
	for _, p := range st.phrases {
		if st.placeLike(p) && p.actor.Country != "" {
			return p.actor.Country
		}
	}
	return ""
}

// subject finds the subject of the verb at token i: the nearest actor
// phrase before it in its clause that is not inside a prepositional
// phrase, with any actors conjoined to it.
func (st *sentence) subject(i int) []*phraseActor {
	// noun is set once a plain noun stands between the verb and what lies
	// further back: "…, witnesses said" has its subject, unknown to the
	// dictionaries, before the comma; nothing before it is the subject.
	noun := false
	for b := i - 1; b >= 0; b-- {
		low := st.toks[b].low
		switch low {
		case ";", "that", ":":
			return nil
		case ")":
			// "rioters (said to be party supporters) set fire to a bus":
			// an aside in parentheses after the subject is not it.
			o := b - 1
			for o >= 0 && st.toks[o].low != "(" {
				o--
			}
			if o > 0 && st.phraseOf(o-1) != nil {
				b = o
				continue
			}
		case ",":
			if noun {
				return nil
			}
		case "who", "which":
			// A relative clause: its subject is the antecedent.
			for a := b - 1; a >= 0 && a >= b-2; a-- {
				if p := st.phraseOf(a); p != nil {
					return st.conjoined(p)
				}
			}
			return nil
		}
		p := st.phraseOf(b)
		if p == nil {
			if t := st.toks[b]; t.word && !t.cap && !auxiliary(low) && !isAdverb(low) && !negators[low] && !determiners[low] && !prepositions[low] {
				noun = true
			}
			continue
		}
		if pb := st.prepBefore(p); pb >= 0 && !(st.toks[pb].low == "of" && quantity(st.low(pb-1))) {
			b = p.from
			continue
		}
		if st.isObject(p) {
			b = p.from
			continue
		}
		if p.actor.Code == "" && p.actor.Country == "" && p.actor.Role == "" {
			b = p.from
			continue
		}
		return st.conjoined(p)
	}
	return nil
}

// auxiliary reports auxiliary and modal verbs, which stand between a
// subject and its verb.
func auxiliary(w string) bool {
	return beForms[w] || modals[w] || w == "has" || w == "have" || w == "had" || w == "do" || w == "does" || w == "did" || w == "also" || w == "then"
}

// prepBefore returns the token of the preposition a phrase follows,
// across determiners and lower-case modifiers ("of the former president"),
// or -1.
func (st *sentence) prepBefore(p *phrase) int {
	for b := p.from - 1; b >= 0 && b >= p.from-3; b-- {
		w := st.toks[b].low
		if prepositions[w] {
			if next := st.low(b + 1); quantity(next) || next == "a" && quantity(st.low(b+2)) || quantityWord(next) {
				// "about a dozen protesters", "over 200 workers":
				// an approximation, not a preposition.
				return -1
			}
			return b
		}
		if !st.toks[b].word || st.toks[b].cap || !determiners[w] && !(len(w) > 2 && !hasEdForm(w)) {
			return -1
		}
	}
	return -1
}

// quantity reports words that head "X of people" without making it a
// prepositional phrase: "thousands of protesters", "a group of students".
func quantity(w string) bool {
	switch w {
	case "tens", "hundreds", "thousands", "millions", "dozens", "scores", "group", "groups", "crowd",
		"crowds", "number", "lot", "lots", "some", "many", "most", "all", "several", "none", "one", "dozen",
		"two", "three", "four", "five", "members", "part":
		return true
	}
	return len(w) > 0 && w[0] >= '0' && w[0] <= '9'
}

// isObject reports whether a phrase stands right after a verb, as its
// object ("entered government facilities"), skipping determiners.
func (st *sentence) isObject(p *phrase) bool {
	b := p.from - 1
	for b >= 0 && determiners[st.toks[b].low] {
		b--
	}
	if b < 0 {
		return false
	}
	w := st.toks[b].low
	if !st.toks[b].word || st.toks[b].cap || !(hasEdForm(w) || len(w) > 4 && w[len(w)-3:] == "ing") {
		return false
	}
	// An adjective in -ed ("unidentified", "armed") is not a verb: only
	// forms the verb dictionary knows as verbs count.
	for _, p := range st.doc.c.verbs.triggers[w] {
		if !p.Noun {
			return true
		}
	}
	return commonVerbs[w]
}

// commonVerbs are frequent verb forms that take an actor as object but
// are not event triggers themselves.
var commonVerbs = set("entered", "entering", "visited", "joined", "joining", "left", "leaving", "reached",
	"told", "telling", "asked", "asking", "urged", "called", "calling", "named", "appointed", "replaced",
	"blamed", "targeted", "targeting", "including", "involving", "surrounded", "led", "leading")

// conjoined returns p's actor and those joined to it by "and", or by
// commas in a list that ends with "and": "Iran and Russia", "France,
// Germany and Italy". A phrase inside a prepositional phrase ("in
// Kazakhstan, Saeed Khatibzadeh") is not part of the list.
func (st *sentence) conjoined(p *phrase) []*phraseActor {
	out := []*phraseActor{p.actor}
	sawAnd := false
	for q := p; q.from >= 2; {
		from := q.from
		for from > 0 && st.toks[from-1].low == "the" {
			from--
		}
		sep := st.low(from - 1)
		if sep != "and" && !(sep == "," && sawAnd) || from < 2 {
			break
		}
		prev := st.phraseOf(from - 2)
		if prev == nil || st.prepBefore(prev) >= 0 {
			break
		}
		sawAnd = sawAnd || sep == "and"
		out = append([]*phraseActor{prev.actor}, out...)
		q = prev
	}
	var right []*phraseActor
	ok := 0 // how many of right end a list closed by "and"
	for q := p; q.to+1 < len(st.toks); {
		sep := st.toks[q.to].low
		if sep != "and" && sep != "," {
			break
		}
		at := q.to + 1
		for at < len(st.toks) && st.toks[at].low == "the" {
			at++
		}
		next := st.phraseOf(at)
		if next == nil {
			break
		}
		right = append(right, next.actor)
		if sep == "and" {
			ok = len(right)
			break
		}
		q = next
	}
	return append(out, right[:ok]...)
}

// targets splits a compound target into its conjuncts ("met the
// presidents of Kenya and Uganda": Kenya's and Uganda's); a conjunct that
// is one of the sources is not a target.
func (st *sentence) targets(tgt *phraseActor, sources []*phraseActor) []*phraseActor {
	if tgt == nil {
		return []*phraseActor{nil}
	}
	p := st.phraseOf(sourceTok(st, tgt))
	if p == nil || p.actor != tgt {
		return []*phraseActor{tgt}
	}
	var out []*phraseActor
	for _, a := range st.conjoined(p) {
		if a == tgt || !slices.Contains(sources, a) && a.Span.Start > tgt.Span.Start {
			out = append(out, a)
		}
	}
	return out
}

// protestGroup reports whether an actor is a crowd whose violence is
// rioting: protesters, demonstrators, students, people.
func protestGroup(a *phraseActor, st *sentence) bool {
	if a == nil {
		return false
	}
	if a.protester {
		return true
	}
	if !a.group || !st.hasProtest() {
		return false
	}
	switch a.Role {
	case "CVL", "OPP", "EDU", "LAB", "AGR", "":
		return true
	}
	return false
}

// crowdOnState reports a civilian crowd turning on the state: "supporters
// stormed the Congress", "villagers torched a police post".
func crowdOnState(src, tgt *phraseActor) bool {
	if src == nil || tgt == nil || !src.group {
		return false
	}
	switch src.Role {
	case "CVL", "OPP", "EDU", "LAB", "AGR":
	default:
		return false
	}
	switch tgt.Role {
	case "GOV", "LEG", "JUD", "COP":
		return true
	}
	return false
}

// hasProtest reports whether the sentence reports a protest.
func (st *sentence) hasProtest() bool {
	for _, t := range st.triggers {
		if t.p.Code[:2] == "14" && !t.negated && !t.irrealis {
			return true
		}
	}
	return false
}

// event builds one event record.
func (d *doc) event(st *sentence, sc *sentenceContext, t *trigger, src, tgt *phraseActor) (event.Event, bool) {
	code := t.p.Code
	switch {
	case protestGroup(src, st) && (t.p.Flags&FlagViolent != 0 || code[:2] == "17" || code[:2] == "18"),
		crowdOnState(src, tgt) && t.p.Flags&FlagViolent != 0,
		isCrowd(src) && src.Role == "CVL" && (code == "1712" || code == "1711"):
		// Protesters' violence, a crowd turning on the state, a mob
		// burning or looting: rioting.
		code = "145"
	case code == "190" && t.p.Flags&FlagViolent != 0 && weaponCodes[st.cue().weapon] != "":
		// "a suicide bomber attacked a checkpoint": the weapon says how.
		code = weaponCodes[st.cue().weapon]
	case code[:3] == "192" && isCrowd(src):
		// Students occupying a building protest by obstruction.
		code = "144"
	case code == "190" && unarmed(src):
		// Party workers, students or villagers who attack use
		// unconventional violence, not military force.
		code = "180"
	}
	e, ok := d.c.entry(code)
	if !ok {
		return event.Event{}, false
	}
	if src == nil && t.p.Flags&FlagViolent != 0 {
		// "buildings were torched during protests": violence with no named
		// source in a sentence about protests is the protesters' rioting.
		if ps := st.protest(); ps != nil {
			code, e, src = "145", d.mustEntry("145"), ps
		}
	}
	if src != nil && tgt != nil && src.Code == tgt.Code && src.Text == tgt.Text {
		tgt = nil
	}
	span := event.Span{Start: st.toks[t.i].span.Start, End: st.toks[t.end-1].span.End}
	ev := event.Event{
		Sentence:      st.s.Index,
		Text:          st.s.Span.Of(st.text),
		Span:          span,
		Source:        d.actorOut(st.sourceCountry(sc, t, src), src, true, code[:2] == "14"),
		Target:        d.actorOut(st.targetCountry(sc, t, src, tgt), tgt, false, false),
		CAMEO:         code,
		Root:          e.Root,
		QuadClass:     e.QuadClass,
		Goldstein:     e.Goldstein,
		PLOVER:        e.PLOVER,
		PLOVERMode:    e.PLOVERMode,
		Date:          sc.date,
		DatePrecision: sc.precision,
		Location:      d.location(st, sc, t, src, tgt),
		Confidence:    0.7,
		Rule:          t.p.Rule,
	}
	if src == nil {
		ev.Confidence = 0.5
	}
	if t.speaker >= 0 && t.speaker < len(st.phrases) {
		s := st.phrases[t.speaker].actor.Text
		ev.Attribution = &s
	}
	setCounts(&ev, sc.counts)
	ev.ACLEDType, ev.ACLEDSubtype = d.c.codes.ACLED(cameo.Code(code), d.acledContext(st, t, src, tgt, &ev))
	return ev, true
}

// protest returns the source of a protest event in the sentence (a
// protest noun or verb of root 14), or a generic crowd when it names none.
func (st *sentence) protest() *phraseActor {
	for _, t := range st.triggers {
		if t.p.Code[:2] == "14" && !t.negated {
			return &phraseActor{Actor: event.Actor{Role: "CVL"}, group: true}
		}
	}
	return nil
}

func (d *doc) mustEntry(code string) cameo.Entry {
	e, _ := d.c.entry(code)
	return e
}

// actorOut copies an actor for output, giving a role without a country the
// document's focus country. A missing source becomes the focus country
// itself: an event in a country whose actor the text does not name.
func (d *doc) actorOut(here string, a *phraseActor, source, protest bool) *event.Actor {
	if here == "" {
		here = d.focusCountry
	}
	if a == nil {
		if !source || here == "" {
			return nil
		}
		if protest {
			// People protesting whom the text does not name: civilians.
			return &event.Actor{Code: here + "CVL", Country: here, Role: "CVL"}
		}
		return &event.Actor{Code: here, Country: here}
	}
	out := a.Actor
	international := strings.HasPrefix(out.Code, "IGO") || strings.HasPrefix(out.Code, "NGO") || strings.HasPrefix(out.Code, "IMG")
	if international && out.Role == "GOV" {
		// "the UN Secretary-General": an official of an international
		// body acts for the body.
		out.Role = "IGO"
	}
	if out.Country == "" && here != "" && out.Role != "IGO" && out.Role != "NGO" && !international {
		out.Country = here
		out.Code = here + out.Code
	}
	return &out
}

func (d *doc) acledContext(st *sentence, t *trigger, src, tgt *phraseActor, ev *event.Event) cameo.ACLEDContext {
	var c cameo.ACLEDContext
	if ev.Fatalities != nil {
		c.Fatalities = *ev.Fatalities
	}
	if src != nil {
		switch src.Role {
		case "GOV", "MIL", "COP", "SPY":
			c.SourceIsState = true
		}
		if protestGroup(src, st) {
			c.Crowd = cameo.CrowdDemonstrators
		}
	}
	if tgt != nil {
		switch tgt.Role {
		case "MIL", "REB", "INS", "COP":
			c.TargetIsArmed = true
		}
		// ACLED counts officials, activists and workers who are not
		// fighters as civilians: "gunmen shot dead a mayor".
		c.TargetIsCivilian = roleIs(tgt.Role, classCivilian) || tgt.single && roleIs(tgt.Role, classUnarmed|classPolitical) &&
			!roleIs(tgt.Role, classArmed)
		if protestGroup(tgt, st) && c.SourceIsState {
			c.TargetIsProtester = true
			c.Intervention = true
		}
	}
	if t.p.Code[:3] == "175" && c.SourceIsState {
		// Tear gas, water cannon, baton charges: riot control is used
		// on demonstrators.
		c.TargetIsProtester, c.Intervention = true, true
	}
	c.Violent = t.p.Flags&FlagViolent != 0
	c.Weapon = st.cue().weapon
	c.Disrupted = t.p.Flags&FlagDisrupted != 0
	return c
}
