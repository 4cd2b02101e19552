package board

import (
	"strings"
	"time"

	"liberate/internal/action"
	"liberate/internal/session"
	"liberate/internal/ui/run"
)

// startOwner opens the edit line on the selected note to give it an owner
// and a due date, typed as in the capture line ("Jan: … @vr"); saving
// makes the note an action.
func (b *Screen) startOwner() {
	_, i := b.selected()
	if i < 0 {
		b.setStatus(b.com.Catalog.Board.SelectNote, false)
		return
	}
	n := b.notes()[i]
	b.ownerNote = n.ID
	b.Mode = ModeRename
	b.Input.SetValue(run.ActionLine(n))
	b.Input.Placeholder = b.com.Catalog.FollowUp.OwnerPh
	b.Input.CursorEnd()
	b.Input.Focus()
}

// ownerText is " · Jan · vr 4 dec" after an action with an owner or a
// due date, "" otherwise.
func (b *Screen) ownerText(n session.Note) string {
	var parts []string
	if n.Owner != "" {
		parts = append(parts, n.Owner)
	}
	if d, ok := action.ParseDate(n.Due, time.Local); ok {
		parts = append(parts, action.ShortDate(d, b.com.Catalog.FollowUp, b.com.Now))
	}
	if len(parts) == 0 {
		return ""
	}
	return " · " + strings.Join(parts, " · ")
}
