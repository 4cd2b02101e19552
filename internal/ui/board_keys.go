package ui

import (
	"slices"
	"strconv"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"liberate/internal/i18n"
)

// boardKeyMap holds the board's bindings for the help line and the help
// view; the keys themselves are matched in handleKey.
type boardKeyMap struct {
	Nav, Theme, Move, Shift, Merge, Split, New, Rename, Delete, Regroup key.Binding
	Vote, Adjust, Sort, Focus, Compact, Cards, Undo, Redo, Back, Help   key.Binding
	// Picker, rename line, focus view.
	PickNum, PickOK, Cancel, NextTheme key.Binding
}

func newBoardKeyMap(c *i18n.Catalog) boardKeyMap {
	t := c.Board
	b := func(help, desc string) key.Binding {
		return key.NewBinding(key.WithKeys(help), key.WithHelp(help, desc))
	}
	return boardKeyMap{
		Nav:       b("↑/↓", t.KeyNav),
		Theme:     b("pgup/pgdn", t.KeyTheme),
		Move:      b("m", t.KeyMove),
		Shift:     b("[/]", t.KeyShift),
		Merge:     b("M", t.KeyMerge),
		Split:     b("x", t.KeySplit),
		New:       b("n", t.KeyNew),
		Rename:    b("r", t.KeyRename),
		Delete:    b("d", t.KeyDelete),
		Regroup:   b("g", t.KeyRegroup),
		Vote:      b("0-9 enter", t.KeyVote),
		Adjust:    b("+/-", t.KeyAdjust),
		Sort:      b("s", t.KeySort),
		Focus:     b("f", t.KeyFocus),
		Compact:   b("tab", t.KeyCompact),
		Cards:     b("c", t.KeyCards),
		Undo:      b("u", t.KeyUndo),
		Redo:      b("ctrl+y", t.KeyRedo),
		Back:      b("esc", t.KeyBack),
		Help:      b("?", t.KeyHelp),
		PickNum:   b("0-9", t.KeyPickNum),
		PickOK:    b("enter", t.KeyPickOK),
		Cancel:    b("esc", t.KeyCancel),
		NextTheme: b("←/→", t.KeyTheme),
	}
}

// handleKey routes a key on the board by mode.
func (b *boardScreen) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	if b.help {
		b.help = false
		return nil
	}
	switch b.mode {
	case boardRename:
		return b.renameKey(msg)
	case boardPick:
		return b.pickKey(msg)
	case boardFocus:
		return b.focusKey(msg)
	case boardCards:
		return b.cardsKey(msg)
	case boardCountdown:
		return b.countdownKey(msg)
	}
	return b.listKey(msg)
}

func (b *boardScreen) listKey(msg tea.KeyPressMsg) tea.Cmd {
	k := msg.String()
	if cmd, ok := b.voteKey(k); ok {
		return cmd
	}
	sec, note := b.selected()
	switch k {
	case "esc", "h", "q":
		b.m.screen = screenRun
	case "?":
		b.help = true
	case "up", "k":
		b.step(-1)
	case "down", "j":
		b.step(+1)
	case "pgup", "left", "p":
		if cmd, ok := b.clickerPastEdge(-1); ok {
			return cmd
		}
		b.jumpTheme(-1)
	case "pgdown", "right", "space":
		if cmd, ok := b.clickerPastEdge(+1); ok {
			return cmd
		}
		b.jumpTheme(+1)
	case "home":
		if secs := b.sections(); len(secs) > 0 {
			b.selCluster, b.selNote = b.sectionID(secs[0]), 0
		}
	case "end":
		if secs := b.sections(); len(secs) > 0 {
			b.selCluster, b.selNote = b.sectionID(secs[len(secs)-1]), 0
		}
	case "[", "]":
		dir := -1
		if k == "]" {
			dir = +1
		}
		if note >= 0 {
			return b.moveNote(b.neighbour(sec, dir))
		}
		return b.reorder(dir)
	case "K":
		return b.reorder(-1)
	case "J":
		return b.reorder(+1)
	case "m":
		if note < 0 {
			b.setStatus(b.m.cat.Board.SelectNote, false)
			return nil
		}
		b.startPick(pickMove)
	case "M":
		if note >= 0 || sec >= len(b.clusters) {
			b.setStatus(b.m.cat.Board.SelectTheme, false)
			return nil
		}
		if len(b.clusters) < 2 {
			return nil
		}
		b.startPick(pickMerge)
	case "x":
		return b.splitOut()
	case "n":
		return b.createCluster()
	case "r":
		b.startRename()
	case "d", "delete":
		return b.deleteCluster()
	case "g":
		if b.clustering {
			return nil
		}
		return b.regroup()
	case "s":
		return b.sortByVotes()
	case "f", "z", "enter":
		b.focusOn(sec)
	case "tab":
		b.compact = !b.compact
		if b.compact {
			b.selNote = 0
		}
	case "c":
		b.openCards(screenBoard)
	case "u", "ctrl+z":
		return b.m.run.undo()
	case "ctrl+y":
		return b.m.run.redo()
	}
	return nil
}

// clickerPastEdge lets a clicker alone run a string's harvest step: on
// the board of a harvest step, PgDn walks the themes and, past the last
// one, goes on to the next step; PgUp before the first one goes back.
func (b *boardScreen) clickerPastEdge(dir int) (tea.Cmd, bool) {
	r := b.m.run
	if r == nil || r.sess.Finished {
		return nil, false
	}
	c := r.sess.Current()
	if c == nil || !c.Harvest {
		return nil, false
	}
	secs := b.sections()
	sec, note := b.selected()
	at := slices.Index(secs, sec)
	edge := len(secs) == 0 ||
		(dir > 0 && at == len(secs)-1) ||
		(dir < 0 && at <= 0 && note < 0)
	if !edge {
		return nil, false
	}
	b.mode = boardList
	b.m.screen = screenRun
	return r.move(dir), true
}

// neighbour is the section next to sec in direction dir, wrapping from
// the last theme to the unclustered section and back.
func (b *boardScreen) neighbour(sec, dir int) int {
	n := len(b.clusters) + 1
	return ((sec+dir)%n + n) % n
}

// step moves the selection one row up or down through themes and notes.
func (b *boardScreen) step(dir int) {
	rows := b.selectable()
	cur := b.selRowIn(rows)
	next := cur + dir
	if next < 0 || next >= len(rows) {
		return
	}
	b.selCluster, b.selNote = rows[next].cluster, rows[next].note
}

// jumpTheme selects the previous or next theme's header.
func (b *boardScreen) jumpTheme(dir int) {
	secs := b.sections()
	if len(secs) == 0 {
		return
	}
	sec, note := b.selected()
	at := slices.Index(secs, sec)
	switch {
	case dir < 0 && note >= 0:
		// From a note, the first step goes to its own theme.
	case at+dir >= 0 && at+dir < len(secs):
		at += dir
	}
	if at < 0 {
		at = 0
	}
	b.selCluster, b.selNote = b.sectionID(secs[at]), 0
}

// selRef is one selectable row: a theme header (note 0) or a note.
type selRef struct {
	cluster string
	note    uint64
}

// selectable lists the selectable rows in board order. It is built only
// on navigation keys, never per frame.
func (b *boardScreen) selectable() []selRef {
	ns := b.notes()
	var out []selRef
	for _, s := range b.sections() {
		id := b.sectionID(s)
		out = append(out, selRef{cluster: id})
		if b.compact {
			continue
		}
		for _, i := range b.members[s] {
			out = append(out, selRef{cluster: id, note: ns[i].ID})
		}
	}
	return out
}

func (b *boardScreen) selRowIn(rows []selRef) int {
	for i, r := range rows {
		if r.cluster == b.selCluster && r.note == b.selNote {
			return i
		}
	}
	return 0
}

// startPick opens the target picker for a move or a merge.
func (b *boardScreen) startPick(a pickAction) {
	sec, _ := b.selected()
	b.mode = boardPick
	b.pick = a
	b.pickDigits = ""
	b.pickSel = b.neighbour(sec, +1)
	if a == pickMerge && b.pickSel >= len(b.clusters) {
		b.pickSel = 0
	}
}

// pickNumber is the number a section is picked by: themes count from 1,
// the unclustered section is 0.
func (b *boardScreen) pickNumber(s int) int {
	if s >= len(b.clusters) {
		return 0
	}
	return s + 1
}

func (b *boardScreen) pickKey(msg tea.KeyPressMsg) tea.Cmd {
	k := msg.String()
	n := len(b.clusters)
	switch {
	case k == "esc":
		b.mode = boardList
		return nil
	case k == "up" || k == "k" || k == "left" || k == "pgup":
		b.pickSel = b.neighbour(b.pickSel, -1)
		if b.pick == pickMerge && b.pickSel >= n {
			b.pickSel = n - 1
		}
		b.pickDigits = ""
	case k == "down" || k == "j" || k == "right" || k == "pgdown":
		b.pickSel = b.neighbour(b.pickSel, +1)
		if b.pick == pickMerge && b.pickSel >= n {
			b.pickSel = 0
		}
		b.pickDigits = ""
	case k == "backspace":
		if b.pickDigits != "" {
			b.pickDigits = b.pickDigits[:len(b.pickDigits)-1]
		}
	case len(k) == 1 && k[0] >= '0' && k[0] <= '9':
		d := b.pickDigits + k
		v, _ := strconv.Atoi(d)
		if v > n {
			d, v = k, int(k[0]-'0')
		}
		if v > n || (v == 0 && b.pick == pickMerge) {
			return nil
		}
		b.pickDigits = d
		b.pickSel = n
		if v > 0 {
			b.pickSel = v - 1
		}
		// Done as soon as no further digit could name another theme.
		if v == 0 || v*10 > n {
			return b.finishPick()
		}
	case k == "enter":
		return b.finishPick()
	}
	return nil
}

func (b *boardScreen) finishPick() tea.Cmd {
	b.mode = boardList
	b.pickDigits = ""
	if b.pick == pickMerge {
		return b.mergeInto(b.pickSel)
	}
	return b.moveNote(b.pickSel)
}

func (b *boardScreen) renameKey(msg tea.KeyPressMsg) tea.Cmd {
	switch msg.String() {
	case "esc":
		b.mode = boardList
		b.input.Blur()
		return nil
	case "enter":
		v := b.input.Value()
		b.mode = boardList
		b.input.Blur()
		return b.rename(v)
	}
	var cmd tea.Cmd
	b.input, cmd = b.input.Update(msg)
	return cmd
}

// focusOn shows section sec large.
func (b *boardScreen) focusOn(sec int) {
	b.mode = boardFocus
	b.selCluster, b.selNote = b.sectionID(sec), 0
	b.focusScroll = 0
	b.digits = ""
}

func (b *boardScreen) focusKey(msg tea.KeyPressMsg) tea.Cmd {
	k := msg.String()
	if cmd, ok := b.voteKey(k); ok {
		return cmd
	}
	switch k {
	case "esc", "f", "z", "enter", "q":
		b.mode = boardList
	case "h":
		b.mode = boardList
		b.m.screen = screenRun
	case "right", "pgdown", "space", "n", "tab":
		if cmd, ok := b.clickerPastEdge(+1); ok {
			return cmd
		}
		b.jumpTheme(+1)
		b.focusScroll = 0
	case "left", "pgup", "p", "shift+tab":
		if cmd, ok := b.clickerPastEdge(-1); ok {
			return cmd
		}
		b.jumpTheme(-1)
		b.focusScroll = 0
	case "down", "j":
		b.focusScroll++
	case "up", "k":
		if b.focusScroll > 0 {
			b.focusScroll--
		}
	case "u", "ctrl+z":
		return b.m.run.undo()
	case "ctrl+y":
		return b.m.run.redo()
	}
	return nil
}
