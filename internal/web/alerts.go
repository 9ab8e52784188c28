package web

import (
	"context"
	"log/slog"
	"net/url"

	"github.com/annals-project/annals/internal/alert"
)

// Sizes of the dashboard's alerts panel: the alerts it lists, and the
// driving events it links for each.
const (
	alertsShown      = 5
	alertEventsShown = 5
)

// AlertsPanel is the data of the dashboard's "Recent alerts" panel.
type AlertsPanel struct {
	// Country is the ISO alpha-3 code the alerts are limited to, "" for
	// all countries.
	Country string
	Alerts  []AlertView
	// Failed is true when the alerts could not be read; the page says so
	// and shows the rest.
	Failed bool
}

// An AlertView is one alert of the panel.
type AlertView struct {
	alert.Alert
	// EventsURL is the dashboard filtered by the alert's country, day and
	// type: the events counted by its test.
	EventsURL string
	// Shown are the driving events the panel links, More how many others
	// the alert names.
	Shown []alert.EventRef
	More  int
}

// alertsPanel reads the latest alerts, of country when it is a valid code.
// A store error is logged and shown as such, so that the rest of the page
// still renders.
func (s *server) alertsPanel(ctx context.Context, country string) *AlertsPanel {
	if s.alerts == nil {
		return nil
	}
	p := &AlertsPanel{}
	if c, err := alert.ParseCountry(country); err == nil {
		p.Country = c
	}
	as, err := s.alerts.List(ctx, alert.Filter{Country: p.Country, Limit: alertsShown})
	if err != nil {
		s.log.LogAttrs(ctx, slog.LevelError, "dashboard: list alerts", slog.String("error", err.Error()))
		p.Failed = true
		return p
	}
	for _, a := range as {
		v := AlertView{Alert: a, EventsURL: alertEventsURL(&a), Shown: a.Events}
		if len(v.Shown) > alertEventsShown {
			v.Shown, v.More = v.Shown[:alertEventsShown], len(v.Shown)-alertEventsShown
		}
		p.Alerts = append(p.Alerts, v)
	}
	return p
}

// alertEventsURL returns the dashboard URL of an alert's events: its
// country, its day, and its CAMEO root or ACLED type.
func alertEventsURL(a *alert.Alert) string {
	q := url.Values{}
	q.Set("country", a.Country)
	q.Set("from", a.Day.String())
	q.Set("to", a.Day.String())
	switch a.Scheme {
	case alert.SchemeCAMEO:
		q.Set("root", a.Type)
	case alert.SchemeACLED:
		q.Set("acled_type", a.Type)
	}
	return "/?" + q.Encode()
}
