package session

import (
	"testing"
	"time"

	"liberate/internal/structure"
)

var t0 = time.Date(2026, 11, 22, 9, 0, 0, 0, time.UTC)

func step(label string, min float64, timed bool) structure.PlannedStep {
	d := time.Duration(min * float64(time.Minute))
	return structure.PlannedStep{Structure: "1-2-4-all", Label: structure.Text{EN: label}, Planned: d, Min: d, Max: d, Timed: timed, Capture: structure.CaptureNote}
}

// oneTwoFourAll is 1-2-4-All as the structure package expands it.
func oneTwoFourAll() []structure.PlannedStep {
	p := []structure.PlannedStep{step("Alone", 1, true), step("Pairs", 2, true), step("Fours", 4, true), step("All", 5, true)}
	for i := range p {
		p[i].Number, p[i].Total, p[i].CycleStart, p[i].CycleEnd = i+1, 4, 0, 3
	}
	return p
}

func TestWalkThroughOneTwoFourAll(t *testing.T) {
	s := New(Options{ID: "x"}, oneTwoFourAll(), t0)
	s.Start(t0)
	if s.Current().Label.EN != "Alone" || s.Remaining(t0) != time.Minute {
		t.Fatalf("first step wrong: %v %v", s.Current().Label, s.Remaining(t0))
	}
	now := t0.Add(time.Minute)
	for _, want := range []string{"Pairs", "Fours", "All"} {
		s.Next(now)
		if s.Current().Label.EN != want {
			t.Fatalf("step = %q, want %q", s.Current().Label.EN, want)
		}
		now = now.Add(s.Current().Planned)
	}
	evs := s.Next(now)
	if !s.Finished || evs[len(evs)-1].Type != EventFinished {
		t.Fatalf("session not finished after the All step: %+v", evs)
	}
	if s.Records[1].Actual != 2*time.Minute {
		t.Fatalf("pairs actual = %v, want 2m", s.Records[1].Actual)
	}
}

func TestNextBeforeTimeIsUpRecordsASkip(t *testing.T) {
	s := New(Options{}, oneTwoFourAll(), t0)
	s.Start(t0)
	evs := s.Next(t0.Add(20 * time.Second))
	found := false
	for _, e := range evs {
		if e.Type == EventSkipped && e.Delta == 40*time.Second {
			found = true
		}
	}
	if !found {
		t.Fatalf("no skip event with 40 s left: %+v", evs)
	}
}

func TestPrevContinuesWithTheTimeThatWasLeft(t *testing.T) {
	s := New(Options{}, oneTwoFourAll(), t0)
	s.Start(t0)
	s.Next(t0.Add(time.Minute))                  // pairs starts at 9:01
	s.Next(t0.Add(time.Minute + 30*time.Second)) // oops, clicked too early
	s.Prev(t0.Add(time.Minute + 35*time.Second)) // back to pairs
	if s.Current().Label.EN != "Pairs" {
		t.Fatalf("back went to %q", s.Current().Label.EN)
	}
	if got := s.Remaining(t0.Add(time.Minute + 35*time.Second)); got != 90*time.Second {
		t.Fatalf("pairs remaining after back = %v, want 1m30s", got)
	}
}

func TestPausedSessionStaysPausedOnNext(t *testing.T) {
	s := New(Options{}, oneTwoFourAll(), t0)
	s.Start(t0)
	s.TogglePause(t0.Add(10 * time.Second))
	if !s.Paused() {
		t.Fatal("not paused")
	}
	s.Next(t0.Add(20 * time.Second))
	if s.Timer.Running {
		t.Fatal("next step started running although the session was paused")
	}
	if got := s.Remaining(t0.Add(time.Hour)); got != 2*time.Minute {
		t.Fatalf("paused next step remaining = %v, want 2m", got)
	}
}

func TestRepeatRunsTheCycleAgain(t *testing.T) {
	s := New(Options{}, oneTwoFourAll(), t0)
	s.Start(t0)
	now := t0
	for i := 0; i < 3; i++ {
		now = now.Add(s.Current().Planned)
		s.Next(now)
	}
	s.Repeat(now.Add(time.Minute))
	if len(s.Plan) != 8 || len(s.Records) != 8 {
		t.Fatalf("plan has %d steps after repeat, want 8", len(s.Plan))
	}
	if s.Pos != 4 || s.Current().Label.EN != "Alone" {
		t.Fatalf("repeat did not restart the cycle: pos %d %q", s.Pos, s.Current().Label.EN)
	}
	c := s.Current().Counters
	if len(c) != 1 || c[0].Kind != "cycle" || c[0].I != 2 {
		t.Fatalf("cycle counter = %+v, want cycle 2", c)
	}
	if s.Plan[7].CycleStart != 4 || s.Plan[7].CycleEnd != 7 {
		t.Fatalf("copied cycle bounds wrong: %d..%d", s.Plan[7].CycleStart, s.Plan[7].CycleEnd)
	}
}

func TestExtendChangesThePlanAndEmitsAnEvent(t *testing.T) {
	s := New(Options{}, oneTwoFourAll(), t0)
	s.Start(t0)
	evs := s.Extend(time.Minute, t0)
	if len(evs) != 1 || evs[0].Delta != time.Minute || s.Plan[0].Planned != 2*time.Minute {
		t.Fatalf("extend: %+v planned %v", evs, s.Plan[0].Planned)
	}
	if s.Records[0].Planned != time.Minute {
		t.Fatal("the original plan must be kept in the record")
	}
}

func TestReplanKeepsTheEndTimeAfterAnOverrun(t *testing.T) {
	plan := oneTwoFourAll()
	plan[2].Min = 2 * time.Minute
	plan[3].Min = 3 * time.Minute
	s := New(Options{}, plan, t0)
	s.Start(t0)
	s.Next(t0.Add(time.Minute))
	// Pairs overran by two minutes.
	now := t0.Add(5 * time.Minute)
	s.Next(now)
	prop, ok := s.Replan(now)
	if !ok {
		t.Fatal("no re-plan proposed after a two-minute overrun")
	}
	_ = prop
	s.ApplyReplan(prop, now)
	if end, want := s.ProjectedEnd(now), s.PlannedEnd(); end.After(want.Add(30 * time.Second)) {
		t.Fatalf("projected end %v after planned end %v", end, want)
	}
	if s.Plan[3].Planned < 3*time.Minute {
		t.Fatalf("All step shrank below its minimum: %v", s.Plan[3].Planned)
	}
}

func TestReplanNeverGoesBelowMinimums(t *testing.T) {
	plan := oneTwoFourAll()
	for i := range plan {
		plan[i].Min = plan[i].Planned
	}
	s := New(Options{}, plan, t0)
	s.Start(t0)
	now := t0.Add(10 * time.Minute)
	s.Next(now)
	if prop, ok := s.Replan(now); ok {
		for i := s.Pos + 1; i < len(prop); i++ {
			if prop[i] < plan[i].Min {
				t.Fatalf("step %d proposed %v below min %v", i, prop[i], plan[i].Min)
			}
		}
	}
}

func TestCardTotalsAverageWhenScoresAreMissing(t *testing.T) {
	if got := (Card{Scores: []int{5, 5, 4, 3, 2}}).Total(); got != 19 {
		t.Fatalf("five scores total = %v", got)
	}
	if got := (Card{Scores: []int{5, 4, 4}}).Total(); got < 21.66 || got > 21.67 {
		t.Fatalf("three scores total = %v, want 21.67", got)
	}
}

func TestReplanInARehearsalCountsWorkshopMinutes(t *testing.T) {
	// At 30× a two-minute overrun of the pairs step takes four seconds of
	// wall time; the proposal must still come.
	plan := oneTwoFourAll()
	plan[2].Min, plan[3].Min = 2*time.Minute, 3*time.Minute
	s := New(Options{Speed: 30}, plan, t0)
	s.Start(t0)
	s.Next(t0.Add(2 * time.Second)) // alone: one workshop minute
	now := t0.Add(10 * time.Second) // pairs: four workshop minutes, two over
	if _, ok := s.Replan(now); !ok {
		t.Fatal("no re-plan proposed after a two-minute overrun in a 30× rehearsal")
	}
	if _, ok := New(Options{Speed: 30}, oneTwoFourAll(), t0).Replan(t0); ok {
		t.Fatal("a re-plan proposed before the session started")
	}
	on := New(Options{Speed: 30}, oneTwoFourAll(), t0)
	on.Start(t0)
	if _, ok := on.Replan(t0.Add(time.Second)); ok {
		t.Fatal("a re-plan proposed while on time")
	}
}
