package home

import (
	"fmt"

	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"liberate/internal/textsafe"
	"liberate/internal/ui/format"
	"liberate/internal/ui/layout"
)

// Tidier is what the Sessions tab needs to keep the list tidy; a Source
// that implements it gets the rename (r), rehearsal (t) and delete (d,
// undone with u) keys.
type Tidier interface {
	Rename(id, title string) error
	SetRehearsal(id string, rehearsal bool) error
	// Delete writes a backup of the database and deletes the session
	// softly; it returns the backup's path.
	Delete(id string) (backup string, err error)
	// Restore brings back a session deleted in this run of liberate.
	Restore(id string) error
}

// tidyState is the Sessions tab's rename line, delete confirmation and
// the sessions deleted in this run, newest last, for undo.
type tidyState struct {
	renaming string // id of the session being renamed
	input    textinput.Model
	confirm  string // id of the session waiting for y/j
	deleted  []SessionInfo
}

// tidiedMsg reports a rename, mark, delete or restore on disk.
type tidiedMsg struct {
	status string
	err    error
	undo   *SessionInfo // the session deleted, to undo it
	undone bool         // a restore: the last deletion is no longer undoable
}

func (h *Screen) tidier() (Tidier, bool) {
	t, ok := h.src.(Tidier)
	return t, ok
}

// handleTidyKey handles the rename line, the delete confirmation and the
// Sessions tab's tidy keys; ok is false for keys it leaves alone.
func (h *Screen) handleTidyKey(msg tea.KeyPressMsg) (tea.Cmd, bool) {
	t, can := h.tidier()
	fu := h.com.Catalog.FollowUp
	if h.tidy.renaming != "" {
		switch msg.String() {
		case "esc":
			h.tidy.renaming = ""
			h.tidy.input.Blur()
			h.status = ""
		case "enter":
			id, title := h.tidy.renaming, h.tidy.input.Value()
			old, _ := h.selectedSession()
			h.tidy.renaming = ""
			h.tidy.input.Blur()
			status := fmt.Sprintf(fu.Renamed, h.sessionTitle(old), textsafe.Display(title))
			return func() tea.Msg {
				if err := t.Rename(id, title); err != nil {
					return tidiedMsg{err: err}
				}
				return tidiedMsg{status: status}
			}, true
		default:
			var cmd tea.Cmd
			h.tidy.input, cmd = h.tidy.input.Update(msg)
			return cmd, true
		}
		return nil, true
	}
	if h.tidy.confirm != "" {
		id := h.tidy.confirm
		h.tidy.confirm = ""
		switch msg.String() {
		case "y", "j", "Y", "J":
			info, _ := h.selectedSession()
			return func() tea.Msg {
				if _, err := t.Delete(id); err != nil {
					return tidiedMsg{err: err}
				}
				return tidiedMsg{status: fmt.Sprintf(fu.DeletedUndo, h.sessionTitle(info)), undo: &info}
			}, true
		}
		h.setStatus(fu.NotDeleted, false)
		return nil, true
	}
	if h.Pane != PaneSessions || !can || h.busy {
		return nil, false
	}
	info, has := h.selectedSession()
	switch msg.String() {
	case "r":
		if !has {
			return nil, true
		}
		in := textinput.New()
		in.Prompt = ""
		in.Placeholder = fu.RenamePh
		in.SetValue(textsafe.Display(info.Title))
		in.CursorEnd()
		in.Focus()
		h.tidy.input, h.tidy.renaming = in, info.ID
		return nil, true
	case "t":
		if !has {
			return nil, true
		}
		on := !info.Rehearsal
		msgText := fmt.Sprintf(fu.MarkedRehearse, h.sessionTitle(info))
		if !on {
			msgText = fmt.Sprintf(fu.MarkedReal, h.sessionTitle(info))
		}
		return func() tea.Msg {
			if err := t.SetRehearsal(info.ID, on); err != nil {
				return tidiedMsg{err: err}
			}
			return tidiedMsg{status: msgText}
		}, true
	case "d", "delete":
		if !has {
			return nil, true
		}
		h.tidy.confirm = info.ID
		h.setStatus(fmt.Sprintf(fu.ConfirmDel, h.sessionTitle(info)), true)
		return nil, true
	case "u":
		if len(h.tidy.deleted) == 0 {
			return nil, true
		}
		last := h.tidy.deleted[len(h.tidy.deleted)-1]
		return func() tea.Msg {
			if err := t.Restore(last.ID); err != nil {
				return tidiedMsg{err: err}
			}
			return tidiedMsg{status: fmt.Sprintf(fu.Restored, h.sessionTitle(last)), undone: true}
		}, true
	}
	return nil, false
}

// handleTidied shows the outcome and reads the list again.
func (h *Screen) handleTidied(msg tidiedMsg) tea.Cmd {
	if msg.err != nil {
		h.setStatus(format.SaveError(msg.err), true)
		return nil
	}
	if msg.undo != nil {
		h.tidy.deleted = append(h.tidy.deleted, *msg.undo)
	}
	if msg.undone && len(h.tidy.deleted) > 0 {
		h.tidy.deleted = h.tidy.deleted[:len(h.tidy.deleted)-1]
	}
	h.setStatus(msg.status, false)
	return h.load()
}

// renameLine is the status line while a session is being renamed.
func (h *Screen) renameLine(width int) string {
	label := "[" + h.com.Catalog.FollowUp.KeyRename + "] › "
	layout.FitInput(&h.tidy.input, max(1, width-ansi.StringWidth(label)-1))
	return h.com.Styles.CaptureKind.Render(label) + h.tidy.input.View()
}

// sessionMarks are a session's rehearsal and series marks for the list.
func (h *Screen) sessionMarks(s SessionInfo) string {
	fu := h.com.Catalog.FollowUp
	switch {
	case s.Rehearsal:
		return " · " + fu.RehearsalMark
	case s.SeriesLen > 1:
		return " · " + fmt.Sprintf(fu.SeriesMark, s.SeriesPos, s.SeriesLen)
	}
	return ""
}
