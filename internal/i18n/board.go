package i18n

// Board holds the strings of the cluster board, dot voting and the 25/10
// cards.
type Board struct {
	Title, HelpTitle, TooSmall, Empty string
	ThemeOne, ThemeMany               string // "1 theme", "%d themes"
	NoteOne, NoteMany                 string
	VoteOne, VoteMany                 string
	ThemeOf                           string // "Theme %d/%d"
	More                              string // "… %d more"
	Unclustered                       string
	KindMarks                         map[string]string // one letter per note kind

	// Changes and their confirmations.
	Grouping, Regrouped, NoNotes, NewNotes                   string
	Saving, Saved, Unsaved, NotSaved, LoadFailed             string
	MovedTo, Merged, SplitOut, Created, Renamed              string
	Reordered, DeletedTheme, Sorted, Voted, NewTheme         string
	SelectNote, SelectTheme, NotEmpty, EmptyName             string
	NameLabel, RenamePh, MovePrompt, MergePrompt, VotePrompt string

	// 25/10 cards.
	CardsTitle, CountdownTitle, CardLabel, CardPh, CardHint, NoCards string
	CardOne, CardMany, Scored                                        string
	ColNumber, ColIdea, ColFirstStep, ColScores, ColTotal            string
	CardSaved, CardRemoved, CardsNotSaved                            string
	CardStart, ScoreRange, ScoreCount                                string
	WhoHas, Read, Nobody, NoCardHint, Complete, CompleteTies         string
	ReadOutLabel, ReadOutPh                                          string

	// Help labels.
	KeyNav, KeyTheme, KeyMove, KeyShift, KeyMerge, KeySplit, KeyNew, KeyRename, KeyDelete, KeyRegroup string
	KeyVote, KeyAdjust, KeySort, KeyFocus, KeyCompact, KeyCards, KeyUndo, KeyRedo, KeyBack, KeyHelp   string
	KeyPickNum, KeyPickOK, KeyCancel, KeySaveName, KeyList                                            string
	KeySaveCard, KeyCountdown, KeyNextScore, KeyReadOut, KeyCardList                                  string
}

var boardEN = Board{
	Title:       "Board",
	HelpTitle:   "Board keys",
	TooSmall:    "Make the window larger",
	Empty:       "No notes yet: capture some on the run screen (c), then come back.",
	ThemeOne:    "1 theme",
	ThemeMany:   "%d themes",
	NoteOne:     "1 note",
	NoteMany:    "%d notes",
	VoteOne:     "1 vote",
	VoteMany:    "%d votes",
	ThemeOf:     "Theme %d/%d",
	More:        "… %d more",
	Unclustered: "Unclustered",
	KindMarks:   map[string]string{"frustration": "F", "idea": "I", "action": "A", "note": "N"},

	Grouping:     "grouping…",
	Regrouped:    "themes proposed",
	NoNotes:      "No notes to group yet.",
	NewNotes:     "%d notes are not in a theme yet: g groups them.",
	Saving:       "saving…",
	Saved:        "✓ saved",
	Unsaved:      "⚠ not saved",
	NotSaved:     "Not saved: %s. The board shows what is on disk; try the change again.",
	LoadFailed:   "The saved themes could not be read: %s. Press g to group the notes again.",
	MovedTo:      "moved to %s",
	Merged:       "%s merged into %s",
	SplitOut:     "new theme %s",
	Created:      "new theme",
	Renamed:      "named %s",
	Reordered:    "theme moved",
	DeletedTheme: "theme %s removed",
	Sorted:       "sorted by votes",
	Voted:        "%s: %d",
	NewTheme:     "Theme %d",
	SelectNote:   "Select a note first (↑/↓).",
	SelectTheme:  "Select a theme first (pgup/pgdn).",
	NotEmpty:     "Only an empty theme can be removed: move or merge its notes first.",
	EmptyName:    "A theme needs a name.",
	NameLabel:    "Name",
	RenamePh:     "name of the theme",
	MovePrompt:   "Move to %d · %s   (type the number, ↑/↓ and enter, 0 = unclustered, esc cancels)",
	MergePrompt:  "Merge into %d · %s   (type the number, ↑/↓ and enter, esc cancels)",
	VotePrompt:   "Votes for %s: %s   (enter sets, esc cancels)",

	CardsTitle:     "25/10 Crowd Sourcing · cards",
	CountdownTitle: "25/10 Crowd Sourcing",
	CardLabel:      "card",
	CardPh:         "12 idea | first step   ·   12: 4 5 3 5",
	CardHint:       "12 idea | first step · 12: 4 5 3 5 · 12+ 4 adds a score · -12 removes · tab countdown",
	NoCards:        "No cards yet. Type a card's number with its idea and first step, or only its scores. No cards typed in? Press tab and record the top ten as they are read out.",
	CardOne:        "1 card",
	CardMany:       "%d cards",
	Scored:         "%d scored",
	ColNumber:      "#",
	ColIdea:        "Idea",
	ColFirstStep:   "First step",
	ColScores:      "Scores",
	ColTotal:       "Total",
	CardSaved:      "✓ card %d saved",
	CardRemoved:    "✓ card %d removed",
	CardsNotSaved:  "Not saved: %s. The line is back: press enter to try again.",
	CardStart:      "Start with the card number: 12 idea | first step, or 12: 4 5 3 5.",
	ScoreRange:     "Scores are whole numbers from 1 to 5.",
	ScoreCount:     "A card has at most five scores.",
	WhoHas:         "Who has %d?",
	Read:           "read %d/%d",
	Nobody:         "nobody",
	NoCardHint:     "enter records a card read out at this score",
	Complete:       "Top ten complete",
	CompleteTies:   "Top ten complete: %d cards, ties at %d included",
	ReadOutLabel:   "read out at %d",
	ReadOutPh:      "idea | first step",

	KeyNav:       "select",
	KeyTheme:     "theme",
	KeyMove:      "move",
	KeyShift:     "shift",
	KeyMerge:     "merge",
	KeySplit:     "split out",
	KeyNew:       "new theme",
	KeyRename:    "rename",
	KeyDelete:    "remove empty",
	KeyRegroup:   "regroup",
	KeyVote:      "votes",
	KeyAdjust:    "vote ±1",
	KeySort:      "sort by votes",
	KeyFocus:     "focus",
	KeyCompact:   "compact",
	KeyCards:     "25/10 cards",
	KeyUndo:      "undo",
	KeyRedo:      "redo",
	KeyBack:      "back",
	KeyHelp:      "keys",
	KeyPickNum:   "number",
	KeyPickOK:    "confirm",
	KeyCancel:    "cancel",
	KeySaveName:  "save name",
	KeyList:      "list",
	KeySaveCard:  "save",
	KeyCountdown: "countdown",
	KeyNextScore: "next score",
	KeyReadOut:   "record read-out",
	KeyCardList:  "cards",
}

var boardNL = Board{
	Title:       "Bord",
	HelpTitle:   "Toetsen van het bord",
	TooSmall:    "Maak het venster groter",
	Empty:       "Nog geen notities: leg er een paar vast op het timerscherm (c) en kom terug.",
	ThemeOne:    "1 thema",
	ThemeMany:   "%d thema's",
	NoteOne:     "1 notitie",
	NoteMany:    "%d notities",
	VoteOne:     "1 stem",
	VoteMany:    "%d stemmen",
	ThemeOf:     "Thema %d/%d",
	More:        "… nog %d",
	Unclustered: "Zonder thema",
	KindMarks:   map[string]string{"frustration": "F", "idea": "I", "action": "A", "note": "N"},

	Grouping:     "groeperen…",
	Regrouped:    "thema's voorgesteld",
	NoNotes:      "Nog geen notities om te groeperen.",
	NewNotes:     "%d notities zitten nog in geen thema: g groepeert ze.",
	Saving:       "opslaan…",
	Saved:        "✓ bewaard",
	Unsaved:      "⚠ niet bewaard",
	NotSaved:     "Niet bewaard: %s. Het bord toont wat op schijf staat; probeer de wijziging opnieuw.",
	LoadFailed:   "De opgeslagen thema's konden niet worden gelezen: %s. Druk op g om de notities opnieuw te groeperen.",
	MovedTo:      "verplaatst naar %s",
	Merged:       "%s samengevoegd met %s",
	SplitOut:     "nieuw thema %s",
	Created:      "nieuw thema",
	Renamed:      "%s genoemd",
	Reordered:    "thema verschoven",
	DeletedTheme: "thema %s verwijderd",
	Sorted:       "gesorteerd op stemmen",
	Voted:        "%s: %d",
	NewTheme:     "Thema %d",
	SelectNote:   "Kies eerst een notitie (↑/↓).",
	SelectTheme:  "Kies eerst een thema (pgup/pgdn).",
	NotEmpty:     "Alleen een leeg thema kan weg: verplaats of voeg eerst de notities samen.",
	EmptyName:    "Een thema heeft een naam nodig.",
	NameLabel:    "Naam",
	RenamePh:     "naam van het thema",
	MovePrompt:   "Verplaats naar %d · %s   (typ het nummer, ↑/↓ en enter, 0 = niet gegroepeerd, esc annuleert)",
	MergePrompt:  "Voeg samen met %d · %s   (typ het nummer, ↑/↓ en enter, esc annuleert)",
	VotePrompt:   "Stemmen voor %s: %s   (enter zet, esc annuleert)",

	CardsTitle:     "25/10-crowdsourcing · kaarten",
	CountdownTitle: "25/10-crowdsourcing",
	CardLabel:      "kaart",
	CardPh:         "12 idee | eerste stap   ·   12: 4 5 3 5",
	CardHint:       "12 idee | eerste stap · 12: 4 5 3 5 · 12+ 4 voegt een score toe · -12 verwijdert · tab aftellen",
	NoCards:        "Nog geen kaarten. Typ het nummer van een kaart met idee en eerste stap, of alleen de scores. Geen kaarten ingetypt? Druk op tab en noteer de top tien terwijl die wordt voorgelezen.",
	CardOne:        "1 kaart",
	CardMany:       "%d kaarten",
	Scored:         "%d gescoord",
	ColNumber:      "#",
	ColIdea:        "Idee",
	ColFirstStep:   "Eerste stap",
	ColScores:      "Scores",
	ColTotal:       "Totaal",
	CardSaved:      "✓ kaart %d bewaard",
	CardRemoved:    "✓ kaart %d verwijderd",
	CardsNotSaved:  "Niet bewaard: %s. De regel staat er weer: druk op enter om het opnieuw te proberen.",
	CardStart:      "Begin met het kaartnummer: 12 idee | eerste stap, of 12: 4 5 3 5.",
	ScoreRange:     "Scores zijn hele getallen van 1 tot 5.",
	ScoreCount:     "Een kaart heeft hoogstens vijf scores.",
	WhoHas:         "Wie heeft %d?",
	Read:           "%d/%d voorgelezen",
	Nobody:         "niemand",
	NoCardHint:     "enter noteert een kaart die bij deze score wordt voorgelezen",
	Complete:       "Top tien compleet",
	CompleteTies:   "Top tien compleet: %d kaarten, gelijke scores bij %d meegeteld",
	ReadOutLabel:   "voorgelezen bij %d",
	ReadOutPh:      "idee | eerste stap",

	KeyNav:       "kies",
	KeyTheme:     "thema",
	KeyMove:      "verplaats",
	KeyShift:     "schuif",
	KeyMerge:     "samenvoegen",
	KeySplit:     "apart zetten",
	KeyNew:       "nieuw thema",
	KeyRename:    "hernoem",
	KeyDelete:    "leeg thema weg",
	KeyRegroup:   "hergroepeer",
	KeyVote:      "stemmen",
	KeyAdjust:    "stem ±1",
	KeySort:      "sorteer op stemmen",
	KeyFocus:     "focus",
	KeyCompact:   "compact",
	KeyCards:     "25/10-kaarten",
	KeyUndo:      "ongedaan",
	KeyRedo:      "opnieuw",
	KeyBack:      "terug",
	KeyHelp:      "toetsen",
	KeyPickNum:   "nummer",
	KeyPickOK:    "bevestig",
	KeyCancel:    "annuleer",
	KeySaveName:  "naam opslaan",
	KeyList:      "lijst",
	KeySaveCard:  "opslaan",
	KeyCountdown: "aftellen",
	KeyNextScore: "volgende score",
	KeyReadOut:   "voorgelezen kaart noteren",
	KeyCardList:  "kaarten",
}
