package i18n

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// DutchProblems lists what a Dutch facilitator would correct in s, a Dutch
// string of the catalogue or of a structure file: English words, compounds
// written with a hyphen that Dutch spelling writes as one word, and (for a
// name, isName) capitals on the words after the first, which is English
// title case. Names of methods that Dutch facilitators use in English
// ("Wise Crowds", "Min Specs") pass as a whole: give them as keep.
func DutchProblems(s string, isName bool, keep ...string) []string {
	var out []string
	s = reCode.ReplaceAllString(s, " ")
	for _, k := range append(keep, "Liberating Structures") {
		s = strings.ReplaceAll(s, k, " ")
	}
	words := splitWords(s)
	for i, w := range words {
		lw := strings.ToLower(strings.Trim(w.text, "-"))
		if englishWords[lw] {
			out = append(out, fmt.Sprintf("English word %q", w.text))
		}
		if c := hyphenCompound(w.text); c != "" {
			out = append(out, fmt.Sprintf("%q is written as one word: %q", w.text, c))
		}
		if isName && i > 0 && !w.afterStop && capitalised(w.text) {
			out = append(out, fmt.Sprintf("capital on %q: a Dutch name capitalises only its first word", w.text))
		}
	}
	return out
}

// reCode matches what is typed rather than read: `code`, commands
// ("liberate sessions") and flags ("--db").
var reCode = regexp.MustCompile("`[^`]*`|\\bliberate (run|resume|list|show|sessions|export|cluster|backup|repair|completion)\\b[^#\\n;]*|--[a-z-]+")

type word struct {
	text      string
	afterStop bool // follows a sentence end, an opening bracket or a quote
}

// splitWords cuts s into words (letters, digits, hyphens, apostrophes),
// remembering which ones start a sentence.
func splitWords(s string) []word {
	var out []word
	var b strings.Builder
	stop := true
	flush := func() {
		if b.Len() > 0 {
			out = append(out, word{text: b.String(), afterStop: stop})
			stop = false
			b.Reset()
		}
	}
	for _, r := range s {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '\'' || r == '’':
			b.WriteRune(r)
		default:
			flush()
			if strings.ContainsRune(".?!:(“‘\"«~/·", r) {
				stop = true
			}
		}
	}
	flush()
	return out
}

func capitalised(w string) bool {
	r, n := utf8.DecodeRuneInString(w)
	if !unicode.IsUpper(r) {
		return false
	}
	// Acronyms and codes (CRM, TRIZ, STAR, W³) keep their capitals.
	r2, _ := utf8.DecodeRuneInString(w[n:])
	return unicode.IsLower(r2)
}

// hyphenCompound returns w written as one word when w is a compound of two
// lower-case Dutch parts joined by a hyphen that Dutch spelling leaves out:
// "ecocyclus-planning" → "ecocyclusplanning". A hyphen stays between vowels
// that would run together (“zee-egel”), after a number or capital
// (“25/10-kaarten”, “CRM-systeem”), in word groups (“alleen-lezen”) and
// after the prefixes that keep one (“niet-”, “ex-”, “oud-”).
func hyphenCompound(w string) string {
	parts := strings.Split(strings.Trim(w, "-"), "-")
	if len(parts) != 2 || parts[0] == "" || parts[1] == "" {
		return ""
	}
	a, b := parts[0], parts[1]
	for _, p := range parts {
		for _, r := range p {
			if !unicode.IsLower(r) {
				if unicode.IsUpper(r) && p == a && r == []rune(a)[0] {
					continue // a capital only at the start of the sentence
				}
				return ""
			}
		}
	}
	la := strings.ToLower(a)
	if hyphenPrefixes[la] || hyphenGroups[la+"-"+b] || englishWords[la] || englishWords[b] {
		return ""
	}
	ra, rb := []rune(la), []rune(b)
	if strings.ContainsRune("aeiouyëïéè", ra[len(ra)-1]) && strings.ContainsRune("aeiouyëïéè", rb[0]) {
		return "" // klinkerbotsing: the hyphen keeps the vowels apart
	}
	return a + b
}

var hyphenPrefixes = map[string]bool{"niet": true, "ex": true, "oud": true, "vice": true, "non": true, "adjunct": true, "liberate": true}

var hyphenGroups = map[string]bool{"alleen-lezen": true, "back-up": true, "post-it": true}

// englishWords are English words that are no Dutch words and slip into
// Dutch text: catalogue keys, YAML values, half-translated phrases.
var englishWords = map[string]bool{
	"the": true, "and": true, "with": true, "for": true, "your": true, "you": true,
	"official": true, "reveal": true, "spread": true, "analyze": true, "strategize": true,
	"licensed": true, "under": true, "built-in": true, "notes": true, "theme": true, "themes": true,
	"votes": true, "vote": true, "session": true, "sessions": true, "steps": true, "minutes": true,
	"saved": true, "overtime": true, "ahead": true, "behind": true, "head-count": true, "headcount": true,
	"participants": true, "harvest": true, "board": true, "cards": true, "next": true, "previous": true,
	"resume": true, "quit": true, "clustered": true, "unclustered": true,
	"fieldbook-paraphrase-unconfirmed": true, "paraphrase": true, "unconfirmed": true, "round": true,
	"turn": true, "turns": true, "client": true, "person": true, "people": true, "group": true, "groups": true,
	"pairs": true, "trios": true, "fours": true, "whole": true, "alone": true, "silence": true,
	"question": true, "questions": true, "idea": true, "ideas": true, "action": true, "actions": true,
	"frustration": true, "frustrations": true, "invitation": true, "purpose": true, "own": true,
	"yes": true, "please": true, "press": true, "done": true,
	"finished": true, "running": true, "difference": true, "planned": true,
	"actual": true, "rehearsal": true, "speed": true, "muted": true, "bell": true,
	"exported": true, "timeline": true, "structures": true,
}
