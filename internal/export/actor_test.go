package export_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/annals-project/annals/internal/event"
	"github.com/annals-project/annals/internal/export"
)

func TestSplitActor(t *testing.T) {
	x, err := export.New(export.Config{})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name  string
		actor *event.Actor
		want  export.ActorCode
	}{
		{"nil", nil, export.ActorCode{}},
		{"country", &event.Actor{Code: "USA", Country: "USA"}, export.ActorCode{Code: "USA", Country: "USA"}},
		{"country and role", &event.Actor{Code: "IRNGOV", Country: "IRN", Role: "GOV"},
			export.ActorCode{Code: "IRNGOV", Country: "IRN", Types: [3]string{"GOV"}}},
		{"two roles", &event.Actor{Code: "IRNGOVMED", Country: "IRN", Role: "GOV"},
			export.ActorCode{Code: "IRNGOVMED", Country: "IRN", Types: [3]string{"GOV", "MED"}}},
		{"international body", &event.Actor{Code: "IGOUNO", Role: "IGO"},
			export.ActorCode{Code: "IGOUNO", KnownGroup: "UNO", Types: [3]string{"IGO"}}},
		{"body with role after", &event.Actor{Code: "IGOUNOHRI", Role: "IGO"},
			export.ActorCode{Code: "IGOUNOHRI", KnownGroup: "UNO", Types: [3]string{"IGO", "HRI"}}},
		{"region", &event.Actor{Code: "IGOEUREEC", Country: "EUR", Role: "IGO"},
			export.ActorCode{Code: "IGOEUREEC", Country: "EUR", KnownGroup: "EEC", Types: [3]string{"IGO"}}},
		{"region not given as country", &event.Actor{Code: "IGOAFRAFU", Role: "IGO"},
			export.ActorCode{Code: "IGOAFRAFU", Country: "AFR", KnownGroup: "AFU", Types: [3]string{"IGO"}}},
		{"NGO in a country", &event.Actor{Code: "NGOBGDHRI", Country: "BGD", Role: "NGO"},
			export.ActorCode{Code: "NGOBGDHRI", Country: "BGD", Types: [3]string{"NGO", "HRI"}}},
		{"religion", &event.Actor{Code: "IRQREBSUN", Country: "IRQ", Role: "REB"},
			export.ActorCode{Code: "IRQREBSUN", Country: "IRQ", Religion1: "SUN", Types: [3]string{"REB"}}},
		{"ethnic code", &event.Actor{Code: "TURkur", Country: "TUR"},
			export.ActorCode{Code: "TURkur", Country: "TUR", Ethnic: "kur"}},
		{"role only", &event.Actor{Code: "UAF", Role: "UAF"},
			export.ActorCode{Code: "UAF", Types: [3]string{"UAF"}}},
		{"no code", &event.Actor{Text: "the crowd", Country: "KEN", Role: "CVL"},
			export.ActorCode{Country: "KEN", Types: [3]string{"CVL"}}},
		{"odd length", &event.Actor{Code: "KENGOVX", Country: "KEN", Role: "GOV"},
			export.ActorCode{Code: "KENGOVX", Country: "KEN", Types: [3]string{"GOV"}}},
		{"four roles keep three", &event.Actor{Code: "USAGOVMILCOPSPY", Country: "USA"},
			export.ActorCode{Code: "USAGOVMILCOPSPY", Country: "USA", Types: [3]string{"GOV", "MIL", "COP"}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := x.SplitActor(tc.actor)
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("SplitActor(%+v) (-want +got):\n%s", tc.actor, diff)
			}
		})
	}
}
