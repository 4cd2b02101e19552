package cli

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"liberate/internal/i18n"
)

// helpLang is the language of --help: the --lang on the command line, else
// the locale's. It is known before the flags are parsed, because cobra
// prints help without running the commands.
func helpLang(args []string, getenv func(string) string) string {
	for i, a := range args {
		v, ok := strings.CutPrefix(a, "--lang=")
		if !ok && a == "--lang" && i+1 < len(args) {
			v, ok = args[i+1], true
		}
		if ok {
			if l, good := i18n.Normalize(v); good && v != "" {
				return l
			}
		}
	}
	return detectLang(getenv)
}

// translateHelp puts the catalogue's help texts on every command and flag
// of the tree under root; liberate's own help ends with the attribution.
func translateHelp(root *cobra.Command, cat *i18n.Catalog) {
	h := cat.Help
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		name := c.Name()
		if c == root {
			name = ""
		}
		if s := h.Commands[name]; s != "" {
			c.Short = s
		}
		if s := h.Commands[name+".long"]; s != "" {
			c.Long = s
			if c == root {
				c.Long += "\n\n" + cat.Export.Attribution
			}
		}
		if s := h.Commands[name+".example"]; s != "" {
			c.Example = s
		}
		set := func(f *pflag.Flag) {
			if s := h.Flags[name+"."+f.Name]; s != "" {
				f.Usage = s
			} else if s := h.Flags[f.Name]; s != "" {
				f.Usage = s
			}
		}
		c.LocalNonPersistentFlags().VisitAll(set)
		c.PersistentFlags().VisitAll(set)
		c.InitDefaultHelpFlag()
		if f := c.Flags().Lookup("help"); f != nil {
			f.Usage = fmt.Sprintf(h.HelpFlag, c.Name())
		}
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	root.InitDefaultHelpCmd()
	root.InitDefaultCompletionCmd()
	walk(root)
}
