package quote_test

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"unicode"

	"github.com/annals-project/annals/internal/event"
	"github.com/annals-project/annals/internal/nlp"
	"github.com/annals-project/annals/internal/quote"
	"github.com/annals-project/annals/internal/sharedtest"
)

// lineBlocks gives each non-empty line of text a paragraph block, as the
// plain-text reader does for text that is not hard-wrapped.
func lineBlocks(text string) []event.Block {
	var blocks []event.Block
	for start := 0; start < len(text); {
		end := strings.IndexByte(text[start:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += start
		}
		s, e := start, end
		for s < e && (text[s] == ' ' || text[s] == '\t' || text[s] == '\r') {
			s++
		}
		for e > s && (text[e-1] == ' ' || text[e-1] == '\t' || text[e-1] == '\r') {
			e--
		}
		if e > s {
			blocks = append(blocks, event.Block{Kind: event.BlockParagraph, Span: event.Span{Start: s, End: e}})
		}
		start = end + 1
	}
	return blocks
}

// scoreWords splits s into lower-case words as the scorer's \w+ does.
func scoreWords(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '_' && !unicode.Is(unicode.Mn, r)
	})
}

// wordF1 is the scorer's bag-of-words F1 between two texts.
func wordF1(a, b string) float64 {
	wa, wb := scoreWords(a), scoreWords(b)
	if len(wa) == 0 || len(wb) == 0 {
		return 0
	}
	cb := map[string]int{}
	for _, w := range wb {
		cb[w]++
	}
	inter := 0
	for _, w := range wa {
		if cb[w] > 0 {
			cb[w]--
			inter++
		}
	}
	if inter == 0 {
		return 0
	}
	p, r := float64(inter)/float64(len(wb)), float64(inter)/float64(len(wa))
	return 2 * p * r / (p + r)
}

// capWords is the scorer's set of capitalised words of a speaker, less
// pronouns and articles.
func capWords(s string) map[string]bool {
	out := map[string]bool{}
	for _, w := range strings.FieldsFunc(s, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '_' && r != '\'' && r != '-'
	}) {
		if len(w) < 2 || w[0] < 'A' || w[0] > 'Z' || w == "The" || w == "A" || w == "An" {
			continue
		}
		switch lw := strings.ToLower(w); lw {
		case "he", "she", "they", "it", "i", "we", "you", "his", "her", "their", "him", "them", "who":
		default:
			out[lw] = true
		}
	}
	return out
}

type pair struct{ speaker, content string }

// brat reads the Attribution events of a PolNeAR .ann file.
func brat(t *testing.T, name string) []pair {
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	spans := map[string]string{}
	var events []map[string]string
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		parts := strings.Split(sc.Text(), "\t")
		switch {
		case len(parts) >= 3 && strings.HasPrefix(parts[0], "T"):
			spans[parts[0]] = parts[2]
		case len(parts) >= 2 && strings.HasPrefix(parts[0], "E"):
			ev := map[string]string{}
			for _, arg := range strings.Fields(parts[1]) {
				if k, v, ok := strings.Cut(arg, ":"); ok {
					ev[k] = v
				}
			}
			events = append(events, ev)
		}
	}
	var out []pair
	for _, ev := range events {
		if c := spans[ev["Content"]]; c != "" {
			out = append(out, pair{spans[ev["Source"]], c})
		}
	}
	return out
}

// speakerText is what a caller shows as the speaker: the antecedent of a
// pronoun when there is one.
func speakerText(text string, q quote.Quote) string {
	if q.Antecedent.Len() > 0 {
		return q.Antecedent.Of(text)
	}
	return q.Speaker.Of(text)
}

// A devDoc is one PolNeAR document: its gold pairs and Find's quotations.
type devDoc struct {
	gold []pair
	text string
	qs   []quote.Quote
}

// devScore holds the scorer's figures.
type devScore struct {
	p, r, f1, namedR float64
	gold, pred       int
}

// scoreDev scores docs as eval/score_quotes.py does. With join, a Quote
// that Continues the one before is joined to it; with noFragments,
// fragments are left out.
func scoreDev(docs []devDoc, join, noFragments bool) devScore {
	var nGold, nPred, hit, named, namedOK int
	for _, d := range docs {
		var pred []pair
		for _, q := range d.qs {
			if noFragments && q.Fragment {
				continue
			}
			c := q.Content.Of(d.text)
			if join && q.Continues && len(pred) > 0 {
				pred[len(pred)-1].content += " " + c
				continue
			}
			pred = append(pred, pair{speakerText(d.text, q), c})
		}
		nGold += len(d.gold)
		nPred += len(pred)
		type cand struct {
			f    float64
			g, p int
		}
		var cands []cand
		for g, gp := range d.gold {
			for p, pp := range pred {
				if f := wordF1(gp.content, pp.content); f >= 0.5 {
					cands = append(cands, cand{f, g, p})
				}
			}
		}
		sort.Slice(cands, func(i, j int) bool {
			if cands[i].f != cands[j].f {
				return cands[i].f > cands[j].f
			}
			if cands[i].g != cands[j].g {
				return cands[i].g > cands[j].g
			}
			return cands[i].p > cands[j].p
		})
		usedG, usedP := map[int]bool{}, map[int]bool{}
		for _, c := range cands {
			if usedG[c.g] || usedP[c.p] {
				continue
			}
			usedG[c.g], usedP[c.p] = true, true
			hit++
			if gs := capWords(d.gold[c.g].speaker); len(gs) > 0 {
				for w := range capWords(pred[c.p].speaker) {
					if gs[w] {
						namedOK++
						break
					}
				}
			}
		}
		for _, gp := range d.gold {
			if len(capWords(gp.speaker)) > 0 {
				named++
			}
		}
	}
	p, r := float64(hit)/float64(max(nPred, 1)), float64(hit)/float64(max(nGold, 1))
	return devScore{p: p, r: r, f1: 2 * p * r / max(p+r, 1e-9), namedR: float64(namedOK) / float64(max(named, 1)), gold: nGold, pred: nPred}
}

// TestPolNeARDev scores Find on the PolNeAR dev set the way
// eval/score_quotes.py does (word-F1 ≥ 0.5 one-to-one content matches;
// named speakers right when they share a capitalised word) and guards the
// figures against regressions.
func TestPolNeARDev(t *testing.T) {
	base := sharedtest.Path(t, "data/quotes/polnear/dev")
	texts, err := filepath.Glob(filepath.Join(base, "text", "*.txt"))
	if err != nil || len(texts) == 0 {
		t.Skipf("PolNeAR dev absent: %v", err)
	}
	var docs []devDoc
	for _, tf := range texts {
		name := strings.TrimSuffix(filepath.Base(tf), ".txt")
		anns, _ := filepath.Glob(filepath.Join(base, "attributions", name+"_*.ann"))
		if one := filepath.Join(base, "attributions", name+".ann"); fileExists(one) {
			anns = append([]string{one}, anns...)
		}
		if len(anns) == 0 {
			continue
		}
		sort.Strings(anns)
		raw, err := os.ReadFile(tf)
		if err != nil {
			t.Fatal(err)
		}
		a := &event.Article{Text: string(raw)}
		a.Blocks = lineBlocks(a.Text)
		docs = append(docs, devDoc{gold: brat(t, anns[0]), text: a.Text, qs: quote.Find(a, nlp.Sentences(a))})
	}
	for _, v := range []struct {
		name              string
		join, noFragments bool
	}{{"every quotation", false, false}, {"continuations joined", true, false}, {"joined, no fragments", true, true}} {
		s := scoreDev(docs, v.join, v.noFragments)
		t.Logf("PolNeAR dev, %s: content P=%.3f R=%.3f F1=%.3f, named attribution R=%.3f (%d gold, %d predicted)",
			v.name, s.p, s.r, s.f1, s.namedR, s.gold, s.pred)
	}
	s := scoreDev(docs, false, false)
	if s.f1 < 0.57 || s.namedR < 0.47 {
		t.Errorf("PolNeAR dev regressed: content F1=%.3f (floor 0.57), named attribution R=%.3f (floor 0.47)", s.f1, s.namedR)
	}
}

func fileExists(name string) bool {
	_, err := os.Stat(name)
	return err == nil
}

// TestSeedArticle checks the quotations the shared seed article's gold
// requires: each must be found, by content (contained, or word-F1 ≥ 0.5)
// and by speaker (a shared word with one of the gold speakers).
func TestSeedArticle(t *testing.T) {
	dir := sharedtest.Path(t, "gold/seed")
	raw, err := os.ReadFile(filepath.Join(dir, "kazakhstan-2022-01-07.txt"))
	if err != nil {
		t.Skipf("seed article absent: %v", err)
	}
	gj, err := os.ReadFile(filepath.Join(dir, "kazakhstan-2022-01-07.gold.json"))
	if err != nil {
		t.Skipf("seed gold absent: %v", err)
	}
	var gold struct {
		Quotes []struct {
			ID       string   `json:"id"`
			Required bool     `json:"required"`
			Speaker  []string `json:"speaker"`
			Text     string   `json:"text"`
			Direct   bool     `json:"direct"`
		} `json:"quotes"`
	}
	if err := json.Unmarshal(gj, &gold); err != nil {
		t.Fatal(err)
	}
	// The seed article is read as the plain-text reader reads it: a block
	// per line, the lines above its signature line a post.
	a := &event.Article{Text: string(raw)}
	a.Blocks = lineBlocks(a.Text)
	for i := range a.Blocks {
		if line := a.Blocks[i].Span.Of(a.Text); strings.HasPrefix(line, "— ") {
			author, _, _ := strings.Cut(strings.TrimPrefix(line, "— "), " (@")
			a.Blocks[i].Kind, a.Blocks[i].Author = event.BlockSignature, author
			for j := i - 1; j >= 0 && j >= i-4; j-- {
				a.Blocks[j].Kind = event.BlockPost
			}
		}
	}
	qs := quote.Find(a, nlp.Sentences(a))
	found := 0
	for _, g := range gold.Quotes {
		ok := false
		for _, q := range qs {
			c := q.Content.Of(a.Text)
			if !strings.Contains(c, g.Text) && wordF1(g.Text, c) < 0.5 {
				continue
			}
			spk := strings.ToLower(q.Speaker.Of(a.Text) + " " + q.Antecedent.Of(a.Text))
			for _, s := range g.Speaker {
				for _, w := range strings.Fields(strings.ToLower(s)) {
					if strings.Contains(spk, w) {
						ok = true
					}
				}
			}
		}
		if ok {
			found++
		} else if g.Required {
			t.Errorf("seed %s: required quotation %q (speaker %v) not found", g.ID, g.Text, g.Speaker)
		} else {
			t.Logf("seed %s: optional quotation %q (speaker %v) not found", g.ID, g.Text, g.Speaker)
		}
	}
	t.Logf("seed: %d of %d gold quotations found", found, len(gold.Quotes))
}
