package export

import (
	"bufio"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"

	"liberate/internal/cluster"
	"liberate/internal/i18n"
	"liberate/internal/session"
	"liberate/internal/textsafe"
)

// phoneNotes counts the notes participants sent from their phones.
func phoneNotes(notes []session.Note) int {
	n := 0
	for _, x := range notes {
		if x.Phone {
			n++
		}
	}
	return n
}

// Markdown writes the session as a CommonMark document (with GFM tables):
// title and metadata, the invitations, a timeline of planned and actual
// minutes, the clusters ranked by votes, every note by structure and step,
// the 25/10 top ten, the actions, and a footer with the Liberating
// Structures attribution. Every text from the session is escaped so it
// renders as itself.
func Markdown(w io.Writer, d Data) error {
	p, err := prepare(d)
	if err != nil {
		return err
	}
	m := &mdWriter{prepared: p, w: bufio.NewWriterSize(w, 64<<10)}
	m.header()
	m.invitations()
	m.followUp()
	m.timeline()
	m.clusterSection()
	m.notesByStep()
	m.cards()
	m.taskList()
	m.footer()
	return m.w.Flush()
}

// mdWriter writes Markdown; bufio.Writer keeps the first write error, which
// Flush returns.
type mdWriter struct {
	*prepared
	w *bufio.Writer
}

func (m *mdWriter) line(parts ...string) {
	for _, s := range parts {
		m.w.WriteString(s)
	}
	m.w.WriteByte('\n')
}

func (m *mdWriter) heading(level int, text string) {
	m.line(strings.Repeat("#", level), " ", text)
	m.line()
}

func (m *mdWriter) header() {
	c := m.cat
	title := md(m.s.Title)
	if title == "" {
		title = md(c.UntitledSession)
	}
	m.heading(1, title)

	start, end := m.span()
	date := start.Format("2006-01-02, 15:04")
	if !end.IsZero() {
		if end.YearDay() == start.YearDay() && end.Year() == start.Year() {
			date += "–" + end.Format("15:04")
		} else {
			date += " – " + end.Format("2006-01-02, 15:04")
		}
	}
	if !m.s.Finished {
		date += " (" + c.NotFinished + ")"
	}
	m.line("- **", c.Date, ":** ", date)
	var actual time.Duration
	for _, r := range m.s.Records {
		actual += r.Actual
	}
	m.line("- **", c.Duration, ":** ", clock(actual))
	if names := m.structureNames(); len(names) > 0 {
		for i := range names {
			names[i] = md(names[i])
		}
		m.line("- **", c.Structures, ":** ", strings.Join(names, " → "))
	}
	if m.s.Participants > 0 {
		m.line("- **", c.Participants, ":** ", strconv.Itoa(m.s.Participants))
	}
	if phones := phoneNotes(m.notes); phones > 0 {
		m.line("- ", fmt.Sprintf(i18n.PhoneFor(m.lang).ExportFromPhones, phones, len(m.notes)))
	}
	if m.s.Speed > 1 {
		m.line("- ", fmt.Sprintf(c.Rehearsal, "×"+score(m.s.Speed, m.lang)))
	} else if m.s.Rehearsal {
		m.line("- ", md(m.fu.RehearsalMark))
	}
	if e := m.d.Earlier; e != nil {
		m.line("- **", md(m.fu.FollowUpOf), ":** ", md(e.Title), " (", m.local(e.CreatedAt).Format("2006-01-02"), ")")
	}
	inv := md(m.s.Invitation)
	if invs := m.structureInvitations(); inv == "" && len(invs) == 1 {
		inv = md(invs[0].text)
	}
	if inv != "" {
		m.line("- **", c.Invitation, ":** ", inv)
	}
	m.line()
}

// span is when the session ran, in the export's zone: from the first
// start event (else its creation) to its finish (else its last event or
// update).
func (m *mdWriter) span() (start, end time.Time) {
	start = m.s.CreatedAt
	for _, e := range m.d.Events {
		if e.Type == session.EventStarted || e.Type == session.EventStepStart {
			start = e.At
			break
		}
	}
	switch {
	case m.s.Finished && !m.s.FinishedAt.IsZero():
		end = m.s.FinishedAt
	case len(m.d.Events) > 0:
		end = m.d.Events[len(m.d.Events)-1].At
	default:
		end = m.s.UpdatedAt
	}
	if !end.IsZero() && end.Before(start) {
		end = time.Time{}
	}
	start = m.local(start)
	if !end.IsZero() {
		end = m.local(end)
	}
	return start, end
}

// structureNames lists the structures of the plan in order, once each.
func (m *mdWriter) structureNames() []string {
	var names []string
	seen := map[int]bool{}
	for _, st := range m.s.Plan {
		if seen[st.StructureIndex] {
			continue
		}
		seen[st.StructureIndex] = true
		names = append(names, m.structureName(st))
	}
	return names
}

type invitation struct{ name, text string }

// structureInvitations lists each structure's invitation, in plan order.
func (m *mdWriter) structureInvitations() []invitation {
	var out []invitation
	seen := map[int]bool{}
	for _, st := range m.s.Plan {
		if seen[st.StructureIndex] {
			continue
		}
		seen[st.StructureIndex] = true
		if t := textsafe.Display(st.Invitation.In(m.lang)); t != "" {
			out = append(out, invitation{m.structureName(st), t})
		}
	}
	return out
}

func (m *mdWriter) invitations() {
	invs := m.structureInvitations()
	if len(invs) < 2 {
		return
	}
	m.heading(2, md(m.cat.Invitations))
	for _, inv := range invs {
		m.line("- **", md(inv.name), ":** ", md(inv.text))
	}
	m.line()
}

func (m *mdWriter) timeline() {
	if len(m.s.Plan) == 0 {
		return
	}
	c := m.cat
	replanned := false
	for i, st := range m.s.Plan {
		if i < len(m.s.Records) && st.Planned != m.s.Records[i].Planned {
			replanned = true
		}
	}
	m.heading(2, md(c.Timeline))
	_, clocked := m.s.PlanClock(0)
	var cols, align []string
	if clocked {
		cols, align = []string{md(m.fu.Clock)}, []string{"---:"}
	}
	cols = append(cols, md(c.Structure), md(c.Step), md(c.Planned))
	align = append(align, "---", "---", "---:")
	if replanned {
		cols = append(cols, md(c.Replanned))
		align = append(align, "---:")
	}
	cols = append(cols, md(c.Actual), md(c.Difference))
	align = append(align, "---:", "---:")
	m.row(cols)
	m.row(align)

	var planned, final, actual, diff time.Duration
	prev := -1
	for i, st := range m.s.Plan {
		rec := session.StepRecord{Planned: st.Planned}
		if i < len(m.s.Records) {
			rec = m.s.Records[i]
		}
		name := ""
		if st.StructureIndex != prev {
			name = md(m.structureName(st))
			prev = st.StructureIndex
		}
		step := md(fmt.Sprintf(c.StepOf, st.Number, st.Total) + " " + m.stepLabel(st))
		var cells []string
		if clocked {
			at, _ := m.s.PlanClock(i)
			cells = append(cells, m.local(at).Format("15:04"))
		}
		cells = append(cells, name, step, dash(rec.Planned, rec.Planned > 0))
		if replanned {
			cells = append(cells, dash(st.Planned, st.Planned != rec.Planned))
		}
		if rec.Visited {
			cells = append(cells, clock(rec.Actual))
			if rec.Planned > 0 {
				cells = append(cells, signedClock(rec.Actual-rec.Planned))
				diff += rec.Actual - rec.Planned
			} else {
				cells = append(cells, "")
			}
			actual += rec.Actual
		} else {
			cells = append(cells, md(c.NotRun), "")
		}
		planned += rec.Planned
		final += st.Planned
		m.row(cells)
	}
	var total []string
	if clocked {
		end, _ := m.s.PlanClock(len(m.s.Plan))
		total = append(total, m.local(end).Format("15:04"))
	}
	total = append(total, "**"+md(c.Total)+"**", "_"+md(m.table.TotalCovers)+"_", clock(planned))
	if replanned {
		total = append(total, clock(final))
	}
	total = append(total, clock(actual), signedClock(diff))
	m.row(total)
	m.line()
	if replanned {
		m.line("_", md(c.TimingNote), "_")
		m.line()
	}
}

// dash renders d, or nothing when show is false.
func dash(d time.Duration, show bool) string {
	if !show {
		return ""
	}
	return clock(d)
}

// row writes one table row; every cell is already escaped, so the only
// unescaped pipes are the separators.
func (m *mdWriter) row(cells []string) {
	m.w.WriteString("|")
	for _, c := range cells {
		m.w.WriteString(" ")
		m.w.WriteString(c)
		m.w.WriteString(" |")
	}
	m.w.WriteByte('\n')
}

// count renders "3 notes" or "1 vote" from a singular/plural pair.
func count(forms [2]string, n int) string {
	if n == 1 {
		return fmt.Sprintf(forms[0], n)
	}
	return fmt.Sprintf(forms[1], n)
}

func (m *mdWriter) clusterSection() {
	if len(m.clusters) == 0 {
		return
	}
	c := m.cat
	m.heading(2, md(c.Clusters))
	m.pillarOverview()
	for _, g := range m.clusters {
		m.heading(3, fmt.Sprintf("%s (%s, %s)", md(g.Label), count(c.NoteCount, len(g.notes)), count(c.VoteCount, g.votes)))
		var about []string
		if g.Pillar != cluster.PillarNone {
			about = append(about, md(m.pl.Name(g.Pillar.String())))
		}
		if len(g.Why) > 0 {
			about = append(about, md(m.pl.Why)+": "+md(strings.Join(g.Why, ", ")))
		}
		if len(about) > 0 {
			m.line("_", strings.Join(about, " · "), "_")
			m.line()
		}
		m.noteList(g.notes)
	}
	if len(m.unclustered) > 0 {
		m.heading(3, fmt.Sprintf("%s (%s)", md(c.Unclustered), count(c.NoteCount, len(m.unclustered))))
		m.noteList(m.unclustered)
	}
}

// pillarOverview is a short table of how the themes and their votes fall
// over people, process and technology, before the themes themselves;
// themes without a pillar get a row of their own when there are any.
func (m *mdWriter) pillarOverview() {
	type tally struct{ themes, votes int }
	by := map[cluster.Pillar]tally{}
	for _, g := range m.clusters {
		t := by[g.Pillar]
		t.themes++
		t.votes += g.votes
		by[g.Pillar] = t
	}
	m.line("_", md(m.pl.Overview), "_")
	m.line()
	m.row([]string{md(m.pl.Header), md(m.pl.Themes), md(m.pl.Votes)})
	m.row([]string{"---", "--:", "--:"})
	for _, p := range append(slices.Clone(cluster.Pillars), cluster.PillarNone) {
		t, ok := by[p]
		if p == cluster.PillarNone && !ok {
			continue
		}
		m.row([]string{md(m.pl.Name(p.String())), strconv.Itoa(t.themes), strconv.Itoa(t.votes)})
	}
	m.line()
}

// noteList writes notes as list items: `- **Kind** — text · 2 votes`.
func (m *mdWriter) noteList(notes []*session.Note) {
	for _, n := range notes {
		m.noteItem(n)
	}
	m.line()
}

func (m *mdWriter) noteItem(n *session.Note) {
	m.w.WriteString("- **")
	m.w.WriteString(md(m.kindName(n.Kind)))
	m.w.WriteString("** — ")
	m.w.WriteString(md(n.Text))
	if n.Votes > 0 {
		m.w.WriteString(" · ")
		m.w.WriteString(count(m.cat.VoteCount, n.Votes))
	}
	if n.Harvest {
		m.w.WriteString(" · _")
		m.w.WriteString(md(m.cat.Harvested))
		m.w.WriteString("_")
	}
	m.w.WriteByte('\n')
}

// notesByStep writes every note under its structure (##) and step (###),
// steps in plan order; notes whose step is not in the plan come last.
func (m *mdWriter) notesByStep() {
	c := m.cat
	if len(m.notes) == 0 {
		m.heading(2, md(c.NotesByStep))
		m.line("_", md(c.NoNotes), "_")
		m.line()
		return
	}
	byStep := make([][]*session.Note, len(m.s.Plan))
	var other []*session.Note
	for k := range m.notes {
		n := &m.notes[k]
		if _, ok := m.step(n.StepIndex); ok {
			byStep[n.StepIndex] = append(byStep[n.StepIndex], n)
		} else {
			other = append(other, n)
		}
	}
	prev := -1
	for i, notes := range byStep {
		if len(notes) == 0 {
			continue
		}
		st := m.s.Plan[i]
		if st.StructureIndex != prev {
			prev = st.StructureIndex
			name := md(m.structureName(st))
			if st.StructureCount > 1 {
				name = strconv.Itoa(st.StructureIndex+1) + ". " + name
			}
			m.heading(2, name)
		}
		m.heading(3, md(c.Step+" "+fmt.Sprintf(c.StepOf, st.Number, st.Total)+" · "+m.stepLabel(st)))
		m.noteList(notes)
	}
	if len(other) > 0 {
		m.heading(2, md(c.OtherNotes))
		m.noteList(other)
	}
}

func (m *mdWriter) cards() {
	ranked := topTen(rankCards(m.s.Cards))
	if len(ranked) == 0 {
		return
	}
	c := m.cat
	m.heading(2, md(c.TopTen))
	m.row([]string{md(c.Rank), md(c.Card), md(c.Idea), md(c.FirstStep), md(c.Score), md(c.Scores)})
	m.row([]string{"---:", "---:", "---", "---", "---:", "---:"})
	for _, r := range ranked {
		scores := strconv.Itoa(len(r.Scores))
		if len(r.Scores) != 5 {
			scores += " (" + md(c.Averaged) + ")"
		}
		m.row([]string{
			strconv.Itoa(r.Rank),
			strconv.Itoa(r.Number),
			md(r.Idea),
			md(r.FirstStep),
			score(r.Total, m.lang),
			scores,
		})
	}
	m.line()
	m.line("_", md(c.TopTenNote), "_")
	m.line()
}

func (m *mdWriter) footer() {
	m.line("---")
	m.line()
	m.line(md(m.cat.Attribution))
	m.line()
	now := m.d.Now
	if now.IsZero() {
		now = time.Now()
	}
	m.line(md(fmt.Sprintf(m.cat.ExportedWith, m.local(now).Format("2006-01-02 15:04"))))
}
