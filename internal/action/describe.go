package action

import (
	"fmt"
	"strconv"
	"time"

	"liberate/internal/i18n"
)

// Describe says back what Parse understood, in the catalogue's language,
// so the facilitator can check it before saving:
// "wie: Jan · wanneer: vr 4 dec (over 3 dagen) · wat: leverancier bellen".
func Describe(p Parsed, c i18n.FollowUp, now time.Time) string {
	owner := p.Owner
	if owner == "" {
		owner = c.NoOwner
	}
	due := c.NoDue
	if p.HasDue() {
		due = DayName(p.Due, c, now)
	}
	return c.Who + ": " + owner + " · " + c.When + ": " + due + " · " + c.What + ": " + p.Text
}

// DayName shows a due day the way people say it: "vr 4 dec (over 3 dagen)",
// "Fri 4 Dec (tomorrow)"; the year is added when it is not now's year.
func DayName(due time.Time, c i18n.FollowUp, now time.Time) string {
	s := ShortDate(due, c, now)
	today := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, due.Location())
	d := int(due.Sub(today).Round(24*time.Hour) / (24 * time.Hour))
	switch {
	case d == 0:
		return s + " (" + c.Today + ")"
	case d == 1:
		return s + " (" + c.Tomorrow + ")"
	case d > 1:
		return s + " (" + plural(c.InDays, d) + ")"
	case d < 0:
		return s + " (" + plural(c.DaysAgo, -d) + ")"
	}
	return s
}

// ShortDate is "vr 4 dec" or "Fri 4 Dec", with the year when it differs
// from now's.
func ShortDate(t time.Time, c i18n.FollowUp, now time.Time) string {
	s := c.Weekdays[t.Weekday()] + " " + strconv.Itoa(t.Day()) + " " + c.Months[t.Month()-1]
	if t.Year() != now.Year() {
		s += " " + strconv.Itoa(t.Year())
	}
	return s
}

// ParseDate reads a stored due date (DateLayout) in loc; ok is false for ""
// or a date that does not parse.
func ParseDate(s string, loc *time.Location) (time.Time, bool) {
	if s == "" {
		return time.Time{}, false
	}
	t, err := time.ParseInLocation(DateLayout, s, loc)
	return t, err == nil
}

func plural(forms [2]string, n int) string {
	if n == 1 {
		return fmt.Sprintf(forms[0], n)
	}
	return fmt.Sprintf(forms[1], n)
}

// LongDate is "vr 4 dec 2026" or "Fri 4 Dec 2026": a due date in a report,
// always with its year.
func LongDate(t time.Time, c i18n.FollowUp) string {
	return c.Weekdays[t.Weekday()] + " " + strconv.Itoa(t.Day()) + " " + c.Months[t.Month()-1] + " " + strconv.Itoa(t.Year())
}
