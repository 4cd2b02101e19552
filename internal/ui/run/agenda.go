package run

import (
	"fmt"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"liberate/internal/textsafe"
	"liberate/internal/ui/format"
	"liberate/internal/ui/layout"
	"liberate/internal/ui/room"
)

// HandleAgendaKey handles keys on the agenda: scroll, re-plan, back.
func (r *Screen) HandleAgendaKey(msg tea.KeyPressMsg) tea.Cmd {
	now := r.com.Now
	switch msg.String() {
	case "esc":
		// Esc declines a proposal first, as the offer says; then leaves.
		if r.Replan != nil {
			r.Replan = nil
			return nil
		}
		r.host.ShowRun()
		r.agendaScroll = 0
	case "a", "q":
		r.host.ShowRun()
		r.agendaScroll = 0
	case "y", "j":
		// y, and j for ja: j only scrolls when there is nothing to accept.
		if r.Replan != nil {
			evs := r.Sess.ApplyReplan(r.Replan, now)
			r.Replan = nil
			return r.PersistNow(evs)
		}
		if msg.String() == "j" {
			r.agendaScroll++
		}
	case "up", "k":
		r.agendaScroll--
	case "down":
		r.agendaScroll++
	case "home":
		r.agendaScroll = -1 << 20
	case "end":
		r.agendaScroll = 1 << 20
	case "p":
		if prop, ok := r.Sess.Replan(now); ok {
			r.Replan, r.replanOffered = prop, r.Sess.Pos
		} else if r.Sess.OffSchedule(now) && r.Sess.Behind(now) > 0 && !r.Sess.Finished {
			r.SetStatus(r.com.Catalog.Agenda.AtMinimum, false)
		} else {
			r.SetStatus(r.com.Catalog.Agenda.NoReplan, false)
		}
	case "x":
		r.Replan = nil
	case "ctrl+c":
		return r.host.Quit()
	default:
		// The clicker keeps driving the session from the agenda.
		k := r.keys
		switch {
		case msg.String() == "pgdown" || msg.String() == "right":
			return r.Move(+1)
		case msg.String() == "pgup" || msg.String() == "left":
			return r.Move(-1)
		case msg.String() == "space":
			return r.PersistNow(r.Sess.TogglePause(now))
		case msg.String() == "?":
			r.host.ShowHelp()
		}
		_ = k
	}
	return nil
}

// AgendaView lists every step with planned, re-planned and actual minutes,
// the planned and projected end, and any re-plan proposal. The list
// follows the running step; agendaScroll moves the window from there.
func (r *Screen) AgendaView(width, height int, now time.Time) string {
	st := r.com.Styles
	cat := r.com.Catalog.Agenda
	lang := r.com.Catalog.Lang
	if width < 30 || height < 8 {
		return room.Tiny(r.Snapshot(), width, height, now, st)
	}
	var out []string
	when := fmt.Sprintf(cat.PlannedEnd, r.Sess.PlannedEnd().Local().Format("15:04")) + " · " +
		fmt.Sprintf(cat.ProjectedEnd, r.Sess.ProjectedEnd(now).Local().Format("15:04"))
	if behind := r.Sess.Behind(now).Round(time.Minute); !r.Sess.Finished && behind >= time.Minute {
		when += " · " + fmt.Sprintf(cat.Behind, minutes(behind))
	}
	out = append(out, st.Title.Render(cat.Title)+"  "+st.Muted.Render(when))
	if height >= 12 {
		out = append(out, "")
	}
	// Number columns are as wide as their headings.
	colW := [3]int{}
	for i, h := range []string{cat.Planned, cat.Replanned, cat.Actual} {
		colW[i] = max(6, ansi.StringWidth(h))
	}
	cols := func(a, b, c string) string {
		return " " + layout.PadLeft(a, colW[0]) + " " + layout.PadLeft(b, colW[1]) + " " + layout.PadLeft(c, colW[2])
	}
	numW := colW[0] + colW[1] + colW[2] + 3
	labelW := max(8, width-numW-2)
	out = append(out, st.HeaderDim.Render(layout.PadRight("  "+cat.Step, labelW+2)+cols(cat.Planned, cat.Replanned, cat.Actual)))
	var rows []string
	lastStructure := -1
	current := 0
	var totP, totR, totA time.Duration
	for i, p := range r.Sess.Plan {
		if p.StructureIndex != lastStructure {
			lastStructure = p.StructureIndex
			rows = append(rows, st.Header.Render(ansi.Truncate(format.StructureHeading(p, lang), width, "…")))
		}
		rec := r.Sess.Records[i]
		actual := rec.Actual
		if i == r.Sess.Pos && !r.Sess.Finished {
			actual = r.Sess.Timer.Elapsed(now)
			current = len(rows)
		}
		marker := "  "
		style := st.Item
		switch {
		case i == r.Sess.Pos && !r.Sess.Finished:
			marker, style = "▶ ", st.Selected
		case rec.Visited:
			style = st.Muted
		}
		label := p.Label.In(lang)
		if ct := r.counterText(&r.Sess.Plan[i]); ct != "" {
			label += " · " + ct
		}
		if at, ok := r.Sess.PlanClock(i); ok {
			// --start 09:30: the clock time each step is planned at.
			label = at.Local().Format("15:04") + " " + label
		}
		label = ansi.Truncate(textsafe.Display(label), labelW, "…")
		planned := format.Clock(rec.Planned)
		replanned := ""
		if p.Planned != rec.Planned {
			replanned = format.Clock(p.Planned)
		}
		if r.Replan != nil && i < len(r.Replan) && i > r.Sess.Pos && r.Replan[i] != p.Planned {
			replanned = "→" + format.Clock(r.Replan[i])
		}
		if !p.Timed {
			planned = "–"
		}
		act := ""
		if rec.Visited {
			act = format.Clock(actual.Round(time.Second))
		}
		totP += rec.Planned
		totR += p.Planned
		if r.Replan != nil && i < len(r.Replan) && i > r.Sess.Pos {
			totR += r.Replan[i] - p.Planned
		}
		totA += actual
		rows = append(rows, style.Render(marker+layout.PadRight(label, labelW)+cols(planned, replanned, act)))
	}
	totRS := ""
	if totR != totP {
		totRS = format.Clock(totR)
	}
	total := st.Header.Render(layout.PadRight("  "+cat.Total, labelW+2) + cols(format.Clock(totP), totRS, format.Clock(totA)))

	// Rows between the headings and the pinned total, phase and help lines.
	avail := max(1, height-len(out)-3)
	start := current - avail/2 + r.agendaScroll
	if start > len(rows)-avail {
		start = len(rows) - avail
	}
	if start < 0 {
		start = 0
	}
	// Keep the offset within reach, so scrolling back responds at once.
	r.agendaScroll = start - (current - avail/2)
	end := min(len(rows), start+avail)
	out = append(out, rows[start:end]...)
	for len(out) < height-3 {
		out = append(out, "")
	}
	line := room.PhaseLine(r.Snapshot(), width, now, st)
	if r.Replan != nil {
		line = layout.Center(width, st.StatusWarning.Render(ansi.Truncate(r.replanText(), width, "…")))
	}
	if r.Replan == nil && r.Status != "" && now.Before(r.statusEnd) {
		style := st.Info
		if r.statusErr {
			style = st.Error
		}
		line = layout.Center(width, style.Render(ansi.Truncate(textsafe.Display(r.Status), width, "…")))
	}
	out = append(out, total, line)
	k := r.keys
	out = append(out, layout.HelpLine(r.com.Styles, width,
		layout.WithHelp(k.Agenda, "a", cat.Back),
		layout.WithEnabled(layout.WithHelp(k.Save, r.com.Catalog.Flow.ConfirmKey, cat.Accept), r.Replan != nil),
		layout.WithEnabled(layout.WithHelp(k.Close, "x/esc", cat.Decline), r.Replan != nil),
		layout.WithEnabled(layout.WithHelp(k.Repeat, "p", cat.ReplanKey), r.Replan == nil && !r.Sess.Finished),
		layout.WithEnabled(layout.WithHelp(k.Up, "↑/↓", cat.Scroll), len(rows) > avail),
		k.Next, k.Pause))
	for i := range out {
		out[i] = ansi.Truncate(out[i], width, "")
	}
	if len(out) > height {
		out = out[:height]
	}
	return strings.Join(out, "\n")
}
