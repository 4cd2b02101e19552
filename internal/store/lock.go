package store

import (
	"os"
	"time"

	bolterrors "go.etcd.io/bbolt/errors"

	"liberate/internal/userfile"
)

// lockFile takes the kind of lock bbolt takes on f (exclusive for a writer,
// shared for a reader), waiting up to timeout for another liberate to let
// go. The lock goes with f when it is closed.
func lockFile(f *os.File, exclusive bool, timeout time.Duration) error {
	deadline := time.Now().Add(timeout)
	for {
		busy, err := tryLock(f, exclusive)
		if err == nil {
			return nil
		}
		if !busy {
			return err
		}
		if time.Now().After(deadline) {
			return bolterrors.ErrTimeout
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// cleanTemps removes the temporary copies killed liberates left in dir.
func cleanTemps(dir string) { userfile.CleanTemps(dir) }
