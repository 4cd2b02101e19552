package i18n

// FollowUp holds the strings of actions with owners and dates, the
// follow-up session's review, series of sessions and the tidy session list.
type FollowUp struct {
	// Say-back of an action line.
	Who      string // label before the owner
	When     string // label before the due date
	What     string // label before the action text
	NoOwner  string
	NoDue    string
	Today    string
	Tomorrow string
	InDays   [2]string // singular, plural; %d = days from today
	DaysAgo  [2]string // singular, plural; %d = days before today
	Weekdays [7]string // short names, Sunday first
	Months   [12]string

	// Review states.
	Open     string // not reviewed yet
	Done     string
	UnderWay string
	Stuck    string
	Dropped  string

	// Export: task list, small wins, before/after, series.
	TaskList       string
	TaskListNote   string
	SmallWins      string
	SmallWinsNone  string
	ActionsDone    string
	ThemesEased    string // themes whose score fell
	ThemeEased     string // %s = theme, %d before, %d after
	Review         string
	ReviewOf       string // %s = earlier session's title
	ActionState    string // column: state
	ActionCol      string
	OwnerCol       string
	DueCol         string
	FromCol        string // column: session the action came from
	BeforeAfter    string
	ThemeCol       string
	BeforeCol      string
	AfterCol       string
	ChangeCol      string
	FollowUpOf     string // metadata: follow-up of %s
	Series         string // heading of a series report; %s = first title
	SeriesSessions string
	ThemesOverTime string
	ActionsFate    string
	SessionCol     string
	NotesCol       string
	Clock          string // timeline column: planned clock time
	Break          string // the default title of a break
	FollowUpTitle  string // default title of a follow-up; %s = earlier title

	// Run screen: the review step, the title screen, the capture line.
	ReviewAction  string // %d/%d: the action's place in the review
	ReviewTheme   string // %d/%d: the theme's place
	StillBothers  string // the re-score question
	BeforeNow     string // %d before, %s now ("?" until scored)
	NotScored     string // what "now" shows before a tally
	ReviewNothing string // console: a review step without an earlier session
	KeyStates     string // help: the four state keys
	KeyTally      string // help: typing a tally
	KeyWalk       string // help: walking the review
	TitleHint     string // console: how the first step starts
	TitleFirst    string // %s = first structure, %s = its minutes
	Understood    string // prefix of the capture line's say-back
	ReviewSaved   string // status: %s = state or score
	OwnerPh       string // board: placeholder of the owner line
	KeyOwner      string // board: help of the owner key

	// Home screen's Sessions tab.
	KeyRename    string
	KeyRehearsal string
	KeyDelete    string
	KeyUndoDel   string
	RenamePh     string
	ConfirmDel   string // %s = title: press y/j
	DeletedUndo  string // %s = title: u brings it back
	Restored     string // %s = title

	// Command line.
	RehearsalMark  string // shown after a rehearsal in lists
	SeriesMark     string // %d = position in the series, %d = length
	FollowsMark    string // %s = id of the earlier session
	ConfirmDelete  string // %s = title, %s = id
	Deleted        string // %s = title, %s = backup file
	NotDeleted     string
	Renamed        string // %s = old, %s = new
	MarkedRehearse string // %s = title
	MarkedReal     string // %s = title
}

var followUpEN = FollowUp{
	Who:      "who",
	When:     "when",
	What:     "what",
	NoOwner:  "nobody yet",
	NoDue:    "no date",
	Today:    "today",
	Tomorrow: "tomorrow",
	InDays:   [2]string{"in %d day", "in %d days"},
	DaysAgo:  [2]string{"%d day ago", "%d days ago"},
	Weekdays: [7]string{"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"},
	Months:   [12]string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"},

	Open:     "not reviewed",
	Done:     "done",
	UnderWay: "under way",
	Stuck:    "stuck",
	Dropped:  "dropped",

	TaskList:       "Who does what, by when",
	TaskListNote:   "Paste this list into Obsidian, GitHub or Confluence to tick the actions off.",
	SmallWins:      "Small wins",
	SmallWinsNone:  "No action is done and no theme bothers the room less yet. Small steps take time: look again next time.",
	ActionsDone:    "Actions done",
	ThemesEased:    "Frustrations that bother the room less",
	ThemeEased:     "%s: from %d to %d",
	Review:         "Review of the actions",
	ReviewOf:       "From %s",
	ActionState:    "State",
	ActionCol:      "Action",
	OwnerCol:       "Who",
	DueCol:         "When",
	FromCol:        "From",
	BeforeAfter:    "Themes before and after",
	ThemeCol:       "Theme",
	BeforeCol:      "Before",
	AfterCol:       "After",
	ChangeCol:      "Change",
	FollowUpOf:     "Follow-up of",
	Series:         "Series: %s",
	SeriesSessions: "Sessions",
	ThemesOverTime: "Themes over time",
	ActionsFate:    "Actions and what became of them",
	SessionCol:     "Session",
	NotesCol:       "Notes",
	Clock:          "Clock",
	Break:          "Break",
	FollowUpTitle:  "Follow-up: %s",

	ReviewAction:  "ACTION %d/%d",
	ReviewTheme:   "THEME %d/%d",
	StillBothers:  "How much does this still bother you?",
	BeforeNow:     "then %d · now %s",
	NotScored:     "?",
	ReviewNothing: "This step reviews an earlier session: start the follow-up with --follow-up last.",
	KeyStates:     "1 done · 2 under way · 3 stuck · 4 dropped",
	KeyTally:      "0-9 enter tally",
	KeyWalk:       "next",
	TitleHint:     "→/PgDn starts the first step",
	TitleFirst:    "First: %s · %s",
	Understood:    "→ ",
	ReviewSaved:   "✓ %s",
	OwnerPh:       "Jan: the action @fri",
	KeyOwner:      "owner and date",

	KeyRename:    "rename",
	KeyRehearsal: "rehearsal",
	KeyDelete:    "delete",
	KeyUndoDel:   "undo delete",
	RenamePh:     "new title",
	ConfirmDel:   "Delete “%s”? A backup is written first. y = delete · any other key = keep",
	DeletedUndo:  "Deleted “%s” · u brings it back until liberate closes",
	Restored:     "“%s” is back",

	RehearsalMark:  "rehearsal",
	SeriesMark:     "series %d/%d",
	FollowsMark:    "follows %s",
	ConfirmDelete:  "Delete “%s” (%s)? A backup is written first. [y/N] ",
	Deleted:        "Deleted “%s”; a copy of the database is in %s.",
	NotDeleted:     "Nothing deleted.",
	Renamed:        "Renamed “%s” to “%s”.",
	MarkedRehearse: "“%s” is now marked as a rehearsal; it stays out of series.",
	MarkedReal:     "“%s” is no longer a rehearsal.",
}

var followUpNL = FollowUp{
	Who:      "wie",
	When:     "wanneer",
	What:     "wat",
	NoOwner:  "nog niemand",
	NoDue:    "geen datum",
	Today:    "vandaag",
	Tomorrow: "morgen",
	InDays:   [2]string{"over %d dag", "over %d dagen"},
	DaysAgo:  [2]string{"%d dag geleden", "%d dagen geleden"},
	Weekdays: [7]string{"zo", "ma", "di", "wo", "do", "vr", "za"},
	Months:   [12]string{"jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"},

	Open:     "nog niet besproken",
	Done:     "gedaan",
	UnderWay: "onderweg",
	Stuck:    "vastgelopen",
	Dropped:  "geschrapt",

	TaskList:       "Wie doet wat, tegen wanneer",
	TaskListNote:   "Plak deze lijst in Obsidian, GitHub of Confluence om de acties af te vinken.",
	SmallWins:      "Kleine successen",
	SmallWinsNone:  "Nog geen actie is gedaan en geen thema stoort de groep minder. Kleine stappen vragen tijd: kijk er de volgende keer opnieuw naar.",
	ActionsDone:    "Gedane acties",
	ThemesEased:    "Frustraties die de groep minder storen",
	ThemeEased:     "%s: van %d naar %d",
	Review:         "Terugblik op de acties",
	ReviewOf:       "Uit %s",
	ActionState:    "Stand",
	ActionCol:      "Actie",
	OwnerCol:       "Wie",
	DueCol:         "Wanneer",
	FromCol:        "Uit",
	BeforeAfter:    "Thema's voor en na",
	ThemeCol:       "Thema",
	BeforeCol:      "Voor",
	AfterCol:       "Na",
	ChangeCol:      "Verschil",
	FollowUpOf:     "Vervolg op",
	Series:         "Reeks: %s",
	SeriesSessions: "Sessies",
	ThemesOverTime: "Thema's door de tijd",
	ActionsFate:    "Acties en wat ervan terechtkwam",
	SessionCol:     "Sessie",
	NotesCol:       "Notities",
	Clock:          "Klok",
	Break:          "Pauze",
	FollowUpTitle:  "Vervolg: %s",

	ReviewAction:  "ACTIE %d/%d",
	ReviewTheme:   "THEMA %d/%d",
	StillBothers:  "Hoeveel last heb je hier nog van?",
	BeforeNow:     "toen %d · nu %s",
	NotScored:     "?",
	ReviewNothing: "Deze stap blikt terug op een eerdere sessie: start het vervolg met --follow-up last.",
	KeyStates:     "1 gedaan · 2 onderweg · 3 vastgelopen · 4 geschrapt",
	KeyTally:      "0-9 enter stemmen",
	KeyWalk:       "volgende",
	TitleHint:     "→/PgDn start de eerste stap",
	TitleFirst:    "Eerst: %s · %s",
	Understood:    "→ ",
	ReviewSaved:   "✓ %s",
	OwnerPh:       "Jan: de actie @vr",
	KeyOwner:      "eigenaar en datum",

	KeyRename:    "hernoemen",
	KeyRehearsal: "repetitie",
	KeyDelete:    "verwijderen",
	KeyUndoDel:   "verwijderen ongedaan maken",
	RenamePh:     "nieuwe titel",
	ConfirmDel:   "“%s” verwijderen? Eerst wordt een reservekopie gemaakt. j = verwijderen · andere toets = houden",
	DeletedUndo:  "“%s” verwijderd · u haalt hem terug zolang liberate open is",
	Restored:     "“%s” is terug",

	RehearsalMark:  "repetitie",
	SeriesMark:     "reeks %d/%d",
	FollowsMark:    "vervolg op %s",
	ConfirmDelete:  "“%s” (%s) verwijderen? Eerst wordt een reservekopie gemaakt. [j/N] ",
	Deleted:        "“%s” verwijderd; een kopie van de database staat in %s.",
	NotDeleted:     "Niets verwijderd.",
	Renamed:        "“%s” heet nu “%s”.",
	MarkedRehearse: "“%s” is nu een repetitie; die telt niet mee in een reeks.",
	MarkedReal:     "“%s” is geen repetitie meer.",
}

// StateName is the name of a review state by its stored value ("done",
// "under_way", "stuck", "dropped"; anything else is still open).
func (c FollowUp) StateName(state string) string {
	switch state {
	case "done":
		return c.Done
	case "under_way":
		return c.UnderWay
	case "stuck":
		return c.Stuck
	case "dropped":
		return c.Dropped
	}
	return c.Open
}
