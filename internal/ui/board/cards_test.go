package board

import (
	"fmt"
	"testing"

	"liberate/internal/session"
)

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

// twelveCards has two cards tied at the tenth place (18) and one averaged.
var twelveCards = []string{
	"1: 5 5 5 5 5", "2: 5 5 5 5 4", "3: 5 5 5 4 4", "4: 5 5 4 4 4", "5: 5 4 4 4 4",
	"6: 4 4 4 4 4", "7: 4 4 4 4 3", "8: 4 4 4 3 3", "9: 4 5 3 3", "10: 4 4 3 3 4",
	"11: 3 3 4 4 4", "12: 2 2 2 2 2",
}

func TestTheCountdownTopStopsAtTenCardsWithEveryTieAtTheCutOff(t *testing.T) {
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
}
