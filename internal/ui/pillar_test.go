package ui

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"liberate/internal/cluster"
	"liberate/internal/session"
	"liberate/internal/store"
	"liberate/internal/timer"
)

func storedPillar(t *testing.T, st *store.Store, sid, id string) (cluster.Pillar, bool) {
	t.Helper()
	cs, err := st.Clusters(sid)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cs {
		if c.ID == id {
			return c.Pillar, c.PillarSet
		}
	}
	t.Fatalf("theme %s is not in the file", id)
	return cluster.PillarNone, false
}

// TestPillarKeyCyclesSavesUndoesAndSurvivesARestart changes a theme's
// pillar with P over a real bbolt file, undoes it, redoes it, reopens the
// file and re-clusters: the facilitator's pillar stays.
func TestPillarKeyCyclesSavesUndoesAndSurvivesARestart(t *testing.T) {
	path := filepath.Join(t.TempDir(), "pillar.db")
	st, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	clock := &timer.FakeClock{T: t0}
	sess := session.New(session.Options{ID: "20261122-0900-pillar", Title: "pillar", Lang: "en"}, testPlan(), t0)
	if err := st.SaveSession(sess); err != nil {
		t.Fatal(err)
	}
	h := openRun(t, st, clock, sess, nil, session.History{})
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
	b := h.board()
	sec := b.SectionOf(h.noteByText("The printer jams every morning").ClusterID)
	id := b.Clusters[sec].ID
	if b.Clusters[sec].Pillar != cluster.PillarTechnology {
		t.Fatalf("the printer theme is suggested as %v, want technology", b.Clusters[sec].Pillar)
	}
	if p, _ := storedPillar(t, st, sess.ID, id); p != cluster.PillarTechnology {
		t.Fatalf("the suggested pillar is not in the file: %v", p)
	}
	h.selectTheme(sec)
	h.key("P")
	if b.Clusters[sec].Pillar != cluster.PillarPeople {
		t.Fatalf("P gave %v, want people (after technology)", b.Clusters[sec].Pillar)
	}
	if !strings.Contains(h.screen(), "people") {
		t.Fatalf("the board does not show the new pillar:\n%s", h.screen())
	}
	if p, set := storedPillar(t, st, sess.ID, id); p != cluster.PillarPeople || !set {
		t.Fatalf("stored pillar %v (set %v), want people set by hand", p, set)
	}
	h.key("u")
	if p, _ := storedPillar(t, st, sess.ID, id); p != cluster.PillarTechnology || b.Clusters[b.SectionOf(id)].Pillar != cluster.PillarTechnology {
		t.Fatalf("undo left pillar %v in the file", p)
	}
	h.key("ctrl+y")
	h.key("P") // people → process
	h.key("esc")
	h.key("q")

	st, h = reopen(t, st, path, sess.ID, clock)
	h.key("h")
	b = h.board()
	if c := b.Clusters[b.SectionOf(id)]; c.Pillar != cluster.PillarProcess || !c.PillarSet {
		t.Fatalf("after a restart the theme has pillar %v (set %v), want process", c.Pillar, c.PillarSet)
	}
	h.key("g") // re-cluster: the hand-set pillar stays
	h.advance(time.Second)
	if c := b.Clusters[b.SectionOf(id)]; c.Pillar != cluster.PillarProcess {
		t.Fatalf("re-clustering changed the facilitator's pillar to %v", c.Pillar)
	}
	// P on a note asks for a theme and changes nothing.
	h.selectNote("The printer jams every morning")
	undo := len(h.m.com.History.Undo)
	h.key("P")
	if len(h.m.com.History.Undo) != undo {
		t.Fatal("P on a note made a change")
	}
}

func TestBoardSaysWhyAThemeAndANoteHold(t *testing.T) {
	h := newBoardHarness(t, "nl", irritations)
	h.size(100, 30)
	h.advance(10 * time.Second) // the "saved" notice has gone
	b := h.board()
	sec := b.SectionOf(h.noteByText("Wachtwoord verloopt elke maand opnieuw").ClusterID)
	h.selectTheme(sec)
	if s := h.screen(); !strings.Contains(s, "techniek · gedeeld: ") {
		t.Fatalf("no why line for the theme:\n%s", s)
	}
	h.selectNote("Wachtwoord verloopt elke maand opnieuw")
	if s := h.screen(); !strings.Contains(s, "techniek · hier om: wachtwoord") {
		t.Fatalf("no why line for the note:\n%s", s)
	}
}
