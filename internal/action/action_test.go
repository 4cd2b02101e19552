package action

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"liberate/internal/i18n"
)

// now is Tuesday 1 December 2026, mid-workshop.
var now = time.Date(2026, 12, 1, 14, 30, 0, 0, time.UTC)

type want struct {
	text, owner, due string
}

func check(t *testing.T, in string, w want) {
	t.Helper()
	p := Parse(in, now)
	if p.Text != w.text || p.Owner != w.owner || p.DueDate() != w.due {
		t.Errorf("Parse(%q)\n got text=%q owner=%q due=%q\nwant text=%q owner=%q due=%q", in, p.Text, p.Owner, p.DueDate(), w.text, w.owner, w.due)
	}
}

func TestDutchOwnersAndDatesAreUnderstood(t *testing.T) {
	for _, c := range []struct {
		in string
		want
	}{
		{"Jan: leverancier bellen over de printer @vr", want{"leverancier bellen over de printer", "Jan", "2026-12-04"}},
		{"Jan: leverancier bellen @vrijdag", want{"leverancier bellen", "Jan", "2026-12-04"}},
		{"Fatima: werkinstructie schrijven @2026-12-12", want{"werkinstructie schrijven", "Fatima", "2026-12-12"}},
		{"Piet: demo plannen @morgen", want{"demo plannen", "Piet", "2026-12-02"}},
		{"Piet: demo plannen @overmorgen", want{"demo plannen", "Piet", "2026-12-03"}},
		{"Anne-Marie & Piet: nieuwe werkinstructie @over 2 weken", want{"nieuwe werkinstructie", "Anne-Marie & Piet", "2026-12-15"}},
		{"team HR: intake vereenvoudigen @volgende week", want{"intake vereenvoudigen", "team HR", "2026-12-07"}},
		{"Kees: formulier aanpassen @over een maand", want{"formulier aanpassen", "Kees", "2027-01-01"}},
		{"Kees: formulier aanpassen @over drie dagen", want{"formulier aanpassen", "Kees", "2026-12-04"}},
		{"Ali: wachtwoordbeleid navragen @di", want{"wachtwoordbeleid navragen", "Ali", "2026-12-08"}}, // a Tuesday names next Tuesday
		{"Ali: navragen @12-12", want{"navragen", "Ali", "2026-12-12"}},
		{"Ali: navragen @3/1", want{"navragen", "Ali", "2027-01-03"}},
		{"Ali: navragen @15-01-2027", want{"navragen", "Ali", "2027-01-15"}},
		{"Ali: navragen @12 dec", want{"navragen", "Ali", "2026-12-12"}},
		{"Ali: navragen @5 januari", want{"navragen", "Ali", "2027-01-05"}},
		{"Ali: navragen @eind van de maand", want{"navragen", "Ali", "2026-12-31"}},
		{"Ali: navragen @eind deze week", want{"navragen", "Ali", "2026-12-04"}},
		{"Ali: navragen @week 51", want{"navragen", "Ali", "2026-12-18"}},
		{"Ali: navragen @volgende vrijdag", want{"navragen", "Ali", "2026-12-04"}},
		{"Ali: navragen @vandaag", want{"navragen", "Ali", "2026-12-01"}},
		{"Mirjam: printer @vr laten nakijken", want{"printer laten nakijken", "Mirjam", "2026-12-04"}},
		{"Mirjam: printer laten nakijken (@vr)", want{"printer laten nakijken", "Mirjam", "2026-12-04"}},
		{"Mirjam: printer laten nakijken @vr.", want{"printer laten nakijken", "Mirjam", "2026-12-04"}},
		{"Zoë: vraag uitzetten @VR", want{"vraag uitzetten", "Zoë", "2026-12-04"}},
		{"inlogscherm vereenvoudigen @over 2 weken", want{"inlogscherm vereenvoudigen", "", "2026-12-15"}},
		{"Joost: inlogscherm vereenvoudigen", want{"inlogscherm vereenvoudigen", "Joost", ""}},
	} {
		check(t, c.in, c.want)
	}
}

func TestEnglishOwnersAndDatesAreUnderstood(t *testing.T) {
	for _, c := range []struct {
		in string
		want
	}{
		{"Sam: call the supplier about the printer @fri", want{"call the supplier about the printer", "Sam", "2026-12-04"}},
		{"Sam: call the supplier @friday", want{"call the supplier", "Sam", "2026-12-04"}},
		{"Sam: call the supplier @tomorrow", want{"call the supplier", "Sam", "2026-12-02"}},
		{"Sam: call the supplier @next week", want{"call the supplier", "Sam", "2026-12-07"}},
		{"Sam and Lee: write the how-to @in 2 weeks", want{"write the how-to", "Sam and Lee", "2026-12-15"}},
		{"Sam: write the how-to @in a month", want{"write the how-to", "Sam", "2027-01-01"}},
		{"Sam: write the how-to @in three days", want{"write the how-to", "Sam", "2026-12-04"}},
		{"Sam: write the how-to @Dec 24", want{"write the how-to", "Sam", "2026-12-24"}},
		{"Sam: write the how-to @24th december", want{"write the how-to", "Sam", "2026-12-24"}},
		{"Sam: write the how-to @12 jan 2027", want{"write the how-to", "Sam", "2027-01-12"}},
		{"Sam: write the how-to @end of the month", want{"write the how-to", "Sam", "2026-12-31"}},
		{"Sam: write the how-to @end of week", want{"write the how-to", "Sam", "2026-12-04"}},
		{"Sam: write the how-to @next month", want{"write the how-to", "Sam", "2027-01-01"}},
		{"Sam: write the how-to @mon", want{"write the how-to", "Sam", "2026-12-07"}},
		{"Sam: write the how-to @today", want{"write the how-to", "Sam", "2026-12-01"}},
		{"O'Brien: check the licences @wed", want{"check the licences", "O'Brien", "2026-12-02"}},
		{"Dr. Jones: review @2027-02-28", want{"review", "Dr. Jones", "2027-02-28"}},
	} {
		check(t, c.in, c.want)
	}
}

func TestWhatIsNoOwnerOrDateStaysText(t *testing.T) {
	for _, in := range []string{
		"Let op: de printer staat op de tweede verdieping",
		"Let wel: dit is tijdelijk",
		"NB: alleen voor HR",
		"Note: this only applies to sales",
		"Vraag: wie beheert het CRM?",
		"Idee: een FAQ op intranet",
		"Todo: later uitzoeken",
		"Zie https://intranet.example.nl/printer voor de storing",
		"https://example.com/a:b",
		"Mail jan@example.com over de licenties",
		"Mail jan@vr.nl voor meer",
		"Overleg om 10:30 met IT",
		"10:30: overleg met IT",
		"De verhouding is 3:1 in het voordeel van papier",
		"Stap 1: formulier invullen",
		"Vraag het aan @jan",
		"Bel @ vr de leverancier",
		"Printer @31-02 nakijken",
		"Printer @13/13 nakijken",
		"Printer @week 60",
		"Wat ons ophoudt:de printer",
		"Jan:",
		"Jan: @vr",
		"Dit is een hele lange zin die geen naam is maar wel een dubbele punt heeft: en dan meer",
		"",
		"@",
		"@@vr",
		"e-mail: helpdesk@example.nl",
		"ratio 16:9 op de beamer",
		"Waarom: omdat het moet",
	} {
		p := Parse(in, now)
		if p.Owner != "" || p.HasDue() || p.Text != in {
			t.Errorf("Parse(%q) took owner=%q due=%q text=%q; want it all as text", in, p.Owner, p.DueDate(), p.Text)
		}
	}
}

func TestOnlyTheFirstDateIsTakenAndTheRestStaysText(t *testing.T) {
	check(t, "Jan: bellen @vr en mailen @ma", want{"bellen en mailen @ma", "Jan", "2026-12-04"})
	check(t, "Jan: bellen @jan en dan @morgen", want{"bellen @jan en dan", "Jan", "2026-12-02"})
}

func TestAWeekdayNamedOnThatDayMeansNextWeek(t *testing.T) {
	fri := time.Date(2026, 12, 4, 10, 0, 0, 0, time.UTC)
	if got := Parse("x @vr", fri).DueDate(); got != "2026-12-11" {
		t.Fatalf("@vr on a Friday = %s, want the Friday after", got)
	}
	if got := Parse("x @sat", fri).DueDate(); got != "2026-12-05" {
		t.Fatalf("@sat on a Friday = %s, want tomorrow", got)
	}
}

func TestDatesWithoutAYearAreTheNextOneComing(t *testing.T) {
	if got := Parse("x @15-11", now).DueDate(); got != "2027-11-15" {
		t.Fatalf("@15-11 in December = %s, want next year", got)
	}
	if got := Parse("x @29-02", now).DueDate(); got != "2028-02-29" {
		t.Fatalf("@29-02 = %s, want the next leap day", got)
	}
}

func TestDueDatesKeepTheZoneOfTheDay(t *testing.T) {
	ams, err := time.LoadLocation("Europe/Amsterdam")
	if err != nil {
		t.Skip("no zone data")
	}
	late := time.Date(2026, 12, 1, 23, 30, 0, 0, ams) // 22:30 UTC: still Tuesday here
	p := Parse("x @morgen", late)
	if p.DueDate() != "2026-12-02" || p.Due.Location() != ams {
		t.Fatalf("due %v in %v", p.DueDate(), p.Due.Location())
	}
}

func TestDescribeSaysBackWhatWasUnderstood(t *testing.T) {
	nl := i18n.For("nl").FollowUp
	en := i18n.For("en").FollowUp
	p := Parse("Jan: leverancier bellen over de printer @vr", now)
	if got := Describe(p, nl, now); got != "wie: Jan · wanneer: vr 4 dec (over 3 dagen) · wat: leverancier bellen over de printer" {
		t.Errorf("nl: %q", got)
	}
	if got := Describe(p, en, now); got != "who: Jan · when: Fri 4 Dec (in 3 days) · what: leverancier bellen over de printer" {
		t.Errorf("en: %q", got)
	}
	q := Parse("Let op: de printer", now)
	if got := Describe(q, nl, now); got != "wie: nog niemand · wanneer: geen datum · wat: Let op: de printer" {
		t.Errorf("nl, nothing understood: %q", got)
	}
	r := Parse("x @morgen", now)
	if got := Describe(r, en, now); !strings.Contains(got, "Wed 2 Dec (tomorrow)") {
		t.Errorf("en tomorrow: %q", got)
	}
	y := Parse("x @2027-01-12", now)
	if got := Describe(y, nl, now); !strings.Contains(got, "di 12 jan 2027 (over 42 dagen)") {
		t.Errorf("nl next year: %q", got)
	}
}

func TestParseDateReadsWhatIsStored(t *testing.T) {
	d, ok := ParseDate("2026-12-04", time.UTC)
	if !ok || d.Weekday() != time.Friday {
		t.Fatalf("ParseDate = %v %v", d, ok)
	}
	if _, ok := ParseDate("4 dec", time.UTC); ok {
		t.Fatal("a typed phrase is no stored date")
	}
}

// FuzzParse checks that Parse never panics, never invents text, and that
// what it takes out is given back: the owner is at the start and the text
// that remains is made of the line's own words.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"Jan: leverancier bellen over de printer @vr", "Sam: call @in 2 weeks", "Let op: x", "a@b.c @morgen",
		"(@vr)", "@ @ @", "Jan: @vr", "x @12-12-2026.", "\x00:\xff @vr", "Ä: ö @überübermorgen", "é: @over één week x",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, line string) {
		p := Parse(line, now)
		if !p.HasDue() && p.Owner == "" {
			if p.Text != line {
				t.Fatalf("nothing understood, but text changed: %q → %q", line, p.Text)
			}
			return
		}
		if p.Text == "" {
			t.Fatalf("an understood line lost its action: %q", line)
		}
		if p.Owner != "" {
			if utf8.RuneCountInString(p.Owner) > MaxOwnerRunes || !strings.Contains(line, strings.Fields(p.Owner)[0]) {
				t.Fatalf("owner %q not from %q", p.Owner, line)
			}
		}
		for _, w := range strings.Fields(p.Text) {
			if !strings.Contains(line, w) {
				t.Fatalf("text word %q not in %q", w, line)
			}
		}
		if p.HasDue() {
			if p.Due.Year() < 1900 || p.Due.Year() > 9999 || p.DueWords == "" {
				t.Fatalf("due %v from %q", p.Due, p.DueWords)
			}
			if _, ok := ParseDate(p.DueDate(), time.UTC); !ok {
				t.Fatalf("stored date %q does not read back", p.DueDate())
			}
		}
	})
}
