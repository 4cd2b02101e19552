package i18n

// Help is the text of `liberate --help` and of each command's help, keyed
// by command ("run"; "" for liberate itself) and by flag ("show.json", or
// just "json" for every command's flag of that name). Examples and long
// texts are keyed "run.example", "backup.long".
type Help struct {
	Commands map[string]string
	Flags    map[string]string
	HelpFlag string // "help for %s"
}

var helpEN = Help{
	Commands: map[string]string{
		"":                "Run Liberating Structures workshops from the terminal",
		".long":           "liberate walks a facilitator through Liberating Structures with a big projectable countdown,\ncaptures what the room says into a local file the moment it is typed, clusters it and exports Markdown.",
		"run":             "Start a session with one structure, several in a row, or a string",
		"run.example":     "  liberate run 1-2-4-all --invitation \"What slows you down every day?\"\n  liberate run irritation-brainstorm --participants 23 --lang nl\n  liberate run impromptu 1-2-4-all 15% --speed 60   # rehearse at 60× speed",
		"resume":          "Continue the last (or given) session exactly where it stopped, in its own language",
		"list":            "Structures and strings with their total minutes",
		"show":            "The steps of a structure or string: minutes, group configuration, notes",
		"sessions":        "Sessions in the database",
		"export":          "The session's notes, clustered, as Markdown, JSON or CSV",
		"export.example":  "  liberate export last --format md -o workshop.md\n  liberate export 2 --format csv --semicolon -o notes.csv   # for Dutch Excel",
		"cluster":         "Cluster texts from a CSV (column text, else the first) or one text per line",
		"cluster.example": "  liberate cluster notes.csv --format csv > clustered.csv\n  pbpaste | liberate cluster - --format md",
		"backup":          "Write a consistent, fsync'd copy of the database",
		"backup.long":     "Write a consistent, fsync'd copy of the database. While a session runs in another liberate window the file is locked; the copy is then the one that liberate keeps beside the database and refreshes at every step change.",
		"completion":      "Print shell completion for bash, zsh, fish or powershell",
		"help":            "Help about any command",
	},
	Flags: map[string]string{
		"db":             "database file (default $LIBERATE_DB, else liberate/liberate.db in the XDG data dir)",
		"lang":           "language: en or nl (default from LANG; a resumed session keeps its own)",
		"theme":          "colours: dark, light, projector or mono (NO_COLOR means mono)",
		"json":           "print JSON for tools",
		"show.json":      "print JSON with everything the file holds",
		"participants":   "number of people in the room, to show how to form groups",
		"title":          "session title (default: the structures and the date)",
		"invitation":     "the question for the room",
		"speed":          "rehearsal: time runs this many times faster",
		"minute-bell":    "also ring one minute before the end of longer steps",
		"join":           "also serve the phone page on the local network (QR code and join code on screen)",
		"listen":         "with --join: the ADDR:PORT to serve on (default: this laptop's address on its network)",
		"format":         "md, json or csv",
		"cluster.format": "md, csv (text,cluster) or json",
		"k":              "force this many clusters (default: found automatically)",
		"output":         "write to FILE instead of stdout",
		"backup.output":  "backup file (default: beside the database, with a timestamp)",
		"semicolon":      "CSV with ; between fields (Dutch Excel)",
		"no-bom":         "CSV without the UTF-8 byte order mark",
		"version":        "version and licence of liberate",
	},
	HelpFlag: "help for %s",
}

var helpNL = Help{
	Commands: map[string]string{
		"":                "Liberating Structures-workshops begeleiden vanuit de terminal",
		".long":           "liberate leidt een begeleider door Liberating Structures met een groot aftelscherm voor de beamer,\nlegt wat de zaal zegt vast in een lokaal bestand zodra het getypt is, groepeert het in thema's en exporteert Markdown.",
		"run":             "Een sessie starten met één werkvorm, meerdere na elkaar of een reeks",
		"run.example":     "  liberate run 1-2-4-all --invitation \"Wat houdt je elke dag op?\"\n  liberate run irritation-brainstorm --participants 23 --lang nl\n  liberate run impromptu 1-2-4-all 15% --speed 60   # oefenen op zestig keer de snelheid",
		"resume":          "De laatste (of opgegeven) sessie hervatten waar ze gestopt is, in haar eigen taal",
		"list":            "Werkvormen en reeksen met hun totale duur",
		"show":            "De stappen van een werkvorm of reeks: minuten, groepsindeling, tips",
		"sessions":        "De sessies in de database",
		"export":          "De notities van een sessie, in thema's, als Markdown, JSON of CSV",
		"export.example":  "  liberate export last --format md -o workshop.md\n  liberate export 2 --format csv --semicolon -o notities.csv   # voor Nederlandstalige Excel",
		"cluster":         "Teksten uit een CSV (kolom text, anders de eerste) of één per regel in thema's groeperen",
		"cluster.example": "  liberate cluster notities.csv --format csv > themas.csv\n  pbpaste | liberate cluster - --format md",
		"backup":          "Een consistente, veilig weggeschreven kopie van de database maken",
		"backup.long":     "Een consistente, veilig weggeschreven kopie van de database maken. Terwijl een sessie in een ander liberate-venster loopt, is het bestand vergrendeld; de kopie is dan die welke liberate naast de database bijhoudt en bij elke stapwissel ververst.",
		"completion":      "Aanvulling voor bash, zsh, fish of powershell tonen",
		"help":            "Hulp bij een opdracht",
	},
	Flags: map[string]string{
		"db":             "databasebestand (standaard $LIBERATE_DB, anders liberate/liberate.db in de XDG-datamap)",
		"lang":           "taal: en of nl (standaard uit LANG; een hervatte sessie houdt haar eigen taal)",
		"theme":          "kleuren: dark, light, projector of mono (NO_COLOR betekent mono)",
		"json":           "JSON voor andere programma's",
		"show.json":      "JSON met alles wat het bestand bevat",
		"participants":   "aantal mensen in de zaal, om te tonen hoe de groepen te vormen",
		"title":          "titel van de sessie (standaard: de werkvormen en de datum)",
		"invitation":     "de vraag aan de zaal",
		"speed":          "oefenen: de tijd loopt zoveel keer sneller",
		"minute-bell":    "de bel ook een minuut voor het einde van langere stappen laten gaan",
		"join":           "ook de telefoonpagina op het lokale netwerk aanbieden (QR-code en code op het scherm)",
		"listen":         "met --join: het ADRES:POORT om op te luisteren (standaard: het adres van deze laptop op zijn netwerk)",
		"format":         "md, json of csv",
		"cluster.format": "md, csv (text,cluster) of json",
		"k":              "precies zoveel thema's maken (standaard: zelf bepaald)",
		"output":         "naar BESTAND schrijven in plaats van naar het scherm",
		"backup.output":  "kopiebestand (standaard: naast de database, met datum en tijd)",
		"semicolon":      "CSV met ; tussen de velden (Nederlandstalige Excel)",
		"no-bom":         "CSV zonder UTF-8-bytevolgordemarkering",
		"version":        "versie en licentie van liberate",
	},
	HelpFlag: "hulp bij %s",
}
