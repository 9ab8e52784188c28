package quote

import (
	"cmp"
	"slices"
	"sort"
	"strings"

	"github.com/annals-project/annals/internal/event"
	"github.com/annals-project/annals/internal/nlp"
)

// SpeakerKind says how a quotation's speaker was found.
type SpeakerKind uint8

// The kinds of speaker. The zero SpeakerKind, Unknown, is a quotation
// without speaker words near it and no earlier speaker to carry over.
const (
	Unknown  SpeakerKind = iota
	Named                // a name or a capitalised noun phrase: "Saeed Khatibzadeh", "The Israeli Foreign Ministry"
	Pronoun              // "he", "she", "they"
	Nominal              // a common noun phrase: "the official", "Local media"
	Inferred             // no speaker words near: carried from the quotation before
	Post                 // the author of an embedded post, from its signature block
)

var kindNames = [...]string{"unknown", "named", "pronoun", "nominal", "inferred", "post"}

// String returns the kind's name in lower case: "named" for Named.
func (k SpeakerKind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "invalid"
}

// A Quote is one direct or indirect quotation of an Article and who said it,
// as spans into the Article's Text.
type Quote struct {
	// Content is the quoted words without the quotation marks (direct), or
	// the reported clause or object (indirect).
	Content event.Span
	// Direct is set for words in quotation marks and for embedded posts.
	Direct bool
	// Fragment marks a direct quotation that is not a clause of its own:
	// fewer than four words, or words that run on within the sentence
	// without a cue, colon or comma before them (the “intelligent”
	// people). Callers that want statements only skip fragments.
	Fragment bool
	// Cue is the word or words that introduce the quotation ("said",
	// "according to", "told reporters", "expressed"); zero if none.
	Cue event.Span
	// Speaker is the speaker phrase as written ("Saeed Khatibzadeh", "he",
	// "The Iranian Foreign Ministry official"); for an Inferred speaker,
	// the phrase carried over; for a Post, the author's name in the
	// signature block, or the whole signature block. Zero if unknown.
	Speaker event.Span
	// Kind says how Speaker was found.
	Kind SpeakerKind
	// Continues marks a direct quotation that resumes the one before it:
	// the same speaker's words after an interrupting attribution (“A,” she
	// said, “B.”), in the next sentence with no attribution of their own
	// (“A,” she said. “B.”), or in the next paragraph. Callers that want
	// one statement per speech join it to the Quote before.
	Continues bool
	// Antecedent is, for a Pronoun speaker or an Inferred one carried from
	// a pronoun, the nearest earlier Named or Nominal speaker the pronoun
	// most likely stands for; zero otherwise or when there is none.
	Antecedent event.Span
	// Sentence is the index (event.Sentence.Index) of the sentence where
	// the quotation starts; Block is the index of its block in
	// Article.Blocks (0 for an Article without blocks).
	Sentence int
	Block    int
}

// Find returns the quotations of a, sorted by Content.Start (then by
// Content.End, direct before indirect). sents are a's sentences as
// nlp.Sentences returns them; when sents is nil, Find segments a itself.
// Sentences that are out of range or out of order are ignored.
//
// Find is a pure function of its arguments and safe for concurrent use.
func Find(a *event.Article, sents []event.Sentence) []Quote {
	if a == nil || a.Text == "" {
		return nil
	}
	if sents == nil {
		sents = nlp.Sentences(a)
	}
	f := finder{text: a.Text}
	f.setup(a, sents)
	f.scanMarks()
	for si := range f.sents {
		if prose(f.blocks[f.sents[si].block].Kind) {
			f.sentence(si)
		}
	}
	slices.SortStableFunc(f.clauses, func(x, y clause) int { return cmp.Compare(x.start, y.start) })
	f.direct()
	f.indirect()
	f.whole()
	slices.SortStableFunc(f.out, func(x, y Quote) int {
		if c := cmp.Compare(x.Content.Start, y.Content.Start); c != 0 {
			return c
		}
		if c := cmp.Compare(x.Content.End, y.Content.End); c != 0 {
			return c
		}
		switch {
		case x.Direct && !y.Direct:
			return -1
		case !x.Direct && y.Direct:
			return 1
		}
		return 0
	})
	f.infer()
	f.labels()
	return f.out
}

// labels gives the lines of a transcript their speakers: a paragraph, or a
// quotation, that opens with a name in capitals and a colon ("WALLACE:
// Let's start …", "“PENCE: Well, look …”") is that person's words.
func (f *finder) labels() {
	// A transcript has more than one labelled paragraph; one label at the
	// top is a dateline ("ISLAMABAD:") or a kicker ("UPDATE:").
	n := 0
	for _, b := range f.blocks {
		if prose(b.Kind) && b.first <= b.last && f.labelAt(b.Span) >= 0 {
			n++
		}
	}
	if n < 2 {
		return
	}
	covered := make(map[int]bool, len(f.out))
	for i := range f.out {
		q := &f.out[i]
		if !q.Direct {
			continue
		}
		if end, ok := speakerLabel(f.text, q.Content.Start, q.Content.End); ok {
			covered[q.Content.Start] = true
			q.Speaker = event.Span{Start: q.Content.Start, End: end}
			q.Kind, q.Antecedent, q.Continues = Named, event.Span{}, false
			q.Content.Start = skipSpace(f.text, end+1, q.Content.End)
		}
	}
	for bi, b := range f.blocks {
		if !prose(b.Kind) || b.first > b.last {
			continue
		}
		start := f.labelStart(b.Span)
		end := f.labelAt(b.Span)
		if end < 0 || covered[start] {
			continue
		}
		content := event.Span{Start: skipSpace(f.text, end+1, b.Span.End), End: b.Span.End}
		for content.End > content.Start && (f.text[content.End-1] == ' ' || f.text[content.End-1] == '\n') {
			content.End--
		}
		if content.Len() == 0 {
			continue
		}
		f.out = append(f.out, Quote{Content: content, Direct: true, Speaker: event.Span{Start: start, End: end},
			Kind: Named, Sentence: f.sents[b.first].index, Block: bi})
	}
	slices.SortStableFunc(f.out, func(x, y Quote) int { return cmp.Compare(x.Content.Start, y.Content.Start) })
}

// labelStart returns where a paragraph's possible label starts: past
// spaces and an opening quotation mark (transcripts are often quoted
// paragraph by paragraph).
func (f *finder) labelStart(sp event.Span) int {
	start := skipSpace(f.text, sp.Start, sp.End)
	if strings.HasPrefix(f.text[start:sp.End], "\"") {
		start++
	} else if strings.HasPrefix(f.text[start:sp.End], "\u201c") {
		start += len("\u201c")
	}
	return start
}

// labelAt returns the end of the speaker label that opens the paragraph
// at sp, or -1.
func (f *finder) labelAt(sp event.Span) int {
	start := f.labelStart(sp)
	end, ok := speakerLabel(f.text, start, sp.End)
	if !ok || kickers[f.text[start:end]] {
		return -1
	}
	return end
}

// kickers are the capitalised words that open a news paragraph without
// naming a speaker.
var kickers = map[string]bool{"UPDATE": true, "BREAKING": true, "WATCH": true, "EXCLUSIVE": true, "ANALYSIS": true,
	"OPINION": true, "EDITORIAL": true, "PHOTOS": true, "VIDEO": true, "LIVE": true, "CORRECTION": true,
	"EDITOR'S NOTE": true, "NOTE": true, "READ MORE": true, "RELATED": true}

// speakerLabel reports whether text[start:limit] opens with a speaker's
// label: one to three words in capitals (at least two letters, "MR." and
// "O'BRIEN" allowed) and a colon. It returns the end of the label.
func speakerLabel(text string, start, limit int) (int, bool) {
	letters, words := 0, 1
	for i := start; i < limit && i < start+40; i++ {
		switch c := text[i]; {
		case c >= 'A' && c <= 'Z':
			letters++
		case c == '.' || c == '\'' || c == '-':
		case c == ' ':
			if i == start || text[i-1] == ' ' {
				return 0, false
			}
			words++
			if words > 3 {
				return 0, false
			}
		case c == ':':
			return i, letters >= 2 && text[i-1] != ' ' && i+1 < limit && text[i+1] == ' '
		default:
			return 0, false
		}
	}
	return 0, false
}

// skipSpace returns the first index from i, before limit, that is not a
// space, tab or newline.
func skipSpace(text string, i, limit int) int {
	for i < limit && (text[i] == ' ' || text[i] == '\n' || text[i] == '\t') {
		i++
	}
	return i
}

// A block is a block of the Article, clamped to its text.
type block struct {
	event.Block
	first, last int // the range of f.sents in the block; first > last when none
}

// A sent is one usable sentence.
type sent struct {
	index int        // event.Sentence.Index
	span  event.Span // within the text and its block
	block int        // index into finder.blocks
}

// A finder holds the state of one Find call.
type finder struct {
	text    string
	blocks  []block
	sents   []sent
	marks   []mark
	clauses []clause
	out     []Quote

	// Scratch for the sentence being read.
	toks []nlp.Token
	ents []entry
	inq  []bool
	lo   int // index of the sentence's first token that is not punctuation
}

// setup copies a's blocks, clamped to the text so that they are ordered
// and do not overlap, and the usable sentences into f. f.blocks has the
// indices of a.Blocks; a block clamped to nothing is empty.
func (f *finder) setup(a *event.Article, sents []event.Sentence) {
	n := len(f.text)
	if len(a.Blocks) == 0 {
		f.blocks = []block{{Block: event.Block{Kind: event.BlockParagraph, Span: event.Span{Start: 0, End: n}}, first: 1}}
	} else {
		f.blocks = make([]block, len(a.Blocks))
	}
	last := 0
	for i, b := range a.Blocks {
		s, e := max(b.Span.Start, last, 0), min(b.Span.End, n)
		if s < e {
			b.Span = event.Span{Start: s, End: e}
			last = e
		} else {
			b.Span = event.Span{Start: last, End: last}
		}
		f.blocks[i] = block{Block: b, first: 1}
	}
	end, longest := 0, 0
	f.sents = make([]sent, 0, len(sents))
	for _, s := range sents {
		if !s.Span.Valid(n) || s.Span.Start < end || s.Span.Len() == 0 {
			continue
		}
		bi := f.blockOf(s.Span.Start)
		if bi < 0 || s.Span.End > f.blocks[bi].Span.End {
			continue
		}
		end = s.Span.End
		longest = max(longest, s.Span.Len())
		if f.blocks[bi].first > f.blocks[bi].last {
			f.blocks[bi].first = len(f.sents)
		}
		f.blocks[bi].last = len(f.sents)
		f.sents = append(f.sents, sent{index: s.Index, span: s.Span, block: bi})
	}
	// Room for the tokens of the longest sentence, about one per four
	// bytes, so that the scratch is allocated once.
	n = longest/4 + 16
	f.toks, f.ents, f.inq = make([]nlp.Token, 0, n), make([]entry, 0, n), make([]bool, 0, n)
}

// blockOf returns the index of the block that holds byte pos, or -1.
func (f *finder) blockOf(pos int) int {
	i := sort.Search(len(f.blocks), func(i int) bool { return f.blocks[i].Span.End > pos })
	if i < len(f.blocks) && f.blocks[i].Span.Start <= pos {
		return i
	}
	return -1
}

// sentOf returns the index into f.sents of the sentence that holds byte
// pos, or -1.
func (f *finder) sentOf(pos int) int {
	i := sort.Search(len(f.sents), func(i int) bool { return f.sents[i].span.End > pos })
	if i < len(f.sents) && f.sents[i].span.Start <= pos {
		return i
	}
	return -1
}

// sentNear returns the index of the sentence that holds pos, or else of the
// last sentence that starts before it, or -1.
func (f *finder) sentNear(pos int) int {
	i := sort.Search(len(f.sents), func(i int) bool { return f.sents[i].span.End > pos })
	if i < len(f.sents) && f.sents[i].span.Start <= pos {
		return i
	}
	return i - 1
}

// prose reports whether blocks of kind k hold article prose, in which
// quotations are found by their marks and cues. Embedded posts and block
// quotations are quotations as a whole; signatures and bylines hold none.
func prose(k event.BlockKind) bool {
	switch k {
	case event.BlockPost, event.BlockSignature, event.BlockQuote, event.BlockByline:
		return false
	}
	return true
}
