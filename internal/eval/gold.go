package eval

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/annals-project/annals/internal/event"
	"github.com/annals-project/annals/internal/lineerr"
)

// ErrNoGold is returned by Load for a directory without *.gold.json files.
var ErrNoGold = errors.New("no *.gold.json files")

// A Set is the gold of one GOLD argument: a directory of *.gold.json files,
// one such file, or a JSON Lines batch.
type Set struct {
	// Path is the directory or file the set was loaded from.
	Path string
	// Batch is true for a JSON Lines batch, whose documents carry their
	// text; otherwise each Gold names its document file in Doc.
	Batch bool
	// Golds are the gold documents, in file order (a directory's files
	// sorted by name).
	Golds []*Gold
}

// A Gold is the hand coding of one document.
type Gold struct {
	// Name identifies the document in reports: the gold file's base name,
	// or the "id" of a batch line.
	Name string `json:"-"`
	// ID is a batch document's "id"; the coder's output is matched to
	// the gold by it.
	ID string `json:"-"`
	// Doc is the document a *.gold.json file codes, resolved against the
	// gold file's directory.
	Doc string `json:"doc"`
	// Text is a batch document's text.
	Text string `json:"text"`
	// Published is the publication date, YYYY-MM-DD (RFC 3339 in a
	// batch), "" when the document has none.
	Published string `json:"published"`
	// Partial marks a gold that codes only some of the document's
	// events: unmatched events count against the coder only when their
	// root is in FPRoots (default MaterialRoots).
	Partial bool `json:"partial"`
	// FPRoots are the roots whose unmatched events are false positives
	// in a partial gold, or in a gold with no events (a negative).
	FPRoots []string `json:"fp_roots"`
	// Events are the coded events.
	Events []GoldEvent `json:"events"`
	// Quotes are the coded quotations.
	Quotes []GoldQuote `json:"quotes"`
	// Label is the ACLED sub-event type of the report ("Peaceful
	// protest", "Armed clash", "NONE"), "" when not labelled.
	Label string `json:"label"`
}

// MaterialRoots are the CAMEO roots of material conflict (14–20), the
// roots a partial gold judges when it names none.
var MaterialRoots = []string{"14", "15", "16", "17", "18", "19", "20"}

// judgedRoots returns the roots whose unmatched events are false
// positives, or nil when every unmatched event is one.
func (g *Gold) judgedRoots() []string {
	switch {
	case len(g.FPRoots) > 0:
		return g.FPRoots
	case g.Partial:
		return MaterialRoots
	}
	return nil
}

// A GoldEvent is one event of a gold document.
type GoldEvent struct {
	// ID names the event in reports ("E3").
	ID string `json:"id"`
	// Required is false for an event that is acceptable but not
	// demanded: finding it is neither a miss nor a false positive. Absent
	// means true.
	Required *bool `json:"required"`
	// Sentence is a substring of the sentence that reports the event;
	// "" matches any sentence.
	Sentence string `json:"sentence"`
	// Roots are the CAMEO root codes a careful coder would accept.
	Roots []string `json:"roots"`
	// Source and Target constrain the actors; nil accepts any.
	Source *GoldActor `json:"source"`
	Target *GoldActor `json:"target"`
	// Date is the date the event happened, YYYY-MM-DD, "" if not judged.
	Date string `json:"date"`
	// Location is where it happened, nil if not judged.
	Location *GoldLocation `json:"location"`
	// FatalitiesMin, InjuriesMin and CrowdMin are lower bounds on the
	// figures the coder must report; nil if not judged.
	FatalitiesMin *float64 `json:"fatalities_min"`
	InjuriesMin   *float64 `json:"injuries_min"`
	CrowdMin      *float64 `json:"crowd_min"`
}

// IsRequired reports whether e counts towards recall.
func (e *GoldEvent) IsRequired() bool { return e.Required == nil || *e.Required }

// A GoldActor constrains an event's source or target.
type GoldActor struct {
	// Country is the ISO 3166-1 alpha-3 code (or "EU"); "" accepts any.
	Country string `json:"country"`
	// Role lists acceptable CAMEO role codes; empty accepts any.
	Role Roles `json:"role"`
}

// Roles is a list of CAMEO role codes. In JSON it is a list, or a single
// string meaning a list of one.
type Roles []string

// UnmarshalJSON decodes a list of strings or one string.
func (r *Roles) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err == nil {
		*r = Roles{s}
		return nil
	}
	var l []string
	if err := json.Unmarshal(b, &l); err != nil {
		return errors.New("role: want a string or a list of strings")
	}
	*r = l
	return nil
}

// A GoldLocation says where an event happened: near a point, or in a
// country.
type GoldLocation struct {
	Name    string `json:"name"`
	Country string `json:"country"`
	// Lat and Lon are the point; with them the coder's location must lie
	// within KM kilometres (default 50).
	Lat *float64 `json:"lat"`
	Lon *float64 `json:"lon"`
	KM  *float64 `json:"km"`
	// keys counts the members of the JSON object: an empty object judges
	// nothing.
	keys int
}

// UnmarshalJSON decodes the object and counts its members.
func (l *GoldLocation) UnmarshalJSON(b []byte) error {
	var m map[string]json.RawMessage
	if err := json.Unmarshal(b, &m); err != nil {
		return err
	}
	type plain GoldLocation
	var p plain
	if err := json.Unmarshal(b, &p); err != nil {
		return err
	}
	*l = GoldLocation(p)
	l.keys = len(m)
	return nil
}

// judged reports whether l asks anything of the coder.
func (l *GoldLocation) judged() bool { return l != nil && l.keys > 0 }

// radius returns the accepted distance in kilometres.
func (l *GoldLocation) radius() float64 {
	if l.KM != nil {
		return *l.KM
	}
	return 50
}

// A GoldQuote is one quotation of a gold document.
type GoldQuote struct {
	ID string `json:"id"`
	// Required is false for a quote that may be found but need not be.
	Required *bool `json:"required"`
	// Text is the quoted words, or a long enough part of them.
	Text string `json:"text"`
	// Speaker lists acceptable substrings of the speaker's text, name,
	// code, country or role; one must match.
	Speaker []string `json:"speaker"`
	// Direct, when set, must equal the coder's direct flag.
	Direct *bool `json:"direct"`
	// Date is the date the words were said, if known (not scored).
	Date string `json:"date"`
}

// IsRequired reports whether q counts towards quote recall.
func (q *GoldQuote) IsRequired() bool { return q.Required == nil || *q.Required }

// Load reads the gold at path: a directory of *.gold.json files, one
// *.gold.json file, or a *.jsonl batch. Every problem found is reported,
// as a lineerr.List.
func Load(path string) (*Set, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("load gold: %w", err)
	}
	if fi.IsDir() {
		return loadDir(path)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("load gold: %w", err)
	}
	defer f.Close()
	if strings.HasSuffix(path, ".jsonl") {
		golds, err := ParseBatch(path, f)
		if err != nil {
			return nil, err
		}
		return &Set{Path: path, Batch: true, Golds: golds}, nil
	}
	g, err := parseFile(path, f)
	if err != nil {
		return nil, err
	}
	return &Set{Path: path, Golds: []*Gold{g}}, nil
}

func loadDir(dir string) (*Set, error) {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("load gold: %w", err)
	}
	var names []string
	for _, e := range ents {
		if !e.IsDir() && strings.HasSuffix(e.Name(), ".gold.json") {
			names = append(names, e.Name())
		}
	}
	if len(names) == 0 {
		return nil, fmt.Errorf("load gold %s: %w", dir, ErrNoGold)
	}
	slices.Sort(names)
	s := &Set{Path: dir}
	var errs lineerr.List
	for _, n := range names {
		p := filepath.Join(dir, n)
		f, err := os.Open(p)
		if err != nil {
			errs.Add(p, 0, "%v", err)
			continue
		}
		g, err := parseFile(p, f)
		f.Close()
		if err != nil {
			var l lineerr.List
			if errors.As(err, &l) {
				errs = append(errs, l...)
			} else {
				errs.Add(p, 0, "%v", err)
			}
			continue
		}
		s.Golds = append(s.Golds, g)
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	return s, nil
}

// parseFile reads one *.gold.json file; its document lies beside it.
func parseFile(path string, r io.Reader) (*Gold, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	var g Gold
	var errs lineerr.List
	if err := json.Unmarshal(data, &g); err != nil {
		errs.Add(path, jsonLine(data, err), "%v", jsonMessage(err))
		return nil, errs.Err()
	}
	g.Name = filepath.Base(path)
	if g.Doc == "" {
		errs.Add(path, 0, `no "doc": a gold file names its document`)
	} else {
		g.Doc = filepath.Join(filepath.Dir(path), g.Doc)
	}
	if g.Published != "" {
		if _, err := event.ParseDate(g.Published); err != nil {
			errs.Add(path, 0, "published %q: want YYYY-MM-DD", g.Published)
		}
	}
	g.check(func(format string, args ...any) { errs.Add(path, 0, format, args...) })
	return &g, errs.Err()
}

// batchLine is a batch gold line: a Gold with its id, which may be a
// string or a number.
type batchLine struct {
	ID json.RawMessage `json:"id"`
	*Gold
}

// ParseBatch reads a JSON Lines batch gold: one document a line, with
// "id", "text", "published", "events", "quotes", "partial", "fp_roots"
// and "label". Blank lines are skipped. name is used in error messages.
func ParseBatch(name string, r io.Reader) ([]*Gold, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), 64<<20)
	var golds []*Gold
	var errs lineerr.List
	for n := 1; sc.Scan(); n++ {
		line := sc.Bytes()
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		g := &Gold{}
		bl := batchLine{Gold: g}
		if err := json.Unmarshal(line, &bl); err != nil {
			errs.Add(name, n, "%v", jsonMessage(err))
			continue
		}
		id, err := parseID(bl.ID)
		if err != nil {
			errs.Add(name, n, "%v", err)
			continue
		}
		g.ID, g.Name = id, id
		g.check(func(format string, args ...any) { errs.Add(name, n, format, args...) })
		golds = append(golds, g)
	}
	if err := sc.Err(); err != nil {
		errs.Add(name, 0, "%v", err)
	}
	return golds, errs.Err()
}

// parseID reads a batch "id": a string or an integer.
func parseID(raw json.RawMessage) (string, error) {
	if len(raw) == 0 || string(raw) == "null" {
		return "", errors.New(`no "id"`)
	}
	var s string
	if err := json.Unmarshal(raw, &s); err == nil {
		return s, nil
	}
	if _, err := strconv.ParseInt(string(raw), 10, 64); err == nil {
		return string(raw), nil
	}
	return "", fmt.Errorf("id %s: want a string or an integer", raw)
}

// check reports what would make g unusable.
func (g *Gold) check(add func(format string, args ...any)) {
	for i, e := range g.Events {
		if len(e.Roots) == 0 {
			add("event %d (%s): no roots", i, e.ID)
		}
		if l := e.Location; l != nil && (l.Lat == nil) != (l.Lon == nil) {
			add("event %d (%s): location needs both lat and lon", i, e.ID)
		}
	}
	for i, q := range g.Quotes {
		if norm(q.Text) == "" {
			add("quote %d (%s): no text", i, q.ID)
		}
	}
}

// jsonLine returns the line of data at which err, a decoding error, was
// found, or 0.
func jsonLine(data []byte, err error) int {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	off := int64(-1)
	switch {
	case errors.As(err, &se):
		off = se.Offset
	case errors.As(err, &te):
		off = te.Offset
	}
	if off < 0 || off > int64(len(data)) {
		return 0
	}
	return 1 + bytes.Count(data[:off], []byte("\n"))
}

// jsonMessage trims the package prefix off a decoding error.
func jsonMessage(err error) string {
	return strings.TrimPrefix(err.Error(), "json: ")
}

// WriteDocs writes the documents of a batch gold as the JSON Lines input
// annals reads: {"id", "text", "published"} a line, the way the reference
// scorer hands them to the coder.
func WriteDocs(w io.Writer, golds []*Gold) error {
	type doc struct {
		ID        string `json:"id"`
		Text      string `json:"text"`
		Published string `json:"published,omitempty"`
	}
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	for _, g := range golds {
		if err := enc.Encode(doc{g.ID, g.Text, g.Published}); err != nil {
			return fmt.Errorf("write documents: %w", err)
		}
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write documents: %w", err)
	}
	return nil
}
