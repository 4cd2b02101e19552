package store

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	bolt "go.etcd.io/bbolt"

	"liberate/internal/userfile"
)

// Backup writes a consistent copy of the whole database to w while the
// store stays open, and returns the number of bytes written.
func (s *Store) Backup(w io.Writer) (int64, error) {
	var n int64
	err := s.view("back up the database", func(tx *bolt.Tx) error {
		var err error
		n, err = tx.WriteTo(w)
		return err
	})
	return n, err
}

// BackupTo writes a consistent copy of the database to path: first to a
// temporary file in the same folder, synced to disk, then renamed over path,
// and the folder synced, so path holds either the old or the new copy, never
// half of one.
func (s *Store) BackupTo(path string) error {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if s.db == nil {
		return &Error{Op: "back up the database", Path: s.path, msg: "could not back up the database: it is closed"}
	}
	if err := copyTo(s.db, path); err != nil {
		return s.copyFailure(path, err)
	}
	return nil
}

// copyFailure explains a failed copy: by the target's folder when writing
// the copy failed, by the database when reading it did.
func (s *Store) copyFailure(path string, err error) error {
	var te *targetError
	if errors.As(err, &te) {
		return &Error{Op: "back up the database", Path: s.path, Err: te.err, msg: userfile.WriteError(path, te.err).Error()}
	}
	return failure("back up the database to "+path, s.path, err)
}

// targetError marks a failure to write the copy (not to read the database).
type targetError struct{ err error }

func (e *targetError) Error() string { return e.err.Error() }
func (e *targetError) Unwrap() error { return e.err }

// copyTo writes a hot copy of db to path atomically.
func copyTo(db *bolt.DB, path string) (err error) {
	dir := filepath.Dir(path)
	userfile.CleanTemps(dir)
	tmp, err := userfile.CreateTemp(path)
	if err != nil {
		return &targetError{err}
	}
	defer func() {
		if err != nil {
			_ = tmp.Close()
			_ = os.Remove(tmp.Name())
		}
	}()
	if err := tmp.Chmod(0o600); err != nil {
		return &targetError{err}
	}
	var werr error
	err = db.View(func(tx *bolt.Tx) error {
		_, err := tx.WriteTo(writerFunc(func(p []byte) (int, error) {
			n, err := tmp.Write(p)
			if err != nil {
				werr = err
			}
			return n, err
		}))
		return err
	})
	if werr != nil {
		return &targetError{werr}
	}
	if err != nil {
		return err
	}
	if err := tmp.Sync(); err != nil {
		return &targetError{err}
	}
	if err := tmp.Close(); err != nil {
		return &targetError{err}
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return &targetError{err}
	}
	return syncDir(dir)
}

type writerFunc func([]byte) (int, error)

func (f writerFunc) Write(p []byte) (int, error) { return f(p) }

// syncDir makes a rename in dir durable.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	if err := d.Sync(); err != nil {
		return fmt.Errorf("sync folder %s: %w", dir, err)
	}
	return nil
}

// AutoBackupSuffix names the copy a running liberate keeps beside its
// database, so `liberate backup` has a consistent copy to give even while
// the file is locked by the session on the projector.
const AutoBackupSuffix = ".autobackup"

// AutoBackupPath is the running copy of the database at dbPath.
func AutoBackupPath(dbPath string) string { return dbPath + AutoBackupSuffix }

// AutoBackup refreshes the running copy beside the database (atomically,
// fsync'd). The UI calls it at every step change.
func (s *Store) AutoBackup() error { return s.BackupTo(AutoBackupPath(s.path)) }

// CopyBackup copies the backup file src to dst the way BackupTo writes:
// through a synced temporary file renamed into place. The copy is opened
// and checked before it counts, so a damaged source is never passed on.
func CopyBackup(src, dst string) error {
	if err := verifyFile(src); err != nil {
		return &Error{Kind: ErrCorrupt, Op: "check the backup", Path: src, Err: err, msg: fmt.Sprintf("the running copy %s is damaged (%v); close the other liberate and run backup again", src, err)}
	}
	db, err := bolt.Open(src, 0o600, &bolt.Options{ReadOnly: true, Timeout: DefaultTimeout})
	if err != nil {
		return failure("read the backup "+src, src, err)
	}
	defer db.Close()
	if err := copyTo(db, dst); err != nil {
		s := &Store{path: src}
		return s.copyFailure(dst, err)
	}
	return nil
}
