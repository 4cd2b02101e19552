package ui

import (
	"encoding/json"
	"path/filepath"
	"slices"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"liberate/internal/i18n"
	"liberate/internal/session"
	"liberate/internal/store"
	"liberate/internal/timer"
)

// openRun builds the run screen over the real store, as `liberate run`
// and `liberate resume` do, driven synchronously by the harness.
func openRun(t *testing.T, st *store.Store, clock *timer.FakeClock, sess *session.Session, notes []session.Note, hist session.History) *harness {
	t.Helper()
	m := NewRun(Deps{Store: st, Clock: clock, Catalog: i18n.For("en"), Theme: ThemeMono, Ticker: func(time.Duration) tea.Cmd { return nil }}, sess, notes, hist)
	h := &harness{t: t, m: m, clock: clock}
	h.run(m.Init())
	h.size(100, 30)
	return h
}

// reopen closes the file and loads the session back as resume does.
func reopen(t *testing.T, st *store.Store, path, id string, clock *timer.FakeClock) (*store.Store, *harness) {
	t.Helper()
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	st, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	sess, err := st.Session(id)
	if err != nil {
		t.Fatal(err)
	}
	notes, err := st.Notes(id)
	if err != nil {
		t.Fatal(err)
	}
	var hist session.History
	if b, err := st.Undo(id); err != nil {
		t.Fatal(err)
	} else if len(b) > 0 {
		if err := json.Unmarshal(b, &hist); err != nil {
			t.Fatal(err)
		}
	}
	return st, openRun(t, st, clock, sess, notes, hist)
}

func storedLabels(t *testing.T, st *store.Store, id string) []string {
	t.Helper()
	cs, err := st.Clusters(id)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, c := range cs {
		out = append(out, c.Label)
	}
	return out
}

// TestResumeRestoresTheWholeSessionAndItsUndoHistory runs a session over a
// real bbolt file (steps moved, a minute added, notes captured, a theme
// renamed on the board), quits, reopens the file as `liberate resume`
// does, and checks that the step, the time left, the notes, the themes and
// the undo history all came back, and that undo still works across the
// restart and is saved.
func TestResumeRestoresTheWholeSessionAndItsUndoHistory(t *testing.T) {
	path := filepath.Join(t.TempDir(), "resume.db")
	st, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	clock := &timer.FakeClock{T: t0}
	sess := session.New(session.Options{ID: "20261122-0900-resume", Title: "resume", Lang: "en"}, testPlan(), t0)
	if err := st.SaveSession(sess); err != nil {
		t.Fatal(err)
	}
	h := openRun(t, st, clock, sess, nil, session.History{})
	for range 3 {
		h.key("pgdown")
	}
	h.key("+")
	h.key("c")
	for _, n := range irritations[:8] {
		h.typeText(n)
		h.key("enter")
	}
	h.key("esc")
	h.key("h")
	h.selectTheme(0)
	h.renameTheme("Printing")
	h.key("esc")
	h.advance(90 * time.Second)
	left := h.session().Remaining(clock.Now())
	undo := len(h.m.com.History.Undo)
	h.key("q")

	// The laptop is closed for ten minutes; the deadline is wall-clock.
	clock.Advance(10 * time.Minute)
	st, h = reopen(t, st, path, sess.ID, clock)
	s := h.session()
	if s.Pos != 3 || len(h.m.run.LiveNotes()) != 8 {
		t.Fatalf("resumed at step %d with %d notes, want step 3 with 8", s.Pos, len(h.m.run.LiveNotes()))
	}
	if got, want := s.Remaining(clock.Now()), left-10*time.Minute; got != want {
		t.Fatalf("resumed with %v left, want %v", got, want)
	}
	if !slices.Contains(storedLabels(t, st, sess.ID), "Printing") {
		t.Fatalf("the renamed theme is not in the file: %v", storedLabels(t, st, sess.ID))
	}
	if len(h.m.com.History.Undo) != undo || h.m.com.History.Undo[undo-1].Type != session.OpClusters {
		t.Fatalf("undo history after resume: %d entries (want %d), last %+v", len(h.m.com.History.Undo), undo, h.m.com.History.Undo[len(h.m.com.History.Undo)-1])
	}

	// Undo across the restart takes back the rename, on screen and on disk.
	h.key("h")
	h.key("u")
	if slices.Contains(storedLabels(t, st, sess.ID), "Printing") {
		t.Fatalf("undo after resume did not reach the file: %v", storedLabels(t, st, sess.ID))
	}
	for _, c := range h.board().Clusters {
		if c.Label == "Printing" {
			t.Fatal("undo after resume left the rename on the board")
		}
	}
	// Redo puts it back; a second restart keeps the redo too.
	h.key("esc")
	h.key("q")
	st, h = reopen(t, st, path, sess.ID, clock)
	h.key("ctrl+y")
	if !slices.Contains(storedLabels(t, st, sess.ID), "Printing") {
		t.Fatalf("redo after a second restart did not bring the name back: %v", storedLabels(t, st, sess.ID))
	}
}
