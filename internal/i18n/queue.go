package i18n

// Queue holds the strings of notes that wait to be saved: typed while the
// disk would not take them, kept apart in order, retried, and written to a
// recovery file when liberate must leave without them.
type Queue struct {
	WaitingOne     string // "%s": why; one note waits
	WaitingMany    string // "%[1]d": notes waiting, "%[2]s": why
	WaitingMark    string // the mark of a waiting note in the list of recent notes
	DiskFull       string // why: the disk or quota is full
	ReadOnly       string // why: the database cannot be written
	Damaged        string // why: the database is damaged
	Gone           string // why: the database file is gone
	AskQuit        string // "%d": notes waiting, on q or ctrl+c
	AskQuitKeys    string // the keys of that question
	Recovered      string // "%s": the recovery file
	RecoveryFailed string // "%s": why the recovery file could not be written either
	DamagedNow     string // the database was damaged while running; the recovery file follows on its own line
	SavedShortened string // "%d": the longest note; a saved note that was cut
	CopyFailed     string // "%s": why the running copy beside the database was not refreshed
	ExtendCap      string // "%d": the most minutes + may add to a step
	FileTitle      string // "%[1]s": the database, "%[2]s": the session's title, "%[3]s": the time
	FileHowTo      string // the second line of a recovery file
	FileSaved      string // heading: notes saved before the database was damaged
	FileNotSaved   string // heading: notes not saved
}

var queueEN = Queue{
	WaitingOne:     "1 note waiting: %s",
	WaitingMany:    "%[1]d notes waiting: %[2]s",
	WaitingMark:    "waiting",
	DiskFull:       "disk full, retrying",
	ReadOnly:       "the database cannot be written, retrying",
	Damaged:        "the database is damaged",
	Gone:           "the database file is gone, retrying",
	AskQuit:        "%d notes are not saved yet.",
	AskQuitKeys:    "y/q: write them to a file beside the database and leave · other key: stay",
	Recovered:      "The notes that were not saved are in %s.",
	RecoveryFailed: "Could not write the notes to a file either (%s); they stay here: free some space and leave again.",
	DamagedNow:     "The database was damaged while liberate ran: leave with q and run liberate repair; every note of this session is in:",
	SavedShortened: "✓ saved, shortened to %d characters",
	CopyFailed:     "The running copy was not refreshed (%s); the notes are saved.",
	ExtendCap:      "A step can be made at most %d minutes longer than planned.",
	FileTitle:      "# Notes typed in liberate for %[2]s that were not saved in %[1]s (%[3]s).",
	FileHowTo:      "# One note per line, as typed: [kind] text. Type them again in the capture line, or keep this file with the export.",
	FileSaved:      "# Saved before the database was damaged:",
	FileNotSaved:   "# Not saved:",
}

var queueNL = Queue{
	WaitingOne:     "1 notitie wacht: %s",
	WaitingMany:    "%[1]d notities wachten: %[2]s",
	WaitingMark:    "wacht",
	DiskFull:       "schijf vol, opnieuw proberen",
	ReadOnly:       "de database is niet schrijfbaar, opnieuw proberen",
	Damaged:        "de database is beschadigd",
	Gone:           "het databasebestand is weg, opnieuw proberen",
	AskQuit:        "%d notities zijn nog niet bewaard.",
	AskQuitKeys:    "y/q: schrijf ze naar een bestand naast de database en stop · andere toets: blijf",
	Recovered:      "De notities die niet bewaard zijn, staan in %s.",
	RecoveryFailed: "Ook een bestand met de notities lukte niet (%s); ze blijven hier: maak ruimte vrij en stop opnieuw.",
	DamagedNow:     "De database raakte beschadigd terwijl liberate liep: stop met q en draai liberate repair; alle notities van deze sessie staan in:",
	SavedShortened: "✓ bewaard, ingekort tot %d tekens",
	CopyFailed:     "De lopende kopie is niet bijgewerkt (%s); de notities zijn bewaard.",
	ExtendCap:      "Een stap kan hoogstens %d minuten langer worden dan gepland.",
	FileTitle:      "# Notities voor %[2]s, getypt in liberate, die niet bewaard zijn in %[1]s (%[3]s).",
	FileHowTo:      "# Eén notitie per regel, zoals getypt: [soort] tekst. Typ ze opnieuw in de invoerregel, of bewaar dit bestand bij de export.",
	FileSaved:      "# Bewaard voordat de database beschadigd raakte:",
	FileNotSaved:   "# Niet bewaard:",
}
