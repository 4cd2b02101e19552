package i18n

// Console holds the strings of the two screens' own parts: the
// facilitator's console while a projector is attached, and the projector's
// waiting screens.
type Console struct {
	Tips        string // heading of the step's facilitator tips
	Next        string // "Next: %s"
	NextMinutes string // "%s min"
	LastStep    string // after the last step
	Notes       string // heading of the capture list
	NoNotes     string
	Database    string // under the projector's waiting line: "database: %s"
	Lost        string // the console went away
	Ended       string // the console is on its home screen: no session runs
}

var consoleEN = Console{
	Tips:        "Tips for you",
	Next:        "Next: %s",
	NextMinutes: "%s min",
	LastStep:    "Next: the end of the session",
	Notes:       "Captured",
	NoNotes:     "nothing captured yet: c or Enter opens the capture line",
	Database:    "database: %s",
	Lost:        "liberate stopped; waiting for it to come back…",
	Ended:       "No session is running; waiting for the next one…",
}

var consoleNL = Console{
	Tips:        "Tips voor jou",
	Next:        "Straks: %s",
	NextMinutes: "%s min",
	LastStep:    "Straks: het einde van de sessie",
	Notes:       "Vastgelegd",
	NoNotes:     "nog niets vastgelegd: c of Enter opent de invoerregel",
	Database:    "database: %s",
	Lost:        "liberate is gestopt; wachten tot het terugkomt…",
	Ended:       "Er loopt geen sessie; wachten op de volgende…",
}
