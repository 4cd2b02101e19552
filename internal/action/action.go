// Package action reads who owns an action note and when it is due from the
// way a facilitator types it in the capture line:
//
//	Jan: leverancier bellen over de printer @vr
//	Anne-Marie & Piet: nieuwe werkinstructie @over 2 weken
//	Send the summary to the team @2026-12-12
//
// An owner is a short name before a colon at the start ("Jan:", "Team HR:");
// a due date is a word after an @ that stands on its own: a date
// (2026-12-12, 12-12, 12/12/2026, 12 dec), a weekday in Dutch or English
// (vr, vrijdag, fri, friday), a relative day (vandaag, morgen, overmorgen,
// today, tomorrow), a week (volgende week, next week, week 50), a span
// (over 2 weken, in 3 days, over een maand) or the end of the week or month.
// Everything else stays text: URLs, e-mail addresses, times (10:30), ratios
// (3:1), "Let op: …" and other labels before a colon, @mentions that are no
// date. Parse is pure: it is given the day it counts from.
package action

import (
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// DateLayout is how a due date is stored: a calendar day, no time, no zone.
const DateLayout = "2006-01-02"

// MaxOwnerRunes bounds an owner's name; longer text before a colon is a
// sentence, not a name.
const MaxOwnerRunes = 40

// Parsed is what Parse understood of an action line.
type Parsed struct {
	// Text is the action itself, without the owner and the date.
	Text string
	// Owner is who does it; "" when the line names nobody.
	Owner string
	// Due is the day it is due, midnight in the zone of the day Parse was
	// given; zero when the line has no date.
	Due time.Time
	// DueWords is the date as typed after the @ ("vr", "over 2 weken").
	DueWords string
}

// HasDue reports whether a due date was understood.
func (p Parsed) HasDue() bool { return !p.Due.IsZero() }

// DueDate is the due date as stored (DateLayout), "" when there is none.
func (p Parsed) DueDate() string {
	if p.Due.IsZero() {
		return ""
	}
	return p.Due.Format(DateLayout)
}

// Parse reads the owner and the due date of line, counting relative dates
// from the calendar day of now (in now's zone). What is not understood as
// an owner or a date stays in Text, untouched but for the spaces around
// what was taken out.
func Parse(line string, now time.Time) Parsed {
	p := Parsed{Text: line}
	rest := line
	if owner, after, ok := splitOwner(line); ok {
		p.Owner, rest = owner, after
	}
	today := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, now.Location())
	if text, due, words, ok := takeDate(rest, today); ok {
		p.Due, p.DueWords, rest = due, words, text
	}
	if p.Owner == "" && !p.HasDue() {
		return p
	}
	p.Text = strings.TrimSpace(rest)
	if p.Text == "" {
		// "Jan: @vr" names no action: keep the line as it was typed.
		return Parsed{Text: line}
	}
	return p
}

// ownerRe is a name of one to four words before a colon and a space: words
// start with a letter and hold letters, apostrophes, dots and hyphens; they
// may be joined by &, + , / or "en"/"and" (which are words too).
var ownerRe = regexp.MustCompile(`^\s*(\p{L}[\p{L}\p{M}'’.\-]*(?:\s*[&+/,]?\s*\p{L}[\p{L}\p{M}'’.\-]*){0,3})\s*:\s+(\S.*)$`)

// notOwners are labels people put before a colon that are no one's name,
// in both languages, lower case without accents.
var notOwners = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`let-op let-wel nb n.b. note notes nota noot tip tips vraag vragen question questions
		idee ideeen idea ideas actie acties action actions todo to-do waarom why wat what hoe how wie who wanneer when
		waar where probleem problemen problem problems issue issues doel goal besluit decision conclusie conclusion
		opmerking remark comment ps p.s. update status info fyi waarschuwing warning belangrijk important voorbeeld
		example bijvoorbeeld bv e.g. eg i.e. ie dus so oplossing solution reden reason risico risk stap step
		volgende-stap next-step afspraak agreement deadline datum date eigenaar owner frustratie frustration antwoord
		answer stelling claim samenvatting summary resultaat result punt point agenda thema theme onderwerp topic
		subject re fw fwd ter-info tldr edit feedback ook also maar but en and of or daarom therefore want because
		omdat kortom in-short zie see let-erop letop attention aandacht herinnering reminder vandaag today morgen
		tomorrow later nu now eerst first daarna then tot-slot finally quote citaat bron source link url http https
		mailto tel fax email e-mail mail opgelet pas-op`) {
		notOwners[w] = true                               // e-mail, to-do
		notOwners[strings.ReplaceAll(w, "-", " ")] = true // let op
	}
}

// splitOwner takes "Name: rest" apart when Name can be someone's name.
func splitOwner(line string) (owner, rest string, ok bool) {
	m := ownerRe.FindStringSubmatch(line)
	if m == nil {
		return "", "", false
	}
	name := strings.Join(strings.Fields(m[1]), " ")
	if utf8.RuneCountInString(name) > MaxOwnerRunes {
		return "", "", false
	}
	key := fold(strings.TrimRight(name, "."))
	if notOwners[key] || notOwners[strings.Fields(key)[0]] && len(strings.Fields(key)) == 1 {
		return "", "", false
	}
	return name, m[2], true
}

// token is a word of the text after an @, with where it ends.
type token struct {
	word string // lower case, accents folded, trailing punctuation cut
	end  int    // byte offset in the text just after the word (punctuation included)
}

// maxDateWords is the longest date phrase ("eind van de maand").
const maxDateWords = 5

// takeDate finds the first @ that starts a word and is followed by a date
// phrase, and returns text without it.
func takeDate(text string, today time.Time) (rest string, due time.Time, words string, ok bool) {
	for i := 0; i < len(text); i++ {
		if text[i] != '@' {
			continue
		}
		if i > 0 {
			r, _ := utf8.DecodeLastRuneInString(text[:i])
			if !unicode.IsSpace(r) && r != '(' {
				continue // jan@example.com, a@b
			}
		}
		toks := tokens(text[i+1:], maxDateWords)
		for n := len(toks); n >= 1; n-- {
			ws := make([]string, n)
			for k := range ws {
				ws[k] = toks[k].word
			}
			d, ok := matchDate(ws, today)
			if !ok {
				continue
			}
			end := i + 1 + toks[n-1].end
			typed := strings.TrimRight(strings.TrimSpace(text[i+1:end]), ".,;:!?)")
			before, after := strings.TrimRight(text[:i], " \t"), strings.TrimLeft(text[end:], " \t")
			if strings.HasSuffix(before, "(") {
				if strings.HasPrefix(after, ")") {
					after = after[1:]
				}
				if strings.HasSuffix(text[:end], ")") || strings.HasPrefix(text[end:], ")") {
					before = strings.TrimRight(before[:len(before)-1], " \t")
				}
			}
			joined := before
			if before != "" && after != "" {
				joined += " "
			}
			return joined + after, d, typed, true
		}
	}
	return text, time.Time{}, "", false
}

// tokens splits the start of s into up to max words, as the date matcher
// sees them. A word ends at a space; trailing punctuation is cut off the
// word but counted in its end.
func tokens(s string, max int) []token {
	var out []token
	pos := 0
	for len(out) < max {
		start := pos
		for start < len(s) && (s[start] == ' ' || s[start] == '\t') {
			start++
		}
		if start >= len(s) || (len(out) == 0 && start != 0) {
			break
		}
		end := start
		for end < len(s) && s[end] != ' ' && s[end] != '\t' && s[end] != '\n' {
			end++
		}
		w := strings.TrimRight(s[start:end], ".,;!?)")
		if w == "" {
			break
		}
		out = append(out, token{word: fold(w), end: end})
		pos = end
		if w != s[start:end] {
			break // punctuation closes the phrase: "@vr, en dan…"
		}
	}
	return out
}

// fold lowers s and strips the accents Dutch and English use.
func fold(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		switch r {
		case 'á', 'à', 'ä', 'â':
			r = 'a'
		case 'é', 'è', 'ë', 'ê':
			r = 'e'
		case 'í', 'ì', 'ï', 'î':
			r = 'i'
		case 'ó', 'ò', 'ö', 'ô':
			r = 'o'
		case 'ú', 'ù', 'ü', 'û':
			r = 'u'
		case '’':
			r = '\''
		}
		b.WriteRune(r)
	}
	return b.String()
}

var weekdays = map[string]time.Weekday{
	"maandag": time.Monday, "ma": time.Monday, "monday": time.Monday, "mon": time.Monday,
	"dinsdag": time.Tuesday, "di": time.Tuesday, "tuesday": time.Tuesday, "tue": time.Tuesday, "tues": time.Tuesday,
	"woensdag": time.Wednesday, "wo": time.Wednesday, "wednesday": time.Wednesday, "wed": time.Wednesday,
	"donderdag": time.Thursday, "do": time.Thursday, "thursday": time.Thursday, "thu": time.Thursday, "thur": time.Thursday, "thurs": time.Thursday,
	"vrijdag": time.Friday, "vr": time.Friday, "vrij": time.Friday, "friday": time.Friday, "fri": time.Friday,
	"zaterdag": time.Saturday, "za": time.Saturday, "saturday": time.Saturday, "sat": time.Saturday,
	"zondag": time.Sunday, "zo": time.Sunday, "sunday": time.Sunday, "sun": time.Sunday,
}

var months = map[string]time.Month{
	"jan": 1, "januari": 1, "january": 1,
	"feb": 2, "februari": 2, "february": 2,
	"mrt": 3, "maa": 3, "maart": 3, "mar": 3, "march": 3,
	"apr": 4, "april": 4,
	"mei": 5, "may": 5,
	"jun": 6, "juni": 6, "june": 6,
	"jul": 7, "juli": 7, "july": 7,
	"aug": 8, "augustus": 8, "august": 8,
	"sep": 9, "sept": 9, "september": 9,
	"okt": 10, "oktober": 10, "oct": 10, "october": 10,
	"nov": 11, "november": 11,
	"dec": 12, "december": 12,
}

var numbers = map[string]int{
	"een": 1, "één": 1, "a": 1, "an": 1, "one": 1, "twee": 2, "two": 2, "drie": 3, "three": 3,
	"vier": 4, "four": 4, "vijf": 5, "five": 5, "zes": 6, "six": 6, "zeven": 7, "seven": 7,
	"acht": 8, "eight": 8, "negen": 9, "nine": 9, "tien": 10, "ten": 10,
}

func number(w string) (int, bool) {
	if n, ok := numbers[w]; ok {
		return n, true
	}
	n, err := strconv.Atoi(w)
	return n, err == nil && n >= 1 && n <= 520
}

// next returns the first day after today that falls on wd: a weekday named
// on that same weekday means a week later (a Friday workshop that agrees on
// "vr" means next Friday).
func next(today time.Time, wd time.Weekday) time.Time {
	d := (int(wd) - int(today.Weekday()) + 7) % 7
	if d == 0 {
		d = 7
	}
	return today.AddDate(0, 0, d)
}

// mondayAfter is the Monday of the week after today's.
func mondayAfter(today time.Time) time.Time { return next(today, time.Monday) }

// endOfWeek is the Friday of this working week, or the next one when this
// week's Friday has passed or is today.
func endOfWeek(today time.Time) time.Time { return next(today, time.Friday) }

func endOfMonth(today time.Time) time.Time {
	first := time.Date(today.Year(), today.Month(), 1, 0, 0, 0, 0, today.Location())
	return first.AddDate(0, 1, -1)
}

// isoWeekFriday is the Friday of ISO week w of the year that has it next.
func isoWeekFriday(today time.Time, w int) (time.Time, bool) {
	if w < 1 || w > 53 {
		return time.Time{}, false
	}
	for y := today.Year(); y <= today.Year()+1; y++ {
		// 4 January is always in week 1.
		jan4 := time.Date(y, 1, 4, 0, 0, 0, 0, today.Location())
		monday := jan4.AddDate(0, 0, -((int(jan4.Weekday()) + 6) % 7))
		fri := monday.AddDate(0, 0, 7*(w-1)+4)
		if _, got := fri.ISOWeek(); got != w {
			continue
		}
		if !fri.Before(today) {
			return fri, true
		}
	}
	return time.Time{}, false
}

// day builds a date and checks it exists (no 31 February).
func day(today time.Time, y int, m time.Month, d int) (time.Time, bool) {
	if m < 1 || m > 12 || d < 1 || d > 31 || y < 1900 || y > 9999 {
		return time.Time{}, false
	}
	t := time.Date(y, m, d, 0, 0, 0, 0, today.Location())
	if t.Day() != d || t.Month() != m {
		return time.Time{}, false
	}
	return t, true
}

// dayNoYear is the next d m on or after today.
func dayNoYear(today time.Time, m time.Month, d int) (time.Time, bool) {
	// 29 February waits for the next leap year.
	for y := today.Year(); y <= today.Year()+8; y++ {
		if t, ok := day(today, y, m, d); ok && !t.Before(today) {
			return t, true
		}
	}
	return time.Time{}, false
}

var (
	isoRe   = regexp.MustCompile(`^(\d{4})-(\d{1,2})-(\d{1,2})$`)
	dmyRe   = regexp.MustCompile(`^(\d{1,2})[-/.](\d{1,2})[-/.](\d{2}|\d{4})$`)
	dmRe    = regexp.MustCompile(`^(\d{1,2})[-/](\d{1,2})$`)
	weekRe  = regexp.MustCompile(`^(?:w|wk|week)(\d{1,2})$`)
	dayNumR = regexp.MustCompile(`^(\d{1,2})(?:st|nd|rd|th|e|ste|de)?$`)
)

func atoi(s string) int { n, _ := strconv.Atoi(s); return n }

// matchDate reads ws (folded words) as one date phrase.
func matchDate(ws []string, today time.Time) (time.Time, bool) {
	phrase := strings.Join(ws, " ")
	switch phrase {
	case "vandaag", "today", "vd":
		return today, true
	case "morgen", "tomorrow", "tmrw", "tmr":
		return today.AddDate(0, 0, 1), true
	case "overmorgen", "day after tomorrow", "the day after tomorrow":
		return today.AddDate(0, 0, 2), true
	case "volgende week", "komende week", "next week", "volg week", "vlg week":
		return mondayAfter(today), true
	case "eind van de week", "eind deze week", "einde week", "eind week", "einde van de week", "end of week", "end of the week", "eow":
		return endOfWeek(today), true
	case "eind van de maand", "eind deze maand", "einde maand", "eind maand", "einde van de maand", "eind van deze maand",
		"end of month", "end of the month", "eom":
		return endOfMonth(today), true
	case "volgende maand", "komende maand", "next month":
		first := time.Date(today.Year(), today.Month(), 1, 0, 0, 0, 0, today.Location())
		return first.AddDate(0, 1, 0), true
	}
	switch len(ws) {
	case 1:
		w := ws[0]
		if wd, ok := weekdays[w]; ok {
			return next(today, wd), true
		}
		if m := isoRe.FindStringSubmatch(w); m != nil {
			return day(today, atoi(m[1]), time.Month(atoi(m[2])), atoi(m[3]))
		}
		if m := dmyRe.FindStringSubmatch(w); m != nil {
			y := atoi(m[3])
			if y < 100 {
				y += 2000
			}
			return day(today, y, time.Month(atoi(m[2])), atoi(m[1]))
		}
		if m := dmRe.FindStringSubmatch(w); m != nil {
			return dayNoYear(today, time.Month(atoi(m[2])), atoi(m[1]))
		}
		if m := weekRe.FindStringSubmatch(w); m != nil {
			return isoWeekFriday(today, atoi(m[1]))
		}
	case 2:
		if wd, ok := weekdays[ws[1]]; ok {
			switch ws[0] {
			case "volgende", "komende", "next", "this", "deze", "aanstaande", "a.s.", "as", "coming":
				return next(today, wd), true
			}
		}
		if ws[0] == "week" || ws[0] == "wk" {
			if n, err := strconv.Atoi(ws[1]); err == nil {
				return isoWeekFriday(today, n)
			}
		}
		if m, ok := months[ws[1]]; ok {
			if d := dayNumR.FindStringSubmatch(ws[0]); d != nil {
				return dayNoYear(today, m, atoi(d[1]))
			}
		}
		if m, ok := months[ws[0]]; ok {
			if d := dayNumR.FindStringSubmatch(ws[1]); d != nil {
				return dayNoYear(today, m, atoi(d[1]))
			}
		}
	case 3:
		if ws[0] == "over" || ws[0] == "in" || ws[0] == "binnen" || ws[0] == "within" {
			if n, ok := number(ws[1]); ok {
				switch ws[2] {
				case "dag", "dagen", "day", "days":
					return today.AddDate(0, 0, n), true
				case "week", "weken", "weeks":
					return today.AddDate(0, 0, 7*n), true
				case "maand", "maanden", "month", "months":
					return today.AddDate(0, n, 0), true
				}
			}
		}
		if m, ok := months[ws[1]]; ok {
			if d := dayNumR.FindStringSubmatch(ws[0]); d != nil && len(ws[2]) == 4 {
				if y, err := strconv.Atoi(ws[2]); err == nil {
					return day(today, y, m, atoi(d[1]))
				}
			}
		}
	}
	return time.Time{}, false
}
