package i18n

// Home holds the strings of the home screen: structures and strings to
// start, recent sessions to resume or export.
type Home struct {
	Tagline      string // next to the app name in the top line
	TabStart     string // the structures and strings pane
	TabSessions  string // "Sessions (%d)"
	Filter       string // label of the filter line
	FilterPh     string // placeholder of the empty filter
	Count        string // "%d of %d"
	NoMatch      string // "Nothing matches “%s”."
	NoMatchHint  string
	Minutes      string // "%s min"
	Untimed      string // minutes of a step without a timer
	StringOf     string // "string of %d"
	Confidential string
	Steps        string // heading of the preview: "%d steps · %s min"
	MoreSteps    string // "… %d more steps"
	PlanFailed   string // "This plan cannot be shown: %s"
	Loading      string
	LoadFailed   string // "Could not read the sessions: %s"
	NoSessions   string
	Untitled     string
	Open         string // state of a session that can go on
	Finished     string // state of a finished session
	Notes        string // "%d notes"
	OneNote      string
	Started      string // "started %s"
	Changed      string // "last change %s"
	Structures   string // label before the structures of a session
	ColTitle     string // column headings of the session list
	ColChanged   string
	ColNotes     string
	Starting     string // "Starting %s…"
	Opening      string
	Exporting    string
	StartFailed  string // "Could not start %s: %s"
	OpenFailed   string // "Could not open the session: %s"
	ExportFailed string // "Could not export the session: %s"
	Exported     string // "Markdown written to %s"
	NoSource     string // the home screen was opened without a database
	TooSmall     string // "Make the window larger (at least %d×%d)"

	// Keys.
	KeyType       string
	KeyStart      string
	KeyResume     string
	KeyExport     string
	KeyBoard      string
	KeyMove       string
	KeyPage       string
	KeySessions   string
	KeyStructures string
	KeyClear      string
	KeyQuit       string
	KeyHome       string // the run screen's q when it returns to this screen
}

var homeEN = Home{
	Tagline:      "Liberating Structures",
	TabStart:     "Start a structure",
	TabSessions:  "Sessions (%d)",
	Filter:       "Filter",
	FilterPh:     "type a name, purpose or category",
	Count:        "%d of %d",
	NoMatch:      "Nothing matches “%s”.",
	NoMatchHint:  "Esc clears the filter; Backspace removes a letter.",
	Minutes:      "%s min",
	Untimed:      "–",
	StringOf:     "string of %d",
	Confidential: "confidential: nothing is captured by default",
	Steps:        "%d steps · %s min",
	MoreSteps:    "… %d more steps",
	PlanFailed:   "These steps cannot be shown: %s",
	Loading:      "Loading the sessions…",
	LoadFailed:   "Could not read the sessions: %s",
	NoSessions:   "No sessions yet. Pick a structure in the other pane and press Enter.",
	Untitled:     "(untitled)",
	Open:         "open",
	Finished:     "finished",
	Notes:        "%d notes",
	OneNote:      "1 note",
	Started:      "started %s",
	Changed:      "last change %s",
	Structures:   "Structures",
	ColTitle:     "Session",
	ColChanged:   "Last change",
	ColNotes:     "Notes",
	Starting:     "Starting %s…",
	Opening:      "Opening the session…",
	Exporting:    "Exporting…",
	StartFailed:  "Could not start %s: %s",
	OpenFailed:   "Could not open the session: %s",
	ExportFailed: "Could not export the session: %s",
	Exported:     "Markdown written to %s",
	NoSource:     "No database is open here; start with `liberate run SLUG` instead.",
	TooSmall:     "Make the window larger (at least %d×%d)",

	KeyType:       "filter",
	KeyStart:      "start",
	KeyResume:     "resume",
	KeyExport:     "export",
	KeyBoard:      "board",
	KeyMove:       "move",
	KeyPage:       "page",
	KeySessions:   "sessions",
	KeyStructures: "structures",
	KeyClear:      "clear",
	KeyQuit:       "quit",
	KeyHome:       "home",
}

var homeNL = Home{
	Tagline:      "Liberating Structures",
	TabStart:     "Werkvorm starten",
	TabSessions:  "Sessies (%d)",
	Filter:       "Zoek",
	FilterPh:     "typ een naam, doel of categorie",
	Count:        "%d van %d",
	NoMatch:      "Niets gevonden voor “%s”.",
	NoMatchHint:  "Esc wist het zoekwoord; Backspace haalt een letter weg.",
	Minutes:      "%s min",
	Untimed:      "–",
	StringOf:     "reeks van %d",
	Confidential: "vertrouwelijk: standaard wordt niets vastgelegd",
	Steps:        "%d stappen · %s min",
	MoreSteps:    "… nog %d stappen",
	PlanFailed:   "Deze stappen kunnen niet getoond worden: %s",
	Loading:      "Sessies laden…",
	LoadFailed:   "Kon de sessies niet lezen: %s",
	NoSessions:   "Nog geen sessies. Kies een werkvorm in het andere paneel en druk op Enter.",
	Untitled:     "(zonder titel)",
	Open:         "open",
	Finished:     "afgerond",
	Notes:        "%d notities",
	OneNote:      "1 notitie",
	Started:      "gestart %s",
	Changed:      "laatst gewijzigd %s",
	Structures:   "Werkvormen",
	ColTitle:     "Sessie",
	ColChanged:   "Laatst gewijzigd",
	ColNotes:     "Notities",
	Starting:     "%s starten…",
	Opening:      "Sessie openen…",
	Exporting:    "Exporteren…",
	StartFailed:  "Kon %s niet starten: %s",
	OpenFailed:   "Kon de sessie niet openen: %s",
	ExportFailed: "Kon de sessie niet exporteren: %s",
	Exported:     "Markdown geschreven naar %s",
	NoSource:     "Hier is geen database geopend; start met `liberate run SLUG`.",
	TooSmall:     "Maak het venster groter (minstens %d×%d)",

	KeyType:       "zoeken",
	KeyStart:      "starten",
	KeyResume:     "hervatten",
	KeyExport:     "exporteren",
	KeyBoard:      "bord",
	KeyMove:       "kiezen",
	KeyPage:       "pagina",
	KeySessions:   "sessies",
	KeyStructures: "werkvormen",
	KeyClear:      "wissen",
	KeyQuit:       "stoppen",
	KeyHome:       "startscherm",
}
