package run

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"liberate/internal/action"
	"liberate/internal/i18n"
	"liberate/internal/session"
	"liberate/internal/textsafe"
	"liberate/internal/ui/layout"
	"liberate/internal/ui/room"
)

// reviewStateKeys are the one-key states of an action in the review step,
// in the order of session.ReviewStates.
var reviewStateKeys = []string{"1", "2", "3", "4"}

// reviewActive reports whether the keys walk the review: the running step
// is a follow-up's review step and there is something to review.
func (r *Screen) reviewActive() bool {
	c := r.Sess.Current()
	return r.Mode == ModeRun && c != nil && c.Review && r.Sess.Started() && !r.Sess.Finished && r.Sess.ReviewLen() > 0
}

// reviewPos is the walk's position, kept inside the list.
func (r *Screen) reviewPos() int {
	p := r.Sess.ReviewPos
	if p < 0 {
		p = 0
	}
	if n := r.Sess.ReviewLen(); p >= n {
		p = n - 1
	}
	return p
}

// handleReviewKey walks the review with the clicker and gives an action
// its state (1–4) or a theme its new tally (digits and Enter, + and -).
// Past the last item the clicker goes on to the next step, before the
// first one back to the previous step.
func (r *Screen) handleReviewKey(msg tea.KeyPressMsg) (tea.Cmd, bool) {
	k := r.keys
	pos := r.reviewPos()
	onTheme := pos >= len(r.Sess.Review)
	now := r.com.Now
	ks := msg.String()
	switch {
	case key.Matches(msg, k.Next):
		commit := r.commitTally(pos)
		if pos+1 >= r.Sess.ReviewLen() {
			if commit != nil {
				return commit, true
			}
			return nil, false // on to the next step
		}
		r.Sess.ReviewPos = pos + 1
		return tea.Batch(commit, r.PersistNow(nil)), true
	case key.Matches(msg, k.Back):
		commit := r.commitTally(pos)
		if pos == 0 {
			if commit != nil {
				return commit, true
			}
			return nil, false
		}
		r.Sess.ReviewPos = pos - 1
		return tea.Batch(commit, r.PersistNow(nil)), true
	case !onTheme:
		for i, sk := range reviewStateKeys {
			if ks == sk {
				return r.setReview(pos, session.ReviewStates[i], now), true
			}
		}
	case onTheme && len(ks) == 1 && ks[0] >= '0' && ks[0] <= '9':
		if len(r.tally) < 4 {
			r.tally += ks
		}
		return nil, true
	case onTheme && ks == "backspace":
		if r.tally != "" {
			r.tally = r.tally[:len(r.tally)-1]
		}
		return nil, true
	case onTheme && ks == "enter" && r.tally != "":
		return r.commitTally(pos), true
	case onTheme && (ks == "esc") && r.tally != "":
		r.tally = ""
		return nil, true
	case onTheme && (key.Matches(msg, k.Plus) || key.Matches(msg, k.Minus)):
		t := r.Sess.Rescores[pos-len(r.Sess.Review)]
		v := t.Before
		if t.Scored {
			v = t.After
		}
		if key.Matches(msg, k.Plus) {
			v++
		} else {
			v--
		}
		r.tally = ""
		return r.setRescore(pos-len(r.Sess.Review), v, now), true
	}
	return nil, false
}

// commitTally records the typed tally of the theme at pos, if any.
func (r *Screen) commitTally(pos int) tea.Cmd {
	if r.tally == "" || pos < len(r.Sess.Review) {
		r.tally = ""
		return nil
	}
	v, err := strconv.Atoi(r.tally)
	r.tally = ""
	if err != nil {
		return nil
	}
	return r.setRescore(pos-len(r.Sess.Review), v, r.com.Now)
}

func (r *Screen) setReview(i int, st session.ReviewState, now time.Time) tea.Cmd {
	op, ev, ok := r.Sess.SetReview(i, st, now)
	if !ok {
		return nil
	}
	name := stateName(st, r.com.Catalog.FollowUp)
	op.Label = layout.Clip(r.Sess.Review[i].Text, 24) + ": " + name
	r.com.History.Push(op)
	r.SetStatus(fmt.Sprintf(r.com.Catalog.FollowUp.ReviewSaved, name), false)
	return r.PersistNow([]session.Event{ev})
}

func (r *Screen) setRescore(i, v int, now time.Time) tea.Cmd {
	op, ev, ok := r.Sess.SetRescore(i, v, now)
	if !ok {
		return nil
	}
	t := r.Sess.Rescores[i]
	op.Label = layout.Clip(t.Label, 24) + ": " + strconv.Itoa(t.After)
	r.com.History.Push(op)
	r.SetStatus(fmt.Sprintf(r.com.Catalog.FollowUp.ReviewSaved, op.Label), false)
	return r.PersistNow([]session.Event{ev})
}

// stateName is the catalogue name of a review state.
func stateName(st session.ReviewState, c i18n.FollowUp) string { return c.StateName(string(st)) }

// reviewSnapshot is what the room sees of the review's current item.
func (r *Screen) reviewSnapshot() *room.Review {
	fu := r.com.Catalog.FollowUp
	pos := r.reviewPos()
	if pos < len(r.Sess.Review) {
		a := r.Sess.Review[pos]
		rv := &room.Review{Heading: fmt.Sprintf(fu.ReviewAction, pos+1, len(r.Sess.Review)), Text: textsafe.Display(a.Text)}
		var detail []string
		if a.Owner != "" {
			detail = append(detail, textsafe.Display(a.Owner))
		}
		if d, ok := action.ParseDate(a.Due, time.Local); ok {
			detail = append(detail, action.ShortDate(d, fu, r.com.Now))
		}
		rv.Detail = strings.Join(detail, " · ")
		for i, st := range session.ReviewStates {
			rv.Choices = append(rv.Choices, room.ReviewChoice{Key: reviewStateKeys[i], Name: stateName(st, fu), Current: a.State == st})
		}
		return rv
	}
	i := pos - len(r.Sess.Review)
	t := r.Sess.Rescores[i]
	now := fu.NotScored
	switch {
	case r.tally != "":
		now = r.tally + "…"
	case t.Scored:
		now = strconv.Itoa(t.After)
	}
	return &room.Review{
		Heading: fmt.Sprintf(fu.ReviewTheme, i+1, len(r.Sess.Rescores)),
		Ask:     fu.StillBothers,
		Text:    textsafe.Display(t.Label),
		Detail:  fmt.Sprintf(fu.BeforeNow, t.Before, now),
	}
}

// reviewHelp is the help line of the review step: the state keys on an
// action, the tally keys on a theme, and the walk.
func (r *Screen) reviewHelp() []key.Binding {
	k, fu := r.keys, r.com.Catalog.FollowUp
	var first key.Binding
	if r.reviewPos() < len(r.Sess.Review) {
		// "1 done · 2 under way · …": the first key, then the rest.
		k1, rest, _ := strings.Cut(fu.KeyStates, " ")
		first = key.NewBinding(key.WithKeys("1", "2", "3", "4"), key.WithHelp(k1, rest))
	} else {
		k1, rest, _ := strings.Cut(fu.KeyTally, " ")
		first = key.NewBinding(key.WithKeys("0"), key.WithHelp(k1, rest))
	}
	return []key.Binding{first, layout.WithHelp(k.Next, "→/pgdn", fu.KeyWalk), k.Back, k.Pause, k.Capture, k.Undo, k.Help, k.Quit}
}

// actionLine is a note as the capture line shows it for editing: an
// action with its owner and due date in the words Parse reads back
// ("Jan: leverancier bellen @2026-12-04").
func actionLine(n session.Note) string {
	if n.Kind != session.KindAction {
		return n.Text
	}
	s := n.Text
	if n.Owner != "" {
		s = n.Owner + ": " + s
	}
	if n.Due != "" {
		s += " @" + n.Due
	}
	return s
}

// sayBack is the line above the capture line that says what an action's
// owner and date were understood as, before Enter saves it.
func (r *Screen) sayBack(width int) string {
	kind := r.Kind
	if r.editing != 0 {
		if n, ok := r.noteByID(r.editing); ok {
			kind = n.Kind
		}
	}
	if kind != session.KindAction {
		return ""
	}
	p := action.Parse(r.Input.Value(), r.com.Now)
	if p.Owner == "" && !p.HasDue() {
		return ""
	}
	fu := r.com.Catalog.FollowUp
	text := fu.Understood + action.Describe(p, fu, r.com.Now)
	return r.com.Styles.Info.Render(ansi.Truncate(textsafe.Display(text), width, "…"))
}

// SetAction gives note id the owner, due date and text of line, read the
// way the capture line reads an action ("Jan: leverancier bellen @vr"),
// and makes it an action. The board uses it to add an owner and a date
// later; it is saved and undone like every edit of a note.
func (r *Screen) SetAction(id uint64, line string) tea.Cmd {
	old, ok := r.noteByID(id)
	if !ok {
		return nil
	}
	text, _, err := textsafe.Note(line)
	if err != nil {
		r.SetStatus(r.com.Catalog.Run.Empty, true)
		return nil
	}
	now := r.com.Now
	p := action.Parse(text, now)
	n := old
	n.Kind, n.Text, n.Owner, n.Due = session.KindAction, p.Text, p.Owner, p.DueDate()
	if n.Kind == old.Kind && n.Text == old.Text && n.Owner == old.Owner && n.Due == old.Due {
		return nil
	}
	n.UpdatedAt = now
	st, sid := r.com.Store, r.Sess.ID
	r.Pending++
	return func() tea.Msg {
		err := st.UpdateNote(&n)
		if err == nil {
			err = st.AppendEvent(sid, &session.Event{At: now, Type: session.EventNoteEdited, StepIndex: n.StepIndex, NoteID: n.ID, Before: actionLine(old), After: actionLine(n)})
		}
		return NoteSavedMsg{note: n, err: err, edit: true, label: old.Text}
	}
}

// ActionLine is a note as it is typed to edit it: an action with its owner
// and due date ("Jan: leverancier bellen @2026-12-04"), other notes as text.
func ActionLine(n session.Note) string { return actionLine(n) }

// ownerText is " · Jan · vr 4 dec" after an action with an owner or a due
// date, so the recent notes show what was understood.
func (r *Screen) ownerText(n session.Note) string {
	var parts []string
	if n.Owner != "" {
		parts = append(parts, n.Owner)
	}
	if d, ok := action.ParseDate(n.Due, time.Local); ok {
		parts = append(parts, action.ShortDate(d, r.com.Catalog.FollowUp, r.com.Now))
	}
	if len(parts) == 0 {
		return ""
	}
	return " · " + strings.Join(parts, " · ")
}
