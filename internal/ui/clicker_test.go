package ui

import (
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"liberate/internal/i18n"
	"liberate/internal/ui/format"
)

// press sends one key as the terminal does, without the harness's extra
// empty key press, and runs what it returns.
func (h *harness) press(k string) tea.Cmd {
	_, cmd := h.m.Update(keyMsg(k))
	return cmd
}

func TestWithTheScreenBlankedTheFirstKeyOnlyBringsItBack(t *testing.T) {
	for _, k := range []string{"pgdown", "pgup", "right", "left", "space", "n", "+", "-", "r", "q", "b", "."} {
		t.Run(k, func(t *testing.T) {
			h := newHarness(t, "nl", testPlan())
			h.key("pgdown") // the pairs step, so PgUp has somewhere to go
			h.advance(10 * time.Second)
			pos, left := h.session().Pos, h.session().Remaining(h.clock.Now())
			h.run(h.press("b"))
			if !strings.Contains(h.screen(), i18n.For("nl").Run.Blank) {
				t.Fatalf("b did not blank the screen:\n%s", h.screen())
			}
			cmd := h.press(k)
			if isQuit(cmd) {
				t.Fatalf("%s on a blank screen quits", k)
			}
			h.run(cmd)
			if strings.Contains(h.screen(), i18n.For("nl").Run.Blank) {
				t.Fatalf("%s did not bring the screen back", k)
			}
			s := h.session()
			if s.Pos != pos || s.Paused() || s.Remaining(h.clock.Now()) != left {
				t.Fatalf("%s on a blank screen did more than unblank: step %d→%d, paused %v, left %v→%v",
					k, pos, s.Pos, s.Paused(), left, s.Remaining(h.clock.Now()))
			}
			// The next key works as usual again.
			h.run(h.press("pgdown"))
			if h.session().Pos != pos+1 {
				t.Fatalf("PgDn after unblanking did not move on")
			}
		})
	}
}

func isQuit(cmd tea.Cmd) bool {
	if cmd == nil {
		return false
	}
	switch msg := cmd().(type) {
	case tea.QuitMsg:
		return true
	case tea.BatchMsg:
		for _, c := range msg {
			if isQuit(c) {
				return true
			}
		}
	default:
		if isSequence(msg) {
			for _, c := range sequenceCmds(msg) {
				if isQuit(c) {
					return true
				}
			}
		}
	}
	return false
}

func TestOnTheCountdownPgDnMovesOnEvenWithTheReadOutLineOpen(t *testing.T) {
	h := newCardsHarness(t, "nl")
	h.key("tab")
	b := h.board()
	if b.CountdownLevel() != 25 {
		t.Fatalf("countdown starts at %d", b.CountdownLevel())
	}
	h.key("enter") // open the read-out line
	h.key("pgdown")
	if b.CountdownLevel() != 24 || len(h.session().Cards) != 0 {
		t.Fatalf("PgDn with an empty line open: level %d, cards %v; want 24 and none", b.CountdownLevel(), h.session().Cards)
	}
	h.key("pgdown")
	if b.CountdownLevel() != 23 {
		t.Fatalf("the line did not close: PgDn went to %d", b.CountdownLevel())
	}
	// What was typed is recorded at the score called, then the countdown moves.
	h.key("enter")
	h.typeText("Stop de wekelijkse statusmail | vraag het elke teamleider")
	h.key("pgdown")
	cards := h.session().Cards
	if len(cards) != 1 || cards[0].Total() != 23 || cards[0].Idea != "Stop de wekelijkse statusmail" {
		t.Fatalf("read-out card = %+v", cards)
	}
	if b.CountdownLevel() != 22 {
		t.Fatalf("after recording, PgDn went to %d, want 22", b.CountdownLevel())
	}
	h.key("pgup")
	if b.CountdownLevel() != 23 {
		t.Fatalf("PgUp went to %d, want 23", b.CountdownLevel())
	}
}

func TestAnEmptyEnterOnTheCountdownSavesNoCard(t *testing.T) {
	h := newCardsHarness(t, "nl")
	h.key("tab")
	h.key("enter")
	h.typeText("   ")
	h.key("enter")
	if cards := h.session().Cards; len(cards) != 0 {
		t.Fatalf("an empty Enter saved %+v", cards)
	}
	if !strings.Contains(h.screen(), i18n.For("nl").Flow.EmptyReadOut) {
		t.Fatalf("the screen does not say nothing was saved:\n%s", h.screen())
	}
	h.key("pgdown")
	if h.board().CountdownLevel() != 24 {
		t.Fatalf("after the empty Enter the line is still open: level %d", h.board().CountdownLevel())
	}
}

func TestQSaysInOneLineThatTheSessionIsKeptAndHowToResumeIt(t *testing.T) {
	h := newHarness(t, "nl", testPlan())
	if h.m.LeftMessage() != "" {
		t.Fatal("a message before leaving")
	}
	h.advance(5 * time.Second)
	h.key("q")
	msg := h.m.LeftMessage()
	if want := "Sessie bewaard: `liberate resume 20261122-0900-test` gaat verder; de klok loopt intussen door."; msg != want {
		t.Fatalf("leaving says %q, want %q", msg, want)
	}
	if strings.Contains(msg, "\n") {
		t.Fatal("more than one line")
	}
	p := newHarness(t, "en", testPlan())
	p.key("space")
	p.key("q")
	if msg := p.m.LeftMessage(); !strings.Contains(msg, "paused") || strings.Contains(msg, "keeps running") {
		t.Fatalf("leaving a paused session says %q", msg)
	}
}

func TestTheAgendaShowsMinutesAndSecondsAndTakesJForYes(t *testing.T) {
	if got := format.Clock(84 * time.Second); got != "1:24" {
		t.Fatalf("84 s shows as %q", got)
	}
	if got := format.Minutes(90 * time.Second); got != "1:30" {
		t.Fatalf("90 s shows as %q", got)
	}
	h := newHarness(t, "nl", agendaPlan())
	overran(h)
	scr := h.screen()
	if strings.Contains(scr, ".") && strings.ContainsAny(lineWith(scr, "Alleen"), ".,") {
		t.Fatalf("the agenda shows a decimal:\n%s", scr)
	}
	h.key("p")
	if h.m.run.Replan == nil {
		t.Fatalf("no re-plan proposal:\n%s", h.screen())
	}
	if !strings.Contains(h.screen(), "j akkoord") {
		t.Fatalf("the Dutch proposal does not offer j:\n%s", h.screen())
	}
	h.key("j")
	if h.m.run.Replan != nil {
		t.Fatal("j did not accept the re-plan")
	}
	e := newHarness(t, "en", agendaPlan())
	overran(e)
	e.key("p")
	e.key("y")
	if e.m.run.Replan != nil {
		t.Fatal("y no longer accepts the re-plan")
	}
}
