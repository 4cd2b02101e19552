// Package i18n is liberate's string catalogue. English lives in Go structs,
// so a missing string is a compile error; Dutch sits beside it, area by area
// (one file per area of the app). Structure texts are bilingual in their data
// files and do not pass through here.
package i18n

import (
	"os"
	"strings"
)

// Catalog holds every user-visible string of the app in one language.
type Catalog struct {
	Lang   string
	Run    Run
	Home   Home
	Board  Board
	Agenda Agenda
	CLI    CLI
	Export Export
	Errors Errors
	Groups Groups
	Safety Safety
	Queue  Queue
	Turns  Turns
	Table  Table
	Show   Show
	Help   Help
	Live   Live
	Flow   Flow
	// FollowUp: actions with owners and dates, follow-up sessions, series.
	FollowUp FollowUp
	// Console: the facilitator's console and the projector's own screens.
	Console Console
	// Pillar: people, process and technology, and why a theme holds.
	Pillar Pillar
}

// Supported lists the languages liberate ships.
var Supported = []string{"en", "nl"}

// For returns the catalogue for lang ("en" or "nl"); anything else is English.
func For(lang string) *Catalog {
	if lang == "nl" {
		return &Catalog{Lang: "nl", Run: runNL, Home: homeNL, Board: boardNL, Agenda: agendaNL, CLI: cliNL, Export: exportNL, Errors: errorsNL, Groups: groupsNL, Safety: safetyNL, Queue: queueNL, Turns: turnsNL, Table: tableNL, Show: showNL, Help: helpNL, Live: liveNL, Flow: flowNL, FollowUp: followUpNL, Console: consoleNL, Pillar: pillarNL}
	}
	return &Catalog{Lang: "en", Run: runEN, Home: homeEN, Board: boardEN, Agenda: agendaEN, CLI: cliEN, Export: exportEN, Errors: errorsEN, Groups: groupsEN, Safety: safetyEN, Queue: queueEN, Turns: turnsEN, Table: tableEN, Show: showEN, Help: helpEN, Live: liveEN, Flow: flowEN, FollowUp: followUpEN, Console: consoleEN, Pillar: pillarEN}
}

// Detect picks the language from LC_ALL, LC_MESSAGES or LANG: Dutch for
// nl_NL, nl_BE and friends, otherwise English.
func Detect() string {
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := os.Getenv(k); v != "" {
			if strings.HasPrefix(strings.ToLower(v), "nl") {
				return "nl"
			}
			return "en"
		}
	}
	return "en"
}

// Normalize returns "en" or "nl" for a --lang value, and false when the value
// is not a supported language.
func Normalize(lang string) (string, bool) {
	l := strings.ToLower(strings.TrimSpace(lang))
	switch {
	case l == "":
		return Detect(), true
	case l == "en" || strings.HasPrefix(l, "en_") || strings.HasPrefix(l, "en-") || l == "english":
		return "en", true
	case l == "nl" || strings.HasPrefix(l, "nl_") || strings.HasPrefix(l, "nl-") || l == "dutch" || l == "nederlands":
		return "nl", true
	}
	return "", false
}
