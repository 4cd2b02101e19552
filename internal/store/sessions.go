package store

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"

	"liberate/internal/session"
)

// SessionSummary is one line of the sessions list.
type SessionSummary struct {
	ID        string    `json:"id"`
	Title     string    `json:"title"`
	Slugs     []string  `json:"slugs"`
	CreatedAt time.Time `json:"created_at"`
	UpdatedAt time.Time `json:"updated_at"`
	Notes     int       `json:"notes"` // not counting deleted notes
	Finished  bool      `json:"finished"`
	// Unreadable marks a session whose record cannot be read; only its id
	// is known. liberate repair copies what is left of it.
	Unreadable bool `json:"unreadable,omitempty"`
	// FollowUp is the id of the session this one follows up ("" = none).
	FollowUp string `json:"follow_up,omitempty"`
	// Rehearsal marks a trial run, never part of a series.
	Rehearsal bool `json:"rehearsal,omitempty"`
	// Series is the id of the first session of the series this one belongs
	// to, SeriesPos its place (1 = first) and SeriesLen the number of
	// sessions in it; a session on its own has SeriesLen 1. Rehearsals have
	// no series (SeriesLen 0).
	Series    string `json:"series,omitempty"`
	SeriesPos int    `json:"series_pos,omitempty"`
	SeriesLen int    `json:"series_len,omitempty"`
}

// NewSessionID returns a short id that sorts by time and is easy to type:
// the date and minute of now and four random hex digits, e.g.
// "20261122-0954-ab12".
func NewSessionID(now time.Time) string {
	var b [2]byte
	_, _ = rand.Read(b[:])
	return now.Format("20060102-1504") + "-" + hex.EncodeToString(b[:])
}

// SaveSession creates or replaces the session, stamps its UpdatedAt and
// makes it the last session (the one resume continues). It returns once the
// session is on disk.
func (s *Store) SaveSession(ss *session.Session) error {
	if ss.ID == "" {
		return &Error{Op: "save the session", Path: s.path, msg: "could not save the session: it has no id"}
	}
	return s.apply(ss.ID, func(w *Writer) error { return w.PutSession(ss) }, "SaveSession", "save the session")
}

func marshalSession(ss *session.Session) ([]byte, error) { return json.Marshal(ss) }

func putSession(tx *bolt.Tx, ss *session.Session) error {
	if ss.CreatedAt.IsZero() {
		ss.CreatedAt = ss.UpdatedAt
	}
	data, err := marshalSession(ss)
	if err != nil {
		return err
	}
	sessions, err := tx.CreateBucketIfNotExists(bucketSessions)
	if err != nil {
		return err
	}
	b, err := sessions.CreateBucketIfNotExists([]byte(ss.ID))
	if err != nil {
		return err
	}
	if err := b.Put(keySession, data); err != nil {
		return err
	}
	meta, err := tx.CreateBucketIfNotExists(bucketMeta)
	if err != nil {
		return err
	}
	return meta.Put(keyLast, []byte(ss.ID))
}

// sessionBucket returns the bucket of an existing session, or ErrNotFound.
func sessionBucket(tx *bolt.Tx, id string) (*bolt.Bucket, error) {
	if ss := tx.Bucket(bucketSessions); ss != nil && id != "" {
		if b := ss.Bucket([]byte(id)); b != nil && b.Get(keySession) != nil && !deletedRecord(b.Get(keySession)) {
			return b, nil
		}
	}
	return nil, notFound(fmt.Sprintf("session %q", id), "see liberate sessions for the sessions in this file")
}

// deletedRecord reports whether a session record is deleted softly, without
// decoding all of it.
func deletedRecord(v []byte) bool {
	if !bytes.Contains(v, []byte(`"deleted_at"`)) {
		return false
	}
	var d struct {
		DeletedAt time.Time `json:"deleted_at"`
	}
	return json.Unmarshal(v, &d) == nil && !d.DeletedAt.IsZero()
}

func decodeSession(b *bolt.Bucket) (*session.Session, error) {
	var ss session.Session
	if err := json.Unmarshal(b.Get(keySession), &ss); err != nil {
		return nil, fmt.Errorf("%w: a session record is unreadable: %w", ErrCorrupt, err)
	}
	return &ss, nil
}

// Session returns the session with this id, or ErrNotFound.
func (s *Store) Session(id string) (*session.Session, error) {
	var out *session.Session
	err := s.view("read the session", func(tx *bolt.Tx) error {
		b, err := sessionBucket(tx, id)
		if err != nil {
			return err
		}
		out, err = decodeSession(b)
		return err
	})
	return out, err
}

// LastSession returns the session saved most recently, or ErrNotFound when
// there is none.
func (s *Store) LastSession() (*session.Session, error) {
	var id string
	err := s.view("read the last session", func(tx *bolt.Tx) error {
		if meta := tx.Bucket(bucketMeta); meta != nil {
			id = string(meta.Get(keyLast))
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if id == "" {
		return nil, notFound("no session yet", "start one with liberate run")
	}
	return s.Session(id)
}

// Sessions lists the sessions in the file, newest first.
func (s *Store) Sessions() ([]SessionSummary, error) {
	var out []SessionSummary
	var live []*session.Session
	err := s.view("list the sessions", func(tx *bolt.Tx) error {
		all := tx.Bucket(bucketSessions)
		if all == nil {
			return nil
		}
		return all.ForEachBucket(func(k []byte) error {
			b := all.Bucket(k)
			if b.Get(keySession) == nil {
				return nil
			}
			ss, err := decodeSession(b)
			if err != nil {
				out = append(out, SessionSummary{ID: string(k), Unreadable: true})
				return nil
			}
			if !ss.DeletedAt.IsZero() {
				return nil
			}
			live = append(live, ss)
			sum := SessionSummary{ID: ss.ID, Title: ss.Title, Slugs: ss.Slugs,
				CreatedAt: ss.CreatedAt, UpdatedAt: ss.UpdatedAt, Finished: ss.Finished,
				FollowUp: ss.FollowUp, Rehearsal: ss.Rehearsal}
			if nb := b.Bucket(bucketNotes); nb != nil {
				err := nb.ForEach(func(_, v []byte) error {
					var n struct {
						Deleted bool `json:"deleted"`
					}
					if err := json.Unmarshal(v, &n); err != nil {
						return nil // counted as lost by ReadableNotes
					}
					if !n.Deleted {
						sum.Notes++
					}
					return nil
				})
				if err != nil {
					return err
				}
			}
			out = append(out, sum)
			return nil
		})
	})
	sort.SliceStable(out, func(i, j int) bool {
		if !out[i].CreatedAt.Equal(out[j].CreatedAt) {
			return out[i].CreatedAt.After(out[j].CreatedAt)
		}
		return out[i].ID > out[j].ID
	})
	if err == nil {
		numberSeries(out, live)
	}
	return out, err
}

// numberSeries fills the series fields of a newest-first list.
func numberSeries(out []SessionSummary, all []*session.Session) {
	roots := seriesRoots(all)
	size := map[string]int{}
	for _, sum := range out {
		if !sum.Rehearsal {
			size[roots[sum.ID]]++
		}
	}
	seen := map[string]int{}
	for i := len(out) - 1; i >= 0; i-- { // oldest first
		sum := &out[i]
		if sum.Rehearsal {
			continue
		}
		root := roots[sum.ID]
		seen[root]++
		sum.Series, sum.SeriesPos, sum.SeriesLen = root, seen[root], size[root]
	}
}

// ResolveSession finds the session a facilitator means: "" or "last" for
// the last session, a full id, a unique beginning of an id, or a number n
// for the n-th line of Sessions (1 = newest).
func (s *Store) ResolveSession(ref string) (*session.Session, error) {
	ref = strings.TrimSpace(ref)
	if ref == "" || strings.EqualFold(ref, "last") {
		return s.LastSession()
	}
	if ss, err := s.Session(ref); err == nil || classify(err) != ErrNotFound {
		return ss, err
	}
	list, err := s.Sessions()
	if err != nil {
		return nil, err
	}
	// Ids start with a year, so a short number is a line of the list.
	if n, err := strconv.Atoi(ref); err == nil && n >= 1 && n <= len(list) && len(ref) < 4 {
		return s.Session(list[n-1].ID)
	}
	var matches []string
	for _, sum := range list {
		if strings.HasPrefix(sum.ID, ref) {
			matches = append(matches, sum.ID)
		}
	}
	switch len(matches) {
	case 0:
		return nil, notFound(fmt.Sprintf("session %q", ref), "see liberate sessions for the sessions in this file")
	case 1:
		return s.Session(matches[0])
	}
	shown := matches
	if len(shown) > 3 {
		shown = shown[:3]
	}
	return nil, &Error{Kind: ErrAmbiguous, Path: s.path,
		msg: fmt.Sprintf("%q matches %d sessions (%s…); type more of the id", ref, len(matches), strings.Join(shown, ", "))}
}
