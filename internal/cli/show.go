package cli

import (
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"liberate/internal/i18n"
	"liberate/internal/structure"
	"liberate/internal/textsafe"
)

func newShowCmd(app *App) *cobra.Command {
	var asJSON bool
	var participants int
	cmd := &cobra.Command{
		Use:   "show SLUG",
		Short: "The steps of a structure or string: minutes, group configuration, notes",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			lib := app.library()
			s, err := lib.Resolve(args[0])
			if err != nil {
				return err
			}
			if asJSON {
				return writeJSON(app.Out, lib.Detail(s, app.Lang, participants))
			}
			return app.printShow(app.Out, lib, s, participants)
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON with everything the file holds")
	cmd.Flags().IntVar(&participants, "participants", 0, "head-count, to show how to form groups")
	return cmd
}

func (app *App) printShow(w io.Writer, lib *structure.Library, s *structure.Structure, participants int) error {
	lang, cat := app.Lang, app.cat
	d := textsafe.Display // every text from a structure file
	fmt.Fprintf(w, "%s  (%s)\n", d(s.Name.In(lang)), d(s.Slug))
	if p := d(s.Purpose.In(lang)); p != "" {
		fmt.Fprintf(w, "%s\n", p)
	}
	fmt.Fprintln(w)
	if inv := d(s.Invitation.In(lang)); inv != "" {
		fmt.Fprintf(w, "%s: %s\n", cat.Run.Invitation, inv)
	}
	if s.TaglineMinutes.Min > 0 {
		fmt.Fprintf(w, "%s: %s\n", cat.CLI.Tagline, rangeText(s.TaglineMinutes, cat.Show))
	}
	fmt.Fprintf(w, "%s: %g min\n", cat.CLI.DefaultPlan, roundMin(lib.TotalMinutes(s)))
	if s.TimingSource != "" {
		src := s.TimingSource
		if t := cat.Show.TimingSources[src]; t != "" {
			src = t
		}
		fmt.Fprintf(w, "%s: %s\n", cat.CLI.Timings, d(src))
	}
	if len(s.Categories) > 0 {
		var names []string
		for _, c := range s.Categories {
			if t := cat.CLI.Categories[strings.ToLower(c)]; t != "" {
				c = strings.ToLower(t)
			}
			names = append(names, c)
		}
		fmt.Fprintf(w, "%s: %s\n", cat.CLI.Category, d(strings.Join(names, ", ")))
	}
	if s.Confidential {
		fmt.Fprintln(w, cat.CLI.Confidential)
	}
	source := s.Source
	if source == structure.SourceBuiltIn {
		source = cat.Show.BuiltIn
	}
	fmt.Fprintf(w, "%s: %s\n\n", cat.CLI.Source, d(source))
	plan, err := lib.Plan([]string{s.Slug}, structure.PlanOptions{Participants: participants})
	if err != nil {
		return err
	}
	last := -1
	for _, p := range plan {
		if p.StructureIndex != last && s.Kind == structure.KindString {
			last = p.StructureIndex
			fmt.Fprintf(w, "\n%s\n", d(p.StructureName.In(lang)))
			if inv := d(p.Invitation.In(lang)); inv != "" {
				fmt.Fprintf(w, "  “%s”\n", inv)
			}
		}
		mins := "  –  "
		if p.Timed {
			mins = fmt.Sprintf("%5g", roundMin(p.Planned.Minutes()))
			if p.Max > p.Min && p.Min > 0 {
				mins += fmt.Sprintf(" (%g–%g)", roundMin(p.Min.Minutes()), roundMin(p.Max.Minutes()))
			}
		}
		label := d(p.Label.In(lang))
		var counters []string
		for _, c := range p.Counters {
			name := cat.Run.Counters[c.Kind]
			if c.N > 0 {
				counters = append(counters, fmt.Sprintf("%s %d/%d", name, c.I, c.N))
			} else {
				counters = append(counters, fmt.Sprintf("%s %d", name, c.I))
			}
		}
		if len(counters) > 0 {
			label += " · " + strings.Join(counters, " · ")
		}
		group := strings.ToLower(cat.Run.Configs[string(p.Config)])
		if t, ok := lib.Get(p.Structure); ok && structure.GroupSize(p.Config, t) != 3 && cat.Show.Configs[string(p.Config)] != "" {
			group = cat.Show.Configs[string(p.Config)]
		}
		fmt.Fprintf(w, "  %-16s %s\n", mins, label)
		if group != "" {
			fmt.Fprintf(w, "  %-16s %s", "", group)
			if len(p.Split) > 0 {
				var counts [][2]int
				for _, g := range p.Split {
					counts = append(counts, [2]int{g.Size, g.Count})
				}
				fmt.Fprintf(w, " — %s", cat.Groups.Phrase(counts))
			}
			fmt.Fprintln(w)
		}
		if pr := d(p.Prompt.In(lang)); pr != "" {
			fmt.Fprintf(w, "  %-16s %s\n", "", pr)
		}
		if tip := d(p.Tip.In(lang)); tip != "" {
			fmt.Fprintf(w, "  %-16s %s: %s\n", "", cat.CLI.Tip, tip)
		}
	}
	if len(s.Tips) > 0 {
		fmt.Fprintf(w, "\n%s\n", cat.CLI.Tips)
		for _, t := range s.Tips {
			fmt.Fprintf(w, "  - %s\n", d(t.In(lang)))
		}
	}
	return nil
}

func rangeText(r structure.Range, words i18n.Show) string {
	s := fmt.Sprintf("%g", r.Min)
	if r.Max > r.Min {
		s += fmt.Sprintf("–%g", r.Max)
	}
	s += " min"
	switch r.Unit {
	case structure.UnitPerPerson:
		s += words.PerPerson
	case structure.UnitPerTurn:
		s += words.PerClient
	case structure.UnitPerRound:
		s += words.PerRound
	}
	return s
}
