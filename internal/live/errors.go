package live

import (
	"errors"
	"fmt"
)

// Kinds of failure. Every error the package returns to a caller that a
// facilitator may see is an *Error whose message is one English sentence
// that says what to do; match the kind with errors.Is and show the
// translated sentence (i18n's Live area has one per kind).
var (
	// ErrClosed means the bus, subscription, server or client was closed.
	ErrClosed = errors.New("closed")
	// ErrInUse means another running liberate already serves this database.
	ErrInUse = errors.New("another liberate is serving this database")
	// ErrNotOwner means the socket or its folder belongs to another user.
	ErrNotOwner = errors.New("the live socket belongs to another user")
	// ErrNotSocket means something other than a socket is at the socket's path.
	ErrNotSocket = errors.New("not a socket")
	// ErrPathTooLong means no socket path short enough for the OS was found.
	ErrPathTooLong = errors.New("socket path too long")
	// ErrNoServer means no liberate is serving this database (yet): the
	// client keeps waiting and retrying.
	ErrNoServer = errors.New("no liberate is serving this database")
	// ErrProtocol means the server sent something that is not a snapshot
	// stream (a broken or overlong line, a wrong field, a sequence going
	// backwards).
	ErrProtocol = errors.New("not a liberate snapshot stream")
	// ErrVersion means the server speaks another version of the stream: the
	// projector and the console are different liberate versions.
	ErrVersion = errors.New("another version of liberate")
)

// Error is a failure with the socket path it concerns, its kind (one of the
// Err* values) and its cause.
type Error struct {
	Kind error  // ErrInUse, ErrNotOwner, …
	Path string // the socket (or folder) concerned
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

// failure builds the *Error of kind for path with its sentence.
func failure(kind error, path string, cause error) *Error {
	e := &Error{Kind: kind, Path: path, Err: cause}
	switch kind {
	case ErrInUse:
		e.msg = fmt.Sprintf("another liberate is serving this database on %s; close that liberate or use --db to pick another file", path)
	case ErrNotOwner:
		e.msg = fmt.Sprintf("%s belongs to another user, so liberate will not use it for the projector; remove it or set XDG_RUNTIME_DIR to a folder of your own", path)
	case ErrNotSocket:
		e.msg = fmt.Sprintf("%s is in the way of the projector socket and is not one; move it away", path)
	case ErrPathTooLong:
		e.msg = fmt.Sprintf("no short enough path for the projector socket of %s; set XDG_RUNTIME_DIR to a short folder of your own", path)
	case ErrNoServer:
		e.msg = "no liberate is running a session on this database yet; start one with liberate run or liberate resume"
	case ErrProtocol:
		e.msg = fmt.Sprintf("%s sent something that is not a liberate session; check that it is liberate's socket", path)
	case ErrVersion:
		e.msg = "the projector and the running liberate are different versions; run the same liberate for both"
	case ErrClosed:
		e.msg = "the live session was closed"
	default:
		e.msg = fmt.Sprintf("the projector socket %s failed: %v; try again", path, cause)
	}
	if cause != nil && kind != nil && kind != ErrNoServer {
		e.msg += " (" + cause.Error() + ")"
	}
	return e
}
