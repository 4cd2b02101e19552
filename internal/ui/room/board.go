package room

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/charmbracelet/x/ansi"

	"liberate/internal/i18n"
	"liberate/internal/textsafe"
	"liberate/internal/ui/bigtext"
	"liberate/internal/ui/layout"
	"liberate/internal/ui/styles"
)

// Show is what the room's screen shows besides the step.
type Show int

// What a snapshot shows.
const (
	ShowStep      Show = iota // the step: countdown, configuration, invitation
	ShowThemes                // the board's themes, ranked as on the board
	ShowFocus                 // one theme large
	ShowCountdown             // the 25/10 "Who has 25?" countdown
)

// String names what is shown.
func (s Show) String() string {
	switch s {
	case ShowThemes:
		return "themes"
	case ShowFocus:
		return "focus"
	case ShowCountdown:
		return "countdown"
	default:
		return "step"
	}
}

// Note is a note as the room sees it on the board: its kind's letter, its
// text made safe to show and its dot votes.
type Note struct {
	Mark  string `json:"mark"`
	Text  string `json:"text"`
	Votes int    `json:"votes,omitempty"`
}

// Theme is one theme of the board: its label, tally and size, and its
// notes once the facilitator shows them (the focus view).
type Theme struct {
	Label string `json:"label"`
	Votes int    `json:"votes,omitempty"`
	Size  int    `json:"size"`
	Notes []Note `json:"notes,omitempty"`
}

// Focus is one theme shown large: "Theme 2/5", the theme, and its notes
// from Scroll on.
type Focus struct {
	Position string `json:"position"`
	Theme    Theme  `json:"theme"`
	Scroll   int    `json:"scroll,omitempty"`
}

// Countdown is the 25/10 read-out: the score being called, the cards at
// it, how many were read, and the closing message once the top ten are
// known.
type Countdown struct {
	Level   int      `json:"level"`
	Read    int      `json:"read"`
	Top     int      `json:"top"`
	Cards   []string `json:"cards,omitempty"` // "#12  idea  → first step  (23)"
	Empty   string   `json:"empty,omitempty"` // "Nobody" or how to go on without cards
	Message string   `json:"message,omitempty"`
}

func count(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return fmt.Sprintf(many, n)
}

// spaced writes a short theme in spaced capitals, as a title for the back
// row.
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

// FocusView draws the focus theme of s in width × height cells: where the
// theme stands, its label as large as fits, its tally (in big digits on a
// tall screen) and its notes from Focus.Scroll on.
func FocusView(s Snapshot, width, height int, st styles.Styles) []string {
	c := i18n.For(s.Lang).Board
	f := s.Focus
	t := f.Theme
	meta := count(len(t.Notes), c.NoteOne, c.NoteMany)
	if t.Votes > 0 {
		meta += " · " + count(t.Votes, c.VoteOne, c.VoteMany)
	}
	out := []string{layout.LeftRight(width, st.HeaderDim.Render(f.Position), st.HeaderDim.Render(meta))}
	if s.Phones != "" {
		out = append(out, st.Prompt.Render(ansi.Truncate(textsafe.Display(s.Phones), width, "…")))
	}
	if height >= 12 {
		out = append(out, "")
	}
	var title []string
	switch sp := spaced(t.Label); {
	case ansi.StringWidth(sp) <= width-4:
		title = []string{sp}
	default:
		title = layout.Wrap(strings.ToUpper(t.Label), width-4, 3)
	}
	for _, l := range title {
		out = append(out, layout.Center(width, st.Title.Render(l)))
	}
	if t.Votes > 0 && height >= 28 {
		// The tally in big digits: the room reads the result from the back.
		out = append(out, "")
		for _, d := range bigtext.Render(strconv.Itoa(t.Votes), width-2, min(7, (height+2)/6)) {
			out = append(out, layout.Center(width, st.Digits.Render(d)))
		}
	}
	if height >= 10 {
		out = append(out, "")
		line := count(len(t.Notes), c.NoteOne, c.NoteMany)
		if t.Votes > 0 {
			line = "● " + count(t.Votes, c.VoteOne, c.VoteMany) + "   ·   " + line
		}
		out = append(out, layout.Center(width, st.Config.Render(line)))
		out = append(out, layout.Center(width, st.Muted.Render(strings.Repeat("─", min(width-4, 40)))))
	}
	// Notes, wrapped, from the scroll position; only what fits is built.
	avail := height - len(out)
	scroll := min(f.Scroll, max(0, len(t.Notes)-1))
	margin := 4
	if width >= 100 {
		margin = width / 8
	}
	textW := width - 2*margin - 4
	var list []string
	shown := scroll
	// A blank line between notes when they all fit that way.
	airy := height >= 28 && 2*(len(t.Notes)-scroll) <= avail
	for k := scroll; k < len(t.Notes) && len(list) < avail; k++ {
		n := t.Notes[k]
		body := n.Text
		if n.Votes > 0 {
			body += fmt.Sprintf("  ● %d", n.Votes)
		}
		lines := layout.Wrap(body, max(1, textW), 3)
		if len(list)+len(lines) > avail && len(list) > 0 {
			break
		}
		if airy && len(list) > 0 {
			list = append(list, "")
		}
		for j, l := range lines {
			mark := "    "
			if j == 0 {
				mark = n.Mark + " · "
			}
			list = append(list, strings.Repeat(" ", margin)+st.NoteKind.Render(mark)+st.Note.Render(l))
		}
		shown = k + 1
	}
	if more := len(t.Notes) - shown; more > 0 && len(list) > 0 {
		if len(list) >= avail {
			list = list[:avail-1]
		}
		list = append(list, strings.Repeat(" ", margin)+st.Muted.Render(fmt.Sprintf(c.More, more)))
	}
	for _, l := range list {
		out = append(out, ansi.Truncate(l, width, ""))
	}
	return fill(out, height)
}

// CountdownView draws the 25/10 countdown of s in width × height cells:
// "Who has 25?", the score in big digits and the cards read at it.
func CountdownView(s Snapshot, width, height int, st styles.Styles) []string {
	c := i18n.For(s.Lang).Board
	cd := s.Countdown
	right := fmt.Sprintf(c.Read, min(cd.Read, 999), cd.Top)
	out := []string{layout.LeftRight(width, st.Title.Render(c.CountdownTitle), st.HeaderDim.Render(right))}
	out = append(out, layout.Center(width, st.Config.Render(ansi.Truncate(fmt.Sprintf(c.WhoHas, cd.Level), width, "…"))))
	var list []string
	for _, line := range cd.Cards {
		list = append(list, layout.Center(width, st.Item.Render(ansi.Truncate(line, width-2, "…"))))
	}
	if len(cd.Cards) == 0 && cd.Empty != "" {
		list = append(list, layout.Center(width, st.Muted.Render(ansi.Truncate(cd.Empty, width-2, "…"))))
	}
	if cd.Message != "" {
		list = append(list, layout.Center(width, st.Saved.Render(ansi.Truncate(cd.Message, width-2, "…"))))
	}
	maxList := max(1, (height-len(out))/3)
	if len(list) > maxList {
		more := len(list) - maxList + 1
		list = append(list[:maxList-1], layout.Center(width, st.Muted.Render(fmt.Sprintf(c.More, more))))
	}
	digitRows := height - len(out) - len(list) - 1
	var digits []string
	if digitRows >= 1 {
		digits = paintDigits(bigtext.Render(strconv.Itoa(cd.Level), width-2, digitRows), width, st.Digits)
	}
	top := max(0, (digitRows-len(digits))/2)
	for i := 0; i < top; i++ {
		out = append(out, "")
	}
	out = append(out, digits...)
	for len(out) < height-len(list) {
		out = append(out, "")
	}
	out = append(out, list...)
	if len(out) > height {
		out = out[:height]
	}
	return out
}

// ThemesView draws the board's themes for the room: each theme with its
// size and tally, and as many of the notes it carries as fit.
func ThemesView(s Snapshot, width, height int, now time.Time, st styles.Styles) []string {
	c := i18n.For(s.Lang).Board
	notes := 0
	for _, t := range s.Themes {
		notes += t.Size
	}
	left := st.Title.Render(c.Title) + st.HeaderDim.Render(" · "+count(len(s.Themes), c.ThemeOne, c.ThemeMany)+" · "+count(notes, c.NoteOne, c.NoteMany))
	right := ""
	if s.Structure != "" && !s.Finished {
		right = st.HeaderDim.Render(s.TimeText(now))
	}
	out := []string{layout.LeftRight(width, left, right), ""}
	if s.Phones != "" {
		// Voting from phones is open: the room reads it before the themes.
		out = []string{out[0], st.Prompt.Render(ansi.Truncate(textsafe.Display(s.Phones), width, "…")), ""}
	}
	// Every theme gets its line; the notes share what is left, first
	// themes first.
	avail := height - len(out) - len(s.Themes) - max(0, len(s.Themes)-1)
	for i, t := range s.Themes {
		if len(out) >= height {
			break
		}
		if i > 0 {
			out = append(out, "")
		}
		meta := count(t.Size, c.NoteOne, c.NoteMany)
		if t.Votes > 0 {
			meta += " · " + count(t.Votes, c.VoteOne, c.VoteMany)
		}
		label := fmt.Sprintf("%2d  %s", i+1, t.Label)
		out = append(out, layout.LeftRight(width, st.Title.Render(ansi.Truncate(label, max(1, width-ansi.StringWidth(meta)-2), "…")), st.HeaderDim.Render(meta)))
		for _, n := range t.Notes {
			if avail <= 0 {
				break
			}
			line := "     " + st.NoteKind.Render(n.Mark) + "  " + st.Note.Render(ansi.Truncate(n.Text, max(1, width-8), "…"))
			out = append(out, line)
			avail--
		}
	}
	return fill(out, height)
}

// fill pads or cuts lines to exactly height rows.
func fill(out []string, height int) []string {
	for len(out) < height {
		out = append(out, "")
	}
	return out[:height]
}
