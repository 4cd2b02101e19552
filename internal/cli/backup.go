package cli

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"liberate/internal/store"
	"liberate/internal/userfile"
)

func newBackupCmd(app *App) *cobra.Command {
	var output string
	var force bool
	cmd := &cobra.Command{
		Use:   "backup",
		Short: "Write a consistent, fsync'd copy of the database",
		Long: "Write a consistent, fsync'd copy of the database. While a session runs in another " +
			"liberate window the file is locked; the copy is then the one that liberate keeps " +
			"beside the database and refreshes at every step change.",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if output == "" {
				output = app.DBPath + ".backup-" + app.Clock.Now().Local().Format("20060102-150405")
			}
			if err := userfile.CheckTarget(output, force); err != nil {
				return err
			}
			if same(output, app.DBPath) || same(output, store.AutoBackupPath(app.DBPath)) {
				return fmt.Errorf("a backup cannot replace %s itself; give another file with -o", output)
			}
			st, err := app.openStore(true)
			if errors.Is(err, store.ErrLocked) {
				return app.backupFromRunningCopy(output, err)
			}
			if err != nil {
				return err
			}
			defer st.Close()
			if err := st.BackupTo(output); err != nil {
				return err
			}
			abs, _ := filepath.Abs(output)
			fmt.Fprintln(app.Out, abs)
			return nil
		},
	}
	cmd.Flags().StringVarP(&output, "output", "o", "", "backup file (default: beside the database, with a timestamp)")
	cmd.Flags().BoolVar(&force, "force", false, "replace the backup file if it exists")
	return cmd
}

// backupFromRunningCopy backs up a database another liberate holds: it
// copies (and checks) the running copy that liberate keeps beside it, and
// says how old that copy is. Without one, the lock error stands.
func (app *App) backupFromRunningCopy(output string, locked error) error {
	src := store.AutoBackupPath(app.DBPath)
	fi, err := os.Stat(src)
	if err != nil {
		return locked
	}
	if err := store.CopyBackup(src, output); err != nil {
		return err
	}
	abs, _ := filepath.Abs(output)
	fmt.Fprintln(app.Out, abs)
	fmt.Fprintf(app.Err, "liberate: %s is open in another liberate window, so this is its running copy from %s (refreshed at every step change); close that window and run backup again for a copy of this very moment\n",
		app.DBPath, fi.ModTime().Local().Format("15:04:05"))
	return nil
}
