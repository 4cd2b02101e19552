package store

import (
	"encoding/json"
	"fmt"

	bolt "go.etcd.io/bbolt"

	"liberate/internal/session"
)

// Writer makes several changes to one session in a single transaction; see
// Store.Apply. It is valid only inside the function given to Apply.
type Writer struct {
	s         *Store
	tx        *bolt.Tx
	sessionID string
	restore   []func() // puts the caller's values back when the transaction fails
}

// Apply runs fn and commits everything it wrote in one transaction: all of
// it is on disk when Apply returns nil, none of it when Apply returns an
// error. Use it to save a note, its timeline event and the session's new
// position together. Ids, sequence numbers and stamps that the Writer set on
// the caller's values are put back when Apply fails.
func (s *Store) Apply(sessionID string, fn func(w *Writer) error) error {
	return s.apply(sessionID, fn, "Apply", "save the changes")
}

func (s *Store) apply(sessionID string, fn func(w *Writer) error, name, op string) error {
	w := &Writer{s: s, sessionID: sessionID}
	err := s.write(name, op, func(tx *bolt.Tx) error {
		w.tx = tx
		return fn(w)
	})
	w.tx = nil
	if err != nil {
		for i := len(w.restore) - 1; i >= 0; i-- {
			w.restore[i]()
		}
	}
	return err
}

func (w *Writer) bucket() (*bolt.Bucket, error) {
	if w.tx == nil {
		return nil, fmt.Errorf("store: Writer used outside Apply")
	}
	return sessionBucket(w.tx, w.sessionID)
}

// PutNote saves a note of the session: a new one (ID 0) gets the next id in
// the file and a CreatedAt stamp; a saved one is replaced and gets a fresh
// UpdatedAt. Text longer than MaxNoteBytes is refused with ErrTooLarge.
func (w *Writer) PutNote(n *session.Note) error {
	if n.SessionID == "" {
		n.SessionID = w.sessionID
	}
	if n.SessionID != w.sessionID {
		return fmt.Errorf("store: note of session %q written to session %q", n.SessionID, w.sessionID)
	}
	if len(n.Text) > MaxNoteBytes {
		return &Error{Op: "save the note", Kind: ErrTooLarge,
			msg: fmt.Sprintf("could not save the note: it is %d bytes, more than %d; shorten it or split it in several notes", len(n.Text), MaxNoteBytes)}
	}
	b, err := w.bucket()
	if err != nil {
		return err
	}
	notes, err := b.CreateBucketIfNotExists(bucketNotes)
	if err != nil {
		return err
	}
	now := w.s.opt.Now().Round(0)
	prevID, prevCreated, prevUpdated := n.ID, n.CreatedAt, n.UpdatedAt
	w.restore = append(w.restore, func() { n.ID, n.CreatedAt, n.UpdatedAt = prevID, prevCreated, prevUpdated })
	if n.ID == 0 {
		ids, err := w.tx.CreateBucketIfNotExists(bucketNoteIDs)
		if err != nil {
			return err
		}
		if n.ID, err = ids.NextSequence(); err != nil {
			return err
		}
		if n.CreatedAt.IsZero() {
			n.CreatedAt = now
		}
		if n.UpdatedAt.IsZero() {
			n.UpdatedAt = n.CreatedAt
		}
	} else {
		if notes.Get(itob(n.ID)) == nil {
			return notFound(fmt.Sprintf("note %d of session %q", n.ID, w.sessionID), "it may have been captured in another file")
		}
		n.UpdatedAt = now
	}
	data, err := json.Marshal(n)
	if err != nil {
		return err
	}
	return notes.Put(itob(n.ID), data)
}

// PutEvent appends e to the session's timeline and sets e.Seq (and e.At when
// it is zero).
func (w *Writer) PutEvent(e *session.Event) error {
	b, err := w.bucket()
	if err != nil {
		return err
	}
	events, err := b.CreateBucketIfNotExists(bucketEvents)
	if err != nil {
		return err
	}
	prevSeq, prevAt := e.Seq, e.At
	w.restore = append(w.restore, func() { e.Seq, e.At = prevSeq, prevAt })
	if e.Seq, err = events.NextSequence(); err != nil {
		return err
	}
	if e.At.IsZero() {
		e.At = w.s.opt.Now().Round(0)
	}
	data, err := json.Marshal(e)
	if err != nil {
		return err
	}
	return events.Put(itob(e.Seq), data)
}

// PutSession creates or replaces the session (its ID must be the one given
// to Apply), stamps UpdatedAt and makes it the last session.
func (w *Writer) PutSession(ss *session.Session) error {
	if ss.ID == "" || ss.ID != w.sessionID {
		return fmt.Errorf("store: session %q written in a change of session %q", ss.ID, w.sessionID)
	}
	prevCreated, prevUpdated := ss.CreatedAt, ss.UpdatedAt
	w.restore = append(w.restore, func() { ss.CreatedAt, ss.UpdatedAt = prevCreated, prevUpdated })
	ss.UpdatedAt = w.s.opt.Now().Round(0)
	return putSession(w.tx, ss)
}

// PutClusters replaces the session's clusters.
func (w *Writer) PutClusters(cs []session.Cluster) error {
	b, err := w.bucket()
	if err != nil {
		return err
	}
	data, err := json.Marshal(cs)
	if err != nil {
		return err
	}
	return b.Put(keyClusters, data)
}

// PutUndo replaces the session's undo/redo history.
func (w *Writer) PutUndo(blob []byte) error {
	b, err := w.bucket()
	if err != nil {
		return err
	}
	return b.Put(keyUndo, append([]byte(nil), blob...))
}
