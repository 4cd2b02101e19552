package ui

import (
	"fmt"
	"math"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"liberate/internal/structure"
	"liberate/internal/textsafe"
)

// handleAgendaKey handles keys on the agenda: scroll, re-plan, back.
func (r *runScreen) handleAgendaKey(msg tea.KeyPressMsg) tea.Cmd {
	now := r.m.now
	switch msg.String() {
	case "esc":
		// Esc declines a proposal first, as the offer says; then leaves.
		if r.replan != nil {
			r.replan = nil
			return nil
		}
		r.m.screen = screenRun
		r.agendaScroll = 0
	case "a", "q":
		r.m.screen = screenRun
		r.agendaScroll = 0
	case "up", "k":
		r.agendaScroll--
	case "down", "j":
		r.agendaScroll++
	case "home":
		r.agendaScroll = -1 << 20
	case "end":
		r.agendaScroll = 1 << 20
	case "p":
		if prop, ok := r.sess.Replan(now); ok {
			r.replan, r.replanOffered = prop, r.sess.Pos
		} else if r.sess.OffSchedule(now) && r.sess.Behind(now) > 0 && !r.sess.Finished {
			r.setStatus(r.m.cat.Agenda.AtMinimum, false)
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
// the planned and projected end, and any re-plan proposal. The list
// follows the running step; agendaScroll moves the window from there.
func (r *runScreen) agendaView(width, height int, now time.Time) string {
	st := r.m.styles
	cat := r.m.cat.Agenda
	lang := r.m.cat.Lang
	if width < 30 || height < 8 {
		return r.tinyView(width, height, now)
	}
	var out []string
	when := fmt.Sprintf(cat.PlannedEnd, r.sess.PlannedEnd().Local().Format("15:04")) + " · " +
		fmt.Sprintf(cat.ProjectedEnd, r.sess.ProjectedEnd(now).Local().Format("15:04"))
	if behind := r.sess.Behind(now).Round(time.Minute); !r.sess.Finished && behind >= time.Minute {
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
		return " " + padLeft(a, colW[0]) + " " + padLeft(b, colW[1]) + " " + padLeft(c, colW[2])
	}
	numW := colW[0] + colW[1] + colW[2] + 3
	labelW := max(8, width-numW-2)
	out = append(out, st.HeaderDim.Render(padRight("  "+cat.Step, labelW+2)+cols(cat.Planned, cat.Replanned, cat.Actual)))
	var rows []string
	lastStructure := -1
	current := 0
	var totP, totR, totA time.Duration
	for i, p := range r.sess.Plan {
		if p.StructureIndex != lastStructure {
			lastStructure = p.StructureIndex
			rows = append(rows, st.Header.Render(ansi.Truncate(structureHeading(p, lang), width, "…")))
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
			act = fmtMin(actual.Round(time.Second))
		}
		totP += rec.Planned
		totR += p.Planned
		if r.replan != nil && i < len(r.replan) && i > r.sess.Pos {
			totR += r.replan[i] - p.Planned
		}
		totA += actual
		rows = append(rows, style.Render(marker+padRight(label, labelW)+cols(planned, replanned, act)))
	}
	totRS := ""
	if totR != totP {
		totRS = fmtMin(totR)
	}
	total := st.Header.Render(padRight("  "+cat.Total, labelW+2) + cols(fmtMin(totP), totRS, fmtMin(totA)))

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
	line := r.phaseLine(width, now)
	if r.replan == nil && r.status != "" && now.Before(r.statusEnd) {
		style := st.Info
		if r.statusErr {
			style = st.Error
		}
		line = center(width, style.Render(ansi.Truncate(textsafe.Display(r.status), width, "…")))
	}
	out = append(out, total, line)
	k := r.m.keys
	out = append(out, r.m.helpLine(width,
		withHelp(k.Agenda, "a", cat.Back),
		withEnabled(withHelp(k.Save, "y", cat.Accept), r.replan != nil),
		withEnabled(withHelp(k.Close, "x/esc", cat.Decline), r.replan != nil),
		withEnabled(withHelp(k.Repeat, "p", cat.ReplanKey), r.replan == nil && !r.sess.Finished),
		withEnabled(withHelp(k.Up, "↑/↓", cat.Scroll), len(rows) > avail),
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
	m := math.Round(d.Minutes()*10) / 10
	if m == float64(int(m)) {
		return fmt.Sprintf("%d", int(m))
	}
	return fmt.Sprintf("%.1f", m)
}

// structureHeading names a structure of a plan, with the string item's own
// title when it has one: "1-2-4-All · Now what: next week".
func structureHeading(p structure.PlannedStep, lang string) string {
	name := textsafe.Display(p.StructureName.In(lang))
	if t := textsafe.Display(p.OwnTitle(lang)); t != "" {
		name += " · " + t
	}
	return name
}
