package i18n

// CLI holds the strings of the command-line output.
type CLI struct {
	Categories   map[string]string
	Other        string
	Strings      string
	ListHint     string
	Own          string
	Tagline      string
	DefaultPlan  string
	Timings      string
	Category     string
	Confidential string
	Source       string
	Tip          string
	Tips         string
	Running      string
	Done         string
	NotesWord    string
}

var cliEN = CLI{
	Categories: map[string]string{
		"reveal": "Reveal", "spread": "Share and spread", "analyze": "Analyze", "help": "Help",
		"strategize": "Strategize", "plan": "Plan",
	},
	Other:        "Other",
	Strings:      "Strings (several structures in a row)",
	ListHint:     "* timings from a paraphrase of the 2026 Fieldbook, not yet checked against the official site. `liberate show SLUG` lists the steps.",
	Own:          "your file",
	Tagline:      "Official total",
	DefaultPlan:  "Default plan",
	Timings:      "Timings",
	Category:     "Category",
	Confidential: "Confidential: nothing is captured by default.",
	Source:       "Defined in",
	Tip:          "tip",
	Tips:         "Facilitator tips (never projected)",
	Running:      "open",
	Done:         "finished",
	NotesWord:    "notes",
}

var cliNL = CLI{
	Categories: map[string]string{
		"reveal": "Blootleggen", "spread": "Delen en verspreiden", "analyze": "Analyseren", "help": "Helpen",
		"strategize": "Strategie bepalen", "plan": "Plannen",
	},
	Other:        "Overig",
	Strings:      "Reeksen (meerdere werkvormen achter elkaar)",
	ListHint:     "* tijden uit een parafrase van het Fieldbook 2026, nog niet gecontroleerd op de officiële site. `liberate show SLUG` toont de stappen.",
	Own:          "eigen bestand",
	Tagline:      "Officiële duur",
	DefaultPlan:  "Standaardplan",
	Timings:      "Tijden",
	Category:     "Categorie",
	Confidential: "Vertrouwelijk: standaard wordt niets vastgelegd.",
	Source:       "Gedefinieerd in",
	Tip:          "tip",
	Tips:         "Tips voor de begeleider (nooit geprojecteerd)",
	Running:      "open",
	Done:         "afgerond",
	NotesWord:    "notities",
}
