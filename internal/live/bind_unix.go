//go:build unix

package live

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"io/fs"
	"net"
	"os"
	"syscall"
)

// bindSocket listens on path with mode 0600. It binds a temporary name in the
// same folder, sets the mode and only then renames the socket into place, so
// the socket never appears at its path with wider permissions.
func bindSocket(path string) (*net.UnixListener, error) {
	var b [2]byte
	_, _ = rand.Read(b[:])
	tmp := path + "." + hex.EncodeToString(b[:])
	ln, err := net.ListenUnix("unix", &net.UnixAddr{Name: tmp, Net: "unix"})
	if err != nil {
		return nil, err
	}
	ln.SetUnlinkOnClose(false)
	if err := os.Chmod(tmp, 0o600); err != nil {
		ln.Close()
		os.Remove(tmp)
		return nil, err
	}
	if err := os.Rename(tmp, path); err != nil {
		ln.Close()
		os.Remove(tmp)
		return nil, err
	}
	return ln, nil
}

// isStale says whether a failed connection to an existing socket file means
// that no one listens on it any more.
func isStale(err error) bool {
	return errors.Is(err, syscall.ECONNREFUSED) || errors.Is(err, fs.ErrNotExist)
}
