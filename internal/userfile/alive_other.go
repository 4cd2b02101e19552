//go:build !unix

package userfile

import "os"

// alive reports whether process pid exists: on Windows, finding a process
// opens a handle to it, which fails once it has exited.
func alive(pid int) bool {
	p, err := os.FindProcess(pid)
	if err != nil {
		return false
	}
	p.Release()
	return true
}
