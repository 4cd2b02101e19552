package i18n

// Export holds the headings and labels of the Markdown export (JSON and CSV
// keep fixed English keys so other tools can read them).
type Export struct {
	UntitledSession string // title when the session has none
	Date            string
	Duration        string
	Structures      string
	Participants    string
	Invitation      string
	Invitations     string
	Rehearsal       string // %s = speed factor, e.g. "×10"
	NotFinished     string

	Timeline   string
	Structure  string
	Step       string
	StepOf     string // %d/%d: step number and total
	Planned    string
	Replanned  string
	Actual     string
	Difference string
	Total      string
	NotRun     string
	TimingNote string // explains the planned and re-planned columns

	Clusters    string
	Unclustered string
	NoteCount   [2]string // singular, plural; %d = count
	VoteCount   [2]string // singular, plural; %d = count

	NotesByStep string
	NoNotes     string
	OtherNotes  string // notes whose step is not in the plan
	Harvested   string // a note logged by the harvester, not voiced aloud

	Frustration string
	Idea        string
	Action      string
	Note        string

	// Counter names, as in "Client 2/3".
	Round        string
	Client       string
	Person       string
	Station      string
	Element      string
	Sentence     string
	ScoringRound string
	Cycle        string

	TopTen     string
	Rank       string
	Card       string
	FirstStep  string
	Score      string
	Scores     string
	Averaged   string // after a number of scores other than five
	TopTenNote string

	Actions string

	Attribution  string
	ExportedWith string // %s = date and time
}

var exportEN = Export{
	UntitledSession: "Session",
	Date:            "Date",
	Duration:        "Duration",
	Structures:      "Structures",
	Participants:    "Participants",
	Invitation:      "Invitation",
	Invitations:     "Invitations",
	Rehearsal:       "Rehearsal at %s speed",
	NotFinished:     "not finished",

	Timeline:   "Timeline",
	Structure:  "Structure",
	Step:       "Step",
	StepOf:     "%d/%d",
	Planned:    "Planned",
	Replanned:  "Re-planned",
	Actual:     "Actual",
	Difference: "Difference",
	Total:      "Total",
	NotRun:     "not run",
	TimingNote: "Planned is the time set when the session started; re-planned is the time after extending or re-planning during the session.",

	Clusters:    "Themes",
	Unclustered: "Unclustered",
	NoteCount:   [2]string{"%d note", "%d notes"},
	VoteCount:   [2]string{"%d vote", "%d votes"},

	NotesByStep: "Notes by step",
	NoNotes:     "No notes were captured.",
	OtherNotes:  "Other notes",
	Harvested:   "harvester",

	Frustration: "Frustration",
	Idea:        "Idea",
	Action:      "Action",
	Note:        "Note",

	Round:        "Round",
	Client:       "Client",
	Person:       "Person",
	Station:      "Station",
	Element:      "Element",
	Sentence:     "Sentence",
	ScoringRound: "Scoring round",
	Cycle:        "Cycle",

	TopTen:     "25/10 top ten",
	Rank:       "Rank",
	Card:       "Card",
	FirstStep:  "First step",
	Score:      "Score",
	Scores:     "Scores",
	Averaged:   "averaged",
	TopTenNote: "A card with fewer or more than five scores gets its average times five. Cards tied at the cut-off score are all listed, so the top ten can hold more than ten.",

	Actions: "Actions",

	Attribution:  "This work includes content from Liberating Structures Fieldbook (2026) by Keith McCandless and Nancy White, available at www.liberatingstructures.com. Licensed under CC BY-SA 4.0.",
	ExportedWith: "Exported with liberate on %s.",
}

var exportNL = Export{
	UntitledSession: "Sessie",
	Date:            "Datum",
	Duration:        "Duur",
	Structures:      "Werkvormen",
	Participants:    "Deelnemers",
	Invitation:      "Uitnodiging",
	Invitations:     "Uitnodigingen",
	Rehearsal:       "Repetitie op %s snelheid",
	NotFinished:     "niet afgerond",

	Timeline:   "Tijdlijn",
	Structure:  "Werkvorm",
	Step:       "Stap",
	StepOf:     "%d/%d",
	Planned:    "Gepland",
	Replanned:  "Herpland",
	Actual:     "Werkelijk",
	Difference: "Verschil",
	Total:      "Totaal",
	NotRun:     "niet gedaan",
	TimingNote: "Gepland is de tijd bij de start van de sessie; herpland is de tijd na verlengen of herplannen tijdens de sessie.",

	Clusters:    "Thema's",
	Unclustered: "Zonder thema",
	NoteCount:   [2]string{"%d notitie", "%d notities"},
	VoteCount:   [2]string{"%d stem", "%d stemmen"},

	NotesByStep: "Notities per stap",
	NoNotes:     "Er zijn geen notities vastgelegd.",
	OtherNotes:  "Overige notities",
	Harvested:   "oogster",

	Frustration: "Frustratie",
	Idea:        "Idee",
	Action:      "Actie",
	Note:        "Notitie",

	Round:        "Ronde",
	Client:       "Klant",
	Person:       "Persoon",
	Station:      "Station",
	Element:      "Element",
	Sentence:     "Zin",
	ScoringRound: "Scoreronde",
	Cycle:        "Cyclus",

	TopTen:     "Top tien van 25/10",
	Rank:       "Plaats",
	Card:       "Kaart",
	FirstStep:  "Eerste stap",
	Score:      "Score",
	Scores:     "Scores",
	Averaged:   "gemiddeld",
	TopTenNote: "Een kaart met minder of meer dan vijf scores krijgt het gemiddelde maal vijf. Kaarten met dezelfde score als de laatste plaats staan er allemaal in, dus de top tien kan meer dan tien kaarten tellen.",

	Actions: "Acties",

	Attribution:  "Dit werk bevat inhoud uit Liberating Structures Fieldbook (2026) van Keith McCandless en Nancy White, beschikbaar op www.liberatingstructures.com. Gelicentieerd onder CC BY-SA 4.0.",
	ExportedWith: "Geëxporteerd met liberate op %s.",
}
