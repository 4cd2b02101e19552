package board

import (
	"slices"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"liberate/internal/i18n"
)

// boardKeyMap holds the board's bindings for the help line and the help
// View; the keys themselves are matched in handleKey.
type boardKeyMap struct {
	Nav, Theme, Move, Shift, Merge, Split, New, Rename, Delete, Regroup key.Binding
	Vote, Adjust, Sort, Focus, Compact, Cards, Undo, Redo, Back, Help   key.Binding
	Pillar                                                              key.Binding
	// Phones: dot voting on the board, 25/10 on the cards.
	PhoneVote, PhoneDots, PhoneCrowd key.Binding
	// Picker, rename line, focus view.
	PickNum, PickOK, Cancel, NextTheme key.Binding
}

func newBoardKeyMap(c *i18n.Catalog) boardKeyMap {
	t := c.Board
	ph := i18n.PhoneFor(c.Lang)
	b := func(help, desc string) key.Binding {
		return key.NewBinding(key.WithKeys(help), key.WithHelp(help, desc))
	}
	return boardKeyMap{
		Nav:        b("↑/↓", t.KeyNav),
		Theme:      b("pgup/pgdn", t.KeyTheme),
		Move:       b("m", t.KeyMove),
		Shift:      b("[/]", t.KeyShift),
		Merge:      b("M", t.KeyMerge),
		Split:      b("x", t.KeySplit),
		New:        b("n", t.KeyNew),
		Rename:     b("r", t.KeyRename),
		Pillar:     b("P", c.Pillar.KeyPillar),
		Delete:     b("d", t.KeyDelete),
		Regroup:    b("g", t.KeyRegroup),
		Vote:       b("0-9 enter", t.KeyVote),
		Adjust:     b("+/-", t.KeyAdjust),
		Sort:       b("s", t.KeySort),
		Focus:      b("f", t.KeyFocus),
		Compact:    b("tab", t.KeyCompact),
		Cards:      b("c", t.KeyCards),
		Undo:       b("u", t.KeyUndo),
		Redo:       b("ctrl+y", t.KeyRedo),
		Back:       b("esc", t.KeyBack),
		Help:       b("?", t.KeyHelp),
		PickNum:    b("0-9", t.KeyPickNum),
		PickOK:     b("enter", t.KeyPickOK),
		Cancel:     b("esc", t.KeyCancel),
		NextTheme:  b("←/→", t.KeyTheme),
		PhoneVote:  b("v", ph.KeyPhoneVote),
		PhoneDots:  b("</>", ph.KeyPhoneDots),
		PhoneCrowd: b("ctrl+p", ph.KeyPhoneCrowd),
	}
}

// HandleKey routes a key on the board by mode.
func (b *Screen) HandleKey(msg tea.KeyPressMsg) tea.Cmd {
	if b.help {
		b.help = false
		return nil
	}
	switch b.Mode {
	case ModeRename:
		return b.renameKey(msg)
	case ModePick:
		return b.pickKey(msg)
	case ModeFocus:
		return b.focusKey(msg)
	case ModeCards:
		return b.cardsKey(msg)
	case ModeCountdown:
		return b.countdownKey(msg)
	}
	return b.listKey(msg)
}

func (b *Screen) listKey(msg tea.KeyPressMsg) tea.Cmd {
	k := msg.String()
	if cmd, ok := b.voteKey(k); ok {
		return cmd
	}
	sec, note := b.selected()
	switch k {
	case "esc", "h", "q":
		b.host.ShowRun()
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
		if secs := b.Sections(); len(secs) > 0 {
			b.SelCluster, b.SelNote = b.SectionID(secs[0]), 0
		}
	case "end":
		if secs := b.Sections(); len(secs) > 0 {
			b.SelCluster, b.SelNote = b.SectionID(secs[len(secs)-1]), 0
		}
	case "[", "]":
		dir := -1
		if k == "]" {
			dir = +1
		}
		if note >= 0 {
			return b.moveNote(b.Neighbour(sec, dir))
		}
		return b.reorder(dir)
	case "K":
		return b.reorder(-1)
	case "J":
		return b.reorder(+1)
	case "m":
		if note < 0 {
			b.setStatus(b.com.Catalog.Board.SelectNote, false)
			return nil
		}
		b.startPick(PickMove)
	case "M":
		if note >= 0 || sec >= len(b.Clusters) {
			b.setStatus(b.com.Catalog.Board.SelectTheme, false)
			return nil
		}
		if len(b.Clusters) < 2 {
			return nil
		}
		b.startPick(PickMerge)
	case "x":
		return b.splitOut()
	case "n":
		return b.createCluster()
	case "r":
		b.startRename()
	case "o":
		b.startOwner()
	case "P":
		return b.cyclePillar()
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
		b.FocusOn(sec)
	case "tab":
		b.Compact = !b.Compact
		if b.Compact {
			b.SelNote = 0
		}
	case "c":
		b.OpenCards(false)
	case "v":
		b.togglePhoneVoting()
	case "<":
		b.phoneDots(-1)
	case ">":
		b.phoneDots(+1)
	case "u", "ctrl+z":
		return b.run.Undo()
	case "ctrl+y":
		return b.run.Redo()
	}
	return nil
}

// clickerPastEdge lets a clicker alone run a string's harvest step: on
// the board of a harvest step, PgDn walks the themes and, past the last
// one, goes on to the next step; PgUp before the first one goes back.
func (b *Screen) clickerPastEdge(dir int) (tea.Cmd, bool) {
	r := b.run
	if r == nil || r.Sess.Finished {
		return nil, false
	}
	c := r.Sess.Current()
	if c == nil || !c.Harvest {
		return nil, false
	}
	secs := b.Sections()
	sec, note := b.selected()
	at := slices.Index(secs, sec)
	edge := len(secs) == 0 ||
		(dir > 0 && at == len(secs)-1) ||
		(dir < 0 && at <= 0 && note < 0)
	if !edge {
		return nil, false
	}
	b.Mode = ModeList
	b.host.ShowRun()
	return r.Move(dir), true
}

// Neighbour is the section next to sec in direction dir, wrapping from
// the last theme to the unclustered section and back.
func (b *Screen) Neighbour(sec, dir int) int {
	n := len(b.Clusters) + 1
	return ((sec+dir)%n + n) % n
}

// step moves the selection one row up or down through themes and notes.
func (b *Screen) step(dir int) {
	rows := b.selectable()
	cur := b.selRowIn(rows)
	next := cur + dir
	if next < 0 || next >= len(rows) {
		return
	}
	b.SelCluster, b.SelNote = rows[next].cluster, rows[next].note
}

// jumpTheme selects the previous or next theme's header.
func (b *Screen) jumpTheme(dir int) {
	secs := b.Sections()
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
	b.SelCluster, b.SelNote = b.SectionID(secs[at]), 0
}

// selRef is one selectable row: a theme header (note 0) or a note.
type selRef struct {
	cluster string
	note    uint64
}

// selectable lists the selectable rows in board order. It is built only
// on navigation keys, never per frame.
func (b *Screen) selectable() []selRef {
	ns := b.notes()
	var out []selRef
	for _, s := range b.Sections() {
		id := b.SectionID(s)
		out = append(out, selRef{cluster: id})
		if b.Compact {
			continue
		}
		for _, i := range b.Members[s] {
			out = append(out, selRef{cluster: id, note: ns[i].ID})
		}
	}
	return out
}

func (b *Screen) selRowIn(rows []selRef) int {
	for i, r := range rows {
		if r.cluster == b.SelCluster && r.note == b.SelNote {
			return i
		}
	}
	return 0
}

// startPick opens the target picker for a move or a merge.
func (b *Screen) startPick(a PickAction) {
	sec, _ := b.selected()
	b.Mode = ModePick
	b.Pick = a
	b.pickDigits = ""
	b.pickSel = b.Neighbour(sec, +1)
	if a == PickMerge && b.pickSel >= len(b.Clusters) {
		b.pickSel = 0
	}
}

// PickNumber is the number a section is picked by: themes count from 1,
// the unclustered section is 0.
func (b *Screen) PickNumber(s int) int {
	if s >= len(b.Clusters) {
		return 0
	}
	return s + 1
}

func (b *Screen) pickKey(msg tea.KeyPressMsg) tea.Cmd {
	k := msg.String()
	n := len(b.Clusters)
	switch {
	case k == "esc":
		b.Mode = ModeList
		return nil
	case k == "up" || k == "k" || k == "left" || k == "pgup":
		b.pickSel = b.Neighbour(b.pickSel, -1)
		if b.Pick == PickMerge && b.pickSel >= n {
			b.pickSel = n - 1
		}
		b.pickDigits = ""
	case k == "down" || k == "j" || k == "right" || k == "pgdown":
		b.pickSel = b.Neighbour(b.pickSel, +1)
		if b.Pick == PickMerge && b.pickSel >= n {
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
		if v > n || (v == 0 && b.Pick == PickMerge) {
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

func (b *Screen) finishPick() tea.Cmd {
	b.Mode = ModeList
	b.pickDigits = ""
	if b.Pick == PickMerge {
		return b.mergeInto(b.pickSel)
	}
	return b.moveNote(b.pickSel)
}

func (b *Screen) renameKey(msg tea.KeyPressMsg) tea.Cmd {
	switch msg.String() {
	case "esc":
		b.Mode = ModeList
		b.naming = false
		b.Input.Blur()
		b.ownerNote = 0
		return nil
	case "enter":
		v := b.Input.Value()
		b.Mode = ModeList
		b.Input.Blur()
		if id := b.ownerNote; id != 0 {
			b.ownerNote, b.naming = 0, false
			return b.run.SetAction(id, v)
		}
		if strings.TrimSpace(v) == "" && b.naming {
			b.naming = false
			return nil // a new theme keeps its provisional name
		}
		b.naming = false
		return b.rename(v)
	}
	var cmd tea.Cmd
	b.Input, cmd = b.Input.Update(msg)
	return cmd
}

// FocusOn shows section sec large.
func (b *Screen) FocusOn(sec int) {
	b.Mode = ModeFocus
	b.SelCluster, b.SelNote = b.SectionID(sec), 0
	b.focusScroll = 0
	b.digits = ""
}

func (b *Screen) focusKey(msg tea.KeyPressMsg) tea.Cmd {
	k := msg.String()
	if cmd, ok := b.voteKey(k); ok {
		return cmd
	}
	switch k {
	case "esc", "f", "z", "enter", "q":
		b.Mode = ModeList
	case "h":
		b.Mode = ModeList
		b.host.ShowRun()
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
	case "v":
		b.togglePhoneVoting()
	case "<":
		b.phoneDots(-1)
	case ">":
		b.phoneDots(+1)
	case "down", "j":
		b.focusScroll++
	case "up", "k":
		if b.focusScroll > 0 {
			b.focusScroll--
		}
	case "u", "ctrl+z":
		return b.run.Undo()
	case "ctrl+y":
		return b.run.Redo()
	}
	return nil
}
