package date_test

import (
	"fmt"
	"testing"

	"github.com/annals-project/annals/internal/date"
	"github.com/annals-project/annals/internal/event"
	"github.com/google/go-cmp/cmp"
)

func mustDate(tb testing.TB, s string) event.Date {
	tb.Helper()
	d, err := event.ParseDate(s)
	if err != nil {
		tb.Fatal(err)
	}
	return d
}

// show formats an Expr as "text=date/precision", with "~" before the
// precision when it is relative and "@shift" when anaphoric.
func show(e date.Expr) string {
	s := fmt.Sprintf("%s=%s/", e.Text, e.Date)
	if e.Relative {
		s += "~"
	}
	s += string(e.Precision)
	if e.Anaphoric {
		s += fmt.Sprintf("@%+d", e.Shift)
	}
	return s
}

func whole(s string) event.Span { return event.Span{Start: 0, End: len(s)} }

func TestFind(t *testing.T) {
	const thu = "2024-03-14" // a Thursday
	tests := []struct {
		name, anchor, text string
		want               []string
	}{
		// Calendar dates.
		{"day month", thu, "On 7 January, police fired tear gas at students in the capital.", []string{"7 January=2024-01-07/~day"}},
		{"month day", thu, "Protesters gathered on January 7 outside parliament.", []string{"January 7=2024-01-07/~day"}},
		{"abbreviated month", thu, "The ministry said on Jan. 7 that the curfew would stay.", []string{"Jan. 7=2024-01-07/~day"}},
		{"abbreviation ends sentence", thu, "Talks stalled on 9 Jan. Both sides blamed each other.", []string{"9 Jan.=2024-01-09/~day"}},
		{"ordinal of", thu, "Elections were held on the 5th of March across the country.", []string{"5th of March=2024-03-05/~day"}},
		{"later in year goes back", "2022-01-03", "Clashes erupted on 30 December in the north.", []string{"30 December=2021-12-30/~day"}},
		{"same day as anchor", thu, "Rebels seized the town on 14 March.", []string{"14 March=2024-03-14/~day"}},
		{"day after anchor is last year", thu, "A strike is planned for 15 March.", []string{"15 March=2023-03-15/~day"}},
		{"month day year", thu, "Talks resumed on January 6, 2022, in Geneva.", []string{"January 6, 2022=2022-01-06/day"}},
		{"day month year", thu, "Troops withdrew on 6 January 2022 after a truce.", []string{"6 January 2022=2022-01-06/day"}},
		{"day month comma year", thu, "Troops withdrew on 6 January, 2022.", []string{"6 January, 2022=2022-01-06/day"}},
		{"iso", thu, "The court filing, dated 2022-01-06, was released.", []string{"2022-01-06=2022-01-06/day"}},
		{"weekday with date", thu, "On Thursday, January 6, 2022, the rally turned violent.", []string{"Thursday, January 6, 2022=2022-01-06/day"}},
		{"weekday with day month", thu, "On Monday 4 March the army moved in.", []string{"Monday 4 March=2024-03-04/~day"}},
		{"range", "2023-11-07", "A blockade was announced for 5-6 November by the opposition.", []string{"5-6 November=2023-11-05/~day"}},
		{"month range", thu, "Talks ran March 3-4 in Doha.", []string{"March 3-4=2024-03-03/~day"}},
		{"dateline", "1987-02-26", "SALVADOR, Feb 26 - Showers continued in the cocoa zone.", []string{"Feb 26=1987-02-26/~day"}},
		{"week ended", "1987-03-02", "Arrivals for the week ended February 22 were 155,000 bags.", []string{"February 22=1987-02-22/~day"}},
		{"month comma year", thu, "In June, 1986 the company filed suit.", []string{"June, 1986=1986-06-01/month"}},
		{"abbreviated month year", thu, "Output fell in Oct. 2019 and recovered.", []string{"Oct. 2019=2019-10-01/month"}},
		{"impossible date", thu, "A letter dated February 30, 2022 was forged.", nil},
		// Leap years.
		{"leap day in leap year", "2024-03-01", "Police detained him on 29 February.", []string{"29 February=2024-02-29/~day"}},
		{"leap day outside leap year", "2023-03-01", "Police detained him on 29 February.", []string{"29 February=2020-02-29/~day"}},
		{"leap day with year", thu, "He was detained on February 29, 2020.", []string{"February 29, 2020=2020-02-29/day"}},
		{"no leap day that year", thu, "He was detained on February 29, 2023.", nil},
		// Weekdays.
		{"weekday on anchor day", thu, "On Thursday, the army shelled the town.", []string{"Thursday=2024-03-14/~day"}},
		{"weekday before anchor", thu, "Police arrested 12 people on Tuesday.", []string{"Tuesday=2024-03-12/~day"}},
		{"weekday after anchor day of week", thu, "Gunmen attacked a bus on Friday.", []string{"Friday=2024-03-08/~day"}},
		{"last weekday", thu, "The rally last Tuesday drew thousands.", []string{"last Tuesday=2024-03-12/~day"}},
		{"last weekday on that day", thu, "The rally last Thursday drew thousands.", []string{"last Thursday=2024-03-07/~day"}},
		{"next weekday", thu, "Unions will strike next Thursday.", []string{"next Thursday=2024-03-21/~day"}},
		{"this weekday", thu, "The vote this Monday was boycotted.", []string{"this Monday=2024-03-11/~day"}},
		{"this past weekday", thu, "The vote this past Thursday was boycotted.", []string{"this past Thursday=2024-03-07/~day"}},
		{"weekday night", thu, "Shelling resumed on Tuesday night.", []string{"Tuesday night=2024-03-12/~day"}},
		{"late on weekday", thu, "The convoy was ambushed late on Friday.", []string{"late on Friday=2024-03-08/~day"}},
		{"early weekday", thu, "Early Monday, soldiers raided the camp.", []string{"Early Monday=2024-03-11/~day"}},
		{"weekday last week", thu, "Officials met on Wednesday last week.", []string{"Wednesday last week=2024-03-06/~day"}},
		{"weekday of next week", thu, "The court sits on Monday of next week.", []string{"Monday of next week=2024-03-18/~day"}},
		{"possessive weekday", thu, "Sunday's attack killed four.", []string{"Sunday=2024-03-10/~day"}},
		{"named day", thu, "Shops were looted on Black Friday.", nil},
		// Deictic days.
		{"yesterday", thu, "Two soldiers were killed yesterday.", []string{"yesterday=2024-03-13/~day"}},
		{"yesterday morning", thu, "Two soldiers were killed yesterday morning.", []string{"yesterday morning=2024-03-13/~day"}},
		{"today", thu, "The president resigned today.", []string{"today=2024-03-14/~day"}},
		{"today possessive", thu, "Today's march was peaceful.", []string{"Today=2024-03-14/~day"}},
		{"tonight", thu, "Leaders meet tonight in Brussels.", []string{"tonight=2024-03-14/~day"}},
		{"this morning", thu, "Rockets hit the port this morning.", []string{"this morning=2024-03-14/~day"}},
		{"last night", thu, "Rockets hit the port last night.", []string{"last night=2024-03-13/~day"}},
		{"tomorrow", thu, "Talks resume tomorrow.", []string{"tomorrow=2024-03-15/~day"}},
		{"day before yesterday", thu, "He was freed the day before yesterday.", []string{"the day before yesterday=2024-03-12/~day"}},
		{"earlier today", thu, "Earlier today, police cleared the square.", []string{"Earlier today=2024-03-14/~day"}},
		// Counts.
		{"days ago digits", thu, "The reporter vanished 10 days ago.", []string{"10 days ago=2024-03-04/~day"}},
		{"two days ago", thu, "The reporter vanished two days ago.", []string{"two days ago=2024-03-12/~day"}},
		{"eleven days ago", thu, "The reporter vanished eleven days ago.", []string{"eleven days ago=2024-03-03/~day"}},
		{"a week ago", thu, "The ceasefire collapsed a week ago.", []string{"a week ago=2024-03-04/~week"}},
		{"three weeks ago", thu, "The ceasefire collapsed three weeks ago.", []string{"three weeks ago=2024-02-19/~week"}},
		{"a fortnight ago", thu, "The ceasefire collapsed a fortnight ago.", []string{"a fortnight ago=2024-02-26/~week"}},
		{"months ago", thu, "The plant closed six months ago.", []string{"six months ago=2023-09-01/~month"}},
		{"years ago", thu, "The war began two years ago.", []string{"two years ago=2022-01-01/~year"}},
		// Weeks, months, years.
		{"earlier this week", thu, "Earlier this week, the army pulled back.", []string{"Earlier this week=2024-03-11/~week"}},
		{"this week", thu, "Talks collapsed this week.", []string{"this week=2024-03-11/~week"}},
		{"earlier in the week", thu, "Talks collapsed earlier in the week.", []string{"earlier in the week=2024-03-11/~week"}},
		{"last week", thu, "Talks collapsed last week.", []string{"last week=2024-03-04/~week"}},
		{"next week", thu, "Talks resume next week.", []string{"next week=2024-03-18/~week"}},
		{"early next week", thu, "Talks resume early next week.", []string{"early next week=2024-03-18/~week"}},
		{"last month", "2024-01-10", "Prices rose last month.", []string{"last month=2023-12-01/~month"}},
		{"this month", thu, "Prices rose earlier this month.", []string{"earlier this month=2024-03-01/~month"}},
		{"last year", thu, "Prices rose last year.", []string{"last year=2023-01-01/~year"}},
		{"the last week is a window", thu, "Prices rose in the last week.", nil},
		{"in month this year", thu, "The strike began in March.", []string{"March=2024-03-01/~month"}},
		{"in month last year", thu, "The strike began in May.", []string{"May=2023-05-01/~month"}},
		{"in december over new year", "2024-01-05", "The strike began in December.", []string{"December=2023-12-01/~month"}},
		{"last march", thu, "The strike began last March.", []string{"last March=2023-03-01/~month"}},
		{"last march later in year", "2024-06-01", "The strike began last March.", []string{"last March=2024-03-01/~month"}},
		{"next march", thu, "Elections are due next March.", []string{"next March=2025-03-01/~month"}},
		{"mid month", thu, "Fighting flared in mid-February.", []string{"mid-February=2024-02-01/~month"}},
		{"early month", thu, "Fighting flared in early January.", []string{"early January=2024-01-01/~month"}},
		{"month year", thu, "The strike began in March 2023.", []string{"March 2023=2023-03-01/month"}},
		{"year", thu, "The strike began in 2019.", []string{"2019=2019-01-01/year"}},
		{"late year", thu, "The strike began late 2019.", []string{"late 2019=2019-01-01/year"}},
		{"mid year", thu, "The strike began in mid-2019.", []string{"mid-2019=2019-01-01/year"}},
		{"end of year", thu, "The mission ends at the end of 2025.", []string{"2025=2025-01-01/year"}},
		{"since year", thu, "The group has been banned since 2019.", []string{"2019=2019-01-01/year"}},
		{"bare year not a date", thu, "The 2019 accord was signed by 1500 delegates.", nil},
		// Weekends.
		{"over the weekend", thu, "Protests spread over the weekend.", []string{"the weekend=2024-03-04/~week"}},
		{"weekend on sunday", "2024-03-17", "Protests spread over the weekend.", []string{"the weekend=2024-03-11/~week"}},
		{"last weekend", "2024-03-17", "Protests spread last weekend.", []string{"last weekend=2024-03-04/~week"}},
		{"next weekend", thu, "Protests are planned next weekend.", []string{"next weekend=2024-03-11/~week"}},
		// Holidays.
		{"new year's eve", thu, "Fireworks were banned on New Year's Eve.", []string{"New Year's Eve=2023-12-31/~day"}},
		{"new year's day", thu, "Fireworks were banned on New Year's Day.", []string{"New Year's Day=2024-01-01/~day"}},
		{"christmas day", thu, "The truce held on Christmas Day.", []string{"Christmas Day=2023-12-25/~day"}},
		{"at christmas", thu, "The truce held at Christmas.", []string{"Christmas=2023-12-25/~day"}},
		// Anaphoric.
		{"previous day alone", thu, "The previous day, police had raided the office.", []string{"The previous day=/~day@-1"}},
		{"following day resolved", thu, "Police raided the office on 5 March and arrested two men the following day.", []string{"5 March=2024-03-05/~day", "the following day=2024-03-06/~day@+1"}},
		{"day before", thu, "Police had raided the office the day before.", []string{"the day before=/~day@-1"}},
		{"day before an event is skipped", thu, "Police raided the office the day before the vote.", nil},
		{"days later", thu, "He was detained on 2 March and freed three days later.", []string{"2 March=2024-03-02/~day", "three days later=2024-03-05/~day@+3"}},
		{"same day", thu, "Rebels struck on Monday and withdrew the same day.", []string{"Monday=2024-03-11/~day", "the same day=2024-03-11/~day@+0"}},
		// Not dates.
		{"verb march", thu, "Demonstrators march on the capital.", nil},
		{"modal may", thu, "May I ask a question?", nil},
		{"name may", thu, "Prime Minister Theresa May said the talks would go on.", nil},
		{"name may after by", thu, "The plan was backed by May and her cabinet.", nil},
		{"may in may", thu, "They may march in May.", []string{"May=2023-05-01/~month"}},
		{"quantity", thu, "About 1,500 people marched for 45 minutes; turnout was 3.5 percent.", nil},
		{"lower-case weekday", thu, "The friday prayers were calm.", nil},
		{"decade", thu, "In the 1990s the party was banned.", nil},
		{"count before month word", thu, "At least 45 May Day marchers were held.", nil},
		// Several.
		{"two expressions", thu, "Talks that began last week broke down on Tuesday.", []string{"last week=2024-03-04/~week", "Tuesday=2024-03-12/~day"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, e := range date.Find(tt.text, whole(tt.text), mustDate(t, tt.anchor)) {
				got = append(got, show(e))
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Find(%q, %s) mismatch (-want +got):\n%s", tt.text, tt.anchor, diff)
			}
		})
	}
}

func TestFindSpan(t *testing.T) {
	text := "On Monday police fired. On 7 January, troops withdrew."
	start := 24
	got := date.Find(text, event.Span{Start: start, End: len(text)}, mustDate(t, "2024-03-14"))
	if len(got) != 1 || got[0].Text != "7 January" || got[0].Span.Start < start {
		t.Errorf("Find(%q[%d:]) = %v, want only 7 January", text, start, got)
	}
	for _, sp := range []event.Span{{Start: -5, End: 3}, {Start: 40, End: 1000}, {Start: 30, End: 10}} {
		for _, e := range date.Find(text, sp, mustDate(t, "2024-03-14")) {
			if !e.Span.Valid(len(text)) {
				t.Errorf("Find(%v) gave span %v out of the text", sp, e.Span)
			}
		}
	}
}

func TestFindZeroAnchor(t *testing.T) {
	text := "On Tuesday, and on 6 January 2022, and in March."
	var got []string
	for _, e := range date.Find(text, whole(text), event.Date{}) {
		got = append(got, show(e))
	}
	want := []string{"Tuesday=/~day", "6 January 2022=2022-01-06/day", "March=/~month"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Find with a zero anchor mismatch (-want +got):\n%s", diff)
	}
}

func TestSentence(t *testing.T) {
	const thu = "2024-03-14"
	tests := []struct {
		name, text string
		want       string // show() of the governing Expr, "" for none
	}{
		{"fronted full date", "On 18 September 2023, two factions clashed, police said on Tuesday.", "18 September 2023=2023-09-18/day"},
		{"fronted week", "Last week, protesters blocked roads, police said on Monday.", "Last week=2024-03-04/~week"},
		{"fronted in quotes", "“On Sunday, militants attacked a checkpoint,” the army said.", "Sunday=2024-03-10/~day"},
		{"fronted after conjunction", "But on Friday the talks collapsed.", "Friday=2024-03-08/~day"},
		{"day beats year", "Police said on Tuesday they had arrested a man wanted since last year.", "Tuesday=2024-03-12/~day"},
		{"day after earlier year", "The leader, detained in 2019, died on Friday.", "Friday=2024-03-08/~day"},
		{"since blocked", "The leader, in custody since March, died on Friday.", "Friday=2024-03-08/~day"},
		{"by blocked", "The party vowed to cut emissions by 2030, its leader said last week.", "last week=2024-03-04/~week"},
		{"born blocked", "Born in 1970, the activist was arrested on Monday.", "Monday=2024-03-11/~day"},
		{"ahead of blocked", "Ahead of Sunday's vote, police arrested 20 people on Friday.", "Friday=2024-03-08/~day"},
		{"until only", "The curfew stays until 20 March.", ""},
		{"report date after event date", "Police said on Tuesday that protesters had clashed with officers on Monday.", "Monday=2024-03-11/~day"},
		{"report date only", "Police said on Tuesday they had arrested 20 people.", "Tuesday=2024-03-12/~day"},
		{"event before report", "Protesters clashed with police on Monday, officials said on Tuesday.", "Monday=2024-03-11/~day"},
		{"first of several", "Talks that began last week broke down on Tuesday.", "Tuesday=2024-03-12/~day"},
		{"coarse only", "Prices rose sharply last month.", "last month=2024-02-01/~month"},
		{"future", "The vote will be held next week.", "next week=2024-03-18/~week"},
		{"anaphoric unresolved skipped", "The previous day, police had raided the office.", ""},
		{"none", "Police fired tear gas at the crowd.", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, ok := date.Sentence(tt.text, whole(tt.text), mustDate(t, thu))
			got := ""
			if ok {
				got = show(e)
			}
			if got != tt.want {
				t.Errorf("Sentence(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

func TestAllocs(t *testing.T) {
	anchor := mustDate(t, "2024-03-14")
	tests := []struct {
		name, text string
		find, sent float64
	}{
		{"none", "Police fired tear gas at thousands of protesters in the capital, witnesses said.", 0, 0},
		{"one", "Police fired tear gas at thousands of protesters in the capital on Tuesday, witnesses said.", 1, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sp := whole(tt.text)
			if n := testing.AllocsPerRun(100, func() { date.Find(tt.text, sp, anchor) }); n > tt.find {
				t.Errorf("Find allocs = %v, want <= %v", n, tt.find)
			}
			if n := testing.AllocsPerRun(100, func() { date.Sentence(tt.text, sp, anchor) }); n > tt.sent {
				t.Errorf("Sentence allocs = %v, want <= %v", n, tt.sent)
			}
		})
	}
}

func FuzzFind(f *testing.F) {
	f.Add("On 7 January, police fired. Last week, on Thursday, January 6, 2022, 5-6 November.", 0, 200, 8000)
	f.Add("the day before yesterday; three weeks ago; mid-2019; New Year's Eve; Jan. 7", 3, 60, 0)
	f.Add("2022-01-06 29 February 1,500 10km 6th of March the previous day", -4, 1000, -30000)
	f.Add("“On Sunday,” he said — in May… São Paulo’s Tuesday’s", 0, 40, 12345)
	f.Fuzz(func(t *testing.T, s string, start, end, days int) {
		anchor := mustDate(t, "2000-01-01").AddDays(days % 100000)
		prev := -1
		lo, hi := max(start, 0), min(end, len(s))
		for _, e := range date.Find(s, event.Span{Start: start, End: end}, anchor) {
			if !e.Span.Valid(len(s)) || e.Span.Start < lo || e.Span.End > hi || e.Span.Start < prev || e.Span.Len() == 0 {
				t.Fatalf("bad span %v (previous end %d) in %q[%d:%d]", e.Span, prev, s, start, end)
			}
			if e.Text != s[e.Span.Start:e.Span.End] {
				t.Fatalf("Text %q is not text[%v]", e.Text, e.Span)
			}
			prev = e.Span.End
		}
		date.Sentence(s, event.Span{Start: start, End: end}, anchor)
	})
}
