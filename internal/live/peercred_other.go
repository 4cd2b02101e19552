//go:build !linux && !darwin

package live

import "net"

// peerUID cannot tell the peer's user on this OS; the socket's file mode and
// its folder's owner keep other users out instead.
func peerUID(*net.UnixConn) (uid int, ok bool) { return 0, false }
