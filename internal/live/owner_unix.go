//go:build unix

package live

import (
	"os"
	"syscall"
)

// fileOwner returns the numeric owner of a file and whether the OS says.
func fileOwner(fi os.FileInfo) (int, bool) {
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !ok {
		return 0, false
	}
	return int(st.Uid), true
}

// euid returns the effective user id of this process. Tests replace it to
// make every file look as if another user owned it.
var euid = os.Geteuid
