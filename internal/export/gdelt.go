package export

import (
	"context"
	"fmt"
	"io"
	"math"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/annals-project/annals/internal/cameo"
	"github.com/annals-project/annals/internal/event"
	"github.com/annals-project/annals/internal/store"
)

// A ColumnType is the type a column of a tabular format holds, in GDELT's
// schema vocabulary.
type ColumnType string

// Column types.
const (
	Integer ColumnType = "INTEGER"
	Float   ColumnType = "FLOAT"
	String  ColumnType = "STRING"
)

// A Column is one column of a tabular format.
type Column struct {
	Name string
	Type ColumnType
}

// GDELTEventColumns returns the 61 columns of a GDELT 2.0 event record, in
// file order, as GDELT's "Events" schema (September 2016) names and types
// them.
func GDELTEventColumns() []Column {
	cols := []Column{
		{"GLOBALEVENTID", Integer}, {"SQLDATE", Integer}, {"MonthYear", Integer},
		{"Year", Integer}, {"FractionDate", Float},
	}
	for _, p := range []string{"Actor1", "Actor2"} {
		for _, n := range []string{"Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode",
			"Religion1Code", "Religion2Code", "Type1Code", "Type2Code", "Type3Code"} {
			cols = append(cols, Column{p + n, String})
		}
	}
	cols = append(cols,
		Column{"IsRootEvent", Integer}, Column{"EventCode", String}, Column{"EventBaseCode", String},
		Column{"EventRootCode", String}, Column{"QuadClass", Integer}, Column{"GoldsteinScale", Float},
		Column{"NumMentions", Integer}, Column{"NumSources", Integer}, Column{"NumArticles", Integer},
		Column{"AvgTone", Float})
	for _, p := range []string{"Actor1Geo_", "Actor2Geo_", "ActionGeo_"} {
		cols = append(cols,
			Column{p + "Type", Integer}, Column{p + "FullName", String}, Column{p + "CountryCode", String},
			Column{p + "ADM1Code", String}, Column{p + "ADM2Code", String}, Column{p + "Lat", Float},
			Column{p + "Long", Float}, Column{p + "FeatureID", String})
	}
	return append(cols, Column{"DATEADDED", Integer}, Column{"SOURCEURL", String})
}

// GDELTMentionColumns returns the 16 columns of a GDELT 2.0 mentions
// record, in file order, as GDELT's "eventMentions" schema names and types
// them.
func GDELTMentionColumns() []Column {
	return []Column{
		{"GLOBALEVENTID", Integer}, {"EventTimeDate", Integer}, {"MentionTimeDate", Integer},
		{"MentionType", Integer}, {"MentionSourceName", String}, {"MentionIdentifier", String},
		{"SentenceID", Integer}, {"Actor1CharOffset", Integer}, {"Actor2CharOffset", Integer},
		{"ActionCharOffset", Integer}, {"InRawText", Integer}, {"Confidence", Integer},
		{"MentionDocLen", Integer}, {"MentionDocTone", Float},
		{"MentionDocTranslationInfo", String}, {"Extras", String},
	}
}

// GDELT geographic resolution types (the *Geo_Type columns).
const (
	GeoNone       = 0 // no location
	GeoCountry    = 1
	GeoUSState    = 2
	GeoUSCity     = 3
	GeoWorldCity  = 4
	GeoWorldState = 5
)

// gdeltTimeLayout is DATEADDED's and the mentions' YYYYMMDDHHMMSS.
const gdeltTimeLayout = "20060102150405"

// GDELTEvent returns the 61 fields of r's GDELT 2.0 event record. doc is
// the event's representative document (r.DocumentID), which gives
// IsRootEvent, DATEADDED and SOURCEURL; with a nil doc, DATEADDED is
// r.FirstSeen and SOURCEURL is empty.
//
// Encodings follow GDELT 2.0's export files: no quoting, empty strings for
// unknown values; dates as YYYYMMDD (SQLDATE), YYYYMM, YYYY and
// YYYY.FFFF, where FFFF is ((month-1)*30+day)/365 to four places (the
// formula GDELT's files use; the codebook's month*30 is off by a month);
// DATEADDED as YYYYMMDDHHMMSS UTC. Our choices where we lack GDELT's data:
//
//   - the event date is r.Date, or the day the event was first seen when
//     the text and the document gave no date;
//   - names are upper case, as GDELT's dictionaries write them: the actor's
//     canonical name, else its text;
//   - AvgTone is empty: annals does not measure tone;
//   - IsRootEvent is 1 when the report lies in the lead paragraph of its
//     document (the first non-blank line; for a text without line breaks,
//     its first sentence);
//   - actor geography (Actor1Geo_*, Actor2Geo_*) is left empty with type 0:
//     annals places events, not actors. See gdeltGeo for ActionGeo_*.
//   - DATEADDED is the moment the representative document was stored.
func (x *Exporter) GDELTEvent(r store.EventRecord, doc *store.Document) []string {
	f := make([]string, 0, 61)
	f = append(f, strconv.FormatInt(r.ID, 10))
	if d, _ := eventDate(&r); d.IsZero() {
		f = append(f, "", "", "", "")
	} else {
		frac := float64((int(d.Month)-1)*30+d.Day) / 365
		f = append(f,
			strconv.Itoa(store.DateKey(d)),
			fmt.Sprintf("%04d%02d", d.Year, int(d.Month)),
			fmt.Sprintf("%04d", d.Year),
			fmt.Sprintf("%.4f", float64(d.Year)+frac))
	}
	f = x.appendGDELTActor(f, r.Source)
	f = x.appendGDELTActor(f, r.Target)

	root := "0"
	if doc != nil && doc.Article != nil && inLead(doc.Article.Text, r.Event) {
		root = "1"
	}
	code := cameo.Code(r.CAMEO)
	base := r.CAMEO
	if len(base) > 3 {
		base = base[:3]
	}
	evRoot := r.Root
	if evRoot == "" {
		evRoot = code.Root()
	}
	quad := r.QuadClass
	if quad == 0 {
		quad = code.QuadClass()
	}
	f = append(f, root, r.CAMEO, base, evRoot, intOrEmpty(quad), formatFloat(r.Goldstein, 2),
		strconv.Itoa(r.NumMentions), strconv.Itoa(r.NumSources), strconv.Itoa(r.NumArticles),
		"") // AvgTone

	none := x.gdeltGeo(nil)
	f = append(f, none[:]...)
	f = append(f, none[:]...)
	g := x.gdeltGeo(r.Location)
	f = append(f, g[:]...)

	added := r.FirstSeen
	src := ""
	if doc != nil {
		if !doc.IngestedAt.IsZero() {
			added = doc.IngestedAt
		}
		src = citation(doc)
	}
	if added.IsZero() {
		f = append(f, "")
	} else {
		f = append(f, added.UTC().Format(gdeltTimeLayout))
	}
	return cleanAll(append(f, src))
}

// cleanAll cleans every field of a tab-separated record in place.
func cleanAll(fields []string) []string {
	for i, v := range fields {
		fields[i] = clean(v)
	}
	return fields
}

// appendGDELTActor appends the ten actor columns of a.
func (x *Exporter) appendGDELTActor(f []string, a *event.Actor) []string {
	if a == nil {
		return append(f, make([]string, 10)...)
	}
	c := x.SplitActor(a)
	return append(f, clean(c.Code), strings.ToUpper(actorName(a)), c.Country, c.KnownGroup, c.Ethnic,
		c.Religion1, c.Religion2, c.Types[0], c.Types[1], c.Types[2])
}

// gdeltGeo returns the eight *Geo_ columns of a location: Type, FullName,
// CountryCode, ADM1Code, ADM2Code, Lat, Long, FeatureID.
//
//   - Type: 1 for a country, 2 for a US state, 3 for a US city, 4 for a
//     city elsewhere, 5 for a first-level division elsewhere; 0 and empty
//     fields for no location.
//   - FullName: "Country", "State, Country" or "City, State, Country"
//     (parts we lack are left out).
//   - CountryCode is the FIPS 10-4 code; Palestine is WE (West Bank), or
//     GZ for places in Gaza.
//   - ADM1Code is "US" + the state's postal code in the US. Elsewhere it
//     is the FIPS country code alone: we have no FIPS 10-4 division codes.
//   - ADM2Code is empty: we have no GAUL codes.
//   - FeatureID is the country's FIPS code for a country and the state's
//     postal code for a US state, as GDELT writes them; empty for cities
//     and other divisions, whose GDELT IDs are GNS/GNIS feature IDs, which
//     we do not have (our GeoNames IDs are another numbering).
func (x *Exporter) gdeltGeo(l *event.Location) [8]string {
	var g [8]string
	if l == nil {
		g[0] = strconv.Itoa(GeoNone)
		return g
	}
	c, _ := x.tables.Country(l.Country)
	fips := c.FIPS
	if l.Country == "PSE" && (containsFold(l.Admin1, "gaza") || containsFold(l.Name, "gaza")) {
		fips = "GZ"
	}
	country := c.Name
	if country == "" {
		country = clean(l.Country)
	}
	admin1 := clean(l.Admin1)
	state, isState := "", false
	if l.Country == "USA" {
		if admin1 != "" {
			state, isState = x.tables.USState(admin1)
		} else if l.Precision == "admin1" {
			state, isState = x.tables.USState(l.Name)
		}
	}
	typ := GeoCountry
	var parts []string
	switch l.Precision {
	case "city":
		typ = GeoWorldCity
		if l.Country == "USA" {
			typ = GeoUSCity
		}
		parts = []string{clean(l.Name), admin1, country}
	case "admin1":
		typ = GeoWorldState
		if l.Country == "USA" {
			typ = GeoUSState
		}
		name := admin1
		if name == "" {
			name = clean(l.Name)
		}
		parts = []string{name, country}
	default:
		parts = []string{country}
		if country == "" {
			parts = []string{clean(l.Name)}
		}
	}
	full := nonEmpty(parts...)
	adm1 := fips
	if isState {
		adm1 = "US" + state
	}
	feature := ""
	switch typ {
	case GeoCountry:
		feature = fips
	case GeoUSState:
		feature = state
	}
	g[0] = strconv.Itoa(typ)
	g[1] = strings.Join(full, ", ")
	g[2] = fips
	g[3] = adm1
	g[4] = ""
	g[5] = formatFloat(l.Lat, 6)
	g[6] = formatFloat(l.Lon, 6)
	g[7] = feature
	return g
}

// inLead reports whether the report e lies in the lead paragraph of text:
// the first non-blank line, or the first sentence when the text is one
// line.
func inLead(text string, e event.Event) bool {
	start := len(text) - len(strings.TrimLeft(text, " \t\r\n"))
	end := strings.IndexByte(text[start:], '\n')
	if end < 0 {
		return e.Sentence == 0
	}
	return e.Span.Start < start+end
}

// GDELTMention returns the 16 fields of the GDELT 2.0 mentions record of
// m, a report of event r. repDoc is r's representative document (for
// EventTimeDate, the event's DATEADDED) and doc is m's document; either
// may be nil.
//
//   - MentionTimeDate is the moment m's document was stored.
//   - MentionType is 1 (WEB) when the document has an http(s) URL, which
//     is then MentionIdentifier; otherwise 2 (CITATIONONLY) with the
//     outlet and title as the citation.
//   - MentionSourceName is the outlet (the URL's host without "www.").
//   - SentenceID counts from 1.
//   - Character offsets count Unicode code points from the start of the
//     document's text; an actor the report lacks is -1.
//   - InRawText is 1: annals codes the text as published.
//   - Confidence is the coder's confidence in percent.
//   - MentionDocLen is the document's length in code points.
//   - MentionDocTone, MentionDocTranslationInfo and Extras are empty.
func (x *Exporter) GDELTMention(r store.EventRecord, repDoc *store.Document, m store.Mention, doc *store.Document) []string {
	eventTime := r.FirstSeen
	if repDoc != nil && !repDoc.IngestedAt.IsZero() {
		eventTime = repDoc.IngestedAt
	}
	mentionTime := m.Seen
	text := ""
	if doc != nil {
		if !doc.IngestedAt.IsZero() {
			mentionTime = doc.IngestedAt
		}
		if doc.Article != nil {
			text = doc.Article.Text
		}
	}
	typ, ident := 2, ""
	if u, err := url.Parse(m.URL); err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" {
		typ, ident = 1, clean(m.URL)
	} else if doc != nil {
		ident = citation(doc)
	} else {
		ident = clean(strings.Join(nonEmpty(m.Outlet, m.Title), ": "))
	}
	actorOff := func(a *event.Actor) string {
		if a == nil {
			return "-1"
		}
		return strconv.Itoa(charOffset(text, a.Span.Start))
	}
	return cleanAll([]string{
		strconv.FormatInt(r.ID, 10),
		timeOrEmpty(eventTime),
		timeOrEmpty(mentionTime),
		strconv.Itoa(typ),
		clean(m.Outlet),
		ident,
		strconv.Itoa(m.Sentence + 1),
		actorOff(m.Source),
		actorOff(m.Target),
		strconv.Itoa(charOffset(text, m.Span.Start)),
		"1",
		strconv.Itoa(int(math.Round(min(max(m.Confidence, 0), 1) * 100))),
		strconv.Itoa(utf8.RuneCountInString(text)),
		"", "", "",
	})
}

// gdelt writes the GDELT event file.
func (r *run) gdelt(ctx context.Context, w io.Writer, f store.EventFilter) (Result, error) {
	var res Result
	n, err := r.each(ctx, f, func(rec store.EventRecord) error {
		doc, err := r.doc(ctx, rec.DocumentID)
		if err != nil {
			return err
		}
		if err := writeTSV(w, r.x.GDELTEvent(rec, doc)); err != nil {
			return fmt.Errorf("export gdelt: write: %w", err)
		}
		res.Records++
		return nil
	})
	res.Events = n
	return res, err
}

// gdeltMentions writes the GDELT mentions file: the mentions of every
// selected event, event by event, each event's in ID order.
func (r *run) gdeltMentions(ctx context.Context, w io.Writer, f store.EventFilter) (Result, error) {
	var res Result
	n, err := r.each(ctx, f, func(rec store.EventRecord) error {
		_, ms, err := r.s.Event(ctx, rec.ID)
		if err != nil {
			return fmt.Errorf("export gdelt-mentions: read event %d: %w", rec.ID, err)
		}
		rep, err := r.doc(ctx, rec.DocumentID)
		if err != nil {
			return err
		}
		for _, m := range ms {
			doc, err := r.doc(ctx, m.DocumentID)
			if err != nil {
				return err
			}
			if err := writeTSV(w, r.x.GDELTMention(rec, rep, m, doc)); err != nil {
				return fmt.Errorf("export gdelt-mentions: write: %w", err)
			}
			res.Records++
		}
		return nil
	})
	res.Events = n
	return res, err
}

// writeTSV writes fields as one tab-separated line. Fields must already
// be clean (no tabs or line breaks).
func writeTSV(w io.Writer, fields []string) error {
	_, err := io.WriteString(w, strings.Join(fields, "\t")+"\n")
	return err
}

// charOffset converts a byte offset into text to a count of code points,
// clamped to the text.
func charOffset(text string, off int) int {
	off = min(max(off, 0), len(text))
	return utf8.RuneCountInString(text[:off])
}

// formatFloat formats v rounded to places decimals, without trailing
// zeros ("6.4", "-4", "38.8951").
func formatFloat(v float64, places int) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return ""
	}
	p := math.Pow10(places)
	v = math.Round(v*p) / p
	if v == 0 {
		v = 0 // no "-0"
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}

func intOrEmpty(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}

func timeOrEmpty(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(gdeltTimeLayout)
}

func containsFold(s, sub string) bool { return strings.Contains(strings.ToLower(s), sub) }

func nonEmpty(ss ...string) []string {
	out := ss[:0:0]
	for _, s := range ss {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}
