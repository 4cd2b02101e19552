package i18n

// Live holds the strings of the live session: the projector connection as
// the console and the projector show it. The error sentences match the
// kinds of internal/live (pick one with errors.Is: live.ErrInUse → InUse,
// live.ErrNotOwner → NotOwner, …).
type Live struct {
	Waiting     string // the projector before a liberate serves its database (live.ErrNoServer)
	Attached    string // the console's mark while one projector is attached
	AttachedN   string // "%d projectors attached", two or more
	InUse       string // live.ErrInUse
	NotOwner    string // live.ErrNotOwner; "%s": the socket or its folder
	NotSocket   string // live.ErrNotSocket; "%s": what is in the way
	PathTooLong string // live.ErrPathTooLong; "%s": the database path
	Version     string // live.ErrVersion
	Protocol    string // live.ErrProtocol; "%s": the socket
	Failed      string // any other failure to serve; "%s": the cause
}

var liveEN = Live{
	Waiting:     "Waiting for liberate… start a session on this database with liberate run or liberate resume.",
	Attached:    "projector attached",
	AttachedN:   "%d projectors attached",
	InUse:       "Another liberate is already serving this database to projectors; close that liberate or use --db to pick another file.",
	NotOwner:    "%s belongs to another user, so liberate will not use it for the projector; remove it or set XDG_RUNTIME_DIR to a folder of your own.",
	NotSocket:   "%s is in the way of the projector connection; move it away.",
	PathTooLong: "There is no path short enough for the projector connection of %s; set XDG_RUNTIME_DIR to a short folder of your own.",
	Version:     "The projector and the running liberate are different versions; use the same liberate for both.",
	Protocol:    "%s does not send a liberate session; check that it is liberate's projector connection.",
	Failed:      "No projector can attach: %s.",
}

var liveNL = Live{
	Waiting:     "Wachten op liberate… start een sessie op deze database met liberate run of liberate resume.",
	Attached:    "projector verbonden",
	AttachedN:   "%d projectors verbonden",
	InUse:       "Een andere liberate bedient de projectors van deze database al; sluit die liberate of kies met --db een ander bestand.",
	NotOwner:    "%s is van een andere gebruiker, dus liberate gebruikt het niet voor de projector; verwijder het of zet XDG_RUNTIME_DIR op een eigen map.",
	NotSocket:   "%s staat de verbinding met de projector in de weg; zet het opzij.",
	PathTooLong: "Er is geen pad kort genoeg voor de projectorverbinding van %s; zet XDG_RUNTIME_DIR op een korte eigen map.",
	Version:     "De projector en de draaiende liberate zijn verschillende versies; gebruik voor beide dezelfde liberate.",
	Protocol:    "%s stuurt geen liberate-sessie; controleer of het de projectorverbinding van liberate is.",
	Failed:      "Er kan geen projector verbinden: %s.",
}
