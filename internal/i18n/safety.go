package i18n

// Safety holds the strings of damaged files, repair, careful writes and
// everything else that keeps the facilitator's data safe on the command
// line.
type Safety struct {
	Damaged      string // "%[1]s": the database, "%[2]s": what is wrong, "%[3]s": its running copy
	LostNotes    string // "%d": notes that could not be read, in an export
	LostEvents   string // "%d": timeline entries that could not be read, in an export
	LostClusters string // the board themes could not be read, in an export
	Unreadable   string // a session in the sessions list whose record cannot be read
	RepairCopied string // "%[1]s": the new file, "%[2]d" sessions, "%[3]d" notes, "%[4]d" timeline entries
	RepairWhole  string // "%s": the damaged file; nothing was lost
	RepairLost   string // "%[1]s": what was lost, "%[2]s": the damaged file
	RepairUse    string // "%[1]s": the new file, "%[2]s": the damaged file
	LostSessions string // "%d": sessions of which only the id was left
	Recreated    string // "%d": sessions whose record was rebuilt from their notes
	LostNoteRecs string // "%d": notes that could not be read
	LostEventRec string // "%d": timeline entries that could not be read
	LostThemes   string // "%d": sessions whose board themes could not be read
	LostPages    string // "%d": damaged or missing parts of the file
	RepairSound  string // "%s": the file; a repair of a sound file
	NeedTerminal string // run, resume or the home screen without a terminal
}

var safetyEN = Safety{
	Damaged:      "%[1]s is damaged (%[2]s); nothing was written to it: run liberate repair to copy everything readable into a new file, restore a backup (liberate backup, or %[3]s) or move the file away to start a new one",
	LostNotes:    "%d notes of this session could not be read and are missing from this export; liberate repair copies everything readable into a new file",
	LostEvents:   "%d entries of the session's timeline could not be read and are missing from this export",
	LostClusters: "the board's themes could not be read, so the notes are shown unclustered; liberate repair copies everything readable into a new file",
	Unreadable:   "unreadable (liberate repair)",
	RepairCopied: "%[1]s: %[2]d sessions, %[3]d notes and %[4]d timeline entries copied",
	RepairWhole:  "nothing was lost; %s was not touched",
	RepairLost:   "lost: %[1]s; %[2]s was not touched",
	RepairUse:    "to use the new file: liberate --db %[1]s, or move it in the place of %[2]s",
	LostSessions: "%d sessions of which only the id was left",
	Recreated:    "%d sessions whose title and plan were lost (their notes are kept under \"Recovered session\")",
	LostNoteRecs: "%d notes",
	LostEventRec: "%d timeline entries",
	LostThemes:   "the board themes of %d sessions",
	LostPages:    "%d damaged or missing parts of the file",
	RepairSound:  "%s is sound; the copy holds everything",
	NeedTerminal: "the run screen needs a terminal: start liberate in a terminal window (list, show, sessions, export and cluster also work without one); no session was created",
}

var safetyNL = Safety{
	Damaged:      "%[1]s is beschadigd (%[2]s); er is niets in geschreven: kopieer met liberate repair alles wat nog leesbaar is naar een nieuw bestand, zet een back-up terug (liberate backup, of %[3]s) of zet het bestand opzij om opnieuw te beginnen",
	LostNotes:    "%d notities van deze sessie zijn onleesbaar en ontbreken in deze export; liberate repair kopieert alles wat nog leesbaar is naar een nieuw bestand",
	LostEvents:   "%d regels van de tijdlijn van de sessie zijn onleesbaar en ontbreken in deze export",
	LostClusters: "de thema's van het bord zijn onleesbaar, dus de notities staan niet gegroepeerd; liberate repair kopieert alles wat nog leesbaar is naar een nieuw bestand",
	Unreadable:   "onleesbaar (liberate repair)",
	RepairCopied: "%[1]s: %[2]d sessies, %[3]d notities en %[4]d regels tijdlijn gekopieerd",
	RepairWhole:  "er ging niets verloren; %s is niet aangeraakt",
	RepairLost:   "verloren: %[1]s; %[2]s is niet aangeraakt",
	RepairUse:    "het nieuwe bestand gebruiken: liberate --db %[1]s, of zet het op de plaats van %[2]s",
	LostSessions: "%d sessies waarvan alleen de id over was",
	Recreated:    "%d sessies waarvan titel en plan verloren gingen (hun notities staan onder \"Teruggevonden sessie\")",
	LostNoteRecs: "%d notities",
	LostEventRec: "%d regels tijdlijn",
	LostThemes:   "de bordthema's van %d sessies",
	LostPages:    "%d beschadigde of ontbrekende delen van het bestand",
	RepairSound:  "%s is in orde; de kopie bevat alles",
	NeedTerminal: "het sessiescherm heeft een terminal nodig: start liberate in een terminalvenster (de opdrachten liberate list, show, sessions, export en cluster werken ook zonder); er is geen sessie aangemaakt",
}
