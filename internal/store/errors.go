package store

import (
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"syscall"

	bolterrors "go.etcd.io/bbolt/errors"
)

// Kinds of failure the store reports. Every error the store returns is an
// *Error whose message is one plain sentence that says what to do; match
// the kind with errors.Is.
var (
	// ErrNotFound means the session (or note) asked for is not in the file.
	ErrNotFound = errors.New("not found")
	// ErrAmbiguous means a session reference matches more than one session.
	ErrAmbiguous = errors.New("ambiguous session reference")
	// ErrLocked means another liberate holds the file.
	ErrLocked = errors.New("database is locked")
	// ErrCorrupt means the file is damaged or is not a liberate database.
	ErrCorrupt = errors.New("database is damaged")
	// ErrNewerSchema means the file was written by a newer liberate.
	ErrNewerSchema = errors.New("database made by a newer liberate")
	// ErrDiskFull means a write failed because the disk (or quota) is full.
	ErrDiskFull = errors.New("disk is full")
	// ErrReadOnly means the file, its disk or the store is read-only.
	ErrReadOnly = errors.New("database is read-only")
	// ErrTooLarge means a note is larger than MaxNoteBytes.
	ErrTooLarge = errors.New("note is too large")
	// ErrNotDatabase means the file is empty, not a regular file or the file
	// of another program. errors.Is(err, ErrCorrupt) holds for it too.
	ErrNotDatabase = errors.New("not a liberate database")
	// ErrFileGone means the database file was moved or deleted while open and
	// could not be put back.
	ErrFileGone = errors.New("database file is gone")
)

// Error is what the store returns: a plain message for the facilitator, the
// kind of failure (one of the Err* values above, or nil) and the cause.
type Error struct {
	Op   string // what was being done, e.g. "save the note"
	Path string // the database file
	Kind error  // ErrLocked, ErrDiskFull, … or nil
	Err  error  // the underlying cause, if any
	msg  string
}

// Error returns the message for the facilitator.
func (e *Error) Error() string { return e.msg }

// Unwrap exposes both the kind and the cause to errors.Is and errors.As.
func (e *Error) Unwrap() []error {
	var errs []error
	if e.Kind != nil {
		errs = append(errs, e.Kind)
	}
	if e.Err != nil {
		errs = append(errs, e.Err)
	}
	return errs
}

// classify maps a low-level error to one of the store's kinds.
func classify(err error) error {
	var se *Error
	switch {
	case err == nil:
		return nil
	case errors.As(err, &se) && se.Kind != nil:
		return se.Kind
	case errors.Is(err, ErrDiskFull), errors.Is(err, syscall.ENOSPC), errors.Is(err, syscall.EDQUOT),
		errors.Is(err, bolterrors.ErrMaxSizeReached):
		return ErrDiskFull
	case errors.Is(err, ErrReadOnly), errors.Is(err, syscall.EROFS), errors.Is(err, bolterrors.ErrDatabaseReadOnly),
		errors.Is(err, fs.ErrPermission):
		return ErrReadOnly
	case errors.Is(err, ErrLocked), errors.Is(err, bolterrors.ErrTimeout):
		return ErrLocked
	case errors.Is(err, ErrCorrupt), errors.Is(err, bolterrors.ErrInvalid), errors.Is(err, bolterrors.ErrChecksum),
		errors.Is(err, bolterrors.ErrVersionMismatch), errors.Is(err, bolterrors.ErrInvalidMapping):
		return ErrCorrupt
	case errors.Is(err, ErrNotFound):
		return ErrNotFound
	case errors.Is(err, ErrTooLarge):
		return ErrTooLarge
	case errors.Is(err, ErrFileGone):
		return ErrFileGone
	case errors.Is(err, ErrNotDatabase):
		return ErrNotDatabase
	}
	return nil
}

// failure builds the store's error for a failed operation op ("save the
// note") on the file at path, with a message that says what to do next.
func failure(op, path string, err error) error {
	var se *Error
	if errors.As(err, &se) && se.msg != "" {
		return err // already explained
	}
	kind := classify(err)
	e := &Error{Op: op, Path: path, Kind: kind, Err: err}
	switch kind {
	case ErrDiskFull:
		e.msg = fmt.Sprintf("could not %s: the disk is full; free some space and try again", op)
	case ErrReadOnly:
		e.msg = fmt.Sprintf("could not %s: %s is read-only; make it writable or use --db to pick another file", op, path)
	case ErrLocked:
		e.msg = lockedMessage(path)
	case ErrCorrupt:
		e.msg = corruptMessage(path, err)
	case ErrFileGone:
		e.msg = fmt.Sprintf("could not %s: %s was moved or deleted while liberate was running and could not be put back; check the folder and try again", op, path)
	default:
		e.msg = fmt.Sprintf("could not %s in %s: %v; check the disk and try again", op, path, err)
	}
	return e
}

func lockedMessage(path string) string {
	return fmt.Sprintf("%s is open in another liberate window; close that window or use --db to pick another file", path)
}

// errForeign marks a bbolt file without liberate's buckets.
var errForeign = errors.New("the database of another program")

// corruptMessage is the one sentence every command gives for a damaged
// file: what is wrong and the ways out.
func corruptMessage(path string, cause error) string {
	why := strings.TrimPrefix(cause.Error(), ErrCorrupt.Error()+": ")
	return fmt.Sprintf("%s is damaged (%s); nothing was written to it: run liberate repair to copy everything readable into a new file, restore a backup (liberate backup, or %s) or move the file away to start a new one",
		path, why, AutoBackupPath(path))
}

// notDatabase refuses a file that is not a liberate database at all.
func notDatabase(path, why string) error {
	return &Error{Op: "open the database", Path: path, Kind: ErrNotDatabase, Err: ErrCorrupt,
		msg: fmt.Sprintf("%s is not a liberate database (%s); nothing was written to it: use --db to pick your liberate file, or move this one away to start a new one", path, why)}
}

// notFound reports a missing session or note with a hint.
func notFound(what, hint string) error {
	return &Error{Kind: ErrNotFound, msg: fmt.Sprintf("%s not found; %s", what, hint)}
}
