package phone

import (
	"context"
	"fmt"
	"sync"

	"liberate/internal/session"
	"liberate/internal/store"
)

// maxGroup bounds how many notes share one commit.
const maxGroup = 256

// StoreNotes saves the notes phones send into the store, each with its
// timeline event, and acknowledges a note only once the transaction that
// holds it is committed with fsync. A note that arrives while no other is
// being saved is committed on its own, exactly like a typed note; notes
// that arrive while a commit is on its way to the disk wait for it and then
// share the next commit (group commit), so 200 phones do not queue behind
// 200 fsyncs a second. A failed commit fails every note in it: none of them
// is in the file, and every phone is told so.
type StoreNotes struct {
	Store     *store.Store
	SessionID string
	// Stamp fills in the step the room is in (StepIndex, Structure,
	// StepPath, Counters); nil leaves them empty.
	Stamp func(n *session.Note)
	// Added is called with every note once it is on disk, so the console
	// shows it at once; nil for none.
	Added func(n session.Note)

	mu      sync.Mutex
	queue   []*pendingNote
	writing bool
}

type pendingNote struct {
	note session.Note
	done chan error
}

// AddNote saves one phone note, unrevealed, and returns once it is on disk.
func (s *StoreNotes) AddNote(ctx context.Context, text string, kind session.Kind, seat string) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	p := &pendingNote{note: session.Note{SessionID: s.SessionID, Text: text, Kind: kind, Phone: true, Seat: seat}, done: make(chan error, 1)}
	if s.Stamp != nil {
		s.Stamp(&p.note)
	}
	s.mu.Lock()
	s.queue = append(s.queue, p)
	if !s.writing {
		s.writing = true
		go s.write()
	}
	s.mu.Unlock()
	// Wait for the commit even when the phone gives up: the note may be
	// on disk already, and the answer must say what is true.
	if err := <-p.done; err != nil {
		return fmt.Errorf("could not save a note from a phone: %w", err)
	}
	return nil
}

// write commits the queued notes, as many as are waiting each time, until
// the queue is empty.
func (s *StoreNotes) write() {
	for {
		s.mu.Lock()
		n := min(len(s.queue), maxGroup)
		if n == 0 {
			s.writing = false
			s.mu.Unlock()
			return
		}
		group := s.queue[:n:n]
		s.queue = s.queue[n:]
		s.mu.Unlock()

		err := s.Store.Apply(s.SessionID, func(w *store.Writer) error {
			for _, p := range group {
				if err := w.PutNote(&p.note); err != nil {
					return err
				}
				if err := w.PutEvent(&session.Event{Type: session.EventNoteAdded, StepIndex: p.note.StepIndex, NoteID: p.note.ID, After: p.note.Text}); err != nil {
					return err
				}
			}
			return nil
		})
		for _, p := range group {
			if err == nil && s.Added != nil {
				s.Added(p.note)
			}
			p.done <- err
		}
	}
}
