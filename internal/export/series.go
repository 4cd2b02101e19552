package export

import (
	"bufio"
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"

	"liberate/internal/i18n"
	"liberate/internal/session"
	"liberate/internal/textsafe"
)

// SeriesFormat identifies a liberate JSON series report.
const SeriesFormat = "liberate-series"

// SeriesReport is one report over a series of sessions linked by
// follow-ups: the sessions in order, every theme scored along the way with
// its score in each session, and every action with what became of it.
type SeriesReport struct {
	Format      string          `json:"format"`
	Version     int             `json:"version"`
	ExportedAt  time.Time       `json:"exported_at"`
	Lang        string          `json:"lang"`
	Attribution string          `json:"attribution"`
	Sessions    []SeriesSession `json:"sessions"`
	Themes      []SeriesTheme   `json:"themes"`
	Actions     []SeriesAction  `json:"actions"`
}

// SeriesSession is one session of a series.
type SeriesSession struct {
	ID          string    `json:"id"`
	Title       string    `json:"title"`
	CreatedAt   time.Time `json:"created_at"`
	FollowUp    string    `json:"follow_up,omitempty"`
	Notes       int       `json:"notes"`
	Actions     int       `json:"actions"`      // agreed in this session
	ActionsDone int       `json:"actions_done"` // reviewed as done in this session
}

// SeriesTheme is a theme followed through the series: Scores[i] is its
// score in Sessions[i], nil where it was not scored.
type SeriesTheme struct {
	Label  string `json:"label"`
	From   string `json:"from"`
	Scores []*int `json:"scores"`
}

// SeriesAction is an action with its state after each session: States[i]
// is its state as reviewed in Sessions[i] ("" before it existed or where it
// was not reviewed).
type SeriesAction struct {
	Text   string                `json:"text"`
	Owner  string                `json:"owner,omitempty"`
	Due    string                `json:"due,omitempty"`
	From   string                `json:"from"`
	States []session.ReviewState `json:"states"`
	Fate   session.ReviewState   `json:"fate"` // the latest state; "" = open
}

// Series builds the report of sessions (oldest first, as Store.SeriesOf
// returns them). lang "" takes the first session's language; now is the
// export time.
func Series(sessions []Data, lang string, now time.Time) (*SeriesReport, error) {
	if len(sessions) == 0 || sessions[0].Session == nil {
		return nil, ErrNoSession
	}
	if lang == "" {
		lang = sessions[0].Session.Lang
	}
	if lang != "nl" {
		lang = "en"
	}
	r := &SeriesReport{Format: SeriesFormat, Version: 1, ExportedAt: now, Lang: lang,
		Attribution: i18n.For(lang).Export.Attribution,
		Sessions:    []SeriesSession{}, Themes: []SeriesTheme{}, Actions: []SeriesAction{}}
	n := len(sessions)
	themeAt := map[string]int{}  // from/cluster → index in Themes
	actionAt := map[string]int{} // from/note → index in Actions
	for i, d := range sessions {
		s := d.Session
		if s == nil {
			return nil, ErrNoSession
		}
		ss := SeriesSession{ID: s.ID, Title: textsafe.Display(s.Title), CreatedAt: s.CreatedAt, FollowUp: s.FollowUp}
		for _, note := range d.Notes {
			if note.Deleted {
				continue
			}
			ss.Notes++
			if note.Kind != session.KindAction {
				continue
			}
			ss.Actions++
			key := s.ID + "/" + strconv.FormatUint(note.ID, 10)
			actionAt[key] = len(r.Actions)
			r.Actions = append(r.Actions, SeriesAction{Text: textsafe.Display(note.Text), Owner: textsafe.Display(note.Owner),
				Due: textsafe.Display(note.Due), From: s.ID, States: make([]session.ReviewState, n)})
		}
		for _, rv := range s.Review {
			key := rv.From + "/" + strconv.FormatUint(rv.NoteID, 10)
			k, ok := actionAt[key]
			if !ok { // its session is gone from the series: keep the copy
				k = len(r.Actions)
				actionAt[key] = k
				r.Actions = append(r.Actions, SeriesAction{Text: textsafe.Display(rv.Text), Owner: textsafe.Display(rv.Owner),
					Due: textsafe.Display(rv.Due), From: rv.From, States: make([]session.ReviewState, n)})
			}
			r.Actions[k].States[i] = rv.State
			if rv.State != session.ReviewOpen {
				r.Actions[k].Fate = rv.State
			}
			if rv.State == session.ReviewDone {
				ss.ActionsDone++
			}
		}
		for _, t := range s.Rescores {
			key := t.From + "/" + t.ClusterID
			k, ok := themeAt[key]
			if !ok {
				k = len(r.Themes)
				themeAt[key] = k
				r.Themes = append(r.Themes, SeriesTheme{Label: textsafe.Display(t.Label), From: t.From, Scores: make([]*int, n)})
				for j := 0; j < i; j++ {
					if sessions[j].Session.ID == t.From {
						r.Themes[k].Scores[j] = ptr(t.Before)
					}
				}
			}
			if t.Scored {
				r.Themes[k].Scores[i] = ptr(t.After)
			}
		}
		r.Sessions = append(r.Sessions, ss)
	}
	return r, nil
}

func ptr(v int) *int { return &v }

// first and last are a theme's first and latest scores; ok is false when
// it has fewer than two.
func (t SeriesTheme) firstLast() (first, last int, ok bool) {
	var got []int
	for _, s := range t.Scores {
		if s != nil {
			got = append(got, *s)
		}
	}
	if len(got) < 2 {
		return 0, 0, false
	}
	return got[0], got[len(got)-1], true
}

// WriteSeries writes the report as Markdown ("md") or JSON ("json").
func WriteSeries(w io.Writer, r *SeriesReport, format string) error {
	switch strings.ToLower(strings.TrimSpace(format)) {
	case "md", "markdown":
		return seriesMarkdown(w, r)
	case "json":
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(r)
	}
	return fmt.Errorf("%w %q: a series report is written as md or json", ErrUnknownFormat, format)
}

func seriesMarkdown(out io.Writer, r *SeriesReport) error {
	cat := i18n.For(r.Lang)
	c, e := cat.FollowUp, cat.Export
	m := &mdWriter{w: bufio.NewWriterSize(out, 64<<10), prepared: &prepared{lang: r.Lang, cat: e, fu: c, loc: r.ExportedAt.Location()}}
	if r.ExportedAt.IsZero() {
		m.loc = time.Local
	}
	date := func(t time.Time) string { return m.local(t).Format("2006-01-02") }
	m.heading(1, md(fmt.Sprintf(c.Series, r.Sessions[0].Title)))

	m.heading(2, md(c.SeriesSessions))
	m.row([]string{"#", md(e.Date), md(c.SessionCol), md(c.NotesCol), md(e.Actions), md(c.ActionsDone)})
	m.row([]string{"---:", "---", "---", "---:", "---:", "---:"})
	for i, s := range r.Sessions {
		m.row([]string{strconv.Itoa(i + 1), date(s.CreatedAt), md(s.Title), strconv.Itoa(s.Notes), strconv.Itoa(s.Actions), strconv.Itoa(s.ActionsDone)})
	}
	m.line()

	// Small wins over the whole series: every action done, every theme that
	// bothers the room less now than when it was found.
	var done []SeriesAction
	for _, a := range r.Actions {
		if a.Fate == session.ReviewDone {
			done = append(done, a)
		}
	}
	var eased []SeriesTheme
	for _, t := range r.Themes {
		if first, last, ok := t.firstLast(); ok && last < first {
			eased = append(eased, t)
		}
	}
	m.heading(2, md(c.SmallWins))
	if len(done) == 0 && len(eased) == 0 {
		m.line("_", md(c.SmallWinsNone), "_")
		m.line()
	}
	for _, a := range done {
		m.line("- ", m.whoOf(a.Owner), md(a.Text))
	}
	for _, t := range eased {
		first, last, _ := t.firstLast()
		m.line("- ", md(fmt.Sprintf(c.ThemeEased, t.Label, first, last)))
	}
	if len(done) > 0 || len(eased) > 0 {
		m.line()
	}

	if len(r.Themes) > 0 {
		m.heading(2, md(c.ThemesOverTime))
		head, align := []string{md(c.ThemeCol)}, []string{"---"}
		for i, s := range r.Sessions {
			head = append(head, strconv.Itoa(i+1)+" · "+date(s.CreatedAt))
			align = append(align, "---:")
		}
		m.row(append(head, md(c.ChangeCol)))
		m.row(append(align, "---:"))
		for _, t := range r.Themes {
			cells := []string{md(t.Label)}
			for _, s := range t.Scores {
				if s == nil {
					cells = append(cells, "")
				} else {
					cells = append(cells, strconv.Itoa(*s))
				}
			}
			diff := ""
			if first, last, ok := t.firstLast(); ok {
				diff = change(first, last)
			}
			m.row(append(cells, diff))
		}
		m.line()
	}

	if len(r.Actions) > 0 {
		m.heading(2, md(c.ActionsFate))
		index := map[string]int{}
		for i, s := range r.Sessions {
			index[s.ID] = i + 1
		}
		m.row([]string{md(c.ActionCol), md(c.OwnerCol), md(c.DueCol), md(c.FromCol), md(c.ActionState)})
		m.row([]string{"---", "---", "---", "---:", "---"})
		acts := slices.Clone(r.Actions)
		slices.SortStableFunc(acts, func(a, b SeriesAction) int { return cmp.Compare(index[a.From], index[b.From]) })
		for _, a := range acts {
			var path []string
			for _, st := range a.States {
				if st != session.ReviewOpen {
					path = append(path, stateName(st, c))
				}
			}
			fate := stateName(session.ReviewOpen, c)
			if len(path) > 0 {
				fate = strings.Join(path, " → ")
			}
			from := ""
			if k, ok := index[a.From]; ok {
				from = strconv.Itoa(k)
			}
			m.row([]string{md(a.Text), md(a.Owner), md(dueText(a.Due, c, m.loc)), from, md(fate)})
		}
		m.line()
	}

	m.line("---")
	m.line()
	m.line(md(e.Attribution))
	m.line()
	now := r.ExportedAt
	if now.IsZero() {
		now = time.Now()
	}
	m.line(md(fmt.Sprintf(e.ExportedWith, m.local(now).Format("2006-01-02 15:04"))))
	return m.w.Flush()
}
