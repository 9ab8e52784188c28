package alert

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/annals-project/annals/internal/event"
)

// Sentinel errors of the package; test with errors.Is.
var (
	// ErrInvalid means a malformed value: a bad type, country, endpoint
	// or configuration.
	ErrInvalid = errors.New("invalid")
	// ErrNotFound means the named subscription does not exist.
	ErrNotFound = errors.New("not found")
	// ErrShortHistory means the store holds too few days before the tested
	// day for a baseline.
	ErrShortHistory = errors.New("history too short")
)

// A Scheme names the typology an event type comes from.
type Scheme string

// The typologies alerts count events by.
const (
	// SchemeCAMEO types are the two-digit CAMEO roots "01" to "20".
	SchemeCAMEO Scheme = "cameo"
	// SchemeACLED types are ACLED event types ("Protests", "Riots").
	SchemeACLED Scheme = "acled"
)

// A Cell is one series of daily counts: a country and an event type.
type Cell struct {
	// Country is the ISO 3166-1 alpha-3 code of the events' location.
	Country string `json:"country"`
	Scheme  Scheme `json:"scheme"`
	// Type is a CAMEO root ("14") or an ACLED event type ("Protests").
	Type string `json:"type"`
}

// TypeKey returns the cell's type as "scheme:type", e.g. "cameo:14".
func (c Cell) TypeKey() string { return string(c.Scheme) + ":" + c.Type }

// Key returns "country/scheme:type", e.g. "KAZ/cameo:14".
func (c Cell) Key() string { return c.Country + "/" + c.TypeKey() }

func cellLess(a, b Cell) int {
	return cmp.Or(strings.Compare(a.Country, b.Country), strings.Compare(string(a.Scheme), string(b.Scheme)),
		strings.Compare(a.Type, b.Type))
}

// ParseType reads an event type as a user writes it: "cameo:14" or
// "acled:Protests" name the scheme; two digits alone are a CAMEO root, any
// other text an ACLED event type (matched case-insensitively against the
// six ACLED types and written as ACLED spells it). It returns ErrInvalid for
// an empty type, a CAMEO root outside 01–20 or an unknown ACLED type.
func ParseType(s string) (Scheme, string, error) {
	s = strings.TrimSpace(s)
	scheme, typ, explicit := strings.Cut(s, ":")
	if !explicit {
		typ = s
		scheme = string(SchemeACLED)
		if len(s) == 2 && isDigit(s[0]) && isDigit(s[1]) {
			scheme = string(SchemeCAMEO)
		}
	}
	typ = strings.TrimSpace(typ)
	switch Scheme(strings.ToLower(scheme)) {
	case SchemeCAMEO:
		if len(typ) == 2 && isDigit(typ[0]) && isDigit(typ[1]) && typ >= "01" && typ <= "20" {
			return SchemeCAMEO, typ, nil
		}
		return "", "", fmt.Errorf("event type %q: want a CAMEO root 01-20: %w", s, ErrInvalid)
	case SchemeACLED:
		for _, t := range acledTypes {
			if strings.EqualFold(t, typ) {
				return SchemeACLED, t, nil
			}
		}
		return "", "", fmt.Errorf("event type %q: want a CAMEO root or one of the ACLED types %s: %w",
			s, strings.Join(acledTypes, ", "), ErrInvalid)
	}
	return "", "", fmt.Errorf("event type %q: unknown scheme %q, want cameo or acled: %w", s, scheme, ErrInvalid)
}

// acledTypes are ACLED's six event types (ACLED Codebook, 2023, section
// "Event types").
var acledTypes = []string{
	"Battles", "Explosions/Remote violence", "Violence against civilians",
	"Protests", "Riots", "Strategic developments",
}

func isDigit(b byte) bool { return '0' <= b && b <= '9' }

// ParseCountry checks an ISO 3166-1 alpha-3 code and returns it in upper
// case; it returns ErrInvalid for anything but three ASCII letters.
func ParseCountry(s string) (string, error) {
	u := strings.ToUpper(strings.TrimSpace(s))
	if len(u) != 3 {
		return "", fmt.Errorf("country %q: want an ISO 3166-1 alpha-3 code: %w", s, ErrInvalid)
	}
	for i := range 3 {
		if u[i] < 'A' || u[i] > 'Z' {
			return "", fmt.Errorf("country %q: want an ISO 3166-1 alpha-3 code: %w", s, ErrInvalid)
		}
	}
	return u, nil
}

// An Alert says that a country saw more events of one type on one day than
// its baseline explains. Its JSON form is what Webhook posts.
type Alert struct {
	// ID is assigned by Store.Add.
	ID int64 `json:"id"`
	Cell
	// TypeName is the type's name: the CAMEO root's ("Protest") or the
	// ACLED type itself.
	TypeName string `json:"type_name,omitempty"`
	// Day is the tested date (event dates, UTC).
	Day event.Date `json:"day"`
	// Count is the number of events of the cell on Day when the alert was
	// raised; later reports of the same day do not change a stored alert.
	Count int `json:"count"`
	// Statistics of the test; see Test.
	Expected   float64 `json:"expected"`
	Baseline   float64 `json:"baseline"`
	Ratio      float64 `json:"ratio"`
	P          float64 `json:"p_value"`
	Q          float64 `json:"q_value"`
	Dispersion float64 `json:"dispersion"`
	Weekday    float64 `json:"weekday_factor"`
	Volume     float64 `json:"volume_factor"`
	// Events are the cell's events of Day that drove the alert, most
	// sources first, then most fatalities.
	Events []EventRef `json:"events"`
	// Created is when the alert was raised.
	Created time.Time `json:"created"`
}

// Key identifies the alert's cell and day: "KAZ/cameo:14/2022-01-05". A
// store holds at most one alert per key.
func (a *Alert) Key() string { return a.Cell.Key() + "/" + a.Day.String() }

// Summary returns a one-line description of the alert.
func (a *Alert) Summary() string {
	name := a.TypeKey()
	if a.TypeName != "" && a.TypeName != a.Type {
		name += " (" + a.TypeName + ")"
	}
	return fmt.Sprintf("%s %s %s: %d events, expected %.1f (p=%.2g, q=%.2g)",
		a.Day, a.Country, name, a.Count, a.Expected, a.P, a.Q)
}

// An EventRef is a stored event named by an alert, with what an analyst
// needs to judge it without opening it.
type EventRef struct {
	ID         int64      `json:"id"`
	DocumentID int64      `json:"document_id"`
	Date       event.Date `json:"date"`
	CAMEO      string     `json:"cameo"`
	ACLEDType  string     `json:"acled_type,omitempty"`
	// Text is the reporting sentence, cut to 300 bytes.
	Text       string `json:"text"`
	Source     string `json:"source,omitempty"`
	Target     string `json:"target,omitempty"`
	Place      string `json:"place,omitempty"`
	NumSources int    `json:"num_sources"`
	Mentions   int    `json:"num_mentions"`
	Fatalities *int   `json:"fatalities,omitempty"`
}

// A Subscription asks for the alerts of a country and type to be POSTed to
// a webhook. Empty Country or Type match any.
type Subscription struct {
	// ID is assigned by Store.Subscribe.
	ID int64 `json:"id"`
	// Endpoint is the webhook URL (http or https).
	Endpoint string `json:"endpoint"`
	Country  string `json:"country,omitempty"`
	// Scheme and Type are set together (see ParseType) or both empty.
	Scheme  Scheme    `json:"scheme,omitempty"`
	Type    string    `json:"type,omitempty"`
	Created time.Time `json:"created"`
}

// Matches reports whether a is one of the alerts s asks for.
func (s *Subscription) Matches(a *Alert) bool {
	return (s.Country == "" || s.Country == a.Country) &&
		(s.Type == "" || (s.Scheme == a.Scheme && s.Type == a.Type))
}

// Validate checks the endpoint, the country and the type of s.
func (s *Subscription) Validate() error {
	if err := validEndpoint(s.Endpoint); err != nil {
		return err
	}
	if s.Country != "" {
		if c, err := ParseCountry(s.Country); err != nil || c != s.Country {
			return fmt.Errorf("subscription country %q: want upper-case ISO alpha-3: %w", s.Country, ErrInvalid)
		}
	}
	if (s.Scheme == "") != (s.Type == "") {
		return fmt.Errorf("subscription type %q of scheme %q: set both or neither: %w", s.Type, s.Scheme, ErrInvalid)
	}
	if s.Type != "" {
		sc, t, err := ParseType(string(s.Scheme) + ":" + s.Type)
		if err != nil || sc != s.Scheme || t != s.Type {
			return fmt.Errorf("subscription type %s:%s: %w", s.Scheme, s.Type, ErrInvalid)
		}
	}
	return nil
}

// A DeliveryState is where a queued delivery stands.
type DeliveryState string

// The delivery states.
const (
	// StatePending deliveries are attempted on the next run.
	StatePending DeliveryState = "pending"
	// StateDelivered deliveries were acknowledged with a 2xx status and
	// are never sent again.
	StateDelivered DeliveryState = "delivered"
	// StateFailed deliveries were refused for good (a 4xx status other
	// than 408 and 429) or ran out of attempts; they are not retried.
	StateFailed DeliveryState = "failed"
)

// A Delivery is one alert queued for one webhook endpoint.
type Delivery struct {
	Alert    Alert         `json:"alert"`
	Endpoint string        `json:"endpoint"`
	State    DeliveryState `json:"state"`
	// Attempts counts the POSTs made so far, over all runs.
	Attempts  int       `json:"attempts"`
	LastError string    `json:"last_error,omitempty"`
	Updated   time.Time `json:"updated"`
}

// A Filter selects stored alerts. Zero fields select everything.
type Filter struct {
	Country string
	// Scheme and Type select one event type; Scheme alone a typology.
	Scheme Scheme
	Type   string
	// From and To bound Day, inclusive.
	From, To event.Date
	// Limit caps the result, 0 for no cap.
	Limit int
}

// Store keeps alerts, subscriptions and the delivery queue.
// Implementations are safe for concurrent use.
type Store interface {
	// Add stores the alerts whose Key is not stored yet, in one
	// transaction, and for each one queues a pending Delivery to the
	// endpoint of every subscription that matches it (one per endpoint).
	// It returns the new alerts, in input order, with ID set; alerts
	// already stored are left as they are and not returned.
	Add(ctx context.Context, alerts []Alert) ([]Alert, error)
	// List returns the stored alerts matching f, newest Day first, then
	// by ID descending.
	List(ctx context.Context, f Filter) ([]Alert, error)

	// Subscribe stores s, or finds the identical subscription already
	// stored, and returns it with ID and Created set. It returns
	// ErrInvalid when s.Validate fails.
	Subscribe(ctx context.Context, s Subscription) (Subscription, error)
	// Unsubscribe removes the subscription with the given ID, or returns
	// ErrNotFound. Deliveries it queued stay queued.
	Unsubscribe(ctx context.Context, id int64) error
	// Subscriptions lists the stored subscriptions by ID.
	Subscriptions(ctx context.Context) ([]Subscription, error)

	// Pending returns up to limit (0: all) pending deliveries, oldest
	// alert first.
	Pending(ctx context.Context, limit int) ([]Delivery, error)
	// Record stores the state, attempts, last error and update time of a
	// delivery returned by Pending. It returns ErrInvalid for an unknown
	// state and is a no-op for an unknown delivery.
	Record(ctx context.Context, d Delivery) error

	// Close releases the store's connections.
	Close() error
}
