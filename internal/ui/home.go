package ui

import (
	"time"

	tea "charm.land/bubbletea/v2"

	"liberate/internal/session"
)

// SessionInfo is one line of the home screen's session list.
type SessionInfo struct {
	ID       string
	Title    string
	Slugs    []string
	Created  time.Time
	Updated  time.Time
	Notes    int
	Finished bool
}

// HomeSource gives the home screen what it lists, starts and exports.
type HomeSource interface {
	Sessions() ([]SessionInfo, error)
	Start(slugs []string, participants int) (*session.Session, error)
	Open(id string) (*session.Session, []session.Note, session.History, error)
	Export(id string) (string, error)
}

// homeScreen lists structures and sessions (being built).
type homeScreen struct{ m *Model }

func newHomeScreen(m *Model) *homeScreen                    { return &homeScreen{m: m} }
func (h *homeScreen) view(width, height int) string         { return "" }
func (h *homeScreen) handleKey(msg tea.KeyPressMsg) tea.Cmd { return nil }
func (h *homeScreen) handleMsg(msg tea.Msg) (tea.Cmd, bool) { return nil, false }
func (h *homeScreen) paste(s string) tea.Cmd                { return nil }
