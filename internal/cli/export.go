package cli

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"liberate/internal/export"
	"liberate/internal/i18n"
	"liberate/internal/session"
	"liberate/internal/store"
	"liberate/internal/userfile"
)

// ExportOptions are the flags of `liberate export`.
type ExportOptions struct {
	Ref       string
	Format    string
	Output    string
	Semicolon bool
	NoBOM     bool
	Force     bool
	// Series writes one report over the session's whole series.
	Series bool
}

func newExportCmd(app *App) *cobra.Command {
	opts := &ExportOptions{}
	cmd := &cobra.Command{
		Use:   "export [SESSION|last]",
		Short: "The session's notes, clustered, as Markdown, JSON or CSV",
		Example: "  liberate export last --format md -o workshop.md\n" +
			"  liberate export 2 --format csv --semicolon -o notes.csv   # for Dutch Excel\n" +
			"  liberate export last --series -o series.md                # the whole series of follow-ups",
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Ref = "last"
			if len(args) == 1 {
				opts.Ref = args[0]
			}
			toFile := opts.Output != "" && opts.Output != "-"
			if toFile {
				// Before the work: a refusal costs nothing.
				if err := userfile.CheckTarget(opts.Output, opts.Force); err != nil {
					return err
				}
			}
			st, err := app.openStore(true)
			if err != nil {
				return err
			}
			defer st.Close()
			var buf bytes.Buffer
			if err := app.writeExport(&buf, st, opts); err != nil {
				return err
			}
			if !toFile {
				_, err := io.Copy(app.Out, &buf)
				return err
			}
			return userfile.WriteAtomic(opts.Output, buf.Bytes(), opts.Force)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.Format, "format", "md", "md, json or csv")
	f.StringVarP(&opts.Output, "output", "o", "", "write to FILE instead of stdout")
	f.BoolVar(&opts.Semicolon, "semicolon", false, "CSV with ; between fields (Dutch Excel)")
	f.BoolVar(&opts.NoBOM, "no-bom", false, "CSV without the UTF-8 byte order mark")
	f.BoolVar(&opts.Force, "force", false, "replace the output file if it exists")
	f.BoolVar(&opts.Series, "series", false, "one report over the session's whole series of follow-ups (md or json)")
	return cmd
}

func (app *App) writeExport(w io.Writer, st *store.Store, opts *ExportOptions) error {
	switch opts.Format {
	case "md", "markdown", "json", "csv":
	default:
		return fmt.Errorf("unknown format %q: use md, json or csv", opts.Format)
	}
	sess, err := st.ResolveSession(opts.Ref)
	if errors.Is(err, store.ErrNotFound) && (opts.Ref == "last" || opts.Ref == "") {
		return errNoSessions
	}
	if err != nil {
		return err
	}
	lang := app.Lang
	if app.langFromFlag() == "" && sess.Lang != "" {
		lang = sess.Lang
	}
	format := opts.Format
	if format == "markdown" {
		format = "md"
	}
	if opts.Series {
		if format == "csv" {
			return errors.New("--series writes Markdown or JSON: use --format md or --format json")
		}
		series, err := st.SeriesOf(sess.ID)
		if err != nil {
			return err
		}
		var ds []export.Data
		for _, s := range series {
			d, err := app.exportData(st, s, lang)
			if err != nil {
				return err
			}
			ds = append(ds, d)
		}
		r, err := export.Series(ds, lang, app.Clock.Now())
		if err != nil {
			return err
		}
		return export.WriteSeries(w, r, format)
	}
	d, err := app.exportData(st, sess, lang)
	if err != nil {
		return err
	}
	return export.Write(w, d, format, export.CSVOptions{Semicolon: opts.Semicolon, BOM: !opts.NoBOM})
}

// exportData reads what an export of sess needs, with the session it
// follows up when that is still in the file.
func (app *App) exportData(st *store.Store, sess *session.Session, lang string) (export.Data, error) {
	// A record that cannot be read costs only itself, with a warning.
	notes, lostNotes, err := st.ReadableNotes(sess.ID)
	if err != nil {
		return export.Data{}, err
	}
	events, lostEvents, err := st.ReadableEvents(sess.ID)
	if err != nil {
		return export.Data{}, err
	}
	clusters, err := st.Clusters(sess.ID)
	if errors.Is(err, store.ErrCorrupt) && !errors.Is(err, store.ErrNotDatabase) {
		clusters = nil
		fmt.Fprintln(app.Err, "liberate: "+app.cat.Safety.LostClusters)
	} else if err != nil {
		return export.Data{}, err
	}
	if lostNotes > 0 {
		fmt.Fprintf(app.Err, "liberate: "+app.cat.Safety.LostNotes+"\n", lostNotes)
	}
	if lostEvents > 0 {
		fmt.Fprintf(app.Err, "liberate: "+app.cat.Safety.LostEvents+"\n", lostEvents)
	}
	d := export.Data{Session: sess, Notes: notes, Events: events, Clusters: clusters, Lang: lang, Now: app.Clock.Now()}
	if sess.FollowUp != "" {
		if earlier, err := st.Session(sess.FollowUp); err == nil {
			d.Earlier = earlier
		}
	}
	return d, nil
}

// langFromFlag is the --lang the facilitator typed, "" when not given.
func (app *App) langFromFlag() string { return app.langFlag }

// useSessionLang switches the app to the language a session was started
// in, so a Dutch session resumes in Dutch on an English laptop; an explicit
// --lang still wins.
func (app *App) useSessionLang(lang string) {
	if app.langFromFlag() != "" {
		return
	}
	if l, ok := i18n.Normalize(lang); ok && lang != "" && l != app.Lang {
		app.Lang = l
		app.cat = i18n.For(l)
	}
}

// exportToFile writes a session's export into the current directory, for
// the run screen's export key; it returns the file written.
func (app *App) exportToFile(st *store.Store, id, format, dir string) (string, error) {
	var buf bytes.Buffer
	if err := app.writeExport(&buf, st, &ExportOptions{Ref: id, Format: format}); err != nil {
		return "", err
	}
	if dir == "" {
		dir = "."
	}
	path := filepath.Join(dir, "liberate-"+id+"."+format)
	// The run screen's export key writes the session's own file again
	// (force), but never through a link.
	if err := userfile.WriteAtomic(path, buf.Bytes(), true); err != nil {
		return "", err
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return path, nil
	}
	return abs, nil
}

func unwrapPath(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	return err
}
