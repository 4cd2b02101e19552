package i18n

// Table holds the words of the export's tables: the CSV header and values,
// and what the timeline's total row sums up.
type Table struct {
	// CSV headers, one per column. English keeps the keys tools read.
	Cluster, ClusterVotes, Kind, Text, Structure, Step, Votes, Time string
	// Owner and Due are an action's owner and due date.
	Owner, Due string
	// Pillar is the theme's pillar (people, process, technology).
	Pillar string
	// Kinds are the note kinds as CSV values.
	Kinds map[string]string
	// TotalCovers sits in the total row's step column: the difference only
	// counts the timed steps that ran, so it says so.
	TotalCovers string
}

var tableEN = Table{
	Cluster: "cluster", ClusterVotes: "cluster_votes", Kind: "kind", Text: "text",
	Structure: "structure", Step: "step", Votes: "votes", Time: "time", Owner: "owner", Due: "due", Pillar: "pillar",
	Kinds:       map[string]string{"frustration": "frustration", "idea": "idea", "action": "action", "note": "note"},
	TotalCovers: "difference over the timed steps that ran",
}

var tableNL = Table{
	Cluster: "thema", ClusterVotes: "stemmen thema", Kind: "soort", Text: "tekst",
	Structure: "werkvorm", Step: "stap", Votes: "stemmen", Time: "tijd", Owner: "eigenaar", Due: "uiterlijk", Pillar: "pijler",
	Kinds:       map[string]string{"frustration": "frustratie", "idea": "idee", "action": "actie", "note": "notitie"},
	TotalCovers: "verschil over de gedane stappen met timer",
}
