package run

import (
	"fmt"
	"strings"
	"time"

	"github.com/charmbracelet/x/ansi"

	"liberate/internal/structure"
	"liberate/internal/textsafe"
	"liberate/internal/ui/bigtext"
	"liberate/internal/ui/format"
	"liberate/internal/ui/layout"
	"liberate/internal/ui/room"
)

// ConsoleView is the run screen while projectors show the room's view:
// the facilitator's console. A small countdown with its state in words,
// the group configuration, invitation and prompt as the room reads them;
// then what only the facilitator sees: the step's tips, what comes next,
// the captured notes, and at the bottom the capture line, prompts, status
// and keys as on the single screen.
func (r *Screen) ConsoleView(width, height, attached int, now time.Time) string {
	if width <= 0 || height <= 0 {
		return ""
	}
	st := r.com.Styles
	cat := r.com.Catalog.Console
	live := r.com.Catalog.Live
	snap := r.Snapshot()
	if width < room.MinWidth || height < room.MinHeight || r.Sess.Current() == nil {
		return room.Tiny(snap, width, height, now, st)
	}
	c := r.Sess.Current()

	// Bottom: capture line, re-plan offer, status, help (as on one screen).
	var bottom []string
	if r.Mode != ModeRun {
		bottom = append(bottom, r.captureLine(width))
	}
	if r.Replan != nil {
		bottom = append(bottom, layout.Center(width, st.StatusWarning.Render(ansi.Truncate(r.replanText(), width, "…"))))
	}
	bottom = append(bottom, r.statusLine(width, now), r.helpView(width))

	// Top: the attached mark, the header, the bell's flash.
	mark := "▣ " + live.Attached
	if attached > 1 {
		mark = "▣ " + fmt.Sprintf(live.AttachedN, attached)
	}
	if snap.Blank {
		mark += " · " + strings.ToUpper(r.com.Catalog.Run.KeyBlank)
	}
	if snap.Opening != nil {
		// The title screen: the facilitator sees what the room sees, with
		// the mark on its empty first line.
		lines := strings.Split(r.View(width, height, now), "\n")
		lines[0] = ansi.Truncate(st.Selected.Render(" "+mark+" "), width, "")
		return strings.Join(lines, "\n")
	}
	markW := ansi.StringWidth(mark) + 2
	top := []string{st.Selected.Render(" "+mark+" ") + " " + room.Header(snap, max(0, width-markW-1), now, st)}
	if snap.Flash != "" && now.Before(snap.FlashUntil) {
		top = append(top, st.Flash.Render(layout.PadRight(" 🔔 "+textsafe.Display(snap.Flash), width)))
	} else {
		top = append(top, "")
	}

	// The countdown, small, beside the configuration and the state.
	digitRows := min(7, max(1, (height-len(top)-len(bottom))/5))
	digits := bigtext.Render(snap.TimeText(now), width/2, digitRows)
	ds := room.DigitStyle(snap, now, st)
	dw := 0
	for _, l := range digits {
		dw = max(dw, ansi.StringWidth(l))
	}
	// Beside the digits, what the room reads under them: the
	// configuration, the groups, a review's heading.
	info, _, _ := room.Texts(snap, max(1, width-dw-4), height, st)
	_, inv, prompt := room.Texts(snap, width-2, height, st)
	var side []string
	for _, l := range info {
		side = append(side, strings.TrimLeft(l, " "))
	}
	if p := strings.TrimSpace(ansi.Strip(room.PhaseLine(snap, width, now, st))); p != "" {
		side = append(side, strings.TrimLeft(room.PhaseLine(snap, width-dw-4, now, st), " "))
	}
	var mid []string
	sideW := max(1, width-dw-4)
	for i := 0; i < max(len(digits), len(side)); i++ {
		left := ""
		if i < len(digits) {
			left = ds.Render(digits[i])
		}
		line := "  " + layout.PadRight(left, dw) + "  "
		if i < len(side) {
			line += ansi.Truncate(side[i], sideW, "…")
		}
		mid = append(mid, line)
	}

	// What the room reads under the countdown: the invitation and the
	// prompt, or a review's item.
	var room2 []string
	for _, l := range append(inv, prompt...) {
		room2 = append(room2, "  "+strings.TrimLeft(l, " "))
	}

	// The facilitator's own: tips, and what comes next.
	var tips []string
	if ts := r.tips(c); len(ts) > 0 {
		tips = append(tips, "  "+st.Title.Render(cat.Tips))
		for _, t := range ts {
			for j, l := range layout.Wrap(t, width-8, 3) {
				prefix := "  • "
				if j > 0 {
					prefix = "    "
				}
				tips = append(tips, st.Muted.Render(prefix)+st.Item.Render(l))
			}
		}
	}
	next := "  " + st.Accent.Render(ansi.Truncate(r.nextText(), width-2, "…"))

	used := len(top) + len(mid) + 1 + len(room2) + 1 + len(bottom) + 1
	// The capture list gets the rows left after the tips; the tips give way
	// to at least three notes.
	notesRows := height - used - len(tips) - 2
	if notesRows < 3 && len(tips) > 0 {
		cut := min(len(tips)-1, 3-notesRows)
		if cut > 0 {
			tips = tips[:len(tips)-cut]
		}
		notesRows = height - used - len(tips) - 2
	}
	var notes []string
	if notesRows > 0 {
		notes = append(notes, "  "+st.Title.Render(fmt.Sprintf("%s · %d", cat.Notes, r.liveCount())))
		if r.liveCount() == 0 {
			notes = append(notes, "  "+st.Muted.Render(ansi.Truncate(cat.NoNotes, width-4, "…")))
		} else {
			notes = append(notes, r.notesView(width, notesRows-1)...)
		}
	}

	var out []string
	out = append(out, top...)
	out = append(out, mid...)
	out = append(out, "")
	out = append(out, room2...)
	out = append(out, "")
	out = append(out, tips...)
	out = append(out, next, "")
	out = append(out, notes...)
	for len(out)+len(bottom) < height {
		out = append(out, "")
	}
	if len(out)+len(bottom) > height {
		out = out[:max(0, height-len(bottom))]
	}
	out = append(out, bottom...)
	if len(out) > height {
		out = out[len(out)-height:]
	}
	for i := range out {
		out[i] = ansi.Truncate(out[i], width, "")
	}
	return strings.Join(out, "\n")
}

// tips are the facilitator tips for the running step: its own, then the
// structure's.
func (r *Screen) tips(c *structure.PlannedStep) []string {
	lang := r.com.Catalog.Lang
	var out []string
	if t := textsafe.Display(c.Tip.In(lang)); t != "" {
		out = append(out, t)
	}
	if r.opts.Library != nil {
		if s, ok := r.opts.Library.Get(c.Structure); ok {
			for _, t := range s.Tips {
				if tt := textsafe.Display(t.In(lang)); tt != "" {
					out = append(out, tt)
				}
			}
		}
	}
	return out
}

// nextText says what comes after this step: "Next: Step 3/4 · FOURS · 4 min".
func (r *Screen) nextText() string {
	cat := r.com.Catalog
	i := r.Sess.Pos + 1
	if r.Sess.Finished || i >= len(r.Sess.Plan) {
		return cat.Console.LastStep
	}
	p := r.Sess.Plan[i]
	lang := cat.Lang
	parts := []string{}
	if p.StructureIndex != r.Sess.Plan[r.Sess.Pos].StructureIndex {
		parts = append(parts, format.StructureHeading(p, lang))
	}
	parts = append(parts, fmt.Sprintf(cat.Run.Step, p.Number, p.Total))
	if w := r.configWords(p.Config); w != "" {
		parts = append(parts, w)
	} else {
		parts = append(parts, textsafe.Display(p.Label.In(lang)))
	}
	if p.Timed {
		parts = append(parts, fmt.Sprintf(cat.Console.NextMinutes, format.Minutes(p.Planned)))
	}
	if at, ok := r.Sess.PlanClock(i); ok {
		parts = append(parts, at.Format("15:04"))
	}
	return fmt.Sprintf(cat.Console.Next, strings.Join(parts, " · "))
}
