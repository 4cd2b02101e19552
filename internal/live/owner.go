package live

import "os"

// ownedBySelf says whether fi belongs to the current user; true where the OS
// has no numeric owners.
func ownedBySelf(fi os.FileInfo) bool {
	uid, ok := fileOwner(fi)
	if !ok {
		return true
	}
	return uid == euid()
}
