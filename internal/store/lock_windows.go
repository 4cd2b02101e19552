//go:build windows

package store

import (
	"errors"
	"os"
	"time"

	bolterrors "go.etcd.io/bbolt/errors"
	"golang.org/x/sys/windows"
)

// lockFile takes the kind of lock bbolt takes on f (exclusive for a writer,
// shared for a reader), waiting up to timeout for another liberate to let
// go. Like bbolt, it locks the one byte at the largest offset, so reading
// the file stays possible. The lock goes with f when it is closed.
func lockFile(f *os.File, exclusive bool, timeout time.Duration) error {
	flags := uint32(windows.LOCKFILE_FAIL_IMMEDIATELY)
	if exclusive {
		flags |= windows.LOCKFILE_EXCLUSIVE_LOCK
	}
	deadline := time.Now().Add(timeout)
	for {
		ol := windows.Overlapped{Offset: ^uint32(0), OffsetHigh: ^uint32(0)}
		err := windows.LockFileEx(windows.Handle(f.Fd()), flags, 0, 1, 0, &ol)
		if err == nil {
			return nil
		}
		if !errors.Is(err, windows.ERROR_LOCK_VIOLATION) {
			return err
		}
		if time.Now().After(deadline) {
			return bolterrors.ErrTimeout
		}
		time.Sleep(50 * time.Millisecond)
	}
}
