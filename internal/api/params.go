package api

import (
	"fmt"
	"math"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/annals-project/annals/internal/event"
	"github.com/annals-project/annals/internal/store"
)

// Limits on list sizes: the default page and the largest page a client may
// ask for.
const (
	DefaultLimit        = 50
	MaxLimit            = 1000
	DefaultGeoJSONLimit = 1000
	MaxGeoJSONLimit     = 10000
	// DefaultRadiusKm is the radius of near= when radius_km is not given.
	DefaultRadiusKm = 50
)

// Bounds on free-text parameters, so that a query string cannot make the
// store scan with a megabyte pattern.
const (
	maxTextParam = 500
	maxIDs       = 1000
)

// params reads the parameters of a query string strictly: bad values are
// collected rather than ignored, and a parameter no handler read is an
// error, so that a misspelt filter ("contry=KEN") never silently selects
// everything.
type params struct {
	q    url.Values
	used map[string]bool
	errs []string
}

func newParams(q url.Values) *params { return &params{q: q, used: map[string]bool{}} }

func (p *params) errorf(format string, args ...any) {
	p.errs = append(p.errs, fmt.Sprintf(format, args...))
}

// get returns the value of a single-valued parameter, trimmed; "" when
// absent.
func (p *params) get(name string) string {
	p.used[name] = true
	v := p.q[name]
	switch {
	case len(v) == 0:
		return ""
	case len(v) > 1:
		p.errorf("%s: given %d times, want once", name, len(v))
	}
	s := strings.TrimSpace(v[0])
	if len(s) > maxTextParam {
		p.errorf("%s: longer than %d bytes", name, maxTextParam)
		return ""
	}
	return s
}

// list returns the items of a parameter given repeatedly or as a
// comma-separated list, without empty items.
func (p *params) list(name string) []string {
	p.used[name] = true
	var out []string
	for _, v := range p.q[name] {
		for item := range strings.SplitSeq(v, ",") {
			if item = strings.TrimSpace(item); item != "" {
				out = append(out, item)
			}
		}
	}
	return out
}

// int returns an integer parameter in [lo, hi], or def when absent.
func (p *params) int(name string, lo, hi, def int) int {
	s := p.get(name)
	if s == "" {
		return def
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < lo || n > hi {
		p.errorf("%s: %q: want an integer from %d to %d", name, s, lo, hi)
		return def
	}
	return n
}

// date returns a YYYY-MM-DD parameter, zero when absent.
func (p *params) date(name string) event.Date {
	s := p.get(name)
	if s == "" {
		return event.Date{}
	}
	d, err := event.ParseDate(s)
	if err != nil {
		p.errorf("%s: %q: want a date YYYY-MM-DD", name, s)
	}
	return d
}

// floats returns a parameter of n comma-separated finite numbers, nil when
// absent.
func (p *params) floats(name string, n int, want string) []float64 {
	s := p.get(name)
	if s == "" {
		return nil
	}
	parts := strings.Split(s, ",")
	out := make([]float64, 0, n)
	for _, f := range parts {
		v, err := strconv.ParseFloat(strings.TrimSpace(f), 64)
		if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
			break
		}
		out = append(out, v)
	}
	if len(parts) != n || len(out) != n {
		p.errorf("%s: %q: want %s", name, s, want)
		return nil
	}
	return out
}

// bool returns a true/false parameter, nil when absent.
func (p *params) bool(name string) *bool {
	s := p.get(name)
	if s == "" {
		return nil
	}
	b, err := strconv.ParseBool(s)
	if err != nil {
		p.errorf("%s: %q: want true or false", name, s)
		return nil
	}
	return &b
}

// code returns an upper-cased code parameter made of letters and digits,
// at most max long.
func (p *params) code(name string, max int) string {
	s := strings.ToUpper(p.get(name))
	if s != "" && (len(s) > max || !isCode(s)) {
		p.errorf("%s: %q: want letters and digits, at most %d", name, s, max)
		return ""
	}
	return s
}

func isCode(s string) bool {
	for _, r := range s {
		if !('A' <= r && r <= 'Z' || '0' <= r && r <= '9' || r == '_') {
			return false
		}
	}
	return true
}

func isDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

// id returns a positive integer ID parameter, 0 when absent.
func (p *params) id(name string) int64 {
	s := p.get(name)
	if s == "" {
		return 0
	}
	id, err := strconv.ParseInt(s, 10, 64)
	if err != nil || id <= 0 {
		p.errorf("%s: %q: want a positive integer", name, s)
		return 0
	}
	return id
}

// text returns a full-text query parameter (see store.ParseTextQuery).
func (p *params) text(name string) string {
	s := p.get(name)
	if s == "" {
		return ""
	}
	if _, err := store.ParseTextQuery(s); err != nil {
		p.errorf("%s: %q: want at most 32 words or \"phrases\" to search for", name, s)
		return ""
	}
	return s
}

// offset returns the offset a list cursor of quotes or actors encodes.
func (p *params) offset() int {
	s := p.get("cursor")
	if s == "" {
		return 0
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 {
		p.errorf("cursor: %q: not a cursor this list returned", s)
		return 0
	}
	return n
}

// err returns the collected problems, and the parameters nobody read, as
// one 400 error; nil when there are none.
func (p *params) err() error {
	var unknown []string
	for name := range p.q {
		if !p.used[name] {
			unknown = append(unknown, name)
		}
	}
	slices.Sort(unknown)
	for _, name := range unknown {
		p.errorf("unknown parameter %q", name)
	}
	if len(p.errs) == 0 {
		return nil
	}
	return invalidf("%s", strings.Join(p.errs, "; "))
}

// eventSelect reads the parameters that select events (not their order or
// paging).
func (p *params) eventSelect() store.EventFilter {
	var f store.EventFilter
	for _, s := range p.list("id") {
		id, err := strconv.ParseInt(s, 10, 64)
		if err != nil || id <= 0 {
			p.errorf("id: %q: want a positive integer", s)
			continue
		}
		f.IDs = append(f.IDs, id)
	}
	if len(f.IDs) > maxIDs {
		p.errorf("id: %d IDs, want at most %d", len(f.IDs), maxIDs)
	}
	f.Country = p.code("country", 3)
	if f.Country != "" && len(f.Country) != 3 {
		p.errorf("country: %q: want an ISO 3166-1 alpha-3 code", f.Country)
	}
	f.Actor = p.code("actor", 32)
	f.Source = p.code("source", 32)
	f.Target = p.code("target", 32)
	f.ActorText = p.get("actor_text")
	for _, c := range p.list("cameo") {
		if !isDigits(c) || len(c) < 2 || len(c) > 4 {
			p.errorf("cameo: %q: want a CAMEO event code or prefix of 2 to 4 digits", c)
			continue
		}
		f.CAMEO = append(f.CAMEO, c)
	}
	for _, c := range p.list("root") {
		if n, err := strconv.Atoi(c); err != nil || len(c) != 2 || n < 1 || n > 20 {
			p.errorf("root: %q: want a CAMEO root from 01 to 20", c)
			continue
		}
		f.CAMEO = append(f.CAMEO, c)
	}
	f.QuadClass = p.int("quad_class", 1, 4, 0)
	f.PLOVER = p.code("plover", 32)
	f.ACLEDType = p.get("acled_type")
	f.ACLEDSubtype = p.get("acled_subtype")
	f.From, f.To = p.date("from"), p.date("to")
	if !f.From.IsZero() && !f.To.IsZero() && f.To.Before(f.From) {
		p.errorf("from %s is after to %s", f.From, f.To)
	}
	if b := p.floats("bbox", 4, "west,south,east,north in degrees"); b != nil {
		f.BBox = &store.BBox{MinLon: b[0], MinLat: b[1], MaxLon: b[2], MaxLat: b[3]}
		if err := f.BBox.Validate(); err != nil {
			p.errorf("bbox: want west,south,east,north with latitudes in [-90, 90], longitudes in [-180, 180] and south <= north")
			f.BBox = nil
		}
	}
	near := p.floats("near", 2, "lat,lon in degrees")
	radius := p.get("radius_km")
	switch {
	case near != nil:
		c := &store.Circle{Lat: near[0], Lon: near[1], RadiusKm: DefaultRadiusKm}
		if radius != "" {
			r, err := strconv.ParseFloat(radius, 64)
			if err != nil || !(r > 0) || r > math.Pi*store.EarthRadiusKm {
				p.errorf("radius_km: %q: want a distance in km above 0 and at most half the Earth's circumference", radius)
			}
			c.RadiusKm = r
		}
		if err := c.Validate(); err != nil {
			p.errorf("near: want lat,lon with latitude in [-90, 90] and longitude in [-180, 180]")
		} else {
			f.Near = c
		}
	case radius != "":
		p.errorf("radius_km: given without near=lat,lon")
	}
	f.Text = p.text("q")
	f.MinSources = p.int("min_sources", 0, math.MaxInt32, 0)
	return f
}

// eventPage reads order, cursor and limit into f. A zero limit means def;
// maxLimit 0 means no cap.
func (p *params) eventPage(f *store.EventFilter, def, maxLimit int) {
	f.Order = store.Order(p.get("order"))
	if f.Order == "" {
		f.Order = store.OrderDateDesc
	}
	if !f.Order.Valid() {
		p.errorf("order: %q: want id, -id, date, -date or -mentions", f.Order)
		f.Order = store.OrderDateDesc
	}
	hi := maxLimit
	if hi == 0 {
		hi = math.MaxInt32
	}
	f.Limit = p.int("limit", 0, hi, def)
	if f.Limit == 0 {
		f.Limit = def
	}
	f.After = p.get("cursor")
	if f.After != "" {
		if _, err := store.ParseCursor(f.Order, f.After); err != nil {
			p.errorf("cursor: %q: not a cursor of this order", f.After)
			f.After = ""
		}
	}
}

// ParseEventFilter reads an event filter from query parameters: the
// parameters GET /api/events accepts, which `annals query` takes as flags
// (docs/api.md lists them). The order defaults to latest event date first;
// limit 0 or absent leaves the result uncapped. Unknown parameters and bad
// values are reported together in one *RequestError.
func ParseEventFilter(q url.Values) (store.EventFilter, error) {
	p := newParams(q)
	f := p.eventSelect()
	p.eventPage(&f, 0, 0)
	if err := p.err(); err != nil {
		return f, err
	}
	if err := f.Validate(); err != nil {
		return f, invalidf("%s", strings.TrimSuffix(err.Error(), ": "+store.ErrInvalid.Error()))
	}
	return f, nil
}
