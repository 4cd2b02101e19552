package ui

import (
	"fmt"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"liberate/internal/textsafe"
)

// handleAgendaKey handles keys on the agenda: scroll, re-plan, back.
func (r *runScreen) handleAgendaKey(msg tea.KeyPressMsg) tea.Cmd {
	now := r.m.now
	switch msg.String() {
	case "a", "esc", "q":
		r.m.screen = screenRun
	case "up", "k":
		if r.agendaScroll > 0 {
			r.agendaScroll--
		}
	case "down", "j":
		r.agendaScroll++
	case "p":
		if prop, ok := r.sess.Replan(now); ok {
			r.replan, r.replanOffered = prop, r.sess.Pos
		} else {
			r.setStatus(r.m.cat.Agenda.NoReplan, false)
		}
	case "y":
		if r.replan != nil {
			evs := r.sess.ApplyReplan(r.replan, now)
			r.replan = nil
			return r.persistNow(evs)
		}
	case "x":
		r.replan = nil
	case "ctrl+c":
		return r.m.quit()
	default:
		// The clicker keeps driving the session from the agenda.
		k := r.m.keys
		switch {
		case msg.String() == "pgdown" || msg.String() == "right":
			return r.move(+1)
		case msg.String() == "pgup" || msg.String() == "left":
			return r.move(-1)
		case msg.String() == "space":
			return r.persistNow(r.sess.TogglePause(now))
		case msg.String() == "?":
			r.m.showHelp = true
		}
		_ = k
	}
	return nil
}

// agendaView lists every step with planned, re-planned and actual minutes,
// the planned and projected end, and any re-plan proposal.
func (r *runScreen) agendaView(width, height int, now time.Time) string {
	st := r.m.styles
	cat := r.m.cat.Agenda
	lang := r.m.cat.Lang
	if width < 20 || height < 5 {
		return r.tinyView(width, height, now)
	}
	var out []string
	head := st.Title.Render(cat.Title) + "  " + st.Muted.Render(
		fmt.Sprintf(cat.PlannedEnd, r.sess.PlannedEnd().Local().Format("15:04"))+" · "+
			fmt.Sprintf(cat.ProjectedEnd, r.sess.ProjectedEnd(now).Local().Format("15:04")))
	out = append(out, ansi.Truncate(head, width, "…"), "")
	numW := 24
	labelW := width - numW - 4
	if labelW < 10 {
		labelW = 10
	}
	out = append(out, st.HeaderDim.Render(padRight("  "+cat.Step, labelW+2)+
		fmt.Sprintf("%7s %8s %7s", cat.Planned, cat.Replanned, cat.Actual)))
	var rows []string
	lastStructure := -1
	current := 0
	var totP, totR, totA time.Duration
	for i, p := range r.sess.Plan {
		if p.StructureIndex != lastStructure {
			lastStructure = p.StructureIndex
			rows = append(rows, st.Header.Render(ansi.Truncate(textsafe.Display(p.StructureName.In(lang)), width, "…")))
		}
		rec := r.sess.Records[i]
		actual := rec.Actual
		if i == r.sess.Pos && !r.sess.Finished {
			actual = r.sess.Timer.Elapsed(now)
			current = len(rows)
		}
		marker := "  "
		style := st.Item
		switch {
		case i == r.sess.Pos && !r.sess.Finished:
			marker, style = "▶ ", st.Selected
		case rec.Visited:
			style = st.Muted
		}
		label := p.Label.In(lang)
		if ct := r.counterText(&r.sess.Plan[i]); ct != "" {
			label += " · " + ct
		}
		label = ansi.Truncate(textsafe.Display(label), labelW, "…")
		planned := fmtMin(rec.Planned)
		replanned := ""
		if p.Planned != rec.Planned {
			replanned = fmtMin(p.Planned)
		}
		if r.replan != nil && i < len(r.replan) && i > r.sess.Pos && r.replan[i] != p.Planned {
			replanned = "→" + fmtMin(r.replan[i])
		}
		if !p.Timed {
			planned = "–"
		}
		act := ""
		if rec.Visited {
			act = fmtMin(actual)
		}
		totP += rec.Planned
		totR += p.Planned
		totA += actual
		rows = append(rows, style.Render(marker+padRight(label, labelW)+fmt.Sprintf("%7s %8s %7s", planned, replanned, act)))
	}
	rows = append(rows, st.Header.Render(padRight("  "+cat.Total, labelW+2)+fmt.Sprintf("%7s %8s %7s", fmtMin(totP), fmtMin(totR), fmtMin(totA))))
	avail := height - len(out) - 2
	if avail < 1 {
		avail = 1
	}
	// Keep the running step in view.
	start := r.agendaScroll
	if current-start >= avail {
		start = current - avail/2
	}
	if start > len(rows)-avail {
		start = len(rows) - avail
	}
	if start < 0 {
		start = 0
	}
	r.agendaScroll = start
	end := start + avail
	if end > len(rows) {
		end = len(rows)
	}
	out = append(out, rows[start:end]...)
	for len(out) < height-2 {
		out = append(out, "")
	}
	out = append(out, r.phaseLine(width, now))
	k := r.m.keys
	out = append(out, r.m.helpLine(width,
		withHelp(k.Agenda, "a/esc", r.m.cat.Agenda.Back),
		withHelp(k.Up, "↑/↓", "scroll"),
		withHelp(k.Repeat, "p", r.m.cat.Agenda.ReplanKey),
		withEnabled(withHelp(k.Save, "y", "ok"), r.replan != nil),
		k.Next, k.Pause))
	for i := range out {
		out[i] = ansi.Truncate(out[i], width, "")
	}
	if len(out) > height {
		out = out[:height]
	}
	return strings.Join(out, "\n")
}

// fmtMin shows a duration as minutes with one decimal when needed.
func fmtMin(d time.Duration) string {
	m := d.Minutes()
	if m == float64(int(m)) {
		return fmt.Sprintf("%d", int(m))
	}
	return fmt.Sprintf("%.1f", m)
}
