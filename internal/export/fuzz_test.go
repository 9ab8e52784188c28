package export_test

import (
	"strings"
	"testing"
	"time"

	"github.com/annals-project/annals/internal/event"
	"github.com/annals-project/annals/internal/export"
	"github.com/annals-project/annals/internal/store"
)

// FuzzGDELTRecords checks that whatever the stored strings hold, a GDELT
// event row has 61 fields and a mentions row 16, none with a tab or a line
// break, and that offsets stay within the text.
func FuzzGDELTRecords(f *testing.F) {
	f.Add("farmers", "KENAGR", "KEN", "Nairobi", "Nairobi", "city", "https://example.org/a", "Farmers marched.", "141", 8, 15)
	f.Add("Gunmen\tin", "UAF", "", "Idlib\nx", "", "admin1", "", "line\r\nbreak", "1823", -3, 900)
	f.Add("", "IGOUNOHRI", "EUR", "", "Texas", "country", "ftp://x", "\u2028", "0", 0, 0)
	x, err := export.New(export.Config{})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, actor, code, country, place, admin1, precision, url, text, cameo string, start, end int) {
		span := event.Span{Start: start, End: end}
		a := &event.Actor{Text: actor, Code: code, Country: country, Name: actor, Span: span}
		e := event.Event{Text: text, Span: span, Source: a, Target: a, CAMEO: cameo, Root: cameo,
			Location:   &event.Location{Name: place, Country: country, Admin1: admin1, Precision: precision, Lat: 1, Lon: 2},
			Confidence: float64(start) / 10}
		r := store.EventRecord{ID: 1, Event: e, FirstSeen: time.Unix(int64(end), 0)}
		doc := &store.Document{Article: &event.Article{URL: url, Title: text, Text: text}, Outlet: actor}
		m := store.Mention{Event: e, URL: url, Outlet: actor, Title: text}
		for _, row := range [][]string{x.GDELTEvent(r, doc), x.GDELTEvent(r, nil)} {
			if len(row) != 61 {
				t.Fatalf("event row has %d fields", len(row))
			}
			checkFields(t, row)
		}
		row := x.GDELTMention(r, doc, m, doc)
		if len(row) != 16 {
			t.Fatalf("mention row has %d fields", len(row))
		}
		checkFields(t, row)
	})
}

func checkFields(t *testing.T, row []string) {
	t.Helper()
	for i, v := range row {
		if strings.ContainsAny(v, "\t\n\r\u2028\u2029") {
			t.Fatalf("field %d = %q holds a separator", i, v)
		}
	}
}
