package ui

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/golden"

	"liberate/internal/i18n"
	"liberate/internal/session"
	"liberate/internal/structure"
	"liberate/internal/timer"
)

// followUpPlan is a short check-in, the review step and a what-next step.
func followUpPlan() []structure.PlannedStep {
	plan := testPlan()
	review := structure.PlannedStep{
		Structure: "review", StructureName: text("What became of our actions?", "Wat is er van onze acties geworden?"),
		StructureIndex: 1, StructureCount: 2, Path: "1", Number: 1, Total: 1,
		Label: structure.ReviewLabel, Prompt: structure.ReviewPrompt, Config: structure.ConfigWhole,
		Planned: 15 * time.Minute, Min: 15 * time.Minute, Max: 15 * time.Minute, Timed: true, Capture: structure.CaptureNone, Review: true,
		CycleStart: 4, CycleEnd: 4,
	}
	for i := range plan {
		plan[i].StructureCount = 2
	}
	return append(plan[:1], review)
}

// followUpSession is a follow-up of a workshop with two actions (one with
// an owner and a date) and two themes.
func followUpSession(lang string, plan []structure.PlannedStep) *session.Session {
	prev := &session.Session{ID: "first", Title: "Irritation brainstorm"}
	notes := []session.Note{
		{ID: 1, Text: "Call the supplier about the printer", Kind: session.KindAction, Owner: "Jan", Due: "2026-11-27", ClusterID: "c1", CreatedAt: t0},
		{ID: 2, Text: "Write an FAQ about logging in", Kind: session.KindAction, ClusterID: "c2", CreatedAt: t0.Add(time.Second)},
	}
	clusters := []session.Cluster{{ID: "c1", Label: "printer", Votes: 8}, {ID: "c2", Label: "logging in", Votes: 5, Order: 1}}
	s := session.New(session.Options{ID: "20261213-0900-fu", Title: "Follow-up: printer and logins", Lang: lang,
		Invitation: "What has changed in your work since last time?"}, plan, t0)
	s.LinkFollowUp(prev, notes, clusters)
	return s
}

func newFollowUpHarness(t *testing.T, lang string, titleScreen bool) *harness {
	t.Helper()
	clock := &timer.FakeClock{T: t0}
	st := newMemStore()
	sess := followUpSession(lang, followUpPlan())
	m := NewRun(Deps{Store: st, Clock: clock, Catalog: i18n.For(lang), Theme: ThemeMono, TitleScreen: titleScreen,
		Ticker: func(time.Duration) tea.Cmd { return nil }}, sess, nil, session.History{})
	h := &harness{t: t, m: m, clock: clock, st: st}
	h.run(m.Init())
	h.size(100, 30)
	return h
}

func TestTheTitleScreenWaitsForTheClickerAndShowsTheTitleAndInvitation(t *testing.T) {
	h := newFollowUpHarness(t, "en", true)
	h.advance(10 * time.Minute)
	if h.session().Started() {
		t.Fatal("the session started before the clicker")
	}
	scr := h.screen()
	for _, want := range []string{"Follow-up: printer and logins", "“What slows you down every day?”", "First: 1-2-4-All · 1 min", "→/PgDn starts the first step"} {
		if !strings.Contains(scr, want) {
			t.Errorf("title screen lacks %q:\n%s", want, scr)
		}
	}
	if strings.Contains(scr, "space pause") {
		t.Error("the help line offers keys that do nothing before the start")
	}
	snap := h.m.run.Snapshot().ForRoom()
	if snap.Opening == nil || snap.Opening.Title != "Follow-up: printer and logins" || snap.Console.TitleHint != "" {
		t.Fatalf("the room's snapshot: %+v", snap.Opening)
	}
	h.key("pgdown")
	if !h.session().Started() || h.session().Remaining(h.clock.Now()) != time.Minute || len(h.m.com.History.Undo) != 0 {
		t.Fatalf("the clicker did not start the first step cleanly: started %v, %v left, undo %d", h.session().Started(), h.session().Remaining(h.clock.Now()), len(h.m.com.History.Undo))
	}
	if h.m.run.Snapshot().Opening != nil {
		t.Fatal("the title stays after the start")
	}
}

func TestTheReviewStepWalksActionsByClickerAndRescoresThemes(t *testing.T) {
	h := newFollowUpHarness(t, "en", false)
	h.key("pgdown") // onto the review step
	s := h.session()
	if !s.Current().Review || s.ReviewPos != 0 {
		t.Fatalf("not on the review: %+v", s.Current())
	}
	if rv := h.m.run.Snapshot().ForRoom().Review; rv == nil || rv.Heading != "ACTION 1/2" || rv.Detail != "Jan · Fri 27 Nov" {
		t.Fatalf("room sees %+v", rv)
	}
	h.key("1")
	h.key("pgdown")
	h.key("3")
	h.key("2") // changed its mind: under way
	if s.Review[0].State != session.ReviewDone || s.Review[1].State != session.ReviewUnderWay {
		t.Fatalf("states %+v", s.Review)
	}
	h.key("pgdown")
	if rv := h.m.run.Snapshot().Review; rv == nil || rv.Heading != "THEME 1/2" || rv.Text != "printer" || rv.Detail != "then 8 · now ?" {
		t.Fatalf("theme on screen %+v", rv)
	}
	h.typeText("3")
	if rv := h.m.run.Snapshot().Review; rv.Detail != "then 8 · now 3…" {
		t.Fatalf("the tally being typed: %q", rv.Detail)
	}
	h.key("enter")
	if !s.Rescores[0].Scored || s.Rescores[0].After != 3 {
		t.Fatalf("rescore %+v", s.Rescores[0])
	}
	h.key("pgdown")
	h.key("+") // from its 5 votes to 6
	if s.Rescores[1].After != 6 || s.Current().Review == false {
		t.Fatalf("+ on a theme: %+v", s.Rescores[1])
	}
	// Undo walks back: the +, the 3, the under way.
	h.key("u")
	h.key("u")
	if s.Rescores[1].Scored || s.Rescores[0].Scored || s.ReviewPos != 2 {
		t.Fatalf("after two undos %+v pos %d", s.Rescores, s.ReviewPos)
	}
	h.key("ctrl+y")
	if s.Rescores[0].After != 3 {
		t.Fatal("redo")
	}
	// What is saved is what the screen shows, including where the walk is.
	saved := h.st.sessions[s.ID]
	if saved == nil || saved.Review[1].State != session.ReviewUnderWay || saved.Rescores[0].After != 3 || saved.ReviewPos != s.ReviewPos {
		t.Fatalf("saved %+v", saved)
	}
	reviewed := 0
	for _, e := range h.st.events {
		if e.Type == session.EventReviewed {
			reviewed++
		}
	}
	if reviewed != 3 {
		t.Fatalf("%d review events, want 3", reviewed)
	}
	// Past the last theme the clicker goes on to the next step.
	h.key("pgdown")
	h.key("pgdown")
	if !s.Finished {
		t.Fatalf("the clicker did not leave the review: pos %d, step %d", s.ReviewPos, s.Pos)
	}
}

func TestAReviewResumesWhereItStood(t *testing.T) {
	h := newFollowUpHarness(t, "nl", false)
	h.key("pgdown")
	h.key("4")
	h.key("pgdown")
	saved := cloneSession(h.st.sessions[h.session().ID])
	var hist session.History
	_ = json.Unmarshal(h.st.undo, &hist)

	clock := &timer.FakeClock{T: h.clock.Now().Add(time.Hour)}
	m := NewRun(Deps{Store: newMemStore(), Clock: clock, Catalog: i18n.For("nl"), Theme: ThemeMono, TitleScreen: true,
		Ticker: func(time.Duration) tea.Cmd { return nil }}, saved, nil, hist)
	h2 := &harness{t: t, m: m, clock: clock, st: newMemStore()}
	h2.run(m.Init())
	h2.size(100, 30)
	rv := h2.m.run.Snapshot().Review
	if rv == nil || rv.Heading != "ACTIE 2/2" || h2.session().Review[0].State != session.ReviewDropped {
		t.Fatalf("resumed review %+v", rv)
	}
	h2.key("u")
	if h2.session().Review[0].State != session.ReviewOpen {
		t.Fatal("undo after a resume")
	}
}

func TestAnActionTypedWithOwnerAndDateIsSaidBackAndSavedInItsFields(t *testing.T) {
	h := newHarness(t, "nl", testPlan())
	h.key("c")
	for h.m.run.Kind != session.KindAction {
		h.key("tab")
	}
	h.typeText("Jan: leverancier bellen @vr")
	if scr := h.screen(); !strings.Contains(scr, "→ wie: Jan · wanneer: vr 27 nov (over 5 dagen) · wat: leverancier bellen") {
		t.Fatalf("no say-back:\n%s", scr)
	}
	h.key("enter")
	var n session.Note
	for _, x := range h.st.notes {
		n = x
	}
	if n.Text != "leverancier bellen" || n.Owner != "Jan" || n.Due != "2026-11-27" {
		t.Fatalf("saved %+v", n)
	}
	if !strings.Contains(h.screen(), "actie       leverancier bellen · Jan · vr 27 nov") {
		t.Fatalf("the recent notes do not show the owner and date:\n%s", h.screen())
	}
	// Editing shows the line as it reads back, and a new owner is undoable.
	h.key("up")
	h.key("enter")
	if v := h.m.run.Input.Value(); v != "Jan: leverancier bellen @2026-11-27" {
		t.Fatalf("edit line %q", v)
	}
	h.m.run.Input.SetValue("Piet: leverancier bellen @2026-11-27")
	h.key("enter")
	if got := h.st.notes[n.ID]; got.Owner != "Piet" || got.Text != "leverancier bellen" {
		t.Fatalf("edited %+v", got)
	}
	h.key("esc")
	h.key("u")
	if got := h.st.notes[n.ID]; got.Owner != "Jan" {
		t.Fatalf("undo of the owner: %+v", got)
	}
	// A frustration is never split at its colon.
	h.key("c")
	for h.m.run.Kind != session.KindFrustration {
		h.key("tab")
	}
	h.typeText("Printer: loopt vast @vr")
	if strings.Contains(h.screen(), "→ wie:") {
		t.Fatal("a frustration was said back as an action")
	}
}

func TestFollowUpGolden(t *testing.T) {
	for _, lang := range []string{"en", "nl"} {
		for _, sz := range [][2]int{{80, 24}, {200, 60}} {
			name := fmt.Sprintf("%s_%dx%d", lang, sz[0], sz[1])
			t.Run(name+"_title", func(t *testing.T) {
				h := newFollowUpHarness(t, lang, true)
				h.size(sz[0], sz[1])
				golden.RequireEqual(t, []byte(h.screen()))
			})
			t.Run(name+"_review_action", func(t *testing.T) {
				h := newFollowUpHarness(t, lang, true)
				h.size(sz[0], sz[1])
				h.key("pgdown")
				h.key("pgdown")
				h.key("1")
				h.advance(90 * time.Second)
				golden.RequireEqual(t, []byte(h.screen()))
			})
			t.Run(name+"_review_theme", func(t *testing.T) {
				h := newFollowUpHarness(t, lang, true)
				h.size(sz[0], sz[1])
				h.key("pgdown")
				h.key("pgdown")
				h.key("pgdown")
				h.key("pgdown")
				h.typeText("3")
				h.key("enter")
				h.advance(4 * time.Minute)
				golden.RequireEqual(t, []byte(h.screen()))
			})
		}
	}
}

func TestTheAgendaShowsPlannedClockTimesAfterStart(t *testing.T) {
	clock := &timer.FakeClock{T: t0}
	sess := session.New(session.Options{ID: "x", Title: "Ochtend", Lang: "en", PlanStart: time.Date(2026, 11, 22, 9, 30, 0, 0, time.UTC)}, testPlan(), t0)
	m := NewRun(Deps{Store: newMemStore(), Clock: clock, Catalog: i18n.For("en"), Theme: ThemeMono, Ticker: func(time.Duration) tea.Cmd { return nil }}, sess, nil, session.History{})
	h := &harness{t: t, m: m, clock: clock, st: newMemStore()}
	h.run(m.Init())
	h.size(100, 30)
	h.key("a")
	scr := h.screen()
	for _, want := range []string{"09:30 Alone, in silence", "09:31 Pairs", "09:33 Fours", "09:37 Whole group"} {
		if !strings.Contains(scr, want) {
			t.Errorf("agenda lacks %q:\n%s", want, scr)
		}
	}
}

func TestTheBoardGivesANoteAnOwnerAndADateLater(t *testing.T) {
	h := newHarness(t, "en", testPlan())
	h.key("c")
	h.typeText("Ask IT for longer sessions")
	h.key("enter")
	h.key("esc")
	h.key("h")
	h.key("down") // onto the note
	h.key("o")
	for range "Ask IT for longer sessions" {
		h.key("backspace")
	}
	h.typeText("Sam: ask IT for longer sessions @next week")
	h.key("enter")
	var n session.Note
	for _, x := range h.st.notes {
		n = x
	}
	if n.Kind != session.KindAction || n.Owner != "Sam" || n.Due != "2026-11-23" || n.Text != "ask IT for longer sessions" {
		t.Fatalf("note after o: %+v", n)
	}
	if !strings.Contains(h.screen(), "ask IT for longer sessions · Sam · Mon 23 Nov") {
		t.Fatalf("the board does not show the owner:\n%s", h.screen())
	}
	h.key("u")
	if got := h.st.notes[n.ID]; got.Owner != "" || got.Kind != session.KindNote {
		t.Fatalf("undo of the owner: %+v", got)
	}
}
