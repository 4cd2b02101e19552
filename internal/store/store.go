// Package store keeps liberate's sessions, notes, timelines and clusters in
// one bbolt file. Every write is its own transaction, committed with fsync
// before the call returns: when AddNote returns nil the note survives a
// crash, a kill or a power cut, and when it returns an error the note is not
// in the file. The file is locked while open, so a second liberate cannot
// write to it at the same time.
//
// Layout of the file:
//
//	meta                  schema version, "last" session id
//	noteids               its bucket sequence numbers notes across the file
//	sessions/<id>/
//	    session           JSON of session.Session
//	    notes/<id>        JSON of session.Note, key = big-endian uint64 id
//	    events/<seq>      JSON of session.Event, key = big-endian uint64 seq
//	    clusters          JSON array of session.Cluster
//	    undo              the UI's undo/redo history, opaque
package store

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	bolt "go.etcd.io/bbolt"
)

// SchemaVersion is the layout version this liberate writes. Files with an
// older version are migrated on open (after a backup copy); files with a
// newer one are refused.
const SchemaVersion = 1

// MaxNoteBytes is the largest note text the store accepts.
const MaxNoteBytes = 4 << 20

// DefaultTimeout is how long Open waits for another liberate to let go of
// the file.
const DefaultTimeout = time.Second

var (
	bucketMeta     = []byte("meta")
	bucketNoteIDs  = []byte("noteids")
	bucketSessions = []byte("sessions")
	bucketNotes    = []byte("notes")
	bucketEvents   = []byte("events")
	keySchema      = []byte("schema")
	keyLast        = []byte("last")
	keySession     = []byte("session")
	keyClusters    = []byte("clusters")
	keyUndo        = []byte("undo")
)

// Options tune Open.
type Options struct {
	// Timeout is how long to wait for another liberate to close the file;
	// 0 means DefaultTimeout.
	Timeout time.Duration
	// ReadOnly opens the file for reading only, sharing it with other
	// readers (export, sessions) but not with a writer.
	ReadOnly bool
	// Now tells the time for UpdatedAt stamps; nil means time.Now.
	Now func() time.Time
}

// Store is an open liberate database. Its methods are safe for concurrent
// use.
type Store struct {
	path string
	opt  Options

	mu    sync.RWMutex // guards db and ident; held for writing only to reopen
	db    *bolt.DB
	ident os.FileInfo // the file as opened, to notice when it is moved or deleted

	fault atomic.Pointer[func(op string) error]
}

// DefaultPath is where liberate keeps its database: $LIBERATE_DB, else
// $XDG_DATA_HOME/liberate/liberate.db, else ~/.local/share/liberate/liberate.db.
func DefaultPath() string {
	if p := os.Getenv("LIBERATE_DB"); p != "" {
		return p
	}
	if d := os.Getenv("XDG_DATA_HOME"); d != "" && filepath.IsAbs(d) {
		return filepath.Join(d, "liberate", "liberate.db")
	}
	home, err := os.UserHomeDir()
	if err != nil || home == "" {
		return filepath.Join(".local", "share", "liberate", "liberate.db")
	}
	return filepath.Join(home, ".local", "share", "liberate", "liberate.db")
}

// Open opens (or creates) the database at path, "" meaning DefaultPath. The
// folder is created with mode 0700 and the file with 0600. When another
// liberate holds the file, Open gives up after opt.Timeout with ErrLocked; a
// damaged file gives ErrCorrupt and a file from a newer liberate
// ErrNewerSchema. A file with an older schema is copied to
// <path>.bak-v<old>-<time> and then migrated.
//
// An existing file is checked before bbolt maps it (see verify.go): a file
// that is not a regular file, is empty, is not a liberate database, is cut
// short or has damaged pages is refused with ErrCorrupt, and nothing is
// written to it.
func Open(path string, opt Options) (*Store, error) {
	if path == "" {
		path = DefaultPath()
	}
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	if opt.Timeout <= 0 {
		opt.Timeout = DefaultTimeout
	}
	if opt.Now == nil {
		opt.Now = time.Now
	}
	s := &Store{path: path, opt: opt}
	created := false
	fi, err := os.Stat(path)
	switch {
	case err == nil:
		if err := checkBeforeOpen(path, fi, opt); err != nil {
			return nil, err
		}
	case errors.Is(err, os.ErrNotExist) && opt.ReadOnly:
		return nil, &Error{Kind: ErrNotFound, msg: "there is no liberate database at " + path + " yet; run a session first or use --db to pick another file"}
	case errors.Is(err, os.ErrNotExist):
		if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
			return nil, failure("create the folder for the database", path, err)
		}
		created = true
	default:
		return nil, failure("open the database", path, err)
	}
	db, err := openBolt(path, opt)
	if err != nil {
		if created {
			removeIfEmpty(path)
		}
		return nil, err
	}
	s.db = db
	if err := s.prepare(); err != nil {
		_ = db.Close()
		if created {
			_ = os.Remove(path)
		}
		return nil, err
	}
	if fi, err := os.Stat(path); err == nil {
		s.ident = fi
	}
	cleanTemps(filepath.Dir(path))
	return s, nil
}

// checkBeforeOpen refuses what is not a sound liberate database before
// bbolt maps it. It holds a lock of the same kind bbolt will take while it
// reads, so a liberate writing the file at that moment gives ErrLocked, not
// a false alarm.
func checkBeforeOpen(path string, fi os.FileInfo, opt Options) error {
	if !fi.Mode().IsRegular() {
		return notDatabase(path, "it is not a regular file")
	}
	if fi.Size() == 0 {
		return notDatabase(path, "it is empty")
	}
	f, err := os.Open(path)
	if err != nil {
		return failure("open the database", path, err)
	}
	defer f.Close()
	if err := lockFile(f, !opt.ReadOnly, opt.Timeout); err != nil {
		return failure("open the database", path, err)
	}
	err = verifyFile(path)
	var d *damage
	switch {
	case errors.As(err, &d):
		return &Error{Op: "open the database", Path: path, Kind: ErrCorrupt, Err: err, msg: corruptMessage(path, err)}
	case err != nil:
		return failure("open the database", path, err)
	}
	return nil
}

// removeIfEmpty removes a file Open created but could not set up (a full
// disk), so it is not left behind as an empty file.
func removeIfEmpty(path string) {
	if fi, err := os.Stat(path); err == nil && fi.Mode().IsRegular() && fi.Size() < 2*4096 {
		_ = os.Remove(path)
	}
}

// openBolt opens the bbolt file, turning its errors and panics on damaged
// files into the store's errors.
func openBolt(path string, opt Options) (db *bolt.DB, err error) {
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() {
		if r := recover(); r != nil {
			db, err = nil, &Error{Op: "open the database", Path: path, Kind: ErrCorrupt,
				Err: fmt.Errorf("%v", r), msg: corruptMessage(path, fmt.Errorf("%v", r))}
		}
	}()
	db, err = bolt.Open(path, 0o600, &bolt.Options{
		Timeout:  opt.Timeout,
		ReadOnly: opt.ReadOnly,
		NoSync:   false, // every commit is fsync'd: a note is saved before it is shown as saved
	})
	if err != nil {
		if classify(err) == nil {
			// bbolt reports short or foreign files with plain errors ("file
			// size too small"); anything it cannot read as a database is damaged.
			if fi, serr := os.Stat(path); serr == nil && fi.Size() > 0 && !errors.Is(err, os.ErrPermission) {
				return nil, &Error{Op: "open the database", Path: path, Kind: ErrCorrupt, Err: err, msg: corruptMessage(path, err)}
			}
		}
		return nil, failure("open the database", path, err)
	}
	return db, nil
}

// prepare checks the schema version, migrates older files and walks the
// sessions once so that a damaged file is reported now, not mid-workshop.
func (s *Store) prepare() error {
	var version int
	var empty bool
	err := s.view("open the database", func(tx *bolt.Tx) error {
		var err error
		version, empty, err = readSchema(tx)
		return err
	})
	if errors.Is(err, errForeign) {
		return notDatabase(s.path, "it is the database of another program")
	}
	if err != nil {
		return err
	}
	if version > SchemaVersion {
		return &Error{Op: "open the database", Path: s.path, Kind: ErrNewerSchema,
			msg: fmt.Sprintf("%s was made by a newer liberate (schema %d, this one reads up to %d); update liberate", s.path, version, SchemaVersion)}
	}
	if !s.opt.ReadOnly {
		switch {
		case empty:
			if err := s.update("create the database", func(tx *bolt.Tx) error { return initSchema(tx) }); err != nil {
				return err
			}
		case version < SchemaVersion:
			if err := s.migrate(version); err != nil {
				return err
			}
		}
	}
	if err := s.view("open the database", walk); err != nil {
		return err
	}
	if !s.opt.ReadOnly {
		// A liberate that stopped before purging what it deleted (a crash,
		// a kill) left those sessions hidden; their backup is beside the file.
		if _, err := s.PurgeDeleted(); err != nil {
			return err
		}
	}
	return nil
}

// readSchema returns the file's schema version; a file without buckets is
// empty, a file with buckets but no version is version 0.
func readSchema(tx *bolt.Tx) (version int, empty bool, err error) {
	meta := tx.Bucket(bucketMeta)
	if meta == nil {
		empty = true
		_ = tx.ForEach(func([]byte, *bolt.Bucket) error { empty = false; return nil })
		if !empty && tx.Bucket(bucketSessions) == nil {
			// Buckets, but neither liberate's meta nor its sessions: the
			// file of another program. It is refused, never migrated.
			return 0, false, errForeign
		}
		return 0, empty, nil
	}
	v := meta.Get(keySchema)
	if v == nil {
		return 0, false, nil
	}
	n, err := strconv.Atoi(string(v))
	if err != nil {
		return 0, false, fmt.Errorf("%w: schema version %q is not a number", ErrCorrupt, v)
	}
	return n, false, nil
}

func initSchema(tx *bolt.Tx) error {
	for _, name := range [][]byte{bucketMeta, bucketNoteIDs, bucketSessions} {
		if _, err := tx.CreateBucketIfNotExists(name); err != nil {
			return err
		}
	}
	return tx.Bucket(bucketMeta).Put(keySchema, []byte(strconv.Itoa(SchemaVersion)))
}

// migrations[v] turns a version-v file into a version-v+1 file, inside one
// transaction.
var migrations = map[int]func(tx *bolt.Tx) error{
	// Version 0 files come from development builds: same layout, no version.
	0: func(tx *bolt.Tx) error { return initSchema(tx) },
}

// migrate backs the file up and then upgrades it one version at a time.
func (s *Store) migrate(from int) error {
	backup := fmt.Sprintf("%s.bak-v%d-%s", s.path, from, s.opt.Now().Format("20060102-150405"))
	if err := s.BackupTo(backup); err != nil {
		return failure("back up the database before updating it", s.path, err)
	}
	for v := from; v < SchemaVersion; v++ {
		step, ok := migrations[v]
		if !ok {
			return &Error{Op: "update the database", Path: s.path, Kind: ErrCorrupt,
				msg: fmt.Sprintf("%s has schema %d, which this liberate cannot update; a copy is in %s", s.path, v, backup)}
		}
		next := v + 1
		err := s.update("update the database", func(tx *bolt.Tx) error {
			if err := step(tx); err != nil {
				return err
			}
			meta, err := tx.CreateBucketIfNotExists(bucketMeta)
			if err != nil {
				return err
			}
			return meta.Put(keySchema, []byte(strconv.Itoa(next)))
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// walk reads every session record: cheap, and it touches the pages a
// damaged file breaks first.
func walk(tx *bolt.Tx) error {
	ss := tx.Bucket(bucketSessions)
	if ss == nil {
		return nil
	}
	return ss.ForEachBucket(func(k []byte) error {
		b := ss.Bucket(k)
		if b == nil {
			return fmt.Errorf("%w: session %q is unreadable", ErrCorrupt, k)
		}
		_ = b.Get(keySession)
		return nil
	})
}

// Path returns the absolute path of the database file.
func (s *Store) Path() string { return s.path }

// Close closes the file and lets other liberate windows open it.
func (s *Store) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.db == nil {
		return nil
	}
	err := s.db.Close()
	s.db = nil
	if err != nil {
		return failure("close the database", s.path, err)
	}
	return nil
}

// Check reads every page of the file and reports damage as ErrCorrupt. It
// reads the file itself, not through bbolt's memory map, and holds off
// writes while it does.
func (s *Store) Check() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.db == nil {
		return &Error{Op: "check the database", Path: s.path, msg: "could not check the database: it is closed"}
	}
	err := verifyFile(s.path)
	var d *damage
	switch {
	case errors.As(err, &d):
		return &Error{Op: "check the database", Path: s.path, Kind: ErrCorrupt, Err: err, msg: corruptMessage(s.path, err)}
	case err != nil:
		return failure("check the database", s.path, err)
	}
	return nil
}

// InjectFault makes every following write first call fn with the name of
// the operation ("AddNote", "UpdateNote", "SaveSession", "AppendEvent",
// "SaveClusters", "SaveUndo", "Apply"); when fn returns an error the write
// is rolled back and fails with that error, classified like a real one
// (syscall.ENOSPC becomes ErrDiskFull). It lets tests of the store and of
// the UI show what happens when a save fails. InjectFault(nil) stops it.
func (s *Store) InjectFault(fn func(op string) error) {
	if fn == nil {
		s.fault.Store(nil)
		return
	}
	s.fault.Store(&fn)
}

// view runs fn in a read transaction, turning a panic on a damaged page into
// ErrCorrupt.
func (s *Store) view(op string, fn func(tx *bolt.Tx) error) (err error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if s.db == nil {
		return &Error{Op: op, Path: s.path, msg: fmt.Sprintf("could not %s: the database is closed", op)}
	}
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() {
		if r := recover(); r != nil {
			err = s.faulted(op, r)
		}
	}()
	if err := s.db.View(func(tx *bolt.Tx) error {
		if err := s.checkSize(tx); err != nil {
			return err
		}
		return fn(tx)
	}); err != nil {
		return failure(op, s.path, err)
	}
	return nil
}

// write runs fn in its own write transaction named name for fault
// injection; it returns once the commit is on disk (fsync). When the file
// was moved or deleted meanwhile, the store puts it back first.
func (s *Store) write(name, op string, fn func(tx *bolt.Tx) error) error {
	if err := s.update(op, func(tx *bolt.Tx) error {
		if err := fn(tx); err != nil {
			return err
		}
		if f := s.fault.Load(); f != nil {
			return (*f)(name)
		}
		return nil
	}); err != nil {
		return err
	}
	return s.ensureFile(op)
}

func (s *Store) update(op string, fn func(tx *bolt.Tx) error) (err error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if s.db == nil {
		return &Error{Op: op, Path: s.path, msg: fmt.Sprintf("could not %s: the database is closed", op)}
	}
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() {
		if r := recover(); r != nil {
			err = s.faulted(op, r)
		}
	}()
	if err := s.db.Update(func(tx *bolt.Tx) error {
		if err := s.checkSize(tx); err != nil {
			return err
		}
		return fn(tx)
	}); err != nil {
		return failure(op, s.path, err)
	}
	return nil
}

// checkSize notices a file cut short behind liberate's back (another
// program, a full disk that truncated it): reading its missing pages would
// fault, and writing to it would make things worse.
func (s *Store) checkSize(tx *bolt.Tx) error {
	fi, err := os.Stat(s.path)
	if err != nil || s.ident == nil || !os.SameFile(fi, s.ident) {
		return nil // moved or deleted: ensureFile deals with that after a write
	}
	if fi.Size() < tx.Size() {
		return fmt.Errorf("%w: the file was cut short while liberate had it open (%d of %d bytes)", ErrCorrupt, fi.Size(), tx.Size())
	}
	return nil
}

// faulted turns a panic or memory fault inside bbolt into ErrCorrupt.
func (s *Store) faulted(op string, r any) error {
	cause := fmt.Errorf("%v", r)
	if _, ok := r.(runtime.Error); ok {
		cause = errors.New("a part of the file cannot be read")
	}
	return &Error{Op: op, Path: s.path, Kind: ErrCorrupt, Err: cause, msg: corruptMessage(s.path, cause)}
}

// ensureFile notices when the open file was deleted (or its folder removed)
// behind liberate's back: writes would land in a file nobody can open
// again. It writes the whole database back to its path and reopens it
// there, so the write just made is kept.
func (s *Store) ensureFile(op string) error {
	s.mu.RLock()
	ident := s.ident
	s.mu.RUnlock()
	if ident == nil {
		return nil
	}
	fi, err := os.Stat(s.path)
	if err == nil && os.SameFile(fi, ident) {
		return nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.db == nil {
		return nil
	}
	if fi, err := os.Stat(s.path); err == nil {
		if os.SameFile(fi, s.ident) {
			return nil // put back meanwhile
		}
		// Another file now sits at the path: do not overwrite it.
		return failure(op, s.path, fmt.Errorf("%w: another file replaced it", ErrFileGone))
	}
	if err := os.MkdirAll(filepath.Dir(s.path), 0o700); err != nil {
		return failure(op, s.path, fmt.Errorf("%w: %w", ErrFileGone, err))
	}
	if err := copyTo(s.db, s.path); err != nil {
		return failure(op, s.path, fmt.Errorf("%w: %w", ErrFileGone, err))
	}
	_ = s.db.Close()
	s.db = nil
	db, err := openBolt(s.path, s.opt)
	if err != nil {
		return err
	}
	s.db = db
	if fi, err := os.Stat(s.path); err == nil {
		s.ident = fi
	}
	return nil
}
