package cli

import (
	"errors"
	"fmt"

	"github.com/charmbracelet/x/ansi"
	"github.com/spf13/cobra"

	"liberate/internal/store"
	"liberate/internal/textsafe"
)

func newSessionsCmd(app *App) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "sessions",
		Short: "Sessions in the database",
		Args:  cobra.NoArgs,
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
			cat := app.cat.CLI
			for i, s := range list {
				state := cat.Running
				if s.Finished {
					state = cat.Done
				}
				if s.Unreadable {
					fmt.Fprintf(app.Out, "%3d  %-18s  %s\n", i+1, textsafe.Display(s.ID), app.cat.Safety.Unreadable)
					continue
				}
				fmt.Fprintf(app.Out, "%3d  %-18s  %s  %-40s %5d %s  %s\n", i+1, s.ID, s.UpdatedAt.Local().Format("2006-01-02 15:04"),
					ansi.Truncate(textsafe.Display(s.Title), 40, "…"), s.Notes, cat.NotesWord, state)
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON for tools")
	return cmd
}
