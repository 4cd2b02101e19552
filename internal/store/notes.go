package store

import (
	"encoding/binary"
	"encoding/json"
	"fmt"

	bolt "go.etcd.io/bbolt"

	"liberate/internal/session"
)

func itob(v uint64) []byte {
	var b [8]byte
	binary.BigEndian.PutUint64(b[:], v)
	return b[:]
}

// AddNote saves a new note of an existing session and sets n.ID (unique in
// the file). It returns only once the note is on disk; on error n.ID stays
// 0 and the note is not in the file.
func (s *Store) AddNote(n *session.Note) error {
	if n.ID != 0 {
		return &Error{Op: "save the note", Path: s.path, msg: fmt.Sprintf("could not save the note: it is already saved as note %d; edit it instead", n.ID)}
	}
	return s.apply(n.SessionID, func(w *Writer) error { return w.PutNote(n) }, "AddNote", "save the note")
}

// UpdateNote replaces a saved note (edited text, kind, cluster, votes, soft
// delete) and stamps its UpdatedAt; ErrNotFound when it was never saved.
func (s *Store) UpdateNote(n *session.Note) error {
	if n.ID == 0 {
		return notFound("the note", "save it before editing it")
	}
	return s.apply(n.SessionID, func(w *Writer) error { return w.PutNote(n) }, "UpdateNote", "save the change to the note")
}

// Notes returns the session's notes in id (capture) order, soft-deleted
// notes included.
func (s *Store) Notes(sessionID string) ([]session.Note, error) {
	var out []session.Note
	err := s.view("read the notes", func(tx *bolt.Tx) error {
		b, err := sessionBucket(tx, sessionID)
		if err != nil {
			return err
		}
		nb := b.Bucket(bucketNotes)
		if nb == nil {
			return nil
		}
		out = make([]session.Note, 0, nb.Stats().KeyN)
		return nb.ForEach(func(_, v []byte) error {
			var n session.Note
			if err := json.Unmarshal(v, &n); err != nil {
				return fmt.Errorf("%w: a note is unreadable: %w", ErrCorrupt, err)
			}
			out = append(out, n)
			return nil
		})
	})
	return out, err
}

// ReadableNotes is Notes for a file where some notes cannot be read: it
// returns the notes that can, in capture order, and how many could not
// (their record is not a note any more). An export loses only those.
func (s *Store) ReadableNotes(sessionID string) ([]session.Note, int, error) {
	return readable(s, sessionID, bucketNotes, "read the notes", func(n session.Note) bool { return n.ID != 0 })
}

// ReadableEvents is Events for a file where some timeline entries cannot be
// read: it returns those that can and how many could not.
func (s *Store) ReadableEvents(sessionID string) ([]session.Event, int, error) {
	return readable(s, sessionID, bucketEvents, "read the session's timeline", func(session.Event) bool { return true })
}

// readable decodes every record of one bucket of a session, in key order,
// counting the records that do not decode (or that ok refuses) instead of
// failing on them.
func readable[T any](s *Store, sessionID string, bucket []byte, what string, ok func(T) bool) ([]T, int, error) {
	var out []T
	lost := 0
	err := s.view(what, func(tx *bolt.Tx) error {
		out, lost = nil, 0
		b, err := sessionBucket(tx, sessionID)
		if err != nil {
			return err
		}
		rb := b.Bucket(bucket)
		if rb == nil {
			return nil
		}
		return rb.ForEach(func(_, v []byte) error {
			var x T
			if err := json.Unmarshal(v, &x); err != nil || !ok(x) {
				lost++
				return nil
			}
			out = append(out, x)
			return nil
		})
	})
	return out, lost, err
}

// AppendEvent adds e to the end of the session's timeline and sets e.Seq.
func (s *Store) AppendEvent(sessionID string, e *session.Event) error {
	return s.apply(sessionID, func(w *Writer) error { return w.PutEvent(e) }, "AppendEvent", "save the session's timeline")
}

// Events returns the session's timeline in order.
func (s *Store) Events(sessionID string) ([]session.Event, error) {
	var out []session.Event
	err := s.view("read the session's timeline", func(tx *bolt.Tx) error {
		b, err := sessionBucket(tx, sessionID)
		if err != nil {
			return err
		}
		eb := b.Bucket(bucketEvents)
		if eb == nil {
			return nil
		}
		return eb.ForEach(func(_, v []byte) error {
			var e session.Event
			if err := json.Unmarshal(v, &e); err != nil {
				return fmt.Errorf("%w: a timeline entry is unreadable: %w", ErrCorrupt, err)
			}
			out = append(out, e)
			return nil
		})
	})
	return out, err
}

// SaveClusters replaces the session's clusters.
func (s *Store) SaveClusters(sessionID string, cs []session.Cluster) error {
	return s.apply(sessionID, func(w *Writer) error { return w.PutClusters(cs) }, "SaveClusters", "save the clusters")
}

// Clusters returns the session's clusters as last saved (none when never
// clustered).
func (s *Store) Clusters(sessionID string) ([]session.Cluster, error) {
	var out []session.Cluster
	err := s.view("read the clusters", func(tx *bolt.Tx) error {
		b, err := sessionBucket(tx, sessionID)
		if err != nil {
			return err
		}
		if v := b.Get(keyClusters); v != nil {
			if err := json.Unmarshal(v, &out); err != nil {
				return fmt.Errorf("%w: the clusters are unreadable: %w", ErrCorrupt, err)
			}
		}
		return nil
	})
	return out, err
}

// SaveUndo keeps the UI's undo/redo history of the session, so undo works
// after a resume.
func (s *Store) SaveUndo(sessionID string, blob []byte) error {
	return s.apply(sessionID, func(w *Writer) error { return w.PutUndo(blob) }, "SaveUndo", "save the undo history")
}

// Undo returns the undo/redo history last saved for the session, nil when
// there is none.
func (s *Store) Undo(sessionID string) ([]byte, error) {
	var out []byte
	err := s.view("read the undo history", func(tx *bolt.Tx) error {
		b, err := sessionBucket(tx, sessionID)
		if err != nil {
			return err
		}
		if v := b.Get(keyUndo); v != nil {
			out = append([]byte(nil), v...)
		}
		return nil
	})
	return out, err
}
