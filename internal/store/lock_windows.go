//go:build windows

package store

import (
	"os"

	"golang.org/x/sys/windows"
)

// tryLock takes the byte-range lock bbolt takes on Windows (the byte at
// offset -1) without waiting; busy says that another process holds it.
func tryLock(f *os.File, exclusive bool) (busy bool, err error) {
	var flags uint32 = windows.LOCKFILE_FAIL_IMMEDIATELY
	if exclusive {
		flags |= windows.LOCKFILE_EXCLUSIVE_LOCK
	}
	const m1 = ^uint32(0)
	err = windows.LockFileEx(windows.Handle(f.Fd()), flags, 0, 1, 0, &windows.Overlapped{Offset: m1, OffsetHigh: m1})
	return err == windows.ERROR_LOCK_VIOLATION, err
}
