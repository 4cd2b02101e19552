package i18n

// Pillar holds the strings of the three pillars of a digital change
// (people, process, technology) and of the "why" of a theme: on the board
// and in the exports.
type Pillar struct {
	// People, Process and Technology name the pillars.
	People, Process, Technology string
	// Unset is shown for a theme without a pillar (made by hand).
	Unset string
	// KeyPillar is the help of the key that changes a theme's pillar.
	KeyPillar string
	// Changed: the theme %[1]s now has pillar %[2]s.
	Changed string
	// SelectTheme: the pillar key was pressed on a note or the
	// unclustered notes.
	SelectTheme string
	// Shared: what holds the selected theme together; %s = terms.
	Shared string
	// NoteWhy: why the selected note sits in its theme; %s = its words.
	NoteWhy string
	// NoteNear: the note shares no term and sits there by its spelling and
	// its neighbours.
	NoteNear string
	// Overview is the heading of the export's overview per pillar.
	Overview string
	// Themes and Votes head the overview's columns.
	Themes, Votes string
	// Header heads the pillar column of the export's overview.
	Header string
	// Why is the label of a theme's shared terms in the Markdown export.
	Why string
}

// Name returns the name of a pillar given by its key ("people",
// "process", "technology"), or Unset.
func (p Pillar) Name(key string) string {
	switch key {
	case "people":
		return p.People
	case "process":
		return p.Process
	case "technology":
		return p.Technology
	}
	return p.Unset
}

var pillarEN = Pillar{
	People:      "people",
	Process:     "process",
	Technology:  "technology",
	Unset:       "no pillar",
	KeyPillar:   "pillar",
	Changed:     "%s: %s",
	SelectTheme: "Select a theme to give it a pillar.",
	Shared:      "shared: %s",
	NoteWhy:     "here for: %s",
	NoteNear:    "here by similar wording",
	Overview:    "People, process, technology",
	Themes:      "Themes",
	Votes:       "Votes",
	Header:      "Pillar",
	Why:         "Shared",
}

var pillarNL = Pillar{
	People:      "mens",
	Process:     "proces",
	Technology:  "techniek",
	Unset:       "geen pijler",
	KeyPillar:   "pijler",
	Changed:     "%s: %s",
	SelectTheme: "Kies een thema om er een pijler aan te geven.",
	Shared:      "gedeeld: %s",
	NoteWhy:     "hier om: %s",
	NoteNear:    "hier door gelijkende woorden",
	Overview:    "Mens, proces, techniek",
	Themes:      "Thema's",
	Votes:       "Stemmen",
	Header:      "Pijler",
	Why:         "Gedeeld",
}
