package run

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"liberate/internal/i18n"
	"liberate/internal/session"
	"liberate/internal/store"
	"liberate/internal/textsafe"
	"liberate/internal/ui/format"
	"liberate/internal/ui/layout"
	"liberate/internal/userfile"
)

// RetryEvery is how long a note waits before its save is tried again after
// a failure; typing another note tries at once.
const RetryEvery = 2 * time.Second

// waiting is a note typed (or edited) but not yet on disk. Notes wait in
// the order they were typed and are saved one at a time, each confirmed on
// its own: a failed save never glues them together, cuts or drops one.
type waiting struct {
	note      session.Note
	edit      bool
	before    session.Note // the note before an edit
	truncated bool
}

// queueSavedMsg reports the save of the note at the head of the queue.
type queueSavedMsg struct {
	note session.Note
	err  error
}

// SaveErr lets the root know a save landed (or failed).
func (m queueSavedMsg) SaveErr() error { return m.err }

// recoveryMsg reports the recovery file written (or not).
type recoveryMsg struct {
	path  string
	err   error
	leave bool
}

// backupFailedMsg reports a running copy that could not be refreshed.
type backupFailedMsg struct{ err error }

// IsNoteSaved reports whether msg is the result of a note written to disk
// (typed, edited, deleted or restored).
func IsNoteSaved(msg tea.Msg) bool {
	switch msg.(type) {
	case NoteSavedMsg, queueSavedMsg:
		return true
	}
	return false
}

// Waiting returns the notes waiting to be saved, in typing order.
func (r *Screen) Waiting() []session.Note {
	out := make([]session.Note, len(r.queue))
	for i, w := range r.queue {
		out[i] = w.note
	}
	return out
}

// enqueue adds a note to the queue and tries to save the head.
func (r *Screen) enqueue(w waiting) tea.Cmd {
	r.queue = append(r.queue, w)
	var cmds []tea.Cmd
	if r.damaged {
		// The file is gone bad: every note goes to the recovery file too.
		cmds = append(cmds, r.recover(false))
	}
	// Typing a note is a reason to try again at once.
	r.retryAt = time.Time{}
	cmds = append(cmds, r.pump())
	return tea.Batch(cmds...)
}

// pump saves the note at the head of the queue unless one is in flight or
// a failure asks to wait.
func (r *Screen) pump() tea.Cmd {
	if r.saving || len(r.queue) == 0 || r.damaged {
		return nil
	}
	if r.waitErr != nil && r.com.Now.Before(r.retryAt) {
		return nil
	}
	r.saving = true
	r.Pending++
	w := r.queue[0]
	st, sid, now := r.com.Store, r.Sess.ID, r.com.Now
	return func() tea.Msg {
		n := w.note
		if w.edit {
			err := st.UpdateNote(&n)
			if err == nil {
				_ = st.AppendEvent(sid, &session.Event{At: now, Type: session.EventNoteEdited, StepIndex: n.StepIndex, NoteID: n.ID, Before: w.before.Text, After: n.Text})
			}
			return queueSavedMsg{note: n, err: err}
		}
		err := st.AddNote(&n)
		if err == nil {
			// The note is durable; the event is the timeline's record.
			_ = st.AppendEvent(sid, &session.Event{At: now, Type: session.EventNoteAdded, StepIndex: n.StepIndex, NoteID: n.ID, After: n.Text})
		}
		return queueSavedMsg{note: n, err: err}
	}
}

// queueSaved takes the result of the head's save: on success the note
// joins the notes and the next one goes; on failure it stays at the head.
func (r *Screen) queueSaved(msg queueSavedMsg) tea.Cmd {
	r.Pending--
	r.saving = false
	if len(r.queue) == 0 {
		return nil
	}
	if msg.err != nil {
		r.waitErr = msg.err
		r.retryAt = r.com.Now.Add(RetryEvery)
		if errors.Is(msg.err, store.ErrCorrupt) && !r.damaged {
			// Retrying cannot help: write everything this screen holds
			// to the recovery file now.
			r.damaged = true
			return r.recover(false)
		}
		return nil
	}
	w := r.queue[0]
	r.queue = r.queue[1:]
	before, _ := r.noteByID(msg.note.ID)
	r.replaceNote(msg.note)
	if w.edit {
		r.com.History.Push(session.Op{Type: session.OpNoteEdit, Before: before, After: msg.note, Label: layout.Clip(msg.note.Text, 30)})
	} else {
		r.com.History.Push(session.Op{Type: session.OpNoteAdd, After: msg.note, Label: layout.Clip(msg.note.Text, 30)})
	}
	if len(r.queue) == 0 {
		r.waitErr = nil
	}
	if r.statusErr {
		r.Status, r.statusErr = "", false
	}
	if w.truncated {
		r.SetStatus(fmt.Sprintf(r.com.Catalog.Queue.SavedShortened, textsafe.MaxNoteRunes), false)
	} else {
		r.SetStatus(r.com.Catalog.Run.Saved, false)
	}
	cmds := []tea.Cmd{r.saveHistory(), r.pump()}
	// During a long harvest the running copy follows the notes too, at
	// most once a minute.
	if r.com.Now.Sub(r.copiedAt) >= time.Minute {
		cmds = append(cmds, r.autoBackup())
	}
	return tea.Batch(cmds...)
}

// retryTick tries the head again once RetryEvery has passed.
func (r *Screen) retryTick() tea.Cmd {
	if r.waitErr == nil || len(r.queue) == 0 {
		return nil
	}
	return r.pump()
}

// waitReason says in a few words why notes wait.
func (r *Screen) waitReason() string {
	q := r.com.Catalog.Queue
	switch err := r.waitErr; {
	case errors.Is(err, store.ErrDiskFull):
		return q.DiskFull
	case errors.Is(err, store.ErrCorrupt):
		return q.Damaged
	case errors.Is(err, store.ErrReadOnly):
		return q.ReadOnly
	case errors.Is(err, store.ErrFileGone):
		return q.Gone
	case err != nil:
		return format.SaveError(err)
	}
	return ""
}

// waitingText is the status of the queue: "3 notes waiting: disk full".
func (r *Screen) waitingText() string {
	if len(r.queue) == 0 || r.waitErr == nil {
		return ""
	}
	q := r.com.Catalog.Queue
	if len(r.queue) == 1 {
		return fmt.Sprintf(q.WaitingOne, r.waitReason())
	}
	return fmt.Sprintf(q.WaitingMany, len(r.queue), r.waitReason())
}

// damagedView says, above the status line, that the database was damaged
// under the session and where every note went: the message, then the
// file on a line of its own, so the path is never cut.
func (r *Screen) damagedView(width int) []string {
	if !r.damaged || r.recovered == "" {
		return nil
	}
	st := r.com.Styles
	path := textsafe.Display(r.recovered)
	if ansi.StringWidth(path) > width {
		path = "…" + ansi.TruncateLeft(path, ansi.StringWidth(path)-width+1, "")
	}
	return []string{
		st.Error.Render(ansi.Truncate(r.com.Catalog.Queue.DamagedNow, width, "…")),
		st.Error.Render(path),
	}
}

// HoldQuit is asked by the root before it leaves or goes home. With notes
// waiting after a failed save it asks first (hold, no command); asked again (a second q or
// ctrl+c, or y), it writes them to the recovery file and then leaves
// (hold, with the command that does so). Without waiting notes, or once
// they are in the recovery file, it lets go.
func (r *Screen) HoldQuit() (bool, tea.Cmd) {
	if len(r.queue) == 0 || r.waitErr == nil || r.Recovered() {
		// Notes merely on their way are waited for by the root.
		return false, nil
	}
	if !r.askQuit {
		r.askQuit = true
		return true, nil
	}
	r.askQuit = false
	return true, r.recover(true)
}

// Recovered reports whether the notes waiting are in the recovery file,
// so the root need not wait for a save that may never land.
func (r *Screen) Recovered() bool { return r.recovered != "" && r.recoveredAll() }

// RecoveryFile is the recovery file written for this session, "" when none.
func (r *Screen) RecoveryFile() string { return r.recovered }

// recoveredAll reports whether the recovery file holds every waiting note.
func (r *Screen) recoveredAll() bool { return r.recoveredN >= len(r.queue) }

// recover writes the waiting notes (and, when the database is damaged,
// every note this screen holds) to the recovery file beside the database,
// else in the current folder, else in the temporary folder.
func (r *Screen) recover(leave bool) tea.Cmd {
	dbPath := ""
	if p, ok := r.com.Store.(interface{ Path() string }); ok {
		dbPath = p.Path()
	}
	var saved []session.Note
	if r.damaged {
		saved = r.LiveNotes()
	}
	waitingNotes := r.Waiting()
	r.recoveredN = len(waitingNotes)
	data := recoveryText(r.com.Catalog.Queue, r.com.Catalog.Run.Kinds, dbPath, r.Sess.Title, r.com.Now, saved, waitingNotes)
	path := r.recovered
	if path == "" {
		path = recoveryName(dbPath, r.com.Now)
	}
	return func() tea.Msg {
		p, err := writeRecovery(path, data)
		return recoveryMsg{path: p, err: err, leave: leave}
	}
}

// recoveryName is the recovery file beside the database.
func recoveryName(dbPath string, now time.Time) string {
	base := "liberate.db"
	dir := "."
	if dbPath != "" {
		dir, base = filepath.Split(dbPath)
	}
	return filepath.Join(dir, base+".unsaved-"+now.Local().Format("20060102-150405")+".txt")
}

// writeRecovery writes data at path, else under the same name in the
// current folder, else in the temporary folder; it returns where.
func writeRecovery(path string, data []byte) (string, error) {
	name := filepath.Base(path)
	var first error
	for _, p := range []string{path, name, filepath.Join(os.TempDir(), name)} {
		err := userfile.WriteAtomic(p, data, true)
		if err == nil {
			if abs, aerr := filepath.Abs(p); aerr == nil {
				p = abs
			}
			return p, nil
		}
		if first == nil {
			first = err
		}
	}
	return "", first
}

// recoveryText is the recovery file: a header and one note per line.
func recoveryText(cat i18n.Queue, kinds map[string]string, dbPath, title string, now time.Time, saved, waitingNotes []session.Note) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, cat.FileTitle+"\n", dbPath, textsafe.Display(title), now.Local().Format("2006-01-02 15:04:05"))
	b.WriteString(cat.FileHowTo + "\n")
	line := func(n session.Note) {
		kind := kinds[string(n.Kind)]
		if kind == "" {
			kind = string(n.Kind)
		}
		fmt.Fprintf(&b, "[%s] %s\n", textsafe.Display(kind), textsafe.Display(actionLine(n)))
	}
	if len(saved) > 0 {
		b.WriteString("\n" + cat.FileSaved + "\n")
		for _, n := range saved {
			line(n)
		}
	}
	if len(waitingNotes) > 0 {
		b.WriteString("\n" + cat.FileNotSaved + "\n")
		for _, n := range waitingNotes {
			line(n)
		}
	}
	return []byte(b.String())
}
