package i18n

import (
	"strconv"
	"strings"
)

// Phone holds the strings of the page participants open on their phones
// (see internal/phone), and the join texts shown beside the QR code.
type Phone struct {
	Title     string            // the page title
	Join      string            // beside the QR code: "Join with your phone"
	CodeLabel string            // "Code"
	NotesIn   [2]string         // singular, plural; %d = notes from phones not yet revealed
	Closed    string            // nothing is open right now
	KeepOpen  string            // the page follows the room by itself
	Saved     string            // after the note is on disk: "saved ✓"
	Send      string            // the note form's button
	YourKind  map[string]string // per note kind: the label of the text field ("Your frustration")
	Overtime  string            // "overtime"
	Paused    string
	TooLong   string // %d = maximum characters
	Empty     string
	Muted     string // the facilitator has stopped this phone's input
	Again     string // open the join link again (no or stale seat)
	Slow      string // rate limited
	Full      string // too many phones follow the live page
	NotOpen   string // what was sent is not open any more
	Failed    string // the save failed; nothing was saved
	NoScript  string // shown when the page cannot follow the room live

	VoteTitle string // %d = dots per phone
	VoteSend  string
	VoteSaved string // %d = dots used
	VoteOver  string // %d = dots per phone: too many dots

	IdeaTitle     string // 25/10: write your bold idea
	IdeaLabel     string
	IdeaStepLabel string // the second field: its first step
	IdeaSaved     string
	IdeaHave      string // your idea is in
	ScoreTitle    string // 25/10: score the card you were handed
	ScoreRound    string // %d/%d: round and rounds
	ScoreSaved    string
	ScoreDone     string // all your cards are scored
	ScoreNoIdea   string // scoring is for phones that wrote an idea
	ScoreHint     string // 1 = not for us, 5 = let's do it

	ExportFromPhones string // the export's header line: %d of %d notes came from phones

	ConsoleArrived string // the console's status: %d notes just came in from phones
	ConsoleMark    string // before a phone note in the console's list
	KeyReveal      string // help: show the selected phone note to the room
	KeyMutePhone   string // help: stop input from the selected note's phone
	Revealed       string // status after revealing
	Unrevealed     string // status after taking a note back from the room
	PhoneMuted     string // status after muting a phone
	PhoneUnmuted   string
	KeyJoin        string // help: open or close joining
	JoinOpened     string // status: %s = join URL
	JoinClosed     string

	// Dot voting and 25/10 from phones, as the console and the room see them.
	KeyPhoneVote  string // board help: open / close phone voting
	KeyPhoneDots  string // board help: fewer / more dots per phone
	KeyPhoneCrowd string // cards help: phones write, then score, then close
	NoPhones      string // the session does not serve the phone page
	CrowdBusy     string // voting cannot open while 25/10 runs on phones
	VotingOpened  string // %d = dots per phone
	VotingClosed  string
	DotsNow       string // %d = dots per phone
	PhoneVoted    string // status once phone dots are on disk
	PhoneCards    string // status once phone cards or scores are on disk
	WritingOpened string
	ScoringOpened string
	CrowdClosed   string
	RoomVoting    string // %d = dots per phone
	RoomWriting   string // %d = cards in
	RoomScoring   string // %d of %d scores in
	RoomScored    string // every score is in
	PhoneMark     string // beside a tally: the dots voting from phones
}

var phoneEN = Phone{
	Title:     "liberate · join",
	Join:      "Join with your phone",
	CodeLabel: "Code",
	NotesIn:   [2]string{"%d note in", "%d notes in"},
	Closed:    "Nothing to send right now.",
	KeepOpen:  "Keep this page open: it follows the room.",
	Saved:     "saved ✓",
	Send:      "Send",
	YourKind: map[string]string{
		"frustration": "Your frustration",
		"idea":        "Your idea",
		"action":      "Your next step",
		"note":        "Your note",
	},
	Overtime:  "overtime",
	Paused:    "paused",
	TooLong:   "That is too long: at most %d characters.",
	Empty:     "Type something before sending.",
	Muted:     "The facilitator has paused input from this phone.",
	Again:     "Open the join link again to send from this phone.",
	Slow:      "Not so fast: wait a moment and send again.",
	Full:      "Too many phones follow the room right now; reload the page in a minute.",
	NotOpen:   "That is closed now; the page shows what is open.",
	Failed:    "Not saved: the facilitator's laptop could not save it. Send it again.",
	NoScript:  "Reload the page to see what the room is doing now.",
	VoteTitle: "Spread your %d dots over the themes",
	VoteSend:  "Vote",
	VoteSaved: "saved ✓ (%d dots)",
	VoteOver:  "That is more than %d dots; take some away.",

	IdeaTitle:     "Write your bold idea",
	IdeaLabel:     "Your bold idea",
	IdeaStepLabel: "Its first step (optional)",
	IdeaSaved:     "saved ✓",
	IdeaHave:      "Your idea is in. Wait for the scoring rounds.",
	ScoreTitle:    "Score this idea",
	ScoreRound:    "Round %d/%d",
	ScoreSaved:    "saved ✓",
	ScoreDone:     "You have scored all your cards. Thank you!",
	ScoreNoIdea:   "Scoring is for the phones that wrote an idea.",
	ScoreHint:     "1 = not for us · 5 = let's do it",

	ExportFromPhones: "%d of the %d notes were sent from phones",

	ConsoleArrived: "☎ %d new from phones",
	ConsoleMark:    "☎",
	KeyReveal:      "show the room",
	KeyMutePhone:   "mute phone",
	Revealed:       "shown to the room",
	Unrevealed:     "taken back from the room",
	PhoneMuted:     "that phone can no longer send (x again to let it)",
	PhoneUnmuted:   "that phone can send again",
	KeyJoin:        "phones: open / close joining",
	JoinOpened:     "phones can join: %s",
	JoinClosed:     "joining closed: the phone page no longer listens",

	KeyPhoneVote:  "phones: open / close voting",
	KeyPhoneDots:  "dots per phone",
	KeyPhoneCrowd: "phones: write → score → close",
	NoPhones:      "Phones are not connected: start the session with --join.",
	CrowdBusy:     "25/10 is open on the phones; close it on the cards first (ctrl+p).",
	VotingOpened:  "voting open on the phones: %d dots each (< > changes, v closes)",
	VotingClosed:  "voting closed on the phones: their dots stay in the tallies",
	DotsNow:       "%d dots per phone",
	PhoneVoted:    "dots from phones saved",
	PhoneCards:    "cards and scores from phones saved",
	WritingOpened: "phones write their bold idea and first step (ctrl+p: start scoring)",
	ScoringOpened: "phones score the cards handed to them (ctrl+p: close)",
	CrowdClosed:   "25/10 closed on the phones: cards and scores stay",
	RoomVoting:    "Voting is open: %d dots on your phone",
	RoomWriting:   "25/10: write your bold idea on your phone · %d in",
	RoomScoring:   "25/10: score on your phone · %d/%d scores in",
	RoomScored:    "25/10: every score is in",
	PhoneMark:     "☎",
}

var phoneNL = Phone{
	Title:     "liberate · meedoen",
	Join:      "Doe mee met je telefoon",
	CodeLabel: "Code",
	NotesIn:   [2]string{"%d notitie binnen", "%d notities binnen"},
	Closed:    "Er staat nu niets open.",
	KeepOpen:  "Laat deze pagina open: ze volgt de zaal vanzelf.",
	Saved:     "bewaard ✓",
	Send:      "Versturen",
	YourKind: map[string]string{
		"frustration": "Jouw frustratie",
		"idea":        "Jouw idee",
		"action":      "Jouw volgende stap",
		"note":        "Jouw notitie",
	},
	Overtime:  "uitloop",
	Paused:    "gepauzeerd",
	TooLong:   "Dat is te lang: hoogstens %d tekens.",
	Empty:     "Typ eerst iets voor je verstuurt.",
	Muted:     "De facilitator heeft invoer van deze telefoon gepauzeerd.",
	Again:     "Open de link om mee te doen opnieuw om vanaf deze telefoon te versturen.",
	Slow:      "Niet zo snel: wacht even en verstuur opnieuw.",
	Full:      "Er volgen nu te veel telefoons de zaal; herlaad de pagina over een minuut.",
	NotOpen:   "Dat is nu gesloten; de pagina toont wat open staat.",
	Failed:    "Niet bewaard: de laptop van de facilitator kon het niet opslaan. Verstuur het opnieuw.",
	NoScript:  "Herlaad de pagina om te zien waar de zaal nu mee bezig is.",
	VoteTitle: "Verdeel je %d stippen over de thema's",
	VoteSend:  "Stemmen",
	VoteSaved: "bewaard ✓ (%d stippen)",
	VoteOver:  "Dat zijn meer dan %d stippen; haal er een paar weg.",

	IdeaTitle:     "Schrijf je gedurfde idee op",
	IdeaLabel:     "Jouw gedurfde idee",
	IdeaStepLabel: "De eerste stap (mag leeg)",
	IdeaSaved:     "bewaard ✓",
	IdeaHave:      "Je idee is binnen. Wacht op de scorerondes.",
	ScoreTitle:    "Geef dit idee een score",
	ScoreRound:    "Ronde %d/%d",
	ScoreSaved:    "bewaard ✓",
	ScoreDone:     "Je hebt al je kaarten gescoord. Bedankt!",
	ScoreNoIdea:   "Scoren is voor de telefoons die een idee schreven.",
	ScoreHint:     "1 = niets voor ons · 5 = doen we",

	ExportFromPhones: "%d van de %d notities kwamen van telefoons",

	ConsoleArrived: "☎ %d nieuw van telefoons",
	ConsoleMark:    "☎",
	KeyReveal:      "toon de zaal",
	KeyMutePhone:   "telefoon dempen",
	Revealed:       "getoond aan de zaal",
	Unrevealed:     "teruggenomen van de zaal",
	PhoneMuted:     "die telefoon kan niet meer versturen (nogmaals x om het weer toe te laten)",
	PhoneUnmuted:   "die telefoon kan weer versturen",
	KeyJoin:        "telefoons: meedoen openen / sluiten",
	JoinOpened:     "telefoons kunnen meedoen: %s",
	JoinClosed:     "meedoen gesloten: de telefoonpagina luistert niet meer",

	KeyPhoneVote:  "telefoons: stemmen openen / sluiten",
	KeyPhoneDots:  "stippen per telefoon",
	KeyPhoneCrowd: "telefoons: schrijven → scoren → sluiten",
	NoPhones:      "Er zijn geen telefoons verbonden: start de sessie met --join.",
	CrowdBusy:     "25/10 staat open op de telefoons; sluit het eerst bij de kaarten (ctrl+p).",
	VotingOpened:  "stemmen open op de telefoons: %d stippen elk (< > wijzigt, v sluit)",
	VotingClosed:  "stemmen gesloten op de telefoons: hun stippen blijven in de telling",
	DotsNow:       "%d stippen per telefoon",
	PhoneVoted:    "stippen van telefoons bewaard",
	PhoneCards:    "kaarten en scores van telefoons bewaard",
	WritingOpened: "telefoons schrijven hun gedurfde idee en eerste stap (ctrl+p: scoren starten)",
	ScoringOpened: "telefoons scoren de kaarten die ze kregen (ctrl+p: sluiten)",
	CrowdClosed:   "25/10 gesloten op de telefoons: kaarten en scores blijven",
	RoomVoting:    "Het stemmen is open: %d stippen op je telefoon",
	RoomWriting:   "25/10: schrijf je gedurfde idee op je telefoon · %d binnen",
	RoomScoring:   "25/10: scoor op je telefoon · %d/%d scores binnen",
	RoomScored:    "25/10: alle scores zijn binnen",
	PhoneMark:     "☎",
}

// PhoneFor returns the phone page's strings in lang ("en" or "nl"; anything
// else is English).
func PhoneFor(lang string) *Phone {
	if lang == "nl" {
		p := phoneNL
		return &p
	}
	p := phoneEN
	return &p
}

// PhoneLang picks the phone page's language from an Accept-Language header:
// Dutch when Dutch is preferred over English, English otherwise.
func PhoneLang(acceptLanguage string) string {
	bestLang, bestQ := "en", -1.0
	for i, part := range strings.Split(acceptLanguage, ",") {
		if i >= 32 {
			break // a header this long is not a phone's
		}
		tag, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		q := 1.0
		if v, ok := strings.CutPrefix(strings.TrimSpace(params), "q="); ok {
			f, err := strconv.ParseFloat(v, 64)
			if err != nil {
				continue
			}
			q = f
		}
		tag = strings.ToLower(strings.TrimSpace(tag))
		lang := ""
		switch {
		case tag == "nl" || strings.HasPrefix(tag, "nl-"):
			lang = "nl"
		case tag == "en" || strings.HasPrefix(tag, "en-"):
			lang = "en"
		default:
			continue
		}
		if q > bestQ {
			bestLang, bestQ = lang, q
		}
	}
	return bestLang
}
