package geo_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/annals-project/annals/internal/geo"
	"github.com/annals-project/annals/internal/lineerr"
	"github.com/google/go-cmp/cmp"
)

// brief formats the fields of a place that the tests check.
func brief(p geo.Place) string {
	if p.Kind == geo.City {
		return fmt.Sprintf("%s|%s|%s|%s", p.Name, p.Kind, p.Country, p.Admin1)
	}
	return fmt.Sprintf("%s|%s|%s", p.Name, p.Kind, p.Country)
}

func TestKey(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"ascii", "Almaty", "almaty"},
		{"diacritics", "São Paulo", "sao paulo"},
		{"polish", "Łódź", "lodz"},
		{"german", "Münster-Straße", "munster strasse"},
		{"turkish", "İzmir", "izmir"},
		{"apostrophe", "N'Djamena", "ndjamena"},
		{"curly apostrophe", "Sana’a", "sanaa"},
		{"hyphen", "Ras al-Khaimah", "ras al khaimah"},
		{"period", "St. Louis", "st louis"},
		{"initials", "U.S.", "us"},
		{"spaces", "  New   York ", "new york"},
		{"combining mark", "Zu\u0308rich", "zurich"},
		{"non-latin kept", "Алматы", "алматы"},
		{"empty", "", ""},
		{"punctuation only", "--", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := geo.Key(tt.in); got != tt.want {
				t.Errorf("Key(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestLookup(t *testing.T) {
	g := MustDefault(t)
	tests := []struct {
		name, in string
		want     string // brief of the first candidate; "" for none
	}{
		{"city", "Almaty", "Almaty|city|KAZ|Almaty"},
		{"upper case", "ALMATY", "Almaty|city|KAZ|Almaty"},
		{"old spelling", "Alma-Ata", "Almaty|city|KAZ|Almaty"},
		{"Kyiv", "Kyiv", "Kyiv|city|UKR|Kyiv City"},
		{"Kiev", "Kiev", "Kyiv|city|UKR|Kyiv City"},
		{"Dhaka", "Dhaka", "Dhaka|city|BGD|Dhaka Division"},
		{"Dacca", "Dacca", "Dhaka|city|BGD|Dhaka Division"},
		{"country not suburb", "France", "France|country|FRA"},
		{"country", "Kazakhstan", "Kazakhstan|country|KAZ"},
		{"country alias", "Britain", "United Kingdom|country|GBR"},
		{"country acronym", "U.S.", "United States|country|USA"},
		{"Congo is the bigger", "Congo", "Democratic Republic of the Congo|country|COD"},
		{"Georgia without context", "Georgia", "Georgia|country|GEO"},
		{"admin1", "Punjab", "Punjab|admin1|PAK"},
		{"admin1 short form", "Rivne Oblast", "Rivne Oblast|admin1|UKR"},
		{"admin1 stripped suffix", "Kano", "Kano|city|NGA|Kano State"},
		{"region", "Khyber Pakhtunkhwa", "Khyber Pakhtunkhwa|admin1|PAK"},
		{"capital over state", "Washington", "Washington, D.C.|city|USA|District of Columbia"},
		{"city over its state", "New York", "New York City|city|USA|New York"},
		{"not a small capital", "Delhi", "Delhi|city|IND|Delhi"},
		{"biggest namesake", "Springfield", "Springfield|city|USA|Missouri"},
		{"Paris", "Paris", "Paris|city|FRA|Île-de-France"},
		{"saint", "St. Louis", "St. Louis|city|USA|Missouri"},
		{"unknown", "Middle-earth", ""},
		{"empty", "", ""},
		// Our aliases.tsv: regions news names that GeoNames lacks.
		{"Donbas", "Donbas", "Donbas|admin1|UKR"},
		{"Donbass", "Donbass", "Donbas|admin1|UKR"},
		{"Darfur", "Darfur", "Darfur|admin1|SDN"},
		{"North Darfur", "North Darfur", "Northern Darfur|admin1|SDN"},
		{"Sinai", "Sinai", "Sinai|admin1|EGY"},
		{"Kurdistan is Iraq's region first", "Kurdistan", "Kurdistan Region|admin1|IRQ"},
		{"Iraqi Kurdistan", "Iraqi Kurdistan", "Kurdistan Region|admin1|IRQ"},
		{"Gaza is not in Mozambique", "Gaza", "Gaza|city|PSE|Gaza Strip"},
		{"Gaza Strip", "Gaza Strip", "Gaza Strip|admin1|PSE"},
		{"West Bank", "West Bank", "West Bank|admin1|PSE"},
		{"Kashmir", "Kashmir", "Jammu and Kashmir|admin1|IND"},
		{"Pakistani Kashmir", "Pakistan-administered Kashmir", "Azad Kashmir|admin1|PAK"},
		{"Baluchistan", "Baluchistan", "Balochistan|admin1|PAK"},
		{"Tigray", "Tigray", "Tigray|admin1|ETH"},
		{"Oromia", "Oromia", "Oromiya|admin1|ETH"},
		{"Crimea", "Crimea", "Crimea|admin1|UKR"},
		{"Nagorno-Karabakh", "Nagorno-Karabakh", "Nagorno-Karabakh|admin1|AZE"},
		{"Somaliland", "Somaliland", "Somaliland|admin1|SOM"},
		{"Mindanao", "Mindanao", "Mindanao|admin1|PHL"},
		{"NWFP", "North-West Frontier Province", "Khyber Pakhtunkhwa|admin1|PAK"},
		{"Chattogram", "Chattogram", "Chittagong|city|BGD|Chittagong"},
		{"Barishal", "Barishal", "Barisāl|city|BGD|Barisal Division"},
		{"an alternate name is not its state", "Bihar", "Bihar|admin1|IND"},
		{"Eastern Ghouta", "Ghouta", "Eastern Ghouta|admin1|SYR"},
		{"South Ossetia", "South Ossetia", "South Ossetia|admin1|GEO"},
		{"Deir Ezzor", "Deir Ezzor", "Deir ez-Zor|city|SYR|Deir ez-Zor"},
		// Arabic names without their article.
		{"without al", "Qamishli", "Al Qāmishlī|city|SYR|Al-Hasakah"},
		{"without ar", "Raqqah", "Ar Raqqah|city|SYR|Raqqa"},
		{"Spanish el is kept", "Salvador", "Salvador|city|BRA|Bahia"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ps := g.Lookup(tt.in)
			got := ""
			if len(ps) > 0 {
				got = brief(ps[0])
			}
			if got != tt.want {
				t.Errorf("Lookup(%q)[0] = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestLookupOrder(t *testing.T) {
	g := MustDefault(t)
	var got []string
	for _, p := range g.Lookup("Georgia") {
		got = append(got, brief(p))
	}
	want := []string{"Georgia|country|GEO", "Georgia|admin1|USA"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Lookup(Georgia) mismatch (-want +got):\n%s", diff)
	}
}

func TestResolve(t *testing.T) {
	g := MustDefault(t)
	tests := []struct {
		name, in string
		ctx      geo.Context
		want     string
	}{
		{"no context", "Paris", geo.Context{}, "Paris|city|FRA|Île-de-France"},
		{"state in US focus", "Georgia", geo.Context{Countries: map[string]float64{"USA": 0.9}}, "Georgia|admin1|USA"},
		{"country in mixed focus", "Georgia", geo.Context{Countries: map[string]float64{"USA": 0.3, "RUS": 0.4}}, "Georgia|country|GEO"},
		{"nearby state", "Paris", geo.Context{Admin1: []string{"Texas"}}, "Paris|city|USA|Texas"},
		{"nearby country", "Hyderabad", geo.Context{Admin1: []string{"Pakistan"}}, "Hyderabad|city|PAK|Sindh"},
		{"default Hyderabad", "Hyderabad", geo.Context{}, "Hyderabad|city|IND|Telangana"},
		{"focus picks country", "Hyderabad", geo.Context{Countries: map[string]float64{"PAK": 1}}, "Hyderabad|city|PAK|Sindh"},
		{"nearby admin1", "Springfield", geo.Context{Admin1: []string{"Illinois"}}, "Springfield|city|USA|Illinois"},
		{"nearby city", "Springfield", geo.Context{Admin1: []string{"Hartford"}}, "Springfield|city|USA|Massachusetts"},
		{"default Raipur", "Raipur", geo.Context{}, "Raipur|city|IND|Chhattisgarh"},
		{"division and district", "Raipur", geo.Context{Admin1: []string{"Comilla", "Chittagong"}}, "Rāipur|city|BGD|Chittagong"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, ok := g.Resolve(tt.in, tt.ctx)
			if !ok {
				t.Fatalf("Resolve(%q) found nothing", tt.in)
			}
			if got := brief(p); got != tt.want {
				t.Errorf("Resolve(%q, %+v) = %q, want %q", tt.in, tt.ctx, got, tt.want)
			}
		})
	}
	if p, ok := g.Resolve("Middle-earth", geo.Context{}); ok {
		t.Errorf("Resolve(Middle-earth) = %v, true; want false", p)
	}
}

func TestCountry(t *testing.T) {
	g := MustDefault(t)
	tests := []struct{ name, in, want string }{
		{"upper", "KAZ", "Kazakhstan|country|KAZ"},
		{"lower", "bgd", "Bangladesh|country|BGD"},
		{"Kosovo", "XKX", "Kosovo|country|XKX"},
		{"display name", "RUS", "Russia|country|RUS"},
		{"unknown", "XYZ", ""},
		{"alpha-2 is not alpha-3", "KZ", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, ok := g.Country(tt.in)
			got := ""
			if ok {
				got = brief(p)
			}
			if got != tt.want {
				t.Errorf("Country(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestLoad(t *testing.T) {
	const head = "# test gazetteer\nC\tKZ\tKAZ\tKazakhstan\t48\t68\t100\tQazaqstan\nA\tKZ.02\tAlmaty\t43.2\t76.9\t50\t\n"
	tests := []struct {
		name, in string
		want     string // error text, "" for success
	}{
		{"ok", head + "P\t1526384\tKZ.02\tAlmaty\t43.25667\t76.92861\t2000900\tA\tAlma-Ata|Vernyy\n", ""},
		{"no trailing newline", head + "P\t1\tKZ\tAktau\t43.6\t51.2\t1000\t\t", ""},
		{"place without an id", head + "P\t\tKZ\tAktau\t43.6\t51.2\t0\t\t\n", ""},
		{"zero id", head + "P\t0\tKZ\tAktau\t43.6\t51.2\t0\t\t\n", "gazetteer:4: place row: bad id \"0\""},
		{"empty", "", "not a gazetteer file"},
		{"comments only", "# nothing\n", "not a gazetteer file"},
		{"unknown row", head + "X\t1\n", "gazetteer:4: unknown row type \"X\""},
		{"short place", head + "P\t1\tKZ\tAktau\n", "gazetteer:4: place row: 4 fields, want 9"},
		{"bad id", head + "P\tx\tKZ\tAktau\t43.6\t51.2\t1000\t\t\n", "gazetteer:4: place row: bad id \"x\""},
		{"unknown country", head + "P\t1\tZZ\tAktau\t43.6\t51.2\t1000\t\t\n", "gazetteer:4: place row: unknown country in \"ZZ\""},
		{"unknown admin1", head + "P\t1\tKZ.99\tAktau\t43.6\t51.2\t1000\t\t\n", "gazetteer:4: place row: unknown admin1 \"KZ.99\""},
		{"bad latitude", head + "P\t1\tKZ\tAktau\t93.6\t51.2\t1000\t\t\n", "gazetteer:4: bad coordinates or population \"93.6\" \"51.2\" \"1000\""},
		{"bad flag", head + "P\t1\tKZ\tAktau\t43.6\t51.2\t1000\tQ\t\n", "gazetteer:4: place row: bad flag \"Q\""},
		{"duplicate country", head + "C\tKZ\tKAZ\tKazakhstan\t48\t68\t100\t\n", "gazetteer:4: duplicate country KAZ"},
		{"two errors", head + "P\tx\tKZ\tA\t1\t1\t1\t\t\nP\t1\tZZ\tB\t1\t1\t1\t\t\n", "gazetteer:4: place row: bad id \"x\"\ngazetteer:5: place row: unknown country in \"ZZ\""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g, err := geo.Load(strings.NewReader(tt.in))
			if tt.want == "" {
				if err != nil {
					t.Fatalf("Load() error: %v", err)
				}
				if g.Len() < 3 {
					t.Errorf("Load() has %d places, want at least 3", g.Len())
				}
				return
			}
			if err == nil {
				t.Fatalf("Load() = nil error, want %q", tt.want)
			}
			if err.Error() != tt.want {
				t.Errorf("Load() error = %q, want %q", err, tt.want)
			}
			var list lineerr.List
			if !errors.As(err, &list) && !errors.Is(err, geo.ErrFormat) {
				t.Errorf("Load() error %T is neither a lineerr.List nor ErrFormat", err)
			}
		})
	}
}

func TestLoadSmall(t *testing.T) {
	const in = "C\tKZ\tKAZ\tKazakhstan\t48\t68\t100\tQazaqstan\nA\tKZ.02\tAlmaty\t43.2\t76.9\t50\t\nP\t1526384\tKZ.02\tAlmaty\t43.25667\t76.92861\t2000900\tA\tAlma-Ata|Vernyy\n"
	g, err := geo.Load(strings.NewReader(in))
	if err != nil {
		t.Fatalf("Load() error: %v", err)
	}
	want := geo.Place{ID: 1526384, Name: "Almaty", Country: "KAZ", Admin1: "Almaty", Lat: 43.25667, Lon: 76.92861, Population: 2000900, Kind: geo.City}
	if diff := cmp.Diff([]geo.Place{want}, g.Lookup("Vernyy")); diff != "" {
		t.Errorf("Lookup(Vernyy) mismatch (-want +got):\n%s", diff)
	}
	if got := g.Lookup("Qazaqstan"); len(got) != 1 || got[0].Kind != geo.Country {
		t.Errorf("Lookup(Qazaqstan) = %v, want the country", got)
	}
}
