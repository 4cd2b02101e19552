//go:build !unix

package live

import "net"

// bindSocket listens on path. On Windows the socket's access follows the
// folder's access list (the user's own runtime or temporary folder).
func bindSocket(path string) (*net.UnixListener, error) {
	ln, err := net.ListenUnix("unix", &net.UnixAddr{Name: path, Net: "unix"})
	if err != nil {
		return nil, err
	}
	ln.SetUnlinkOnClose(false)
	return ln, nil
}

// isStale says whether a failed connection to an existing socket file means
// that no one listens on it any more: on Windows any failure does.
func isStale(error) bool { return true }
