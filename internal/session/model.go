package session

import (
	"time"

	"liberate/internal/cluster"
	"liberate/internal/structure"
	"liberate/internal/timer"
)

// Kind is what a captured note is: a frustration, an idea, an action or a
// plain note. A step gives the default; the facilitator can cycle it.
type Kind string

// Note kinds, in the order the kind key cycles through them.
const (
	KindFrustration Kind = "frustration"
	KindIdea        Kind = "idea"
	KindAction      Kind = "action"
	KindNote        Kind = "note"
)

// Kinds lists the note kinds in cycling order.
var Kinds = []Kind{KindFrustration, KindIdea, KindAction, KindNote}

// Next returns the kind after k in cycling order.
func (k Kind) Next() Kind {
	for i, x := range Kinds {
		if x == k {
			return Kinds[(i+1)%len(Kinds)]
		}
	}
	return KindNote
}

// KindFor maps a step's capture default to a note kind.
func KindFor(c structure.Capture) Kind {
	switch c {
	case structure.CaptureFrustration:
		return KindFrustration
	case structure.CaptureIdea, structure.CaptureCard:
		return KindIdea
	case structure.CaptureAction:
		return KindAction
	default:
		return KindNote
	}
}

// Note is one thing the room said, as the facilitator typed it. Notes are
// never removed from the database: Deleted marks a soft delete that undo
// reverts.
type Note struct {
	ID        uint64              `json:"id"` // unique within the database, assigned by the store
	SessionID string              `json:"session_id"`
	Text      string              `json:"text"`
	Kind      Kind                `json:"kind"`
	StepIndex int                 `json:"step_index"` // index into Session.Plan
	Structure string              `json:"structure"`  // slug
	StepPath  string              `json:"step_path"`
	Counters  []structure.Counter `json:"counters,omitempty"`
	CreatedAt time.Time           `json:"created_at"`
	UpdatedAt time.Time           `json:"updated_at"`
	Deleted   bool                `json:"deleted,omitempty"`
	ClusterID string              `json:"cluster_id,omitempty"` // "" = unclustered
	Pinned    bool                `json:"pinned,omitempty"`     // placed by hand on the board
	Votes     int                 `json:"votes,omitempty"`
	Harvest   bool                `json:"harvest,omitempty"` // logged by the harvester, not voiced aloud
	Owner     string              `json:"owner,omitempty"`   // who does an action; "" = nobody yet
	Due       string              `json:"due,omitempty"`     // when an action is due, YYYY-MM-DD; "" = no date

	// Phone marks a note a participant sent from a phone (internal/phone).
	// It reaches the room only once the facilitator reveals it.
	Phone bool `json:"phone,omitempty"`
	// Seat is the sending phone's keyed seat hash: notes of one phone share
	// it (so the facilitator can mute that phone), but the key is discarded
	// when the session ends, so it never leads back to a phone or a person.
	Seat     string `json:"seat,omitempty"`
	Revealed bool   `json:"revealed,omitempty"` // a phone note the facilitator showed the room
	Hidden   bool   `json:"hidden,omitempty"`   // taken away from the room by the facilitator (undoable)
}

// RoomSees reports whether the room may see the note: not deleted, not
// hidden, and revealed when it came from a phone.
func (n Note) RoomSees() bool {
	return !n.Deleted && !n.Hidden && (!n.Phone || n.Revealed)
}

// Cluster is a theme on the board: a label and the notes placed in it
// (Note.ClusterID points here).
type Cluster struct {
	ID    string   `json:"id"`
	Label string   `json:"label"`
	Named bool     `json:"named,omitempty"` // renamed by the facilitator: re-clustering keeps the label
	Order int      `json:"order"`
	Votes int      `json:"votes,omitempty"`
	Terms []string `json:"terms,omitempty"` // why the notes belong together
	// Why is what the theme's notes share, strongest first, as the
	// clustering found it (at most three terms).
	Why []string `json:"why,omitempty"`
	// Pillar says whether the theme is about people, process or
	// technology: suggested by the clustering, changed on the board.
	Pillar cluster.Pillar `json:"pillar,omitempty"`
	// PillarSet marks a pillar chosen by the facilitator: re-clustering
	// keeps it.
	PillarSet bool `json:"pillar_set,omitempty"`
}

// Card is a 25/10 Crowd Sourcing card: a bold idea, its first step and up to
// five scores of 1–5.
type Card struct {
	ID        uint64 `json:"id"`
	Number    int    `json:"number"` // the number written on the paper card
	Idea      string `json:"idea"`
	FirstStep string `json:"first_step,omitempty"`
	Scores    []int  `json:"scores,omitempty"`
}

// Total is the card's 25/10 score: the sum of five scores, or the average
// times five when a card has fewer (or more) than five scores.
func (c Card) Total() float64 {
	if len(c.Scores) == 0 {
		return 0
	}
	sum := 0
	for _, s := range c.Scores {
		sum += s
	}
	if len(c.Scores) == 5 {
		return float64(sum)
	}
	return float64(sum) / float64(len(c.Scores)) * 5
}

// EventType names what happened in a session's timeline.
type EventType string

// Timeline event types.
const (
	EventStarted        EventType = "session_started"
	EventStepStart      EventType = "step_started"
	EventStepEnd        EventType = "step_ended"
	EventPaused         EventType = "paused"
	EventResumed        EventType = "resumed"
	EventExtended       EventType = "extended"  // Delta holds the change (+/-)
	EventSkipped        EventType = "skipped"   // moved on before the time was up
	EventBack           EventType = "back"      // moved to the previous step
	EventRepeated       EventType = "repeated"  // cycle repeated
	EventReplanned      EventType = "replanned" // remaining steps re-planned
	EventFinished       EventType = "finished"
	EventNoteAdded      EventType = "note_added"
	EventNoteEdited     EventType = "note_edited"
	EventNoteDeleted    EventType = "note_deleted"
	EventNoteRestored   EventType = "note_restored"
	EventKindChanged    EventType = "kind_changed"
	EventNoteMoved      EventType = "note_moved"
	EventClusterRenamed EventType = "cluster_renamed"
	EventReviewed       EventType = "action_reviewed" // NoteID, Before/After: review states
	EventRescored       EventType = "theme_rescored"  // Before/After: the theme's scores
	EventRenamed        EventType = "session_renamed" // Before/After: the titles
)

// Event is one entry of a session's timeline, stored in order.
type Event struct {
	Seq       uint64        `json:"seq"`
	At        time.Time     `json:"at"`
	Type      EventType     `json:"type"`
	StepIndex int           `json:"step_index"`
	Delta     time.Duration `json:"delta,omitempty"`
	NoteID    uint64        `json:"note_id,omitempty"`
	Before    string        `json:"before,omitempty"` // for undo of edits, kinds, moves, renames
	After     string        `json:"after,omitempty"`
}

// StepRecord is what actually happened in one planned step.
type StepRecord struct {
	Planned   time.Duration `json:"planned"`             // as first planned
	Replanned time.Duration `json:"replanned,omitempty"` // after a re-plan; 0 = unchanged
	Actual    time.Duration `json:"actual"`              // time spent in the step (running, not paused)
	Left      time.Duration `json:"left"`                // time left when the step was last left; negative = overtime
	Visited   bool          `json:"visited"`
}

// Session is a workshop as run: what was planned, where it stands and the
// timer of the running step. It is saved after every change so `resume`
// continues at the right second.
type Session struct {
	ID           string                  `json:"id"`
	Title        string                  `json:"title"`
	Invitation   string                  `json:"invitation,omitempty"`
	Lang         string                  `json:"lang"`
	Slugs        []string                `json:"slugs"`
	Participants int                     `json:"participants,omitempty"`
	Speed        float64                 `json:"speed,omitempty"` // rehearsal factor; 0 or 1 = real time
	CreatedAt    time.Time               `json:"created_at"`
	UpdatedAt    time.Time               `json:"updated_at"`
	StartedAt    time.Time               `json:"started_at,omitempty"`
	Plan         []structure.PlannedStep `json:"plan"`
	Records      []StepRecord            `json:"records"`
	Pos          int                     `json:"pos"`
	Timer        timer.Timer             `json:"timer"`
	Muted        bool                    `json:"muted,omitempty"`
	Finished     bool                    `json:"finished,omitempty"`
	FinishedAt   time.Time               `json:"finished_at,omitempty"`
	Cards        []Card                  `json:"cards,omitempty"`

	// FollowUp is the id of the earlier session this one follows up; a
	// chain of follow-ups is a series.
	FollowUp string `json:"follow_up,omitempty"`
	// Review is the earlier session's actions, walked in the review step.
	Review []ActionReview `json:"review,omitempty"`
	// Rescores is the earlier session's top themes, scored again.
	Rescores []ThemeScore `json:"rescores,omitempty"`
	// ReviewPos is where the review walk stands, so it resumes there:
	// 0…len(Review)-1 on an action, then len(Review)+i on theme i.
	ReviewPos int `json:"review_pos,omitempty"`
	// Rehearsal marks a trial run (every --speed run is one): it is listed
	// as such and never part of a series.
	Rehearsal bool `json:"rehearsal,omitempty"`
	// PlanStart is the clock time the workshop is planned to start
	// (--start 09:30); zero when no clock was given.
	PlanStart time.Time `json:"plan_start,omitzero"`
	// DeletedAt marks a session deleted in this run of liberate: hidden
	// everywhere, restorable until liberate exits, then purged.
	DeletedAt time.Time `json:"deleted_at,omitzero"`
}
