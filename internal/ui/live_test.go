package ui

import (
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"liberate/internal/i18n"
	"liberate/internal/session"
	"liberate/internal/structure"
	"liberate/internal/timer"
	"liberate/internal/ui/room"
	"liberate/internal/ui/run"
	"liberate/internal/ui/styles"
)

// fakeLive records what the root publishes and says how many projectors
// follow.
type fakeLive struct {
	mu        sync.Mutex
	snapshots []room.Snapshot
	attached  int
}

func (f *fakeLive) Publish(s room.Snapshot) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.snapshots = append(f.snapshots, s)
}

func (f *fakeLive) Attached() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.attached
}

func (f *fakeLive) count() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return len(f.snapshots)
}

func (f *fakeLive) last() room.Snapshot {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.snapshots[len(f.snapshots)-1]
}

// tipPlan is the test plan with a facilitator tip on every step.
func tipPlan() []structure.PlannedStep {
	plan := testPlan()
	for i := range plan {
		plan[i].Tip = text(fmt.Sprintf("Tip for step %d: watch the room", i+1), fmt.Sprintf("Tip bij stap %d: kijk naar de zaal", i+1))
	}
	return plan
}

func newLiveHarness(t *testing.T, lang string, live *fakeLive) *harness {
	t.Helper()
	clock := &timer.FakeClock{T: t0}
	st := newMemStore()
	sess := session.New(session.Options{ID: "20261122-0900-test", Title: "Irritation brainstorm", Lang: lang, Participants: 23}, tipPlan(), t0)
	m := NewRun(Deps{Store: st, Clock: clock, Catalog: i18n.For(lang), Theme: ThemeDark, Live: live,
		Ticker: func(time.Duration) tea.Cmd { return nil }}, sess, nil, session.History{})
	h := &harness{t: t, m: m, clock: clock, st: st}
	h.run(m.Init())
	h.size(100, 30)
	return h
}

// projected is what a projector draws of the latest published snapshot.
func projected(live *fakeLive, w, hh int, now time.Time) string {
	return ansi.Strip(room.View(live.last(), w, hh, now, styles.NewStyles(styles.ThemeDark)))
}

func TestTheProjectorNeverShowsFacilitatorOnlyText(t *testing.T) {
	for _, lang := range []string{"en", "nl"} {
		live := &fakeLive{}
		h := newLiveHarness(t, lang, live)
		cat := i18n.For(lang)
		keys := run.DefaultKeyMap(cat)
		forbidden := []string{
			cat.Run.PausedHint, cat.Run.UntimedHint, cat.Run.FinishedHint, cat.Run.Blank, cat.Run.HarvestHint,
			cat.Run.Confidential, cat.Run.CapturePh, cat.Run.Saved, cat.Run.Muted, cat.Run.HelpTitle,
			"Tip for step", "Tip bij stap", "ends 09:", "eindigt 09:",
			strings.SplitN(cat.Agenda.ReplanOffer, "%", 2)[0],
			keys.Pause.Help().Key + " " + keys.Pause.Help().Desc, keys.Capture.Help().Key + " " + keys.Capture.Help().Desc,
			keys.Help.Help().Key + " " + keys.Help.Help().Desc, keys.Quit.Help().Key + " " + keys.Quit.Help().Desc,
			"half-typed",
		}
		check := func(what string) {
			t.Helper()
			for _, sz := range [][2]int{{80, 24}, {100, 30}, {200, 60}} {
				out := projected(live, sz[0], sz[1], h.clock.Now())
				for _, f := range forbidden {
					if f != "" && strings.Contains(out, f) {
						t.Fatalf("%s %s at %dx%d: the projector shows %q:\n%s", lang, what, sz[0], sz[1], f, out)
					}
				}
			}
		}
		check("start")
		h.key("space")
		check("paused")
		h.key("space")
		h.key("c")
		h.typeText("half-typed note")
		check("capture line open")
		h.key("enter")
		forbidden = forbidden[:len(forbidden)-1] // once saved, it is a note
		check("note saved")
		h.key("esc")
		h.key("m")
		check("muted")
		h.key("b")
		check("blank")
		h.key("b")
		h.advance(3 * time.Minute) // overtime: the re-plan is offered
		check("overtime with a re-plan offer")
		h.key("?")
		check("help")
		h.key("esc")
		for i := 0; i < 3; i++ {
			h.key("pgdown")
		}
		h.key("c")
		h.typeText("Logging in takes forever")
		h.key("enter")
		h.key("esc")
		h.key("h")
		forbidden = append(forbidden, "Logging in takes forever") // not shown yet
		check("board")
		forbidden = forbidden[:len(forbidden)-1]
		h.key("f")
		check("focus")
		h.key("esc")
		h.key("esc")
		h.key("pgdown")
		check("finished")
	}
}

func TestTheRoomViewIsPublishedOnlyWhenItChanges(t *testing.T) {
	live := &fakeLive{}
	h := newLiveHarness(t, "en", live)
	n := live.count()
	if n == 0 {
		t.Fatalf("nothing published at start")
	}
	for i := 0; i < 20; i++ {
		h.advance(200 * time.Millisecond)
	}
	if live.count() != n {
		t.Fatalf("%d snapshots published by ticks alone; the countdown must come from the deadline", live.count()-n)
	}
	h.key("c")
	h.typeText("typing is not for the room")
	if live.count() != n {
		t.Fatalf("typing in the capture line published %d snapshots", live.count()-n)
	}
	h.key("enter")
	if got := live.last().Captured; got != 1 || live.count() == n {
		t.Fatalf("a saved note did not reach the room (captured %d)", got)
	}
	h.key("esc")
	n = live.count()
	bell := live.last().Bell
	h.key("pgdown")
	s := live.last()
	if live.count() != n+1 || s.Step != "Step 2/4" || s.Bell != bell+1 || s.Flash == "" {
		t.Fatalf("PgDn published %d snapshots; step %q, bell %d→%d, flash %q", live.count()-n, s.Step, bell, s.Bell, s.Flash)
	}
	if s.Console != (room.Console{}) {
		t.Fatalf("the published snapshot carries the console part: %+v", s.Console)
	}
}

func TestTheRunScreenIsTheConsoleWhileAProjectorIsAttached(t *testing.T) {
	for _, lang := range []string{"en", "nl"} {
		live := &fakeLive{}
		h := newLiveHarness(t, lang, live)
		cat := i18n.For(lang)
		single := h.screen()
		if strings.Contains(single, cat.Live.Attached) || strings.Contains(single, "Tip") {
			t.Fatalf("%s: one screen shows the console:\n%s", lang, single)
		}
		live.attached = 1
		h.advance(200 * time.Millisecond)
		con := h.screen()
		for _, want := range []string{cat.Live.Attached, tipPlan()[0].Tip.In(lang), fmt.Sprintf(cat.Console.Next, ""), cat.Run.Configs["alone"]} {
			if !strings.Contains(con, want) {
				t.Fatalf("%s: the console lacks %q:\n%s", lang, want, con)
			}
		}
		if rows := digitRows(con); rows > 7 {
			t.Fatalf("%s: the console's countdown takes %d rows:\n%s", lang, rows, con)
		}
		// Every key works as on one screen: PgDn moves the session and the
		// projector with it.
		h.key("pgdown")
		if h.session().Pos != 1 || live.last().Step != fmt.Sprintf(cat.Run.Step, 2, 4) {
			t.Fatalf("%s: PgDn on the console did not move the session", lang)
		}
		if !strings.Contains(h.screen(), tipPlan()[1].Tip.In(lang)) {
			t.Fatalf("%s: the console does not follow to the next step's tip:\n%s", lang, h.screen())
		}
		h.key("c")
		h.typeText("Printer jams")
		h.key("enter")
		if got := h.screen(); !strings.Contains(got, "Printer jams") || !strings.Contains(got, cat.Run.Saved) {
			t.Fatalf("%s: the console's capture list or status is missing:\n%s", lang, got)
		}
		live.attached = 2
		h.advance(200 * time.Millisecond)
		if !strings.Contains(h.screen(), fmt.Sprintf(cat.Live.AttachedN, 2)) {
			t.Fatalf("%s: two projectors are not counted:\n%s", lang, h.screen())
		}
		live.attached = 0
		h.advance(200 * time.Millisecond)
		if strings.Contains(h.screen(), "▣") {
			t.Fatalf("%s: the console stays after the projectors left:\n%s", lang, h.screen())
		}
	}
}

func TestTheRePlanOfferNeverHidesOvertime(t *testing.T) {
	h := newHarness(t, "en", testPlan())
	h.advance(90 * time.Second) // the 1-minute step runs 30 s over
	if h.m.run.Replan == nil {
		t.Skip("no re-plan offered by this plan")
	}
	got := h.screen()
	if !strings.Contains(got, "■ OVERTIME") || !strings.Contains(got, "shorten the remaining steps") {
		t.Fatalf("overtime and the offer must both show:\n%s", got)
	}
	lines := strings.Split(got, "\n")
	offer := -1
	for i, l := range lines {
		if strings.Contains(l, "shorten the remaining steps") {
			offer = i
		}
	}
	if offer < len(lines)-4 {
		t.Fatalf("the offer is not on the bottom lines (line %d of %d):\n%s", offer, len(lines), got)
	}
}

func TestTheConsoleMarksTheTitleScreenToo(t *testing.T) {
	live := &fakeLive{attached: 1}
	clock := &timer.FakeClock{T: t0}
	sess := session.New(session.Options{ID: "20261122-0900-test", Title: "Irritation brainstorm", Lang: "en"}, tipPlan(), t0)
	m := NewRun(Deps{Store: newMemStore(), Clock: clock, Catalog: i18n.For("en"), Theme: ThemeDark, Live: live, TitleScreen: true,
		Ticker: func(time.Duration) tea.Cmd { return nil }}, sess, nil, session.History{})
	h := &harness{t: t, m: m, clock: clock, st: newMemStore()}
	h.run(m.Init())
	h.size(100, 30)
	h.advance(200 * time.Millisecond)
	got := h.screen()
	if !strings.HasPrefix(strings.TrimSpace(got), "▣ "+i18n.For("en").Live.Attached) || !strings.Contains(got, "Irritation brainstorm") {
		t.Fatalf("the title screen on the console:\n%s", got)
	}
	if live.last().Opening == nil {
		t.Fatalf("the projector is not shown the title screen")
	}
}

func TestAPlannedStartPutsClockTimesOnTheConsolesNextLineAndTheOpening(t *testing.T) {
	clock := &timer.FakeClock{T: t0}
	st := newMemStore()
	live := &fakeLive{attached: 1}
	sess := session.New(session.Options{ID: "x", Title: "Ochtend", Lang: "en", PlanStart: time.Date(2026, 11, 22, 9, 30, 0, 0, time.UTC)}, tipPlan(), t0)
	m := NewRun(Deps{Store: st, Clock: clock, Catalog: i18n.For("en"), Theme: ThemeMono, Live: live, TitleScreen: true,
		Ticker: func(time.Duration) tea.Cmd { return nil }}, sess, nil, session.History{})
	h := &harness{t: t, m: m, clock: clock, st: st}
	h.run(m.Init())
	h.size(100, 30)
	if first := live.last().Opening; first == nil || !strings.HasSuffix(first.First, "· 09:30") {
		t.Fatalf("the title screen's first step lacks its clock time: %+v", first)
	}
	h.key("pgdown")
	h.advance(200 * time.Millisecond)
	if scr := h.screen(); !strings.Contains(scr, "· 09:31") {
		t.Fatalf("the console's next line lacks the planned clock time of step 2:\n%s", scr)
	}
}
