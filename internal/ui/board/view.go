package board

import (
	"fmt"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	"github.com/charmbracelet/x/ansi"

	"liberate/internal/cluster"
	"liberate/internal/session"
	"liberate/internal/textsafe"
	"liberate/internal/ui/layout"
	"liberate/internal/ui/room"
)

// View renders the board in width × height cells.
func (b *Screen) View(width, height int) string {
	if width <= 0 || height <= 0 {
		return ""
	}
	if b.run == nil {
		return ""
	}
	if width < 24 || height < 6 {
		return b.tinyView(width, height)
	}
	if b.help {
		return b.helpView(width, height)
	}
	switch b.Mode {
	case ModeFocus:
		return b.focusView(width, height)
	case ModeCards:
		return b.cardsView(width, height)
	case ModeCountdown:
		return b.countdownView(width, height)
	}
	return b.listView(width, height)
}

// tinyView asks for a larger window.
func (b *Screen) tinyView(width, height int) string {
	lines := []string{b.com.Styles.Title.Render(ansi.Truncate(b.com.Catalog.Board.Title, width, ""))}
	if height > 1 {
		for _, l := range layout.Wrap(b.com.Catalog.Board.TooSmall, width, height-1) {
			lines = append(lines, b.com.Styles.Muted.Render(l))
		}
	}
	if len(lines) > height {
		lines = lines[:height]
	}
	return strings.Join(lines, "\n")
}

// count formats "1 note" / "12 notes" in the catalogue's words.
func count(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return fmt.Sprintf(many, n)
}

func (b *Screen) headerLine(width int) string {
	st := b.com.Styles
	c := b.com.Catalog.Board
	live := 0
	for _, m := range b.Members {
		live += len(m)
	}
	left := st.Title.Render(c.Title) + st.HeaderDim.Render(" · "+count(len(b.Clusters), c.ThemeOne, c.ThemeMany)+" · "+count(live, c.NoteOne, c.NoteMany))
	var right string
	switch {
	case b.clustering:
		right = st.Info.Render(c.Grouping)
	case b.Saving():
		right = st.Info.Render(c.Saving)
	case b.Failed:
		right = st.Error.Render(c.Unsaved)
	default:
		// The step's clock keeps running while the room clusters.
		if r := b.run; r != nil && !r.Sess.Finished && r.Sess.Current() != nil {
			right = st.HeaderDim.Render(r.ClockText(b.com.Now) + " · " + textsafe.Display(r.StepTitle()))
		}
	}
	return layout.LeftRight(width, left, right)
}

// statusLine shows what is being typed (a name, a target, a tally), else
// the latest message, else a hint.
func (b *Screen) statusLine(width int) string {
	st := b.com.Styles
	c := b.com.Catalog.Board
	switch {
	case b.Mode == ModeRename:
		label := c.NameLabel + " › "
		layout.FitInput(&b.Input, max(1, width-ansi.StringWidth(label)-1))
		return st.CaptureKind.Render(label) + b.Input.View()
	case b.Mode == ModePick:
		what := c.MovePrompt
		if b.Pick == PickMerge {
			what = c.MergePrompt
		}
		s := fmt.Sprintf(what, b.PickNumber(b.pickSel), b.sectionName(b.pickSel))
		return st.CaptureKind.Render(ansi.Truncate(s, width, "…"))
	case b.digits != "":
		sec, i := b.voteTarget()
		name := b.sectionName(sec)
		if i >= 0 {
			name = layout.Clip(b.notes()[i].Text, 30)
		}
		return st.CaptureKind.Render(ansi.Truncate(fmt.Sprintf(c.VotePrompt, name, b.digits), width, "…"))
	case b.status != "" && b.com.Now.Before(b.statusEnd):
		style := st.Saved
		if b.statusErr {
			style = st.Error
		} else if b.status != c.Saved {
			style = st.Info
		}
		return style.Render(ansi.Truncate(textsafe.Display(b.status), width, "…"))
	}
	if why := b.whyLine(); why != "" {
		return st.Muted.Render(ansi.Truncate(why, width, "…"))
	}
	// The help line below lists the keys for what is selected, so there
	// is no second, fixed list of keys here.
	return ""
}

// whyLine says, for the selected theme, its pillar and what its notes
// share; for a selected note, why it sits in its theme. "" for the
// unclustered notes.
func (b *Screen) whyLine() string {
	sec, note := b.selected()
	if sec >= len(b.Clusters) {
		return ""
	}
	p := b.com.Catalog.Pillar
	c := b.Clusters[sec]
	why := c.Why
	if len(why) == 0 && len(c.Terms) > 0 {
		why = c.Terms[:min(3, len(c.Terms))]
	}
	line := p.Name(c.Pillar.String())
	if note >= 0 {
		ws := b.noteWhy(note, c.Terms)
		if len(ws) == 0 {
			return line + " · " + p.NoteNear
		}
		return line + " · " + fmt.Sprintf(p.NoteWhy, textsafe.Display(strings.Join(ws, ", ")))
	}
	if len(why) > 0 {
		line += " · " + fmt.Sprintf(p.Shared, textsafe.Display(strings.Join(why, ", ")))
	}
	return line
}

// noteWhy is cluster.NoteWhy for note i, remembered for the last note
// asked about so that frames do not analyse it again.
func (b *Screen) noteWhy(i int, terms []string) []string {
	n := b.notes()[i]
	key := n.Text + "\x00" + strings.Join(terms, "\x00")
	if b.whyKey != key {
		b.whyKey, b.whyWords = key, cluster.NoteWhy(n.Text, terms)
	}
	return b.whyWords
}

func (b *Screen) helpLine(width int) string {
	k := newBoardKeyMap(b.com.Catalog)
	m := b.com
	switch b.Mode {
	case ModePick:
		return layout.HelpLine(m.Styles, width, k.PickNum, k.Nav, k.PickOK, k.Cancel)
	case ModeRename:
		return layout.HelpLine(m.Styles, width, layout.WithHelp(k.PickOK, "enter", m.Catalog.Board.KeySaveName), k.Cancel)
	case ModeFocus:
		return layout.HelpLine(m.Styles, width, k.NextTheme, k.Vote, k.Adjust, layout.WithEnabled(k.PhoneVote, b.phones != nil),
			layout.WithEnabled(k.PhoneDots, b.ph.voting), layout.WithHelp(k.Back, "f/esc", m.Catalog.Board.KeyList), k.Undo)
	}
	sec, note := b.selected()
	onNote := note >= 0
	onTheme := !onNote && sec < len(b.Clusters)
	return layout.HelpLine(m.Styles, width,
		k.Nav,
		layout.WithEnabled(k.Move, onNote), layout.WithEnabled(k.Shift, onNote || onTheme), layout.WithEnabled(k.Split, onNote),
		layout.WithEnabled(key.NewBinding(key.WithKeys("o"), key.WithHelp("o", m.Catalog.FollowUp.KeyOwner)), onNote),
		layout.WithEnabled(k.Rename, sec < len(b.Clusters)), layout.WithEnabled(k.Pillar, onTheme), layout.WithEnabled(k.Merge, onTheme && len(b.Clusters) > 1),
		layout.WithEnabled(k.Delete, onTheme && len(b.Members[sec]) == 0),
		k.Vote, layout.WithEnabled(k.PhoneVote, b.phones != nil), layout.WithEnabled(k.PhoneDots, b.ph.voting),
		k.Focus, k.Regroup, k.Sort, k.New,
		layout.WithEnabled(k.Undo, len(m.History.Undo) > 0), k.Compact, k.Cards, k.Help, k.Back)
}

// listView is the board: a header, the themes with their notes in one or
// more columns, a status line and the help line.
func (b *Screen) listView(width, height int) string {
	out := []string{b.headerLine(width)}
	gap := height >= 16
	if gap {
		out = append(out, "")
	}
	bodyRows := height - len(out) - 2
	out = append(out, b.body(width, bodyRows)...)
	for len(out) < height-2 {
		out = append(out, "")
	}
	out = append(out, b.statusLine(width), b.helpLine(width))
	return strings.Join(out[:min(len(out), height)], "\n")
}

// columnsFor is how many columns of themes fit: one up to 150 cells, so
// each note keeps a readable line on a projector.
func columnsFor(width int) int {
	switch {
	case width >= 240:
		return 3
	case width >= 150:
		return 2
	}
	return 1
}

// sectionHeight is how many rows section s takes, its spacer included.
func (b *Screen) sectionHeight(s int, last bool) int {
	n := 1
	if !b.Compact {
		n += len(b.Members[s])
		if !last {
			n++
		}
	}
	return n
}

// body renders only the rows that are visible: sections above the window
// are skipped by arithmetic, so hundreds of notes cost nothing per frame.
func (b *Screen) body(width, rows int) []string {
	if rows <= 0 {
		return nil
	}
	secs := b.Sections()
	if len(b.Clusters) == 0 && len(b.Members[0]) == 0 {
		return []string{"", layout.Center(width, b.com.Styles.Muted.Render(b.com.Catalog.Board.Empty))}
	}
	cols := columnsFor(width)
	colW := (width - 3*(cols-1)) / cols
	visible := rows * cols

	// The selected row and the total, by arithmetic.
	selSec, selNote := b.selected()
	if b.Mode == ModePick {
		selSec, selNote = b.pickSel, -1
	}
	total, selRow := 0, 0
	for k, s := range secs {
		if s == selSec {
			selRow = total
			if selNote >= 0 {
				for j, i := range b.Members[s] {
					if i == selNote {
						selRow = total + 1 + j
						break
					}
				}
			}
		}
		total += b.sectionHeight(s, k == len(secs)-1)
	}
	// A selected theme brings its notes into view with it (as many as fit
	// below its name), so PgDn never leaves them under the bottom edge.
	selEnd := selRow
	if selNote < 0 && !b.Compact && b.Mode != ModePick {
		selEnd = selRow + min(len(b.Members[selSec]), visible-1)
	}
	if selRow < b.scroll {
		b.scroll = selRow
	}
	if selEnd >= b.scroll+visible {
		b.scroll = selEnd - visible + 1
	}
	b.scroll = max(0, min(b.scroll, total-visible))

	lines := make([]string, 0, visible)
	row := 0
	for k, s := range secs {
		h := b.sectionHeight(s, k == len(secs)-1)
		if row+h <= b.scroll {
			row += h
			continue
		}
		if row >= b.scroll+visible {
			break
		}
		for r := 0; r < h; r++ {
			at := row + r
			if at < b.scroll {
				continue
			}
			if at >= b.scroll+visible {
				break
			}
			switch {
			case r == 0:
				lines = append(lines, b.sectionRow(s, colW, at == selRow))
			case r <= len(b.Members[s]) && !b.Compact:
				i := b.Members[s][r-1]
				lines = append(lines, b.noteRow(i, colW, at == selRow && b.Mode != ModePick))
			default:
				lines = append(lines, "")
			}
		}
		row += h
	}
	if cols == 1 {
		return lines
	}
	out := make([]string, rows)
	for r := 0; r < rows; r++ {
		var parts []string
		for c := 0; c < cols; c++ {
			at := c*rows + r
			cell := ""
			if at < len(lines) {
				cell = lines[at]
			}
			parts = append(parts, layout.PadRight(cell, colW))
		}
		out[r] = strings.TrimRight(strings.Join(parts, "   "), " ")
	}
	return out
}

// sectionRow is a theme's header: number, name, notes and votes.
func (b *Screen) sectionRow(s, width int, selected bool) string {
	st := b.com.Styles
	c := b.com.Catalog.Board
	num := fmt.Sprintf("%3d  ", b.PickNumber(s))
	label := c.Unclustered
	if s < len(b.Clusters) {
		label = textsafe.Display(b.Clusters[s].Label)
	} else {
		num = "  –  "
	}
	if selected {
		// A marker as well as the colour, for mono themes and washed-out beamers.
		num = "▸" + num[1:]
	}
	meta := count(len(b.Members[s]), c.NoteOne, c.NoteMany)
	if v := b.SectionVotes(s); v > 0 {
		meta += " · " + count(v, c.VoteOne, c.VoteMany)
	}
	if s < len(b.Clusters) && b.Clusters[s].Pillar != cluster.PillarNone && width >= 60 {
		meta += " · " + b.com.Catalog.Pillar.Name(b.Clusters[s].Pillar.String())
	}
	metaW := ansi.StringWidth(meta)
	room := width - ansi.StringWidth(num) - metaW - 2
	if room < 8 {
		meta, metaW = "", 0
		room = width - ansi.StringWidth(num)
	}
	label = ansi.Truncate(label, max(0, room), "…")
	var terms string
	if t := b.extraTerms(s); t != "" && !b.Compact && width >= 100 {
		left := room - ansi.StringWidth(label) - 3
		if left >= 10 {
			terms = "  " + ansi.Truncate("("+t+")", left, "…")
		}
	}
	if selected {
		plain := num + label + terms
		gap := max(1, width-ansi.StringWidth(plain)-metaW)
		return st.Selected.Render(ansi.Truncate(plain+strings.Repeat(" ", gap)+meta, width, ""))
	}
	left := st.Accent.Render(num) + st.Title.Render(label) + st.Muted.Render(terms)
	gap := max(1, width-ansi.StringWidth(num+label+terms)-metaW)
	return ansi.Truncate(left+strings.Repeat(" ", gap)+st.HeaderDim.Render(meta), width, "")
}

// extraTerms lists up to three of a theme's terms that its name does not
// already say, so the room sees why the notes belong together.
func (b *Screen) extraTerms(s int) string {
	if s >= len(b.Clusters) {
		return ""
	}
	c := b.Clusters[s]
	label := strings.ToLower(cluster.Fold(c.Label))
	var out []string
	for _, t := range c.Terms {
		if len(out) == 3 {
			break
		}
		if !strings.Contains(label, strings.ToLower(cluster.Fold(t))) {
			out = append(out, t)
		}
	}
	return textsafe.Display(strings.Join(out, ", "))
}

// noteRow is one note under its theme: kind marker, text, votes.
func (b *Screen) noteRow(i, width int, selected bool) string {
	st := b.com.Styles
	n := b.notes()[i]
	prefix := "     " + b.kindMark(n.Kind) + "  "
	if selected {
		prefix = "   ▸ " + b.kindMark(n.Kind) + "  "
	}
	var votes string
	if n.Votes > 0 {
		votes = fmt.Sprintf("  ● %d", n.Votes)
	}
	room := width - ansi.StringWidth(prefix) - ansi.StringWidth(votes)
	text := ansi.Truncate(textsafe.Display(n.Text+b.ownerText(n)), max(0, room), "…")
	if selected {
		gap := max(0, room-ansi.StringWidth(text))
		return st.NoteSelected.Render(ansi.Truncate(prefix+text+strings.Repeat(" ", gap)+votes, width, ""))
	}
	return ansi.Truncate(st.NoteKind.Render(prefix)+st.Note.Render(text)+st.Accent.Render(votes), width, "")
}

// kindMark is a note kind as one letter, so kinds read without colour.
func (b *Screen) kindMark(k session.Kind) string {
	if s, ok := b.com.Catalog.Board.KindMarks[string(k)]; ok {
		return s
	}
	return "·"
}

// spaced writes a label in spaced capitals ("P R I N T E R"), the biggest
// letters a terminal has, when it fits.
func spaced(s string) string {
	var sb strings.Builder
	for i, r := range []rune(strings.ToUpper(s)) {
		if i > 0 {
			sb.WriteByte(' ')
		}
		if r == ' ' {
			sb.WriteByte(' ')
			continue
		}
		sb.WriteRune(r)
	}
	return sb.String()
}

// focusView shows one theme for the room: its name large and centred, its
// tally, and its notes in a readable list.
func (b *Screen) focusView(width, height int) string {
	sec, _ := b.selected()
	if mem := b.Members[sec]; b.focusScroll > max(0, len(mem)-1) {
		b.focusScroll = max(0, len(mem)-1)
	}
	snap := room.Snapshot{Lang: b.com.Catalog.Lang, Show: room.ShowFocus, Focus: b.focus()}
	out := room.FocusView(snap, width, max(0, height-2), b.com.Styles)
	out = append(out, b.statusLine(width), b.helpLine(width))
	return strings.Join(out[:min(len(out), height)], "\n")
}

// roomNotes are the live notes of section sec as the room sees them.
func (b *Screen) roomNotes(sec int) []room.Note {
	ns := b.notes()
	var out []room.Note
	for _, i := range b.Members[sec] {
		n := ns[i]
		out = append(out, room.Note{Mark: b.kindMark(n.Kind), Text: textsafe.Display(n.Text), Votes: n.Votes})
	}
	return out
}

// sectionLabel is the theme's label, or the word for the unclustered notes.
func (b *Screen) sectionLabel(sec int) string {
	if sec < len(b.Clusters) {
		return textsafe.Display(b.Clusters[sec].Label)
	}
	return b.com.Catalog.Board.Unclustered
}

// focus is the selected theme as the focus view shows it.
func (b *Screen) focus() room.Focus {
	sec, _ := b.selected()
	secs := b.Sections()
	return room.Focus{
		Position: fmt.Sprintf(b.com.Catalog.Board.ThemeOf, max(0, slices.Index(secs, sec))+1, len(secs)),
		Theme:    room.Theme{Label: b.sectionLabel(sec), Votes: b.SectionVotes(sec), Size: len(b.Members[sec]), Notes: b.roomNotes(sec)},
		Scroll:   b.focusScroll,
	}
}

// Present puts what the board shows the room into s: one theme large
// with its notes, the 25/10 countdown, or the themes (labels, sizes and
// tallies) while the facilitator works on them.
// Card entry is the facilitator's own: the room keeps seeing the step.
func (b *Screen) Present(s *room.Snapshot) {
	switch b.Mode {
	case ModeFocus:
		s.Show, s.Focus = room.ShowFocus, b.focus()
	case ModeCountdown:
		s.Show, s.Countdown = room.ShowCountdown, b.countdown()
	case ModeCards:
	default:
		s.Show = room.ShowThemes
		for _, sec := range b.Sections() {
			if sec >= len(b.Clusters) && len(b.Members[sec]) == 0 {
				continue
			}
			// The notes themselves reach the room when the facilitator
			// shows a theme (f).
			s.Themes = append(s.Themes, room.Theme{Label: b.sectionLabel(sec), Votes: b.SectionVotes(sec), Size: len(b.Members[sec])})
		}
	}
}

// helpView lists every board key.
func (b *Screen) helpView(width, height int) string {
	st := b.com.Styles
	k := newBoardKeyMap(b.com.Catalog)
	rows := []key.Binding{k.Nav, k.Theme, k.Move, k.Shift, k.Merge, k.Split, k.New, k.Rename, k.Pillar, k.Delete, k.Regroup,
		k.Vote, k.Adjust, k.Sort, k.Focus, k.Compact, k.Cards, k.Undo, k.Redo, k.Back}
	if b.phones != nil {
		rows = append(rows, k.PhoneVote, k.PhoneDots, k.PhoneCrowd)
	}
	out := []string{st.Title.Render(b.com.Catalog.Board.HelpTitle), ""}
	for _, r := range rows {
		h := r.Help()
		out = append(out, "  "+st.HelpKey.Render(layout.PadRight(h.Key, 12))+" "+st.HelpDesc.Render(h.Desc))
	}
	for i := range out {
		out[i] = ansi.Truncate(out[i], width, "")
	}
	return strings.Join(out[:min(len(out), height)], "\n")
}
