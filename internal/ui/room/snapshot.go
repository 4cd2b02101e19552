// Package room is what the room sees of a running session: one pure
// function of a Snapshot, a size and a clock, drawn on the single screen of
// `liberate run` and on every projector, so the screens can never disagree.
//
// A Snapshot carries the room's content already resolved to display text
// in the session's language, the step's timer (the countdown is computed
// from its deadline at every frame, so nothing needs sending per second)
// and a bell number that moves when the bell rings. It holds no pointers
// into live state and encodes to JSON as it is.
package room

import (
	"time"

	"liberate/internal/timer"
)

// Snapshot is the room's view of a session at one moment.
type Snapshot struct {
	// Session is the id of the session shown; a projector follows a
	// change of session by it.
	Session string `json:"session"`
	// Lang is the language of the words the view adds (PAUSED, OVERTIME…).
	Lang string `json:"lang"`

	Blank    bool `json:"blank,omitempty"`    // the facilitator blanked the screen
	Finished bool `json:"finished,omitempty"` // past the last step
	Paused   bool `json:"paused,omitempty"`
	Timed    bool `json:"timed"` // the step has a countdown

	// Timer is the running step's countdown; Total the workshop time a
	// finished session took.
	Timer timer.Timer   `json:"timer"`
	Total time.Duration `json:"total,omitempty"`

	// Header: "1-2-4-All (1/3)", "Step 2/4", "Round 1/3", a string item's
	// own title.
	Structure string `json:"structure"`
	Step      string `json:"step"`
	Counters  string `json:"counters,omitempty"`
	Title     string `json:"title,omitempty"`

	// Config is the group configuration in words ("PAIRS"); Groups how to
	// form them ("23 people: 10 pairs and 1 trio"); Label the step label
	// when it adds to the configuration words.
	Config     string `json:"config,omitempty"`
	Groups     string `json:"groups,omitempty"`
	Label      string `json:"label,omitempty"`
	Invitation string `json:"invitation,omitempty"`
	Prompt     string `json:"prompt,omitempty"`
	Captured   int    `json:"captured"`

	// Bell counts the bells rung in this session; Flash is the text shown
	// with the latest one until FlashUntil.
	Bell       uint64    `json:"bell"`
	Flash      string    `json:"flash,omitempty"`
	FlashUntil time.Time `json:"flash_until,omitempty"`

	// Silent is set while the facilitator has muted the bell: screens
	// flash without ringing.
	Silent bool `json:"silent,omitempty"`

	// Show is what the screen shows: the step, or the board's themes, one
	// theme large, or the 25/10 countdown, with its payload.
	Show      Show      `json:"show,omitempty"`
	Themes    []Theme   `json:"themes,omitempty"`
	Focus     Focus     `json:"focus,omitzero"`
	Countdown Countdown `json:"countdown,omitzero"`

	// Join is what the room needs to join from a phone; empty until the
	// phone page is served.
	Join string `json:"join,omitempty"`
	// JoinCode is the join code shown beside the QR code of Join.
	JoinCode string `json:"join_code,omitempty"`
	// NotesIn counts the notes phones sent that the room has not been
	// shown ("12 notes in").
	NotesIn int `json:"notes_in,omitempty"`
	// Phones says what phones may do now besides notes ("Voting is open:
	// 3 dots on your phone"); "" for nothing.
	Phones string `json:"phones,omitempty"`

	// Opening is the title screen before the first step: while people come
	// in, the room sees the session's title and the first invitation.
	Opening *Opening `json:"opening,omitempty"`
	// Review is what the room looks at in a follow-up's review step: the
	// action or theme being reviewed, with its state or scores.
	Review *Review `json:"review,omitempty"`

	// Console is shown only where the facilitator reads along (the single
	// screen); ForRoom drops it for projectors.
	Console Console `json:"console,omitzero"`
}

// Opening is the title screen's text, resolved for display.
type Opening struct {
	Title      string `json:"title"`
	Invitation string `json:"invitation,omitempty"`
	First      string `json:"first,omitempty"` // "First: 1-2-4-All · 12 min"
}

// Review is the item of the review step on screen, resolved for display:
// an action with its owner, due date and the four states (the chosen one
// marked), or a theme with its score then and now.
type Review struct {
	Heading string         `json:"heading"` // "ACTION 2/5", "THEME 1/3"
	Text    string         `json:"text"`
	Detail  string         `json:"detail,omitempty"`  // "Jan · Fri 4 Dec", "then 8 · now 3"
	Ask     string         `json:"ask,omitempty"`     // "How much does this still bother you?"
	Choices []ReviewChoice `json:"choices,omitempty"` // the states of an action
}

// ReviewChoice is one state an action can get, with its key.
type ReviewChoice struct {
	Key     string `json:"key"`
	Name    string `json:"name"`
	Current bool   `json:"current,omitempty"`
}

// Console is the part of a snapshot meant for the facilitator's eyes: key
// hints and the session clock.
type Console struct {
	// Hints say which key to press: paused, untimed, finished, blank and
	// the harvest step.
	PausedHint, UntimedHint, FinishedHint, BlankHint, HarvestHint string `json:",omitempty"`
	// TitleHint says how the title screen gives way to the first step;
	// ReviewHint what a review step without an earlier session needs.
	TitleHint, ReviewHint string `json:",omitempty"`
	// Marks on the right of the header: rehearsal speed, muted bell.
	Rehearsal string `json:",omitempty"`
	Muted     string `json:",omitempty"`
	// The session clock: the planned end, the planned workshop time of
	// the steps after this one, and the rehearsal speed, from which the
	// projected end is worked out at every frame.
	Schedule    bool          `json:",omitempty"`
	PlannedEnd  time.Time     `json:",omitzero"`
	RestPlanned time.Duration `json:",omitempty"`
	Speed       float64       `json:",omitempty"`
}

// ForRoom is the snapshot without what only the facilitator may see.
func (s Snapshot) ForRoom() Snapshot {
	s.Console = Console{}
	return s
}

// Remaining is the countdown at now (negative in overtime).
func (s Snapshot) Remaining(now time.Time) time.Duration { return s.Timer.Remaining(now) }

// Phase is the urgency of the step at now.
func (s Snapshot) Phase(now time.Time) timer.Phase {
	if !s.Timed {
		return timer.PhaseUntimed
	}
	return s.Timer.PhaseAt(now)
}

// TimeText is what the big digits show at now: the time left, the time
// spent on an untimed step, or the total of a finished session.
func (s Snapshot) TimeText(now time.Time) string {
	switch {
	case s.Finished:
		return timer.Format(s.Total)
	case !s.Timed:
		return timer.Format(s.Timer.Elapsed(now))
	}
	return timer.Format(s.Timer.Remaining(now))
}

// ProjectedEnd is when the session ends if the running step ends on time
// (or now, when it is overdue) and every later step runs as planned.
func (c Console) ProjectedEnd(s Snapshot, now time.Time) time.Time {
	left := s.Timer.Remaining(now)
	if left < 0 || !s.Timed {
		left = 0
	}
	d := left + c.RestPlanned
	if c.Speed > 0 && c.Speed != 1 {
		d = time.Duration(float64(d) / c.Speed)
	}
	return now.Round(0).Add(d)
}
