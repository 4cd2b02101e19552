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
		out = append(out, ui.SessionInfo{ID: s.ID, Title: s.Title, Slugs: s.Slugs, Created: s.CreatedAt, Updated: s.UpdatedAt, Notes: s.Notes, Finished: s.Finished})
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
	notes, err := h.st.Notes(id)
	if err != nil {
		return nil, nil, session.History{}, err
	}
	return sess, notes, loadHistory(h.st, id), nil
}

func (h *homeSource) Export(id string) (string, error) {
	return h.app.exportToFile(h.st, id, "md", "")
}

// home opens the TUI home screen.
func (app *App) home() error {
	st, err := app.openStore(false)
	if err != nil {
		return err
	}
	defer st.Close()
	deps, stop := app.liveDeps(app.deps(st, false))
	defer stop()
	return app.RunTUI(ui.NewHome(deps))
}
