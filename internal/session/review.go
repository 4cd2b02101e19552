package session

import (
	"cmp"
	"slices"
	"strconv"
	"time"
)

// ReviewState is what became of an action by the follow-up session.
type ReviewState string

// Review states, in the order the review keys list them. ReviewOpen is an
// action not reviewed yet.
const (
	ReviewOpen     ReviewState = ""
	ReviewDone     ReviewState = "done"
	ReviewUnderWay ReviewState = "under_way"
	ReviewStuck    ReviewState = "stuck"
	ReviewDropped  ReviewState = "dropped"
)

// ReviewStates lists the states a facilitator can give an action.
var ReviewStates = []ReviewState{ReviewDone, ReviewUnderWay, ReviewStuck, ReviewDropped}

// String names the state for logs and files ("open" when not reviewed).
func (r ReviewState) String() string {
	if r == ReviewOpen {
		return "open"
	}
	return string(r)
}

// Valid reports whether r is one of the known states (open included).
func (r ReviewState) Valid() bool {
	return r == ReviewOpen || slices.Contains(ReviewStates, r)
}

// Carries reports whether an action in this state comes back in the next
// follow-up: open, under way and stuck ones do; done and dropped ones are
// settled.
func (r ReviewState) Carries() bool {
	return r == ReviewOpen || r == ReviewUnderWay || r == ReviewStuck
}

// ActionReview is one action of an earlier session as reviewed in a
// follow-up. Text, owner and due date are copied, so the review reads the
// same when the earlier session is deleted.
type ActionReview struct {
	NoteID uint64      `json:"note_id"`
	From   string      `json:"from"` // id of the session the action was agreed in
	Text   string      `json:"text"`
	Owner  string      `json:"owner,omitempty"`
	Due    string      `json:"due,omitempty"`
	State  ReviewState `json:"state,omitempty"`
	At     time.Time   `json:"at,omitzero"` // when the state was last set
}

// ThemeScore is a theme of an earlier session scored again in a follow-up:
// "how much does this still bother you?" as a dot-vote tally.
type ThemeScore struct {
	ClusterID string `json:"cluster_id"`
	From      string `json:"from"` // id of the session the theme was found in
	Label     string `json:"label"`
	Before    int    `json:"before"`           // its votes then
	After     int    `json:"after"`            // its votes now
	Scored    bool   `json:"scored,omitempty"` // After was entered
}

// Fell reports whether the theme bothers the room less than before.
func (t ThemeScore) Fell() bool { return t.Scored && t.After < t.Before }

// MaxRescoreThemes is how many top themes a follow-up scores again.
const MaxRescoreThemes = 5

// ReviewItems is what a follow-up of prev reviews: prev's live actions in
// capture order, then the actions prev itself reviewed that are still open,
// under way or stuck (so an action follows the series until it is settled).
func ReviewItems(prev *Session, prevNotes []Note) []ActionReview {
	var out []ActionReview
	for _, r := range prev.Review {
		if r.State.Carries() {
			r.State, r.At = ReviewOpen, time.Time{}
			out = append(out, r)
		}
	}
	var acts []Note
	for _, n := range prevNotes {
		if !n.Deleted && n.Kind == KindAction {
			acts = append(acts, n)
		}
	}
	slices.SortStableFunc(acts, func(a, b Note) int {
		return cmp.Or(a.CreatedAt.Compare(b.CreatedAt), cmp.Compare(a.ID, b.ID))
	})
	own := make([]ActionReview, 0, len(acts))
	for _, n := range acts {
		own = append(own, ActionReview{NoteID: n.ID, From: prev.ID, Text: n.Text, Owner: n.Owner, Due: n.Due})
	}
	return append(own, out...)
}

// ThemeVotes is a theme's total: the votes on the theme plus on its live
// notes, and how many live notes it holds.
func ThemeVotes(c Cluster, notes []Note) (votes, count int) {
	votes = c.Votes
	for _, n := range notes {
		if !n.Deleted && n.ClusterID == c.ID && c.ID != "" {
			votes += n.Votes
			count++
		}
	}
	return votes, count
}

// RescoreThemes is what a follow-up of prev scores again: when prev scored
// themes itself, those themes again (so a frustration found in the first
// workshop is followed through the series), else prev's top themes by votes
// (then by notes), at most MaxRescoreThemes, only themes holding notes.
func RescoreThemes(prev *Session, clusters []Cluster, notes []Note) []ThemeScore {
	if len(prev.Rescores) > 0 {
		out := make([]ThemeScore, 0, len(prev.Rescores))
		for _, t := range prev.Rescores {
			if t.Scored {
				t.Before = t.After
			}
			t.After, t.Scored = 0, false
			out = append(out, t)
		}
		return out
	}
	type ranked struct {
		c            Cluster
		votes, count int
	}
	var rs []ranked
	for _, c := range clusters {
		v, n := ThemeVotes(c, notes)
		if n > 0 {
			rs = append(rs, ranked{c, v, n})
		}
	}
	slices.SortStableFunc(rs, func(a, b ranked) int {
		return cmp.Or(cmp.Compare(b.votes, a.votes), cmp.Compare(b.count, a.count), cmp.Compare(a.c.Order, b.c.Order))
	})
	if len(rs) > MaxRescoreThemes {
		rs = rs[:MaxRescoreThemes]
	}
	out := make([]ThemeScore, 0, len(rs))
	for _, r := range rs {
		out = append(out, ThemeScore{ClusterID: r.c.ID, From: prev.ID, Label: r.c.Label, Before: r.votes})
	}
	return out
}

// LinkFollowUp makes s a follow-up of prev: it records the link and what
// the review step walks.
func (s *Session) LinkFollowUp(prev *Session, prevNotes []Note, prevClusters []Cluster) {
	s.FollowUp = prev.ID
	s.Review = ReviewItems(prev, prevNotes)
	s.Rescores = RescoreThemes(prev, prevClusters, prevNotes)
	s.ReviewPos = 0
}

// ReviewLen is the number of positions of the review walk: every action,
// then every theme.
func (s *Session) ReviewLen() int { return len(s.Review) + len(s.Rescores) }

// SetReview gives action i a state and returns the undoable change and the
// timeline event; ok is false when i is out of range, the state is unknown
// or already set.
func (s *Session) SetReview(i int, st ReviewState, now time.Time) (Op, Event, bool) {
	if i < 0 || i >= len(s.Review) || !st.Valid() || s.Review[i].State == st {
		return Op{}, Event{}, false
	}
	before := s.Review[i].State
	s.Review[i].State = st
	s.Review[i].At = now.Round(0)
	s.UpdatedAt = now
	op := Op{Type: OpReview, Index: i, StateBefore: string(before), StateAfter: string(st)}
	ev := Event{At: now, Type: EventReviewed, StepIndex: s.Pos, NoteID: s.Review[i].NoteID, Before: before.String(), After: st.String()}
	return op, ev, true
}

// SetRescore records theme i's new tally (clamped at 0) and returns the
// undoable change and the timeline event; ok is false when i is out of
// range or nothing changes.
func (s *Session) SetRescore(i, after int, now time.Time) (Op, Event, bool) {
	if i < 0 || i >= len(s.Rescores) {
		return Op{}, Event{}, false
	}
	if after < 0 {
		after = 0
	}
	t := &s.Rescores[i]
	if t.Scored && t.After == after {
		return Op{}, Event{}, false
	}
	before := -1
	if t.Scored {
		before = t.After
	}
	t.After, t.Scored = after, true
	s.UpdatedAt = now
	op := Op{Type: OpRescore, Index: i, ScoreBefore: before, ScoreAfter: after}
	ev := Event{At: now, Type: EventRescored, StepIndex: s.Pos, Before: scoreText(before), After: scoreText(after)}
	return op, ev, true
}

func scoreText(n int) string {
	if n < 0 {
		return ""
	}
	return strconv.Itoa(n)
}

// RevertReview undoes (or, with redo, applies again) a review or re-score
// change; it reports whether op was one.
func (s *Session) RevertReview(op Op, redo bool, now time.Time) bool {
	switch op.Type {
	case OpReview:
		if op.Index < 0 || op.Index >= len(s.Review) {
			return false
		}
		st := ReviewState(op.StateBefore)
		if redo {
			st = ReviewState(op.StateAfter)
		}
		s.Review[op.Index].State = st
		s.Review[op.Index].At = now.Round(0)
	case OpRescore:
		if op.Index < 0 || op.Index >= len(s.Rescores) {
			return false
		}
		v := op.ScoreBefore
		if redo {
			v = op.ScoreAfter
		}
		t := &s.Rescores[op.Index]
		if v < 0 {
			t.After, t.Scored = 0, false
		} else {
			t.After, t.Scored = v, true
		}
	default:
		return false
	}
	s.UpdatedAt = now
	return true
}

// PlanClock is the planned clock time of step i: PlanStart plus the
// minutes first planned for the steps before it. ok is false without a
// PlanStart.
func (s *Session) PlanClock(i int) (time.Time, bool) {
	if s.PlanStart.IsZero() || i < 0 || i > len(s.Plan) {
		return time.Time{}, false
	}
	t := s.PlanStart
	for j := 0; j < i && j < len(s.Records); j++ {
		t = t.Add(s.Records[j].Planned)
	}
	return t, true
}
