package run

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
	"github.com/charmbracelet/x/ansi"

	"liberate/internal/action"
	"liberate/internal/i18n"
	"liberate/internal/session"
	"liberate/internal/structure"
	"liberate/internal/textsafe"
	"liberate/internal/timer"
	"liberate/internal/ui/common"
	"liberate/internal/ui/format"
	"liberate/internal/ui/layout"
	"liberate/internal/ui/room"
)

// Mode is what the run screen's keys currently act on.
type Mode int

// The modes of the run screen.
const (
	ModeRun     Mode = iota // clicker keys drive the session
	ModeCapture             // the capture line has focus
	ModeNotes               // a recent note is selected
)

// String names the mode.
func (m Mode) String() string {
	switch m {
	case ModeCapture:
		return "capture"
	case ModeNotes:
		return "notes"
	default:
		return "run"
	}
}

// Host is what the run screen asks of the root model, which owns routing
// between the screens.
type Host interface {
	// Quit leaves liberate once the saves in flight are on disk.
	Quit() tea.Cmd
	// ShowHelp shows the full key table.
	ShowHelp()
	// ShowAgenda and ShowRun switch between the run screen and its agenda.
	ShowAgenda()
	ShowRun()
	// OpenBoard shows the board, OpenCards its 25/10 cards.
	OpenBoard() tea.Cmd
	OpenCards() tea.Cmd
	// BoardOp undoes or redoes a change made on the board.
	BoardOp(op session.Op, undo bool, label string) tea.Cmd
	// ConfirmLeave carries out the quit or return home that HoldQuit held
	// back, once the facilitator confirmed it.
	ConfirmLeave() tea.Cmd
}

// Options are what the run screen is given besides the shared context.
type Options struct {
	Keys       KeyMap
	MinuteBell bool // ring one minute before the end of steps of 3 minutes or more
	// Export writes the session's Markdown and returns the file it wrote;
	// nil hides the export key.
	Export func(sessionID string) (string, error)
	// Library gives the console the structures' facilitator tips; nil
	// shows only the steps' own tips.
	Library *structure.Library
	// Persist orders the session's snapshots on disk; one for the life of
	// the program, so a late snapshot of an earlier screen never wins.
	Persist *Persister
	// TitleScreen keeps a session that has not started on its title
	// screen until the clicker starts the first step.
	TitleScreen bool
	// ToggleMute stops (or again allows) input from the phone with this
	// seat hash and reports whether it is muted now; nil without phones.
	ToggleMute func(seat string) bool
}

// Screen is the projected countdown, the capture line and the recent
// notes of a running session.
type Screen struct {
	com     *common.Common
	host    Host
	opts    Options
	keys    KeyMap
	persist *Persister
	// Sess is the running session and Notes every note of it, soft-deleted
	// ones too; the board works on the same ones.
	Sess  *session.Session
	Notes []session.Note

	// Mode is what the keys act on; Input is the capture line and Kind
	// the kind the next note gets.
	Mode     Mode
	Input    textinput.Model
	Kind     session.Kind
	kindSet  bool      // the facilitator chose a kind for the next notes
	editing  uint64    // id of the note being edited, 0 when typing a new one
	sel      int       // selected note, 0 = newest
	Pending  int       // saves in flight
	copiedAt time.Time // when the running copy was last refreshed
	blank    bool
	Flash    string // the bell's flash, shown until flashEnd
	flashEnd time.Time
	bells    uint64 // bells rung, so a projector rings with every one
	Status   string // the latest facilitator message
	// Join is the phone page's URL and code while phones can join.
	Join      JoinInfo
	statusErr bool
	statusEnd time.Time

	lastRemaining time.Duration
	minuteRung    bool

	Replan        []time.Duration // the re-plan on offer, nil when none
	replanOffered int             // step index the current proposal was made for
	agendaScroll  int

	// The notes waiting to be saved (see queue.go).
	queue      []waiting
	saving     bool      // the head of the queue is being saved
	waitErr    error     // why the head could not be saved, nil when it could
	retryAt    time.Time // when the head is tried again
	askQuit    bool      // leaving was asked for with notes waiting
	recovered  string    // the recovery file, once written
	recoveredN int       // waiting notes the recovery file holds
	damaged    bool      // the database was damaged under the session
	tally      string    // digits of a theme's new score, typed in the review step
}

// New returns the run screen of sess, whose notes are already loaded.
func New(com *common.Common, host Host, opts Options, sess *session.Session, notes []session.Note) *Screen {
	in := textinput.New()
	in.Prompt = ""
	in.CharLimit = 0
	in.Placeholder = com.Catalog.Run.CapturePh
	// A steady cursor: a blinking one redraws the screen for nothing and
	// distracts on the projector.
	ist := in.Styles()
	ist.Cursor.Blink = false
	in.SetStyles(ist)
	if opts.Persist == nil {
		opts.Persist = &Persister{}
	}
	r := &Screen{com: com, host: host, opts: opts, keys: opts.Keys, persist: opts.Persist, Sess: sess, Notes: notes, Input: in, replanOffered: -1}
	r.Kind = r.defaultKind()
	r.lastRemaining = sess.Remaining(com.Now)
	return r
}

// Start begins the session if it has not started yet and saves it.
func (r *Screen) Start() tea.Cmd {
	if r.Sess.Started() {
		return r.autoBackup()
	}
	if r.opts.TitleScreen {
		return nil // the title screen waits for the clicker
	}
	evs := r.Sess.Start(r.com.Now)
	r.lastRemaining = r.Sess.Remaining(r.com.Now)
	return tea.Sequence(r.PersistNow(evs), r.autoBackup())
}

func (r *Screen) defaultKind() session.Kind {
	if c := r.Sess.Current(); c != nil {
		return session.KindFor(c.Capture)
	}
	return session.KindNote
}

// LiveNotes returns the notes not deleted, oldest first.
func (r *Screen) LiveNotes() []session.Note {
	out := make([]session.Note, 0, len(r.Notes))
	for _, n := range r.Notes {
		if !n.Deleted {
			out = append(out, n)
		}
	}
	return out
}

func (r *Screen) liveCount() int {
	c := 0
	for _, n := range r.Notes {
		if !n.Deleted {
			c++
		}
	}
	return c
}

// OnTick rings the bell when a step's time runs out.
func (r *Screen) OnTick(now time.Time) tea.Cmd {
	retry := r.retryTick()
	if r.Sess.Finished || !r.Sess.Started() || !r.Sess.Timed() {
		return retry
	}
	if retry != nil {
		return tea.Batch(retry, r.onTick(now))
	}
	return r.onTick(now)
}

func (r *Screen) onTick(now time.Time) tea.Cmd {
	rem := r.Sess.Remaining(now)
	prev := r.lastRemaining
	r.lastRemaining = rem
	var cmd tea.Cmd
	switch {
	case prev > 0 && rem <= 0:
		cmd = r.bell(r.com.Catalog.Run.Overtime, now)
	case r.opts.MinuteBell && !r.minuteRung && prev > time.Minute && rem <= time.Minute && r.Sess.Timer.Planned >= 3*time.Minute:
		r.minuteRung = true
		cmd = r.bell("1:00", now)
	}
	// Offer a re-plan once per step when the session runs late.
	if r.Sess.Pos != r.replanOffered && rem < 0 {
		if prop, ok := r.Sess.Replan(now); ok {
			r.Replan, r.replanOffered = prop, r.Sess.Pos
		}
	}
	return cmd
}

// bell rings the terminal bell (unless muted) and flashes the screen.
func (r *Screen) bell(text string, now time.Time) tea.Cmd {
	r.Flash = text
	r.flashEnd = now.Add(1500 * time.Millisecond)
	r.bells++
	if r.Sess.Muted {
		return nil
	}
	return tea.Raw("\a")
}

// SetStatus shows a message on the status line: for a few seconds, an
// error until something else happens.
func (r *Screen) SetStatus(s string, isErr bool) {
	r.Status, r.statusErr = s, isErr
	d := 4 * time.Second
	if isErr {
		d = 24 * time.Hour // errors stay until something else happens
	}
	r.statusEnd = r.com.Now.Add(d)
}

// Blanked reports whether the projector is blanked: the next key only
// brings the screen back.
func (r *Screen) Blanked() bool { return r.blank }

// HandleKey routes a key press by mode.
func (r *Screen) HandleKey(msg tea.KeyPressMsg) tea.Cmd {
	k := r.keys
	if r.askQuit {
		// The question of HoldQuit: y (or q again) leaves, the notes going
		// to the recovery file; any other key stays.
		if s := msg.String(); s == "y" || s == "j" {
			return r.host.ConfirmLeave()
		}
		if key.Matches(msg, k.Quit) {
			return r.host.Quit() // asked twice: the root confirms
		}
		r.askQuit = false
		return nil
	}
	switch r.Mode {
	case ModeCapture:
		return r.handleCaptureKey(msg)
	case ModeNotes:
		return r.handleNotesKey(msg)
	}
	now := r.com.Now
	if r.blank {
		// The first key only brings the screen back, whatever it is: a
		// clicker's PgDn must not also skip the step the room returns to.
		r.blank = false
		return nil
	}
	if r.reviewActive() {
		if cmd, ok := r.handleReviewKey(msg); ok {
			return cmd
		}
	}
	if r.Replan != nil {
		switch msg.String() {
		case "y", "j":
			evs := r.Sess.ApplyReplan(r.Replan, now)
			r.Replan = nil
			return r.PersistNow(evs)
		case "esc", "x":
			r.Replan = nil
			return nil
		}
	}
	switch {
	case key.Matches(msg, k.Quit):
		return r.host.Quit()
	case key.Matches(msg, k.Help):
		r.host.ShowHelp()
	case key.Matches(msg, k.Pause):
		return r.PersistNow(r.Sess.TogglePause(now))
	case key.Matches(msg, k.Next):
		return r.Move(+1)
	case key.Matches(msg, k.Back):
		return r.Move(-1)
	case key.Matches(msg, k.Plus):
		return r.extend(time.Minute)
	case key.Matches(msg, k.Minus):
		return r.extend(-time.Minute)
	case key.Matches(msg, k.Repeat):
		evs := r.Sess.Repeat(now)
		if evs == nil {
			return nil
		}
		r.afterStepChange(now)
		return tea.Batch(r.PersistNow(evs), r.bell(r.StepTitle(), now))
	case key.Matches(msg, k.Blank):
		r.blank = true
	case key.Matches(msg, k.Capture):
		r.openCapture()
		return nil
	case key.Matches(msg, k.Mute):
		r.Sess.Muted = !r.Sess.Muted
		return r.PersistNow(nil)
	case key.Matches(msg, k.Undo):
		return r.Undo()
	case key.Matches(msg, k.Redo):
		return r.Redo()
	case key.Matches(msg, k.Agenda):
		r.host.ShowAgenda()
	case key.Matches(msg, k.Board):
		return r.host.OpenBoard()
	case msg.String() == "5" && r.cardsStep():
		return r.host.OpenCards()
	case key.Matches(msg, k.Export):
		return r.export()
	}
	return nil
}

// Move goes to the next (+1) or previous (-1) step and rings the bell.
func (r *Screen) Move(dir int) tea.Cmd {
	now := r.com.Now
	from := r.Sess.Pos
	wasFinished, wasStarted := r.Sess.Finished, r.Sess.Started()
	var evs []session.Event
	if dir > 0 {
		evs = r.Sess.Next(now)
	} else {
		evs = r.Sess.Prev(now)
	}
	if evs == nil {
		return nil
	}
	if wasStarted && !(wasFinished && dir < 0) && !(r.Sess.Finished && dir > 0) {
		r.com.History.Push(session.Op{Type: session.OpStepMove, From: from, To: r.Sess.Pos, Label: r.StepTitle()})
	}
	r.afterStepChange(now)
	text := r.StepTitle()
	if r.Sess.Finished {
		text = r.com.Catalog.Run.Finished
	}
	cmds := []tea.Cmd{r.PersistNow(evs), r.bell(text, now), r.autoBackup()}
	// A string's harvest step is the board: moving onto it opens it, so
	// the clicker alone takes the room from the notes to their themes.
	if c := r.Sess.Current(); dir > 0 && !r.Sess.Finished && c != nil && c.Harvest {
		cmds = append(cmds, r.host.OpenBoard())
	}
	return tea.Batch(cmds...)
}

// autoBackuper is a store that keeps a running copy of itself beside the
// database, for `liberate backup` while this session holds the file.
type autoBackuper interface{ AutoBackup() error }

// autoBackup refreshes that copy in the background. A failure is said on
// the facilitator's status line (never on the room's screen): the notes are
// safe, but liberate backup would hand on an older copy.
func (r *Screen) autoBackup() tea.Cmd {
	b, ok := r.com.Store.(autoBackuper)
	if !ok {
		return nil
	}
	r.copiedAt = r.com.Now
	return func() tea.Msg {
		if err := b.AutoBackup(); err != nil {
			return backupFailedMsg{err: err}
		}
		return nil
	}
}

func (r *Screen) afterStepChange(now time.Time) {
	r.lastRemaining = r.Sess.Remaining(now)
	r.minuteRung = false
	r.Replan = nil
	r.tally = ""
	if !r.kindSet {
		r.Kind = r.defaultKind()
	}
}

// MaxExtend is how much longer than its longest planned time + may make a
// step; a step never lasts more than a day.
const MaxExtend = 60 * time.Minute

func (r *Screen) extend(d time.Duration) tea.Cmd {
	if c := r.Sess.Current(); c != nil && d > 0 {
		limit := min(max(c.Max, c.Min)+MaxExtend, time.Duration(structure.MaxStepMinutes)*time.Minute)
		if r.Sess.Timer.Planned+d > limit {
			r.SetStatus(fmt.Sprintf(r.com.Catalog.Queue.ExtendCap, int(MaxExtend/time.Minute)), false)
			return nil
		}
	}
	evs := r.Sess.Extend(d, r.com.Now)
	if evs == nil {
		return nil
	}
	r.com.History.Push(session.Op{Type: session.OpExtend, Delta: int64(evs[0].Delta), Label: fmt.Sprintf("%+d min", int(evs[0].Delta/time.Minute))})
	r.lastRemaining = r.Sess.Remaining(r.com.Now)
	return r.PersistNow(evs)
}

func (r *Screen) openCapture() {
	r.Mode = ModeCapture
	r.editing = 0
	r.Input.Placeholder = r.com.Catalog.Run.CapturePh
	r.Input.Focus()
}

func (r *Screen) closeCapture() {
	r.Mode = ModeRun
	r.editing = 0
	r.Input.Blur()
	r.Input.SetValue("")
}

func (r *Screen) handleCaptureKey(msg tea.KeyPressMsg) tea.Cmd {
	k := r.keys
	switch msg.String() {
	case "esc":
		if r.editing != 0 {
			r.editing = 0
			r.Input.SetValue("")
			r.Input.Placeholder = r.com.Catalog.Run.CapturePh
			return nil
		}
		r.closeCapture()
		return nil
	case "enter":
		return r.saveInput()
	case "tab":
		r.Kind = r.Kind.Next()
		r.kindSet = true
		return nil
	case "shift+tab":
		for i := 0; i < len(session.Kinds)-1; i++ {
			r.Kind = r.Kind.Next()
		}
		r.kindSet = true
		return nil
	case "up":
		if r.liveCount() > 0 && r.editing == 0 {
			r.Mode = ModeNotes
			r.sel = 0
		}
		return nil
	case "ctrl+z":
		return r.Undo()
	case "ctrl+y":
		return r.Redo()
	}
	// The clicker keeps working while the line is open.
	if key.Matches(msg, k.Next) && msg.String() != "n" && msg.String() != "right" {
		return r.Move(+1)
	}
	if msg.String() == "pgup" {
		return r.Move(-1)
	}
	var cmd tea.Cmd
	r.Input, cmd = r.Input.Update(msg)
	return cmd
}

// Paste puts pasted text, made safe, into the capture line.
func (r *Screen) Paste(s string) tea.Cmd {
	if r.Mode != ModeCapture {
		r.openCapture()
	}
	clean := textsafe.Clean(s)
	if n := []rune(clean); len(n) > textsafe.MaxNoteRunes {
		clean = string(n[:textsafe.MaxNoteRunes])
		r.SetStatus(fmt.Sprintf(r.com.Catalog.Run.Truncated, textsafe.MaxNoteRunes), false)
	}
	r.Input.SetValue(r.Input.Value() + clean)
	r.Input.CursorEnd()
	return nil
}

// saveInput saves the capture line as a new note, or as the edit of the
// selected note. The line is cleared at once so typing can go on; if the
// save fails, the text comes back into the line.
func (r *Screen) saveInput() tea.Cmd {
	text, truncated, err := textsafe.Note(r.Input.Value())
	if err != nil {
		if errors.Is(err, textsafe.ErrEmpty) {
			if r.Input.Value() == "" && r.editing == 0 {
				return nil // Enter on an empty line does nothing
			}
			r.SetStatus(r.com.Catalog.Run.Empty, true)
			return nil
		}
		r.SetStatus(err.Error(), true)
		return nil
	}
	if truncated {
		r.SetStatus(fmt.Sprintf(r.com.Catalog.Run.Truncated, textsafe.MaxNoteRunes), false)
	}
	now := r.com.Now
	if r.editing != 0 {
		old, ok := r.noteByID(r.editing)
		r.editing = 0
		r.Input.SetValue("")
		r.Input.Placeholder = r.com.Catalog.Run.CapturePh
		if !ok {
			return nil
		}
		n := old
		n.Text = text
		if n.Kind == session.KindAction {
			p := action.Parse(text, now)
			n.Text, n.Owner, n.Due = p.Text, p.Owner, p.DueDate()
		}
		if n.Text == old.Text && n.Owner == old.Owner && n.Due == old.Due {
			return nil
		}
		n.UpdatedAt = now
		return r.enqueue(waiting{note: n, edit: true, before: old, truncated: truncated})
	}
	c := r.Sess.Current()
	n := session.Note{SessionID: r.Sess.ID, Text: text, Kind: r.Kind, StepIndex: r.Sess.Pos, CreatedAt: now, UpdatedAt: now}
	if n.Kind == session.KindAction {
		// "Jan: leverancier bellen @vr": the owner and the date go in their
		// own fields, as the line above the capture said back.
		p := action.Parse(text, now)
		n.Text, n.Owner, n.Due = p.Text, p.Owner, p.DueDate()
	}
	if c != nil {
		n.Structure, n.StepPath = c.Structure, c.Path
		n.Counters = append([]structure.Counter(nil), c.Counters...)
	}
	r.Input.SetValue("")
	// The note joins the queue: saved in typing order, one at a time,
	// each confirmed on its own; the line is free for the next one.
	return r.enqueue(waiting{note: n, truncated: truncated})
}

func (r *Screen) noteByID(id uint64) (session.Note, bool) {
	for _, n := range r.Notes {
		if n.ID == id {
			return n, true
		}
	}
	return session.Note{}, false
}

func (r *Screen) replaceNote(n session.Note) {
	for i := range r.Notes {
		if r.Notes[i].ID == n.ID {
			r.Notes[i] = n
			return
		}
	}
	r.Notes = append(r.Notes, n)
}

// HandleMsg handles command results meant for the run screen.
func (r *Screen) HandleMsg(msg tea.Msg) (tea.Cmd, bool) {
	switch msg := msg.(type) {
	case queueSavedMsg:
		return r.queueSaved(msg), true
	case recoveryMsg:
		if msg.err != nil {
			r.recovered, r.recoveredN = "", 0
			r.SetStatus(fmt.Sprintf(r.com.Catalog.Queue.RecoveryFailed, format.SaveError(msg.err)), true)
			return nil, true
		}
		r.recovered = msg.path
		if !r.damaged {
			r.SetStatus(fmt.Sprintf(r.com.Catalog.Queue.Recovered, msg.path), false)
		}
		if msg.leave {
			return r.host.ConfirmLeave(), true
		}
		return nil, true
	case backupFailedMsg:
		r.SetStatus(fmt.Sprintf(r.com.Catalog.Queue.CopyFailed, format.SaveError(msg.err)), false)
		return nil, true
	case NoteSavedMsg:
		r.Pending--
		if msg.err != nil {
			// Nothing is shown as saved that is not: the change stays
			// undone on screen and the error says why.
			r.SetStatus(fmt.Sprintf(r.com.Catalog.Run.NotSaved, format.SaveError(msg.err)), true)
			return nil, true
		}
		if msg.undo {
			r.replaceNote(msg.note)
			r.SetStatus(msg.label, false)
			return r.saveHistory(), true
		}
		before, _ := r.noteByID(msg.note.ID)
		r.replaceNote(msg.note)
		switch {
		case msg.edit:
			r.com.History.Push(session.Op{Type: session.OpNoteEdit, Before: before, After: msg.note, Label: layout.Clip(msg.note.Text, 30)})
		default:
			r.com.History.Push(session.Op{Type: session.OpNoteAdd, After: msg.note, Label: layout.Clip(msg.note.Text, 30)})
		}
		if r.statusErr {
			r.Status, r.statusErr = "", false
		}
		r.SetStatus(r.com.Catalog.Run.Saved, false)
		// During a long harvest the running copy follows the notes too,
		// at most once a minute.
		if r.com.Now.Sub(r.copiedAt) >= time.Minute {
			return tea.Batch(r.saveHistory(), r.autoBackup()), true
		}
		return r.saveHistory(), true
	case PersistedMsg:
		if msg.Err != nil {
			r.SetStatus(fmt.Sprintf(r.com.Catalog.Run.NotSaved, format.SaveError(msg.Err)), true)
		}
		return nil, true
	case exportedMsg:
		if msg.err != nil {
			r.SetStatus(msg.err.Error(), true)
		} else {
			r.SetStatus("→ "+msg.path, false)
		}
		return nil, true
	}
	return nil, false
}

func (r *Screen) handleNotesKey(msg tea.KeyPressMsg) tea.Cmd {
	total := r.liveCount()
	if total == 0 {
		r.Mode = ModeCapture
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
			r.Mode = ModeCapture
		}
	case "esc":
		r.Mode = ModeCapture
	case "enter", "e":
		r.Mode = ModeCapture
		r.editing = selected.ID
		r.Input.SetValue(actionLine(selected))
		r.Input.CursorEnd()
		r.Input.Placeholder = r.com.Catalog.Run.EditPh
	case "d", "delete", "backspace":
		n := selected
		n.Deleted, n.UpdatedAt = true, r.com.Now
		r.com.History.Push(session.Op{Type: session.OpNoteDelete, Before: selected, After: n, Label: layout.Clip(selected.Text, 30)})
		r.SetStatus(r.com.Catalog.Run.Deleted, false)
		if r.sel > 0 {
			r.sel--
		}
		return r.writeNote(n, session.EventNoteDeleted, "")
	case "v":
		if !selected.Phone {
			return nil
		}
		n := selected
		n.Revealed, n.UpdatedAt = !n.Revealed, r.com.Now
		t := i18n.PhoneFor(r.com.Catalog.Lang)
		r.com.History.Push(session.Op{Type: session.OpNoteEdit, Before: selected, After: n, Label: layout.Clip(selected.Text, 30)})
		if n.Revealed {
			r.SetStatus(t.Revealed, false)
		} else {
			r.SetStatus(t.Unrevealed, false)
		}
		return r.writeNote(n, session.EventNoteEdited, "")
	case "x":
		if !selected.Phone || selected.Seat == "" || r.opts.ToggleMute == nil {
			return nil
		}
		t := i18n.PhoneFor(r.com.Catalog.Lang)
		if r.opts.ToggleMute(selected.Seat) {
			r.SetStatus(t.PhoneMuted, false)
		} else {
			r.SetStatus(t.PhoneUnmuted, false)
		}
		return nil
	case "tab", "t":
		n := selected
		n.Kind, n.UpdatedAt = n.Kind.Next(), r.com.Now
		r.com.History.Push(session.Op{Type: session.OpNoteEdit, Before: selected, After: n, Label: layout.Clip(selected.Text, 30)})
		return r.writeNote(n, session.EventKindChanged, "")
	case "ctrl+z", "u":
		return r.Undo()
	case "ctrl+y":
		return r.Redo()
	}
	return nil
}

// writeNote saves a changed note (delete, kind, undo) and shows the result
// once it is on disk.
func (r *Screen) writeNote(n session.Note, ev session.EventType, label string) tea.Cmd {
	st, sid, now := r.com.Store, r.Sess.ID, r.com.Now
	before, _ := r.noteByID(n.ID)
	r.Pending++
	return func() tea.Msg {
		err := st.UpdateNote(&n)
		if err == nil {
			_ = st.AppendEvent(sid, &session.Event{At: now, Type: ev, StepIndex: n.StepIndex, NoteID: n.ID, Before: string(before.Kind), After: string(n.Kind)})
		}
		return NoteSavedMsg{note: n, err: err, undo: true, label: label}
	}
}

// Undo reverts the latest change.
func (r *Screen) Undo() tea.Cmd {
	op, ok := r.com.History.PopUndo()
	if !ok {
		r.SetStatus(r.com.Catalog.Run.NothingUndo, false)
		return nil
	}
	return r.applyOp(op, true)
}

// Redo re-applies the latest undone change.
func (r *Screen) Redo() tea.Cmd {
	op, ok := r.com.History.PopRedo()
	if !ok {
		return nil
	}
	return r.applyOp(op, false)
}

// applyOp reverts (undo) or re-applies (redo) one change.
func (r *Screen) applyOp(op session.Op, undo bool) tea.Cmd {
	label := fmt.Sprintf(r.com.Catalog.Run.Redone, op.Label)
	if undo {
		label = fmt.Sprintf(r.com.Catalog.Run.Undone, op.Label)
	}
	now := r.com.Now
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
		for i := 0; i < len(r.Sess.Plan) && r.Sess.Pos != target; i++ {
			var e []session.Event
			if r.Sess.Pos > target || r.Sess.Finished {
				e = r.Sess.Prev(now)
			} else {
				e = r.Sess.Next(now)
			}
			if e == nil {
				break
			}
			evs = append(evs, e...)
		}
		r.afterStepChange(now)
		r.SetStatus(label, false)
		return tea.Batch(r.PersistNow(evs), r.saveHistory())
	case session.OpExtend:
		d := time.Duration(op.Delta)
		if undo {
			d = -d
		}
		evs := r.Sess.Extend(d, now)
		r.SetStatus(label, false)
		return tea.Batch(r.PersistNow(evs), r.saveHistory())
	case session.OpClusters, session.OpNoteMove, session.OpVote:
		return r.host.BoardOp(op, undo, label)
	case session.OpReview, session.OpRescore:
		if !r.Sess.RevertReview(op, !undo, now) {
			return nil
		}
		// Show the room the item that changed.
		r.Sess.ReviewPos = op.Index
		if op.Type == session.OpRescore {
			r.Sess.ReviewPos = len(r.Sess.Review) + op.Index
		}
		r.tally = ""
		r.SetStatus(label, false)
		return r.PersistNow(nil)
	}
	return nil
}

// saveHistory stores the undo history so `resume` can undo too.
func (r *Screen) saveHistory() tea.Cmd {
	b, err := json.Marshal(r.com.History)
	if err != nil {
		return nil
	}
	st, sid := r.com.Store, r.Sess.ID
	return func() tea.Msg {
		return PersistedMsg{Err: st.SaveUndo(sid, b)}
	}
}

// PersistNow saves a snapshot of the session and the given events.
func (r *Screen) PersistNow(evs []session.Event) tea.Cmd {
	r.Sess.Sync(r.com.Now)
	snap := cloneSession(r.Sess)
	v := r.persist.next()
	st, p := r.com.Store, r.persist
	hist, _ := json.Marshal(r.com.History)
	return func() tea.Msg {
		for i := range evs {
			if err := st.AppendEvent(snap.ID, &evs[i]); err != nil {
				return PersistedMsg{Err: err}
			}
		}
		err := p.write(v, func() error {
			if err := st.SaveSession(snap); err != nil {
				return err
			}
			return st.SaveUndo(snap.ID, hist)
		})
		return PersistedMsg{Err: err}
	}
}

func (r *Screen) export() tea.Cmd {
	if r.opts.Export == nil {
		return nil
	}
	fn, id := r.opts.Export, r.Sess.ID
	return tea.Sequence(r.PersistNow(nil), func() tea.Msg {
		path, err := fn(id)
		return exportedMsg{path: path, err: err}
	})
}

// ---- rendering ----

// StepTitle is the step in words for the window title and the flash: the
// group configuration if there is one, else the step label.
func (r *Screen) StepTitle() string {
	c := r.Sess.Current()
	if c == nil {
		return ""
	}
	lang := r.com.Catalog.Lang
	if w := r.stepConfigWords(c); w != "" && c.Config != structure.ConfigWhole && c.Config != structure.ConfigFacilitator {
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

func (r *Screen) configWords(c structure.Config) string {
	return r.com.Catalog.Run.Configs[string(c)]
}

// sizeConfigs are the configurations named after a group size.
var sizeConfigs = map[int]structure.Config{2: structure.ConfigPairs, 3: structure.ConfigTrios, 4: structure.ConfigFours}

// stepConfigWords is the configuration of step c in words, with a client's
// turn named after the groups that run it: "VIERTALLEN · KLANT VERTELT" when
// only the fours still take a fourth turn, "VIJFTALLEN · …" for Wise Crowds'
// groups of five, instead of the trios the words assume.
func (r *Screen) stepConfigWords(c *structure.PlannedStep) string {
	w := r.configWords(c.Config)
	switch c.Config {
	case structure.ConfigPairs, structure.ConfigTrios, structure.ConfigFours:
		// The pair interviews' third turn is the trio's alone.
		if len(c.Groups) == 1 {
			if k, ok := sizeConfigs[c.Groups[0]]; ok {
				return r.configWords(k)
			}
		}
		return w
	case structure.ConfigClient, structure.ConfigClientBack:
	default:
		return w
	}
	sizes := c.Groups
	if len(sizes) == 0 && c.GroupSize > 0 && c.GroupSize != 3 {
		sizes = []int{c.GroupSize}
	}
	_, role, ok := strings.Cut(w, " · ")
	if len(sizes) == 0 || !ok {
		return w
	}
	g := r.com.Catalog.Groups
	var names []string
	for _, n := range sizes {
		name := g.Plural[n]
		if name == "" {
			name = fmt.Sprintf(g.GenericP, n)
		}
		names = append(names, strings.ToUpper(name))
	}
	return strings.Join(names, " "+strings.ToUpper(g.And)+" ") + " · " + role
}

// displayTime is what the big digits show at now.
func (r *Screen) displayTime(now time.Time) string {
	if r.Sess.Finished {
		return timer.Format(r.totalActual())
	}
	if !r.Sess.Timed() {
		return timer.Format(r.Sess.Timer.Elapsed(now))
	}
	return timer.Format(r.Sess.Remaining(now))
}

func (r *Screen) totalActual() time.Duration {
	var d time.Duration
	for _, rec := range r.Sess.Records {
		d += rec.Actual
	}
	return d
}

// WindowTitle carries the remaining time and the step, so the time shows in
// the taskbar too: "00:42 · 1-2-4-All · Pairs".
func (r *Screen) WindowTitle(now time.Time) string {
	c := r.Sess.Current()
	if c == nil {
		return "liberate"
	}
	if r.Sess.Finished {
		return r.com.Catalog.Run.Finished + " · liberate"
	}
	return textsafe.Display(r.ClockText(now) + " · " + c.StructureName.In(r.com.Catalog.Lang) + " · " + r.StepTitle())
}

// ClockText is the running step's time as the window title and the board
// header show it, with ⏸ while paused.
func (r *Screen) ClockText(now time.Time) string {
	if r.Sess.Paused() {
		return r.displayTime(now) + " ⏸"
	}
	return r.displayTime(now)
}

func (r *Screen) counterText(c *structure.PlannedStep) string {
	var parts []string
	for _, ct := range c.Counters {
		name := r.com.Catalog.Run.Counters[ct.Kind]
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

func minutes(d time.Duration) string {
	return fmt.Sprintf("%d min", int(d/time.Minute))
}

// View renders the run screen in width × height cells: the room's view
// of the session (package room, the same a projector shows) above the
// facilitator's lines: recent notes, the capture line, a re-plan offer,
// the status and the keys.
func (r *Screen) View(width, height int, now time.Time) string {
	if width <= 0 || height <= 0 {
		return ""
	}
	st := r.com.Styles
	snap := r.Snapshot()
	if snap.Blank || width < room.MinWidth || height < room.MinHeight || r.Sess.Current() == nil {
		return room.View(snap, width, height, now, st)
	}

	// Bottom block: notes, capture line, re-plan offer, status, help.
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
	if r.Mode == ModeNotes && notesRows < 3 && height >= 12 {
		notesRows = 3
	}
	notes := r.notesView(width, notesRows)
	if r.Mode != ModeNotes && notesRows > 0 {
		// Notes waiting to be saved show below the saved ones, marked,
		// each on its own line: nothing is glued or hidden.
		wait := r.waitingView(width, min(len(r.queue), notesRows))
		if keep := notesRows - len(wait); len(notes) > keep {
			notes = notes[len(notes)-keep:]
		}
		notes = append(notes, wait...)
	}
	if r.Mode != ModeRun {
		if sb := r.sayBack(width); sb != "" {
			bottom = append(bottom, sb)
		}
		bottom = append(bottom, r.captureLine(width))
	}
	if r.Replan != nil {
		bottom = append(bottom, layout.Center(width, st.StatusWarning.Render(ansi.Truncate(r.replanText(), width, "…"))))
	}
	bottom = append(bottom, r.damagedView(width)...)
	bottom = append(bottom, r.statusLine(width, now))
	if r.askQuit {
		bottom = append(bottom, st.StatusWarning.Render(ansi.Truncate(r.com.Catalog.Queue.AskQuitKeys, width, "…")))
	} else {
		bottom = append(bottom, r.helpView(width))
	}

	// The room keeps the rows its text needs; in run mode the recent notes
	// give way first.
	for len(notes) > 0 && r.Mode == ModeRun && room.Rows(snap, width, height-len(notes)-len(bottom), st) > height-len(notes)-len(bottom) {
		notes = notes[1:]
	}
	bottom = append(notes, bottom...)
	roomRows := height - len(bottom)
	if roomRows < 1 {
		return strings.Join(bottom[len(bottom)-height:], "\n")
	}
	return room.View(snap, width, roomRows, now, st) + "\n" + strings.Join(bottom, "\n")
}

// wordsDiffer reports whether the step label adds to the configuration
// words (e.g. "Consultants talk" under "TRIOS · CLIENT TURNS BACK").
func (r *Screen) wordsDiffer(c *structure.PlannedStep) bool {
	words := letters(r.stepConfigWords(c))
	label := letters(c.Label.In(r.com.Catalog.Lang))
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
func (r *Screen) capturesNothing() bool {
	c := r.Sess.Current()
	if c == nil {
		return false
	}
	for _, p := range r.Sess.Plan {
		if p.StructureIndex == c.StructureIndex && p.Capture != structure.CaptureNone {
			return false
		}
	}
	return true
}

// invitation is the question for the room: the facilitator's own for a
// single structure, else the string item's.
func (r *Screen) invitation(c *structure.PlannedStep) string {
	inv := c.Invitation.In(r.com.Catalog.Lang)
	if r.Sess.Invitation != "" && (c.StructureCount <= 1 || inv == "") {
		inv = r.Sess.Invitation
	}
	return textsafe.Display(inv)
}

func (r *Screen) splitText(c *structure.PlannedStep) string {
	if len(c.Split) == 0 || r.Sess.Participants <= 0 {
		return ""
	}
	var counts [][2]int
	for _, g := range c.Split {
		counts = append(counts, [2]int{g.Size, g.Count})
	}
	return fmt.Sprintf(r.com.Catalog.Groups.People, r.Sess.Participants) + ": " + r.com.Catalog.Groups.Phrase(counts)
}

func (r *Screen) replanText() string {
	var saved time.Duration
	for i := r.Sess.Pos + 1; i < len(r.Sess.Plan) && i < len(r.Replan); i++ {
		saved += r.Sess.Plan[i].Planned - r.Replan[i]
	}
	// Exact to the half minute the proposal works in: "1.5 min".
	if saved < 0 {
		return fmt.Sprintf(r.com.Catalog.Agenda.ReplanAhead, format.Minutes(-saved.Round(30*time.Second))+" min")
	}
	return fmt.Sprintf(r.com.Catalog.Agenda.ReplanOffer, format.Minutes(saved.Round(30*time.Second))+" min")
}

// notesView shows the latest notes, newest at the bottom. It walks back
// from the newest note and touches only the rows it shows, so thousands of
// notes cost nothing per frame.
func (r *Screen) notesView(width, rows int) []string {
	if rows <= 0 {
		return nil
	}
	st := r.com.Styles
	total := r.liveCount()
	if total == 0 {
		return nil
	}
	// skip = how many of the newest live notes lie below the window.
	skip := 0
	if r.Mode == ModeNotes && r.sel >= rows {
		skip = r.sel - rows + 1
	}
	var picked []session.Note
	seen := 0
	for i := len(r.Notes) - 1; i >= 0 && len(picked) < rows; i-- {
		if r.Notes[i].Deleted {
			continue
		}
		if seen >= skip {
			picked = append(picked, r.Notes[i])
		}
		seen++
	}
	out := make([]string, 0, len(picked))
	for j := len(picked) - 1; j >= 0; j-- {
		n := picked[j]
		fromNewest := skip + j
		number := total - fromNewest
		kind := r.com.Catalog.Run.Kinds[string(n.Kind)]
		prefix := fmt.Sprintf("%3d  %-11s ", number, kind)
		if n.Phone {
			// A phone note: ☎, and ☎✓ once the room has been shown it.
			mark := i18n.PhoneFor(r.com.Catalog.Lang).ConsoleMark
			if n.Revealed {
				mark += "✓"
			}
			prefix = fmt.Sprintf("%3d %-2s %-11s ", number, mark, kind)
		}
		text := ansi.Truncate(textsafe.Display(n.Text+r.ownerText(n)), max(0, width-ansi.StringWidth(prefix)-1), "…")
		line := st.NoteKind.Render(prefix) + st.Note.Render(text)
		if r.Mode == ModeNotes && fromNewest == r.sel {
			line = st.NoteSelected.Render(layout.PadRight(prefix+text, width))
		}
		out = append(out, line)
	}
	return out
}

// waitingView shows the newest rows notes waiting to be saved, marked.
func (r *Screen) waitingView(width, rows int) []string {
	if rows <= 0 || len(r.queue) == 0 {
		return nil
	}
	st := r.com.Styles
	mark := r.com.Catalog.Queue.WaitingMark
	out := make([]string, 0, rows)
	for _, w := range r.queue[len(r.queue)-rows:] {
		kind := r.com.Catalog.Run.Kinds[string(w.note.Kind)]
		prefix := fmt.Sprintf("%3s  %-11s ", "…", kind)
		text := ansi.Truncate(mark+": "+textsafe.Display(actionLine(w.note)), max(0, width-ansi.StringWidth(prefix)-1), "…")
		out = append(out, st.StatusWarning.Render(ansi.Truncate(prefix+text, width, "…")))
	}
	return out
}

// selectedNote returns the note sel places from the newest live one.
func (r *Screen) selectedNote() (session.Note, bool) {
	seen := 0
	for i := len(r.Notes) - 1; i >= 0; i-- {
		if r.Notes[i].Deleted {
			continue
		}
		if seen == r.sel {
			return r.Notes[i], true
		}
		seen++
	}
	return session.Note{}, false
}

func (r *Screen) captureLine(width int) string {
	st := r.com.Styles
	kind := r.com.Catalog.Run.Kinds[string(r.Kind)]
	label := "[" + kind + "] › "
	if r.editing != 0 {
		label = "[" + r.com.Catalog.Run.KeyEdit + "] › "
	}
	layout.FitInput(&r.Input, max(1, width-ansi.StringWidth(label)-1))
	return st.CaptureKind.Render(label) + r.Input.View()
}

func (r *Screen) statusLine(width int, now time.Time) string {
	st := r.com.Styles
	cat := r.com.Catalog.Run
	left := fmt.Sprintf(cat.Captured, r.liveCount())
	c := r.Sess.Current()
	if c != nil && r.capturesNothing() && r.Mode == ModeRun && r.liveCount() == 0 {
		left = cat.Confidential
	}
	var right string
	rightStyle := st.Saved
	switch {
	case r.askQuit:
		right, rightStyle = fmt.Sprintf(r.com.Catalog.Queue.AskQuit, len(r.queue)), st.StatusWarning
	case r.waitingText() != "" && !(r.Status != "" && r.statusErr && now.Before(r.statusEnd) && r.recovered == ""):
		right, rightStyle = r.waitingText(), st.Error
	case r.Status != "" && now.Before(r.statusEnd):
		right = r.Status
		if r.statusErr {
			rightStyle = st.Error
		} else if r.Status != cat.Saved {
			rightStyle = st.Info
		}
	case r.Pending > 0:
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
func (r *Screen) helpView(width int) string {
	k := r.keys
	m := r.com
	switch r.Mode {
	case ModeCapture:
		return layout.HelpLine(m.Styles, width, k.Save, k.Close, k.Kind, k.Notes)
	case ModeNotes:
		if n, ok := r.selectedNote(); ok && n.Phone {
			t := i18n.PhoneFor(m.Catalog.Lang)
			keys := []key.Binding{k.Up, key.NewBinding(key.WithKeys("v"), key.WithHelp("v", t.KeyReveal))}
			if r.opts.ToggleMute != nil && n.Seat != "" {
				keys = append(keys, key.NewBinding(key.WithKeys("x"), key.WithHelp("x", t.KeyMutePhone)))
			}
			keys = append(keys, k.Delete, k.Edit, k.Undo, k.Close)
			return layout.HelpLine(m.Styles, width, keys...)
		}
		return layout.HelpLine(m.Styles, width, k.Up, k.Edit, k.Delete, layout.WithHelp(k.Kind, "tab", m.Catalog.Run.KeyKind), k.Undo, k.Close)
	}
	pause := k.Pause
	if r.Sess.Paused() {
		pause = layout.WithHelp(pause, "space", m.Catalog.Run.KeyResume)
	}
	mute := k.Mute
	if r.Sess.Muted {
		mute = layout.WithHelp(mute, "m", m.Catalog.Run.KeyUnmute)
	}
	if r.Sess.Finished {
		return layout.HelpLine(m.Styles, width, layout.WithEnabled(k.Export, r.opts.Export != nil), k.Back, k.Board, k.Agenda, k.Undo, k.Quit)
	}
	if r.reviewActive() {
		return layout.HelpLine(m.Styles, width, r.reviewHelp()...)
	}
	if r.opts.TitleScreen && !r.Sess.Started() {
		return layout.HelpLine(m.Styles, width, layout.WithHelp(k.Next, "→/pgdn", m.Catalog.FollowUp.KeyWalk), k.Capture, k.Help, k.Quit)
	}
	back := layout.WithEnabled(k.Back, r.Sess.Pos > 0)
	cards := layout.WithEnabled(layout.WithHelp(k.Board, "5", m.Catalog.Board.KeyCards), r.cardsStep())
	phones := layout.WithEnabled(key.NewBinding(key.WithKeys("j"), key.WithHelp("j", i18n.PhoneFor(m.Catalog.Lang).KeyJoin)), r.opts.ToggleMute != nil)
	return layout.HelpLine(m.Styles, width, pause, k.Next, back, k.Capture, k.Plus, k.Minus, k.Repeat, k.Blank, mute, k.Board, cards, k.Agenda,
		layout.WithEnabled(k.Undo, len(m.History.Undo) > 0), phones, k.Help, k.Quit)
}

// cardsStep reports whether the running step belongs to 25/10 Crowd
// Sourcing (or captures cards), where `5` opens the cards.
func (r *Screen) cardsStep() bool {
	c := r.Sess.Current()
	return c != nil && (c.Structure == "twenty-five-ten-crowd-sourcing" || c.Capture == structure.CaptureCard)
}
