package i18n

// Flow holds the strings of a run-through by clicker and keyboard that no
// other area covers: leaving a session, empty entries, the agenda's
// confirmation key.
type Flow struct {
	// Left is printed when the facilitator leaves a running session with
	// q: %s = the session id.
	Left string
	// LeftPaused is printed instead when the session was paused.
	LeftPaused string
	// LeftFinished is printed when the session was already finished.
	LeftFinished string
	// EmptyReadOut: Enter on an empty read-out line in the 25/10 countdown.
	EmptyReadOut string
	// ConfirmKey is the key that says yes in this language; y always works.
	ConfirmKey string
}

var flowEN = Flow{
	Left:         "Session kept: `liberate resume %s` continues it; its clock keeps running meanwhile.",
	LeftPaused:   "Session kept, paused: `liberate resume %s` continues it where it stopped.",
	LeftFinished: "Session finished and kept: `liberate export %s` writes it out.",
	EmptyReadOut: "Nothing read out: no card saved.",
	ConfirmKey:   "y",
}

var flowNL = Flow{
	Left:         "Sessie bewaard: `liberate resume %s` gaat verder; de klok loopt intussen door.",
	LeftPaused:   "Sessie bewaard en gepauzeerd: `liberate resume %s` gaat verder waar ze stopte.",
	LeftFinished: "Sessie afgerond en bewaard: `liberate export %s` schrijft ze uit.",
	EmptyReadOut: "Niets voorgelezen: geen kaart bewaard.",
	ConfirmKey:   "j",
}
