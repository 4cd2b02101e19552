package cli

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"liberate/internal/store"
	"liberate/internal/userfile"
)

func newRepairCmd(app *App) *cobra.Command {
	var output string
	var force bool
	cmd := &cobra.Command{
		Use:   "repair",
		Short: "Copy every readable session, note and timeline entry of a damaged database into a new file",
		Long: "Copy every session, note and timeline entry that can still be read from a damaged database " +
			"into a new file, and say what was lost. The damaged file is only read, never written.",
		Example: "  liberate repair\n  liberate repair --db old.db -o rescued.db",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if output == "" {
				output = app.DBPath + ".repaired-" + app.Clock.Now().Local().Format("20060102-150405")
			}
			if err := userfile.CheckTarget(output, force); err != nil {
				return err
			}
			if abs, err := filepath.Abs(output); err == nil {
				output = abs
			}
			if same(output, app.DBPath) {
				return fmt.Errorf("the repaired copy cannot replace %s itself; give another file with -o", app.DBPath)
			}
			userfile.CleanTemps(filepath.Dir(output))
			rep, err := store.Repair(app.DBPath, output, app.Clock.Now)
			if err != nil {
				return err
			}
			s := app.cat.Safety
			fmt.Fprintf(app.Out, s.RepairCopied+"\n", output, rep.Sessions, rep.Notes, rep.Events)
			var lost []string
			if n := len(rep.LostSessions); n > 0 {
				lost = append(lost, fmt.Sprintf(s.LostSessions, n))
			}
			if n := len(rep.Recreated); n > 0 {
				lost = append(lost, fmt.Sprintf(s.Recreated, n))
			}
			if rep.LostNotes > 0 {
				lost = append(lost, fmt.Sprintf(s.LostNoteRecs, rep.LostNotes))
			}
			if rep.LostEvents > 0 {
				lost = append(lost, fmt.Sprintf(s.LostEventRec, rep.LostEvents))
			}
			if rep.LostClusters > 0 {
				lost = append(lost, fmt.Sprintf(s.LostThemes, rep.LostClusters))
			}
			if rep.LostParts > 0 {
				lost = append(lost, fmt.Sprintf(s.LostPages, rep.LostParts))
			}
			switch {
			case len(lost) > 0:
				fmt.Fprintf(app.Err, "liberate: "+s.RepairLost+"\n", strings.Join(lost, ", "), app.DBPath)
			case rep.Cause == "":
				fmt.Fprintf(app.Err, "liberate: "+s.RepairSound+"\n", app.DBPath)
			default:
				fmt.Fprintf(app.Err, "liberate: "+s.RepairWhole+"\n", app.DBPath)
			}
			fmt.Fprintf(app.Err, "liberate: "+s.RepairUse+"\n", output, app.DBPath)
			return nil
		},
	}
	cmd.Flags().StringVarP(&output, "output", "o", "", "the new file (default: beside the database, with a timestamp)")
	cmd.Flags().BoolVar(&force, "force", false, "replace the output file if it exists")
	return cmd
}

// same reports whether a and b name the same file.
func same(a, b string) bool {
	aa, err1 := filepath.Abs(a)
	bb, err2 := filepath.Abs(b)
	return err1 == nil && err2 == nil && aa == bb
}
