package export

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/annals-project/annals/internal/cameo"
	"github.com/annals-project/annals/internal/event"
	"github.com/annals-project/annals/internal/store"
)

// A PLOVERRecord is one event in the PLOVER data format (PLOVER manual,
// chapter "Data Fields", table "PLOVER JSON"). Fields after Coder are
// annals extensions, which the manual allows ("Providers should feel free
// to include named fields beyond those provided here").
type PLOVERRecord struct {
	ID         string          `json:"id"`
	Date       string          `json:"date"`
	Actor      []PLOVEREntity  `json:"actor"`
	Recipient  []PLOVEREntity  `json:"recipient,omitempty"`
	Event      []string        `json:"event"`
	EventLoc   *PLOVERLocation `json:"event_loc,omitempty"`
	EventText  []string        `json:"event_text,omitempty"`
	QuadCode   int             `json:"quad_code,omitempty"`
	EventScale *float64        `json:"event_scale,omitempty"`
	Mode       []string        `json:"mode,omitempty"`
	Context    []string        `json:"context,omitempty"`
	Text       string          `json:"text,omitempty"`
	TextInfo   *PLOVERTextInfo `json:"text_info,omitempty"`
	CiteInfo   *PLOVERCiteInfo `json:"cite_info,omitempty"`
	Size       *PLOVERSize     `json:"size,omitempty"`
	Coder      string          `json:"coder,omitempty"`
	CodedDate  string          `json:"coded_date,omitempty"`

	// CAMEO and Goldstein are the event's CAMEO code and Goldstein score.
	CAMEO     string  `json:"cameo,omitempty"`
	Goldstein float64 `json:"goldstein"`
	// NumMentions, NumArticles and NumSources count the event's reports.
	NumMentions int `json:"num_mentions"`
	NumArticles int `json:"num_articles"`
	NumSources  int `json:"num_sources"`
}

// A PLOVEREntity is an actor or recipient (PLOVER manual, table
// "Information object for entities", and its example actor block).
type PLOVEREntity struct {
	// Code is the country (ISO alpha-3, KOS for Kosovo) or one of PLOVER's
	// international codes: IGO, UNO, EUR, NGO, IMG, MNC.
	Code   string `json:"code,omitempty"`
	Sector string `json:"sector,omitempty"`
	// OtherSectors lists further sector codes, as in the manual's
	// other_sector_codes.
	OtherSectors   []string `json:"other_sector_codes,omitempty"`
	EntityText     string   `json:"entity_text,omitempty"`
	IdentifierText string   `json:"identifier_text,omitempty"`
	CountryName    string   `json:"country_name,omitempty"`
	Religion       string   `json:"religion,omitempty"`
	Ethnicity      string   `json:"ethnicity,omitempty"`
	// CAMEO is the actor's full CAMEO code (an annals extension).
	CAMEO string `json:"cameo,omitempty"`
}

// A PLOVERLocation is the event_loc object (PLOVER manual, table "Location
// object", GeoNames field names).
type PLOVERLocation struct {
	ExtractedPlace string  `json:"extracted_place,omitempty"`
	ResolvedPlace  string  `json:"resolved_place,omitempty"`
	GeonameID      int     `json:"geonameid,omitempty"`
	Lat            float64 `json:"lat"`
	Lon            float64 `json:"lon"`
	Province       string  `json:"province,omitempty"`
	Country        string  `json:"country,omitempty"`
	CountryCode    string  `json:"country_code,omitempty"`
	// Resolution is 4 for a city, 2 for a province, 1 for a country.
	Resolution int `json:"resolution,omitempty"`
}

// PLOVERTextInfo locates the evidence sentence in its document, in
// Unicode code points (PLOVER manual, table "Information object for
// text").
type PLOVERTextInfo struct {
	Sequence int `json:"sequence"`
	Start    int `json:"start"`
	End      int `json:"end"`
}

// PLOVERCiteInfo describes the document (PLOVER manual, table
// "Information object for citations").
type PLOVERCiteInfo struct {
	URL         string `json:"url,omitempty"`
	Title       string `json:"title,omitempty"`
	Publication string `json:"publication,omitempty"`
	Language    string `json:"language,omitempty"`
	Coder       string `json:"coder,omitempty"`
	Codebook    string `json:"codebook,omitempty"`
}

// PLOVERSize holds the event's counts (PLOVER manual, table "Information
// object for size"); Crowd is an annals extension.
type PLOVERSize struct {
	Dead    *int `json:"dead,omitempty"`
	Injured *int `json:"injured,omitempty"`
	Crowd   *int `json:"crowd,omitempty"`
}

// ploverCodebook names the PLOVER version the codes follow.
const ploverCodebook = "plover-0.8"

// PLOVERQuad returns the quad category the PLOVER manual gives an event
// type (1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4
// material conflict), or 0 for an unknown type.
func PLOVERQuad(ev string) int {
	switch ev {
	case "AGREE", "CONSULT", "SUPPORT", "CONCEDE":
		return 1
	case "COOPERATE", "AID", "RETREAT":
		return 2
	case "REQUEST", "ACCUSE", "REJECT", "THREATEN":
		return 3
	case "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT":
		return 4
	}
	return 0
}

// PLOVERScore returns the conflict-cooperation score the PLOVER manual
// (table "PLOVER conflict-cooperation scores") gives an event type and
// mode; a mode without a score of its own takes the event type's. ok is
// false for an unknown event type. The manual prints ACCUSE's own score as
// +3, between modes scored -2 and -3.5; we take it for a lost minus sign
// and use -3.
func PLOVERScore(ev, mode string) (score float64, ok bool) {
	if mode != "" {
		if s, ok := ploverScore(ev + ":" + mode); ok {
			return s, true
		}
	}
	return ploverScore(ev)
}

// ploverScore looks up an event type's ("EVENT") or a mode's
// ("EVENT:mode") score in the manual's table, in the manual's order.
func ploverScore(key string) (float64, bool) {
	switch key {
	case "AGREE":
		return 2.5, true
	case "CONSULT":
		return 2.5, true
	case "CONSULT:visit":
		return 4, true
	case "CONSULT:third-party":
		return 1, true
	case "CONSULT:multilateral":
		return 4, true
	case "CONSULT:phone":
		return 1.5, true
	case "SUPPORT":
		return 5, true
	case "CONCEDE":
		return 4.5, true
	case "COOPERATE":
		return 9.5, true
	case "AID":
		return 10, true
	case "RETREAT":
		return 6.5, true
	case "RETREAT:withdraw":
		return 8, true
	case "RETREAT:release":
		return 6.5, true
	case "RETREAT:disarm":
		return 10, true
	case "RETREAT:ceasefire":
		return 7.5, true
	case "RETREAT:access":
		return 6.5, true
	case "RETREAT:resign":
		return 4.5, true
	case "REQUEST":
		return 0, true
	case "REQUEST:assist":
		return 0.5, true
	case "REQUEST:change":
		return -1, true
	case "REQUEST:yield":
		return -1, true
	case "REQUEST:meet":
		return 0, true
	case "ACCUSE":
		return -3, true
	case "ACCUSE:disapprove":
		return -2, true
	case "ACCUSE:investigate":
		return -3.5, true
	case "ACCUSE:allege":
		return -3.5, true
	case "REJECT":
		return -2, true
	case "REJECT:assist":
		return -1.5, true
	case "REJECT:change":
		return -2, true
	case "REJECT:yield":
		return -2, true
	case "REJECT:meet":
		return -2, true
	case "THREATEN":
		return -3.5, true
	case "THREATEN:restrict":
		return -3, true
	case "THREATEN:arrest":
		return -3.5, true
	case "THREATEN:relations":
		return -3.5, true
	case "THREATEN:expel":
		return -3.5, true
	case "THREATEN:territory":
		return -4, true
	case "THREATEN:violence":
		return -3.5, true
	case "PROTEST":
		return -5, true
	case "PROTEST:demo":
		return -5, true
	case "PROTEST:riot":
		return -7, true
	case "PROTEST:strike":
		return -5, true
	case "PROTEST:hunger":
		return -4.5, true
	case "PROTEST:boycott":
		return -4.5, true
	case "PROTEST:obstruct":
		return -4.5, true
	case "SANCTION":
		return -6, true
	case "SANCTION:convict":
		return -6, true
	case "SANCTION:expel":
		return -5.5, true
	case "SANCTION:withdraw":
		return -6, true
	case "SANCTION:discontinue":
		return -6, true
	case "MOBILIZE":
		return -5.5, true
	case "MOBILIZE:troops":
		return -6.5, true
	case "MOBILIZE:weapons":
		return -6.5, true
	case "MOBILIZE:police":
		return -5.5, true
	case "MOBILIZE:militia":
		return -6, true
	case "COERCE":
		return -7, true
	case "COERCE:seize":
		return -7, true
	case "COERCE:restrict":
		return -7, true
	case "COERCE:censor":
		return -6.5, true
	case "COERCE:curfew":
		return -6.5, true
	case "COERCE:martial-law":
		return -7.5, true
	case "COERCE:arrest":
		return -7, true
	case "COERCE:deport":
		return -7, true
	case "COERCE:withhold":
		return -7, true
	case "COERCE:misinformation":
		return -6.5, true
	case "COERCE:cyber":
		return -7, true
	case "ASSAULT":
		return -9, true
	case "ASSAULT:abduct":
		return -8.5, true
	case "ASSAULT:beat":
		return -7.5, true
	case "ASSAULT:torture":
		return -8.5, true
	case "ASSAULT:sexual":
		return -8.5, true
	case "ASSAULT:targeted":
		return -9.5, true
	case "ASSAULT:destroy":
		return -8.5, true
	case "ASSAULT:primitive":
		return -8, true
	case "ASSAULT:firearms":
		return -9, true
	case "ASSAULT:explosives":
		return -9, true
	case "ASSAULT:suicide-attack":
		return -9.5, true
	case "ASSAULT:aerial":
		return -9.5, true
	case "ASSAULT:drone":
		return -9.5, true
	case "ASSAULT:heavy-weapons":
		return -9.5, true
	case "ASSAULT:crowd-control":
		return -7.5, true
	case "ASSAULT:unconventional":
		return -10, true
	}
	return 0, false
}

// PLOVER returns r's PLOVER record, or ok false when r has no PLOVER event
// type (PLOVER drops CAMEO's statements and appeals) or no actor (PLOVER
// codes no event without an explicit actor). doc is r's representative
// document, for the event's trigger text, the sentence's offsets and the
// citation; it may be nil.
//
// The context comes from the CAMEO-to-PLOVER table of package cameo for
// r's code; quad_code from the PLOVER event type; event_scale from
// PLOVERScore. Entities: see PLOVEREntityOf. The date is r's, or the day
// it was first seen when its text and document gave none.
func (x *Exporter) PLOVER(r store.EventRecord, doc *store.Document) (PLOVERRecord, bool) {
	if r.PLOVER == "" || r.Source == nil {
		return PLOVERRecord{}, false
	}
	d, _ := eventDate(&r)
	rec := PLOVERRecord{
		ID:          "annals-" + strconv.FormatInt(r.ID, 10),
		Date:        d.String(),
		Actor:       []PLOVEREntity{x.PLOVEREntityOf(r.Source)},
		Event:       []string{r.PLOVER},
		QuadCode:    PLOVERQuad(r.PLOVER),
		Text:        strings.TrimSpace(r.Text),
		Coder:       x.cfg.Coder,
		CAMEO:       r.CAMEO,
		Goldstein:   r.Goldstein,
		NumMentions: r.NumMentions,
		NumArticles: r.NumArticles,
		NumSources:  r.NumSources,
	}
	if r.Target != nil {
		rec.Recipient = []PLOVEREntity{x.PLOVEREntityOf(r.Target)}
	}
	if r.PLOVERMode != "" {
		rec.Mode = []string{r.PLOVERMode}
	}
	if s, ok := PLOVERScore(r.PLOVER, r.PLOVERMode); ok {
		rec.EventScale = &s
	}
	if e, ok := x.codes.Lookup(cameo.Code(r.CAMEO)); ok && e.PLOVERContext != "" {
		for c := range strings.SplitSeq(e.PLOVERContext, ",") {
			if c = strings.TrimSpace(c); c != "" {
				rec.Context = append(rec.Context, c)
			}
		}
	}
	if l := r.Location; l != nil {
		loc := &PLOVERLocation{
			ResolvedPlace: l.Name, GeonameID: l.GeonameID, Lat: l.Lat, Lon: l.Lon,
			Province: l.Admin1, Country: x.countryName(l.Country), CountryCode: l.Country,
		}
		switch l.Precision {
		case "city":
			loc.Resolution = 4
		case "admin1":
			loc.Resolution = 2
		case "country":
			loc.Resolution = 1
		}
		if doc != nil && doc.Article != nil {
			loc.ExtractedPlace = l.Span.Of(doc.Article.Text)
		}
		rec.EventLoc = loc
	}
	if r.Fatalities != nil || r.Injuries != nil || r.Crowd != nil {
		rec.Size = &PLOVERSize{Dead: r.Fatalities, Injured: r.Injuries, Crowd: r.Crowd}
	}
	if doc != nil {
		if a := doc.Article; a != nil {
			if t := r.Span.Of(a.Text); t != "" {
				rec.EventText = []string{t}
			}
			if start, end, ok := sentenceSpan(a.Text, r.Text, r.Span); ok {
				rec.TextInfo = &PLOVERTextInfo{
					Sequence: r.Sentence,
					Start:    utf8.RuneCountInString(a.Text[:start]),
					End:      utf8.RuneCountInString(a.Text[:end]),
				}
			}
			rec.CiteInfo = &PLOVERCiteInfo{
				URL: a.URL, Title: a.Title, Publication: doc.Outlet, Language: "en",
				Coder: x.cfg.Coder, Codebook: ploverCodebook,
			}
		}
		if !doc.IngestedAt.IsZero() {
			rec.CodedDate = doc.IngestedAt.UTC().Format(time.DateOnly)
		}
	}
	return rec, true
}

// PLOVEREntityOf returns the PLOVER entity of actor a.
//
//   - code is the actor's country, or PLOVER's international code for an
//     international actor: UNO for the United Nations (CAMEO IGOUNO...),
//     EUR for the European Union (IGOEUREEC...), else IGO, NGO or IMG for
//     a CAMEO code that starts with one, and MNC for a multinational
//     without a country.
//   - sector is the first role code in PLOVER's spelling: CAMEO's media
//     (MED) is JRN, health (HLH) is MED, insurgents and separatists (INS,
//     SEP) are REB, a domestic NGO and CAMEO roles PLOVER lacks (HRI, ENV,
//     DEV, NGM) are civil society, SOC, a national multinational (USAMNC)
//     is business, BUS; MOD, RAD and the international codes are no
//     sector. Later roles are other_sector_codes.
//   - entity_text is the text, identifier_text the canonical name,
//     religion and ethnicity the CAMEO codes found in the actor code.
func (x *Exporter) PLOVEREntityOf(a *event.Actor) PLOVEREntity {
	c := x.SplitActor(a)
	e := PLOVEREntity{
		EntityText: strings.TrimSpace(a.Text), IdentifierText: a.Name, CAMEO: a.Code,
		Religion: c.Religion1, Ethnicity: c.Ethnic,
	}
	lead := ""
	if len(a.Code) >= 3 {
		lead = a.Code[:3]
	}
	intl := lead == "IGO" || lead == "NGO" || lead == "IMG" || lead == "MNC"
	switch {
	case strings.HasPrefix(a.Code, "IGOUNO"):
		e.Code, e.CountryName = "UNO", "United Nations"
	case strings.HasPrefix(a.Code, "IGOEUREEC"):
		e.Code, e.CountryName = "EUR", "European Union"
	case intl:
		e.Code = lead
	default:
		if _, ok := x.tables.Country(c.Country); ok {
			e.Code, e.CountryName = c.Country, x.countryName(c.Country)
		}
	}
	roles := c.Types[:]
	if a.Code == "" && a.Role != "" {
		roles = []string{a.Role}
	}
	var sectors []string
	for i, t := range roles {
		if t == "" || i == 0 && intl && t == lead {
			continue // the international code itself
		}
		if s := ploverSector(t); s != "" && !slices.Contains(sectors, s) {
			sectors = append(sectors, s)
		}
	}
	if len(sectors) > 0 {
		e.Sector = sectors[0]
		if len(sectors) > 1 {
			e.OtherSectors = sectors[1:]
		}
	}
	return e
}

// ploverSector returns PLOVER's sector code for a CAMEO role, "" when it
// has none.
func ploverSector(role string) string {
	switch role {
	case "MED":
		return "JRN"
	case "HLH":
		return "MED"
	case "INS", "SEP":
		return "REB"
	case "HRI", "ENV", "DEV", "NGM", "NGO":
		return "SOC"
	case "MNC":
		return "BUS"
	case "MOD", "RAD", "IGO", "IMG":
		return ""
	}
	return role
}

// sentenceSpan finds the byte range of sentence in text that contains
// span, the event's trigger.
func sentenceSpan(text, sentence string, span event.Span) (start, end int, ok bool) {
	sentence = strings.TrimSpace(sentence)
	if sentence == "" || !span.Valid(len(text)) {
		return 0, 0, false
	}
	from := max(0, span.End-len(sentence))
	i := strings.Index(text[from:], sentence)
	if i < 0 {
		return 0, 0, false
	}
	start = from + i
	end = start + len(sentence)
	if start > span.Start || end < span.End {
		return 0, 0, false
	}
	return start, end, true
}

// plover writes PLOVER records, one JSON object a line.
func (r *run) plover(ctx context.Context, w io.Writer, f store.EventFilter) (Result, error) {
	var res Result
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	n, err := r.each(ctx, f, func(rec store.EventRecord) error {
		if rec.PLOVER == "" || rec.Source == nil {
			res.Skipped++
			return nil
		}
		doc, err := r.doc(ctx, rec.DocumentID)
		if err != nil {
			return err
		}
		p, _ := r.x.PLOVER(rec, doc)
		if err := enc.Encode(p); err != nil {
			return fmt.Errorf("export plover: write: %w", err)
		}
		res.Records++
		return nil
	})
	res.Events = n
	return res, err
}
