package userfile

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

func TestWriteErrorsNameTheRealCause(t *testing.T) {
	path := "/media/usb/workshop.md"
	for errno, want := range map[syscall.Errno]string{
		syscall.ENOSPC: "the disk is full",
		syscall.EROFS:  "the folder /media/usb is on a read-only disk",
		syscall.EACCES: "you may not write in the folder /media/usb",
		syscall.ENOENT: "the folder /media/usb does not exist",
		syscall.EISDIR: "is a folder",
	} {
		err := WriteError(path, &os.PathError{Op: "open", Path: path, Err: errno})
		if !strings.Contains(err.Error(), want) || !errors.Is(err, errno) {
			t.Errorf("%v: %q, want %q", errno, err, want)
		}
		if errno != syscall.ENOSPC && strings.Contains(err.Error(), "space") {
			t.Errorf("%v: %q speaks of space", errno, err)
		}
	}
}

func TestATempFileIsVisibleAndNamedForItsProcess(t *testing.T) {
	dir := t.TempDir()
	f, err := CreateTemp(filepath.Join(dir, "liberate.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	name := filepath.Base(f.Name())
	if strings.HasPrefix(name, ".") || !strings.Contains(name, "liberate.db.liberate-tmp-") {
		t.Fatalf("temporary file %q", name)
	}
	CleanTemps(dir) // our own: kept
	if _, err := os.Stat(f.Name()); err != nil {
		t.Fatalf("a running process's temporary file was removed: %v", err)
	}
}

func TestReadRefusesWhatIsNotARegularFileOfASaneSize(t *testing.T) {
	dir := t.TempDir()
	if _, err := Read("/dev/zero", 1<<20); !errors.Is(err, ErrNotRegular) {
		t.Errorf("/dev/zero: %v", err)
	}
	if _, err := Read(dir, 1<<20); !errors.Is(err, ErrNotRegular) || !strings.Contains(err.Error(), "a folder") {
		t.Errorf("folder: %v", err)
	}
	fifo := filepath.Join(dir, "pipe")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := Read(fifo, 1<<20); !errors.Is(err, ErrNotRegular) || !strings.Contains(err.Error(), "named pipe") {
		t.Errorf("fifo: %v", err)
	}
	big := filepath.Join(dir, "big")
	os.WriteFile(big, make([]byte, 101), 0o600)
	if _, err := Read(big, 100); !errors.Is(err, ErrTooLarge) {
		t.Errorf("big: %v", err)
	}
	if data, err := Read(big, 101); err != nil || len(data) != 101 {
		t.Errorf("a file at the limit: %d, %v", len(data), err)
	}
}
