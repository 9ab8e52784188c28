package tabari_test

import (
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/annals-project/annals/internal/event"
	"github.com/annals-project/annals/internal/lineerr"
	"github.com/annals-project/annals/internal/tabari"
)

var update = flag.Bool("update", false, "update golden files")

func date(y, m, d int) event.Date { return event.Date{Year: y, Month: time.Month(m), Day: d} }

func TestParseVerbs(t *testing.T) {
	tests := []struct {
		name     string
		in       string
		verbs    []tabari.Verb
		patterns []tabari.VerbPattern
		synsets  map[string]*tabari.Synset
	}{
		{
			name: "regular forms and block code",
			in: "--- PLEDGE [050] ---\n" +
				"PLEDGE # a comment\n" +
				"VOW [055]\n",
			verbs: []tabari.Verb{
				{VerbForm: vf(0, "pledge"), Code: "050", Line: 2, Forms: []tabari.VerbForm{vf(0, "pledge"), vf(0, "pledges"), vf(0, "pledged"), vf(0, "pledging")}},
				{VerbForm: vf(0, "vow"), Code: "055", Line: 3, Forms: []tabari.VerbForm{vf(0, "vow"), vf(0, "vows"), vf(0, "vowed"), vf(0, "vowing")}},
			},
		},
		{
			name: "irregular and multi-word forms",
			in: "---  SEIZE   ---\n" +
				"SEIZE {SEIZED, SEIZES SEIZING} ; legacy comment\n" +
				"+HAND_OVER {+HANDED_OVER +HANDS_OVER} [064]\n" +
				"WIRE_+TAP\n" +
				"HURRY\n",
			verbs: []tabari.Verb{
				{VerbForm: vf(0, "seize"), Code: "---", Line: 2, Forms: []tabari.VerbForm{vf(0, "seize"), vf(0, "seized"), vf(0, "seizes"), vf(0, "seizing")}},
				{VerbForm: vf(0, "hand", "over"), Code: "064", Line: 3, Forms: []tabari.VerbForm{vf(0, "hand", "over"), vf(0, "handed", "over"), vf(0, "hands", "over")}},
				{VerbForm: vf(1, "wire", "tap"), Code: "---", Line: 4, Forms: []tabari.VerbForm{vf(1, "wire", "tap"), vf(1, "wire", "taps"), vf(1, "wire", "taped"), vf(1, "wire", "taping")}},
				{VerbForm: vf(0, "hurry"), Code: "---", Line: 5, Forms: []tabari.VerbForm{vf(0, "hurry"), vf(0, "hurries"), vf(0, "hurried"), vf(0, "hurrying")}},
			},
		},
		{
			name: "pattern elements",
			in: "&FUNDS_\n+EMERGENCY_CASH\n+LOANS\n" +
				"--- SEND [070] ---\n" +
				"SEND {SENT SENDING SENDS}\n" +
				"- $ * &FUNDS_TO + [071]\n" +
				"- ^ NOT_* {TROOPS | RIOT POLICE} [---] # comment\n" +
				"- * (TO {BORDER AREA}) % [042:043]\n" +
				"- * IN_ + [036]\n",
			verbs: []tabari.Verb{
				{VerbForm: vf(0, "send"), Code: "070", Line: 5, Forms: []tabari.VerbForm{vf(0, "send"), vf(0, "sent"), vf(0, "sending"), vf(0, "sends")}},
			},
			patterns: []tabari.VerbPattern{
				{Verb: "send", Code: "071", Line: 6, Elems: []tabari.Elem{
					{Kind: tabari.ElemSource}, {Kind: tabari.ElemVerb}, {Kind: tabari.ElemSynset, Text: "&FUNDS", Glued: true},
					{Kind: tabari.ElemWord, Text: "to"}, {Kind: tabari.ElemTarget},
				}},
				{Verb: "send", Code: "---", Line: 7, Elems: []tabari.Elem{
					{Kind: tabari.ElemSkip}, {Kind: tabari.ElemWord, Text: "not", Glued: true}, {Kind: tabari.ElemVerb},
					{Kind: tabari.ElemAlt, Alts: [][]string{{"troops"}, {"riot", "police"}}},
				}},
				{Verb: "send", Code: "042:043", Line: 8, Elems: []tabari.Elem{
					{Kind: tabari.ElemVerb}, {Kind: tabari.ElemWord, Text: "to", Prep: 1},
					{Kind: tabari.ElemWord, Text: "border", Prep: 1, Noun: 2}, {Kind: tabari.ElemWord, Text: "area", Prep: 1, Noun: 2},
					{Kind: tabari.ElemCompound},
				}},
				{Verb: "send", Code: "036", Line: 9, Elems: []tabari.Elem{
					{Kind: tabari.ElemVerb}, {Kind: tabari.ElemWord, Text: "in"}, {Kind: tabari.ElemTarget},
				}},
			},
			synsets: map[string]*tabari.Synset{
				"&FUNDS": {Name: "&FUNDS", Line: 1, Phrases: [][]string{{"emergency", "cash"}, {"loans"}}},
			},
		},
		{
			name: "synset plurals, nesting and longest name",
			in: "&ARMS\n+RIFLE\n+ARMORED_VEHICLE_\n+MISSILE_BATTERY\n" +
				"&ARMS_AND_MONEY\n+&ARMS\n+CASH_\n" +
				"--- BUY [---] ---\nBUY {BOUGHT}\n" +
				"- * &ARMS_AND_MONEY [071]\n" +
				"- * &ARMS_CACHE [072]\n" +
				"<!-- a comment\n  over two lines --> - * MORE [073]\n",
			verbs: []tabari.Verb{
				{VerbForm: vf(0, "buy"), Code: "---", Line: 9, Forms: []tabari.VerbForm{vf(0, "buy"), vf(0, "bought")}},
			},
			patterns: []tabari.VerbPattern{
				{Verb: "buy", Code: "071", Line: 10, Elems: []tabari.Elem{{Kind: tabari.ElemVerb}, {Kind: tabari.ElemSynset, Text: "&ARMS_AND_MONEY"}}},
				{Verb: "buy", Code: "072", Line: 11, Elems: []tabari.Elem{{Kind: tabari.ElemVerb}, {Kind: tabari.ElemSynset, Text: "&ARMS", Glued: true}, {Kind: tabari.ElemWord, Text: "cache"}}},
				{Verb: "buy", Code: "073", Line: 13, Elems: []tabari.Elem{{Kind: tabari.ElemVerb}, {Kind: tabari.ElemWord, Text: "more"}}},
			},
			synsets: map[string]*tabari.Synset{
				"&ARMS": {Name: "&ARMS", Line: 1, Phrases: [][]string{{"rifle"}, {"rifles"}, {"armored", "vehicle"}, {"missile", "battery"}, {"missile", "batteries"}}},
				"&ARMS_AND_MONEY": {Name: "&ARMS_AND_MONEY", Line: 5, Phrases: [][]string{
					{"rifle"}, {"rifles"}, {"armored", "vehicle"}, {"missile", "battery"}, {"missile", "batteries"}, {"cash"}}},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v, err := tabari.ParseVerbs("test.verbs", strings.NewReader(tt.in))
			if err != nil {
				t.Fatalf("ParseVerbs: %v", err)
			}
			for i := range v.Verbs {
				v.Verbs[i].Block = 0
			}
			for i := range v.Patterns {
				v.Patterns[i].Block = 0
			}
			if diff := cmp.Diff(tt.verbs, v.Verbs); diff != "" {
				t.Errorf("verbs (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.patterns, v.Patterns); diff != "" {
				t.Errorf("patterns (-want +got):\n%s", diff)
			}
			if tt.synsets == nil {
				tt.synsets = map[string]*tabari.Synset{}
			}
			if diff := cmp.Diff(tt.synsets, v.Synsets); diff != "" {
				t.Errorf("synsets (-want +got):\n%s", diff)
			}
		})
	}
}

func vf(head int, words ...string) tabari.VerbForm { return tabari.VerbForm{Words: words, Head: head} }

func TestParseActors(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []tabari.Actor
	}{
		{
			name: "codes on the name line and synonyms",
			in:   "NORTHLAND_  [NTH] # a country\n+NORTHLANDER\n+PORT_ARDEN_\n\nRIVER_COUNCIL [NTHGOV][NGO]\n",
			want: []tabari.Actor{
				{Names: []string{"northland", "northlander", "port arden"}, Codes: []tabari.DatedCode{{Code: "NTH"}}, Line: 1},
				{Names: []string{"river council"}, Codes: []tabari.DatedCode{{Code: "NTHGOV"}, {Code: "NGO"}}, Line: 5},
			},
		},
		{
			name: "date restrictions",
			in: "MARA_VOSS\n+PRESIDENT_VOSS\n" +
				"\t[NTHELI <990131]\n" +
				"\t[NTHGOV 19990201 - 20040115]\n" +
				"\t[NTHELI > 040116] # after office\n" +
				"\t[NTH]\n",
			want: []tabari.Actor{{
				Names: []string{"mara voss", "president voss"}, Line: 1,
				Codes: []tabari.DatedCode{
					{Code: "NTHELI", To: date(1999, 1, 31)},
					{Code: "NTHGOV", From: date(1999, 2, 1), To: date(2004, 1, 15)},
					{Code: "NTHELI", From: date(2004, 1, 16)},
					{Code: "NTH"},
				},
			}},
		},
		{
			name: "two-digit years and xml comments",
			in:   "<!-- header -->\nOLD_GUARD [OLD 300101-310101] <!-- inline --> \n",
			want: []tabari.Actor{{Names: []string{"old guard"}, Line: 2, Codes: []tabari.DatedCode{{Code: "OLD", From: date(2030, 1, 1), To: date(1931, 1, 1)}}}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tabari.ParseActors("test.actors", strings.NewReader(tt.in))
			if err != nil {
				t.Fatalf("ParseActors: %v", err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("ParseActors (-want +got):\n%s", diff)
			}
		})
	}
}

func TestActorCodeOn(t *testing.T) {
	a := tabari.Actor{Codes: []tabari.DatedCode{
		{Code: "NTHELI", To: date(1999, 1, 31)},
		{Code: "NTHGOV", From: date(1999, 2, 1), To: date(2004, 1, 15)},
		{Code: "NTH"},
	}}
	tests := []struct {
		name string
		on   event.Date
		want string
	}{
		{"before", date(1998, 6, 1), "NTHELI"},
		{"last day before", date(1999, 1, 31), "NTHELI"},
		{"first day in office", date(1999, 2, 1), "NTHGOV"},
		{"after", date(2010, 1, 1), "NTH"},
		{"unknown date", event.Date{}, "NTH"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := a.CodeOn(tt.on); got != tt.want {
				t.Errorf("CodeOn(%v) = %q, want %q", tt.on, got, tt.want)
			}
		})
	}
}

func TestParseAgents(t *testing.T) {
	in := "!WORKER! = DOCKER, MINER\n" +
		"PORT_!WORKER! [~LAB]\n" +
		"MINISTRY [~GOV]\n" +
		"AIR_FORCE {} [~MIL] # no plural\n" +
		"CHIEF_OF_STAFF {CHIEFS_OF_STAFF} [ ~MIL]\n" +
		"AID_AGENCY [NGO~]\n" +
		"BOSS [~BUS]\n" +
		"REFORMER\n"
	want := []tabari.Agent{
		{Names: []string{"port docker", "port miner"}, Code: "~LAB", Role: "LAB", Line: 2},
		{Names: []string{"ministry", "ministries"}, Code: "~GOV", Role: "GOV", Line: 3},
		{Names: []string{"air force"}, Code: "~MIL", Role: "MIL", Line: 4},
		{Names: []string{"chief of staff", "chiefs of staff"}, Code: "~MIL", Role: "MIL", Line: 5},
		{Names: []string{"aid agency", "aid agencies"}, Code: "NGO~", Role: "NGO", Prefix: true, Line: 6},
		{Names: []string{"boss", "bosses"}, Code: "~BUS", Role: "BUS", Line: 7},
	}
	got, err := tabari.ParseAgents("test.agents", strings.NewReader(in))
	if err != nil {
		t.Fatalf("ParseAgents: %v", err)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("ParseAgents (-want +got):\n%s", diff)
	}
	if g := got[4].Apply("USA"); g != "NGOUSA" {
		t.Errorf("Apply(USA) for NGO~ = %q, want NGOUSA", g)
	}
	if g := got[1].Apply("USA"); g != "USAGOV" {
		t.Errorf("Apply(USA) for ~GOV = %q, want USAGOV", g)
	}
}

func TestParseDiscards(t *testing.T) {
	in := "# sports\nCHESS  OLYMPIAD   # ab\n+Harbour Regatta\nRUGBY_ [###]\n"
	got, err := tabari.ParseDiscards("test.discards", strings.NewReader(in))
	if err != nil {
		t.Fatalf("ParseDiscards: %v", err)
	}
	want := []string{"chess olympiad", "+harbour regatta", "rugby_"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("ParseDiscards (-want +got):\n%s", diff)
	}
}

// TestBadDictionaries parses every testdata/bad-dictionaries/*.bad.txt
// with the parser its name starts with and compares the whole error with
// the .err golden file beside it.
func TestBadDictionaries(t *testing.T) {
	files, err := filepath.Glob("testdata/bad-dictionaries/*.bad.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no bad dictionaries: %v", err)
	}
	for _, path := range files {
		base := filepath.Base(path)
		t.Run(base, func(t *testing.T) {
			f, err := os.Open(path)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			switch kind, _, _ := strings.Cut(base, "-"); kind {
			case "verbs", "comment":
				_, err = tabari.ParseVerbs(base, f)
			case "actors":
				_, err = tabari.ParseActors(base, f)
			case "agents":
				_, err = tabari.ParseAgents(base, f)
			case "discards":
				_, err = tabari.ParseDiscards(base, f)
			default:
				t.Fatalf("unknown dictionary kind %q", kind)
			}
			if err == nil {
				t.Fatalf("parse %s: no error", base)
			}
			var list lineerr.List
			if !errors.As(err, &list) {
				t.Fatalf("parse %s: error %T is not a lineerr.List: %v", base, err, err)
			}
			golden := strings.TrimSuffix(path, ".bad.txt") + ".err"
			if *update {
				if err := os.WriteFile(golden, []byte(err.Error()+"\n"), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, rerr := os.ReadFile(golden)
			if rerr != nil {
				t.Fatalf("read golden: %v (run with -update)", rerr)
			}
			if diff := cmp.Diff(string(want), err.Error()+"\n"); diff != "" {
				t.Errorf("error text (-want +got):\n%s", diff)
			}
		})
	}
}

func TestLoadSetReportsEveryFile(t *testing.T) {
	dir := t.TempDir()
	write := func(name, s string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	set := tabari.Set{
		Verbs:    write("v.txt", "--- WARN [130] ---\nWARN\n- * ATTACK\n- STRIKE [138]\n"),
		Actors:   []string{write("a1.txt", "NORTHLAND [NTH\n"), write("a2.txt", "SOUTHLAND [STH 20011301-20020101]\n")},
		Agents:   write("g.txt", "MINISTER [GOV]\n"),
		Discards: write("d.txt", "CHESS [X]\n"),
	}
	d, err := tabari.LoadSet(set)
	if d != nil {
		t.Errorf("LoadSet returned dictionaries despite errors")
	}
	var list lineerr.List
	if !errors.As(err, &list) {
		t.Fatalf("LoadSet error %T is not a lineerr.List: %v", err, err)
	}
	got := strings.ReplaceAll(err.Error(), dir+string(filepath.Separator), "")
	want := strings.Join([]string{
		`a1.txt:1: unbalanced "[": missing "]"`,
		`a2.txt:1: code STH: bad date "20011301": no such day`,
		`d.txt:1: discard: unexpected [X… after the phrase`,
		`g.txt:1: agent code "GOV": want ~CODE or CODE~`,
		`v.txt:3: pattern without a [code]`,
		`v.txt:4: pattern without the verb marker *`,
	}, "\n")
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("LoadSet error (-want +got):\n%s", diff)
	}

	if _, err := tabari.LoadSet(tabari.Set{Verbs: filepath.Join(dir, "missing.txt")}); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("LoadSet(missing file) = %v, want an os.ErrNotExist error", err)
	}
}

func TestLoadSetWarnings(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "a.txt")
	in := "LAKELAND [LKL 0101017-20020101]\nNO_CODE_CITY\nHILLS [HLL]  trailing words\n"
	if err := os.WriteFile(p, []byte(in), 0o644); err != nil {
		t.Fatal(err)
	}
	d, err := tabari.LoadSet(tabari.Set{Actors: []string{p}})
	if err != nil {
		t.Fatalf("LoadSet: %v", err)
	}
	var got []string
	for _, w := range d.Warnings.Strings() {
		got = append(got, strings.TrimPrefix(w, dir+string(filepath.Separator)))
	}
	want := []string{
		`a.txt:1: date "0101017" has 7 digits; read as 2001-01-01 like PETRARCH`,
		`a.txt:2: actor "no code city" has no [code]; PETRARCH codes it ---`,
		`a.txt:3: text "trailing words" after the codes ignored`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("warnings (-want +got):\n%s", diff)
	}
	if len(d.Actors) != 3 {
		t.Errorf("got %d actors, want 3", len(d.Actors))
	}
}
