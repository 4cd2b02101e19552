// Package phone serves the page participants open on their phones during a
// live session: they add notes during capture steps, dot-vote on the
// board's themes and write and score 25/10 cards. The server binds one
// address on the local network, admits only requests that carry the
// session's join code, and hands what phones send to a Sink, which
// acknowledges only after the commit is on disk. It stores nothing about a
// phone but a keyed hash of its random seat cookie.
package phone

import (
	"context"
	"time"

	"liberate/internal/session"
)

// Room tells the server what the room is doing now. It is asked on every
// request and after every Notify, so it must be cheap and safe for
// concurrent use (a snapshot behind an atomic pointer, for example).
type Room interface {
	PhoneState() State
}

// Sink receives what phones send. Every method returns only once the input
// is committed with fsync, or with an error when it is not saved at all.
// seat is the phone's keyed seat hash (see Seats.Hash).
type Sink interface {
	// AddNote saves a note from a phone: it arrives unrevealed, for the
	// facilitator to reveal or hide.
	AddNote(ctx context.Context, text string, kind session.Kind, seat string) error
	// Vote replaces the phone's ballot: dots per theme id (never more
	// dots in all than State.Voting.Dots).
	Vote(ctx context.Context, seat string, ballot map[string]int) error
	// AddIdea saves a phone's 25/10 card and returns its id.
	AddIdea(ctx context.Context, text string, seat string) (cardID uint64, err error)
	// Score adds a score of 1–5 to a card.
	Score(ctx context.Context, cardID uint64, score int, seat string) error
}

// State is what the room does now, as far as phones are concerned.
type State struct {
	Title      string // structure and step, as the room sees them
	Invitation string
	Prompt     string

	// Capture is the kind of note phones may send now; "" means notes are
	// closed.
	Capture session.Kind

	// Deadline is when the step's time is up; zero for an untimed step.
	// While Paused, Left is the time that was left.
	Deadline time.Time
	Paused   bool
	Left     time.Duration

	Voting Voting
	Crowd  Crowd
}

// Voting is the board's dot voting as phones see it.
type Voting struct {
	Open   bool
	Dots   int // per phone
	Themes []Theme
}

// Theme is one theme phones can put dots on.
type Theme struct {
	ID    string
	Label string
}

// CrowdPhase is where 25/10 Crowd Sourcing stands.
type CrowdPhase int

// The phases of 25/10 as phones take part in them.
const (
	CrowdOff     CrowdPhase = iota // no 25/10 now
	CrowdWriting                   // every phone writes its bold idea
	CrowdScoring                   // phones score the cards handed to them
)

// String names the phase.
func (p CrowdPhase) String() string {
	switch p {
	case CrowdWriting:
		return "writing"
	case CrowdScoring:
		return "scoring"
	default:
		return "off"
	}
}

// Crowd is the 25/10 state phones follow.
type Crowd struct {
	Phase CrowdPhase
	// Round is the scoring round the room is in (1–5), so a phone shows
	// the card it holds in that round; 0 lets every phone score its five
	// cards one after the other at its own pace.
	Round int
}

// Progress says how far 25/10 scoring from phones has come: Scored of
// Total scores are in; Done is true the moment the last one arrives (the
// top ten are known then).
type Progress struct {
	Ideas  int
	Scored int
	Total  int
	Done   bool
}
