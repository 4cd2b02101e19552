package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/charmbracelet/x/ansi"
	"github.com/spf13/cobra"

	"liberate/internal/structure"
	"liberate/internal/textsafe"
)

func newListCmd(app *App) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "list",
		Short: "Structures and strings with their total minutes",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			lib := app.library()
			if asJSON {
				var out []structure.Entry
				for _, s := range lib.All() {
					out = append(out, lib.Entry(s, app.Lang, 0))
				}
				return writeJSON(app.Out, out)
			}
			return app.printList(app.Out, lib)
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON for tools")
	return cmd
}

var categoryOrder = []string{"reveal", "spread", "analyze", "help", "strategize", "plan", ""}

// printList groups structures by their first category, then the strings.
func (app *App) printList(w io.Writer, lib *structure.Library) error {
	cat := app.cat.CLI
	groups := map[string][]*structure.Structure{}
	for _, s := range lib.Structures() {
		c := ""
		if len(s.Categories) > 0 {
			c = strings.ToLower(s.Categories[0])
		}
		groups[c] = append(groups[c], s)
	}
	var keys []string
	for k := range groups {
		keys = append(keys, k)
	}
	sort.SliceStable(keys, func(i, j int) bool { return rank(keys[i]) < rank(keys[j]) })
	for _, k := range keys {
		title := cat.Categories[k]
		if title == "" {
			title = cat.Other
		}
		fmt.Fprintf(w, "%s\n", textsafe.Display(title))
		for _, s := range groups[k] {
			app.listLine(w, lib, s)
		}
		fmt.Fprintln(w)
	}
	if strs := lib.Strings(); len(strs) > 0 {
		fmt.Fprintf(w, "%s\n", cat.Strings)
		for _, s := range strs {
			app.listLine(w, lib, s)
		}
		fmt.Fprintln(w)
	}
	fmt.Fprintln(w, cat.ListHint)
	return nil
}

func rank(c string) int {
	for i, k := range categoryOrder {
		if k == c {
			return i
		}
	}
	return len(categoryOrder)
}

func (app *App) listLine(w io.Writer, lib *structure.Library, s *structure.Structure) {
	name := textsafe.Display(s.Name.In(app.Lang))
	mins := fmt.Sprintf("%g min", roundMin(lib.TotalMinutes(s)))
	mark := ""
	if s.TimingSource == "fieldbook-paraphrase-unconfirmed" {
		mark = " *"
	}
	if s.Source != "" && s.Source != "built-in" {
		mark += " (" + app.cat.CLI.Own + ")"
	}
	fmt.Fprintf(w, "  %-34s %-34s %8s%s\n", s.Slug, ansi.Truncate(name, 34, "…"), mins, mark)
}

func roundMin(m float64) float64 {
	return float64(int(m*10+0.5)) / 10
}

// writeJSON writes v for tools: indented, with C1, bidi and other
// invisible controls escaped (textsafe.EscapeJSON) so that printing it on a
// terminal is as safe as reading it.
func writeJSON(w io.Writer, v any) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return err
	}
	_, err := w.Write(textsafe.EscapeJSON(buf.Bytes()))
	return err
}
