package storetest

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/annals-project/annals/internal/event"
	"github.com/annals-project/annals/internal/store"
)

type synthCountry struct {
	name, adj, code, capital string
	lat, lon                 float64
}

// Capitals and their coordinates, rounded, from general knowledge.
var synthCountries = []synthCountry{
	{"Kenya", "Kenyan", "KEN", "Nairobi", -1.2864, 36.8172},
	{"Nigeria", "Nigerian", "NGA", "Abuja", 9.0765, 7.3986},
	{"Ethiopia", "Ethiopian", "ETH", "Addis Ababa", 9.0300, 38.7400},
	{"France", "French", "FRA", "Paris", 48.8566, 2.3522},
	{"India", "Indian", "IND", "New Delhi", 28.6139, 77.2090},
	{"Brazil", "Brazilian", "BRA", "Brasilia", -15.7939, -47.8828},
	{"Japan", "Japanese", "JPN", "Tokyo", 35.6762, 139.6503},
	{"Mexico", "Mexican", "MEX", "Mexico City", 19.4326, -99.1332},
}

var synthOutlets = []string{"wire.example", "daily.example", "herald.example", "post.example", "gazette.example", "radio.example"}

var synthFiller = []string{
	"The report could not be independently verified.",
	"Officials did not respond to requests for comment on Tuesday evening.",
	"The region has seen repeated unrest since the disputed election last year.",
	"Analysts said the move was likely to deepen tensions ahead of the summit.",
	"Markets in the capital were calm, traders said.",
	"Aid groups have warned of shortages of food and fuel in the area.",
}

// synthEvent is a sentence template: %[1]s is the source country, %[2]s the
// target country, %[3]s the place, %[4]d a number.
type synthEvent struct {
	format, verb         string
	srcRole, tgtRole     string
	cameo, plover, acled string
	quad                 int
	goldstein            float64
	killed, crowd        bool
}

var synthEvents = []synthEvent{
	{format: "The government of %[1]s accused %[2]s of violating the ceasefire near %[3]s.", verb: "accused",
		srcRole: "GOV", cameo: "112", plover: "ACCUSE", quad: 3, goldstein: -2},
	{format: "Officials from %[1]s held talks with envoys from %[2]s in %[3]s.", verb: "held talks",
		srcRole: "GOV", tgtRole: "GOV", cameo: "040", plover: "CONSULT", quad: 1, goldstein: 1},
	{format: "Troops from %[1]s clashed with rebels from %[2]s near %[3]s, killing %[4]d people.", verb: "clashed",
		srcRole: "MIL", tgtRole: "REB", cameo: "190", plover: "ASSAULT", acled: "Battles", quad: 4, goldstein: -10, killed: true},
	{format: "About %[4]d workers from %[1]s rallied in %[3]s against the trade deal with %[2]s.", verb: "rallied",
		srcRole: "LAB", cameo: "141", plover: "PROTEST", acled: "Protests", quad: 3, goldstein: -6.5, crowd: true},
	{format: "%[1]s pledged %[4]d million dollars in aid to %[2]s at a meeting in %[3]s.", verb: "pledged",
		cameo: "071", plover: "AID", quad: 2, goldstein: 7.4},
	{format: "%[1]s imposed sanctions on %[2]s, officials in %[3]s said.", verb: "imposed sanctions",
		srcRole: "GOV", cameo: "163", plover: "SANCTION", quad: 4, goldstein: -8},
}

// Synthetic returns n deterministic coded documents for seed: news-style
// sentences about eight countries, about 1 KB of text, five events and two
// quotes each, dated over 60 days from 2024-01-01 so that reports of one
// event recur across documents. About one document in ten is a syndicated
// copy (Origin set to another outlet). Documents differ in URL and text.
func Synthetic(n int, seed uint64) []*store.Document {
	r := rand.New(rand.NewPCG(seed, 0x616e6e616c73))
	start := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	docs := make([]*store.Document, n)
	for i := range docs {
		day := r.IntN(60)
		pub := start.AddDate(0, 0, day).Add(time.Duration(r.IntN(86400)) * time.Second)
		outlet := synthOutlets[r.IntN(len(synthOutlets))]
		var items []any
		for j := range 10 {
			if j%3 == 2 {
				items = append(items, synthFiller[r.IntN(len(synthFiller))])
				continue
			}
			if j == 4 || j == 7 {
				items = append(items, synthQuote(r, pub))
				continue
			}
			items = append(items, synthEventSpec(r, pub, fmt.Sprintf("s%d", j)))
		}
		items = append(items, fmt.Sprintf("Reporting by desk %d; editing by staff %d.", i, r.IntN(1000)))
		d := build(fmt.Sprintf("synth-%d-%d", seed, i), fmt.Sprintf("https://%s/story/%d/%d", outlet, seed, i),
			event.DateOf(pub).String(), items...)
		d.Article.PublishedAt = pub
		if r.IntN(10) == 0 {
			d.Origin = synthOutlets[r.IntN(len(synthOutlets))]
		}
		docs[i] = d
	}
	return docs
}

func synthEventSpec(r *rand.Rand, pub time.Time, rule string) evSpec {
	t := synthEvents[r.IntN(len(synthEvents))]
	src := synthCountries[r.IntN(len(synthCountries))]
	tgt := synthCountries[r.IntN(len(synthCountries))]
	place := synthCountries[r.IntN(len(synthCountries))]
	num := 2 + r.IntN(40)
	s := evSpec{
		rule: "synth-" + t.cameo + "-" + rule, verb: t.verb,
		sentence: fmt.Sprintf(t.format, src.name, tgt.name, place.capital, num),
		src:      src.name, srcCode: src.code + t.srcRole, tgt: tgt.name, tgtCode: tgt.code + t.tgtRole,
		cameo: t.cameo, plover: t.plover, acledType: t.acled, quad: t.quad, goldstein: t.goldstein,
		date:  event.DateOf(pub.AddDate(0, 0, -r.IntN(3))).String(),
		place: place.capital, country: place.code, lat: place.lat, lon: place.lon,
		confidence: 0.5 + float64(r.IntN(50))/100,
	}
	if t.killed {
		s.fatalities = num
	}
	if t.crowd {
		s.crowd = num * 100
	}
	if strings.HasPrefix(s.sentence, "%") {
		panic("storetest: bad template")
	}
	return s
}

func synthQuote(r *rand.Rand, pub time.Time) quoteSpec {
	c := synthCountries[r.IntN(len(synthCountries))]
	words := []string{"We will defend our borders", "The talks were constructive", "Nobody is above the law", "Aid must reach civilians now"}
	w := words[r.IntN(len(words))]
	return quoteSpec{sentence: fmt.Sprintf(`"%s," a spokesman for the %s foreign ministry told reporters.`, w, c.adj),
		quoted: w, direct: true, speaker: "a spokesman for the " + c.adj + " foreign ministry", code: c.code + "GOV",
		date: event.DateOf(pub).String()}
}
