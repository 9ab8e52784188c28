package event

// A Sentence is one sentence of an Article, by index and Span.
type Sentence struct {
	Index int  `json:"index"`
	Span  Span `json:"-"`
	// Block is the index of the Article block the sentence lies in.
	Block int `json:"block"`
}

// MarshalJSON encodes the sentence as {"index", "start", "end", "block"}.
func (s Sentence) MarshalJSON() ([]byte, error) {
	type out struct {
		Index int `json:"index"`
		Start int `json:"start"`
		End   int `json:"end"`
		Block int `json:"block"`
	}
	return marshal(out{s.Index, s.Span.Start, s.Span.End, s.Block})
}

// EntityType classifies a named entity.
type EntityType string

// Entity types.
const (
	EntityPlace  EntityType = "PLACE"
	EntityPerson EntityType = "PERSON"
	EntityOrg    EntityType = "ORG"
)

// An Entity is a named person, place or organisation mentioned in the text.
type Entity struct {
	Text string     `json:"text"`
	Type EntityType `json:"type"`
	Span Span       `json:"span"`
}

// An Actor is the source or target of an event, or the speaker of a quote.
type Actor struct {
	Text    string `json:"text"`
	Code    string `json:"code"`    // full CAMEO actor code, e.g. "IRNGOV"
	Country string `json:"country"` // ISO 3166-1 alpha-3, or an IGO code's region
	Role    string `json:"role"`    // CAMEO role code: GOV, MIL, COP, …
	Name    string `json:"name,omitempty"`
	Span    Span   `json:"span"`
}

// A Location is where an event happened.
type Location struct {
	// Name is the place as the text names it ("Kandahar"); Geoname is the
	// gazetteer's name for it ("Kandahār").
	Name      string  `json:"name"`
	Geoname   string  `json:"geoname,omitempty"`
	Country   string  `json:"country"`
	Admin1    string  `json:"admin1,omitempty"`
	Lat       float64 `json:"lat"`
	Lon       float64 `json:"lon"`
	Precision string  `json:"precision"` // city, admin1 or country
	GeonameID int     `json:"geonameid,omitempty"`
	Span      Span    `json:"span"`
}

// An Event is one coded political event with its evidence.
type Event struct {
	Sentence      int       `json:"sentence"`
	Text          string    `json:"text"`
	Span          Span      `json:"span"`
	Source        *Actor    `json:"source"`
	Target        *Actor    `json:"target"`
	CAMEO         string    `json:"cameo"`
	Root          string    `json:"root"`
	QuadClass     int       `json:"quad_class"`
	Goldstein     float64   `json:"goldstein"`
	PLOVER        string    `json:"plover,omitempty"`
	PLOVERMode    string    `json:"plover_mode,omitempty"`
	ACLEDType     string    `json:"acled_type,omitempty"`
	ACLEDSubtype  string    `json:"acled_subtype,omitempty"`
	Date          Date      `json:"date"`
	DatePrecision string    `json:"date_precision"`
	Location      *Location `json:"location"`
	Fatalities    *int      `json:"fatalities"`
	Injuries      *int      `json:"injuries"`
	Crowd         *int      `json:"crowd"`
	Attribution   *string   `json:"attribution"`
	Confidence    float64   `json:"confidence"`
	Rule          string    `json:"rule"`
}

// A Quote is a direct or indirect quotation attributed to a speaker.
type Quote struct {
	Sentence int    `json:"sentence"`
	Text     string `json:"text"`
	Direct   bool   `json:"direct"`
	Speaker  *Actor `json:"speaker"`
	Date     Date   `json:"date"`
	Span     Span   `json:"span"`
}

// A Coded document is what `annals code` prints for one Article.
type Coded struct {
	Document  *Article   `json:"document"`
	Sentences []Sentence `json:"sentences"`
	Events    []Event    `json:"events"`
	Quotes    []Quote    `json:"quotes"`
	Entities  []Entity   `json:"entities"`
}
