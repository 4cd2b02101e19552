package export

import (
	"time"

	"liberate/internal/cluster"
	"liberate/internal/session"
	"liberate/internal/structure"
)

// cet is the zone of the workshop in the fixtures.
var cet = time.FixedZone("CET", 3600)

// at is a time on the workshop morning.
func at(h, m, s int) time.Time { return time.Date(2026, 3, 12, h, m, s, 0, cet) }

// hostile is a note typed (or pasted) to break the terminal and the export.
const hostile = "\x1b]2;PWNED\x07\x1b[2J**bold** | pipe <script>alert(1)</script> [link](http://x) # heading"

// irritationSession is a realistic 1-2-4-All irritation brainstorm about a
// new CRM: four steps, the fours step extended by a minute, notes of every
// kind, a hostile note, a deleted note, a note outside the plan, two
// clusters with votes and thirteen 25/10 cards with averages and ties.
func irritationSession() Data {
	name := structure.Text{EN: "1-2-4-All", NL: "1-2-4-All"}
	inv := structure.Text{
		EN: "Which daily task costs you the most time since the new CRM?",
		NL: "Welke dagelijkse taak kost je sinds het nieuwe CRM de meeste tijd?",
	}
	step := func(n int, label, labelNL string, cfg structure.Config, min float64, cap structure.Capture) structure.PlannedStep {
		d := time.Duration(min * float64(time.Minute))
		return structure.PlannedStep{
			Structure: "1-2-4-all", StructureName: name, StructureIndex: 0, StructureCount: 1,
			Invitation: inv, Path: string(rune('0' + n)), Number: n, Total: 4,
			Label: structure.Text{EN: label, NL: labelNL}, Config: cfg,
			Planned: d, Min: d, Max: d, Timed: true, Capture: cap,
		}
	}
	plan := []structure.PlannedStep{
		step(1, "Alone: note your frustrations", "Alleen: noteer je frustraties", structure.ConfigAlone, 1, structure.CaptureNone),
		step(2, "Pairs: build on each other", "Tweetallen: bouw op elkaar voort", structure.ConfigPairs, 2, structure.CaptureNone),
		step(3, "Fours: similarities and differences", "Viertallen: overeenkomsten en verschillen", structure.ConfigFours, 4, structure.CaptureNone),
		step(4, "All: one frustration per group", "Allen: één frustratie per groep", structure.ConfigWhole, 5, structure.CaptureFrustration),
	}
	plan[3].Counters = []structure.Counter{{Kind: "cycle", I: 1}}
	plan[2].Planned = 5 * time.Minute // extended by a minute in the room

	s := &session.Session{
		ID: "s-2026-03-12", Title: "Irritation brainstorm: the new CRM",
		Invitation:   "Which daily task costs you the most time since the new CRM?",
		Lang:         "en",
		Slugs:        []string{"1-2-4-all"},
		Participants: 23,
		CreatedAt:    at(9, 25, 0),
		UpdatedAt:    at(9, 47, 0),
		Plan:         plan,
		Records: []session.StepRecord{
			{Planned: 1 * time.Minute, Actual: 70 * time.Second, Visited: true},
			{Planned: 2 * time.Minute, Actual: 2 * time.Minute, Visited: true},
			{Planned: 4 * time.Minute, Actual: 5*time.Minute + 20*time.Second, Visited: true},
			{Planned: 5 * time.Minute, Actual: 6*time.Minute + 30*time.Second, Visited: true},
		},
		Pos:        3,
		Finished:   true,
		FinishedAt: at(9, 47, 0),
		Cards: []session.Card{
			{ID: 1, Number: 1, Idea: "One customer list for the whole company", FirstStep: "Export both lists on Monday", Scores: []int{5, 5, 5, 5, 4}},
			{ID: 2, Number: 2, Idea: "Quotes only in the CRM", FirstStep: "Remove the Excel template", Scores: []int{5, 5, 4, 5}},
			{ID: 3, Number: 3, Idea: "A CRM buddy per team", FirstStep: "Ask for volunteers", Scores: []int{4, 4, 4, 4, 4}},
			{ID: 4, Number: 4, Idea: "Stop the Friday report | or automate it", FirstStep: "Ask who reads it", Scores: []int{3, 4, 4, 4, 5}},
			{ID: 5, Number: 5, Idea: "Single sign-on", FirstStep: "Mail IT today", Scores: []int{4, 3, 4, 4}},
			{ID: 6, Number: 6, Idea: "Weekly 10-minute tip", FirstStep: "Pick the first tip", Scores: []int{3, 3, 3, 3, 3}},
			{ID: 7, Number: 7, Idea: "Fewer mandatory fields", FirstStep: "List them", Scores: []int{2, 3, 3, 3, 3}},
			{ID: 8, Number: 8, Idea: "Mobile app for field staff", FirstStep: "Try the demo", Scores: []int{3, 3, 2, 3, 2}},
			{ID: 9, Number: 9, Idea: "Dashboard on the wall", FirstStep: "Find a screen", Scores: []int{2, 2, 2, 3, 3}},
			{ID: 10, Number: 10, Idea: "Shared inbox rules", FirstStep: "Write three rules", Scores: []int{2, 2, 2, 2, 3}},
			{ID: 11, Number: 11, Idea: "=Training videos", FirstStep: "Record one", Scores: []int{3, 2, 2, 2, 2}},
			{ID: 12, Number: 12, Idea: "Paper forms back", FirstStep: "Print a form", Scores: []int{1, 1, 2, 2, 2}},
			{ID: 13, Number: 13, Idea: "Card never scored", FirstStep: "Nothing"},
		},
	}

	note := func(id uint64, kind session.Kind, stepIndex int, text string, minute int) session.Note {
		n := session.Note{
			ID: id, SessionID: s.ID, Text: text, Kind: kind, StepIndex: stepIndex,
			Structure: "1-2-4-all", CreatedAt: at(9, minute, int(id)), UpdatedAt: at(9, minute, int(id)),
		}
		if stepIndex >= 0 && stepIndex < len(plan) {
			n.StepPath = plan[stepIndex].Path
			n.Counters = plan[stepIndex].Counters
		}
		return n
	}
	notes := []session.Note{
		note(1, session.KindFrustration, 3, "Customer data is typed in twice: CRM and Excel", 40),
		note(2, session.KindFrustration, 3, "Nobody knows which version of the quote is current", 41),
		note(3, session.KindFrustration, 3, "The login times out every 15 minutes", 41),
		note(4, session.KindIdea, 3, "One shared customer list, owned by sales support", 42),
		note(5, session.KindAction, 3, "Ask IT to extend the session timeout to 2 hours", 43),
		note(6, session.KindNote, 3, "Group 3 wanted more time in fours", 44),
		note(7, session.KindFrustration, 3, hostile, 44),
		note(8, session.KindFrustration, 3, "DELETED-NOTE must not appear", 45),
		note(9, session.KindNote, 99, "Remark after the session: send the slides", 46),
		note(10, session.KindAction, 3, "1. Maria plans a 30-minute demo of the quote module", 45),
		note(11, session.KindIdea, 1, "+1 for a weekly CRM tip", 32),
		note(12, session.KindFrustration, 3, "=SUM(A1:A9) is how we still track hours", 45),
		note(13, session.KindAction, 3, "- Tom checks the licence count", 46),
	}
	notes[0].ClusterID, notes[0].Votes = "c1", 3
	notes[1].ClusterID, notes[1].Votes = "c1", 1
	notes[2].ClusterID, notes[2].Votes = "c2", 2
	notes[3].ClusterID = "c1"
	notes[4].ClusterID = "c2"
	notes[5].Harvest = true
	notes[7].Deleted = true
	notes[7].ClusterID = "c1"
	notes[11].ClusterID = "c1"

	events := []session.Event{
		{Seq: 1, At: at(9, 30, 0), Type: session.EventStarted},
		{Seq: 2, At: at(9, 30, 0), Type: session.EventStepStart, StepIndex: 0},
		{Seq: 3, At: at(9, 34, 30), Type: session.EventExtended, StepIndex: 2, Delta: time.Minute},
		{Seq: 4, At: at(9, 44, 10), Type: session.EventNoteAdded, StepIndex: 3, NoteID: 7},
		{Seq: 5, At: at(9, 45, 0), Type: session.EventNoteEdited, StepIndex: 3, NoteID: 2, Before: "old \x1b[31mtext", After: notes[1].Text},
		{Seq: 6, At: at(9, 47, 0), Type: session.EventFinished, StepIndex: 3},
	}
	clusters := []session.Cluster{
		{ID: "c2", Label: "Logins and timeouts", Order: 0, Terms: []string{"login", "timeout"}, Why: []string{"login", "timeout"}, Pillar: cluster.PillarTechnology},
		{ID: "c1", Label: "Duplicate data & *versions*", Named: true, Order: 1, Votes: 2, Terms: []string{"customer", "excel"}, Why: []string{"customer", "*excel*"}, Pillar: cluster.PillarProcess, PillarSet: true},
		{ID: "c3", Label: "Empty theme", Order: 2},
	}
	return Data{
		Session: s, Notes: notes, Events: events, Clusters: clusters,
		Lang: "en", Now: time.Date(2026, 3, 12, 10, 5, 0, 0, cet),
	}
}
