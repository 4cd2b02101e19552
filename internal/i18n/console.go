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

// The projector command's help, in the help area's maps (kept here, with
// the rest of the two screens' strings).
func init() {
	helpEN.Commands["projector"] = "Show the room's view of the session running on this database (a second screen, or over SSH)"
	helpEN.Commands["projector.long"] = "projector shows what the room sees of the session that liberate run, resume or the home screen\n" +
		"runs on the same database: the countdown, the group configuration, the invitation, the board's themes.\n" +
		"Start it in a second terminal on the beamer, or over SSH (ssh laptop -t liberate projector).\n" +
		"It waits for a session, follows it, and never opens the database, so it never stands in the\n" +
		"facilitator's way. While it is attached, the run screen is the facilitator's console. q leaves."
	helpEN.Commands["projector.example"] = "  liberate projector\n  liberate projector --db ~/workshops/tuesday.db --theme projector\n  ssh laptop -t liberate projector"
	helpNL.Commands["projector"] = "Toon wat de zaal ziet van de sessie die op deze database loopt (een tweede scherm, of via SSH)"
	helpNL.Commands["projector.long"] = "projector toont wat de zaal ziet van de sessie die liberate run, resume of het startscherm op\n" +
		"dezelfde database draait: de aftelling, de groepsindeling, de uitnodiging, de thema's van het bord.\n" +
		"Start het in een tweede terminal op de beamer, of via SSH (ssh laptop -t liberate projector).\n" +
		"Het wacht op een sessie, volgt die, en opent de database nooit, dus het zit de begeleider nooit\n" +
		"in de weg. Zolang het verbonden is, is het runscherm de console van de begeleider. q stopt."
	helpNL.Commands["projector.example"] = "  liberate projector\n  liberate projector --db ~/workshops/dinsdag.db --theme projector\n  ssh laptop -t liberate projector"
}
