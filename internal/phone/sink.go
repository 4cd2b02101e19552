package phone

import (
	"context"
	"fmt"

	"liberate/internal/session"
	"liberate/internal/store"
)

// StoreNotes saves the notes phones send straight into the store, each in
// its own fsync'd transaction together with its timeline event, exactly as
// a typed note: AddNote returns only once both are on disk.
type StoreNotes struct {
	Store     *store.Store
	SessionID string
	// Stamp fills in the step the room is in (StepIndex, Structure,
	// StepPath, Counters); nil leaves them empty.
	Stamp func(n *session.Note)
	// Added is called with every note once it is on disk, so the console
	// shows it at once; nil for none.
	Added func(n session.Note)
}

// AddNote saves one phone note, unrevealed.
func (s *StoreNotes) AddNote(ctx context.Context, text string, kind session.Kind, seat string) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	n := session.Note{SessionID: s.SessionID, Text: text, Kind: kind, Phone: true, Seat: seat}
	if s.Stamp != nil {
		s.Stamp(&n)
	}
	err := s.Store.Apply(s.SessionID, func(w *store.Writer) error {
		if err := w.PutNote(&n); err != nil {
			return err
		}
		return w.PutEvent(&session.Event{Type: session.EventNoteAdded, StepIndex: n.StepIndex, NoteID: n.ID, After: n.Text})
	})
	if err != nil {
		return fmt.Errorf("could not save a note from a phone: %w", err)
	}
	if s.Added != nil {
		s.Added(n)
	}
	return nil
}
