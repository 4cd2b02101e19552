package i18n

// Run holds the strings of the run screen, the capture line and the help.
type Run struct {
	Step         string // "Step %d/%d"
	Structure    string // "Structure %d/%d"
	Paused       string
	PausedHint   string
	Warning      string // under 20 % left
	Final        string
	Overtime     string
	Untimed      string // a step that waits for a key
	UntimedHint  string
	Finished     string
	FinishedHint string
	TotalTime    string // under the big digits of a finished session: "%s in total"
	Blank        string
	TooSmall     string // "make the window larger"
	Invitation   string
	Muted        string
	Rehearsal    string // "rehearsal ×%g"
	EndsAt       string // "ends %s"
	Behind       string // "%s behind"
	Ahead        string // "%s ahead"
	OnTime       string
	Counters     map[string]string // round, client, person, station, element, sentence, scoring, cycle
	Configs      map[string]string // group configuration in words, upper case
	Kinds        map[string]string // note kinds
	Captured     string            // "%d captured"
	Saved        string
	Saving       string
	NotSaved     string // "Not saved: %s. The note is back in the line: press Enter to try again."
	Truncated    string // "Note shortened to %d characters."
	Empty        string // "An empty note is not saved."
	CapturePh    string // placeholder of the capture line
	EditPh       string
	Deleted      string
	Undone       string
	Redone       string
	NothingUndo  string
	Harvest      string
	HarvestHint  string
	Confidential string
	// Help line labels.
	KeyPause, KeyResume, KeyNext, KeyBack, KeyMinute, KeyRepeat, KeyBlank, KeyCapture, KeyMute, KeyUnmute, KeyHelp, KeyQuit string
	KeySave, KeyClose, KeyKind, KeyNotes, KeyEdit, KeyDelete, KeyUndo, KeyRedo, KeyBoard, KeyAgenda, KeyExport              string
	HelpTitle                                                                                                               string
	HelpClicker                                                                                                             string
}

var runEN = Run{
	Step:         "Step %d/%d",
	Structure:    "%d/%d",
	Paused:       "PAUSED",
	PausedHint:   "space to continue",
	Warning:      "▲ LESS THAN 20% LEFT",
	Final:        "▲▲ LAST SECONDS",
	Overtime:     "■ OVERTIME",
	Untimed:      "NO TIMER",
	UntimedHint:  "press → when the room is ready",
	Finished:     "SESSION COMPLETE",
	FinishedHint: "e export · q quit · ← go back",
	TotalTime:    "%s of workshop time in total",
	Blank:        "any key shows the screen again",
	TooSmall:     "Make the window larger",
	Invitation:   "Invitation",
	Muted:        "bell muted",
	Rehearsal:    "rehearsal ×%g",
	EndsAt:       "ends %s",
	Behind:       "%s behind",
	Ahead:        "%s ahead",
	OnTime:       "on time",
	Counters: map[string]string{
		"round": "Round", "client": "Client", "person": "Person", "station": "Station",
		"element": "Element", "sentence": "Sentence", "scoring": "Scoring round", "cycle": "Cycle", "turn": "Turn",
	},
	Configs: map[string]string{
		"alone": "ALONE · IN SILENCE", "pairs": "PAIRS", "trios": "TRIOS", "fours": "FOURS",
		"small": "SMALL GROUPS", "tables": "TABLES OF 5–7", "whole": "WHOLE GROUP", "stations": "STATIONS",
		"fishbowl": "INNER & OUTER CIRCLE", "client-back": "TRIOS · CLIENT TURNS BACK", "client": "TRIOS · CLIENT SPEAKS",
		"mill": "EVERYONE MOVES", "facilitator": "LISTEN TO THE HOST",
	},
	Kinds: map[string]string{
		"frustration": "frustration", "idea": "idea", "action": "action", "note": "note",
	},
	Captured:     "%d captured",
	Saved:        "✓ saved",
	Saving:       "… saving",
	NotSaved:     "NOT SAVED: %s. The note is back in the line: press Enter to try again.",
	Truncated:    "The note was shortened to %d characters.",
	Empty:        "An empty note is not saved.",
	CapturePh:    "type what the group reports, Enter saves",
	EditPh:       "edit the note, Enter saves",
	Deleted:      "note deleted (u undoes)",
	Undone:       "undone: %s",
	Redone:       "redone: %s",
	NothingUndo:  "nothing to undo",
	Harvest:      "HARVEST",
	HarvestHint:  "press h to open the board and cluster the notes",
	Confidential: "nothing is captured in this structure unless you press c",
	KeyPause:     "pause", KeyResume: "resume", KeyNext: "next", KeyBack: "back", KeyMinute: "±1 min",
	KeyRepeat: "repeat cycle", KeyBlank: "blank", KeyCapture: "capture", KeyMute: "mute", KeyUnmute: "unmute",
	KeyHelp: "help", KeyQuit: "quit", KeySave: "save", KeyClose: "close", KeyKind: "kind", KeyNotes: "notes",
	KeyEdit: "edit", KeyDelete: "delete", KeyUndo: "undo", KeyRedo: "redo", KeyBoard: "board", KeyAgenda: "agenda",
	KeyExport:   "export",
	HelpTitle:   "Keys",
	HelpClicker: "A presentation clicker is enough: PgDn next, PgUp back, b or . blanks the screen.",
}

var runNL = Run{
	Step:         "Stap %d/%d",
	Structure:    "%d/%d",
	Paused:       "GEPAUZEERD",
	PausedHint:   "spatie om verder te gaan",
	Warning:      "▲ BIJNA TIJD",
	Final:        "▲▲ LAATSTE SECONDEN",
	Overtime:     "■ TIJD IS OM",
	Untimed:      "GEEN TIMER",
	UntimedHint:  "druk op → als de groep klaar is",
	Finished:     "SESSIE AFGEROND",
	FinishedHint: "e exporteren · q stoppen · ← terug",
	TotalTime:    "%s workshoptijd in totaal",
	Blank:        "elke toets toont het scherm weer",
	TooSmall:     "Maak het venster groter",
	Invitation:   "Uitnodiging",
	Muted:        "bel uit",
	Rehearsal:    "oefenen ×%g",
	EndsAt:       "einde %s",
	Behind:       "%s achter op schema",
	Ahead:        "%s voor op schema",
	OnTime:       "op schema",
	Counters: map[string]string{
		"round": "Ronde", "client": "Klant", "person": "Persoon", "station": "Station",
		"element": "Element", "sentence": "Zin", "scoring": "Scoreronde", "cycle": "Cyclus", "turn": "Beurt",
	},
	Configs: map[string]string{
		"alone": "ALLEEN · IN STILTE", "pairs": "IN TWEETALLEN", "trios": "IN DRIETALLEN", "fours": "IN VIERTALLEN",
		"small": "IN KLEINE GROEPEN", "tables": "TAFELS VAN 5–7", "whole": "HELE GROEP", "stations": "STATIONS",
		"fishbowl": "BINNEN- EN BUITENKRING", "client-back": "DRIETALLEN · KLANT DRAAIT ZICH OM", "client": "DRIETALLEN · KLANT VERTELT",
		"mill": "IEDEREEN LOOPT ROND", "facilitator": "LUISTER NAAR DE BEGELEIDER",
	},
	Kinds: map[string]string{
		"frustration": "frustratie", "idea": "idee", "action": "actie", "note": "notitie",
	},
	Captured:     "%d vastgelegd",
	Saved:        "✓ bewaard",
	Saving:       "… bewaren",
	NotSaved:     "NIET BEWAARD: %s. De notitie staat weer in de regel: druk op Enter om het opnieuw te proberen.",
	Truncated:    "De notitie is ingekort tot %d tekens.",
	Empty:        "Een lege notitie wordt niet bewaard.",
	CapturePh:    "typ wat de groep meldt, Enter bewaart",
	EditPh:       "pas de notitie aan, Enter bewaart",
	Deleted:      "notitie verwijderd (u maakt het ongedaan)",
	Undone:       "ongedaan: %s",
	Redone:       "opnieuw: %s",
	NothingUndo:  "niets om ongedaan te maken",
	Harvest:      "OOGSTEN",
	HarvestHint:  "druk op h om het bord te openen en de notities in thema's te groeperen",
	Confidential: "in deze werkvorm wordt niets vastgelegd tenzij je op c drukt",
	KeyPause:     "pauze", KeyResume: "verder", KeyNext: "volgende", KeyBack: "terug", KeyMinute: "±1 min",
	KeyRepeat: "cyclus herhalen", KeyBlank: "scherm zwart", KeyCapture: "vastleggen", KeyMute: "bel uit", KeyUnmute: "bel aan",
	KeyHelp: "hulp", KeyQuit: "stoppen", KeySave: "bewaren", KeyClose: "sluiten", KeyKind: "soort", KeyNotes: "notities",
	KeyEdit: "bewerken", KeyDelete: "verwijderen", KeyUndo: "ongedaan", KeyRedo: "opnieuw", KeyBoard: "bord", KeyAgenda: "agenda",
	KeyExport:   "exporteren",
	HelpTitle:   "Toetsen",
	HelpClicker: "Een presentatieclicker is genoeg: PgDn volgende, PgUp terug, b of . maakt het scherm zwart.",
}
