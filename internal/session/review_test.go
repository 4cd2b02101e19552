package session

import (
	"testing"
	"time"
)

func firstWorkshop() (*Session, []Note, []Cluster) {
	prev := New(Options{ID: "first", Title: "Irritatiebrainstorm"}, oneTwoFourAll(), t0)
	notes := []Note{
		{ID: 1, Text: "Inloggen duurt eindeloos", Kind: KindFrustration, ClusterID: "c1", Votes: 2, CreatedAt: t0},
		{ID: 2, Text: "Wachtwoord verloopt elke maand", Kind: KindFrustration, ClusterID: "c1", CreatedAt: t0.Add(time.Second)},
		{ID: 3, Text: "Printer loopt vast", Kind: KindFrustration, ClusterID: "c2", CreatedAt: t0.Add(2 * time.Second)},
		{ID: 5, Text: "leverancier bellen", Kind: KindAction, Owner: "Jan", Due: "2026-12-04", CreatedAt: t0.Add(4 * time.Second)},
		{ID: 4, Text: "FAQ schrijven", Kind: KindAction, CreatedAt: t0.Add(3 * time.Second)},
		{ID: 6, Text: "weggegooid", Kind: KindAction, Deleted: true, CreatedAt: t0.Add(5 * time.Second)},
		{ID: 7, Text: "Vergaderingen lopen uit", Kind: KindFrustration, ClusterID: "c3", CreatedAt: t0.Add(6 * time.Second)},
	}
	clusters := []Cluster{
		{ID: "c1", Label: "inloggen", Order: 0, Votes: 5},
		{ID: "c2", Label: "printer", Order: 1, Votes: 9},
		{ID: "c3", Label: "vergaderen", Order: 2},
		{ID: "c4", Label: "leeg", Order: 3, Votes: 20},
	}
	return prev, notes, clusters
}

func TestAFollowUpReviewsTheLiveActionsInCaptureOrderAndItsTopThemes(t *testing.T) {
	prev, notes, clusters := firstWorkshop()
	s := New(Options{ID: "second"}, oneTwoFourAll(), t0.AddDate(0, 0, 21))
	s.LinkFollowUp(prev, notes, clusters)
	if s.FollowUp != "first" || len(s.Review) != 2 {
		t.Fatalf("link %q, review %+v", s.FollowUp, s.Review)
	}
	if s.Review[0].Text != "FAQ schrijven" || s.Review[1].Owner != "Jan" || s.Review[1].Due != "2026-12-04" || s.Review[1].From != "first" {
		t.Fatalf("review items %+v", s.Review)
	}
	if len(s.Rescores) != 3 {
		t.Fatalf("the empty theme is no theme to score: %+v", s.Rescores)
	}
	if s.Rescores[0].Label != "printer" || s.Rescores[0].Before != 9 || s.Rescores[1].Label != "inloggen" || s.Rescores[1].Before != 7 || s.Rescores[2].Before != 0 {
		t.Fatalf("themes by votes (theme + notes): %+v", s.Rescores)
	}
}

func TestReviewStatesAndRescoresUndoAndRedo(t *testing.T) {
	prev, notes, clusters := firstWorkshop()
	s := New(Options{ID: "second"}, oneTwoFourAll(), t0)
	s.LinkFollowUp(prev, notes, clusters)
	now := t0.Add(time.Hour)
	op, ev, ok := s.SetReview(1, ReviewDone, now)
	if !ok || s.Review[1].State != ReviewDone || ev.Type != EventReviewed || ev.NoteID != 5 || ev.Before != "open" || ev.After != "done" {
		t.Fatalf("set review: %v %+v %+v", ok, s.Review[1], ev)
	}
	if _, _, ok := s.SetReview(1, ReviewDone, now); ok {
		t.Fatal("the same state twice is no change")
	}
	if _, _, ok := s.SetReview(7, ReviewDone, now); ok {
		t.Fatal("a review outside the list")
	}
	if _, _, ok := s.SetReview(0, ReviewState("finished"), now); ok {
		t.Fatal("an unknown state")
	}
	s.RevertReview(op, false, now)
	if s.Review[1].State != ReviewOpen {
		t.Fatalf("undo left %v", s.Review[1].State)
	}
	s.RevertReview(op, true, now)
	if s.Review[1].State != ReviewDone {
		t.Fatalf("redo left %v", s.Review[1].State)
	}

	op, ev, ok = s.SetRescore(0, 3, now)
	if !ok || !s.Rescores[0].Fell() || op.ScoreBefore != -1 || ev.After != "3" {
		t.Fatalf("rescore: %+v %+v", s.Rescores[0], op)
	}
	op2, _, _ := s.SetRescore(0, -4, now)
	if s.Rescores[0].After != 0 {
		t.Fatalf("a tally is never negative: %d", s.Rescores[0].After)
	}
	s.RevertReview(op2, false, now)
	if s.Rescores[0].After != 3 {
		t.Fatalf("undo to 3: %+v", s.Rescores[0])
	}
	s.RevertReview(op, false, now)
	if s.Rescores[0].Scored || s.Rescores[0].Fell() {
		t.Fatalf("undo of the first score leaves it unscored: %+v", s.Rescores[0])
	}
}

func TestUnsettledActionsAndScoredThemesFollowTheSeries(t *testing.T) {
	prev, notes, clusters := firstWorkshop()
	second := New(Options{ID: "second"}, oneTwoFourAll(), t0)
	second.LinkFollowUp(prev, notes, clusters)
	second.SetReview(0, ReviewStuck, t0)
	second.SetReview(1, ReviewDone, t0)
	second.SetRescore(0, 4, t0)
	secondNotes := []Note{{ID: 20, Text: "Koffie met IT", Kind: KindAction, Owner: "Ali", CreatedAt: t0}}

	third := New(Options{ID: "third"}, oneTwoFourAll(), t0)
	third.LinkFollowUp(second, secondNotes, nil)
	if len(third.Review) != 2 || third.Review[0].Text != "Koffie met IT" || third.Review[1].Text != "FAQ schrijven" || third.Review[1].State != ReviewOpen || third.Review[1].From != "first" {
		t.Fatalf("third reviews its own predecessor's action and the stuck one: %+v", third.Review)
	}
	if len(third.Rescores) != 3 || third.Rescores[0].Before != 4 || third.Rescores[0].Scored || third.Rescores[1].Before != 7 {
		t.Fatalf("themes carried with their last score as before: %+v", third.Rescores)
	}
}

func TestASpeedRunIsARehearsalAndPlanClockCountsFromTheStart(t *testing.T) {
	if !New(Options{Speed: 60}, oneTwoFourAll(), t0).Rehearsal {
		t.Fatal("--speed 60 is a rehearsal")
	}
	if New(Options{Speed: 1}, oneTwoFourAll(), t0).Rehearsal {
		t.Fatal("real time is no rehearsal")
	}
	start := time.Date(2026, 11, 22, 9, 30, 0, 0, time.UTC)
	s := New(Options{PlanStart: start}, oneTwoFourAll(), t0)
	for i, want := range []string{"09:30", "09:31", "09:33", "09:37", "09:42"} {
		got, ok := s.PlanClock(i)
		if !ok || got.Format("15:04") != want {
			t.Errorf("step %d at %s, want %s", i, got.Format("15:04"), want)
		}
	}
	if _, ok := New(Options{}, oneTwoFourAll(), t0).PlanClock(0); ok {
		t.Fatal("no clock without --start")
	}
}

func TestReviewStateNames(t *testing.T) {
	if ReviewOpen.String() != "open" || ReviewUnderWay.String() != "under_way" || !ReviewStuck.Carries() || ReviewDropped.Carries() {
		t.Fatal("names or carrying")
	}
}
