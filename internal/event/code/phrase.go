package code

import (
	"sort"
	"strings"

	"github.com/annals-project/annals/internal/actor"
	"github.com/annals-project/annals/internal/event"
)

// phrase is an actor phrase: a run of tokens that names one actor,
// "Kazakhstan President Kassym-Jomart Tokayev", "the Iranian Foreign
// Ministry official", "security forces".
type phrase struct {
	from, to int // token range [from, to)
	kind     actor.Kind
	demonym  bool
	actor    *phraseActor
}

// phraseActor is the actor a phrase names.
type phraseActor struct {
	event.Actor
	person bool
	group  bool // a collective noun or plural: "protesters", "police"
	// protester reports a crowd named by its protest: "protesters",
	// "demonstrators", "rioters".
	protester bool
	// single reports one person: a name, or a singular agent ("a man",
	// "the minister").
	single bool
}

// segment is one dictionary or learned match, by token range.
type segment struct {
	from, to int
	entry    actor.Entry
	learned  *phraseActor
}

// notNames are capitalised words that never start or continue a personal
// name after a title.
var notNames = set("the", "a", "an", "on", "in", "of", "and", "or", "but", "said", "says", "told",
	"has", "have", "had", "was", "were", "is", "are", "will", "would", "monday", "tuesday", "wednesday",
	"thursday", "friday", "saturday", "sunday", "january", "february", "march", "april", "may", "june",
	"july", "august", "september", "october", "november", "december", "mr", "mrs", "ms", "dr", "this",
	"that", "it", "he", "she", "they", "we", "i")

func (d *doc) findPhrases(st *sentence) {
	n := len(st.toks)
	st.phraseAt = make([]int, n)
	for i := range st.phraseAt {
		st.phraseAt[i] = -1
	}
	startTok := make(map[int]int, n)
	endTok := make(map[int]int, n)
	for i, t := range st.toks {
		startTok[t.span.Start] = i
		endTok[t.span.End] = i + 1
	}
	var segs []segment
	covered := make([]bool, n)
	for _, m := range d.c.actors.Match(st.text, st.s.Span, d.a.Anchor, nil) {
		from, ok1 := startTok[m.Span.Start]
		to, ok2 := endTok[m.Span.End]
		if !ok1 || !ok2 || to <= from || len(m.Entries) == 0 {
			continue
		}
		segs = append(segs, segment{from: from, to: to, entry: m.Entries[0]})
		for k := from; k < to; k++ {
			covered[k] = true
		}
	}
	// Names learned earlier in the document: "Tokayev", "Josep Borrell".
	for i := 0; i < n; i++ {
		if covered[i] || !st.toks[i].cap {
			continue
		}
		for w := 3; w >= 1; w-- {
			if i+w > n {
				continue
			}
			sp := event.Span{Start: st.toks[i].span.Start, End: st.toks[i+w-1].span.End}
			if a, ok := d.learned[lower(sp.Of(st.text))]; ok {
				segs = append(segs, segment{from: i, to: i + w, learned: a})
				for k := i; k < i+w; k++ {
					covered[k] = true
				}
				i += w - 1
				break
			}
		}
	}
	// "We" and "I" in an embedded post are its author.
	if author := d.postAuthor(st.s.Block); author != nil {
		for i := 0; i < n; i++ {
			if w := st.toks[i].low; !covered[i] && (w == "we" || w == "i") {
				segs = append(segs, segment{from: i, to: i + 1, learned: author})
				covered[i] = true
			}
		}
	}
	// Pronouns for the last person named.
	if d.lastPerson != nil {
		for i := 0; i < n; i++ {
			if !covered[i] && personPronouns[st.toks[i].low] {
				segs = append(segs, segment{from: i, to: i + 1, learned: d.lastPerson})
				covered[i] = true
			}
		}
	}
	sort.Slice(segs, func(i, j int) bool { return segs[i].from < segs[j].from })

	for i := 0; i < len(segs); {
		j := i + 1
		to := segs[i].to
		for j < len(segs) {
			next := segs[j]
			// "in Abuja demonstrators blocked …": a place after a locative
			// preposition does not qualify the agent that follows it.
			placeThenAgent := next.entry.Kind == actor.Agent && locationPreps[st.low(segs[i].from-1)] &&
				(segs[j-1].entry.Kind == actor.Metonym || segs[j-1].entry.Kind == actor.Country && !segs[j-1].entry.Demonym)
			if next.from == to && segs[j-1].learned == nil && next.learned == nil && !placeThenAgent {
				to = next.to
				j++
				continue
			}
			// "Syria's foreign ministry", "China's top diplomat": a
			// country's (or body's) agent, adjectives between.
			if prev := segs[j-1]; next.entry.Kind == actor.Agent && prev.learned == nil && next.learned == nil &&
				(prev.entry.Kind == actor.Country || prev.entry.Kind == actor.Org || prev.entry.Kind == actor.Metonym) &&
				st.possessiveGap(to, next.from) {
				to = next.to
				j++
				continue
			}
			// "the administration of Kazakhstan", "the head of the UN
			// mission": an agent of a country or body.
			if gap := next.from - to; (gap == 1 || gap == 2 && st.toks[to+1].low == "the") && st.toks[to].low == "of" &&
				(next.entry.Kind == actor.Country && !next.entry.Demonym || next.entry.Kind == actor.Org) &&
				segs[j-1].entry.Kind == actor.Agent && next.learned == nil && segs[j-1].learned == nil {
				to = next.to
				j++
				continue
			}
			break
		}
		group := segs[i:j]
		// A personal name after a title or a country: capitalised words
		// that no dictionary knows.
		nameFrom := to
		last := group[len(group)-1]
		if last.learned == nil && (last.entry.Title || last.entry.Kind == actor.Country || last.entry.Kind == actor.Org) {
			for to < n && to-nameFrom < 4 && st.toks[to].cap && st.toks[to].word && !covered[to] && !notNames[st.toks[to].low] {
				to++
			}
			// A name needs a title before it, or two words after a bare
			// country ("Iran Foreign Ministry" is not a name).
			if !last.entry.Title && to-nameFrom < 2 {
				to = nameFrom
			}
		}
		p := d.resolve(st, group, nameFrom, to)
		idx := len(st.phrases)
		st.phrases = append(st.phrases, p)
		for k := p.from; k < p.to; k++ {
			st.phraseAt[k] = idx
		}
		i = j
	}
}

// possessiveGap reports whether tokens [from, to) are a possessive and at
// most two lower-case modifiers: "'s", "'s top", "'s interior".
func (st *sentence) possessiveGap(from, to int) bool {
	if to <= from || to-from > 3 {
		return false
	}
	if w := st.toks[from].low; w != "'s" && w != "’s" {
		return false
	}
	for k := from + 1; k < to; k++ {
		if t := st.toks[k]; !t.word || t.cap {
			return false
		}
	}
	return true
}

// shareAgents gives "Indian and Chinese troops" both countries their
// troops: a bare demonym joined by "and" to a demonym with an agent takes
// that agent's role.
func (st *sentence) shareAgents() {
	for i := 0; i+1 < len(st.phrases); i++ {
		a, b := st.phrases[i], st.phrases[i+1]
		if a.kind != actor.Country || !a.demonym || a.actor.Role != "" || !b.demonym || b.actor.Role == "" ||
			b.from != a.to+1 || st.toks[a.to].low != "and" {
			continue
		}
		a.actor.Role, a.actor.Code, a.actor.group = b.actor.Role, a.actor.Country+b.actor.Role, b.actor.group
		a.actor.protester = b.actor.protester
	}
	// "the presidents of Kenya and Uganda", "the ambassadors of Chile,
	// Peru and Bolivia": the office is each country's.
	for i := 0; i+1 < len(st.phrases); i++ {
		a := st.phrases[i]
		if a.actor == nil || a.actor.Role == "" || a.to-a.from < 3 || st.toks[a.to-2].low != "of" ||
			!strings.HasSuffix(st.toks[a.to-3].low, "s") {
			continue
		}
		for j, prev := i+1, a; j < len(st.phrases); j++ {
			b := st.phrases[j]
			sep := st.low(prev.to)
			if b.actor == nil || b.kind != actor.Country || b.actor.Role != "" || b.demonym || b.from != prev.to+1 ||
				sep != "and" && sep != "," {
				break
			}
			b.actor.Role, b.actor.Code, b.actor.group = a.actor.Role, b.actor.Country+a.actor.Role, a.actor.group
			if sep == "and" {
				break
			}
			prev = b
		}
	}
}

// protesterWords name people by their protesting.
var protesterWords = set("protester", "protesters", "protestor", "protestors", "demonstrator", "demonstrators",
	"rioter", "rioters", "marcher", "marchers", "agitator", "agitators", "picketers")

// resolve turns a group of adjacent segments, with personal-name tokens
// [nameFrom, to), into one phrase and its actor, and learns the name.
func (d *doc) resolve(st *sentence, group []segment, nameFrom, to int) *phrase {
	p := &phrase{from: group[0].from, to: to}
	if group[0].learned != nil && len(group) == 1 {
		p.kind = actor.Person
		a := *group[0].learned
		a.Span = event.Span{Start: st.toks[p.from].span.Start, End: st.toks[p.to-1].span.End}
		a.Text = a.Span.Of(st.text)
		p.actor = &a
		if a.person {
			d.lastPerson = group[0].learned
		}
		return p
	}
	var country, role, code, name string
	person, group_, single := false, false, false
	for _, s := range group {
		e := s.entry
		if s.learned != nil {
			country, role, code = s.learned.Country, s.learned.Role, s.learned.Code
			continue
		}
		if p.kind == 0 || e.Kind != actor.Agent {
			p.kind = e.Kind
		}
		switch e.Kind {
		case actor.Country:
			if country == "" {
				country = e.Country
				p.demonym = e.Demonym
			}
			if e.Plural && e.Demonym {
				// "Iranians", "Kazakhs": the people.
				role, group_ = "CVL", true
			}
		case actor.Metonym, actor.Region:
			if country == "" {
				country = e.Country
			}
			if e.Role != "" {
				role = e.Role
			}
		case actor.Org:
			if code == "" {
				code, country = e.Code, e.Country
				if role == "" {
					role = e.Role
				}
			}
		case actor.Person:
			code, country, role, name, person = e.Code, e.Country, e.Role, e.Name, true
		case actor.Agent:
			if !person {
				role = e.Role
			}
			group_ = group_ || e.Plural || e.Group
			single = !e.Plural && !e.Group
		}
	}
	if nameFrom < to {
		name = event.Span{Start: st.toks[nameFrom].span.Start, End: st.toks[to-1].span.End}.Of(st.text)
		person = true
	}
	if code == "" {
		code = country + role
	} else if role != "" && len(code) == 3 {
		code += role
	}
	sp := event.Span{Start: st.toks[p.from].span.Start, End: st.toks[p.to-1].span.End}
	a := &phraseActor{
		Actor:  event.Actor{Text: sp.Of(st.text), Code: code, Country: country, Role: role, Name: name, Span: sp},
		person: person,
		group:  group_,
		single: single || person,
	}
	// "the official", "the minister": the person last named in that role.
	if country == "" && d.lastPerson != nil && role != "" && role == d.lastPerson.Role && p.from > 0 && st.toks[p.from-1].low == "the" {
		a.Country, a.Code, a.Name, a.person = d.lastPerson.Country, d.lastPerson.Code, d.lastPerson.Name, true
	}
	for k := p.from; k < p.to; k++ {
		if protesterWords[st.toks[k].low] {
			a.protester = true
		}
	}
	p.actor = a
	if country != "" && p.kind == actor.Country {
		d.focus[country]++
	}
	if person && a.Code != "" && name != "" {
		d.learn(name, a)
		d.lastPerson = a
	}
	return p
}

// learn remembers a person's name and surname for later mentions.
func (d *doc) learn(name string, a *phraseActor) {
	d.learned[lower(name)] = a
	if i := strings.LastIndexByte(name, ' '); i >= 0 && len(name)-i > 3 {
		d.learned[lower(name[i+1:])] = a
	}
}

// postAuthor returns the actor who wrote the embedded post that block b
// belongs to, from the signature block after it, or nil when b is not a
// post or the author is no known actor.
func (d *doc) postAuthor(b int) *phraseActor {
	blocks := d.a.Blocks
	if b < 0 || b >= len(blocks) || blocks[b].Kind != event.BlockPost {
		return nil
	}
	for k := b + 1; k < len(blocks); k++ {
		sig := blocks[k]
		if sig.Kind == event.BlockPost {
			continue
		}
		if sig.Kind != event.BlockSignature || sig.Author == "" {
			return nil
		}
		if a, ok := d.authors[k]; ok {
			return a
		}
		var a *phraseActor
		if l, ok := d.learned[lower(sig.Author)]; ok {
			a = l
		}
		for _, m := range d.c.actors.Match(d.a.Text, sig.Span, d.a.Anchor, nil) {
			if a != nil || len(m.Entries) == 0 {
				break
			}
			e := m.Entries[0]
			if e.Kind != actor.Person && e.Kind != actor.Org && e.Kind != actor.Country {
				continue
			}
			a = &phraseActor{Actor: entryActor(e, sig.Author, event.Span{}), person: e.Kind == actor.Person}
		}
		d.authors[k] = a
		return a
	}
	return nil
}

// entryActor is the actor a dictionary entry names, as text at sp.
func entryActor(e actor.Entry, text string, sp event.Span) event.Actor {
	code := e.Code
	if code == "" {
		code = e.Country + e.Role
	}
	return event.Actor{Text: text, Code: code, Country: e.Country, Role: e.Role, Name: e.Name, Span: sp}
}
