package code_test

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/annals-project/annals/internal/date"
	"github.com/annals-project/annals/internal/event"
	"github.com/annals-project/annals/internal/event/code"
	"github.com/annals-project/annals/internal/extract"
	"github.com/annals-project/annals/internal/nlp"
	"github.com/google/go-cmp/cmp"
	"golang.org/x/tools/txtar"
)

var defaultCoder = sync.OnceValues(code.Default)

// MustCoder returns the built-in coder, loaded once for all tests.
func MustCoder(tb testing.TB) *code.Coder {
	tb.Helper()
	c, err := defaultCoder()
	if err != nil {
		tb.Fatalf("code.Default: %v", err)
	}
	return c
}

// codeText codes a plain-text story anchored on anchor.
func codeText(tb testing.TB, text, anchor string) []event.Event {
	tb.Helper()
	a := &event.Article{ID: "test", Text: text, Blocks: extract.Plain(text)}
	var fallback event.Date
	if anchor != "" {
		d, err := event.ParseDate(anchor)
		if err != nil {
			tb.Fatal(err)
		}
		fallback = d
	}
	date.Anchor(a, fallback)
	evs, _, _ := MustCoder(tb).Code(a, nlp.Sentences(a))
	return evs
}

// summary is the line a txtar case expects for one event:
// "SRC_COUNTRY SRC_ROLE -> TGT_COUNTRY TGT_ROLE ROOT", "-" for unknown.
func summary(e event.Event) string {
	side := func(a *event.Actor) string {
		if a == nil {
			return "- -"
		}
		return orDash(a.Country) + " " + orDash(a.Role)
	}
	return fmt.Sprintf("%s -> %s %s", side(e.Source), side(e.Target), e.Root)
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// TestCases runs the coder's behaviour spec: testdata/*.txtar, each a
// story (input.txt) and the events it must give (want.txt), or "none".
// A case with a skip file documents a known gap: it is reported, not run.
func TestCases(t *testing.T) {
	files, err := filepath.Glob("testdata/*.txtar")
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Skip("no txtar cases")
	}
	for _, f := range files {
		t.Run(strings.TrimSuffix(filepath.Base(f), ".txtar"), func(t *testing.T) {
			ar, err := txtar.ParseFile(f)
			if err != nil {
				t.Fatal(err)
			}
			parts := map[string]string{}
			for _, file := range ar.Files {
				parts[file.Name] = string(file.Data)
			}
			if why, ok := parts["skip"]; ok {
				t.Skipf("known gap: %s", strings.TrimSpace(why))
			}
			input, ok := parts["input.txt"]
			if !ok {
				t.Fatalf("%s: no input.txt", f)
			}
			var want []string
			for _, l := range strings.Split(parts["want.txt"], "\n") {
				if l = strings.Join(strings.Fields(l), " "); l != "" && l != "none" {
					want = append(want, l)
				}
			}
			var got []string
			for _, e := range codeText(t, input, strings.TrimSpace(parts["anchor"])) {
				got = append(got, summary(e))
			}
			slices.Sort(want)
			slices.Sort(got)
			got = slices.Compact(got)
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("events of %q (-want +got):\n%s", strings.TrimSpace(input), diff)
			}
		})
	}
}

// TestFutureDate checks that a date after the document's own is taken for
// the date of a plan, not of the event: the pledge keeps the document's
// date.
func TestFutureDate(t *testing.T) {
	evs := codeText(t, "Kenya's government pledged to hold fresh elections by 2030.", "2024-03-01")
	if len(evs) != 1 {
		t.Fatalf("got %d events, want 1: %v", len(evs), evs)
	}
	if e := evs[0]; e.Date.String() != "2024-03-01" || e.DatePrecision != "anchor" {
		t.Errorf("pledge dated %s (%s), want 2024-03-01 (anchor)", e.Date, e.DatePrecision)
	}
}

// TestACLEDCrime checks that violence by criminals, and by one person
// against another with nothing political named, has no ACLED type, while a
// crowd's violence is mob violence.
func TestACLEDCrime(t *testing.T) {
	tests := []struct{ text, want string }{
		{"Armed robbers shot dead a shopkeeper in Lagos on Monday.", ""},
		{"Police said a man killed his wife in Karachi on Sunday.", ""},
		{"Supporters of two rival candidates clashed in Sylhet on Monday.", "Mob violence"},
	}
	for _, tt := range tests {
		got := ""
		for _, e := range codeText(t, tt.text, "2023-05-02") {
			if e.Root >= "17" && e.ACLEDSubtype != "" {
				got = e.ACLEDSubtype
			}
		}
		if got != tt.want {
			t.Errorf("ACLED sub-type of %q = %q, want %q", tt.text, got, tt.want)
		}
	}
}

// TestEventPlace checks which place an event is put in: the name as the
// text writes it, and the gazetteer place its coordinates come from.
func TestEventPlace(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the gazetteer")
	}
	tests := []struct{ name, text, place, geoname string }{
		{"possessor contains the district", "Gunmen shot dead a tribal elder in Lagos's Otumara district on Wednesday.", "Otumara", "Lagos"},
		{"origin is not the place", "Rebels killed four traders from Kano near the town of Maiduguri on Monday.", "Maiduguri", "Maiduguri"},
		{"area the gazetteer lacks", "A car bomb exploded in the Qasr Nurani area of Damascus on Sunday, killing six people.", "Qasr Nurani", "Damascus"},
		{"square keeps its noun", "Riot police dispersed protesters at Liberation Square in Baghdad on Friday.", "Liberation Square", "Baghdad"},
		{"more precise place after the region", "Soldiers shelled houses in the West Bank town of Jenin on Monday.", "Jenin", "Janīn"},
		{"possessive place is an owner", "Hundreds of people protested in Karachi on Sunday against India's new dam.", "Karachi", "Karachi"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			evs := codeText(t, tt.text, "2024-03-01")
			if len(evs) == 0 {
				t.Fatalf("no event in %q", tt.text)
			}
			l := evs[len(evs)-1].Location
			if l == nil {
				t.Fatalf("event of %q has no place", tt.text)
			}
			if l.Name != tt.place || l.Geoname != tt.geoname {
				t.Errorf("place of %q = %q (%s), want %q (%s)", tt.text, l.Name, l.Geoname, tt.place, tt.geoname)
			}
		})
	}
}

// TestACLEDSubtype checks the ACLED sub-type of the most confident event
// of short reports, as ACLED-typing scorers read it.
func TestACLEDSubtype(t *testing.T) {
	tests := []struct{ text, want string }{
		{"Police fired tear gas and rubber bullets to disperse hundreds of protesters in Nairobi on Tuesday.", "Protest with intervention"},
		{"Security forces shot dead three demonstrators during a protest against fuel prices in Conakry.", "Excessive force against protesters"},
		{"Protesters torched tyres and threw stones at police in Lagos, and police responded with tear gas.", "Violent demonstration"},
		{"Gunmen killed 12 villagers in an attack on a farming community in Zamfara State.", "Attack"},
		{"Air strikes by the Syrian government hit rebel positions in Idlib province.", "Air/drone strike"},
		{"A roadside bomb exploded near a military convoy in Helmand, wounding four soldiers.", "Remote explosive/landmine/IED"},
		{"Militants threw a grenade at a police station in Srinagar.", "Grenade"},
		{"Police arrested 40 opposition supporters in Kampala ahead of the rally.", "Arrests"},
		{"Police defused a bomb planted outside a church in Jos.", "Disrupted weapons use"},
		{"Drone strikes by the US killed four al-Qaeda militants in Shabwa.", "Air/drone strike"},
		{"Riot police used water cannon to break up a rally by opposition supporters in Tbilisi.", "Protest with intervention"},
		{"Government troops retook control of the city of Bentiu from rebels.", "Government regains territory"},
		{"Police seized a large cache of weapons and explosives in Mindanao.", "Disrupted weapons use"},
		{"A gunman killed his former partner and her mother in a domestic dispute in Texas.", ""},
		{"Police arrested a man for smuggling drugs at the airport in Lagos.", ""},
		{"A suicide bomber attacked a checkpoint in Mogadishu, killing six soldiers.", "Suicide bomb"},
		{"Gunmen shot dead a mayor in the state of Guerrero on Tuesday.", "Attack"},
		{"Security forces used live ammunition against demonstrators in Freetown, killing six.", "Excessive force against protesters"},
		{"Troops intercepted a shipment of weapons bound for rebels in Cabo Delgado.", "Disrupted weapons use"},
		{"A magnitude 6.8 earthquake struck central Morocco, killing more than 2,000 people.", ""},
		{"A bus collided with a truck on the highway near Multan, killing 14 passengers.", ""},
	}
	for _, tt := range tests {
		got, conf := "", -1.0
		for _, e := range codeText(t, tt.text, "2023-06-01") {
			if e.ACLEDSubtype != "" && e.Confidence > conf {
				got, conf = e.ACLEDSubtype, e.Confidence
			}
		}
		if got != tt.want {
			t.Errorf("ACLED sub-type of %q = %q, want %q", tt.text, got, tt.want)
		}
	}
}
