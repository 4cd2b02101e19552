package ui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"github.com/charmbracelet/x/ansi"
)

// helpView is the full key table (`?`); any key closes it.
func (m *Model) helpView() string {
	k := m.keys
	st := m.styles
	rows := []key.Binding{k.Pause, k.Next, k.Back, k.Plus, k.Minus, k.Repeat, k.Blank, k.Capture, k.Mute,
		k.Undo, k.Redo, k.Board, k.Agenda, k.Export, k.Help, k.Quit}
	var out []string
	out = append(out, st.Title.Render(m.cat.Run.HelpTitle), "")
	for _, b := range rows {
		h := b.Help()
		out = append(out, "  "+st.HelpKey.Render(padRight(h.Key, 10))+" "+st.HelpDesc.Render(h.Desc))
	}
	out = append(out, "", "  "+st.HelpKey.Render(padRight("tab", 10))+" "+st.HelpDesc.Render(m.cat.Run.KeyKind+" ("+m.cat.Run.KeyCapture+")"))
	out = append(out, "  "+st.HelpKey.Render(padRight("↑ enter d", 10))+" "+st.HelpDesc.Render(m.cat.Run.KeyNotes+": "+m.cat.Run.KeyEdit+", "+m.cat.Run.KeyDelete))
	out = append(out, "", st.Muted.Render(m.cat.Run.HelpClicker))
	for i := range out {
		out[i] = ansi.Truncate(out[i], m.width, "")
	}
	if len(out) > m.height {
		out = out[:m.height]
	}
	return strings.Join(out, "\n")
}
