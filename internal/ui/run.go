package ui

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"liberate/internal/session"
	"liberate/internal/structure"
	"liberate/internal/textsafe"
	"liberate/internal/timer"
	"liberate/internal/ui/bigtext"
)

// runMode is what the run screen's keys currently act on.
type runMode int

const (
	modeRun     runMode = iota // clicker keys drive the session
	modeCapture                // the capture line has focus
	modeNotes                  // a recent note is selected
)

// String names the mode.
func (m runMode) String() string {
	switch m {
	case modeCapture:
		return "capture"
	case modeNotes:
		return "notes"
	default:
		return "run"
	}
}

// runScreen is the projected countdown, the capture line and the recent
// notes of a running session.
type runScreen struct {
	m     *Model
	sess  *session.Session
	notes []session.Note // every note of the session, soft-deleted ones too

	mode      runMode
	input     textinput.Model
	kind      session.Kind
	kindSet   bool      // the facilitator chose a kind for the next notes
	editing   uint64    // id of the note being edited, 0 when typing a new one
	sel       int       // selected note, 0 = newest
	pending   int       // saves in flight
	copiedAt  time.Time // when the running copy was last refreshed
	blank     bool
	flash     string
	flashEnd  time.Time
	status    string
	statusErr bool
	statusEnd time.Time

	lastRemaining time.Duration
	minuteRung    bool

	replan        []time.Duration
	replanOffered int // step index the current proposal was made for
	agendaScroll  int
}

func newRunScreen(m *Model, sess *session.Session, notes []session.Note) *runScreen {
	in := textinput.New()
	in.Prompt = ""
	in.CharLimit = 0
	in.Placeholder = m.cat.Run.CapturePh
	// A steady cursor: a blinking one redraws the screen for nothing and
	// distracts on the projector.
	ist := in.Styles()
	ist.Cursor.Blink = false
	in.SetStyles(ist)
	r := &runScreen{m: m, sess: sess, notes: notes, input: in, replanOffered: -1}
	r.kind = r.defaultKind()
	r.lastRemaining = sess.Remaining(m.now)
	return r
}

// start begins the session if it has not started yet and saves it.
func (r *runScreen) start() tea.Cmd {
	if r.sess.Started() {
		return r.autoBackup()
	}
	evs := r.sess.Start(r.m.now)
	r.lastRemaining = r.sess.Remaining(r.m.now)
	return tea.Sequence(r.persistNow(evs), r.autoBackup())
}

func (r *runScreen) defaultKind() session.Kind {
	if c := r.sess.Current(); c != nil {
		return session.KindFor(c.Capture)
	}
	return session.KindNote
}

// liveNotes returns the notes not deleted, oldest first.
func (r *runScreen) liveNotes() []session.Note {
	out := make([]session.Note, 0, len(r.notes))
	for _, n := range r.notes {
		if !n.Deleted {
			out = append(out, n)
		}
	}
	return out
}

func (r *runScreen) liveCount() int {
	c := 0
	for _, n := range r.notes {
		if !n.Deleted {
			c++
		}
	}
	return c
}

// onTick rings the bell when a step's time runs out.
func (r *runScreen) onTick(now time.Time) tea.Cmd {
	if r.sess.Finished || !r.sess.Started() || !r.sess.Timed() {
		return nil
	}
	rem := r.sess.Remaining(now)
	prev := r.lastRemaining
	r.lastRemaining = rem
	var cmd tea.Cmd
	switch {
	case prev > 0 && rem <= 0:
		cmd = r.bell(r.m.cat.Run.Overtime, now)
	case r.m.deps.MinuteBell && !r.minuteRung && prev > time.Minute && rem <= time.Minute && r.sess.Timer.Planned >= 3*time.Minute:
		r.minuteRung = true
		cmd = r.bell("1:00", now)
	}
	// Offer a re-plan once per step when the session runs late.
	if r.sess.Pos != r.replanOffered && rem < 0 {
		if prop, ok := r.sess.Replan(now); ok {
			r.replan, r.replanOffered = prop, r.sess.Pos
		}
	}
	return cmd
}

// bell rings the terminal bell (unless muted) and flashes the screen.
func (r *runScreen) bell(text string, now time.Time) tea.Cmd {
	r.flash = text
	r.flashEnd = now.Add(1500 * time.Millisecond)
	if r.sess.Muted {
		return nil
	}
	return tea.Raw("\a")
}

func (r *runScreen) setStatus(s string, isErr bool) {
	r.status, r.statusErr = s, isErr
	d := 4 * time.Second
	if isErr {
		d = 24 * time.Hour // errors stay until something else happens
	}
	r.statusEnd = r.m.now.Add(d)
}

// handleKey routes a key press by mode.
func (r *runScreen) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	k := r.m.keys
	switch r.mode {
	case modeCapture:
		return r.handleCaptureKey(msg)
	case modeNotes:
		return r.handleNotesKey(msg)
	}
	now := r.m.now
	if r.blank {
		// Any key brings the screen back; the blank key just toggles.
		r.blank = false
		if key.Matches(msg, k.Blank) {
			return nil
		}
	}
	if r.replan != nil {
		switch msg.String() {
		case "y", "j":
			evs := r.sess.ApplyReplan(r.replan, now)
			r.replan = nil
			return r.persistNow(evs)
		case "esc", "x":
			r.replan = nil
			return nil
		}
	}
	switch {
	case key.Matches(msg, k.Quit):
		return r.m.quit()
	case key.Matches(msg, k.Help):
		r.m.showHelp = true
	case key.Matches(msg, k.Pause):
		return r.persistNow(r.sess.TogglePause(now))
	case key.Matches(msg, k.Next):
		return r.move(+1)
	case key.Matches(msg, k.Back):
		return r.move(-1)
	case key.Matches(msg, k.Plus):
		return r.extend(time.Minute)
	case key.Matches(msg, k.Minus):
		return r.extend(-time.Minute)
	case key.Matches(msg, k.Repeat):
		evs := r.sess.Repeat(now)
		if evs == nil {
			return nil
		}
		r.afterStepChange(now)
		return tea.Batch(r.persistNow(evs), r.bell(r.stepTitle(), now))
	case key.Matches(msg, k.Blank):
		r.blank = true
	case key.Matches(msg, k.Capture):
		r.openCapture()
		return nil
	case key.Matches(msg, k.Mute):
		r.sess.Muted = !r.sess.Muted
		return r.persistNow(nil)
	case key.Matches(msg, k.Undo):
		return r.undo()
	case key.Matches(msg, k.Redo):
		return r.redo()
	case key.Matches(msg, k.Agenda):
		r.m.screen = screenAgenda
	case key.Matches(msg, k.Board):
		return r.m.openBoard()
	case msg.String() == "5" && r.cardsStep():
		return r.m.openCards()
	case key.Matches(msg, k.Export):
		return r.export()
	}
	return nil
}

// move goes to the next (+1) or previous (-1) step and rings the bell.
func (r *runScreen) move(dir int) tea.Cmd {
	now := r.m.now
	from := r.sess.Pos
	wasFinished := r.sess.Finished
	var evs []session.Event
	if dir > 0 {
		evs = r.sess.Next(now)
	} else {
		evs = r.sess.Prev(now)
	}
	if evs == nil {
		return nil
	}
	if !(wasFinished && dir < 0) && !(r.sess.Finished && dir > 0) {
		r.m.history.Push(session.Op{Type: session.OpStepMove, From: from, To: r.sess.Pos, Label: r.stepTitle()})
	}
	r.afterStepChange(now)
	text := r.stepTitle()
	if r.sess.Finished {
		text = r.m.cat.Run.Finished
	}
	cmds := []tea.Cmd{r.persistNow(evs), r.bell(text, now), r.autoBackup()}
	// A string's harvest step is the board: moving onto it opens it, so
	// the clicker alone takes the room from the notes to their themes.
	if c := r.sess.Current(); dir > 0 && !r.sess.Finished && c != nil && c.Harvest {
		cmds = append(cmds, r.m.openBoard())
	}
	return tea.Batch(cmds...)
}

// autoBackuper is a store that keeps a running copy of itself beside the
// database, for `liberate backup` while this session holds the file.
type autoBackuper interface{ AutoBackup() error }

// autoBackup refreshes that copy in the background; a failure is not the
// facilitator's business in the middle of a workshop and is not shown.
func (r *runScreen) autoBackup() tea.Cmd {
	b, ok := r.m.deps.Store.(autoBackuper)
	if !ok {
		return nil
	}
	r.copiedAt = r.m.now
	return func() tea.Msg {
		_ = b.AutoBackup()
		return nil
	}
}

func (r *runScreen) afterStepChange(now time.Time) {
	r.lastRemaining = r.sess.Remaining(now)
	r.minuteRung = false
	r.replan = nil
	if !r.kindSet {
		r.kind = r.defaultKind()
	}
}

func (r *runScreen) extend(d time.Duration) tea.Cmd {
	evs := r.sess.Extend(d, r.m.now)
	if evs == nil {
		return nil
	}
	r.m.history.Push(session.Op{Type: session.OpExtend, Delta: int64(evs[0].Delta), Label: fmt.Sprintf("%+d min", int(evs[0].Delta/time.Minute))})
	r.lastRemaining = r.sess.Remaining(r.m.now)
	return r.persistNow(evs)
}

func (r *runScreen) openCapture() {
	r.mode = modeCapture
	r.editing = 0
	r.input.Placeholder = r.m.cat.Run.CapturePh
	r.input.Focus()
}

func (r *runScreen) closeCapture() {
	r.mode = modeRun
	r.editing = 0
	r.input.Blur()
	r.input.SetValue("")
}

func (r *runScreen) handleCaptureKey(msg tea.KeyPressMsg) tea.Cmd {
	k := r.m.keys
	switch msg.String() {
	case "esc":
		if r.editing != 0 {
			r.editing = 0
			r.input.SetValue("")
			r.input.Placeholder = r.m.cat.Run.CapturePh
			return nil
		}
		r.closeCapture()
		return nil
	case "enter":
		return r.saveInput()
	case "tab":
		r.kind = r.kind.Next()
		r.kindSet = true
		return nil
	case "shift+tab":
		for i := 0; i < len(session.Kinds)-1; i++ {
			r.kind = r.kind.Next()
		}
		r.kindSet = true
		return nil
	case "up":
		if r.liveCount() > 0 && r.editing == 0 {
			r.mode = modeNotes
			r.sel = 0
		}
		return nil
	case "ctrl+z":
		return r.undo()
	case "ctrl+y":
		return r.redo()
	}
	// The clicker keeps working while the line is open.
	if key.Matches(msg, k.Next) && msg.String() != "n" && msg.String() != "right" {
		return r.move(+1)
	}
	if msg.String() == "pgup" {
		return r.move(-1)
	}
	var cmd tea.Cmd
	r.input, cmd = r.input.Update(msg)
	return cmd
}

func (r *runScreen) paste(s string) tea.Cmd {
	if r.mode != modeCapture {
		r.openCapture()
	}
	clean := textsafe.Clean(s)
	if n := []rune(clean); len(n) > textsafe.MaxNoteRunes {
		clean = string(n[:textsafe.MaxNoteRunes])
		r.setStatus(fmt.Sprintf(r.m.cat.Run.Truncated, textsafe.MaxNoteRunes), false)
	}
	r.input.SetValue(r.input.Value() + clean)
	r.input.CursorEnd()
	return nil
}

// saveInput saves the capture line as a new note, or as the edit of the
// selected note. The line is cleared at once so typing can go on; if the
// save fails, the text comes back into the line.
func (r *runScreen) saveInput() tea.Cmd {
	text, truncated, err := textsafe.Note(r.input.Value())
	if err != nil {
		if errors.Is(err, textsafe.ErrEmpty) {
			if r.input.Value() == "" && r.editing == 0 {
				return nil // Enter on an empty line does nothing
			}
			r.setStatus(r.m.cat.Run.Empty, true)
			return nil
		}
		r.setStatus(err.Error(), true)
		return nil
	}
	if truncated {
		r.setStatus(fmt.Sprintf(r.m.cat.Run.Truncated, textsafe.MaxNoteRunes), false)
	}
	now := r.m.now
	st := r.m.deps.Store
	sid := r.sess.ID
	if r.editing != 0 {
		old, ok := r.noteByID(r.editing)
		r.editing = 0
		r.input.SetValue("")
		r.input.Placeholder = r.m.cat.Run.CapturePh
		if !ok || old.Text == text {
			return nil
		}
		n := old
		n.Text, n.UpdatedAt = text, now
		r.pending++
		return func() tea.Msg {
			err := st.UpdateNote(&n)
			if err == nil {
				err = st.AppendEvent(sid, &session.Event{At: now, Type: session.EventNoteEdited, StepIndex: n.StepIndex, NoteID: n.ID, Before: old.Text, After: n.Text})
			}
			return noteSavedMsg{note: n, err: err, edit: true, label: old.Text}
		}
	}
	c := r.sess.Current()
	n := session.Note{SessionID: sid, Text: text, Kind: r.kind, StepIndex: r.sess.Pos, CreatedAt: now, UpdatedAt: now}
	if c != nil {
		n.Structure, n.StepPath = c.Structure, c.Path
		n.Counters = append([]structure.Counter(nil), c.Counters...)
	}
	r.input.SetValue("")
	r.pending++
	return func() tea.Msg {
		err := st.AddNote(&n)
		if err == nil {
			// The note is durable; the event is the timeline's record.
			_ = st.AppendEvent(sid, &session.Event{At: now, Type: session.EventNoteAdded, StepIndex: n.StepIndex, NoteID: n.ID, After: n.Text})
		}
		return noteSavedMsg{note: n, err: err}
	}
}

func (r *runScreen) noteByID(id uint64) (session.Note, bool) {
	for _, n := range r.notes {
		if n.ID == id {
			return n, true
		}
	}
	return session.Note{}, false
}

func (r *runScreen) replaceNote(n session.Note) {
	for i := range r.notes {
		if r.notes[i].ID == n.ID {
			r.notes[i] = n
			return
		}
	}
	r.notes = append(r.notes, n)
}

// handleMsg handles command results meant for the run screen.
func (r *runScreen) handleMsg(msg tea.Msg) (tea.Cmd, bool) {
	switch msg := msg.(type) {
	case noteSavedMsg:
		r.pending--
		if msg.err != nil {
			// Nothing is shown as saved that is not: the text goes back
			// into the line, in front of anything typed since.
			if !msg.undo {
				if r.mode == modeRun {
					r.openCapture()
				}
				r.input.SetValue(strings.TrimSpace(msg.note.Text + " " + r.input.Value()))
				r.input.CursorEnd()
				if msg.edit {
					r.editing = msg.note.ID
				}
			}
			r.setStatus(fmt.Sprintf(r.m.cat.Run.NotSaved, saveErrText(msg.err)), true)
			return nil, true
		}
		if msg.undo {
			r.replaceNote(msg.note)
			r.setStatus(msg.label, false)
			return r.saveHistory(), true
		}
		before, _ := r.noteByID(msg.note.ID)
		r.replaceNote(msg.note)
		switch {
		case msg.edit:
			r.m.history.Push(session.Op{Type: session.OpNoteEdit, Before: before, After: msg.note, Label: clip(msg.note.Text, 30)})
		default:
			r.m.history.Push(session.Op{Type: session.OpNoteAdd, After: msg.note, Label: clip(msg.note.Text, 30)})
		}
		if r.statusErr {
			r.status, r.statusErr = "", false
		}
		r.setStatus(r.m.cat.Run.Saved, false)
		// During a long harvest the running copy follows the notes too,
		// at most once a minute.
		if r.m.now.Sub(r.copiedAt) >= time.Minute {
			return tea.Batch(r.saveHistory(), r.autoBackup()), true
		}
		return r.saveHistory(), true
	case persistedMsg:
		if msg.err != nil {
			r.setStatus(fmt.Sprintf(r.m.cat.Run.NotSaved, saveErrText(msg.err)), true)
		}
		return nil, true
	case exportedMsg:
		if msg.err != nil {
			r.setStatus(msg.err.Error(), true)
		} else {
			r.setStatus("→ "+msg.path, false)
		}
		return nil, true
	}
	return nil, false
}

func saveErrText(err error) string {
	s := err.Error()
	if i := strings.Index(s, "\n"); i >= 0 {
		s = s[:i]
	}
	return strings.TrimSuffix(s, ".")
}

func (r *runScreen) handleNotesKey(msg tea.KeyPressMsg) tea.Cmd {
	total := r.liveCount()
	if total == 0 {
		r.mode = modeCapture
		return nil
	}
	if r.sel >= total {
		r.sel = total - 1
	}
	selected, _ := r.selectedNote()
	switch msg.String() {
	case "up":
		if r.sel < total-1 {
			r.sel++
		}
	case "down":
		if r.sel > 0 {
			r.sel--
		} else {
			r.mode = modeCapture
		}
	case "esc":
		r.mode = modeCapture
	case "enter", "e":
		r.mode = modeCapture
		r.editing = selected.ID
		r.input.SetValue(selected.Text)
		r.input.CursorEnd()
		r.input.Placeholder = r.m.cat.Run.EditPh
	case "d", "delete", "backspace":
		n := selected
		n.Deleted, n.UpdatedAt = true, r.m.now
		r.m.history.Push(session.Op{Type: session.OpNoteDelete, Before: selected, After: n, Label: clip(selected.Text, 30)})
		r.setStatus(r.m.cat.Run.Deleted, false)
		if r.sel > 0 {
			r.sel--
		}
		return r.writeNote(n, session.EventNoteDeleted, "")
	case "tab", "t":
		n := selected
		n.Kind, n.UpdatedAt = n.Kind.Next(), r.m.now
		r.m.history.Push(session.Op{Type: session.OpNoteEdit, Before: selected, After: n, Label: clip(selected.Text, 30)})
		return r.writeNote(n, session.EventKindChanged, "")
	case "ctrl+z", "u":
		return r.undo()
	case "ctrl+y":
		return r.redo()
	}
	return nil
}

// writeNote saves a changed note (delete, kind, undo) and shows the result
// once it is on disk.
func (r *runScreen) writeNote(n session.Note, ev session.EventType, label string) tea.Cmd {
	st, sid, now := r.m.deps.Store, r.sess.ID, r.m.now
	before, _ := r.noteByID(n.ID)
	r.pending++
	return func() tea.Msg {
		err := st.UpdateNote(&n)
		if err == nil {
			_ = st.AppendEvent(sid, &session.Event{At: now, Type: ev, StepIndex: n.StepIndex, NoteID: n.ID, Before: string(before.Kind), After: string(n.Kind)})
		}
		return noteSavedMsg{note: n, err: err, undo: true, label: label}
	}
}

// undo reverts the latest change.
func (r *runScreen) undo() tea.Cmd {
	op, ok := r.m.history.PopUndo()
	if !ok {
		r.setStatus(r.m.cat.Run.NothingUndo, false)
		return nil
	}
	return r.applyOp(op, true)
}

func (r *runScreen) redo() tea.Cmd {
	op, ok := r.m.history.PopRedo()
	if !ok {
		return nil
	}
	return r.applyOp(op, false)
}

// applyOp reverts (undo) or re-applies (redo) one change.
func (r *runScreen) applyOp(op session.Op, undo bool) tea.Cmd {
	label := fmt.Sprintf(r.m.cat.Run.Redone, op.Label)
	if undo {
		label = fmt.Sprintf(r.m.cat.Run.Undone, op.Label)
	}
	now := r.m.now
	switch op.Type {
	case session.OpNoteAdd:
		n := op.After
		n.Deleted = undo
		n.UpdatedAt = now
		ev := session.EventNoteRestored
		if undo {
			ev = session.EventNoteDeleted
		}
		return r.writeNote(n, ev, label)
	case session.OpNoteEdit, session.OpNoteDelete:
		n := op.After
		ev := session.EventNoteEdited
		if undo {
			n = op.Before
			if op.Type == session.OpNoteDelete {
				ev = session.EventNoteRestored
			}
		} else if op.Type == session.OpNoteDelete {
			ev = session.EventNoteDeleted
		}
		n.UpdatedAt = now
		return r.writeNote(n, ev, label)
	case session.OpStepMove:
		target := op.To
		if undo {
			target = op.From
		}
		var evs []session.Event
		for i := 0; i < len(r.sess.Plan) && r.sess.Pos != target; i++ {
			var e []session.Event
			if r.sess.Pos > target || r.sess.Finished {
				e = r.sess.Prev(now)
			} else {
				e = r.sess.Next(now)
			}
			if e == nil {
				break
			}
			evs = append(evs, e...)
		}
		r.afterStepChange(now)
		r.setStatus(label, false)
		return tea.Batch(r.persistNow(evs), r.saveHistory())
	case session.OpExtend:
		d := time.Duration(op.Delta)
		if undo {
			d = -d
		}
		evs := r.sess.Extend(d, now)
		r.setStatus(label, false)
		return tea.Batch(r.persistNow(evs), r.saveHistory())
	case session.OpClusters, session.OpNoteMove, session.OpVote:
		if b := r.m.ensureBoard(); b != nil {
			return b.applyOp(op, undo, label)
		}
	}
	return nil
}

// saveHistory stores the undo history so `resume` can undo too.
func (r *runScreen) saveHistory() tea.Cmd {
	b, err := json.Marshal(r.m.history)
	if err != nil {
		return nil
	}
	st, sid := r.m.deps.Store, r.sess.ID
	return func() tea.Msg {
		return persistedMsg{err: st.SaveUndo(sid, b)}
	}
}

// persistNow saves a snapshot of the session and the given events.
func (r *runScreen) persistNow(evs []session.Event) tea.Cmd {
	r.sess.Sync(r.m.now)
	snap := cloneSession(r.sess)
	v := r.m.persist.next()
	st, p := r.m.deps.Store, r.m.persist
	hist, _ := json.Marshal(r.m.history)
	return func() tea.Msg {
		for i := range evs {
			if err := st.AppendEvent(snap.ID, &evs[i]); err != nil {
				return persistedMsg{err: err}
			}
		}
		err := p.write(v, func() error {
			if err := st.SaveSession(snap); err != nil {
				return err
			}
			return st.SaveUndo(snap.ID, hist)
		})
		return persistedMsg{err: err}
	}
}

func (r *runScreen) export() tea.Cmd {
	if r.m.deps.Export == nil {
		return nil
	}
	fn, id := r.m.deps.Export, r.sess.ID
	return tea.Sequence(r.persistNow(nil), func() tea.Msg {
		path, err := fn(id)
		return exportedMsg{path: path, err: err}
	})
}

// ---- rendering ----

// stepTitle is the step in words for the window title and the flash: the
// group configuration if there is one, else the step label.
func (r *runScreen) stepTitle() string {
	c := r.sess.Current()
	if c == nil {
		return ""
	}
	lang := r.m.cat.Lang
	if w := r.configWords(c.Config); w != "" && c.Config != structure.ConfigWhole && c.Config != structure.ConfigFacilitator {
		return titleCase(w)
	}
	return c.Label.In(lang)
}

func titleCase(s string) string {
	// "PAIRS" → "Pairs"; "ALONE · IN SILENCE" → "Alone · in silence".
	if s == "" {
		return s
	}
	lower := strings.ToLower(s)
	rs := []rune(lower)
	return strings.ToUpper(string(rs[0])) + string(rs[1:])
}

func (r *runScreen) configWords(c structure.Config) string {
	return r.m.cat.Run.Configs[string(c)]
}

// displayTime is what the big digits show at now.
func (r *runScreen) displayTime(now time.Time) string {
	if r.sess.Finished {
		return timer.Format(r.totalActual())
	}
	if !r.sess.Timed() {
		return timer.Format(r.sess.Timer.Elapsed(now))
	}
	return timer.Format(r.sess.Remaining(now))
}

func (r *runScreen) totalActual() time.Duration {
	var d time.Duration
	for _, rec := range r.sess.Records {
		d += rec.Actual
	}
	return d
}

// windowTitle carries the remaining time and the step, so the time shows in
// the taskbar too: "00:42 · 1-2-4-All · Pairs".
func (r *runScreen) windowTitle(now time.Time) string {
	c := r.sess.Current()
	if c == nil {
		return "liberate"
	}
	if r.sess.Finished {
		return r.m.cat.Run.Finished + " · liberate"
	}
	return textsafe.Display(r.clockText(now) + " · " + c.StructureName.In(r.m.cat.Lang) + " · " + r.stepTitle())
}

// clockText is the running step's time as the window title and the board
// header show it, with ⏸ while paused.
func (r *runScreen) clockText(now time.Time) string {
	if r.sess.Paused() {
		return r.displayTime(now) + " ⏸"
	}
	return r.displayTime(now)
}

func (r *runScreen) counterText(c *structure.PlannedStep) string {
	var parts []string
	for _, ct := range c.Counters {
		name := r.m.cat.Run.Counters[ct.Kind]
		if name == "" {
			name = ct.Kind
		}
		if ct.N > 0 {
			parts = append(parts, fmt.Sprintf("%s %d/%d", name, ct.I, ct.N))
		} else {
			parts = append(parts, fmt.Sprintf("%s %d", name, ct.I))
		}
	}
	return strings.Join(parts, " · ")
}

// header is the top line: structure, step i/n and counters on the left; the
// session clock and bell state on the right.
func (r *runScreen) header(width int, now time.Time) string {
	st := r.m.styles
	c := r.sess.Current()
	if c == nil {
		return ""
	}
	lang := r.m.cat.Lang
	left := c.StructureName.In(lang)
	if c.StructureCount > 1 {
		left += " (" + fmt.Sprintf(r.m.cat.Run.Structure, c.StructureIndex+1, c.StructureCount) + ")"
	}
	left += "  ·  " + fmt.Sprintf(r.m.cat.Run.Step, c.Number, c.Total)
	if ct := r.counterText(c); ct != "" {
		left += "  ·  " + ct
	}
	var right []string
	if r.sess.Speed > 1 {
		right = append(right, fmt.Sprintf(r.m.cat.Run.Rehearsal, r.sess.Speed))
	}
	if r.sess.Muted {
		right = append(right, "🔕 "+r.m.cat.Run.Muted)
	}
	if !r.sess.Finished {
		end := r.sess.ProjectedEnd(now).Local().Format("15:04")
		right = append(right, fmt.Sprintf(r.m.cat.Run.EndsAt, end))
		behind := r.sess.Behind(now).Round(time.Minute)
		switch {
		case behind >= time.Minute:
			right = append(right, fmt.Sprintf(r.m.cat.Run.Behind, minutes(behind)))
		case behind <= -time.Minute:
			right = append(right, fmt.Sprintf(r.m.cat.Run.Ahead, minutes(-behind)))
		}
	}
	rs := strings.Join(right, " · ")
	left = textsafe.Display(left)
	lw, rw := ansi.StringWidth(left), ansi.StringWidth(rs)
	// A string item's title ("Now what: next week") when there is room.
	if t := textsafe.Display(c.OwnTitle(lang)); t != "" {
		if withTitle := left + "  ·  " + t; ansi.StringWidth(withTitle)+rw+2 <= width {
			left, lw = withTitle, ansi.StringWidth(withTitle)
		}
	}
	if lw+rw+2 > width {
		rs, rw = "", 0
	}
	if lw > width {
		left = ansi.Truncate(left, width, "…")
		lw = ansi.StringWidth(left)
	}
	gap := width - lw - rw
	if gap < 0 {
		gap = 0
	}
	return st.Header.Render(left) + strings.Repeat(" ", gap) + st.HeaderDim.Render(rs)
}

func minutes(d time.Duration) string {
	return fmt.Sprintf("%d min", int(d/time.Minute))
}

// view renders the run screen in width × height cells.
func (r *runScreen) view(width, height int, now time.Time) string {
	if width <= 0 || height <= 0 {
		return ""
	}
	st := r.m.styles
	cat := r.m.cat.Run
	if r.blank {
		lines := make([]string, height)
		lines[height-1] = st.Muted.Render(ansi.Truncate(cat.Blank, width, ""))
		return strings.Join(lines, "\n")
	}
	if width < 24 || height < 7 {
		return r.tinyView(width, height, now)
	}
	c := r.sess.Current()
	if c == nil {
		return ""
	}
	lang := r.m.cat.Lang

	// Bottom block: notes, capture line, status, help.
	var bottom []string
	notesRows := 0
	switch {
	case height >= 40:
		notesRows = 5
	case height >= 28:
		notesRows = 3
	case height >= 20:
		notesRows = 2
	case height >= 14:
		notesRows = 1
	}
	if r.mode == modeNotes && notesRows < 3 && height >= 12 {
		notesRows = 3
	}
	bottom = append(bottom, r.notesView(width, notesRows)...)
	if r.mode != modeRun {
		bottom = append(bottom, r.captureLine(width))
	}
	bottom = append(bottom, r.statusLine(width, now))
	bottom = append(bottom, r.helpView(width))

	// Information block: configuration, groups, invitation, prompt.
	var info []string
	phaseLine := r.phaseLine(width, now)
	if r.sess.Finished {
		info = append(info, center(width, st.Config.Render(cat.Finished)))
		// The big digits show the time the session took; say so.
		info = append(info, center(width, st.Muted.Render(fmt.Sprintf(cat.TotalTime, timer.Format(r.totalActual()))+" · "+fmt.Sprintf(cat.Captured, r.liveCount()))))
	} else {
		if w := r.configWords(c.Config); w != "" {
			info = append(info, center(width, st.Config.Render(w)))
		} else {
			info = append(info, center(width, st.Config.Render(strings.ToUpper(textsafe.Display(c.Label.In(lang))))))
		}
		if s := r.splitText(c); s != "" {
			info = append(info, center(width, st.Split.Render(s)))
		}
		if c.Harvest {
			info = append(info, center(width, st.Prompt.Render(cat.HarvestHint)))
		}
		if r.wordsDiffer(c) {
			info = append(info, center(width, st.Prompt.Render(ansi.Truncate(textsafe.Display(c.Label.In(lang)), width, "…"))))
		}
	}
	inv := r.invitation(c)
	prompt := textsafe.Display(c.Prompt.In(lang))
	maxWrap := 2
	if height >= 40 {
		maxWrap = 3
	}
	var invLines, promptLines []string
	if inv != "" && !r.sess.Finished {
		invLines = wrap("“"+inv+"”", width-4, maxWrap)
	}
	if prompt != "" && !r.sess.Finished {
		promptLines = wrap(prompt, width-4, maxWrap)
	}

	// The countdown gets whatever height is left, at least 1 row; drop the
	// least important text first when space is short.
	fixed := func() int {
		return 1 + 1 + len(info) + len(invLines) + len(promptLines) + len(bottom) + 2
	}
	for fixed() > height-3 {
		switch {
		case len(bottom) > 2 && r.mode == modeRun:
			bottom = bottom[1:]
		case len(promptLines) > 1:
			promptLines = promptLines[:1]
		case len(invLines) > 1:
			invLines = invLines[:1]
		case len(promptLines) > 0:
			promptLines = nil
		case len(info) > 1:
			info = info[:1]
		case len(invLines) > 0:
			invLines = nil
		default:
			goto done
		}
	}
done:
	digitRows := height - fixed()
	if digitRows < 1 {
		digitRows = 1
	}
	digits := bigtext.Render(r.displayTime(now), width-2, digitRows)
	ds := r.digitStyle(now)
	var mid []string
	for _, l := range digits {
		mid = append(mid, center(width, ds.Render(l)))
	}

	var out []string
	out = append(out, r.header(width, now))
	if r.flash != "" && now.Before(r.flashEnd) {
		out = append(out, st.Flash.Render(padRight(" 🔔 "+textsafe.Display(r.flash), width)))
	} else {
		out = append(out, "")
	}
	// Vertical centring of the digits in their area.
	area := digitRows
	top := (area - len(mid)) / 2
	for i := 0; i < top; i++ {
		out = append(out, "")
	}
	out = append(out, mid...)
	for i := top + len(mid); i < area; i++ {
		out = append(out, "")
	}
	out = append(out, phaseLine)
	out = append(out, info...)
	for _, l := range invLines {
		out = append(out, center(width, st.Invitation.Render(l)))
	}
	for _, l := range promptLines {
		out = append(out, center(width, st.Prompt.Render(l)))
	}
	// Push the bottom block to the last rows.
	for len(out)+len(bottom) < height {
		out = append(out, "")
	}
	out = append(out, bottom...)
	if len(out) > height {
		out = out[:height]
	}
	return strings.Join(out, "\n")
}

// wordsDiffer reports whether the step label adds to the configuration
// words (e.g. "Consultants talk" under "TRIOS · CLIENT TURNS BACK").
func (r *runScreen) wordsDiffer(c *structure.PlannedStep) bool {
	words := letters(r.configWords(c.Config))
	label := letters(c.Label.In(r.m.cat.Lang))
	if words == "" || label == "" {
		return false
	}
	return !strings.Contains(words, label) && !strings.Contains(label, words)
}

// letters keeps only the lower-case letters of s, to compare wordings.
func letters(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// capturesNothing reports whether no step of the running structure
// captures by default (a confidential structure such as Troika).
func (r *runScreen) capturesNothing() bool {
	c := r.sess.Current()
	if c == nil {
		return false
	}
	for _, p := range r.sess.Plan {
		if p.StructureIndex == c.StructureIndex && p.Capture != structure.CaptureNone {
			return false
		}
	}
	return true
}

// invitation is the question for the room: the facilitator's own for a
// single structure, else the string item's.
func (r *runScreen) invitation(c *structure.PlannedStep) string {
	inv := c.Invitation.In(r.m.cat.Lang)
	if r.sess.Invitation != "" && (c.StructureCount <= 1 || inv == "") {
		inv = r.sess.Invitation
	}
	return textsafe.Display(inv)
}

func (r *runScreen) splitText(c *structure.PlannedStep) string {
	if len(c.Split) == 0 || r.sess.Participants <= 0 {
		return ""
	}
	var counts [][2]int
	for _, g := range c.Split {
		counts = append(counts, [2]int{g.Size, g.Count})
	}
	return fmt.Sprintf(r.m.cat.Groups.People, r.sess.Participants) + ": " + r.m.cat.Groups.Phrase(counts)
}

func (r *runScreen) digitStyle(now time.Time) lipgloss.Style {
	st := r.m.styles
	switch {
	case r.sess.Finished:
		return st.DigitsUntimed
	case r.sess.Paused():
		return st.DigitsPaused
	}
	switch r.sess.Phase(now) {
	case timer.PhaseWarning:
		return st.DigitsWarning
	case timer.PhaseFinal:
		return st.DigitsFinal
	case timer.PhaseOvertime:
		return st.DigitsOvertime
	case timer.PhaseUntimed:
		return st.DigitsUntimed
	}
	return st.Digits
}

// phaseLine says in words what the colour says, so the state is visible
// without colour: paused, warning, final, overtime, untimed.
func (r *runScreen) phaseLine(width int, now time.Time) string {
	st := r.m.styles
	cat := r.m.cat.Run
	var s string
	style := st.Status
	switch {
	case r.sess.Finished:
		s = cat.FinishedHint
	case r.sess.Paused():
		s = "⏸ " + cat.Paused + " · " + cat.PausedHint
		style = st.StatusWarning
	default:
		switch r.sess.Phase(now) {
		case timer.PhaseWarning:
			s, style = cat.Warning, st.StatusWarning
		case timer.PhaseFinal:
			s, style = cat.Final, st.StatusFinal
		case timer.PhaseOvertime:
			s, style = cat.Overtime+" "+timer.Format(r.sess.Remaining(now)), st.StatusOvertime
		case timer.PhaseUntimed:
			s = cat.Untimed + " · " + cat.UntimedHint
		}
	}
	if r.replan != nil {
		s = r.replanText()
		style = st.StatusWarning
	}
	if s == "" {
		return ""
	}
	return center(width, style.Render(ansi.Truncate(s, width, "…")))
}

func (r *runScreen) replanText() string {
	var saved time.Duration
	for i := r.sess.Pos + 1; i < len(r.sess.Plan) && i < len(r.replan); i++ {
		saved += r.sess.Plan[i].Planned - r.replan[i]
	}
	// Exact to the half minute the proposal works in: "1.5 min".
	if saved < 0 {
		return fmt.Sprintf(r.m.cat.Agenda.ReplanAhead, fmtMin(-saved.Round(30*time.Second))+" min")
	}
	return fmt.Sprintf(r.m.cat.Agenda.ReplanOffer, fmtMin(saved.Round(30*time.Second))+" min")
}

// notesView shows the latest notes, newest at the bottom. It walks back
// from the newest note and touches only the rows it shows, so thousands of
// notes cost nothing per frame.
func (r *runScreen) notesView(width, rows int) []string {
	if rows <= 0 {
		return nil
	}
	st := r.m.styles
	total := r.liveCount()
	if total == 0 {
		return nil
	}
	// skip = how many of the newest live notes lie below the window.
	skip := 0
	if r.mode == modeNotes && r.sel >= rows {
		skip = r.sel - rows + 1
	}
	var picked []session.Note
	seen := 0
	for i := len(r.notes) - 1; i >= 0 && len(picked) < rows; i-- {
		if r.notes[i].Deleted {
			continue
		}
		if seen >= skip {
			picked = append(picked, r.notes[i])
		}
		seen++
	}
	out := make([]string, 0, len(picked))
	for j := len(picked) - 1; j >= 0; j-- {
		n := picked[j]
		fromNewest := skip + j
		number := total - fromNewest
		kind := r.m.cat.Run.Kinds[string(n.Kind)]
		prefix := fmt.Sprintf("%3d  %-11s ", number, kind)
		text := ansi.Truncate(textsafe.Display(n.Text), max(0, width-ansi.StringWidth(prefix)-1), "…")
		line := st.NoteKind.Render(prefix) + st.Note.Render(text)
		if r.mode == modeNotes && fromNewest == r.sel {
			line = st.NoteSelected.Render(padRight(prefix+text, width))
		}
		out = append(out, line)
	}
	return out
}

// selectedNote returns the note sel places from the newest live one.
func (r *runScreen) selectedNote() (session.Note, bool) {
	seen := 0
	for i := len(r.notes) - 1; i >= 0; i-- {
		if r.notes[i].Deleted {
			continue
		}
		if seen == r.sel {
			return r.notes[i], true
		}
		seen++
	}
	return session.Note{}, false
}

func (r *runScreen) captureLine(width int) string {
	st := r.m.styles
	kind := r.m.cat.Run.Kinds[string(r.kind)]
	label := "[" + kind + "] › "
	if r.editing != 0 {
		label = "[" + r.m.cat.Run.KeyEdit + "] › "
	}
	fitInput(&r.input, max(1, width-ansi.StringWidth(label)-1))
	return st.CaptureKind.Render(label) + r.input.View()
}

func (r *runScreen) statusLine(width int, now time.Time) string {
	st := r.m.styles
	cat := r.m.cat.Run
	left := fmt.Sprintf(cat.Captured, r.liveCount())
	c := r.sess.Current()
	if c != nil && r.capturesNothing() && r.mode == modeRun && r.liveCount() == 0 {
		left = cat.Confidential
	}
	var right string
	rightStyle := st.Saved
	switch {
	case r.status != "" && now.Before(r.statusEnd):
		right = r.status
		if r.statusErr {
			rightStyle = st.Error
		} else if r.status != cat.Saved {
			rightStyle = st.Info
		}
	case r.pending > 0:
		right, rightStyle = cat.Saving, st.Info
	}
	right = textsafe.Display(right)
	left = ansi.Truncate(left, width, "…")
	if right == "" {
		return st.Muted.Render(left)
	}
	lw := ansi.StringWidth(left)
	if lw+2+ansi.StringWidth(right) > width {
		right = ansi.Truncate(right, max(0, width-lw-2), "…")
		if right == "" {
			return st.Muted.Render(left)
		}
	}
	gap := width - lw - ansi.StringWidth(right)
	if gap < 1 {
		gap = 1
	}
	return st.Muted.Render(left) + strings.Repeat(" ", gap) + rightStyle.Render(right)
}

// helpView shows only the keys that work right now.
func (r *runScreen) helpView(width int) string {
	k := r.m.keys
	m := r.m
	switch r.mode {
	case modeCapture:
		return m.helpLine(width, k.Save, k.Close, k.Kind, k.Notes)
	case modeNotes:
		return m.helpLine(width, k.Up, k.Edit, k.Delete, withHelp(k.Kind, "tab", m.cat.Run.KeyKind), k.Undo, k.Close)
	}
	pause := k.Pause
	if r.sess.Paused() {
		pause = withHelp(pause, "space", m.cat.Run.KeyResume)
	}
	mute := k.Mute
	if r.sess.Muted {
		mute = withHelp(mute, "m", m.cat.Run.KeyUnmute)
	}
	if r.sess.Finished {
		return m.helpLine(width, withEnabled(k.Export, m.deps.Export != nil), k.Back, k.Board, k.Agenda, k.Undo, k.Quit)
	}
	back := withEnabled(k.Back, r.sess.Pos > 0)
	cards := withEnabled(withHelp(k.Board, "5", m.cat.Board.KeyCards), r.cardsStep())
	return m.helpLine(width, pause, k.Next, back, k.Capture, k.Plus, k.Minus, k.Repeat, k.Blank, mute, k.Board, cards, k.Agenda,
		withEnabled(k.Undo, len(m.history.Undo) > 0), k.Help, k.Quit)
}

func withHelp(b key.Binding, k, desc string) key.Binding {
	b.SetHelp(k, desc)
	return b
}

func withEnabled(b key.Binding, on bool) key.Binding {
	b.SetEnabled(on)
	return b
}

// tinyView is shown below a usable size: the time keeps running in plain
// text and the facilitator is asked for a larger window.
func (r *runScreen) tinyView(width, height int, now time.Time) string {
	st := r.m.styles
	lines := []string{r.displayTime(now)}
	if height >= 2 {
		lines = append(lines, wrap(r.m.cat.Run.TooSmall, width, height-1)...)
	}
	var out []string
	for i, l := range lines {
		if i >= height {
			break
		}
		s := ansi.Truncate(l, width, "")
		if i == 0 {
			s = r.digitStyle(now).Render(s)
		} else {
			s = st.Muted.Render(s)
		}
		out = append(out, s)
	}
	return strings.Join(out, "\n")
}

// ---- small text helpers ----

func center(width int, s string) string {
	w := ansi.StringWidth(s)
	if w >= width {
		return ansi.Truncate(s, width, "")
	}
	return strings.Repeat(" ", (width-w)/2) + s
}

func padRight(s string, width int) string {
	w := ansi.StringWidth(s)
	if w >= width {
		return ansi.Truncate(s, width, "")
	}
	return s + strings.Repeat(" ", width-w)
}

func wrap(s string, width, maxLines int) []string {
	if width < 1 || maxLines < 1 {
		return nil
	}
	lines := strings.Split(ansi.Wordwrap(s, width, " -"), "\n")
	var out []string
	for _, l := range lines {
		out = append(out, ansi.Truncate(l, width, "…"))
	}
	if len(out) > maxLines {
		out = out[:maxLines]
		last := out[maxLines-1]
		out[maxLines-1] = ansi.Truncate(last, width-1, "") + "…"
	}
	return out
}

func clip(s string, n int) string {
	return ansi.Truncate(textsafe.Display(s), n, "…")
}

func displayWidth(s string) int { return ansi.StringWidth(s) }

// fitInput gives a text input its width and re-seats the visible part of
// a long value: bubbles' textinput only recomputes that window on edits,
// so a note typed before a resize (or before the first frame) would
// otherwise run past the edge of the screen.
func fitInput(in *textinput.Model, w int) {
	if in.Width() == w {
		return
	}
	in.SetWidth(w)
	pos := in.Position()
	in.CursorEnd()
	in.SetCursor(pos)
}
