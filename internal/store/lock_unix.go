//go:build !windows

package store

import (
	"errors"
	"os"
	"syscall"
)

// tryLock takes bbolt's kind of flock on f without waiting; busy says that
// another process holds it.
func tryLock(f *os.File, exclusive bool) (busy bool, err error) {
	how := syscall.LOCK_SH
	if exclusive {
		how = syscall.LOCK_EX
	}
	err = syscall.Flock(int(f.Fd()), how|syscall.LOCK_NB)
	return errors.Is(err, syscall.EWOULDBLOCK), err
}
