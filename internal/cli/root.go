// Package cli is liberate's command line: one file per command, each with
// an Options struct holding its flags and streams, so tests can run the
// commands with fake IO.
package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"charm.land/fang/v2"
	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"

	"liberate/internal/i18n"
	"liberate/internal/store"
	"liberate/internal/structure"
	"liberate/internal/textsafe"
	"liberate/internal/timer"
	"liberate/internal/ui"
	"liberate/internal/ui/projector"
)

// Version is the release, set by the build.
var Version = "0.1.0"

// Attribution is the Liberating Structures licence line shown in
// --version, README and every Markdown export.
const Attribution = "This work includes content from Liberating Structures Fieldbook (2026) by Keith McCandless and Nancy White, available at www.liberatingstructures.com. Licensed under CC BY-SA 4.0."

// App holds what every command shares: streams, global flags and the
// injected pieces tests replace (clock, TUI runner, user structure dir).
type App struct {
	In       io.Reader
	Out, Err io.Writer

	DBPath string
	Lang   string
	Theme  string

	Clock   timer.Clock
	UserDir string // where the facilitator's own structures live
	// RunTUI runs a Bubble Tea model; tests replace it.
	RunTUI func(m *ui.Model) error
	// RunProjector runs the projector's model; nil means the terminal.
	// Tests replace it.
	RunProjector func(m *projector.Model) error
	// Getenv reads the environment; tests replace it.
	Getenv func(string) string
	// IsTerminal reports whether the run screen has a terminal to run in;
	// tests replace it.
	IsTerminal func() bool

	cat      *i18n.Catalog
	lib      *structure.Library
	langFlag string // --lang as typed

	// The gates every line a command prints passes (textsafe.Terminal).
	outGate, errGate *textsafe.Writer
}

// NewApp returns an App wired to the real terminal and clock.
func NewApp() *App {
	return &App{
		In: os.Stdin, Out: os.Stdout, Err: os.Stderr,
		Clock:   timer.SystemClock{},
		UserDir: structure.DefaultUserDir(),
		RunTUI:  runProgram,
		Getenv:  os.Getenv,
		IsTerminal: func() bool {
			return term.IsTerminal(os.Stdin.Fd()) && term.IsTerminal(os.Stdout.Fd())
		},
	}
}

// Main runs liberate with args and returns the process exit code.
func Main(ctx context.Context, app *App, args []string) int {
	root := NewRootCmd(app)
	translateHelp(root, i18n.For(helpLang(args, app.Getenv)))
	root.SetArgs(args)
	root.SetIn(app.In)
	root.SetOut(app.Out)
	root.SetErr(app.Err)
	err := fang.Execute(ctx, root,
		fang.WithVersion(Version),
		fang.WithErrorHandler(func(w io.Writer, _ fang.Styles, err error) {
			app.flush()
			fmt.Fprintln(w, "liberate: "+textsafe.Clean(app.explain(err)))
		}),
		fang.WithNotifySignal(os.Interrupt),
	)
	app.flush()
	if err != nil {
		return 1
	}
	return 0
}

func oneLine(err error) string {
	s := strings.TrimSpace(err.Error())
	s = strings.ReplaceAll(s, "\n", " ")
	return s
}

// NewRootCmd builds the command tree.
func NewRootCmd(app *App) *cobra.Command {
	root := &cobra.Command{
		Use:   "liberate",
		Short: "Run Liberating Structures workshops from the terminal",
		Long: "liberate walks a facilitator through Liberating Structures with a big projectable countdown,\n" +
			"captures what the room says into a local file the moment it is typed, clusters it and exports Markdown.\n\n" + Attribution,
		Args: cobra.NoArgs,
		PersistentPreRunE: func(cmd *cobra.Command, _ []string) error {
			return app.setup()
		},
		RunE: func(cmd *cobra.Command, _ []string) error {
			return app.home()
		},
	}
	root.SetVersionTemplate("liberate {{.Version}}\n\n" + Attribution + "\n")
	f := root.PersistentFlags()
	f.StringVar(&app.DBPath, "db", "", "database file (default $LIBERATE_DB, else liberate/liberate.db in the XDG data dir)")
	f.StringVar(&app.Lang, "lang", "", "language: en or nl (default from LANG)")
	f.StringVar(&app.Theme, "theme", "", "colours: dark, light, projector or mono (NO_COLOR means mono)")
	root.AddCommand(
		newRunCmd(app),
		newResumeCmd(app),
		newListCmd(app),
		newShowCmd(app),
		newSessionsCmd(app),
		newExportCmd(app),
		newClusterCmd(app),
		newBackupCmd(app),
		newProjectorCmd(app),
		newRepairCmd(app),
	)
	app.registerCompletions(root)
	return root
}

// flush writes what the gates still hold.
func (app *App) flush() {
	if app.outGate != nil {
		_ = app.outGate.Flush()
	}
	if app.errGate != nil {
		_ = app.errGate.Flush()
	}
}

// explain gives the message of err in the facilitator's language where the
// catalogue has it (a damaged database), else err's own sentence.
func (app *App) explain(err error) string {
	var se *store.Error
	if app.cat != nil && errors.As(err, &se) && errors.Is(se.Kind, store.ErrCorrupt) && se.Path != "" && se.Err != nil {
		why := strings.TrimPrefix(se.Err.Error(), store.ErrCorrupt.Error()+": ")
		return fmt.Sprintf(app.cat.Safety.Damaged, se.Path, why, store.AutoBackupPath(se.Path))
	}
	return oneLine(err)
}

// setup validates the global flags and puts the gates in front of the
// command's streams: whatever a command prints from a file, a flag, the
// database or stdin reaches the terminal without escape sequences or
// controls.
func (app *App) setup() error {
	if app.outGate == nil {
		app.outGate, app.errGate = textsafe.NewWriter(app.Out), textsafe.NewWriter(app.Err)
		app.Out, app.Err = app.outGate, app.errGate
	}
	app.langFlag = app.Lang
	lang, ok := i18n.Normalize(app.Lang)
	if !ok {
		return fmt.Errorf("unknown language %q: use --lang en or --lang nl", app.Lang)
	}
	if app.Lang == "" {
		lang = detectLang(app.Getenv)
	}
	app.Lang = lang
	app.cat = i18n.For(lang)
	if _, ok := ui.ParseTheme(app.Theme); !ok {
		return fmt.Errorf("unknown theme %q: use dark, light, projector or mono", app.Theme)
	}
	if app.DBPath == "" {
		if p := app.Getenv("LIBERATE_DB"); p != "" {
			app.DBPath = p
		} else {
			app.DBPath = store.DefaultPath()
		}
	}
	return nil
}

func detectLang(getenv func(string) string) string {
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := getenv(k); v != "" {
			if strings.HasPrefix(strings.ToLower(v), "nl") {
				return "nl"
			}
			return "en"
		}
	}
	return "en"
}

// library loads the built-in structures and the facilitator's own; broken
// user files are reported on stderr and skipped.
func (app *App) library() *structure.Library {
	if app.lib != nil {
		return app.lib
	}
	lib, errs := structure.Load(app.UserDir)
	for _, err := range errs {
		var fe *structure.FileError
		if errors.As(err, &fe) {
			fmt.Fprintln(app.Err, "liberate: skipped "+oneLine(err)+" (fix that line to use the file; the built-ins still work)")
		} else {
			fmt.Fprintln(app.Err, "liberate: skipped "+oneLine(err)+" (the built-ins still work)")
		}
	}
	app.lib = lib
	return lib
}

// openStore opens the database, failing fast when another liberate holds it.
func (app *App) openStore(readOnly bool) (*store.Store, error) {
	st, err := store.Open(app.DBPath, store.Options{ReadOnly: readOnly})
	if err != nil {
		return nil, err
	}
	return st, nil
}

// errNoSessions says what to do when there is nothing to resume or export.
var errNoSessions = errors.New("there are no sessions yet: start one with `liberate run 1-2-4-all`")

func (app *App) theme() ui.Theme {
	t, _ := ui.ParseTheme(app.Theme)
	if app.Getenv("NO_COLOR") != "" {
		return ui.ThemeMono
	}
	return t
}
