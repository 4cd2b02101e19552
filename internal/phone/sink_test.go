package phone

import (
	"context"
	"fmt"
	"path/filepath"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"

	"liberate/internal/session"
)

func TestStoreNotesSavesAPhoneNoteUnrevealedWithItsEvent(t *testing.T) {
	st, sid := newSession(t, filepath.Join(t.TempDir(), "notes.db"))
	defer st.Close()
	var commits atomic.Int32
	st.InjectFault(func(op string) error { commits.Add(1); return nil })
	var added []session.Note
	sink := &StoreNotes{Store: st, SessionID: sid,
		Stamp: func(n *session.Note) { n.StepIndex, n.Structure, n.StepPath = 3, "1-2-4-all", "4" },
		Added: func(n session.Note) { added = append(added, n) }}
	if err := sink.AddNote(context.Background(), "Printer jams", session.KindFrustration, "seat-hash"); err != nil {
		t.Fatal(err)
	}
	if commits.Load() != 1 {
		t.Fatalf("a lone note took %d commits", commits.Load())
	}
	notes, _ := st.Notes(sid)
	if len(notes) != 1 {
		t.Fatalf("%d notes", len(notes))
	}
	n := notes[0]
	if n.Text != "Printer jams" || !n.Phone || n.Revealed || n.Seat != "seat-hash" || n.StepIndex != 3 || n.StepPath != "4" || n.Kind != session.KindFrustration {
		t.Fatalf("note %+v", n)
	}
	if n.RoomSees() {
		t.Fatal("the room sees a phone note before it is revealed")
	}
	if len(added) != 1 || added[0].ID != n.ID {
		t.Fatalf("added %+v", added)
	}
	events, _ := st.Events(sid)
	if len(events) != 1 || events[0].Type != session.EventNoteAdded || events[0].NoteID != n.ID {
		t.Fatalf("events %+v", events)
	}
}

func TestStoreNotesNeverAcknowledgesANoteTheDiskRefused(t *testing.T) {
	st, sid := newSession(t, filepath.Join(t.TempDir(), "full.db"))
	defer st.Close()
	st.InjectFault(func(op string) error { return syscall.ENOSPC })
	sink := &StoreNotes{Store: st, SessionID: sid}
	var wg sync.WaitGroup
	var failed atomic.Int32
	for i := range 20 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := sink.AddNote(context.Background(), fmt.Sprint("note ", i), session.KindIdea, "s"); err != nil {
				failed.Add(1)
			}
		}()
	}
	wg.Wait()
	st.InjectFault(nil)
	notes, _ := st.Notes(sid)
	if failed.Load() != 20 || len(notes) != 0 {
		t.Fatalf("%d failed, %d in the file", failed.Load(), len(notes))
	}
	if err := sink.AddNote(context.Background(), "after the disk has room", session.KindIdea, "s"); err != nil {
		t.Fatal(err)
	}
}

func TestStoreNotesUnderLoadKeepsEveryNote(t *testing.T) {
	st, sid := newSession(t, filepath.Join(t.TempDir(), "many.db"))
	defer st.Close()
	var commits atomic.Int32
	st.InjectFault(func(op string) error { commits.Add(1); return nil })
	sink := &StoreNotes{Store: st, SessionID: sid}
	var wg sync.WaitGroup
	for i := range 300 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := sink.AddNote(context.Background(), fmt.Sprint("note ", i), session.KindIdea, "s"); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	notes, _ := st.Notes(sid)
	ids := map[uint64]bool{}
	texts := map[string]bool{}
	for _, n := range notes {
		ids[n.ID], texts[n.Text] = true, true
	}
	if len(notes) != 300 || len(ids) != 300 || len(texts) != 300 {
		t.Fatalf("%d notes, %d ids, %d texts", len(notes), len(ids), len(texts))
	}
	t.Logf("300 notes at once: %d commits", commits.Load())
}
