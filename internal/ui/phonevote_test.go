package ui

import (
	"errors"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"liberate/internal/i18n"
	"liberate/internal/phone"
	"liberate/internal/session"
	"liberate/internal/timer"
	"liberate/internal/ui/board"
	"liberate/internal/ui/run"
)

// fakeInputPhones is a phone page that also takes dots and 25/10 cards;
// the test hands its input to the model itself.
type fakeInputPhones struct {
	fakePhones
	progress phone.Progress
}

func (f *fakeInputPhones) NextInput() (run.PhoneInputMsg, bool) { return run.PhoneInputMsg{}, false }
func (f *fakeInputPhones) Progress() phone.Progress             { return f.progress }

func newPhoneBoardHarness(t *testing.T) (*harness, *fakeInputPhones) {
	t.Helper()
	clock := &timer.FakeClock{T: t0}
	st := newMemStore()
	sess := session.New(session.Options{ID: "20261122-0900-test", Title: "Irritation brainstorm", Lang: "en"}, testPlan(), t0)
	ph := &fakeInputPhones{fakePhones: fakePhones{join: run.JoinInfo{URL: "http://127.0.0.1:8025/K7M3QX", Code: "K7M3QX"}, muted: map[string]bool{}}}
	m := NewRun(Deps{Store: st, Clock: clock, Catalog: i18n.For("en"), Theme: ThemeDark, Ticker: func(time.Duration) tea.Cmd { return nil }, Phones: ph}, sess, nil, session.History{})
	h := &harness{t: t, m: m, clock: clock, st: st}
	h.run(m.Init())
	h.size(140, 40)
	for range 3 {
		h.key("pgdown")
	}
	h.key("c")
	for _, n := range irritations {
		h.typeText(n)
		h.key("enter")
	}
	h.key("esc")
	h.key("h")
	if h.m.screen != screenBoard || len(h.board().Clusters) < 2 {
		t.Fatalf("no board with themes")
	}
	return h, ph
}

// send feeds a message and runs what it returns.
func (h *harness) send(msg tea.Msg) {
	_, cmd := h.m.Update(msg)
	h.run(cmd)
}

func TestVOpensPhoneVotingAndPhoneDotsAddToTheTypedTally(t *testing.T) {
	h, ph := newPhoneBoardHarness(t)
	b := h.board()
	if ph.last().State.Voting.Open {
		t.Fatal("voting is open before v")
	}
	h.key("v")
	v := ph.last().State.Voting
	if !v.Open || v.Dots != board.DefaultPhoneDots || len(v.Themes) != len(b.Clusters) || v.Themes[0].ID != b.Clusters[0].ID {
		t.Fatalf("after v the phones see %+v", v)
	}
	if s := h.m.RoomSnapshot(); !strings.Contains(s.Phones, "Voting is open: 3 dots") {
		t.Fatalf("the room is not told: %q", s.Phones)
	}
	h.key(">")
	h.key(">")
	h.key("<")
	if d := ph.last().State.Voting.Dots; d != 4 {
		t.Fatalf("> > < gave %d dots", d)
	}
	if !strings.Contains(h.screen(), "4 dots per phone") {
		t.Fatalf("the dots are not shown:\n%s", h.screen())
	}
	// A typed tally, then dots from two phones.
	h.selectTheme(0)
	h.typeText("2")
	h.key("enter")
	id0, id1 := b.Clusters[0].ID, b.Clusters[1].ID
	var answers []error
	done := func(err error) { answers = append(answers, err) }
	h.send(run.PhoneInputMsg{Votes: []run.PhoneVote{
		{Delta: map[string]int{id0: 3, id1: 1}, Done: done},
		{Delta: map[string]int{id1: 2}, Done: done},
	}})
	if len(answers) != 2 || answers[0] != nil || answers[1] != nil {
		t.Fatalf("phones were answered %v", answers)
	}
	if b.Clusters[0].Votes != 5 || b.Clusters[1].Votes != 3 {
		t.Fatalf("votes %d and %d, want 5 and 3", b.Clusters[0].Votes, b.Clusters[1].Votes)
	}
	checkStored(t, h)
	if op := h.m.com.History.Undo[len(h.m.com.History.Undo)-1]; op.Type != session.OpVote {
		t.Fatalf("phone dots recorded as %q", op.Type)
	}
	// A phone changes its mind: one dot moves.
	h.send(run.PhoneInputMsg{Votes: []run.PhoneVote{{Delta: map[string]int{id0: -1, id1: 1}, Done: done}}})
	if b.Clusters[0].Votes != 4 || b.Clusters[1].Votes != 4 {
		t.Fatalf("after the change %d and %d", b.Clusters[0].Votes, b.Clusters[1].Votes)
	}
	// Undo takes the phone's change back like any board change.
	h.key("u")
	if b.Clusters[0].Votes != 5 || b.Clusters[1].Votes != 3 {
		t.Fatalf("undo gave %d and %d", b.Clusters[0].Votes, b.Clusters[1].Votes)
	}
	checkStored(t, h)
	// A failed write tells the phone so.
	h.st.fail = errors.New("disk full")
	answers = nil
	h.send(run.PhoneInputMsg{Votes: []run.PhoneVote{{Delta: map[string]int{id0: 1}, Done: done}}})
	if len(answers) != 1 || answers[0] == nil || b.Clusters[0].Votes != 5 {
		t.Fatalf("a failed save answered %v, votes %d", answers, b.Clusters[0].Votes)
	}
	h.st.fail = nil
	h.key("v")
	if ph.last().State.Voting.Open || h.m.RoomSnapshot().Phones != "" {
		t.Fatal("v did not close voting")
	}
	h.key("?")
	if scr := h.screen(); !strings.Contains(scr, "open / close voting") || !strings.Contains(scr, "dots per phone") {
		t.Fatalf("the full help lacks the phone keys:\n%s", scr)
	}
}

func TestCtrlPRuns2510OnThePhonesAndTheirCardsAndScoresAreSaved(t *testing.T) {
	h, ph := newPhoneBoardHarness(t)
	h.key("c")
	if h.board().Mode != board.ModeCards {
		t.Fatal("c did not open the cards")
	}
	h.key("ctrl+p")
	if c := ph.last().State.Crowd; c.Phase != phone.CrowdWriting {
		t.Fatalf("phones see %+v", c)
	}
	var ids []uint64
	idea := func(text string) run.PhoneIdea {
		return run.PhoneIdea{Text: text, Done: func(id uint64, err error) {
			if err != nil {
				t.Fatal(err)
			}
			ids = append(ids, id)
		}}
	}
	h.cardLine("3 Typed first | by hand")
	h.send(run.PhoneInputMsg{Ideas: []run.PhoneIdea{idea("Walking meetings" + phone.IdeaStepSep + "try it on Monday"), idea("A tool library")}})
	cards := h.session().Cards
	if len(ids) != 2 || len(cards) != 3 || cards[1].Number != 4 || cards[1].Idea != "Walking meetings" || cards[1].FirstStep != "try it on Monday" || ids[0] != cards[1].ID {
		t.Fatalf("cards %+v, ids %v", cards, ids)
	}
	h.key("ctrl+p")
	if ph.last().State.Crowd.Phase != phone.CrowdScoring {
		t.Fatal("ctrl+p did not start scoring")
	}
	var errs []error
	score := func(id uint64, s int) run.PhoneScore {
		return run.PhoneScore{CardID: id, Score: s, Done: func(err error) { errs = append(errs, err) }}
	}
	ph.progress = phone.Progress{Ideas: 2, Scored: 1, Total: 2}
	h.send(run.PhoneInputMsg{Scores: []run.PhoneScore{score(ids[0], 4), score(ids[1], 5), score(999, 3)}})
	failed := 0
	for _, e := range errs {
		if e != nil {
			failed++
		}
	}
	if len(errs) != 3 || failed != 1 {
		t.Fatalf("answers %v", errs)
	}
	if c := h.session().Cards; len(c[1].Scores) != 1 || c[1].Scores[0] != 4 || c[2].Scores[0] != 5 {
		t.Fatalf("scores %+v", c)
	}
	if got := h.st.sessions[h.session().ID].Cards; len(got) != 3 || len(got[2].Scores) != 1 {
		t.Fatalf("cards on disk %+v", got)
	}
	if !strings.Contains(h.screen(), "1/2 scores in") {
		t.Fatalf("the progress is not shown:\n%s", h.screen())
	}
	ph.progress.Scored = 2
	ph.progress.Done = true
	h.advance(time.Second)
	if s := h.m.RoomSnapshot(); s.Phones != "25/10: every score is in" {
		t.Fatalf("the room is told %q", s.Phones)
	}
	h.key("ctrl+p")
	if ph.last().State.Crowd.Phase != phone.CrowdOff || len(h.session().Cards) != 3 {
		t.Fatal("closing 25/10 on the phones lost cards")
	}
}
