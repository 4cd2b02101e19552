package room

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"liberate/internal/i18n"
	"liberate/internal/textsafe"
	"liberate/internal/timer"
	"liberate/internal/ui/bigtext"
	"liberate/internal/ui/layout"
	"liberate/internal/ui/styles"
)

// Minimum size of the full view; below it the time is shown in plain
// text with a request for a larger window.
const (
	MinWidth  = 24
	MinHeight = 7
)

// View draws s in exactly width × height cells at now: the header, the
// bell's flash, the countdown in the largest digits that fit, its state in
// words, the group configuration, the invitation and the prompt.
func View(s Snapshot, width, height int, now time.Time, st styles.Styles) string {
	if width <= 0 || height <= 0 {
		return ""
	}
	if s.Blank {
		lines := make([]string, height)
		if h := s.Console.BlankHint; h != "" {
			lines[height-1] = st.Muted.Render(ansi.Truncate(h, width, ""))
		}
		return strings.Join(lines, "\n")
	}
	if width < MinWidth || height < MinHeight {
		return Tiny(s, width, height, now, st)
	}
	switch s.Show {
	case ShowFocus:
		return strings.Join(FocusView(s, width, height, st), "\n")
	case ShowCountdown:
		return strings.Join(CountdownView(s, width, height, st), "\n")
	case ShowThemes:
		return strings.Join(ThemesView(s, width, height, now, st), "\n")
	}
	draw := func(s Snapshot, width, height int) string {
		if s.Opening != nil {
			return opening(s, width, height, st)
		}
		if s.Structure == "" {
			return ""
		}
		return view(s, width, height, now, st)
	}
	if s.Join != "" && !s.Finished {
		return withJoin(s, width, height, draw, st)
	}
	return draw(s, width, height)
}

// view draws s without the QR code: the header, the flash, the digits and
// the text, with the join slot in one line when s still has one.
func view(s Snapshot, width, height int, now time.Time, st styles.Styles) string {
	cat := i18n.For(s.Lang).Run
	b := blocks(s, cat, width, height, st)
	// The countdown gets whatever height is left, at least 1 row; drop the
	// least important text first when space is short.
	for b.fixed() > height-3 {
		switch {
		case len(b.prompt) > 1:
			b.prompt = b.prompt[:1]
		case len(b.inv) > 1:
			b.inv = b.inv[:1]
		case len(b.prompt) > 0:
			b.prompt = nil
		case len(b.info) > 1:
			b.info = b.info[:1]
		case len(b.inv) > 0:
			b.inv = nil
		default:
			goto done
		}
	}
done:
	digitRows := height - b.fixed()
	if digitRows < 1 {
		digitRows = 1
	}
	mid := paintDigits(bigtext.Render(s.TimeText(now), width-2, digitRows), width, digitStyle(s, now, st))

	var out []string
	out = append(out, header(s, cat, width, now, st))
	if s.Flash != "" && now.Before(s.FlashUntil) {
		out = append(out, st.Flash.Render(layout.PadRight(" 🔔 "+textsafe.Display(s.Flash), width)))
	} else {
		out = append(out, "")
	}
	// Vertical centring of the digits in their area.
	top := (digitRows - len(mid)) / 2
	for i := 0; i < top; i++ {
		out = append(out, "")
	}
	out = append(out, mid...)
	for i := top + len(mid); i < digitRows; i++ {
		out = append(out, "")
	}
	out = append(out, phaseLine(s, cat, width, now, st))
	out = append(out, b.info...)
	for _, l := range b.inv {
		out = append(out, layout.Center(width, st.Invitation.Render(l)))
	}
	for _, l := range b.prompt {
		out = append(out, layout.Center(width, st.Prompt.Render(l)))
	}
	for len(out) < height {
		out = append(out, "")
	}
	if len(out) > height {
		out = out[:height]
	}
	return strings.Join(out, "\n")
}

// Rows is how many rows s takes at width with all its text shown and one
// row of digits, in a frame of height rows (which decides how far the
// invitation and prompt may wrap). A console keeps this many rows for the
// room before it gives rows to its own lines.
func Rows(s Snapshot, width, height int, st styles.Styles) int {
	return blocks(s, i18n.For(s.Lang).Run, width, height, st).fixed() + 3
}

// Texts are the lines the room reads under the digits, each centred in
// width: info (configuration, groups, a review's heading…), the invitation
// (or the review's item) and the prompt (or its details), before any are
// dropped for lack of room.
func Texts(s Snapshot, width, height int, st styles.Styles) (info, inv, prompt []string) {
	b := blocks(s, i18n.For(s.Lang).Run, width, height, st)
	for _, l := range b.inv {
		inv = append(inv, layout.Center(width, st.Invitation.Render(l)))
	}
	for _, l := range b.prompt {
		prompt = append(prompt, layout.Center(width, st.Prompt.Render(l)))
	}
	return b.info, inv, prompt
}

// textBlocks are the lines under the digits, before any are dropped.
type textBlocks struct {
	info, inv, prompt []string
}

// fixed is the rows taken by everything but the digits: header, flash,
// phase line, the text and two spare rows.
func (b textBlocks) fixed() int {
	return 1 + 1 + len(b.info) + len(b.inv) + len(b.prompt) + 2
}

func blocks(s Snapshot, cat i18n.Run, width, height int, st styles.Styles) textBlocks {
	var b textBlocks
	if s.Finished {
		b.info = append(b.info, layout.Center(width, st.Config.Render(cat.Finished)))
		// The big digits show the time the session took; say so.
		b.info = append(b.info, layout.Center(width, st.Muted.Render(fmt.Sprintf(cat.TotalTime, timer.Format(s.Total))+" · "+fmt.Sprintf(cat.Captured, s.Captured))))
		return b
	}
	b.info = append(b.info, layout.Center(width, st.Config.Render(s.Config)))
	if s.Groups != "" {
		b.info = append(b.info, layout.Center(width, st.Split.Render(s.Groups)))
	}
	if h := s.Console.HarvestHint; h != "" {
		b.info = append(b.info, layout.Center(width, st.Prompt.Render(h)))
	}
	if h := s.Console.ReviewHint; h != "" {
		b.info = append(b.info, layout.Center(width, st.Prompt.Render(ansi.Truncate(h, width, "…"))))
	}
	if rv := s.Review; rv != nil {
		return reviewBlocks(b, rv, width, height, st)
	}
	if s.Label != "" {
		b.info = append(b.info, layout.Center(width, st.Prompt.Render(ansi.Truncate(s.Label, width, "…"))))
	}
	if s.Join != "" {
		b.info = append(b.info, joinLine(s, width, st))
	}
	maxWrap := 2
	if height >= 40 {
		maxWrap = 3
	}
	if s.Invitation != "" {
		b.inv = layout.Wrap("“"+s.Invitation+"”", width-4, maxWrap)
	}
	if s.Prompt != "" {
		b.prompt = layout.Wrap(s.Prompt, width-4, maxWrap)
	}
	return b
}

// Header is the top line: structure, step i/n and counters on the left;
// with the Console part the session clock and bell state on the right.
func Header(s Snapshot, width int, now time.Time, st styles.Styles) string {
	return header(s, i18n.For(s.Lang).Run, width, now, st)
}

func header(s Snapshot, cat i18n.Run, width int, now time.Time, st styles.Styles) string {
	left := s.Structure + "  ·  " + s.Step
	if s.Counters != "" {
		left += "  ·  " + s.Counters
	}
	c := s.Console
	var right []string
	if c.Rehearsal != "" {
		right = append(right, c.Rehearsal)
	}
	if c.Muted != "" {
		right = append(right, c.Muted)
	}
	if c.Schedule && !s.Finished {
		end := c.ProjectedEnd(s, now)
		right = append(right, fmt.Sprintf(cat.EndsAt, end.Local().Format("15:04")))
		behind := end.Sub(c.PlannedEnd).Round(time.Minute)
		switch {
		case behind >= time.Minute:
			right = append(right, fmt.Sprintf(cat.Behind, minutes(behind)))
		case behind <= -time.Minute:
			right = append(right, fmt.Sprintf(cat.Ahead, minutes(-behind)))
		}
	}
	rs := strings.Join(right, " · ")
	left = textsafe.Display(left)
	lw, rw := ansi.StringWidth(left), ansi.StringWidth(rs)
	// A string item's title ("Now what: next week") when there is room.
	if t := textsafe.Display(s.Title); t != "" {
		if withTitle := left + "  ·  " + t; ansi.StringWidth(withTitle)+rw+2 <= width {
			left, lw = withTitle, ansi.StringWidth(withTitle)
		}
	}
	if lw+rw+2 > width {
		rs, rw = "", 0
	}
	if lw > width {
		left = ansi.Truncate(left, width, "…")
		lw = ansi.StringWidth(left)
	}
	gap := width - lw - rw
	if gap < 0 {
		gap = 0
	}
	return st.Header.Render(left) + strings.Repeat(" ", gap) + st.HeaderDim.Render(rs)
}

func minutes(d time.Duration) string {
	return fmt.Sprintf("%d min", int(d/time.Minute))
}

// DigitStyle is the style of the countdown at now: warning, final and
// overtime styles as the time runs out, muted when paused or untimed.
func DigitStyle(s Snapshot, now time.Time, st styles.Styles) lipgloss.Style {
	return digitStyle(s, now, st)
}

func digitStyle(s Snapshot, now time.Time, st styles.Styles) lipgloss.Style {
	switch {
	case s.Finished:
		return st.DigitsUntimed
	case s.Paused:
		return st.DigitsPaused
	}
	switch s.Phase(now) {
	case timer.PhaseWarning:
		return st.DigitsWarning
	case timer.PhaseFinal:
		return st.DigitsFinal
	case timer.PhaseOvertime:
		return st.DigitsOvertime
	case timer.PhaseUntimed:
		return st.DigitsUntimed
	}
	return st.Digits
}

// PhaseLine says in words what the colour of the digits says, so the
// state is visible without colour: paused, warning, final, overtime,
// untimed.
func PhaseLine(s Snapshot, width int, now time.Time, st styles.Styles) string {
	return phaseLine(s, i18n.For(s.Lang).Run, width, now, st)
}

func phaseLine(s Snapshot, cat i18n.Run, width int, now time.Time, st styles.Styles) string {
	hint := func(text, h string) string {
		if h == "" {
			return text
		}
		return text + " · " + h
	}
	var text string
	style := st.Status
	switch {
	case s.Finished:
		text = s.Console.FinishedHint
	case s.Paused:
		text = hint("⏸ "+cat.Paused, s.Console.PausedHint)
		style = st.StatusWarning
	default:
		switch s.Phase(now) {
		case timer.PhaseWarning:
			text, style = cat.Warning, st.StatusWarning
		case timer.PhaseFinal:
			text, style = cat.Final, st.StatusFinal
		case timer.PhaseOvertime:
			text, style = cat.Overtime+" "+timer.Format(s.Remaining(now)), st.StatusOvertime
		case timer.PhaseUntimed:
			text = hint(cat.Untimed, s.Console.UntimedHint)
		}
	}
	if text == "" {
		return ""
	}
	return layout.Center(width, style.Render(ansi.Truncate(text, width, "…")))
}

// Tiny is shown below a usable size: the time keeps running in plain text
// and a larger window is asked for.
func Tiny(s Snapshot, width, height int, now time.Time, st styles.Styles) string {
	lines := []string{s.TimeText(now)}
	if height >= 2 {
		lines = append(lines, layout.Wrap(i18n.For(s.Lang).Run.TooSmall, width, height-1)...)
	}
	var out []string
	for i, l := range lines {
		if i >= height {
			break
		}
		t := ansi.Truncate(l, width, "")
		if i == 0 {
			t = digitStyle(s, now, st).Render(t)
		} else {
			t = st.Muted.Render(t)
		}
		out = append(out, t)
	}
	return strings.Join(out, "\n")
}

// paintDigits centres and styles the lines of big digits. They hold only
// block characters and spaces, one cell each, so their width is their
// rune count, and one style's escape codes wrap every line: measuring and
// styling each of up to a hundred long lines through Lip Gloss would cost
// a projector most of its frame.
func paintDigits(lines []string, width int, style lipgloss.Style) []string {
	pre, post := "", ""
	if r := style.Render("█"); r != "█" {
		if i := strings.Index(r, "█"); i >= 0 {
			pre, post = r[:i], r[i+len("█"):]
		}
	}
	out := make([]string, len(lines))
	for i, l := range lines {
		w := utf8.RuneCountInString(l)
		if w >= width {
			out[i] = layout.Center(width, style.Render(l))
			continue
		}
		out[i] = strings.Repeat(" ", (width-w)/2) + pre + l + post
	}
	return out
}

// reviewBlocks shows the review's item under the digits instead of the
// invitation and prompt: its place, its text as large as the invitation,
// the owner and due date or the scores, and an action's four states with
// the chosen one in brackets (so it reads without colour too).
func reviewBlocks(b textBlocks, rv *Review, width, height int, st styles.Styles) textBlocks {
	head := rv.Heading
	if rv.Ask != "" {
		head += " · " + rv.Ask
	}
	b.info = append(b.info, layout.Center(width, st.Config.Render(ansi.Truncate(textsafe.Display(head), width, "…"))))
	maxWrap := 2
	if height >= 40 {
		maxWrap = 3
	}
	b.inv = layout.Wrap(textsafe.Display(rv.Text), width-4, maxWrap)
	b.prompt = nil
	if rv.Detail != "" {
		b.prompt = append(b.prompt, textsafe.Display(rv.Detail))
	}
	if len(rv.Choices) > 0 {
		var parts []string
		for _, c := range rv.Choices {
			t := c.Key + " " + c.Name
			if c.Current {
				t = "[✓ " + t + "]"
			}
			parts = append(parts, t)
		}
		line := strings.Join(parts, "   ")
		if ansi.StringWidth(line) > width-2 {
			line = strings.Join(parts, " ")
		}
		b.prompt = append(b.prompt, ansi.Truncate(line, width-2, "…"))
	}
	return b
}

// opening is the title screen: the session's title, the first invitation
// and what comes first, centred, with the facilitator's hint at the foot.
func opening(s Snapshot, width, height int, st styles.Styles) string {
	o := s.Opening
	var mid []string
	for _, l := range layout.Wrap(textsafe.Display(o.Title), width-4, 3) {
		mid = append(mid, layout.Center(width, st.Header.Render(l)))
	}
	if o.Invitation != "" {
		mid = append(mid, "")
		maxWrap := 3
		if height >= 40 {
			maxWrap = 5
		}
		for _, l := range layout.Wrap("“"+textsafe.Display(o.Invitation)+"”", width-4, maxWrap) {
			mid = append(mid, layout.Center(width, st.Invitation.Render(l)))
		}
	}
	if o.First != "" {
		mid = append(mid, "", layout.Center(width, st.Muted.Render(ansi.Truncate(textsafe.Display(o.First), width, "…"))))
	}
	foot := ""
	if h := s.Console.TitleHint; h != "" {
		foot = layout.Center(width, st.Muted.Render(ansi.Truncate(h, width, "…")))
	}
	avail := height - 1
	if len(mid) > avail {
		mid = mid[:avail]
	}
	out := make([]string, 0, height)
	top := (avail - len(mid)) / 2
	for i := 0; i < top; i++ {
		out = append(out, "")
	}
	out = append(out, mid...)
	for len(out) < height-1 {
		out = append(out, "")
	}
	out = append(out, foot)
	return strings.Join(out[:height], "\n")
}
