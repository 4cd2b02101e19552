package ui

import (
	"liberate/internal/i18n"
	"liberate/internal/ui/layout"
	"strings"

	"charm.land/bubbles/v2/key"
	"github.com/charmbracelet/x/ansi"
)

// helpView is the full key table (`?`); any key closes it.
func (m *Model) helpView() string {
	k := m.keys
	st := m.com.Styles
	rows := []key.Binding{k.Pause, k.Next, k.Back, k.Plus, k.Minus, k.Repeat, k.Blank, k.Capture, k.Mute,
		k.Undo, k.Redo, k.Board, k.Agenda, k.Export, k.Help, k.Quit}
	var out []string
	out = append(out, st.Title.Render(m.com.Catalog.Run.HelpTitle), "")
	for _, b := range rows {
		h := b.Help()
		out = append(out, "  "+st.HelpKey.Render(layout.PadRight(h.Key, 10))+" "+st.HelpDesc.Render(h.Desc))
	}
	out = append(out, "", "  "+st.HelpKey.Render(layout.PadRight("tab", 10))+" "+st.HelpDesc.Render(m.com.Catalog.Run.KeyKind+" ("+m.com.Catalog.Run.KeyCapture+")"))
	out = append(out, "  "+st.HelpKey.Render(layout.PadRight("↑ enter d", 10))+" "+st.HelpDesc.Render(m.com.Catalog.Run.KeyNotes+": "+m.com.Catalog.Run.KeyEdit+", "+m.com.Catalog.Run.KeyDelete))
	if m.deps.Phones != nil {
		t := i18n.PhoneFor(m.com.Catalog.Lang)
		out = append(out, "  "+st.HelpKey.Render(layout.PadRight("j", 10))+" "+st.HelpDesc.Render(t.KeyJoin))
		out = append(out, "  "+st.HelpKey.Render(layout.PadRight("↑ v x", 10))+" "+st.HelpDesc.Render(m.com.Catalog.Run.KeyNotes+" ☎: "+t.KeyReveal+", "+t.KeyMutePhone))
	}
	out = append(out, "", st.Muted.Render(m.com.Catalog.Run.HelpClicker))
	for i := range out {
		out[i] = ansi.Truncate(out[i], m.com.Width, "")
	}
	if len(out) > m.com.Height {
		out = out[:m.com.Height]
	}
	return strings.Join(out, "\n")
}
