package eval

import (
	"encoding/json"
	"fmt"
	"io"
)

// Kind says whether an Item is a gold event or a gold quote.
type Kind string

// The kinds of gold item.
const (
	KindEvent Kind = "event"
	KindQuote Kind = "quote"
)

// Status is what became of a required gold item in one run.
type Status string

// The statuses of a gold item, from worst to best. A quote is either hit
// or missed.
const (
	StatusMiss    Status = "miss"    // no emitted event matches it
	StatusPartial Status = "partial" // matched, but target, date, place or a figure is wrong
	StatusHit     Status = "hit"     // matched with nothing wrong
)

// rank orders statuses from worst to best. An absent item (a gold item
// added or removed between runs) ranks as a miss.
func (s Status) rank() int {
	switch s {
	case StatusHit:
		return 2
	case StatusPartial:
		return 1
	}
	return 0
}

// An Item is the outcome of one required gold event or quote.
type Item struct {
	Kind   Kind   `json:"kind"`
	ID     string `json:"id"`
	Status Status `json:"status"`
	// Detail lists what a partial match got wrong.
	Detail string `json:"detail,omitempty"`
}

// An Outcome is what became of one gold document in one run.
type Outcome struct {
	// Doc is the document's Gold.Name.
	Doc   string `json:"doc"`
	Items []Item `json:"items"`
	// FalsePositives describes each judged event or quote that matches
	// no gold item.
	FalsePositives []string `json:"false_positives,omitempty"`
	// Label and Predicted are the gold and predicted ACLED sub-event
	// types, for a labelled document.
	Label     string `json:"label,omitempty"`
	Predicted string `json:"predicted,omitempty"`
}

// SetOutcome is the outcome of one gold set in one run.
type SetOutcome struct {
	// Gold is the set's path as given on the command line.
	Gold string `json:"gold"`
	// Summary and ACLED are the summary lines printed for the set.
	Summary string    `json:"summary"`
	ACLED   string    `json:"acled,omitempty"`
	Docs    []Outcome `json:"docs"`
}

// A Snapshot records one run over one or more gold sets, to be compared
// with a later run.
type Snapshot struct {
	Sets []SetOutcome `json:"sets"`
}

// ReadSnapshot decodes a snapshot written by WriteTo. Unknown fields are
// an error.
func ReadSnapshot(r io.Reader) (*Snapshot, error) {
	dec := json.NewDecoder(r)
	dec.DisallowUnknownFields()
	var s Snapshot
	if err := dec.Decode(&s); err != nil {
		return nil, fmt.Errorf("read snapshot: %w", err)
	}
	return &s, nil
}

// WriteTo writes s as indented JSON.
func (s *Snapshot) WriteTo(w io.Writer) (int64, error) {
	b, err := json.MarshalIndent(s, "", "  ")
	if err != nil {
		return 0, fmt.Errorf("write snapshot: %w", err)
	}
	n, err := w.Write(append(b, '\n'))
	if err != nil {
		return int64(n), fmt.Errorf("write snapshot: %w", err)
	}
	return int64(n), nil
}

// A Change is one difference between two runs.
type Change struct {
	Gold string // the set
	Doc  string
	// Kind and ID name the gold item; for a false positive Kind is ""
	// and ID describes it; for the ACLED label Kind is "label".
	Kind Kind
	ID   string
	// Was and Now are the statuses before and after; "" where the item
	// did not exist. For a false positive, Was is "" when it is new and
	// Now is "" when it is gone.
	Was, Now Status
	// Detail is the new partial match's problems, or the labels.
	Detail string
}

// The statuses Diff gives false positives and labels.
const (
	statusFP    Status = "false positive"
	statusRight Status = "right"
	statusWrong Status = "wrong"
)

// kindLabel marks a change of the predicted ACLED label.
const kindLabel Kind = "label"

// Better reports whether c is an improvement: an item that now scores
// better, a false positive gone, a label now right.
func (c Change) Better() bool {
	switch c.Kind {
	case "":
		return c.Now == ""
	case kindLabel:
		return c.Now == statusRight
	}
	return c.Now.rank() > c.Was.rank()
}

// Worse reports whether c is a regression: an item that now scores
// worse, a new false positive, a label now wrong. A change can be neither,
// like a new gold item that is missed.
func (c Change) Worse() bool {
	switch c.Kind {
	case "":
		return c.Was == ""
	case kindLabel:
		return c.Now == statusWrong
	}
	return c.Now.rank() < c.Was.rank()
}

// String describes the change on one line, marked "+" when it is better,
// "-" when it is worse and "~" otherwise.
func (c Change) String() string {
	sign := "~"
	switch {
	case c.Better():
		sign = "+"
	case c.Worse():
		sign = "-"
	}
	switch c.Kind {
	case "":
		if c.Now == "" {
			return fmt.Sprintf("%s %s: false positive gone: %s", sign, c.Doc, c.ID)
		}
		return fmt.Sprintf("%s %s: new false positive: %s", sign, c.Doc, c.ID)
	case kindLabel:
		return fmt.Sprintf("%s %s: label %s → %s (%s)", sign, c.Doc, orNone(c.Was), c.Now, c.Detail)
	}
	s := fmt.Sprintf("%s %s: %s %s %s → %s", sign, c.Doc, c.Kind, c.ID, orNone(c.Was), orNone(c.Now))
	if c.Detail != "" {
		s += " (" + c.Detail + ")"
	}
	return s
}

func orNone(s Status) string {
	if s == "" {
		return "absent"
	}
	return string(s)
}

// Diff lists what changed from base to cur, set by set and document by
// document in cur's order (then what only base has): items whose status
// changed, false positives that appeared or went, ACLED labels that
// became right or wrong. Sets are matched by path, documents by name.
func Diff(base, cur *Snapshot) []Change {
	var out []Change
	baseSets := map[string]*SetOutcome{}
	for i := range base.Sets {
		baseSets[base.Sets[i].Gold] = &base.Sets[i]
	}
	for i := range cur.Sets {
		cs := &cur.Sets[i]
		bs := baseSets[cs.Gold]
		if bs == nil {
			bs = &SetOutcome{Gold: cs.Gold}
		}
		out = append(out, diffSet(bs, cs)...)
	}
	return out
}

func diffSet(base, cur *SetOutcome) []Change {
	var out []Change
	baseDocs := map[string]*Outcome{}
	for i := range base.Docs {
		baseDocs[base.Docs[i].Doc] = &base.Docs[i]
	}
	seen := map[string]bool{}
	for i := range cur.Docs {
		c := &cur.Docs[i]
		seen[c.Doc] = true
		b := baseDocs[c.Doc]
		if b == nil {
			b = &Outcome{Doc: c.Doc}
		}
		out = append(out, diffDoc(cur.Gold, b, c)...)
	}
	for i := range base.Docs {
		if b := &base.Docs[i]; !seen[b.Doc] {
			out = append(out, diffDoc(cur.Gold, b, &Outcome{Doc: b.Doc})...)
		}
	}
	return out
}

func diffDoc(set string, base, cur *Outcome) []Change {
	var out []Change
	type key struct {
		kind Kind
		id   string
	}
	was := map[key]Item{}
	for _, it := range base.Items {
		was[key{it.Kind, it.ID}] = it
	}
	seen := map[key]bool{}
	for _, it := range cur.Items {
		k := key{it.Kind, it.ID}
		seen[k] = true
		if w, ok := was[k]; !ok || w.Status != it.Status {
			out = append(out, Change{Gold: set, Doc: cur.Doc, Kind: it.Kind, ID: it.ID, Was: w.Status, Now: it.Status, Detail: it.Detail})
		}
	}
	for _, it := range base.Items {
		if !seen[key{it.Kind, it.ID}] {
			out = append(out, Change{Gold: set, Doc: cur.Doc, Kind: it.Kind, ID: it.ID, Was: it.Status})
		}
	}
	// False positives are compared as multisets of descriptions.
	left := map[string]int{}
	for _, fp := range base.FalsePositives {
		left[fp]++
	}
	for _, fp := range cur.FalsePositives {
		if left[fp] > 0 {
			left[fp]--
			continue
		}
		out = append(out, Change{Gold: set, Doc: cur.Doc, ID: fp, Now: statusFP})
	}
	for _, fp := range base.FalsePositives {
		if left[fp] > 0 {
			left[fp]--
			out = append(out, Change{Gold: set, Doc: cur.Doc, ID: fp, Was: statusFP})
		}
	}
	if label := cur.Label; label != "" && base.Predicted != "" && normLabel(base.Predicted) != normLabel(cur.Predicted) {
		right := func(p string) Status {
			if normLabel(p) == normLabel(label) {
				return statusRight
			}
			return statusWrong
		}
		if w, n := right(base.Predicted), right(cur.Predicted); w != n {
			out = append(out, Change{Gold: set, Doc: cur.Doc, Kind: kindLabel, Was: w, Now: n,
				Detail: fmt.Sprintf("gold %s, predicted %s, was %s", label, cur.Predicted, base.Predicted)})
		}
	}
	return out
}

// Tally counts the improvements and regressions among changes.
func Tally(changes []Change) (better, worse int) {
	for _, c := range changes {
		switch {
		case c.Better():
			better++
		case c.Worse():
			worse++
		}
	}
	return better, worse
}
