package run

import (
	"charm.land/bubbles/v2/key"

	"liberate/internal/i18n"
)

// KeyMap holds every binding, grouped by context. Bindings are enabled and
// disabled per state so the help line only shows keys that work right now.
type KeyMap struct {
	// Run screen.
	Pause, Next, Back, Plus, Minus, Repeat, Blank, Capture, Mute, Help, Quit key.Binding
	Undo, Redo, Board, Agenda, Export                                        key.Binding
	// Capture line.
	Save, Close, Kind, Notes key.Binding
	// Note list.
	Up, Down, Edit, Delete key.Binding
}

// DefaultKeyMap returns the bindings of DESIGN.md's key table, labelled in
// the catalogue's language.
func DefaultKeyMap(c *i18n.Catalog) KeyMap {
	r := c.Run
	b := func(help, desc string, keys ...string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, desc))
	}
	return KeyMap{
		Pause:   b("space", r.KeyPause, "space"),
		Next:    b("→/pgdn", r.KeyNext, "right", "pgdown", "n"),
		Back:    b("←/pgup", r.KeyBack, "left", "pgup"),
		Plus:    b("+", "+1 min", "+", "="),
		Minus:   b("-", "-1 min", "-", "_"),
		Repeat:  b("r", r.KeyRepeat, "r"),
		Blank:   b("b", r.KeyBlank, "b", "."),
		Capture: b("c", r.KeyCapture, "c", "enter"),
		Mute:    b("m", r.KeyMute, "m"),
		Help:    b("?", r.KeyHelp, "?"),
		Quit:    b("q", r.KeyQuit, "q", "ctrl+c"),
		Undo:    b("u", r.KeyUndo, "u", "ctrl+z"),
		Redo:    b("ctrl+y", r.KeyRedo, "ctrl+y"),
		Board:   b("h", r.KeyBoard, "h"),
		Agenda:  b("a", r.KeyAgenda, "a"),
		Export:  b("e", r.KeyExport, "e"),
		Save:    b("enter", r.KeySave, "enter"),
		Close:   b("esc", r.KeyClose, "esc"),
		Kind:    b("tab", r.KeyKind, "tab"),
		Notes:   b("↑", r.KeyNotes, "up"),
		Up:      b("↑/↓", r.KeyNotes, "up"),
		Down:    key.NewBinding(key.WithKeys("down")),
		Edit:    b("enter", r.KeyEdit, "enter", "e"),
		Delete:  b("d", r.KeyDelete, "d", "delete", "backspace"),
	}
}
