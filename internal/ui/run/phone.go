package run

import (
	"fmt"

	tea "charm.land/bubbletea/v2"

	"liberate/internal/i18n"
	"liberate/internal/phone"
	"liberate/internal/session"
	"liberate/internal/structure"
	"liberate/internal/textsafe"
)

// JoinInfo is what the room needs to join from a phone: the join URL and
// its code. The zero value means the phone page is not served.
type JoinInfo struct {
	URL, Code string
}

// PhoneRoom is what phones see of the session now, and the step a note
// sent now belongs to.
type PhoneRoom struct {
	State     phone.State
	StepIndex int
	Structure string
	StepPath  string
	Counters  []structure.Counter
}

// PhoneNotesMsg carries notes that phones sent and the store committed:
// the console shows them at once.
type PhoneNotesMsg struct {
	Notes []session.Note
}

// PhoneRoom says what phones may send now: notes of the step's capture
// kind while a capturing step runs (not on the title screen, when blank,
// after the end or on a 25/10 card step, whose cards are typed).
func (r *Screen) PhoneRoom() PhoneRoom {
	snap := r.Snapshot()
	var pr PhoneRoom
	st := &pr.State
	st.Invitation, st.Prompt = snap.Invitation, snap.Prompt
	c := r.Sess.Current()
	if c == nil || r.Sess.Finished {
		st.Title = snap.Structure
		return pr
	}
	st.Title = textsafe.Display(snap.Structure + " · " + c.Label.In(r.com.Catalog.Lang))
	pr.StepIndex, pr.Structure, pr.StepPath = r.Sess.Pos, c.Structure, c.Path
	pr.Counters = append([]structure.Counter(nil), c.Counters...)
	if r.Sess.Started() && !r.blank && c.Capture != structure.CaptureNone && c.Capture != structure.CaptureCard {
		st.Capture = session.KindFor(c.Capture)
	}
	if r.Sess.Timed() && r.Sess.Started() {
		if r.Sess.Paused() {
			st.Paused, st.Left = true, r.Sess.Timer.Left
		} else {
			st.Deadline = r.Sess.Timer.Deadline
		}
	}
	return pr
}

// AddPhoneNotes shows notes that phones sent (already on disk). They are
// not in the undo history: undo takes back what the facilitator did.
func (r *Screen) AddPhoneNotes(notes []session.Note) tea.Cmd {
	added := 0
	for _, n := range notes {
		if _, dup := r.noteByID(n.ID); dup {
			continue
		}
		r.Notes = append(r.Notes, n)
		added++
		if r.Mode == ModeNotes {
			r.sel++ // keep the same note selected
		}
	}
	if added > 0 && !r.statusErr {
		r.SetStatus(fmt.Sprintf(i18n.PhoneFor(r.com.Catalog.Lang).ConsoleArrived, added), false)
	}
	return nil
}

// phoneNotesIn counts the phone notes the room has not been shown.
func (r *Screen) phoneNotesIn() int {
	c := 0
	for _, n := range r.Notes {
		if n.Phone && !n.Deleted && !n.Revealed {
			c++
		}
	}
	return c
}

// PhoneVote is one phone's changed ballot as dots to add to (or, when
// negative, take from) each theme id; Done is called once the change is on
// disk (nil) or failed, and the phone is told so.
type PhoneVote struct {
	Delta map[string]int
	Done  func(error)
}

// PhoneIdea is a 25/10 card written on a phone: the bold idea, then after
// phone.IdeaStepSep its first step. Done gets the card's id once the card is
// on disk, or the error.
type PhoneIdea struct {
	Text string
	Done func(cardID uint64, err error)
}

// PhoneScore is one score of 1–5 a phone gave a 25/10 card.
type PhoneScore struct {
	CardID uint64
	Score  int
	Done   func(error)
}

// PhoneInputMsg carries dots, cards and scores that phones sent; the board
// writes them through its own save path and answers each one.
type PhoneInputMsg struct {
	Votes  []PhoneVote
	Ideas  []PhoneIdea
	Scores []PhoneScore
}
