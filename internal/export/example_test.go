package export_test

import (
	"fmt"
	"strings"
	"time"

	"github.com/annals-project/annals/internal/event"
	"github.com/annals-project/annals/internal/export"
	"github.com/annals-project/annals/internal/store"
)

// A GDELT row for one stored event: the representative document gives
// DATEADDED and SOURCEURL.
func ExampleExporter_GDELTEvent() {
	x, err := export.New(export.Config{})
	if err != nil {
		panic(err)
	}
	r := store.EventRecord{
		ID: 42,
		Event: event.Event{
			Text:   "Police seized the offices of a student newspaper in Dhaka on Sunday.",
			Span:   event.Span{Start: 7, End: 13},
			Source: &event.Actor{Text: "Police", Code: "BGDCOP", Country: "BGD", Role: "COP"},
			Target: &event.Actor{Text: "student newspaper", Code: "BGDEDU", Country: "BGD", Role: "EDU"},
			CAMEO:  "1711", Root: "17", QuadClass: 4, Goldstein: -9.2,
			Date:     event.Date{Year: 2024, Month: time.July, Day: 14},
			Location: &event.Location{Name: "Dhaka", Country: "BGD", Admin1: "Dhaka Division", Precision: "city", Lat: 23.7104, Lon: 90.40744},
		},
		NumMentions: 3, NumArticles: 3, NumSources: 2,
	}
	doc := &store.Document{
		Article:    &event.Article{URL: "https://delta-tribune.example/dhaka-campus", Text: r.Text},
		IngestedAt: time.Date(2024, 7, 14, 18, 5, 0, 0, time.UTC),
	}
	row := x.GDELTEvent(r, doc)
	cols := export.GDELTEventColumns()
	for i, v := range row {
		if v != "" && !strings.HasPrefix(cols[i].Name, "Actor2Geo") && !strings.HasPrefix(cols[i].Name, "Actor1Geo") {
			fmt.Printf("%s=%s\n", cols[i].Name, v)
		}
	}
	// Output:
	// GLOBALEVENTID=42
	// SQLDATE=20240714
	// MonthYear=202407
	// Year=2024
	// FractionDate=2024.5315
	// Actor1Code=BGDCOP
	// Actor1Name=POLICE
	// Actor1CountryCode=BGD
	// Actor1Type1Code=COP
	// Actor2Code=BGDEDU
	// Actor2Name=STUDENT NEWSPAPER
	// Actor2CountryCode=BGD
	// Actor2Type1Code=EDU
	// IsRootEvent=1
	// EventCode=1711
	// EventBaseCode=171
	// EventRootCode=17
	// QuadClass=4
	// GoldsteinScale=-9.2
	// NumMentions=3
	// NumSources=2
	// NumArticles=3
	// ActionGeo_Type=4
	// ActionGeo_FullName=Dhaka, Dhaka Division, Bangladesh
	// ActionGeo_CountryCode=BG
	// ActionGeo_ADM1Code=BG
	// ActionGeo_Lat=23.7104
	// ActionGeo_Long=90.40744
	// DATEADDED=20240714180500
	// SOURCEURL=https://delta-tribune.example/dhaka-campus
}
