package store

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"time"

	bolt "go.etcd.io/bbolt"

	"liberate/internal/session"
	"liberate/internal/userfile"
)

// RepairReport says what Repair copied into the new file and what it could
// not read.
type RepairReport struct {
	Sessions int // sessions copied (with their record or, see Recreated, without)
	Notes    int // notes copied
	Events   int // timeline entries copied
	// Recreated lists sessions whose own record was unreadable but whose
	// notes were not: they are copied under a stand-in record titled
	// "Recovered session <id>", marked finished.
	Recreated []string
	// LostSessions lists sessions of which nothing could be read but the id.
	LostSessions []string
	LostNotes    int // note records that could not be read
	LostEvents   int // timeline records that could not be read
	LostClusters int // sessions whose board themes could not be read
	LostParts    int // damaged or missing pages (each may have held several records)
	// Cause is the first damage met, in words; "" for a sound file.
	Cause string
}

// Complete reports whether everything in the file could be read.
func (r RepairReport) Complete() bool {
	return len(r.Recreated) == 0 && len(r.LostSessions) == 0 && r.LostNotes == 0 && r.LostEvents == 0 && r.LostClusters == 0 && r.LostParts == 0
}

// rawBucket is a bucket read from a damaged file.
type rawBucket struct {
	vals  map[string][]byte
	subs  map[string]*rawBucket
	order []string // sub-bucket names in file order
	seq   uint64
}

func newRawBucket(seq uint64) *rawBucket {
	return &rawBucket{vals: map[string][]byte{}, subs: map[string]*rawBucket{}, seq: seq}
}

func (b *rawBucket) count() int {
	n := len(b.vals)
	for _, s := range b.subs {
		n += 1 + s.count()
	}
	return n
}

// readTree reads whatever can be read of the file's buckets, trying both
// meta pages and keeping the richer result.
func readTree(r *rawFile) (*rawBucket, int, error) {
	var best *rawBucket
	bestLost := 0
	var bestCause error
	tried := 0
	cands := []rawMeta{r.metas[0], r.metas[1]}
	sort.SliceStable(cands, func(i, j int) bool {
		if cands[i].valid != cands[j].valid {
			return cands[i].valid
		}
		return cands[i].txid > cands[j].txid
	})
	for _, m := range cands {
		// A meta whose checksum fails may still point at a readable tree.
		if m.magic != boltMagic || m.pageSize < 512 || m.pageSize > 1<<16 || m.pageSize&(m.pageSize-1) != 0 || m.root < 2 || m.root >= m.pgid {
			continue
		}
		tried++
		r.meta = m
		root := newRawBucket(m.rootSeq)
		w := &walker{r: r, seen: map[uint64]bool{0: true, 1: true}, tolerant: true}
		_ = w.bucket(m.root, nil, 0, func(path [][]byte, k, v []byte, sub bool, seq uint64) {
			b := root
			for _, p := range path {
				nb, ok := b.subs[string(p)]
				if !ok {
					return
				}
				b = nb
			}
			if sub {
				if _, ok := b.subs[string(k)]; !ok {
					b.subs[string(k)] = newRawBucket(seq)
					b.order = append(b.order, string(k))
				}
				return
			}
			b.vals[string(k)] = append([]byte(nil), v...)
		})
		if !m.valid && w.first == nil {
			w.first = damaged("%s", m.why)
		}
		if int64(m.pgid)*int64(m.pageSize) > r.size && w.first == nil {
			w.first = damaged("the file is cut short")
		}
		if best == nil || root.count() > best.count() {
			best, bestLost, bestCause = root, w.lost, w.first
		}
	}
	if tried == 0 {
		why := r.metas[0].why
		if why == "" {
			why = "its header is destroyed"
		}
		return nil, 0, damaged("%s", why)
	}
	return best, bestLost, bestCause
}

// Repair copies every session, note and timeline entry that can still be
// read from the (damaged) database at src into a new database at dst. It
// reads src with plain reads, never writes to it and never maps it, so no
// damage can crash it; dst must not exist yet (the caller decides about
// replacing a file). The report says what was copied and what was lost.
func Repair(src, dst string, now func() time.Time) (RepairReport, error) {
	var rep RepairReport
	if now == nil {
		now = time.Now
	}
	fi, err := os.Stat(src)
	if err != nil {
		return rep, failure("read the damaged database", src, err)
	}
	if !fi.Mode().IsRegular() || fi.Size() == 0 {
		return rep, notDatabase(src, "it is empty or not a regular file")
	}
	r, err := openRaw(src)
	if err != nil {
		return rep, failure("read the damaged database", src, err)
	}
	defer r.close()
	if err := lockFile(r.f, false, DefaultTimeout); err != nil {
		return rep, failure("read the damaged database", src, err)
	}
	tree, lost, cause := readTree(r)
	if tree == nil {
		return rep, &Error{Op: "repair the database", Path: src, Kind: ErrCorrupt, Err: cause,
			msg: fmt.Sprintf("nothing can be read from %s (%v); restore a backup (liberate backup, or %s) instead", src, cause, AutoBackupPath(src))}
	}
	rep.LostParts = lost
	if cause != nil {
		rep.Cause = cause.Error()
	}
	if meta := tree.subs[string(bucketMeta)]; meta != nil {
		if v, err := strconv.Atoi(string(meta.vals[string(keySchema)])); err == nil && v > SchemaVersion {
			return rep, &Error{Op: "repair the database", Path: src, Kind: ErrNewerSchema,
				msg: fmt.Sprintf("%s was made by a newer liberate (schema %d); repair it with that liberate", src, v)}
		}
	}

	tmp, err := userfile.CreateTemp(dst)
	if err != nil {
		return rep, &Error{Op: "repair the database", Path: dst, Err: err, msg: userfile.WriteError(dst, err).Error()}
	}
	tmpPath := tmp.Name()
	_ = tmp.Close()
	_ = os.Remove(tmpPath)
	done := false
	defer func() {
		if !done {
			_ = os.Remove(tmpPath)
		}
	}()
	db, err := bolt.Open(tmpPath, 0o600, &bolt.Options{Timeout: DefaultTimeout})
	if err != nil {
		return rep, &Error{Op: "repair the database", Path: dst, Err: err, msg: userfile.WriteError(dst, err).Error()}
	}
	err = db.Update(func(tx *bolt.Tx) error { return copyReadable(tx, tree, &rep, now) })
	if cerr := db.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return rep, &Error{Op: "repair the database", Path: dst, Err: err, msg: userfile.WriteError(dst, err).Error()}
	}
	if err := os.Rename(tmpPath, dst); err != nil {
		return rep, &Error{Op: "repair the database", Path: dst, Err: err, msg: userfile.WriteError(dst, err).Error()}
	}
	done = true
	_ = syncDir(filepath.Dir(dst))
	return rep, nil
}

// copyReadable writes the readable records of tree into a fresh database.
func copyReadable(tx *bolt.Tx, tree *rawBucket, rep *RepairReport, now func() time.Time) error {
	if err := initSchema(tx); err != nil {
		return err
	}
	ids := tx.Bucket(bucketNoteIDs)
	var maxNote uint64
	if nb := tree.subs[string(bucketNoteIDs)]; nb != nil {
		maxNote = nb.seq
	}
	all := tx.Bucket(bucketSessions)
	src := tree.subs[string(bucketSessions)]
	last := ""
	if meta := tree.subs[string(bucketMeta)]; meta != nil {
		last = string(meta.vals[string(keyLast)])
	}
	var newest string
	var newestAt time.Time
	kept := map[string]bool{}
	if src != nil {
		for _, id := range src.order {
			sb := src.subs[id]
			var ss session.Session
			rec, ok := sb.vals[string(keySession)]
			readable := ok && json.Unmarshal(rec, &ss) == nil && ss.ID == id

			// Notes and events first: a session without its record keeps them.
			var notes [][2][]byte
			var firstAt time.Time
			if nb := sb.subs[string(bucketNotes)]; nb != nil {
				keys := sortedKeys(nb.vals)
				for _, k := range keys {
					v := nb.vals[k]
					var n session.Note
					if err := json.Unmarshal(v, &n); err != nil || n.ID == 0 || !bytes.Equal([]byte(k), itob(n.ID)) || n.SessionID != id {
						rep.LostNotes++
						continue
					}
					notes = append(notes, [2][]byte{[]byte(k), v})
					maxNote = max(maxNote, n.ID)
					if firstAt.IsZero() || n.CreatedAt.Before(firstAt) {
						firstAt = n.CreatedAt
					}
				}
			}
			var events [][2][]byte
			var eventSeq uint64
			if eb := sb.subs[string(bucketEvents)]; eb != nil {
				eventSeq = eb.seq
				for _, k := range sortedKeys(eb.vals) {
					v := eb.vals[k]
					var e session.Event
					if err := json.Unmarshal(v, &e); err != nil || len(k) != 8 {
						rep.LostEvents++
						continue
					}
					events = append(events, [2][]byte{[]byte(k), v})
					eventSeq = max(eventSeq, e.Seq)
				}
			}
			if !readable {
				if len(notes) == 0 {
					rep.LostSessions = append(rep.LostSessions, id)
					continue
				}
				if firstAt.IsZero() {
					firstAt = now()
				}
				ss = session.Session{ID: id, Title: "Recovered session " + id, CreatedAt: firstAt, UpdatedAt: now().Round(0),
					Finished: true, FinishedAt: now().Round(0)}
				rep.Recreated = append(rep.Recreated, id)
				var err error
				if rec, err = json.Marshal(&ss); err != nil {
					return err
				}
			}
			b, err := all.CreateBucket([]byte(id))
			if err != nil {
				return err
			}
			if err := b.Put(keySession, rec); err != nil {
				return err
			}
			if len(notes) > 0 {
				nb, err := b.CreateBucket(bucketNotes)
				if err != nil {
					return err
				}
				for _, kv := range notes {
					if err := nb.Put(kv[0], kv[1]); err != nil {
						return err
					}
				}
				rep.Notes += len(notes)
			}
			if len(events) > 0 {
				eb, err := b.CreateBucket(bucketEvents)
				if err != nil {
					return err
				}
				for _, kv := range events {
					if err := eb.Put(kv[0], kv[1]); err != nil {
						return err
					}
				}
				if err := eb.SetSequence(eventSeq); err != nil {
					return err
				}
				rep.Events += len(events)
			}
			if v, ok := sb.vals[string(keyClusters)]; ok {
				var cs []session.Cluster
				if json.Unmarshal(v, &cs) == nil {
					if err := b.Put(keyClusters, v); err != nil {
						return err
					}
				} else {
					rep.LostClusters++
				}
			}
			if v, ok := sb.vals[string(keyUndo)]; ok && json.Valid(v) {
				if err := b.Put(keyUndo, v); err != nil {
					return err
				}
			}
			rep.Sessions++
			kept[id] = true
			if newest == "" || ss.UpdatedAt.After(newestAt) {
				newest, newestAt = id, ss.UpdatedAt
			}
		}
	}
	if err := ids.SetSequence(maxNote); err != nil {
		return err
	}
	if !kept[last] {
		last = newest
	}
	if last != "" {
		return tx.Bucket(bucketMeta).Put(keyLast, []byte(last))
	}
	return nil
}

func sortedKeys(m map[string][]byte) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
