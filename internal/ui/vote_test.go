package ui

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"liberate/internal/session"
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
	if b.clusters[2].Votes != 7 {
		t.Fatalf("votes = %d, want 7", b.clusters[2].Votes)
	}
	if op := h.m.history.Undo[len(h.m.history.Undo)-1]; op.Type != session.OpVote {
		t.Fatalf("the tally is recorded as %q", op.Type)
	}
	checkStored(t, h)
	h.key("+")
	h.key("+")
	h.key("-")
	if b.clusters[2].Votes != 8 {
		t.Fatalf("+ + - gave %d, want 8", b.clusters[2].Votes)
	}
	h.typeText("12")
	h.key("backspace")
	h.typeText("5")
	h.key("enter")
	if b.clusters[2].Votes != 15 {
		t.Fatalf("1 2 backspace 5 gave %d, want 15", b.clusters[2].Votes)
	}
	h.typeText("9")
	h.key("esc")
	if b.clusters[2].Votes != 15 || h.m.screen != screenBoard {
		t.Fatal("esc did not just cancel the tally")
	}
	for range 5 {
		h.key("u")
	}
	if b.clusters[2].Votes != 0 {
		t.Fatalf("undo left %d votes", b.clusters[2].Votes)
	}
	checkStored(t, h)
}

func TestMinusNeverGoesBelowZero(t *testing.T) {
	h := newBoardHarness(t, "en", irritations)
	h.selectTheme(0)
	h.key("-")
	if v := h.board().clusters[0].Votes; v != 0 {
		t.Fatalf("votes = %d", v)
	}
}

func TestVotesOnNotesCountTowardsTheirThemeAndSortRanksThemes(t *testing.T) {
	h := newBoardHarness(t, "en", irritations)
	b := h.board()
	last := b.clusters[len(b.clusters)-1].ID
	h.selectNote("CRM search never finds the customer")
	h.typeText("6")
	h.key("enter")
	if n := h.noteByText("CRM search never finds the customer"); n.Votes != 6 {
		t.Fatalf("note votes = %d", n.Votes)
	}
	h.selectTheme(0)
	h.typeText("2")
	h.key("enter")
	if got := b.sectionVotes(b.sectionOf(last)); got != 6 {
		t.Fatalf("theme tally = %d, want the note's 6", got)
	}
	h.key("s")
	if b.clusters[0].ID != last || b.clusters[1].Votes != 2 {
		t.Fatalf("s did not rank by votes: %+v", b.clusters)
	}
	checkStored(t, h)
	h.key("u")
	if b.clusters[0].ID == last {
		t.Fatal("undo of the sort kept the order")
	}
}

func TestCardTotalsAverageFewerThanFiveScoresTimesFive(t *testing.T) {
	for _, tc := range []struct {
		scores []int
		want   float64
		shown  string
	}{
		{[]int{5, 5, 5, 5, 5}, 25, "25"},
		{[]int{4, 5, 3, 5, 4}, 21, "21"},
		{[]int{4, 5, 3, 3}, 18.75, "18.8"},
		{[]int{5, 4, 4}, 21.666666666666664, "21.7"},
		{[]int{3}, 15, "15"},
	} {
		c := session.Card{Scores: tc.scores}
		if got := c.Total(); got != tc.want {
			t.Errorf("%v: total %v, want %v", tc.scores, got, tc.want)
		}
		if got := formatTotal(c.Total(), "en"); got != tc.shown {
			t.Errorf("%v: shown as %q, want %q", tc.scores, got, tc.shown)
		}
	}
	if got := formatTotal(18.75, "nl"); got != "18,8" {
		t.Errorf("Dutch total = %q", got)
	}
}

func TestCardLinesAreReadByCardNumber(t *testing.T) {
	str := func(s string) *string { return &s }
	for _, tc := range []struct {
		line string
		want cardEdit
		err  error
	}{
		{"12 Free lunch on Fridays | ask the director", cardEdit{number: 12, idea: str("Free lunch on Fridays"), firstStep: str("ask the director")}, nil},
		{"12 | ask HR", cardEdit{number: 12, firstStep: str("ask HR")}, nil},
		{"12: 4 5 3 5", cardEdit{number: 12, scores: []int{4, 5, 3, 5}, setScores: true}, nil},
		{"12 4 5 3 5 2", cardEdit{number: 12, scores: []int{4, 5, 3, 5, 2}, setScores: true}, nil},
		{"7:45353", cardEdit{number: 7, scores: []int{4, 5, 3, 5, 3}, setScores: true}, nil},
		{"7 4,5,3", cardEdit{number: 7, scores: []int{4, 5, 3}, setScores: true}, nil},
		{"7+ 4", cardEdit{number: 7, scores: []int{4}, addScores: true}, nil},
		{"7:", cardEdit{number: 7, setScores: true}, nil},
		{"3", cardEdit{number: 3}, nil},
		{"-3", cardEdit{number: 3, delete: true}, nil},
		{"12 4 new hires a week", cardEdit{number: 12, idea: str("4 new hires a week")}, nil},
		{"12: 4 6 3", cardEdit{}, errScoreRange},
		{"12: 0", cardEdit{}, errScoreRange},
		{"12: 4.5", cardEdit{}, errScoreRange},
		{"12: 4 5 3 5 2 1", cardEdit{}, errScoreCount},
		{"idea without a number", cardEdit{}, errCardNumber},
		{"0 nothing", cardEdit{}, errCardNumber},
	} {
		got, err := parseCardLine(tc.line)
		if tc.err != nil {
			if err != tc.err {
				t.Errorf("%q: error %v, want %v", tc.line, err, tc.err)
			}
			continue
		}
		if err != nil {
			t.Errorf("%q: %v", tc.line, err)
			continue
		}
		if fmt.Sprint(got.number, deref(got.idea), deref(got.firstStep), got.scores, got.setScores, got.addScores, got.delete) !=
			fmt.Sprint(tc.want.number, deref(tc.want.idea), deref(tc.want.firstStep), tc.want.scores, tc.want.setScores, tc.want.addScores, tc.want.delete) {
			t.Errorf("%q: got %+v", tc.line, got)
		}
	}
}

func deref(s *string) string {
	if s == nil {
		return "<nil>"
	}
	return *s
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
	if h.m.screen != screenBoard || h.board().mode != boardCards {
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
	if !strings.Contains(h.screen(), "at most five scores") || h.board().input.Value() != "12+ 4" {
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
	if h.board().input.Value() != "4: 1 1 1" || !strings.Contains(h.screen(), "Not saved: disk full") {
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
	var cards []session.Card
	for _, l := range twelveCards {
		e, err := parseCardLine(l)
		if err != nil {
			t.Fatal(err)
		}
		cards, _ = applyCardEdit(cards, e)
	}
	top, cut := countdownTop(cards)
	if cut != 18 || len(top) != 11 {
		t.Fatalf("top = %d cards, cut at %d; want 11 cards (two tied at 18) cut at 18", len(top), cut)
	}
	if top[7].Number != 9 || top[7].Total() != 18.75 {
		t.Fatalf("the averaged card is not eighth: %+v", top[7])
	}
	h := newCardsHarness(t, "en")
	for _, l := range twelveCards {
		h.cardLine(l)
	}
	h.key("tab")
	b := h.board()
	if b.mode != boardCountdown || !strings.Contains(h.screen(), "Who has 25?") {
		t.Fatalf("tab did not start the countdown:\n%s", h.screen())
	}
	var levels []int
	for range 20 {
		levels = append(levels, b.cards.level)
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
	if b.cards.level != 19 {
		t.Fatalf("left went to %d", b.cards.level)
	}
}

func TestWithoutCardsTheCountdownCallsEveryScoreAndRecordsReadOutCards(t *testing.T) {
	h := newCardsHarness(t, "en")
	h.key("tab")
	b := h.board()
	h.key("right")
	if b.cards.level != 24 {
		t.Fatalf("no-card countdown went to %d", b.cards.level)
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
	if b.cards.level != 23 {
		t.Fatalf("after a read-out card the countdown went to %d, want 23", b.cards.level)
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
