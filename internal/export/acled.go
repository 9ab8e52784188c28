package export

import (
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/annals-project/annals/internal/cameo"
	"github.com/annals-project/annals/internal/event"
	"github.com/annals-project/annals/internal/store"
)

// ACLED event types and the sub-event types the mapping singles out
// (ACLED Codebook 2023).
const (
	acledBattles     = "Battles"
	acledExplosions  = "Explosions/Remote violence"
	acledVAC         = "Violence against civilians"
	acledProtests    = "Protests"
	acledRiots       = "Riots"
	acledStrategic   = "Strategic developments"
	acledMob         = "Mob violence"
	acledExcessive   = "Excessive force against protesters"
	civilianTargeted = "Civilian targeting"
)

// ACLED interaction codes: the actor categories of the inter1 and inter2
// columns (ACLED Codebook 2023, "Actor types").
const (
	InterNone       = 0
	InterState      = 1 // state forces acting in their own country
	InterRebel      = 2 // rebel groups
	InterMilitia    = 3 // political militias, unidentified armed groups
	InterIdentity   = 4 // identity militias (not produced: we cannot tell them apart)
	InterRioters    = 5
	InterProtesters = 6
	InterCivilians  = 7
	InterExternal   = 8 // external/other forces: foreign state forces, international bodies
)

// ACLEDColumns returns the column names of the ACLED CSV export, in order.
func ACLEDColumns() []string {
	return []string{
		"event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
		"sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
		"interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
		"location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
		"fatalities", "tags", "timestamp",
	}
}

// ACLEDRow returns r's fields in ACLEDColumns order, or ok false when r has
// no ACLED event type. ms are r's mentions, whose outlets make the source
// column; nil leaves it empty.
//
//   - event_id_cnty is the event's country (ISO alpha-3; XXX when unknown)
//     followed by its ID; the country is the location's, else an actor's.
//   - event_date is YYYY-MM-DD; time_precision is 1 for a day, 2 for a
//     week or an undated report (dated by its publication), 3 for a month,
//     a year, or an event only known by when it was first seen.
//   - disorder_type follows the event type: Political violence (battles,
//     explosions, violence against civilians, mob violence), Demonstrations
//     (protests, violent demonstrations), "Political violence;
//     Demonstrations" (excessive force against protesters), Strategic
//     developments.
//   - actors, inter codes and interaction: see acledActor.
//   - iso is the ISO 3166-1 numeric code; region the ACLED region.
//   - geo_precision is 1 for a town, 3 for a region or a country.
//   - source lists the outlets of the mentions, "; "-separated;
//     source_scale is empty (we do not rate outlets).
//   - notes is the evidence sentence; fatalities the highest credible
//     figure (0 when none); tags "crowd size=N" when a crowd was counted;
//     timestamp the Unix time the event was last seen.
func (x *Exporter) ACLEDRow(r store.EventRecord, ms []store.Mention) ([]string, bool) {
	typ, sub := r.ACLEDType, r.ACLEDSubtype
	if typ == "" {
		typ = cameo.ACLEDTypeOf(sub)
	}
	if typ == "" {
		return nil, false
	}
	iso3 := x.eventCountry(&r.Event)
	c, _ := x.tables.Country(iso3)

	d, fromSeen := eventDate(&r)
	date, year := "", ""
	if !d.IsZero() {
		date, year = d.String(), strconv.Itoa(d.Year)
	}
	precision := ""
	switch {
	case d.IsZero():
	case fromSeen:
		precision = "3"
	default:
		switch r.DatePrecision {
		case "week", "anchor":
			precision = "2"
		case "month", "year":
			precision = "3"
		default:
			precision = "1"
		}
	}

	a1 := x.acledActor(r.Source, 1, typ, sub, iso3)
	a2 := x.acledActor(r.Target, 2, typ, sub, iso3)
	interaction := ""
	switch lo, hi := min(a1.inter, a2.inter), max(a1.inter, a2.inter); {
	case hi == 0:
	case lo == 0:
		interaction = strconv.Itoa(hi * 10)
	default:
		interaction = strconv.Itoa(lo*10 + hi)
	}
	targeting := ""
	if typ == acledVAC || a2.inter == InterCivilians && (typ == acledExplosions || typ == acledRiots) {
		targeting = civilianTargeted
	}

	isoNum := ""
	if c.Numeric > 0 {
		isoNum = strconv.Itoa(c.Numeric)
	}
	var admin1, location, lat, lon, geoPrec string
	if l := r.Location; l != nil {
		admin1, location = clean(l.Admin1), clean(l.Name)
		switch l.Precision {
		case "city":
			geoPrec = "1"
		case "admin1":
			geoPrec = "3"
			if admin1 == "" {
				admin1 = location
			}
		default:
			geoPrec = "3"
			if c.Name != "" {
				location = c.Name
			}
		}
		lat, lon = formatFloat(l.Lat, 4), formatFloat(l.Lon, 4)
	}

	var sources []string
	seen := map[string]bool{}
	for _, m := range ms {
		o := clean(m.Outlet)
		if o != "" && !seen[o] {
			seen[o] = true
			sources = append(sources, o)
		}
	}
	fatalities := "0"
	if r.Fatalities != nil && *r.Fatalities > 0 {
		fatalities = strconv.Itoa(*r.Fatalities)
	}
	tags := ""
	if r.Crowd != nil && *r.Crowd > 0 {
		tags = "crowd size=" + strconv.Itoa(*r.Crowd)
	}
	stamp := ""
	if !r.LastSeen.IsZero() {
		stamp = strconv.FormatInt(r.LastSeen.Unix(), 10)
	}
	idCountry := iso3
	if idCountry == "" {
		idCountry = "XXX"
	}
	return []string{
		idCountry + strconv.FormatInt(r.ID, 10), date, year, precision, acledDisorder(typ, sub), typ, sub,
		a1.name, a1.assoc, interString(a1.inter), a2.name, a2.assoc, interString(a2.inter),
		interaction, targeting, isoNum, c.Region, c.Name, admin1, "", "",
		location, lat, lon, geoPrec, strings.Join(sources, "; "), "", clean(r.Text),
		fatalities, tags, stamp,
	}, true
}

// eventCountry returns the ISO alpha-3 code of the country an event
// happened in: its location's, else its source's, else its target's; ""
// when none is a country of the table.
func (x *Exporter) eventCountry(e *event.Event) string {
	cands := make([]string, 0, 3)
	if e.Location != nil {
		cands = append(cands, e.Location.Country)
	}
	for _, a := range []*event.Actor{e.Source, e.Target} {
		if a != nil {
			cands = append(cands, a.Country)
		}
	}
	for _, c := range cands {
		if _, ok := x.tables.Country(c); ok {
			return c
		}
	}
	return ""
}

// acledDisorder returns ACLED's disorder type of an event type and
// sub-event type.
func acledDisorder(typ, sub string) string {
	switch typ {
	case acledBattles, acledExplosions, acledVAC:
		return "Political violence"
	case acledRiots:
		if sub == acledMob {
			return "Political violence"
		}
		return "Demonstrations"
	case acledProtests:
		if sub == acledExcessive {
			return "Political violence; Demonstrations"
		}
		return "Demonstrations"
	case acledStrategic:
		return "Strategic developments"
	}
	return ""
}

func interString(n int) string {
	if n == InterNone {
		return ""
	}
	return strconv.Itoa(n)
}

// An acledParty is one actor column group of an ACLED row.
type acledParty struct {
	name, assoc string
	inter       int
}

// acledActor maps actor a, on side 1 (actor1, our source) or 2 (actor2,
// our target) of an event of ACLED type typ in country eventCountry, to
// ACLED's actor name, associated actor and inter code. C below is the
// actor's country name, else the event's.
//
//   - State actors (a state role, or a bare country code): "Military
//     Forces of C" (MIL, SPY, and bare countries in violent events),
//     "Police Forces of C" (COP), else "Government of C" (with "the" where
//     English needs it: "of the United States"); inter 1 in their own
//     country, 8 abroad.
//   - Rebels (REB, INS, SEP) and CAMEO's international militarised groups
//     (IMG: the Islamic State, al-Qaeda, which ACLED codes as rebel groups):
//     their name, else "Rebel Group (C)", inter 2; paramilitaries (PRM) and
//     unidentified armed forces (UAF): their name or "Unidentified Armed
//     Group (C)", inter 3.
//   - International organisations (IGO): their name, inter 8, except as
//     the victims of violence (civilians).
//   - Everyone else is unarmed: "Protesters (C)" (6) in protests,
//     "Rioters (C)" (5) as the source of a riot, "Civilians (C)" (7) as
//     the target of violence or a riot, "Unidentified Armed Group (C)" (3)
//     as the source of armed violence (battles, explosions, violence against
//     civilians need an armed perpetrator); otherwise their own name with
//     inter 7. Their own name or group ("Labor Group (C)", "Journalists
//     (C)") goes to the assoc_actor column.
//   - No actor: actor1 of protests, riots and armed violence is the
//     generic protesters, rioters or unidentified armed group; actor2 of
//     violence against civilians is "Civilians (C)"; else empty, inter 0.
//
// ACLED's identity militias (4) are not produced: telling them from
// political militias needs knowledge of the group we do not have.
func (x *Exporter) acledActor(a *event.Actor, side int, typ, sub, eventCountry string) acledParty {
	violent := typ == acledBattles || typ == acledExplosions || typ == acledVAC
	cc := eventCountry
	if a != nil {
		if _, ok := x.tables.Country(a.Country); ok {
			cc = a.Country
		}
	}
	label := func(s string) string {
		if n := x.countryName(cc); n != "" {
			return s + " (" + n + ")"
		}
		return s
	}
	of := func(s string) string {
		if n := x.countryName(cc); n != "" {
			return s + " of " + withArticle(n)
		}
		return s
	}
	if a == nil {
		switch {
		case side == 1 && typ == acledProtests:
			return acledParty{name: label("Protesters"), inter: InterProtesters}
		case side == 1 && typ == acledRiots:
			return acledParty{name: label("Rioters"), inter: InterRioters}
		case side == 1 && violent:
			return acledParty{name: label("Unidentified Armed Group"), inter: InterMilitia}
		case side == 2 && typ == acledVAC:
			return acledParty{name: label("Civilians"), inter: InterCivilians}
		}
		return acledParty{}
	}

	split := x.SplitActor(a)
	role := a.Role
	if role == "" {
		role = split.Types[0]
	}
	info, known := x.roles.Lookup(role)
	bareCountry := role == "" && split.Country != "" && split.KnownGroup == "" && a.Country != ""
	own := actorName(a)
	if a.Name == "" {
		own = "" // a surface text ("officers") is no name for assoc_actor
	}

	stateInter := InterState
	if eventCountry != "" && a.Country != "" && a.Country != eventCountry {
		stateInter = InterExternal
	}
	switch {
	case known && info.State || bareCountry:
		var name string
		switch {
		case role == "MIL" || role == "SPY" || bareCountry && violent:
			name = of("Military Forces")
		case role == "COP":
			name = of("Police Forces")
		default:
			name = of("Government")
		}
		return acledParty{name: name, inter: stateInter}
	case known && info.Armed:
		switch role {
		case "REB", "INS", "SEP", "IMG":
			return acledParty{name: firstNonEmpty(own, label("Rebel Group")), inter: InterRebel}
		default:
			return acledParty{name: firstNonEmpty(own, label("Unidentified Armed Group")), inter: InterMilitia}
		}
	case role == "IGO" && !(side == 2 && (violent || typ == acledRiots)):
		return acledParty{name: firstNonEmpty(own, clean(a.Text)), inter: InterExternal}
	}

	assoc := firstNonEmpty(own, groupLabel(role, label))
	switch {
	case typ == acledProtests:
		return acledParty{name: label("Protesters"), assoc: assoc, inter: InterProtesters}
	case typ == acledRiots && side == 1:
		return acledParty{name: label("Rioters"), assoc: assoc, inter: InterRioters}
	case side == 2 && (violent || typ == acledRiots):
		return acledParty{name: label("Civilians"), assoc: assoc, inter: InterCivilians}
	case side == 1 && violent:
		return acledParty{name: label("Unidentified Armed Group"), assoc: assoc, inter: InterMilitia}
	}
	return acledParty{name: firstNonEmpty(own, groupLabel(role, label), label("Civilians")), inter: InterCivilians}
}

// withArticle returns a country name as it reads after "of": "the United
// States", "the Philippines", "Kenya".
func withArticle(name string) string {
	for _, p := range []string{"United ", "Republic of", "Democratic Republic", "Central African Republic",
		"Czech Republic", "Dominican Republic", "Netherlands", "Philippines", "Bahamas", "Maldives",
		"Marshall Islands", "Solomon Islands", "Gambia", "Comoros", "Seychelles"} {
		if strings.HasPrefix(name, p) {
			return "the " + name
		}
	}
	return name
}

// groupLabel returns ACLED's name for the civilian group a role stands
// for, or "" when the role names none.
func groupLabel(role string, label func(string) string) string {
	var g string
	switch role {
	case "LAB":
		g = "Labor Group"
	case "EDU":
		g = "Students"
	case "MED", "JRN":
		g = "Journalists"
	case "HLH":
		g = "Health Workers"
	case "REF":
		g = "Refugees/IDPs"
	case "REL":
		g = "Religious Group"
	case "AGR":
		g = "Farmers"
	case "BUS":
		g = "Business Group"
	case "NGO":
		g = "Aid Workers"
	default:
		return ""
	}
	return label(g)
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}

// acled writes the ACLED CSV file with its header.
func (r *run) acled(ctx context.Context, w io.Writer, f store.EventFilter) (Result, error) {
	var res Result
	cw := csv.NewWriter(w)
	if err := cw.Write(ACLEDColumns()); err != nil {
		return res, fmt.Errorf("export acled: write: %w", err)
	}
	n, err := r.each(ctx, f, func(rec store.EventRecord) error {
		if rec.ACLEDType == "" && cameo.ACLEDTypeOf(rec.ACLEDSubtype) == "" {
			res.Skipped++
			return nil
		}
		_, ms, err := r.s.Event(ctx, rec.ID)
		if err != nil {
			return fmt.Errorf("export acled: read event %d: %w", rec.ID, err)
		}
		row, ok := r.x.ACLEDRow(rec, ms)
		if !ok {
			res.Skipped++
			return nil
		}
		if err := cw.Write(row); err != nil {
			return fmt.Errorf("export acled: write: %w", err)
		}
		res.Records++
		return nil
	})
	res.Events = n
	if err != nil {
		return res, err
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return res, fmt.Errorf("export acled: write: %w", err)
	}
	return res, nil
}
