//go:build !unix

package live

import "os"

// fileOwner reports no owner: on Windows, files under the user's profile and
// temporary folder are protected by their access lists instead.
func fileOwner(os.FileInfo) (int, bool) { return 0, false }

// euid is -1 where the OS has no numeric user ids.
var euid = func() int { return -1 }
