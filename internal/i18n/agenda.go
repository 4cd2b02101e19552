package i18n

// Agenda holds the strings of the session clock.
type Agenda struct {
	Title        string
	Structure    string
	Step         string
	Planned      string
	Replanned    string
	Actual       string
	Total        string
	PlannedEnd   string // "planned end %s"
	ProjectedEnd string // "projected end %s"
	Now          string
	ReplanOffer  string // "Running late: shorten the remaining steps by %s to keep the end time? y accept · esc decline"
	ReplanAhead  string // "Ahead of time: give %s back to the remaining steps? …"
	ReplanKey    string
	NoReplan     string
	AtMinimum    string // late, but every remaining step is at its shortest
	Back         string
	Untimed      string
	Scroll       string // help of ↑/↓
	Accept       string // help of y
	Decline      string // help of x/esc
	Behind       string // "%s behind"
}

var agendaEN = Agenda{
	Title:        "Agenda",
	Structure:    "Structure",
	Step:         "Step",
	Planned:      "planned",
	Replanned:    "re-planned",
	Actual:       "actual",
	Total:        "Total",
	PlannedEnd:   "planned end %s",
	ProjectedEnd: "projected end %s",
	Now:          "now",
	ReplanOffer:  "Running late: take %s off the remaining steps to keep the end time? y accept · esc decline",
	ReplanAhead:  "Ahead of time: give %s back to the remaining steps to use the time? y accept · esc decline",
	ReplanKey:    "re-plan",
	NoReplan:     "The remaining steps fit the planned end; nothing to re-plan.",
	AtMinimum:    "The remaining steps are at their shortest already; shorten one with - while it runs, or skip one.",
	Back:         "back to the timer",
	Untimed:      "no timer",
	Scroll:       "scroll",
	Accept:       "accept",
	Decline:      "decline",
	Behind:       "%s behind",
}

var agendaNL = Agenda{
	Title:        "Agenda",
	Structure:    "Werkvorm",
	Step:         "Stap",
	Planned:      "gepland",
	Replanned:    "herpland",
	Actual:       "werkelijk",
	Total:        "Totaal",
	PlannedEnd:   "gepland einde %s",
	ProjectedEnd: "verwacht einde %s",
	Now:          "nu",
	ReplanOffer:  "Uitloop: %s van de resterende stappen afhalen om op tijd te eindigen? j akkoord · esc afwijzen",
	ReplanAhead:  "Voor op schema: %s teruggeven aan de resterende stappen? j akkoord · esc afwijzen",
	ReplanKey:    "herplannen",
	NoReplan:     "De resterende stappen passen in de geplande eindtijd; niets te herplannen.",
	AtMinimum:    "De resterende stappen zijn al op hun kortst; kort er een in met - terwijl hij loopt, of sla er een over.",
	Back:         "terug naar de timer",
	Untimed:      "geen timer",
	Scroll:       "scrollen",
	Accept:       "akkoord",
	Decline:      "afwijzen",
	Behind:       "%s achter",
}
