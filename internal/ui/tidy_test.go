package ui

import (
	"strings"
	"testing"
)

// tidyHome is a home source that can rename, mark and delete, keeping a
// deleted session until it is restored.
type tidyHome struct {
	*fakeHome
	deleted map[string]SessionInfo
}

func (f *tidyHome) find(id string) int {
	for i, s := range f.list {
		if s.ID == id {
			return i
		}
	}
	return -1
}

func (f *tidyHome) Rename(id, title string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.list[f.find(id)].Title = title
	return nil
}

func (f *tidyHome) SetRehearsal(id string, on bool) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.list[f.find(id)].Rehearsal = on
	return nil
}

func (f *tidyHome) Delete(id string) (string, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	i := f.find(id)
	f.deleted[id] = f.list[i]
	f.list = append(f.list[:i], f.list[i+1:]...)
	return "/tmp/liberate.db.bak-delete-" + id, nil
}

func (f *tidyHome) Restore(id string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.list = append(f.list, f.deleted[id])
	delete(f.deleted, id)
	return nil
}

func TestTheSessionsTabRenamesMarksAndDeletesWithAConfirmationAndUndo(t *testing.T) {
	src := &tidyHome{fakeHome: twoSessions(t, testLibrary(t)), deleted: map[string]SessionInfo{}}
	h := newHomeHarnessWith(t, "nl", src)
	h.size(140, 30)
	h.key("tab")
	first := h.m.home.Sessions[0]
	if first.ID != "20261122-0830-irritation" {
		t.Fatalf("first session %s", first.ID)
	}
	if scr := h.screen(); !strings.Contains(scr, "r hernoemen") || !strings.Contains(scr, "d verwijderen") {
		t.Fatalf("help line lacks the tidy keys:\n%s", scr)
	}

	h.key("r")
	for _, k := range []string{"backspace", "backspace", "backspace"} {
		h.key(k)
	}
	h.typeText("(ochtend)")
	if !strings.Contains(h.screen(), "[hernoemen] ›") {
		t.Fatalf("no rename line:\n%s", h.screen())
	}
	h.key("enter")
	if got := h.m.home.Sessions[0].Title; got != "Irritation brainstorm · new (ochtend)" {
		t.Fatalf("renamed to %q", got)
	}

	h.key("t")
	if !h.m.home.Sessions[0].Rehearsal || !strings.Contains(h.screen(), "· repetitie") {
		t.Fatalf("not marked as a rehearsal:\n%s", h.screen())
	}

	// Delete asks first; any other key keeps the session.
	h.key("d")
	if !strings.Contains(h.screen(), "verwijderen? Eerst wordt een reservekopie gemaakt") {
		t.Fatalf("no confirmation:\n%s", h.screen())
	}
	h.key("x")
	if len(h.m.home.Sessions) != 2 {
		t.Fatal("deleted without a yes")
	}
	h.key("d")
	h.key("j")
	if len(h.m.home.Sessions) != 1 || !strings.Contains(h.screen(), "u haalt hem terug") {
		t.Fatalf("after j: %d sessions\n%s", len(h.m.home.Sessions), h.screen())
	}
	h.key("u")
	if len(h.m.home.Sessions) != 2 || !strings.Contains(h.screen(), "is terug") {
		t.Fatalf("undo of the delete: %d sessions\n%s", len(h.m.home.Sessions), h.screen())
	}
	if strings.Contains(h.screen(), "u verwijderen ongedaan") {
		t.Fatal("undo still offered with nothing to undo")
	}
}
