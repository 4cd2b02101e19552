package cli

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

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
}

func newRunCmd(app *App) *cobra.Command {
	opts := &RunOptions{}
	cmd := &cobra.Command{
		Use:   "run SLUG [SLUG...]",
		Short: "Start a session with one structure, several in a row, or a string",
		Example: "  liberate run 1-2-4-all --invitation \"What slows you down every day?\"\n" +
			"  liberate run irritation-brainstorm --participants 23 --lang nl\n" +
			"  liberate run impromptu 1-2-4-all 15% --speed 60   # rehearse at 60× speed",
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
	return cmd
}

// newSession resolves slugs, expands the plan and saves a new session.
func (app *App) newSession(st *store.Store, opts *RunOptions) (*session.Session, error) {
	if opts.Speed <= 0 || opts.Speed > 3600 {
		return nil, fmt.Errorf("--speed %g is out of range: use a number between 0.1 and 3600 (1 = real time)", opts.Speed)
	}
	if opts.Participants < 0 || opts.Participants > 100000 {
		return nil, fmt.Errorf("--participants %d is out of range: give the head-count in the room", opts.Participants)
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
	now := app.Clock.Now()
	title := textsafe.Display(opts.Title)
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
	}, plan, now)
	if err := st.SaveSession(sess); err != nil {
		return nil, err
	}
	return sess, nil
}

func (app *App) run(opts *RunOptions) error {
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
	m := ui.NewRun(deps, sess, nil, session.History{})
	return app.RunTUI(m)
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

func runProgram(m *ui.Model) error {
	_, err := tea.NewProgram(m).Run()
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
