package export

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"liberate/internal/action"
	"liberate/internal/i18n"
	"liberate/internal/session"
)

// stateName is the catalogue name of a review state.
func stateName(st session.ReviewState, c i18n.FollowUp) string { return c.StateName(string(st)) }

// dueText shows a stored due date as "vr 4 dec 2026", or the stored text
// when it does not read as a date.
func dueText(due string, c i18n.FollowUp, loc *time.Location) string {
	if due == "" {
		return ""
	}
	t, ok := action.ParseDate(due, loc)
	if !ok {
		return due
	}
	return action.LongDate(t, c)
}

// change renders a score difference with its sign: −3, +2, 0.
func change(before, after int) string {
	switch d := after - before; {
	case d > 0:
		return "+" + strconv.Itoa(d)
	case d < 0:
		return "−" + strconv.Itoa(-d)
	}
	return "0"
}

// followUp writes what a follow-up session found: the small wins first (so
// a report starts with what moved), the review of every action and the
// themes before and after.
func (m *mdWriter) followUp() {
	s := m.s
	if len(s.Review) == 0 && len(s.Rescores) == 0 {
		return
	}
	c := m.fu
	m.heading(2, md(c.SmallWins))
	var done []session.ActionReview
	for _, r := range s.Review {
		if r.State == session.ReviewDone {
			done = append(done, r)
		}
	}
	var eased []session.ThemeScore
	for _, t := range s.Rescores {
		if t.Fell() {
			eased = append(eased, t)
		}
	}
	if len(done) == 0 && len(eased) == 0 {
		m.line("_", md(c.SmallWinsNone), "_")
		m.line()
	}
	if len(done) > 0 {
		m.heading(3, md(c.ActionsDone))
		for _, r := range done {
			m.line("- ", m.who(r.Owner), md(r.Text))
		}
		m.line()
	}
	if len(eased) > 0 {
		m.heading(3, md(c.ThemesEased))
		for _, t := range eased {
			m.line("- ", md(fmt.Sprintf(c.ThemeEased, t.Label, t.Before, t.After)))
		}
		m.line()
	}
	if len(s.Review) > 0 {
		m.heading(2, md(c.Review))
		if m.d.Earlier != nil {
			m.line("_", md(fmt.Sprintf(c.ReviewOf, m.d.Earlier.Title)), "_")
			m.line()
		}
		m.row([]string{md(c.ActionCol), md(c.OwnerCol), md(c.DueCol), md(c.ActionState)})
		m.row([]string{"---", "---", "---", "---"})
		for _, r := range s.Review {
			m.row([]string{md(r.Text), md(r.Owner), md(dueText(r.Due, c, m.loc)), md(stateName(r.State, c))})
		}
		m.line()
	}
	if len(s.Rescores) > 0 {
		m.heading(2, md(c.BeforeAfter))
		m.row([]string{md(c.ThemeCol), md(c.BeforeCol), md(c.AfterCol), md(c.ChangeCol)})
		m.row([]string{"---", "---:", "---:", "---:"})
		for _, t := range s.Rescores {
			after, diff := "", ""
			if t.Scored {
				after, diff = strconv.Itoa(t.After), change(t.Before, t.After)
			}
			m.row([]string{md(t.Label), strconv.Itoa(t.Before), after, diff})
		}
		m.line()
	}
}

// who renders an owner as "**Jan**: ", or nothing.
func (m *mdWriter) who(owner string) string { return m.whoOf(owner) }

// whoOf renders an owner as "**Jan**: ", or nothing.
func (p *prepared) whoOf(owner string) string {
	if strings.TrimSpace(owner) == "" {
		return ""
	}
	return "**" + md(owner) + "**: "
}

// taskList ends the report with who does what by when, as a task list
// that Obsidian, GitHub and Confluence show as checkboxes: this session's
// actions, then the earlier actions reviewed here (ticked when done; dropped
// ones are left out, the review table keeps them).
func (m *mdWriter) taskList() {
	var acts []*session.Note
	for k := range m.notes {
		if m.notes[k].Kind == session.KindAction {
			acts = append(acts, &m.notes[k])
		}
	}
	var carried []session.ActionReview
	for _, r := range m.s.Review {
		if r.State != session.ReviewDropped {
			carried = append(carried, r)
		}
	}
	if len(acts) == 0 && len(carried) == 0 {
		return
	}
	c := m.fu
	m.heading(2, md(c.TaskList))
	for _, n := range acts {
		name, step := m.noteStep(*n)
		where := name
		if st, ok := m.step(n.StepIndex); ok {
			where += ", " + strings.ToLower(m.cat.Step) + " " + fmt.Sprintf(m.cat.StepOf, st.Number, st.Total)
		} else if step != "" {
			where += ", " + step
		}
		m.task(false, n.Owner, n.Text, n.Due, "", where)
	}
	for _, r := range carried {
		from := ""
		if m.d.Earlier != nil && r.From == m.d.Earlier.ID {
			from = fmt.Sprintf(c.ReviewOf, m.d.Earlier.Title)
		}
		state := ""
		if r.State != session.ReviewDone {
			state = stateName(r.State, c)
		}
		m.task(r.State == session.ReviewDone, r.Owner, r.Text, r.Due, state, from)
	}
	m.line()
	m.line("_", md(c.TaskListNote), "_")
	m.line()
}

// task writes one task line: `- [ ] **Jan**: call the supplier · Fri 4 Dec
// 2026 · _under way_ · _1-2-4-All, step 4/4_`.
func (m *mdWriter) task(done bool, owner, text, due, state, where string) {
	box := "- [ ] "
	if done {
		box = "- [x] "
	}
	m.w.WriteString(box)
	m.w.WriteString(m.who(owner))
	m.w.WriteString(md(text))
	if d := dueText(due, m.fu, m.loc); d != "" {
		m.w.WriteString(" · ")
		m.w.WriteString(md(d))
	}
	for _, extra := range []string{state, where} {
		if extra != "" {
			m.w.WriteString(" · _")
			m.w.WriteString(md(extra))
			m.w.WriteString("_")
		}
	}
	m.w.WriteByte('\n')
}
