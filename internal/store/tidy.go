package store

import (
	"fmt"
	"sort"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"

	"liberate/internal/session"
	"liberate/internal/textsafe"
)

// MaxTitleBytes bounds a session title.
const MaxTitleBytes = 1000

// editSession changes a saved session in place without making it the last
// session: renaming an old workshop must not change what resume continues.
func (s *Store) editSession(name, op, id string, fn func(ss *session.Session) error) (*session.Session, error) {
	var out *session.Session
	err := s.write(name, op, func(tx *bolt.Tx) error {
		b, err := sessionBucket(tx, id)
		if err != nil {
			return err
		}
		ss, err := decodeSession(b)
		if err != nil {
			return err
		}
		if err := fn(ss); err != nil {
			return err
		}
		ss.UpdatedAt = s.opt.Now().Round(0)
		data, err := marshalSession(ss)
		if err != nil {
			return err
		}
		out = ss
		return b.Put(keySession, data)
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// RenameSession gives the session a new title (cleaned of control
// characters, not empty) and records the change in its timeline.
func (s *Store) RenameSession(id, title string) (*session.Session, error) {
	title = strings.TrimSpace(textsafe.Display(title))
	if title == "" {
		return nil, &Error{Op: "rename the session", Path: s.path, msg: "could not rename the session: the new title is empty; type a title"}
	}
	if len(title) > MaxTitleBytes {
		return nil, &Error{Op: "rename the session", Path: s.path, Kind: ErrTooLarge,
			msg: fmt.Sprintf("could not rename the session: the title is %d bytes, more than %d; shorten it", len(title), MaxTitleBytes)}
	}
	var before string
	ss, err := s.editSession("RenameSession", "rename the session", id, func(ss *session.Session) error {
		if err := live(ss); err != nil {
			return err
		}
		before = ss.Title
		ss.Title = title
		return nil
	})
	if err != nil {
		return nil, err
	}
	// The timeline entry is a record, not the change itself: a failure here
	// leaves the new title in place and says so.
	if err := s.AppendEvent(id, &session.Event{Type: session.EventRenamed, Before: before, After: title}); err != nil {
		return ss, err
	}
	return ss, nil
}

// SetRehearsal marks the session as a rehearsal (kept out of series) or as
// a real workshop.
func (s *Store) SetRehearsal(id string, rehearsal bool) (*session.Session, error) {
	return s.editSession("SetRehearsal", "mark the session", id, func(ss *session.Session) error {
		if err := live(ss); err != nil {
			return err
		}
		ss.Rehearsal = rehearsal
		return nil
	})
}

func live(ss *session.Session) error {
	if !ss.DeletedAt.IsZero() {
		return notFound(fmt.Sprintf("session %q", ss.ID), "it was deleted; undo the delete first")
	}
	return nil
}

// DeleteBackupPath is where DeleteSession keeps the copy it writes first.
func (s *Store) DeleteBackupPath(id string, now time.Time) string {
	return fmt.Sprintf("%s.bak-delete-%s-%s", s.path, id, now.Format("20060102-150405"))
}

// DeleteSession deletes a session softly: a backup of the whole file is
// written first (its path is returned), then the session is hidden from
// every list and lookup. RestoreSession brings it back; PurgeDeleted (at
// exit, or when the file is next opened for writing) removes it for good.
// When it was the last session, the newest remaining one becomes last.
func (s *Store) DeleteSession(id string) (backup string, err error) {
	if _, err := s.Session(id); err != nil {
		return "", err
	}
	backup = s.DeleteBackupPath(id, s.opt.Now())
	if err := s.BackupTo(backup); err != nil {
		return "", err
	}
	err = s.write("DeleteSession", "delete the session", func(tx *bolt.Tx) error {
		b, err := sessionBucket(tx, id)
		if err != nil {
			return err
		}
		ss, err := decodeSession(b)
		if err != nil {
			return err
		}
		ss.DeletedAt = s.opt.Now().Round(0)
		data, err := marshalSession(ss)
		if err != nil {
			return err
		}
		if err := b.Put(keySession, data); err != nil {
			return err
		}
		return fixLast(tx)
	})
	if err != nil {
		return "", err
	}
	return backup, nil
}

// RestoreSession undoes DeleteSession while the session is not purged yet.
// The last session stays what it is.
func (s *Store) RestoreSession(id string) (*session.Session, error) {
	var out *session.Session
	err := s.write("RestoreSession", "restore the session", func(tx *bolt.Tx) error {
		b, err := anySessionBucket(tx, id)
		if err != nil {
			return err
		}
		ss, err := decodeSession(b)
		if err != nil {
			return err
		}
		if ss.DeletedAt.IsZero() {
			out = ss
			return nil
		}
		ss.DeletedAt = time.Time{}
		data, err := marshalSession(ss)
		if err != nil {
			return err
		}
		out = ss
		if err := b.Put(keySession, data); err != nil {
			return err
		}
		return fixLast(tx)
	})
	return out, err
}

// PurgeDeleted removes the sessions deleted softly, with their notes,
// timelines, clusters and undo history, and returns their ids. A purged
// session is only in the backup DeleteSession wrote.
func (s *Store) PurgeDeleted() ([]string, error) {
	var ids []string
	err := s.view("look for deleted sessions", func(tx *bolt.Tx) error {
		ids = deletedIDs(tx)
		return nil
	})
	if err != nil || len(ids) == 0 {
		return nil, err
	}
	err = s.write("PurgeDeleted", "remove deleted sessions", func(tx *bolt.Tx) error {
		all := tx.Bucket(bucketSessions)
		for _, id := range deletedIDs(tx) {
			if err := all.DeleteBucket([]byte(id)); err != nil {
				return err
			}
		}
		return fixLast(tx)
	})
	if err != nil {
		return nil, err
	}
	return ids, nil
}

func deletedIDs(tx *bolt.Tx) []string {
	var ids []string
	all := tx.Bucket(bucketSessions)
	if all == nil {
		return nil
	}
	_ = all.ForEachBucket(func(k []byte) error {
		if b := all.Bucket(k); b != nil && b.Get(keySession) != nil {
			if ss, err := decodeSession(b); err == nil && !ss.DeletedAt.IsZero() {
				ids = append(ids, string(k))
			}
		}
		return nil
	})
	return ids
}

// anySessionBucket is sessionBucket that also finds deleted sessions.
func anySessionBucket(tx *bolt.Tx, id string) (*bolt.Bucket, error) {
	if ss := tx.Bucket(bucketSessions); ss != nil && id != "" {
		if b := ss.Bucket([]byte(id)); b != nil && b.Get(keySession) != nil {
			return b, nil
		}
	}
	return nil, notFound(fmt.Sprintf("session %q", id), "see liberate sessions for the sessions in this file")
}

// fixLast keeps meta's last session pointing at a session that is not
// deleted: the one it points at, else the newest remaining, else none.
func fixLast(tx *bolt.Tx) error {
	meta, err := tx.CreateBucketIfNotExists(bucketMeta)
	if err != nil {
		return err
	}
	all := tx.Bucket(bucketSessions)
	if cur := meta.Get(keyLast); cur != nil && all != nil {
		if b := all.Bucket(cur); b != nil && b.Get(keySession) != nil {
			if ss, err := decodeSession(b); err == nil && ss.DeletedAt.IsZero() {
				return nil
			}
		}
	}
	var best *session.Session
	if all != nil {
		_ = all.ForEachBucket(func(k []byte) error {
			b := all.Bucket(k)
			if b == nil || b.Get(keySession) == nil {
				return nil
			}
			ss, err := decodeSession(b)
			if err != nil || !ss.DeletedAt.IsZero() {
				return nil
			}
			if best == nil || ss.UpdatedAt.After(best.UpdatedAt) {
				best = ss
			}
			return nil
		})
	}
	if best == nil {
		return meta.Delete(keyLast)
	}
	return meta.Put(keyLast, []byte(best.ID))
}

// SeriesOf returns the series session id belongs to: every session linked
// to it by follow-ups, oldest first. Rehearsals and deleted sessions are
// never part of a series (a follow-up link through a rehearsal still
// connects). A session without follow-ups is a series of one.
func (s *Store) SeriesOf(id string) ([]*session.Session, error) {
	target, err := s.Session(id)
	if err != nil {
		return nil, err
	}
	if target.Rehearsal {
		return nil, &Error{Op: "read the series", Path: s.path,
			msg: fmt.Sprintf("%q is a rehearsal, and rehearsals are not part of a series; pick a real session (liberate sessions marks rehearsals) or mark it as real with liberate sessions rehearsal %s --off", target.Title, target.ID)}
	}
	all, err := s.allSessions()
	if err != nil {
		return nil, err
	}
	roots := seriesRoots(all)
	root := roots[id]
	var out []*session.Session
	for _, ss := range all {
		if roots[ss.ID] == root && !ss.Rehearsal && ss.DeletedAt.IsZero() {
			out = append(out, ss)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if !out[i].CreatedAt.Equal(out[j].CreatedAt) {
			return out[i].CreatedAt.Before(out[j].CreatedAt)
		}
		return out[i].ID < out[j].ID
	})
	return out, nil
}

// seriesRoots maps every session id to the first session of its chain of
// follow-ups (cycles and links to missing sessions end the chain).
func seriesRoots(all []*session.Session) map[string]string {
	byID := make(map[string]*session.Session, len(all))
	for _, ss := range all {
		byID[ss.ID] = ss
	}
	roots := make(map[string]string, len(all))
	for _, ss := range all {
		cur, seen := ss, map[string]bool{}
		for {
			seen[cur.ID] = true
			prev, ok := byID[cur.FollowUp]
			if !ok || seen[prev.ID] || !prev.DeletedAt.IsZero() {
				break
			}
			cur = prev
		}
		roots[ss.ID] = cur.ID
	}
	return roots
}

// allSessions decodes every session record, deleted ones included.
func (s *Store) allSessions() ([]*session.Session, error) {
	var out []*session.Session
	err := s.view("list the sessions", func(tx *bolt.Tx) error {
		all := tx.Bucket(bucketSessions)
		if all == nil {
			return nil
		}
		return all.ForEachBucket(func(k []byte) error {
			b := all.Bucket(k)
			if b == nil || b.Get(keySession) == nil {
				return nil
			}
			ss, err := decodeSession(b)
			if err != nil {
				return err
			}
			out = append(out, ss)
			return nil
		})
	})
	return out, err
}
