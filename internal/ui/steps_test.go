package ui

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"liberate/internal/structure"
)

// everyKindOfStep plans the irritation brainstorm and Troika for 23 people (as the harness session)
// and picks the first step of every kind the run screen shows: each group
// configuration, timed and untimed, a turn only the larger groups take, the
// harvest and a 25/10 countdown.
func everyKindOfStep(t *testing.T) ([]structure.PlannedStep, []struct {
	name string
	pos  int
}) {
	t.Helper()
	lib, errs := structure.Load("")
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	plan, err := lib.Plan([]string{"irritation-brainstorm", "troika", "25/10"}, structure.PlanOptions{Participants: 23}) // the harness session has 23 people
	if err != nil {
		t.Fatal(err)
	}
	var kinds []struct {
		name string
		pos  int
	}
	seen := map[string]bool{}
	for i, p := range plan {
		kind := string(p.Config)
		switch {
		case p.Harvest:
			kind = "harvest"
		case len(p.Groups) > 0:
			kind += "-larger-groups-only"
		case !p.Timed:
			kind += "-untimed"
		}
		if seen[kind] {
			continue
		}
		seen[kind] = true
		kinds = append(kinds, struct {
			name string
			pos  int
		}{kind, i})
	}
	return plan, kinds
}

func TestRunScreenOfEveryKindOfStepInDutchGolden(t *testing.T) {
	plan, kinds := everyKindOfStep(t)
	if len(kinds) < 10 {
		t.Fatalf("only %d kinds of step: %v", len(kinds), kinds)
	}
	for _, size := range [][2]int{{80, 24}, {200, 60}} {
		for _, k := range kinds {
			t.Run(fmt.Sprintf("%dx%d_%02d_%s", size[0], size[1], k.pos, k.name), func(t *testing.T) {
				h := newHarness(t, "nl", plan)
				h.size(size[0], size[1])
				for h.session().Pos < k.pos {
					h.key("pgdown")
					if h.m.screen == screenBoard {
						h.key("esc")
					}
				}
				if h.m.screen == screenBoard {
					h.key("esc")
				}
				scr := h.screen()
				for _, bad := range []string{"ALONE", "PAIRS", "WHOLE GROUP", "Client", "next person"} {
					if strings.Contains(scr, bad) {
						t.Errorf("the Dutch run screen says %q:\n%s", bad, scr)
					}
				}
				if k.name == "client-larger-groups-only" && !strings.Contains(scr, "VIERTALLEN · KLANT VERTELT") {
					t.Errorf("the fours' fourth client turn is not named after the fours:\n%s", scr)
				}
				if k.name == "trios-larger-groups-only" && !strings.Contains(scr, "IN VIERTALLEN") {
					t.Errorf("the fours' fourth turn says trios:\n%s", scr)
				}
				golden.RequireEqual(t, []byte(scr))
			})
		}
	}
}
