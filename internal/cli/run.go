package cli

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/spf13/cobra"

	"liberate/internal/session"
	"liberate/internal/store"
	"liberate/internal/structure"
	"liberate/internal/textsafe"
	"liberate/internal/ui"
)

// RunOptions are the flags of `liberate run`.
type RunOptions struct {
	Slugs        []string
	Title        string
	Invitation   string
	Participants int
	Speed        float64
	MinuteBell   bool
	// JoinOptions serve the phone page beside the session.
	JoinOptions
	// FollowUp names the earlier session this one follows up ("last" = the
	// newest real session); "" for none.
	FollowUp string
	// Minutes sets the length of the plan's breaks; 0 keeps their default.
	Minutes float64
	// Start is the planned clock time of the first step ("09:30"); "" for
	// none.
	Start string
}

func newRunCmd(app *App) *cobra.Command {
	opts := &RunOptions{}
	cmd := &cobra.Command{
		Use:   "run SLUG [SLUG...]",
		Short: "Start a session with one structure, several in a row, or a string",
		Example: "  liberate run 1-2-4-all --invitation \"What slows you down every day?\"\n" +
			"  liberate run irritation-brainstorm --participants 23 --lang nl\n" +
			"  liberate run impromptu 1-2-4-all 15% --speed 60   # rehearse at 60× speed\n" +
			"  liberate run follow-up --follow-up last           # review the last workshop's actions\n" +
			"  liberate run break --minutes 15 --title \"Koffie\"  # a break with the big countdown\n" +
			"  liberate run irritation-brainstorm --start 09:30  # plan clock times",
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Slugs = args
			return app.run(opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.Title, "title", "", "session title (default: the structures and the date)")
	f.StringVar(&opts.Invitation, "invitation", "", "the question for the room")
	f.IntVar(&opts.Participants, "participants", 0, "head-count, to show how to form groups")
	f.Float64Var(&opts.Speed, "speed", 1, "rehearsal: time runs this many times faster")
	f.BoolVar(&opts.MinuteBell, "minute-bell", false, "also ring one minute before the end of longer steps")
	f.StringVar(&opts.FollowUp, "follow-up", "", "follow up an earlier session (an id, a line of `liberate sessions`, or last): review its actions and themes")
	f.Float64Var(&opts.Minutes, "minutes", 0, "length of the break (liberate run break), in minutes")
	f.StringVar(&opts.Start, "start", "", "planned start, e.g. 09:30: the agenda and the export show clock times")
	addJoinFlags(f, &opts.JoinOptions)
	return cmd
}

// newSession resolves slugs, expands the plan and saves a new session.
func (app *App) newSession(st *store.Store, opts *RunOptions) (*session.Session, error) {
	if err := opts.check(); err != nil {
		return nil, err
	}
	lib := app.library()
	var slugs, names []string
	for _, name := range opts.Slugs {
		s, err := lib.Resolve(name)
		if err != nil {
			return nil, err
		}
		slugs = append(slugs, s.Slug)
		names = append(names, s.Name.In(app.Lang))
	}
	plan, err := lib.Plan(slugs, structure.PlanOptions{Participants: opts.Participants})
	if err != nil {
		return nil, err
	}
	if len(plan) == 0 {
		return nil, fmt.Errorf("%s has no steps to run: check its file with `liberate show %s`", slugs[0], slugs[0])
	}
	title := textsafe.Display(opts.Title)
	if err := setBreakMinutes(plan, opts.Minutes, title); err != nil {
		return nil, err
	}
	now := app.Clock.Now()
	planStart, err := parseStart(opts.Start, now)
	if err != nil {
		return nil, err
	}
	var prev *session.Session
	var prevNotes []session.Note
	var prevClusters []session.Cluster
	if opts.FollowUp != "" {
		if prev, prevNotes, prevClusters, err = app.earlierSession(st, opts.FollowUp); err != nil {
			return nil, err
		}
	}
	if title == "" && prev != nil {
		title = fmt.Sprintf(app.cat.FollowUp.FollowUpTitle, prev.Title)
		if !strings.HasSuffix(prev.Title, now.Local().Format("2006-01-02")) {
			title += " · " + now.Local().Format("2006-01-02")
		}
	}
	if title == "" {
		title = strings.Join(names, " → ") + " · " + now.Local().Format("2006-01-02")
	}
	sess := session.New(session.Options{
		ID:           store.NewSessionID(now),
		Title:        title,
		Invitation:   textsafe.Display(opts.Invitation),
		Lang:         app.Lang,
		Slugs:        slugs,
		Participants: opts.Participants,
		Speed:        opts.Speed,
		PlanStart:    planStart,
	}, plan, now)
	if prev != nil {
		sess.LinkFollowUp(prev, prevNotes, prevClusters)
	}
	if err := st.SaveSession(sess); err != nil {
		return nil, err
	}
	return sess, nil
}

// Limits of the run flags.
const (
	MinSpeed        = 0.1
	MaxSpeed        = 3600
	MaxParticipants = 10000
)

// check refuses flags outside sane ranges (NaN and infinities included).
func (opts *RunOptions) check() error {
	if !(opts.Speed >= MinSpeed && opts.Speed <= MaxSpeed) {
		return fmt.Errorf("--speed %g is out of range: use a number from %g to %d (1 = real time, 60 = a minute per second)", opts.Speed, MinSpeed, MaxSpeed)
	}
	if opts.Participants < 0 || opts.Participants > MaxParticipants {
		return fmt.Errorf("--participants %d is out of range: give the head-count in the room, from 1 to %d", opts.Participants, MaxParticipants)
	}
	return opts.JoinOptions.check()
}

// needTerminal refuses to start the run screen without a terminal, before
// anything is created.
func (app *App) needTerminal() error {
	if app.IsTerminal != nil && !app.IsTerminal() {
		return errors.New(app.cat.Safety.NeedTerminal)
	}
	return nil
}

func (app *App) run(opts *RunOptions) error {
	if err := opts.check(); err != nil {
		return err
	}
	if err := app.needTerminal(); err != nil {
		return err
	}
	st, err := app.openStore(false)
	if err != nil {
		return err
	}
	defer st.Close()
	sess, err := app.newSession(st, opts)
	if err != nil {
		return err
	}
	deps, stop := app.liveDeps(app.deps(st, opts.MinuteBell))
	defer stop()
	phones, err := opts.JoinOptions.start(st, sess.ID)
	if err != nil {
		return err
	}
	if phones != nil {
		defer phones.Close()
		deps.Phones = phones
	}
	m := ui.NewRun(deps, sess, nil, session.History{})
	return purgeAtExit(st, app.runTUI(m))
}

// liveDeps serves the session to projectors while it runs; stop ends that.
func (app *App) liveDeps(d ui.Deps) (ui.Deps, func()) {
	l, stop, notice := app.serveLive(context.Background())
	d.Live, d.Notice = l, notice
	return d, stop
}

// deps wires the UI to the store, library and clock.
func (app *App) deps(st *store.Store, minuteBell bool) ui.Deps {
	return ui.Deps{
		Store:      st,
		Library:    app.library(),
		Clock:      app.Clock,
		Catalog:    app.cat,
		Theme:      app.theme(),
		MinuteBell: minuteBell,
		// A new session opens on its title screen; the clicker starts it.
		TitleScreen: true,
		Export: func(id string) (string, error) {
			return app.exportToFile(st, id, "md", "")
		},
		Home: &homeSource{app: app, st: st},
	}
}

// loadHistory reads a session's undo history; a damaged blob only costs
// the history, never the session.
func loadHistory(st *store.Store, id string) session.History {
	var h session.History
	b, err := st.Undo(id)
	if err != nil || len(b) == 0 {
		return h
	}
	_ = json.Unmarshal(b, &h)
	return h
}

// runTUI runs m and, when the facilitator left a session with q, says in
// one line that it is kept and how to resume it.
func (app *App) runTUI(m *ui.Model) error {
	if err := app.RunTUI(m); err != nil {
		return err
	}
	if msg := m.LeftMessage(); msg != "" {
		fmt.Fprintln(app.Out, msg)
	}
	return nil
}

func runProgram(m *ui.Model) error {
	_, err := tea.NewProgram(m).Run()
	if f := m.RecoveryFile(); f != "" {
		fmt.Fprintf(os.Stderr, "liberate: "+m.Catalog().Queue.Recovered+"\n", textsafe.Display(f))
	}
	return tuiError(err)
}

// tuiError turns Bubble Tea's failure to find a terminal into a sentence
// that says what to do; everything already saved stays saved.
func tuiError(err error) error {
	if err != nil && strings.Contains(err.Error(), "TTY") {
		return errors.New("the run screen needs a terminal: start liberate in a terminal window (list, show, sessions, export and cluster also work without one)")
	}
	return err
}

// setBreakMinutes gives the plan's breaks the --minutes asked for, and a
// break run on its own the --title as its own title ("Koffie").
func setBreakMinutes(plan []structure.PlannedStep, minutes float64, title string) error {
	if minutes < 0 || minutes > 24*60 {
		return fmt.Errorf("--minutes %g is out of range: give the length of the break in minutes, e.g. --minutes 15", minutes)
	}
	breaks := 0
	for i := range plan {
		if plan[i].Structure != "break" {
			continue
		}
		breaks++
		if minutes > 0 {
			d := time.Duration(minutes * float64(time.Minute)).Round(time.Second)
			plan[i].Planned, plan[i].Timed = d, true
			plan[i].Min, plan[i].Max = min(plan[i].Min, d), max(plan[i].Max, d)
		}
		if title != "" && len(plan) == 1 {
			plan[i].Title = structure.Text{EN: title, NL: title}
		}
	}
	if minutes > 0 && breaks == 0 {
		return errors.New("--minutes sets the length of a break: use it with `liberate run break --minutes 15`, or put a break item in the string")
	}
	return nil
}

// parseStart reads --start ("09:30", "9.30", "930") as that clock time on
// the day of now, in the local zone.
func parseStart(s string, now time.Time) (time.Time, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, nil
	}
	bad := fmt.Errorf("--start %q is not a clock time: write it as 09:30", s)
	clean := strings.NewReplacer(".", ":", "h", ":", "u", ":").Replace(strings.ToLower(s))
	clean = strings.TrimSuffix(clean, ":")
	if !strings.Contains(clean, ":") {
		if len(clean) <= 2 {
			clean += ":00"
		} else if len(clean) <= 4 {
			clean = clean[:len(clean)-2] + ":" + clean[len(clean)-2:]
		}
	}
	parts := strings.Split(clean, ":")
	if len(parts) != 2 || len(parts[1]) != 2 {
		return time.Time{}, bad
	}
	h, err1 := strconv.Atoi(parts[0])
	m, err2 := strconv.Atoi(parts[1])
	if err1 != nil || err2 != nil || h < 0 || h > 23 || m < 0 || m > 59 {
		return time.Time{}, bad
	}
	local := now.Local()
	return time.Date(local.Year(), local.Month(), local.Day(), h, m, 0, 0, local.Location()), nil
}

// earlierSession finds the session a follow-up reviews: "last" is the
// newest real session (rehearsals are skipped), anything else what
// ResolveSession accepts. A rehearsal cannot be followed up.
func (app *App) earlierSession(st *store.Store, ref string) (*session.Session, []session.Note, []session.Cluster, error) {
	var prev *session.Session
	var err error
	if strings.EqualFold(strings.TrimSpace(ref), "last") {
		list, lerr := st.Sessions()
		if lerr != nil {
			return nil, nil, nil, lerr
		}
		for _, sum := range list {
			if !sum.Rehearsal {
				prev, err = st.Session(sum.ID)
				break
			}
		}
		if prev == nil && err == nil {
			return nil, nil, nil, errors.New("--follow-up last found no earlier workshop (rehearsals do not count): run the first workshop, or name a session with --follow-up ID")
		}
	} else {
		prev, err = st.ResolveSession(ref)
	}
	if err != nil {
		return nil, nil, nil, err
	}
	if prev.Rehearsal {
		return nil, nil, nil, fmt.Errorf("%q is a rehearsal, and a rehearsal cannot be followed up: pick the real workshop (liberate sessions marks rehearsals) or mark it as real with `liberate sessions rehearsal %s --off`", prev.Title, prev.ID)
	}
	notes, err := st.Notes(prev.ID)
	if err != nil {
		return nil, nil, nil, err
	}
	clusters, err := st.Clusters(prev.ID)
	if err != nil {
		return nil, nil, nil, err
	}
	return prev, notes, clusters, nil
}
