package cli

import (
	"errors"
	"fmt"

	"github.com/spf13/cobra"

	"liberate/internal/store"
	"liberate/internal/ui"
)

func newResumeCmd(app *App) *cobra.Command {
	var minuteBell bool
	var join JoinOptions
	cmd := &cobra.Command{
		Use:   "resume [SESSION]",
		Short: "Continue the last (or given) session exactly where it stopped",
		Args:  cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ref := "last"
			if len(args) == 1 {
				ref = args[0]
			}
			if err := join.check(); err != nil {
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
			sess, err := st.ResolveSession(ref)
			if errors.Is(err, store.ErrNotFound) && ref == "last" {
				return errNoSessions
			}
			if err != nil {
				return err
			}
			notes, lost, err := st.ReadableNotes(sess.ID)
			if err != nil {
				return err
			}
			app.useSessionLang(sess.Lang)
			if lost > 0 {
				fmt.Fprintf(app.Err, "liberate: "+app.cat.Safety.LostNotes+"\n", lost)
			}
			deps, stop := app.liveDeps(app.deps(st, minuteBell))
			defer stop()
			phones, err := join.start(st, sess.ID)
			if err != nil {
				return err
			}
			if phones != nil {
				defer phones.Close()
				deps.Phones = phones
			}
			m := ui.NewRun(deps, sess, notes, loadHistory(st, sess.ID))
			return app.runTUI(m)
		},
	}
	cmd.Flags().BoolVar(&minuteBell, "minute-bell", false, "also ring one minute before the end of longer steps")
	addJoinFlags(cmd.Flags(), &join)
	return cmd
}
