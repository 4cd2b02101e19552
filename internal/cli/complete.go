package cli

import (
	"os"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"liberate/internal/export"
	"liberate/internal/i18n"
	"liberate/internal/store"
)

// completeSlugs completes structure and string slugs (and their aliases)
// for `run` and `show`; run takes several.
func (app *App) completeSlugs(many bool) cobra.CompletionFunc {
	return func(cmd *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
		if !many && len(args) > 0 {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		lang := helpLang(os.Args, app.Getenv)
		var out []cobra.Completion
		for _, s := range app.library().All() {
			if strings.HasPrefix(s.Slug, toComplete) {
				out = append(out, cobra.CompletionWithDesc(s.Slug, s.Name.In(lang)))
			}
			if toComplete == "" {
				continue
			}
			for _, a := range s.Aliases {
				if strings.HasPrefix(a, toComplete) && a != s.Slug {
					out = append(out, cobra.CompletionWithDesc(a, s.Name.In(lang)))
				}
			}
		}
		return out, cobra.ShellCompDirectiveNoFileComp
	}
}

// completeSessions completes session ids and "last" for `resume` and
// `export`, newest first. The database is opened read-only and briefly; when
// a running liberate holds it, only "last" is offered.
func (app *App) completeSessions(cmd *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
	if len(args) > 0 {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	out := []cobra.Completion{"last"}
	path := app.DBPath
	if path == "" {
		path = app.Getenv("LIBERATE_DB")
	}
	if path == "" {
		path = store.DefaultPath()
	}
	if _, err := os.Stat(path); err != nil {
		return out, cobra.ShellCompDirectiveNoFileComp
	}
	st, err := store.Open(path, store.Options{ReadOnly: true, Timeout: 200 * time.Millisecond})
	if err != nil {
		return out, cobra.ShellCompDirectiveNoFileComp
	}
	defer st.Close()
	list, err := st.Sessions()
	if err != nil {
		return out, cobra.ShellCompDirectiveNoFileComp
	}
	for i := len(list) - 1; i >= 0; i-- {
		if strings.HasPrefix(list[i].ID, toComplete) {
			out = append(out, cobra.CompletionWithDesc(list[i].ID, list[i].Title))
		}
	}
	return out, cobra.ShellCompDirectiveNoFileComp
}

// fixed completes a flag from a fixed list of values.
func fixed(values ...string) cobra.CompletionFunc {
	return cobra.FixedCompletions(values, cobra.ShellCompDirectiveNoFileComp)
}

// registerCompletions wires every argument and flag value liberate can
// complete.
func (app *App) registerCompletions(root *cobra.Command) {
	_ = root.RegisterFlagCompletionFunc("lang", fixed(i18n.Supported...))
	_ = root.RegisterFlagCompletionFunc("theme", fixed("dark", "light", "projector", "mono"))
	for _, c := range root.Commands() {
		switch c.Name() {
		case "run":
			c.ValidArgsFunction = app.completeSlugs(true)
		case "show":
			c.ValidArgsFunction = app.completeSlugs(false)
		case "resume":
			c.ValidArgsFunction = app.completeSessions
		case "export":
			c.ValidArgsFunction = app.completeSessions
			_ = c.RegisterFlagCompletionFunc("format", fixed(export.Formats...))
		case "cluster":
			_ = c.RegisterFlagCompletionFunc("format", fixed("md", "csv", "json"))
		}
	}
}
