package ui

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/golden"

	"liberate/internal/structure"
	"liberate/internal/ui/format"
)

// agendaPlan is testPlan with room to shorten: every step may run down to
// half its planned minutes, the silent minute excepted.
func agendaPlan() []structure.PlannedStep {
	plan := testPlan()
	for i := range plan {
		plan[i].Min = max(time.Minute, plan[i].Planned/2)
	}
	return plan
}

// overran brings a session to the pairs step after the silent minute ran
// three minutes, and opens the agenda.
func overran(h *harness) {
	h.advance(3 * time.Minute)
	h.key("pgdown")
	h.advance(30 * time.Second)
	h.key("a")
}

var agendaStates = []struct {
	name string
	set  func(h *harness)
}{
	{"overran", overran},
	{"proposal", func(h *harness) { overran(h); h.key("p") }},
	{"accepted", func(h *harness) { overran(h); h.key("p"); h.key("y") }},
}

func TestAgendaGolden(t *testing.T) {
	for _, lang := range []string{"en", "nl"} {
		for _, size := range [][2]int{{80, 24}, {120, 40}} {
			for _, st := range agendaStates {
				name := fmt.Sprintf("%s_%dx%d_%s", lang, size[0], size[1], st.name)
				t.Run(name, func(t *testing.T) {
					h := newHarness(t, lang, agendaPlan())
					h.size(size[0], size[1])
					st.set(h)
					h.m.run.Flash = ""
					golden.RequireEqual(t, []byte(h.screen()))
				})
			}
		}
	}
}

func TestAgendaShowsPlannedAgainstActualAndTheProjectedEnd(t *testing.T) {
	h := newHarness(t, "en", agendaPlan())
	overran(h)
	scr := h.screen()
	for _, want := range []string{"planned end 09:12", "projected end 09:14", "2 min behind", "Alone, in silence", "▶ Pairs"} {
		if !strings.Contains(scr, want) {
			t.Fatalf("agenda lacks %q:\n%s", want, scr)
		}
	}
	if f := strings.Fields(lineWith(scr, "Alone, in silence")); len(f) < 2 || f[len(f)-2] != "1:00" || f[len(f)-1] != "3:00" {
		t.Fatalf("silent step does not show 1 planned against 3 actual: %q", f)
	}
}

func lineWith(s, sub string) string {
	for _, l := range strings.Split(s, "\n") {
		if strings.Contains(l, sub) {
			return l
		}
	}
	return ""
}

func hasLine(s, line string) bool {
	for _, l := range strings.Split(s, "\n") {
		if strings.TrimSpace(l) == line {
			return true
		}
	}
	return false
}

func TestAcceptingTheReplanKeepsTheProjectedEndTime(t *testing.T) {
	h := newHarness(t, "en", agendaPlan())
	overran(h)
	s := h.session()
	before := s.ProjectedEnd(h.clock.Now())
	if before.Sub(s.PlannedEnd()) != 2*time.Minute {
		t.Fatalf("projected end %v, planned %v: want 2 min late", before, s.PlannedEnd())
	}
	h.key("p")
	if h.m.run.Replan == nil || !strings.Contains(h.screen(), "take 2 min off") {
		t.Fatalf("no proposal shown:\n%s", h.screen())
	}
	if !strings.Contains(h.screen(), "→3") || !strings.Contains(h.screen(), "→4") {
		t.Fatalf("proposed minutes not in the re-planned column:\n%s", h.screen())
	}
	h.key("y")
	now := h.clock.Now()
	if got := s.ProjectedEnd(now).Sub(s.PlannedEnd()); got < -30*time.Second || got > 30*time.Second {
		t.Fatalf("after the re-plan the session ends %v from the planned end", got)
	}
	// Later steps shrank in proportion (4:5 → 3:4), never below their minimum.
	if s.Plan[2].Planned != 3*time.Minute || s.Plan[3].Planned != 4*time.Minute {
		t.Fatalf("re-planned to %v and %v", s.Plan[2].Planned, s.Plan[3].Planned)
	}
	if s.Records[2].Planned != 4*time.Minute || s.Records[2].Replanned != 3*time.Minute {
		t.Fatalf("record keeps %v planned, %v re-planned", s.Records[2].Planned, s.Records[2].Replanned)
	}
	// The running step is not touched, and the change is saved.
	if s.Plan[1].Planned != 2*time.Minute {
		t.Fatalf("running step changed to %v", s.Plan[1].Planned)
	}
	if saved := h.st.sessions[s.ID]; saved == nil || saved.Plan[3].Planned != 4*time.Minute {
		t.Fatal("the re-plan was not saved")
	}
	if h.m.run.Replan != nil || strings.Contains(h.screen(), "take 2 min off") {
		t.Fatal("the proposal is still offered after accepting")
	}
}

func TestTheReplanNeverGoesBelowAStepsMinimum(t *testing.T) {
	h := newHarness(t, "en", agendaPlan())
	h.advance(15 * time.Minute) // far longer than the whole plan
	h.key("pgdown")
	h.key("a")
	h.key("p")
	h.key("y")
	s := h.session()
	for i := s.Pos + 1; i < len(s.Plan); i++ {
		if s.Plan[i].Planned < s.Plan[i].Min {
			t.Errorf("step %d re-planned to %v, below its minimum %v", i, s.Plan[i].Planned, s.Plan[i].Min)
		}
		if s.Plan[i].Planned != s.Plan[i].Min {
			t.Errorf("step %d re-planned to %v; so late, every step should be at its minimum %v", i, s.Plan[i].Planned, s.Plan[i].Min)
		}
	}
}

func TestEscAndXDeclineTheProposalAndEscThenLeaves(t *testing.T) {
	for _, k := range []string{"esc", "x"} {
		h := newHarness(t, "en", agendaPlan())
		overran(h)
		h.key("p")
		planned := h.session().Plan[3].Planned
		h.key(k)
		if h.m.run.Replan != nil || h.m.screen != screenAgenda {
			t.Fatalf("%s: proposal %v, screen %v", k, h.m.run.Replan, h.m.screen)
		}
		if h.session().Plan[3].Planned != planned {
			t.Fatalf("%s changed the plan", k)
		}
	}
	h := newHarness(t, "en", agendaPlan())
	overran(h)
	h.key("esc")
	if h.m.screen != screenRun {
		t.Fatal("esc without a proposal did not leave the agenda")
	}
}

func TestNothingToReplanOnTimeIsSaid(t *testing.T) {
	h := newHarness(t, "en", agendaPlan())
	h.advance(30 * time.Second)
	h.key("a")
	h.key("p")
	if h.m.run.Replan != nil {
		t.Fatal("a re-plan was proposed for a session on time")
	}
	if !strings.Contains(h.m.run.Status, "nothing to re-plan") {
		t.Fatalf("status = %q", h.m.run.Status)
	}
}

// longPlan repeats the 1-2-4-All steps ten times: forty steps, more than
// fit on an 80×24 agenda.
func longPlan() []structure.PlannedStep {
	var plan []structure.PlannedStep
	for r := 0; r < 10; r++ {
		for _, p := range agendaPlan() {
			p.Counters = []structure.Counter{{Kind: "round", I: r + 1, N: 10}}
			plan = append(plan, p)
		}
	}
	return plan
}

func TestTheAgendaFollowsTheRunningStepAndScrollsToEitherEnd(t *testing.T) {
	h := newHarness(t, "en", longPlan())
	h.size(80, 24)
	for i := 0; i < 25; i++ {
		h.key("pgdown")
	}
	h.key("a")
	if !strings.Contains(h.screen(), "▶ ") {
		t.Fatalf("running step not in view:\n%s", h.screen())
	}
	h.key("home")
	if !hasLine(h.screen(), "1-2-4-All") || !strings.Contains(h.screen(), "Total") {
		t.Fatalf("home does not show the first steps with the total:\n%s", h.screen())
	}
	h.key("down")
	if hasLine(h.screen(), "1-2-4-All") {
		t.Fatalf("down after home did not scroll at once:\n%s", h.screen())
	}
	h.key("end")
	if !strings.Contains(h.screen(), "Round 10/10") {
		t.Fatalf("end does not show the last steps:\n%s", h.screen())
	}
	h.key("a")
	h.key("a")
	if !strings.Contains(h.screen(), "▶ ") {
		t.Fatalf("reopened agenda does not follow the running step:\n%s", h.screen())
	}
}

func TestAgendaRendersWithoutPanicAtEverySize(t *testing.T) {
	h := newHarness(t, "en", longPlan())
	overran(h)
	h.key("p")
	checkEverySize(t, h)
	h.key("end")
	checkEverySize(t, h)
}

func TestReplanOnTimeSaysSoOnTheAgenda(t *testing.T) {
	h := newHarness(t, "en", testPlan())
	h.key("a")
	h.key("p")
	if got := h.screen(); !strings.Contains(got, "nothing to re-plan") {
		t.Fatalf("p on time says nothing on the agenda:\n%s", got)
	}
}

func TestReplanWhenLateButAtTheMinimumsSaysWhatToDo(t *testing.T) {
	h := newHarness(t, "en", testPlan()) // 1-2-4-All: fixed minutes
	h.advance(3 * time.Minute)
	h.key("a")
	h.key("p")
	if got := h.screen(); !strings.Contains(got, "at their shortest already") {
		t.Fatalf("p when late with fixed steps does not say why:\n%s", got)
	}
}

func TestAheadOfTimeTheReplanGivesMinutesBack(t *testing.T) {
	plan := agendaPlan()
	for i := range plan {
		plan[i].Max = 2 * plan[i].Planned
	}
	h := newHarness(t, "en", plan)
	h.advance(10 * time.Second)
	h.key("pgdown") // the silent minute ended after ten seconds
	h.key("a")
	h.key("p")
	if h.m.run.Replan == nil || !strings.Contains(h.screen(), "Ahead of time: give 1 min back") {
		t.Fatalf("no give-back proposal when ahead:\n%s", h.screen())
	}
	if strings.Contains(h.screen(), "Running late") {
		t.Fatalf("an early session is called late:\n%s", h.screen())
	}
}

func TestReplanAheadOfTimeWithNothingToGiveBackSaysTheStepsFit(t *testing.T) {
	h := newHarness(t, "en", testPlan()) // fixed minutes: nothing can grow
	h.advance(5 * time.Second)
	h.key("pgdown") // far ahead of the plan
	h.key("a")
	h.key("p")
	if got := h.screen(); strings.Contains(got, "at their shortest") || !strings.Contains(got, "nothing to re-plan") {
		t.Fatalf("p ahead of time says the wrong thing:\n%s", got)
	}
	if got := format.Minutes(2 * time.Second); got != "0" {
		t.Fatalf("two seconds show as %q minutes", got)
	}
}
