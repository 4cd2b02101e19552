package ui

import (
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"liberate/internal/i18n"
	"liberate/internal/session"
	"liberate/internal/timer"
	"liberate/internal/ui/run"
)

// fakePhones records what the interface tells the phone page.
type fakePhones struct {
	rooms   []run.PhoneRoom
	join    run.JoinInfo
	toggles int
	muted   map[string]bool
}

func (f *fakePhones) Next() []session.Note    { return nil }
func (f *fakePhones) SetRoom(r run.PhoneRoom) { f.rooms = append(f.rooms, r) }
func (f *fakePhones) Join() run.JoinInfo      { return f.join }
func (f *fakePhones) last() run.PhoneRoom     { return f.rooms[len(f.rooms)-1] }
func (f *fakePhones) Toggle() (run.JoinInfo, error) {
	f.toggles++
	if f.join.URL != "" {
		f.join = run.JoinInfo{}
	} else {
		f.join = run.JoinInfo{URL: "http://127.0.0.1:8025/K7M3QX", Code: "K7M3QX"}
	}
	return f.join, nil
}
func (f *fakePhones) ToggleMute(seat string) bool {
	f.muted[seat] = !f.muted[seat]
	return f.muted[seat]
}

func newPhoneHarness(t *testing.T) (*harness, *fakePhones) {
	t.Helper()
	clock := &timer.FakeClock{T: t0}
	st := newMemStore()
	sess := session.New(session.Options{ID: "20261122-0900-test", Title: "Irritation brainstorm", Lang: "en"}, testPlan(), t0)
	ph := &fakePhones{join: run.JoinInfo{URL: "http://127.0.0.1:8025/K7M3QX", Code: "K7M3QX"}, muted: map[string]bool{}}
	m := NewRun(Deps{Store: st, Clock: clock, Catalog: i18n.For("en"), Theme: ThemeDark, Ticker: func(time.Duration) tea.Cmd { return nil }, Phones: ph}, sess, nil, session.History{})
	h := &harness{t: t, m: m, clock: clock, st: st}
	h.run(m.Init())
	h.size(120, 34)
	return h, ph
}

func TestPhonesFollowWhatTheStepCaptures(t *testing.T) {
	h, ph := newPhoneHarness(t)
	if r := ph.last(); r.State.Capture != "" || !strings.Contains(r.State.Title, "Alone") {
		t.Fatalf("alone in silence: %+v", r.State)
	}
	for range 3 {
		h.key("pgdown")
	}
	r := ph.last()
	if r.State.Capture != session.KindFrustration || r.StepIndex != 3 || r.StepPath != "4" || r.State.Invitation != "What slows you down every day?" {
		t.Fatalf("whole group: %+v", r)
	}
	if want := h.m.run.Sess.Timer.Deadline; !r.State.Deadline.Equal(want) || want.IsZero() {
		t.Fatalf("deadline %v, want %v", r.State.Deadline, want)
	}
	h.key("space")
	if r := ph.last(); !r.State.Paused || !r.State.Deadline.IsZero() || r.State.Left <= 0 {
		t.Fatalf("paused: %+v", r.State)
	}
	h.key("b")
	if r := ph.last(); r.State.Capture != "" {
		t.Fatal("phones can send while the screen is blank")
	}
}

func TestPhoneNotesShowOnTheConsoleAndAreRevealedByTheFacilitator(t *testing.T) {
	h, ph := newPhoneHarness(t)
	for range 3 {
		h.key("pgdown")
	}
	n := session.Note{SessionID: "20261122-0900-test", Text: "Logging in takes forever", Kind: session.KindFrustration, StepIndex: 3, Phone: true, Seat: "seat-a"}
	if err := h.st.AddNote(&n); err != nil {
		t.Fatal(err)
	}
	undo := len(h.m.com.History.Undo)
	h.m.Update(run.PhoneNotesMsg{Notes: []session.Note{n}})
	scr := h.screen()
	for _, want := range []string{"☎", "Logging in takes forever", "1 note in", "K 7 M 3 Q X", "☎ 1 new from phones"} {
		if !strings.Contains(scr, want) {
			t.Fatalf("console lacks %q:\n%s", want, scr)
		}
	}
	if len(h.m.com.History.Undo) != undo {
		t.Fatal("a phone note went into the facilitator's undo history")
	}
	// Select it and show it to the room.
	h.key("c")
	h.key("up")
	if !strings.Contains(h.screen(), "v show the room") {
		t.Fatalf("no reveal key:\n%s", h.screen())
	}
	h.key("v")
	if got := h.st.notes[n.ID]; !got.Revealed {
		t.Fatalf("not revealed on disk: %+v", got)
	}
	if strings.Contains(h.screen(), "1 note in") || !strings.Contains(h.screen(), "☎✓") {
		t.Fatalf("after revealing:\n%s", h.screen())
	}
	h.key("u")
	if h.st.notes[n.ID].Revealed {
		t.Fatal("undo did not take the note back from the room")
	}
	// Mute its phone, and let it send again.
	h.key("up")
	h.key("x")
	if !ph.muted["seat-a"] || !strings.Contains(h.screen(), "can no longer send") {
		t.Fatalf("mute: %v\n%s", ph.muted, h.screen())
	}
	h.key("x")
	if ph.muted["seat-a"] {
		t.Fatal("x again did not unmute")
	}
}

func TestJClosesAndOpensJoining(t *testing.T) {
	h, ph := newPhoneHarness(t)
	h.key("pgdown")
	h.key("j")
	if ph.toggles != 1 || strings.Contains(h.screen(), "K 7 M 3 Q X") || !strings.Contains(h.screen(), "joining closed") {
		t.Fatalf("after j:\n%s", h.screen())
	}
	h.key("j")
	if ph.toggles != 2 || !strings.Contains(h.screen(), "K 7 M 3 Q X") {
		t.Fatalf("after j again:\n%s", h.screen())
	}
	h.key("?")
	if scr := h.screen(); !strings.Contains(scr, "open / close joining") || !strings.Contains(scr, "show the room") {
		t.Fatalf("the full help does not list the phone keys:\n%s", scr)
	}
}
