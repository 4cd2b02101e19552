// Package userfile reads and writes the facilitator's own files with care:
// files are read only when they are regular files of a sane size, with a
// deadline so a named pipe cannot hang a command; files are written through
// a temporary file beside the target that is renamed into place, never over
// an existing file unless asked, never through a symbolic link; and the
// temporary files a killed liberate leaves behind carry a name that the
// next liberate recognises and removes.
package userfile

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// ReadDeadline bounds how long a read of a user file may wait for data.
const ReadDeadline = time.Second

// Kinds of refusal, for errors.Is.
var (
	// ErrNotRegular means the path is a device, a pipe, a socket or a folder.
	ErrNotRegular = errors.New("not a regular file")
	// ErrTooLarge means the file is larger than the reader accepts.
	ErrTooLarge = errors.New("file too large")
	// ErrExists means the target of a write exists and overwriting was not asked for.
	ErrExists = errors.New("file exists")
	// ErrSymlink means the target of a write is a symbolic link.
	ErrSymlink = errors.New("target is a symbolic link")
	// ErrIsDir means the target of a write is a folder.
	ErrIsDir = errors.New("target is a folder")
)

// kindOf describes a file mode in words.
func kindOf(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a folder"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeDevice != 0 || m&fs.ModeCharDevice != 0:
		return "a device"
	case m&fs.ModeSymlink != 0:
		return "a symbolic link"
	}
	return "not a regular file"
}

// Read reads the regular file at path, at most max bytes. A device, pipe,
// socket or folder (also behind a symbolic link) is refused before it is
// read, a larger file before it is read, and a read that waits longer than
// ReadDeadline is abandoned. Errors name the file and say what to do.
func Read(path string, max int64) ([]byte, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("cannot read %s: %w", path, unwrap(err))
	}
	if !fi.Mode().IsRegular() {
		return nil, fmt.Errorf("%s is %s, not a file liberate can read (%w); remove it or give a regular file", path, kindOf(fi.Mode()), ErrNotRegular)
	}
	if fi.Size() > max {
		return nil, fmt.Errorf("%s is %d bytes, more than the %d liberate reads (%w); give a smaller file", path, fi.Size(), max, ErrTooLarge)
	}
	// O_NONBLOCK: if a pipe took the file's place since Stat, opening it
	// does not wait for a writer.
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, fmt.Errorf("cannot read %s: %w", path, unwrap(err))
	}
	defer f.Close()
	if fi, err = f.Stat(); err != nil || !fi.Mode().IsRegular() {
		return nil, fmt.Errorf("%s is not a regular file (%w); remove it or give a regular file", path, ErrNotRegular)
	}
	_ = f.SetReadDeadline(time.Now().Add(ReadDeadline)) // regular files need none; pipes and devices get one
	data, err := io.ReadAll(io.LimitReader(f, max+1))
	if err != nil {
		return nil, fmt.Errorf("cannot read %s: %w", path, unwrap(err))
	}
	if int64(len(data)) > max {
		return nil, fmt.Errorf("%s grew past the %d bytes liberate reads (%w); give a smaller file", path, max, ErrTooLarge)
	}
	return data, nil
}

// CheckTarget says whether a file may be written at path: not a folder,
// not a symbolic link, and not an existing file unless force. It returns
// nil when path does not exist yet.
func CheckTarget(path string, force bool) error {
	fi, err := os.Lstat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		return fmt.Errorf("cannot write %s: %w; pick another place", path, unwrap(err))
	case fi.IsDir():
		return fmt.Errorf("%s is a folder (%w); give a file name, e.g. %s", path, ErrIsDir, filepath.Join(path, "workshop.md"))
	case fi.Mode()&fs.ModeSymlink != 0:
		return fmt.Errorf("%s is a symbolic link (%w); liberate does not write through links: give the real file name", path, ErrSymlink)
	case !fi.Mode().IsRegular():
		return fmt.Errorf("%s is %s (%w); give a file name", path, kindOf(fi.Mode()), ErrNotRegular)
	case !force:
		return fmt.Errorf("%s already exists (%w); add --force to replace it, or pick another name", path, ErrExists)
	}
	return nil
}

// tempMarker is part of the name of every temporary file liberate writes;
// the number after it is the writing process, so a later liberate can tell
// a file left by a killed one from a file being written right now.
const tempMarker = ".liberate-tmp-"

// CreateTemp creates a temporary file for target in target's folder, named
// <name>.liberate-tmp-<pid>-<random>, mode 0600. It is visible (not a dot
// file), so it is never a hidden copy, and CleanTemps removes it once its
// process is gone.
func CreateTemp(target string) (*os.File, error) {
	dir, base := filepath.Split(target)
	if dir == "" {
		dir = "."
	}
	var b [4]byte
	for range 10 {
		_, _ = rand.Read(b[:])
		name := filepath.Join(dir, base+tempMarker+strconv.Itoa(os.Getpid())+"-"+hex.EncodeToString(b[:]))
		f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		return f, err
	}
	return nil, fmt.Errorf("cannot create a temporary file in %s", dir)
}

// CleanTemps removes, in dir, the temporary files of liberate processes
// that no longer run (killed while writing a backup or an export). Files of
// running processes are left alone.
func CleanTemps(dir string) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		name := e.Name()
		i := strings.LastIndex(name, tempMarker)
		if i < 0 || !e.Type().IsRegular() {
			continue
		}
		rest := name[i+len(tempMarker):]
		pidText, _, ok := strings.Cut(rest, "-")
		pid, err := strconv.Atoi(pidText)
		if !ok || err != nil || pid <= 0 {
			continue
		}
		if pid != os.Getpid() && !alive(pid) {
			_ = os.Remove(filepath.Join(dir, name))
		}
	}
}

// WriteAtomic writes data to path through a synced temporary file renamed
// into place, after CheckTarget(path, force). A full disk or a kill never
// leaves half a file at path.
func WriteAtomic(path string, data []byte, force bool) error {
	if err := CheckTarget(path, force); err != nil {
		return err
	}
	CleanTemps(dirOf(path))
	f, err := CreateTemp(path)
	if err != nil {
		return WriteError(path, err)
	}
	tmp := f.Name()
	_, werr := f.Write(data)
	if werr == nil {
		werr = f.Sync()
	}
	if cerr := f.Close(); werr == nil {
		werr = cerr
	}
	if werr == nil {
		werr = os.Rename(tmp, path)
	}
	if werr != nil {
		_ = os.Remove(tmp)
		return WriteError(path, werr)
	}
	return nil
}

func dirOf(path string) string {
	d := filepath.Dir(path)
	if d == "" {
		return "."
	}
	return d
}

// WriteError explains a failed write of path by its real cause: a full
// disk, a read-only or forbidden folder, a missing folder.
func WriteError(path string, err error) error {
	dir := dirOf(path)
	cause := unwrap(err)
	switch {
	case errors.Is(err, syscall.ENOSPC), errors.Is(err, syscall.EDQUOT):
		return fmt.Errorf("cannot write %s: the disk is full (%w); free some space or pick another place", path, cause)
	case errors.Is(err, syscall.EROFS):
		return fmt.Errorf("cannot write %s: the folder %s is on a read-only disk (%w); pick another place", path, dir, cause)
	case errors.Is(err, fs.ErrPermission):
		return fmt.Errorf("cannot write %s: you may not write in the folder %s (%w); pick another place", path, dir, cause)
	case errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("cannot write %s: the folder %s does not exist (%w); create it or pick another place", path, dir, cause)
	case errors.Is(err, syscall.EISDIR):
		return fmt.Errorf("%s is a folder (%w); give a file name", path, cause)
	}
	return fmt.Errorf("cannot write %s: %w; pick another place", path, cause)
}

func unwrap(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	return err
}
