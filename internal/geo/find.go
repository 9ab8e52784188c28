package geo

import (
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
	// Candidates is the number of places with this name.
	Candidates int
	// Qualified reports that a qualifier chose Place.
	Qualified bool
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
	for start := span.Start; start < span.End; {
		end := chunkEnd(text, start, span.End)
		toks = tokenize(text, event.Span{Start: start, End: end}, toks[:0])
		for i := 0; i < len(toks); i++ {
			if !toks[i].upper {
				continue
			}
			n, m, ok := g.match(text, toks, i, &buf, &cands)
			if ok {
				dst = append(dst, m)
			}
			if n > 0 {
				i += n - 1
			}
		}
		start = end
	}
	return dst
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

// ends lists where a window may end: token index and key length.
type winEnd struct{ tok, keyLen int }

// match tries the windows starting at toks[i], longest first. It returns
// the number of tokens consumed (0: none, move on) and the mention, if any.
func (g *Gazetteer) match(text string, toks []token, i int, buf *[]byte, cands *[]cand) (int, Mention, bool) {
	t := toks[i]
	b := appendKey((*buf)[:0], text[t.start:t.end])
	if len(b) == 0 {
		return 0, Mention{}, false
	}
	first := b
	for k, c := range b {
		if c == ' ' {
			first = b[:k]
			break
		}
	}
	var endsArr [maxWindow]winEnd
	ends := append(endsArr[:0], winEnd{i, len(b)})
	if maxw := int(g.prefix[string(first)]); maxw > 1 {
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
				ends = append(ends, winEnd{j, len(b)})
			}
		}
	}
	*buf = b
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
		m := Mention{Span: event.Span{Start: t.start, End: toks[e.tok].end}, Candidates: len(*cands)}
		if g.qualify(text, toks, e.tok, *cands, &m) {
			return e.tok - i + 1, m, true
		}
		m.Place = g.places[(*cands)[0].i]
		if multi || g.acceptWord(text, toks, i, key, (*cands)[0], cued(text, toks, i, e.tok)) {
			return e.tok - i + 1, m, true
		}
		return 1, Mention{}, false
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

// inName reports whether toks[i] is joined to a capitalised word that is
// not a stop word ("President", "Police", "In").
func (g *Gazetteer) inName(text string, toks []token, i int) bool {
	var arr [32]byte
	if i > 0 && toks[i-1].join && toks[i-1].upper && !toks[i-1].poss && !g.stop[string(appendKey(arr[:0], text[toks[i-1].start:toks[i-1].end]))] {
		return true
	}
	if i+1 < len(toks) && toks[i].join && !toks[i].poss && toks[i+1].upper && !g.stop[string(appendKey(arr[:0], text[toks[i+1].start:toks[i+1].end]))] {
		return true
	}
	return false
}

// cued reports whether the name toks[first..last] has a locative word
// right before it ("in", "near", "outside") or a place descriptor right
// after it ("town", "district", "local government").
func cued(text string, toks []token, first, last int) bool {
	if first > 0 && toks[first-1].join && !toks[first-1].upper {
		switch text[toks[first-1].start:toks[first-1].end] {
		case "in", "near", "at", "outside", "around", "into", "from", "to", "toward", "towards", "across", "through",
			"of", "inside", "within", "between", "nearby", "entered", "captured", "seized", "shelled", "bombed", "besieged",
			"eastern", "western", "northern", "southern", "central", "rural", "downtown", "northeastern", "northwestern",
			"southeastern", "southwestern":
			return true
		}
	}
	if last+1 < len(toks) && toks[last].join && !toks[last].poss {
		var arr [24]byte
		switch string(appendKey(arr[:0], text[toks[last+1].start:toks[last+1].end])) {
		case "town", "village", "city", "district", "province", "region", "area", "areas", "camp", "county", "governorate",
			"upazila", "municipality", "neighbourhood", "neighborhood", "local", "township", "settlement", "suburb", "prefecture",
			"state", "refugee", "countryside", "outskirts", "division", "oblast", "valley":
			return true
		}
	}
	return false
}

// qualify looks for a qualifier after toks[last]: optional lower-case
// descriptors ("upazila", "district"), a comma or parenthesis, then a
// region, country or nearby city that one of cands lies in or near. It
// sets m.Place and m.Qualified when it finds one.
func (g *Gazetteer) qualify(text string, toks []token, last int, cands []cand, m *Mention) bool {
	k := last
	for skip := 0; toks[k].gap == 0 && skip < 2; skip++ {
		if !toks[k].join || k+1 >= len(toks) || toks[k+1].upper {
			return false
		}
		k++
	}
	if toks[k].gap == 0 || k+1 >= len(toks) || !toks[k+1].upper {
		return false
	}
	q := k + 1
	var qb []byte
	var best int32 = -1
	var bestRank float32
	// Try the qualifier's windows, longest first, as match does.
	var qends []int
	qb = appendKey(qb, text[toks[q].start:toks[q].end])
	qends = append(qends, len(qb))
	for j := q + 1; j < len(toks) && j-q < 4 && toks[j-1].join && (toks[j].upper || toks[j].connector); j++ {
		qb = append(qb, ' ')
		qb = appendKey(qb, text[toks[j].start:toks[j].end])
		if toks[j].upper || toks[j].hyphen > 0 {
			qends = append(qends, len(qb))
		}
	}
	// After a comma only a region or country qualifies ("Paris, Texas"):
	// a city there is more likely the next item of a list.
	cities := toks[k].gap == '('
	for e := len(qends) - 1; e >= 0 && best < 0; e-- {
		quals := g.candidates(nil, qb[:qends[e]])
		for _, c := range cands {
			for _, qc := range quals {
				if g.places[qc.i].Kind == City && !cities {
					continue
				}
				if g.related(c.i, qc.i) > 0 {
					if best < 0 || c.rank > bestRank {
						best, bestRank = c.i, c.rank
					}
					break
				}
			}
		}
	}
	if best < 0 {
		return false
	}
	m.Place = g.places[best]
	m.Qualified = true
	return true
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
