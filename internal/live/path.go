package live

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
)

// MaxSocketPath is the longest socket path liberate uses, in bytes. The OS
// keeps a socket's path in a fixed buffer with its terminating NUL: 104
// bytes on macOS and the BSDs, 108 on Linux and Windows. A few bytes stay
// free for the temporary name the server binds before it renames the
// socket into place.
const MaxSocketPath = 103 - tempSuffixLen

// tempSuffixLen is the length of "." plus 4 hex digits, the suffix of the
// temporary name a server binds first.
const tempSuffixLen = 5

// Where a socket lives, in the order SocketPath tries them.
type placement int

const (
	placeRuntime placement = iota // $XDG_RUNTIME_DIR/liberate/
	placeBeside                   // DB.sock beside the database
	placeTemp                     // a per-user folder in the temporary folder
)

// String names the placement.
func (p placement) String() string {
	switch p {
	case placeRuntime:
		return "runtime"
	case placeBeside:
		return "beside"
	default:
		return "temp"
	}
}

// location is a derived socket path with its folder and how it was chosen.
type location struct {
	path  string
	dir   string
	place placement
}

// SocketPath returns the socket path of the database at dbPath; the server
// and every client compute the same one for the same file:
//
//   - $XDG_RUNTIME_DIR/liberate/HASH.sock when XDG_RUNTIME_DIR is set,
//   - else DB.sock beside the database, when the database's folder belongs to
//     the current user and the path is short enough,
//   - else liberate-UID/HASH.sock in the temporary folder (/tmp when
//     os.TempDir gives too long a path).
//
// HASH is the first 16 hex digits of the SHA-256 of the database's absolute,
// cleaned path with its symbolic links resolved as far as they exist, so
// "db", "./db" and "/home/me/db" share one socket. The result is never
// longer than MaxSocketPath; ErrPathTooLong when no candidate is short enough.
func SocketPath(dbPath string) (string, error) {
	loc, err := locate(dbPath)
	if err != nil {
		return "", err
	}
	return loc.path, nil
}

func locate(dbPath string) (location, error) {
	db, err := canonical(dbPath)
	if err != nil {
		return location{}, failure(nil, dbPath, err)
	}
	sum := sha256.Sum256([]byte(db))
	name := hex.EncodeToString(sum[:8]) + ".sock"

	if rt := os.Getenv("XDG_RUNTIME_DIR"); rt != "" && filepath.IsAbs(rt) {
		dir := filepath.Join(filepath.Clean(rt), "liberate")
		if p := filepath.Join(dir, name); len(p) <= MaxSocketPath {
			return location{path: p, dir: dir, place: placeRuntime}, nil
		}
	}
	if p := db + ".sock"; len(p) <= MaxSocketPath {
		dir := filepath.Dir(db)
		if fi, err := os.Stat(dir); err == nil && ownedBySelf(fi) {
			return location{path: p, dir: dir, place: placeBeside}, nil
		}
	}
	for _, tmp := range tempDirs() {
		dir := filepath.Join(tmp, userFolder())
		if p := filepath.Join(dir, name); len(p) <= MaxSocketPath {
			return location{path: p, dir: dir, place: placeTemp}, nil
		}
	}
	return location{}, failure(ErrPathTooLong, db, nil)
}

// canonical returns the absolute, cleaned path of the database with symbolic
// links resolved as far as the path exists (the database may not exist yet
// when a projector starts first).
func canonical(dbPath string) (string, error) {
	abs, err := filepath.Abs(dbPath)
	if err != nil {
		return "", err
	}
	if r, err := filepath.EvalSymlinks(abs); err == nil {
		return r, nil
	}
	dir, base := filepath.Split(abs)
	if r, err := filepath.EvalSymlinks(dir); err == nil {
		return filepath.Join(r, base), nil
	}
	return abs, nil
}

// tempDirs lists the temporary folders to try for the per-user fallback.
// Tests replace it.
var tempDirs = defaultTempDirs

func defaultTempDirs() []string {
	dirs := []string{os.TempDir()}
	if runtime.GOOS != "windows" && dirs[0] != "/tmp" {
		dirs = append(dirs, "/tmp")
	}
	return dirs
}

// userFolder names the per-user folder in a shared temporary folder.
func userFolder() string {
	if uid := euid(); uid >= 0 {
		return "liberate-" + strconv.Itoa(uid)
	}
	return "liberate" // Windows: the temporary folder is the user's own
}
