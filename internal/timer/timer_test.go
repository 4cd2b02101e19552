package timer

import (
	"encoding/json"
	"testing"
	"time"
)

var t0 = time.Date(2026, 11, 22, 9, 0, 0, 0, time.UTC)

func TestRemainingFollowsTheDeadline(t *testing.T) {
	tm := New(5*time.Minute, 0)
	tm.Start(t0)
	if got := tm.Remaining(t0.Add(90 * time.Second)); got != 210*time.Second {
		t.Fatalf("remaining after 90 s = %v, want 3m30s", got)
	}
}

func TestPauseFreezesRemainingTime(t *testing.T) {
	tm := New(2*time.Minute, 0)
	tm.Start(t0)
	tm.Pause(t0.Add(30 * time.Second))
	for _, later := range []time.Duration{time.Minute, time.Hour, 48 * time.Hour} {
		if got := tm.Remaining(t0.Add(later)); got != 90*time.Second {
			t.Fatalf("paused remaining at +%v = %v, want 1m30s", later, got)
		}
	}
	tm.Resume(t0.Add(time.Hour))
	if got := tm.Remaining(t0.Add(time.Hour + 10*time.Second)); got != 80*time.Second {
		t.Fatalf("remaining after resume = %v, want 1m20s", got)
	}
	if got := tm.Elapsed(t0.Add(time.Hour + 10*time.Second)); got != 40*time.Second {
		t.Fatalf("elapsed = %v, want 40s (pause not counted)", got)
	}
}

func TestExtendAddsAndRemovesMinutes(t *testing.T) {
	tm := New(4*time.Minute, 0)
	tm.Start(t0)
	tm.Extend(time.Minute, t0.Add(time.Minute))
	if got := tm.Remaining(t0.Add(time.Minute)); got != 4*time.Minute {
		t.Fatalf("after +1 min remaining = %v, want 4m", got)
	}
	tm.Extend(-10*time.Minute, t0.Add(time.Minute))
	if tm.Planned != 0 {
		t.Fatalf("planned went below zero: %v", tm.Planned)
	}
	tm.Pause(t0.Add(2 * time.Minute))
	tm.Extend(time.Minute, t0.Add(2*time.Minute))
	if got := tm.Remaining(t0.Add(3 * time.Minute)); got != tm.Left {
		t.Fatalf("extending a paused timer must not start it")
	}
}

func TestOvertimeCountsUpPastZero(t *testing.T) {
	tm := New(time.Minute, 0)
	tm.Start(t0)
	now := t0.Add(time.Minute + 42*time.Second)
	if got := tm.Overtime(now); got != 42*time.Second {
		t.Fatalf("overtime = %v, want 42s", got)
	}
	if tm.PhaseAt(now) != PhaseOvertime {
		t.Fatalf("phase = %v, want overtime", tm.PhaseAt(now))
	}
	if got := Format(tm.Remaining(now)); got != "+0:42" {
		t.Fatalf("format = %q, want +0:42", got)
	}
}

func TestPhasesWarnAtTwentyPercentAndFinalAtTheEnd(t *testing.T) {
	tm := New(10*time.Minute, 0)
	tm.Start(t0)
	cases := []struct {
		at   time.Duration
		want Phase
	}{
		{0, PhaseNormal},
		{7*time.Minute + 59*time.Second, PhaseNormal},
		{8 * time.Minute, PhaseWarning},
		{9*time.Minute + 29*time.Second, PhaseWarning},
		{9*time.Minute + 30*time.Second, PhaseFinal},
		{10 * time.Minute, PhaseFinal},
		{10*time.Minute + time.Second, PhaseOvertime},
	}
	for _, c := range cases {
		if got := tm.PhaseAt(t0.Add(c.at)); got != c.want {
			t.Errorf("at %v phase = %v, want %v", c.at, got, c.want)
		}
	}
}

func TestShortStepsStillWarnBeforeTheFinalPhase(t *testing.T) {
	tm := New(time.Minute, 0)
	tm.Start(t0)
	if got := tm.PhaseAt(t0.Add(49 * time.Second)); got != PhaseWarning {
		t.Fatalf("1-min step at 11 s left: %v, want warning", got)
	}
	if got := tm.PhaseAt(t0.Add(55 * time.Second)); got != PhaseFinal {
		t.Fatalf("1-min step at 5 s left: %v, want final", got)
	}
}

func TestNoDriftOverSimulatedHours(t *testing.T) {
	tm := New(8*time.Hour, 0)
	tm.Start(t0)
	clock := &FakeClock{T: t0}
	// Ticks arrive irregularly and late; the remaining time must still be
	// exactly the deadline minus now.
	for i := 0; i < 100000; i++ {
		clock.Advance(time.Duration(137+i%911) * time.Millisecond)
		_ = tm.Remaining(clock.Now())
	}
	elapsed := clock.Now().Sub(t0)
	if got := tm.Remaining(clock.Now()); got != 8*time.Hour-elapsed {
		t.Fatalf("remaining %v, want %v", got, 8*time.Hour-elapsed)
	}
}

func TestRestartFromPersistedDeadlineKeepsTheSecond(t *testing.T) {
	tm := New(5*time.Minute, 0)
	tm.Start(time.Now()) // carries a monotonic reading
	b, err := json.Marshal(tm)
	if err != nil {
		t.Fatal(err)
	}
	var back Timer
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	// The laptop slept for ten minutes: the wall clock moved on, so the
	// step is five minutes into overtime.
	later := tm.Deadline.Add(5 * time.Minute)
	if got := back.Remaining(later); got != -5*time.Minute {
		t.Fatalf("remaining after restart = %v, want -5m", got)
	}
}

func TestRehearsalSpeedRunsWorkshopTimeFaster(t *testing.T) {
	tm := New(10*time.Minute, 60)
	tm.Start(t0)
	if got := tm.Remaining(t0.Add(5 * time.Second)); got != 5*time.Minute {
		t.Fatalf("at 60x, 5 s wall = %v left, want 5m", got)
	}
	tm.Extend(time.Minute, t0.Add(5*time.Second))
	if got := tm.Remaining(t0.Add(5 * time.Second)); got != 6*time.Minute {
		t.Fatalf("extend at 60x: %v, want 6m", got)
	}
}

func TestFormatRoundsUpUntilTheLastSecondIsOver(t *testing.T) {
	cases := map[time.Duration]string{
		60 * time.Second:                  "01:00",
		59*time.Second + time.Millisecond: "01:00",
		59 * time.Second:                  "00:59",
		500 * time.Millisecond:            "00:01",
		0:                                 "00:00",
		-1500 * time.Millisecond:          "+0:01",
		-(12*time.Minute + 3*time.Second): "+12:03",
		time.Hour + 2*time.Minute + 3*time.Second: "1:02:03",
	}
	for d, want := range cases {
		if got := Format(d); got != want {
			t.Errorf("Format(%v) = %q, want %q", d, got, want)
		}
	}
}
