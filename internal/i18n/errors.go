package i18n

// Errors holds the messages for failures of the database, one plain
// sentence each that says what to do. The UI picks one with errors.Is on the
// store's error kinds (store.ErrLocked, store.ErrDiskFull, …).
type Errors struct {
	Locked      string // "%s": the database path
	Corrupt     string // "%s": the database path
	NewerSchema string // "%s": the database path
	DiskFull    string // a save failed: the disk or quota is full
	ReadOnly    string // "%s": the database path
	FileGone    string // "%s": the database path
	NoteTooBig  string // "%d": the largest note in bytes
	NotSaved    string // "%s": the cause; any other failed save
	NoSession   string // no session in the file yet
	SessionRef  string // "%s": what the facilitator typed
	Ambiguous   string // "%s": what the facilitator typed
	NoDatabase  string // "%s": the database path, when it does not exist
}

var errorsEN = Errors{
	Locked:      "%s is open in another liberate window; close that window or use --db to pick another file.",
	Corrupt:     "%s is damaged; restore the last backup (made with liberate backup) or move the file away to start a new one.",
	NewerSchema: "%s was made by a newer liberate; update liberate.",
	DiskFull:    "Could not save the note: the disk is full; free some space — the note is still in the input line.",
	ReadOnly:    "Could not save: %s is read-only; make it writable or use --db to pick another file — the note is still in the input line.",
	FileGone:    "Could not save: %s was moved or deleted and could not be put back; check the folder — the note is still in the input line.",
	NoteTooBig:  "The note is longer than %d bytes; shorten it or split it in several notes.",
	NotSaved:    "Could not save the note: %s — the note is still in the input line.",
	NoSession:   "There is no session yet; start one with liberate run.",
	SessionRef:  "There is no session %q; liberate sessions lists them.",
	Ambiguous:   "%q matches more than one session; type more of the id.",
	NoDatabase:  "There is no liberate database at %s yet; run a session first or use --db to pick another file.",
}

var errorsNL = Errors{
	Locked:      "%s is geopend in een ander liberate-venster; sluit dat venster of kies met --db een ander bestand.",
	Corrupt:     "%s is beschadigd; zet de laatste back-up terug (gemaakt met liberate backup) of zet het bestand opzij om opnieuw te beginnen.",
	NewerSchema: "%s is gemaakt door een nieuwere liberate; werk liberate bij.",
	DiskFull:    "De notitie is niet bewaard: de schijf is vol; maak ruimte vrij — de notitie staat nog in de invoerregel.",
	ReadOnly:    "Niet bewaard: %s is alleen-lezen; maak het schrijfbaar of kies met --db een ander bestand — de notitie staat nog in de invoerregel.",
	FileGone:    "Niet bewaard: %s is verplaatst of verwijderd en kon niet worden teruggezet; controleer de map — de notitie staat nog in de invoerregel.",
	NoteTooBig:  "De notitie is langer dan %d bytes; maak ze korter of verdeel ze over meerdere notities.",
	NotSaved:    "De notitie is niet bewaard: %s — de notitie staat nog in de invoerregel.",
	NoSession:   "Er is nog geen sessie; begin er een met liberate run.",
	SessionRef:  "Er is geen sessie %q; liberate sessions toont ze allemaal.",
	Ambiguous:   "%q past bij meer dan één sessie; typ meer van de id.",
	NoDatabase:  "Er is nog geen liberate-database in %s; start eerst een sessie of kies met --db een ander bestand.",
}
