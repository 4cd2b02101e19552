package cli

import (
	"fmt"
	"path/filepath"

	"github.com/spf13/cobra"
)

func newBackupCmd(app *App) *cobra.Command {
	var output string
	cmd := &cobra.Command{
		Use:   "backup",
		Short: "Write a consistent, fsync'd copy of the database",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			st, err := app.openStore(true)
			if err != nil {
				return err
			}
			defer st.Close()
			if output == "" {
				output = app.DBPath + ".backup-" + app.Clock.Now().Local().Format("20060102-150405")
			}
			if err := st.BackupTo(output); err != nil {
				return err
			}
			abs, _ := filepath.Abs(output)
			fmt.Fprintln(app.Out, abs)
			return nil
		},
	}
	cmd.Flags().StringVarP(&output, "output", "o", "", "backup file (default: beside the database, with a timestamp)")
	return cmd
}
