package cli

import (
	"liberate/internal/session"
	"liberate/internal/store"
	"liberate/internal/ui"
)

// homeSource lets the home screen list, start, open and export sessions.
type homeSource struct {
	app *App
	st  *store.Store
}

func (h *homeSource) Sessions() ([]ui.SessionInfo, error) {
	list, err := h.st.Sessions()
	if err != nil {
		return nil, err
	}
	out := make([]ui.SessionInfo, 0, len(list))
	for _, s := range list {
		out = append(out, ui.SessionInfo{ID: s.ID, Title: s.Title, Slugs: s.Slugs, Created: s.CreatedAt, Updated: s.UpdatedAt, Notes: s.Notes, Finished: s.Finished,
			Rehearsal: s.Rehearsal, SeriesPos: s.SeriesPos, SeriesLen: s.SeriesLen})
	}
	return out, nil
}

func (h *homeSource) Start(slugs []string, participants int) (*session.Session, error) {
	return h.app.newSession(h.st, &RunOptions{Slugs: slugs, Participants: participants, Speed: 1})
}

func (h *homeSource) Open(id string) (*session.Session, []session.Note, session.History, error) {
	sess, err := h.st.Session(id)
	if err != nil {
		return nil, nil, session.History{}, err
	}
	notes, _, err := h.st.ReadableNotes(id)
	if err != nil {
		return nil, nil, session.History{}, err
	}
	return sess, notes, loadHistory(h.st, id), nil
}

// Rename gives a session a new title from the Sessions tab.
func (h *homeSource) Rename(id, title string) error {
	_, err := h.st.RenameSession(id, title)
	return err
}

// SetRehearsal marks a session as a rehearsal or a real workshop.
func (h *homeSource) SetRehearsal(id string, rehearsal bool) error {
	_, err := h.st.SetRehearsal(id, rehearsal)
	return err
}

// Delete backs the database up and deletes the session softly; it is
// purged when liberate exits, and Restore brings it back until then.
func (h *homeSource) Delete(id string) (string, error) { return h.st.DeleteSession(id) }

// Restore undoes a delete of this run.
func (h *homeSource) Restore(id string) error {
	_, err := h.st.RestoreSession(id)
	return err
}

func (h *homeSource) Export(id string) (string, error) {
	return h.app.exportToFile(h.st, id, "md", "")
}

// home opens the TUI home screen.
func (app *App) home() error {
	if err := app.needTerminal(); err != nil {
		return err
	}
	st, err := app.openStore(false)
	if err != nil {
		return err
	}
	defer st.Close()
	deps, stop := app.liveDeps(app.deps(st, false))
	defer stop()
	err = app.runTUI(ui.NewHome(deps))
	return purgeAtExit(st, err)
}

// purgeAtExit removes the sessions deleted while the screen ran: their
// delete could be undone until now; the backup written first keeps them.
func purgeAtExit(st *store.Store, runErr error) error {
	if _, err := st.PurgeDeleted(); err != nil && runErr == nil {
		return err
	}
	return runErr
}
