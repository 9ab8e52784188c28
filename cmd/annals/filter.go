package main

import (
	"flag"
	"fmt"
	"net/url"
	"slices"
	"strings"

	"github.com/annals-project/annals/internal/api"
	"github.com/annals-project/annals/internal/store"
)

// queryFilter is one filter flag: its query parameter's name with "-" for
// "_", so that error messages name both alike.
type queryFilter struct{ param, usage string }

// queryFilters lists the filters of GET /api/events that query and export
// take as flags.
func queryFilters() []queryFilter {
	return []queryFilter{
		{"country", "ISO 3166-1 alpha-3 `code` of the event's place (KEN)"},
		{"actor", "CAMEO actor `code` or prefix of the source or the target (KEN, KENGOV)"},
		{"source", "CAMEO actor `code` or prefix of the source"},
		{"target", "CAMEO actor `code` or prefix of the target"},
		{"actor_text", "`words` in the source's or the target's text or name"},
		{"cameo", "CAMEO event `codes` or prefixes, comma-separated (14,0251)"},
		{"root", "CAMEO `roots` 01-20, comma-separated"},
		{"quad_class", "quad `class` 1-4 (verbal or material, cooperation or conflict)"},
		{"plover", "PLOVER event `type` (PROTEST, ASSAULT)"},
		{"acled_type", "ACLED event `type` (Protests, Battles)"},
		{"acled_subtype", "ACLED `subtype` (Peaceful protest)"},
		{"from", "events on or after this `date` (YYYY-MM-DD)"},
		{"to", "events on or before this `date` (YYYY-MM-DD)"},
		{"bbox", "events in the box `west,south,east,north` (degrees)"},
		{"near", "events within --radius-km of the point `lat,lon`"},
		{"radius_km", "radius in `km` around --near (default 50)"},
		{"q", "full-text `query` over the reporting sentences: words, \"phrases\", prefix*"},
		{"min_sources", "events reported by at least `n` independent sources"},
		{"order", "`order`: -date (latest first), date, id, -id or -mentions (default -date)"},
		{"cursor", "continue after this `cursor`, printed when more events match"},
	}
}

func flagName(param string) string { return strings.ReplaceAll(param, "_", "-") }

// filterFlags are event filter flags, each standing for a query parameter
// of GET /api/events, so that commands parse them as the API does, with
// api.ParseEventFilter.
type filterFlags struct {
	params []string           // in the order registered
	vals   map[string]*string // by parameter
	names  map[string]string  // parameter → the first flag registered for it
}

func newFilterFlags() *filterFlags {
	return &filterFlags{vals: map[string]*string{}, names: map[string]string{}}
}

// add registers on fs the flag name for param, with value def when the
// flag is not given. Flags added for the same param share one value.
func (ff *filterFlags) add(fs *flag.FlagSet, name, param, def, usage string) {
	v, ok := ff.vals[param]
	if !ok {
		v = new(string)
		ff.vals[param] = v
		ff.names[param] = name
		ff.params = append(ff.params, param)
	}
	fs.StringVar(v, name, def, usage)
}

// addAll registers the flag of every filter of queryFilters but those of
// the skip parameters, named after its parameter.
func (ff *filterFlags) addAll(fs *flag.FlagSet, skip ...string) {
	for _, f := range queryFilters() {
		if !slices.Contains(skip, f.param) {
			ff.add(fs, flagName(f.param), f.param, "", f.usage)
		}
	}
}

// filter parses the flags, and the extra parameters, as
// api.ParseEventFilter does. Its errors name flags, not parameters.
func (ff *filterFlags) filter(extra url.Values) (store.EventFilter, error) {
	q := url.Values{}
	for p, v := range extra {
		q[p] = v
	}
	for _, p := range ff.params {
		if v := *ff.vals[p]; v != "" {
			q.Set(p, v)
		}
	}
	f, err := api.ParseEventFilter(q)
	if err != nil {
		msg := err.Error()
		for _, p := range ff.params {
			msg = strings.ReplaceAll(msg, p+": ", "--"+ff.names[p]+": ")
		}
		return f, fmt.Errorf("%w: %s", errUsage, msg)
	}
	return f, nil
}
