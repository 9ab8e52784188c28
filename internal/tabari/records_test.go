package tabari_test

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/annals-project/annals/internal/event"
	"github.com/annals-project/annals/internal/tabari"
)

// tokenize is a small stand-in for the nlp package: blanks split words,
// punctuation at word edges is its own token, and "n't" and "'s" are
// split off as the Penn Treebank does.
func tokenize(text string) []tabari.Token {
	var out []tabari.Token
	add := func(s, e int) {
		if s < e {
			out = append(out, tabari.Token{Span: event.Span{Start: s, End: e}, Word: strings.ToLower(text[s:e])})
		}
	}
	i := 0
	for i < len(text) {
		for i < len(text) && (text[i] == ' ' || text[i] == '\n' || text[i] == '\t') {
			i++
		}
		s := i
		for i < len(text) && text[i] != ' ' && text[i] != '\n' && text[i] != '\t' {
			i++
		}
		e := i
		var tail []event.Span
		for s < e && strings.IndexByte(",;:!?\"()`", text[s]) >= 0 {
			add(s, s+1)
			s++
		}
		for e > s && strings.IndexByte(",;:!?\"()`'", text[e-1]) >= 0 {
			tail = append(tail, event.Span{Start: e - 1, End: e})
			e--
		}
		if e > s && text[e-1] == '.' && !strings.Contains(text[s:e-1], ".") {
			tail = append(tail, event.Span{Start: e - 1, End: e})
			e--
		}
		w := strings.ToLower(text[s:e])
		switch {
		case strings.HasSuffix(w, "n't") && len(w) > 3:
			add(s, e-3)
			add(e-3, e)
		case strings.HasSuffix(w, "'s") && len(w) > 2:
			add(s, e-2)
			add(e-2, e)
		default:
			add(s, e)
		}
		for k := len(tail) - 1; k >= 0; k-- {
			add(tail[k].Start, tail[k].End)
		}
	}
	return out
}

type record struct {
	id, text string
	date     event.Date
	want     []string
}

var (
	sentRE   = regexp.MustCompile(`<Sentence\b([^>]*?)/?>`)
	attrRE   = regexp.MustCompile(`(\w+)="([^"]*)"`)
	codingRE = regexp.MustCompile(`<EventCoding\b([^>]*)>`)
	textRE   = regexp.MustCompile(`(?s)<Text>(.*?)</Text>`)
)

// readRecords reads PETRARCH validation records the way
// ../shared/eval/score_petrarch.py does.
func readRecords(tb testing.TB, path string) []record {
	raw, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	s := string(raw)
	starts := sentRE.FindAllStringSubmatchIndex(s, -1)
	var out []record
	for i, m := range starts {
		attrs := map[string]string{}
		for _, a := range attrRE.FindAllStringSubmatch(s[m[2]:m[3]], -1) {
			attrs[a[1]] = a[2]
		}
		end := len(s)
		if i+1 < len(starts) {
			end = starts[i+1][0]
		}
		body := s[m[1]:end]
		t := textRE.FindStringSubmatch(body)
		if t == nil {
			continue
		}
		r := record{id: attrs["id"], text: strings.Join(strings.Fields(t[1]), " ")}
		if d, err := time.Parse("20060102", attrs["date"]); err == nil {
			r.date = event.DateOf(d)
		}
		for _, c := range codingRE.FindAllStringSubmatch(body, -1) {
			a := map[string]string{}
			for _, kv := range attrRE.FindAllStringSubmatch(c[1], -1) {
				a[kv[1]] = kv[2]
			}
			if strings.EqualFold(a["noevents"], "true") || a["eventcode"] == "" || a["eventcode"] == "---" {
				continue
			}
			r.want = append(r.want, a["sourcecode"]+" "+a["targetcode"]+" "+a["eventcode"])
		}
		slices.Sort(r.want)
		r.want = slices.Compact(r.want)
		out = append(out, r)
	}
	return out
}

// TestUnitRecords codes PETRARCH's unit-test records with its validation
// dictionaries and reports how many come out exactly as expected.
func TestUnitRecords(t *testing.T) {
	dir := petrarchDir(t)
	d, err := tabari.LoadSet(validateSet(dir))
	if err != nil {
		t.Fatal(err)
	}
	m := tabari.NewMatcher(d)
	recs := readRecords(t, filepath.Join(dir, "PETR.UnitTest.records.xml"))
	pass, tp, nGot, nWant := 0, 0, 0, 0
	for _, r := range recs {
		var got []string
		for _, e := range m.Code(tokenize(r.text), r.date) {
			got = append(got, e.Source+" "+e.Target+" "+e.Code)
		}
		slices.Sort(got)
		got = slices.Compact(got)
		nGot += len(got)
		nWant += len(r.want)
		for _, g := range got {
			if slices.Contains(r.want, g) {
				tp++
			}
		}
		if slices.Equal(got, r.want) {
			pass++
		} else if testing.Verbose() && os.Getenv("TABARI_SHOW_FAILS") != "" {
			fmt.Printf("FAIL %-12s want %v got %v :: %s\n", r.id, r.want, got, r.text)
		}
	}
	t.Logf("unit records: pass %d/%d; events P=%.2f R=%.2f (%d coded, %d expected)",
		pass, len(recs), float64(tp)/float64(max(nGot, 1)), float64(tp)/float64(max(nWant, 1)), nGot, nWant)
	if pass < 100 {
		t.Errorf("only %d of %d unit records pass", pass, len(recs))
	}
}
