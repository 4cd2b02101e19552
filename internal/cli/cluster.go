package cli

import (
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"

	"liberate/internal/cluster"
	"liberate/internal/userfile"
)

func newClusterCmd(app *App) *cobra.Command {
	var format, output string
	var k int
	var force bool
	cmd := &cobra.Command{
		Use:   "cluster [FILE|-]",
		Short: "Cluster texts from a CSV (column text, else the first) or one text per line",
		Example: "  liberate cluster notes.csv --format csv > clustered.csv\n" +
			"  pbpaste | liberate cluster - --format md",
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			switch format {
			case "md", "csv", "json":
			default:
				return fmt.Errorf("unknown format %q: use md, csv or json", format)
			}
			if k < 0 {
				return fmt.Errorf("--k %d is negative: give the number of clusters, or leave it out to let liberate choose", k)
			}
			if output != "" && output != "-" {
				if err := userfile.CheckTarget(output, force); err != nil {
					return err
				}
			}
			var in io.Reader = app.In
			if len(args) == 1 && args[0] != "-" {
				f, err := os.Open(args[0])
				if err != nil {
					return fmt.Errorf("cannot read %s: %w; check the file name", args[0], unwrapPath(err))
				}
				defer f.Close()
				in = f
			}
			texts, info, err := cluster.ReadTextsLimited(in)
			if err != nil {
				return err
			}
			if info.Capped {
				fmt.Fprintf(app.Err, "liberate: only the first %d notes were read; split the input to cluster the rest\n", len(texts))
			}
			if info.Cut > 0 {
				fmt.Fprintf(app.Err, "liberate: %d notes longer than %d characters were cut to that length\n", info.Cut, cluster.MaxNoteRunes)
			}
			res := cluster.Cluster(texts, cluster.Options{K: k})
			out := app.Out
			if output != "" && output != "-" {
				var buf bufWriter
				if err := cluster.WriteResult(&buf, texts, res, format); err != nil {
					return err
				}
				return userfile.WriteAtomic(output, buf.b, force)
			}
			return cluster.WriteResult(out, texts, res, format)
		},
	}
	f := cmd.Flags()
	f.StringVar(&format, "format", "md", "md, csv (text,cluster) or json")
	f.IntVar(&k, "k", 0, "force this many clusters (default: found automatically)")
	f.StringVarP(&output, "output", "o", "", "write to FILE instead of stdout")
	f.BoolVar(&force, "force", false, "replace the output file if it exists")
	return cmd
}

type bufWriter struct{ b []byte }

func (w *bufWriter) Write(p []byte) (int, error) {
	w.b = append(w.b, p...)
	return len(p), nil
}
