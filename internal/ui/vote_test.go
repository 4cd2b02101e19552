package ui

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"liberate/internal/session"
	"liberate/internal/ui/board"
)

func TestATypedTallySetsAThemesVotesAndUndoRemovesIt(t *testing.T) {
	h := newBoardHarness(t, "en", irritations)
	b := h.board()
	h.selectTheme(2)
	h.typeText("7")
	if !strings.Contains(h.screen(), "Votes for") {
		t.Fatalf("the tally being typed is not shown:\n%s", h.screen())
	}
	h.key("enter")
	if b.Clusters[2].Votes != 7 {
		t.Fatalf("votes = %d, want 7", b.Clusters[2].Votes)
	}
	if op := h.m.com.History.Undo[len(h.m.com.History.Undo)-1]; op.Type != session.OpVote {
		t.Fatalf("the tally is recorded as %q", op.Type)
	}
	checkStored(t, h)
	h.key("+")
	h.key("+")
	h.key("-")
	if b.Clusters[2].Votes != 8 {
		t.Fatalf("+ + - gave %d, want 8", b.Clusters[2].Votes)
	}
	h.typeText("12")
	h.key("backspace")
	h.typeText("5")
	h.key("enter")
	if b.Clusters[2].Votes != 15 {
		t.Fatalf("1 2 backspace 5 gave %d, want 15", b.Clusters[2].Votes)
	}
	h.typeText("9")
	h.key("esc")
	if b.Clusters[2].Votes != 15 || h.m.screen != screenBoard {
		t.Fatal("esc did not just cancel the tally")
	}
	for range 5 {
		h.key("u")
	}
	if b.Clusters[2].Votes != 0 {
		t.Fatalf("undo left %d votes", b.Clusters[2].Votes)
	}
	checkStored(t, h)
}

func TestMinusNeverGoesBelowZero(t *testing.T) {
	h := newBoardHarness(t, "en", irritations)
	h.selectTheme(0)
	h.key("-")
	if v := h.board().Clusters[0].Votes; v != 0 {
		t.Fatalf("votes = %d", v)
	}
}

func TestVotesOnNotesCountTowardsTheirThemeAndSortRanksThemes(t *testing.T) {
	h := newBoardHarness(t, "en", irritations)
	b := h.board()
	last := b.Clusters[len(b.Clusters)-1].ID
	h.selectNote("CRM search never finds the customer")
	h.typeText("6")
	h.key("enter")
	if n := h.noteByText("CRM search never finds the customer"); n.Votes != 6 {
		t.Fatalf("note votes = %d", n.Votes)
	}
	h.selectTheme(0)
	h.typeText("2")
	h.key("enter")
	if got := b.SectionVotes(b.SectionOf(last)); got != 6 {
		t.Fatalf("theme tally = %d, want the note's 6", got)
	}
	h.key("s")
	if b.Clusters[0].ID != last || b.Clusters[1].Votes != 2 {
		t.Fatalf("s did not rank by votes: %+v", b.Clusters)
	}
	checkStored(t, h)
	h.key("u")
	if b.Clusters[0].ID == last {
		t.Fatal("undo of the sort kept the order")
	}
}

// newCardsHarness opens the cards on the 25/10 countdown step with `5`.
func newCardsHarness(t *testing.T, lang string) *harness {
	t.Helper()
	plan := testPlan()
	for i := range plan {
		plan[i].Structure = "twenty-five-ten-crowd-sourcing"
		plan[i].StructureName = text("25/10 Crowd Sourcing", "25/10 Crowdsourcing")
	}
	h := newHarness(t, lang, plan)
	if !strings.Contains(lastLine(h.screen()), "5") {
		h.size(200, 60)
	}
	h.key("5")
	if h.m.screen != screenBoard || h.board().Mode != board.ModeCards {
		t.Fatalf("5 on a 25/10 step did not open the cards")
	}
	return h
}

func (h *harness) cardLine(s string) {
	h.typeText(s)
	h.key("enter")
}

func TestFiveOpensTheCardsOnlyOnA2510Step(t *testing.T) {
	h := newHarness(t, "en", testPlan())
	h.key("5")
	if h.m.screen != screenRun {
		t.Fatal("5 opened the cards outside 25/10")
	}
	h = newCardsHarness(t, "en")
	h.key("esc")
	if h.m.screen != screenRun {
		t.Fatal("esc on the cards did not return to the run screen")
	}
}

func TestCardsAreEnteredScoredAndSavedWithTheSession(t *testing.T) {
	h := newCardsHarness(t, "en")
	h.cardLine("12 Free lunch on Fridays | ask the director")
	h.cardLine("12: 4 5 3 5")
	h.cardLine("3: 5 5 5 5 5")
	h.cardLine("12+ 4")
	cards := h.session().Cards
	if len(cards) != 2 || cards[0].Number != 3 || cards[1].Idea != "Free lunch on Fridays" || cards[1].FirstStep != "ask the director" {
		t.Fatalf("cards = %+v", cards)
	}
	if cards[1].Total() != 21 {
		t.Fatalf("card 12 total %v", cards[1].Total())
	}
	h.st.mu.Lock()
	stored := h.st.sessions[h.session().ID].Cards
	h.st.mu.Unlock()
	if len(stored) != 2 || len(stored[1].Scores) != 5 {
		t.Fatalf("stored cards = %+v", stored)
	}
	if !strings.Contains(h.screen(), "card 12 saved") {
		t.Fatalf("no saved mark:\n%s", h.screen())
	}
	// A sixth score and a 6 are refused with one plain line, the text kept.
	h.cardLine("12+ 4")
	if !strings.Contains(h.screen(), "at most five scores") || h.board().Input.Value() != "12+ 4" {
		t.Fatalf("sixth score not refused:\n%s", h.screen())
	}
	h.key("esc")
	h.cardLine("3: 6")
	if !strings.Contains(h.screen(), "Scores are whole numbers from 1 to 5.") {
		t.Fatalf("a 6 was not refused:\n%s", h.screen())
	}
	h.key("esc")
	h.cardLine("-3")
	if len(h.session().Cards) != 1 {
		t.Fatal("-3 did not remove card 3")
	}
}

func TestAFailedCardSavePutsTheLineBack(t *testing.T) {
	h := newCardsHarness(t, "en")
	h.cardLine("4: 5 5 5")
	h.st.mu.Lock()
	h.st.fail = fmt.Errorf("disk full")
	h.st.mu.Unlock()
	h.cardLine("4: 1 1 1")
	if got := h.session().Cards[0].Scores; fmt.Sprint(got) != "[5 5 5]" {
		t.Fatalf("the unsaved scores are shown: %v", got)
	}
	if h.board().Input.Value() != "4: 1 1 1" || !strings.Contains(h.screen(), "Not saved: disk full") {
		t.Fatalf("line not back or no error:\n%s", h.screen())
	}
}

// twelveCards has two cards tied at the tenth place (18) and one averaged.
var twelveCards = []string{
	"1: 5 5 5 5 5", "2: 5 5 5 5 4", "3: 5 5 5 4 4", "4: 5 5 4 4 4", "5: 5 4 4 4 4",
	"6: 4 4 4 4 4", "7: 4 4 4 4 3", "8: 4 4 4 3 3", "9: 4 5 3 3", "10: 4 4 3 3 4",
	"11: 3 3 4 4 4", "12: 2 2 2 2 2",
}

func TestTheCountdownStopsAtTenCardsAndReadsEveryTieAtTheCutOff(t *testing.T) {
	h := newCardsHarness(t, "en")
	for _, l := range twelveCards {
		h.cardLine(l)
	}
	h.key("tab")
	b := h.board()
	if b.Mode != board.ModeCountdown || !strings.Contains(h.screen(), "Who has 25?") {
		t.Fatalf("tab did not start the countdown:\n%s", h.screen())
	}
	var levels []int
	for range 20 {
		levels = append(levels, b.CountdownLevel())
		h.key("right")
	}
	if got := fmt.Sprint(levels[:9]); got != "[25 24 23 22 21 20 19 18 18]" {
		t.Fatalf("countdown called %v", levels)
	}
	scr := h.screen()
	if !strings.Contains(scr, "#9") || !strings.Contains(scr, "#10") || !strings.Contains(scr, "#11") ||
		!strings.Contains(scr, "Top ten complete: 11 cards") {
		t.Fatalf("the cut-off does not read every tied card:\n%s", scr)
	}
	h.key("left")
	if b.CountdownLevel() != 19 {
		t.Fatalf("left went to %d", b.CountdownLevel())
	}
}

func TestWithoutCardsTheCountdownCallsEveryScoreAndRecordsReadOutCards(t *testing.T) {
	h := newCardsHarness(t, "en")
	h.key("tab")
	b := h.board()
	h.key("right")
	if b.CountdownLevel() != 24 {
		t.Fatalf("no-card countdown went to %d", b.CountdownLevel())
	}
	h.key("enter")
	h.typeText("Kill the weekly status mail | ask each team lead")
	h.key("enter")
	cards := h.session().Cards
	if len(cards) != 1 || cards[0].Total() != 24 || cards[0].Idea != "Kill the weekly status mail" || cards[0].Number != 1 {
		t.Fatalf("read-out card = %+v", cards)
	}
	h.key("esc")
	h.key("right")
	if b.CountdownLevel() != 23 {
		t.Fatalf("after a read-out card the countdown went to %d, want 23", b.CountdownLevel())
	}
}

func TestCardsGolden(t *testing.T) {
	for _, tc := range []struct {
		lang string
		w, h int
		view string
	}{
		{"en", 80, 24, "list"}, {"en", 80, 24, "countdown"}, {"en", 120, 40, "countdown"}, {"nl", 200, 60, "countdown"},
	} {
		t.Run(fmt.Sprintf("%s_%dx%d_%s", tc.lang, tc.w, tc.h, tc.view), func(t *testing.T) {
			h := newCardsHarness(t, tc.lang)
			h.size(tc.w, tc.h)
			ideas := []string{"Free lunch on Fridays | ask the director", "One form for every customer | list the fields", "No meetings on Wednesday | try it in March"}
			for i, l := range twelveCards {
				if i < len(ideas) {
					h.cardLine(fmt.Sprintf("%d %s", i+1, ideas[i]))
				}
				h.cardLine(l)
			}
			h.cardLine("9 Printer per floor | count the printers")
			if tc.view == "countdown" {
				h.key("tab")
				for range 8 {
					h.key("right")
				}
			}
			golden.RequireEqual(t, []byte(h.screen()))
		})
	}
}
