package i18n

// Show holds the words `liberate show` prints besides the CLI area: the
// values of a structure's fields in words.
type Show struct {
	// TimingSources names where a structure's minutes come from.
	TimingSources map[string]string
	BuiltIn       string // Source of an embedded structure
	PerPerson     string // unit after a tagline, "/person"
	PerClient     string
	PerRound      string
	// Configs replaces the run screen's words for a client's turn when the
	// group is not a trio (Wise Crowds: groups of 4–7).
	Configs map[string]string
}

var showEN = Show{
	TimingSources: map[string]string{
		"official":                         "official (liberatingstructures.com)",
		"fieldbook-paraphrase-unconfirmed": "a paraphrase of the 2026 Fieldbook, not yet checked against the official site",
	},
	BuiltIn:   "built-in",
	PerPerson: "/person",
	PerClient: "/client",
	PerRound:  "/round",
	Configs:   map[string]string{"client": "small groups · client speaks", "client-back": "small groups · client turns back"},
}

var showNL = Show{
	TimingSources: map[string]string{
		"official":                         "officieel (liberatingstructures.com)",
		"fieldbook-paraphrase-unconfirmed": "een parafrase van het Fieldbook 2026, nog niet gecontroleerd op de officiële site",
	},
	BuiltIn:   "ingebouwd",
	PerPerson: "/persoon",
	PerClient: "/klant",
	PerRound:  "/ronde",
	Configs:   map[string]string{"client": "groepjes · klant vertelt", "client-back": "groepjes · klant draait zich om"},
}
