package ui

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"liberate/internal/cluster"
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

func TestANewThemeKeepsItsProvisionalNameOnAnEmptyEnter(t *testing.T) {
	h := newBoardHarness(t, "nl", irritations)
	b := h.board()
	h.selectTheme(0)
	h.key("n")
	if b.Input.Value() != "" || b.Input.Placeholder == "" {
		t.Fatalf("name line %q, placeholder %q", b.Input.Value(), b.Input.Placeholder)
	}
	h.key("enter")
	if c := b.Clusters[1]; c.Label != b.Input.Placeholder || c.Named {
		t.Fatalf("after an empty Enter the new theme is %+v", c)
	}
	if strings.Contains(h.screen(), i18n.For("nl").Board.EmptyName) {
		t.Fatal("an empty Enter on a new theme is refused")
	}
}

func TestPgDnOnTheBoardKeepsTheSelectedThemesNotesOnScreen(t *testing.T) {
	more := append(slices.Clone(irritations),
		"Declaraties blijven weken liggen bij de manager",
		"Expense approvals wait a week for the manager",
		"Declaraties indienen kost een halve dag",
		"De VPN valt elke middag weg",
		"VPN drops every afternoon at home",
		"Thuiswerken zonder VPN lukt niet",
		"Nieuwe collega's wachten dagen op een laptop",
		"New starters wait a week for their laptop",
		"Onboarding van nieuwe collega's duurt te lang",
	)
	h := newBoardHarness(t, "nl", more)
	h.size(100, 30)
	b := h.board()
	if len(b.Sections()) < 6 {
		t.Fatalf("only %d themes; the walk needs more than five", len(b.Sections()))
	}
	h.selectTheme(0)
	for step := 0; step < len(b.Sections())-1; step++ {
		h.key("pgdown")
		sec := b.SectionOf(b.SelCluster)
		scr := h.screen()
		for _, i := range b.Members[sec] {
			text := h.m.run.Notes[i].Text
			if r := []rune(text); !strings.Contains(scr, string(r[:min(len(r), 30)])) {
				t.Fatalf("theme %d is selected but its note %q is off screen:\n%s", sec+1, text, scr)
			}
		}
	}
}

func TestMovingNotesRelabelsTheUnnamedThemesTheyLeaveAndJoin(t *testing.T) {
	h := newBoardHarness(t, "en", irritations)
	b := h.board()
	printer := b.SectionOf(h.noteByText("The printer jams every morning").ClusterID)
	meetings := b.SectionOf(h.noteByText("Too many meetings without an agenda").ClusterID)
	if printer == meetings || printer >= len(b.Clusters) || meetings >= len(b.Clusters) {
		t.Fatalf("the board did not propose printer and meeting themes: %+v", b.Clusters)
	}
	named := b.SectionOf(h.noteByText("I have to log in three times a day").ClusterID)
	h.selectTheme(named)
	h.renameTheme("Inloggen")
	printerID, meetingsID := b.Clusters[printer].ID, b.Clusters[meetings].ID
	// Labels that describe nothing on the board, so a refresh shows.
	b.Clusters[meetings].Label, b.Clusters[printer].Label = "stale meetings", "stale printer"
	// Three of the four meeting notes go to the printer theme.
	for _, text := range []string{"Too many meetings without an agenda", "Vergaderingen lopen altijd uit", "Weekly meeting could be an email"} {
		h.selectNote(text)
		h.key("m")
		h.typeText(fmt.Sprint(b.SectionOf(printerID) + 1))
		h.key("enter")
	}
	for _, id := range []string{printerID, meetingsID} {
		s := b.SectionOf(id)
		var texts []string
		for _, i := range b.Members[s] {
			texts = append(texts, h.m.run.Notes[i].Text)
		}
		want := cluster.Cluster(texts, cluster.Options{K: 1}).Groups[0].Label
		if b.Clusters[s].Label != want {
			t.Errorf("theme %q after the moves is labelled %q, want %q from its notes %q", id, b.Clusters[s].Label, want, texts)
		}
	}
	for _, id := range []string{printerID, meetingsID} {
		if l := b.Clusters[b.SectionOf(id)].Label; strings.HasPrefix(l, "stale") {
			t.Errorf("theme %q kept its label %q after notes moved", id, l)
		}
	}
	if l := b.Clusters[b.SectionOf(h.noteByText("I have to log in three times a day").ClusterID)].Label; l != "Inloggen" {
		t.Errorf("a named theme was relabelled %q", l)
	}
}
