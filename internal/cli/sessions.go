package cli

import (
	"bufio"
	"errors"
	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"
	"github.com/spf13/cobra"

	"liberate/internal/session"
	"liberate/internal/store"
	"liberate/internal/textsafe"
)

func newSessionsCmd(app *App) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "sessions",
		Short: "Sessions in the database, with their series; rename, mark or delete one",
		Example: "  liberate sessions\n" +
			"  liberate sessions rename 2 \"Kick-off gemeente Utrecht\"\n" +
			"  liberate sessions rehearsal 20261201-0930-ab12\n" +
			"  liberate sessions delete 3",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			st, err := app.openStore(true)
			var list []store.SessionSummary
			switch {
			case errors.Is(err, store.ErrNotFound):
				// No database yet is simply no sessions yet.
			case err != nil:
				return err
			default:
				defer st.Close()
				if list, err = st.Sessions(); err != nil {
					return err
				}
			}
			if asJSON {
				if list == nil {
					return writeJSON(app.Out, []any{})
				}
				return writeJSON(app.Out, list)
			}
			if len(list) == 0 {
				fmt.Fprintln(app.Err, errNoSessions.Error())
				return nil
			}
			app.printSessions(list)
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON for tools")
	cmd.AddCommand(newSessionsRenameCmd(app), newSessionsRehearsalCmd(app), newSessionsDeleteCmd(app))
	return cmd
}

// printSessions writes one line per session, newest first; a session of a
// series of several says its place, what it follows up, and rehearsals say
// so.
func (app *App) printSessions(list []store.SessionSummary) {
	cat, fu := app.cat.CLI, app.cat.FollowUp
	for i, s := range list {
		state := cat.Running
		if s.Finished {
			state = cat.Done
		}
		if s.Unreadable {
			fmt.Fprintf(app.Out, "%3d  %-18s  %s\n", i+1, textsafe.Display(s.ID), app.cat.Safety.Unreadable)
			continue
		}
		var marks []string
		if s.Rehearsal {
			marks = append(marks, fu.RehearsalMark)
		}
		if s.SeriesLen > 1 {
			marks = append(marks, fmt.Sprintf(fu.SeriesMark, s.SeriesPos, s.SeriesLen))
		}
		if s.FollowUp != "" {
			marks = append(marks, fmt.Sprintf(fu.FollowsMark, s.FollowUp))
		}
		line := fmt.Sprintf("%3d  %-18s  %s  %-40s %5d %s  %s", i+1, s.ID, s.UpdatedAt.Local().Format("2006-01-02 15:04"),
			ansi.Truncate(textsafe.Display(s.Title), 40, "…"), s.Notes, cat.NotesWord, state)
		if len(marks) > 0 {
			line += "  · " + strings.Join(marks, " · ")
		}
		fmt.Fprintln(app.Out, line)
	}
}

func newSessionsRenameCmd(app *App) *cobra.Command {
	return &cobra.Command{
		Use:   "rename SESSION TITLE",
		Short: "Give a session a new title",
		Args:  cobra.MinimumNArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			st, sess, err := app.openSession(args[0])
			if err != nil {
				return err
			}
			defer st.Close()
			old := sess.Title
			renamed, err := st.RenameSession(sess.ID, strings.Join(args[1:], " "))
			if err != nil {
				return err
			}
			fmt.Fprintf(app.Out, app.cat.FollowUp.Renamed+"\n", textsafe.Display(old), renamed.Title)
			return nil
		},
	}
}

func newSessionsRehearsalCmd(app *App) *cobra.Command {
	var off bool
	cmd := &cobra.Command{
		Use:   "rehearsal SESSION",
		Short: "Mark a session as a rehearsal (kept out of series); --off marks it as a real workshop",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			st, sess, err := app.openSession(args[0])
			if err != nil {
				return err
			}
			defer st.Close()
			if _, err := st.SetRehearsal(sess.ID, !off); err != nil {
				return err
			}
			msg := app.cat.FollowUp.MarkedRehearse
			if off {
				msg = app.cat.FollowUp.MarkedReal
			}
			fmt.Fprintf(app.Out, msg+"\n", textsafe.Display(sess.Title))
			return nil
		},
	}
	cmd.Flags().BoolVar(&off, "off", false, "mark it as a real workshop again")
	return cmd
}

func newSessionsDeleteCmd(app *App) *cobra.Command {
	var yes bool
	cmd := &cobra.Command{
		Use:   "delete SESSION",
		Short: "Delete a session after a confirmation (j/y); a backup of the database is written first",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			st, sess, err := app.openSession(args[0])
			if err != nil {
				return err
			}
			defer st.Close()
			fu := app.cat.FollowUp
			title := textsafe.Display(sess.Title)
			if !yes {
				fmt.Fprintf(app.Err, fu.ConfirmDelete, title, sess.ID)
				if !confirmed(app) {
					fmt.Fprintln(app.Err, fu.NotDeleted)
					return nil
				}
			}
			backup, err := st.DeleteSession(sess.ID)
			if err != nil {
				return err
			}
			// Nothing can undo the delete once this command is done, so it is
			// final now; the backup keeps the session.
			if _, err := st.PurgeDeleted(); err != nil {
				return err
			}
			fmt.Fprintf(app.Out, fu.Deleted+"\n", title, backup)
			return nil
		},
	}
	cmd.Flags().BoolVarP(&yes, "yes", "y", false, "do not ask for a confirmation")
	return cmd
}

// confirmed reads one answer from the input: j, ja, y or yes (any case)
// means yes; anything else, or no input, means no.
func confirmed(app *App) bool {
	line, _ := bufio.NewReader(app.In).ReadString('\n')
	switch strings.ToLower(strings.TrimSpace(line)) {
	case "j", "ja", "y", "yes":
		return true
	}
	return false
}

// openSession opens the database for writing and finds the session ref
// names; the caller closes the store.
func (app *App) openSession(ref string) (*store.Store, *session.Session, error) {
	st, err := app.openStore(false)
	if err != nil {
		return nil, nil, err
	}
	sess, err := st.ResolveSession(ref)
	if err != nil {
		st.Close()
		return nil, nil, err
	}
	return st, sess, nil
}
