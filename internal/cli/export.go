package cli

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"liberate/internal/export"
	"liberate/internal/session"
	"liberate/internal/i18n"
	"liberate/internal/store"
)

// ExportOptions are the flags of `liberate export`.
type ExportOptions struct {
	Ref       string
	Format    string
	Output    string
	Semicolon bool
	NoBOM     bool
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
			st, err := app.openStore(true)
			if err != nil {
				return err
			}
			defer st.Close()
			var buf bytes.Buffer
			if err := app.writeExport(&buf, st, opts); err != nil {
				return err
			}
			if opts.Output == "" || opts.Output == "-" {
				_, err := io.Copy(app.Out, &buf)
				return err
			}
			return writeFileAtomic(opts.Output, buf.Bytes())
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.Format, "format", "md", "md, json or csv")
	f.StringVarP(&opts.Output, "output", "o", "", "write to FILE instead of stdout")
	f.BoolVar(&opts.Semicolon, "semicolon", false, "CSV with ; between fields (Dutch Excel)")
	f.BoolVar(&opts.NoBOM, "no-bom", false, "CSV without the UTF-8 byte order mark")
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
	notes, err := st.Notes(sess.ID)
	if err != nil {
		return export.Data{}, err
	}
	events, err := st.Events(sess.ID)
	if err != nil {
		return export.Data{}, err
	}
	clusters, err := st.Clusters(sess.ID)
	if err != nil {
		return export.Data{}, err
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
	if err := writeFileAtomic(path, buf.Bytes()); err != nil {
		return "", err
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return path, nil
	}
	return abs, nil
}

// writeFileAtomic writes to a temporary file beside path and renames it, so
// a full disk never leaves half an export.
func writeFileAtomic(path string, data []byte) error {
	dir := filepath.Dir(path)
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*")
	if err != nil {
		return fmt.Errorf("cannot write %s: %w; pick another place with -o", path, unwrapPath(err))
	}
	tmp := f.Name()
	_, werr := f.Write(data)
	if werr == nil {
		werr = f.Sync()
	}
	cerr := f.Close()
	if werr == nil {
		werr = cerr
	}
	if werr == nil {
		werr = os.Rename(tmp, path)
	}
	if werr != nil {
		os.Remove(tmp)
		return fmt.Errorf("cannot write %s: %w; free some space or pick another place with -o", path, unwrapPath(werr))
	}
	return nil
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

var _ = strings.TrimSpace
