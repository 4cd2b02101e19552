package ui

import (
	tea "charm.land/bubbletea/v2"

	"liberate/internal/session"
)

// boardScreen is the cluster board (being built).
type boardScreen struct{ m *Model }

func (m *Model) openBoard() tea.Cmd { return nil }

func (b *boardScreen) view(width, height int) string                          { return "" }
func (b *boardScreen) handleKey(msg tea.KeyPressMsg) tea.Cmd                  { return nil }
func (b *boardScreen) handleMsg(msg tea.Msg) (tea.Cmd, bool)                  { return nil, false }
func (b *boardScreen) applyOp(op session.Op, undo bool, label string) tea.Cmd { return nil }
