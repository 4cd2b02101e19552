package live

import (
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

var hashName = regexp.MustCompile(`^[0-9a-f]{16}\.sock$`)

func TestSocketPathIsUnderTheRuntimeDir(t *testing.T) {
	db := runtimeDir(t)
	p, err := SocketPath(db)
	if err != nil {
		t.Fatal(err)
	}
	if filepath.Dir(p) != filepath.Join(os.Getenv("XDG_RUNTIME_DIR"), "liberate") || !hashName.MatchString(filepath.Base(p)) {
		t.Fatalf("socket path %s", p)
	}
}

func TestSocketPathIsTheSameForEveryNameOfTheFile(t *testing.T) {
	db := runtimeDir(t)
	dir := filepath.Dir(db)
	link := filepath.Join(t.TempDir(), "link")
	if err := os.Symlink(dir, link); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	want, _ := SocketPath(db)
	for _, name := range []string{
		"liberate.db",
		"./liberate.db",
		filepath.Join("..", filepath.Base(dir), "liberate.db"),
		dir + "//liberate.db",
		filepath.Join(link, "liberate.db"),
	} {
		if got, err := SocketPath(name); err != nil || got != want {
			t.Errorf("SocketPath(%q) = %q, %v; want %q", name, got, err, want)
		}
	}
	other, _ := SocketPath(filepath.Join(dir, "other.db"))
	if other == want {
		t.Fatal("two databases share a socket")
	}
}

func TestSocketPathIsBesideTheDatabaseWithoutARuntimeDir(t *testing.T) {
	t.Setenv("XDG_RUNTIME_DIR", "")
	db := filepath.Join(t.TempDir(), "liberate.db")
	if p, err := SocketPath(db); err != nil || p != db+".sock" {
		t.Fatalf("SocketPath = %q, %v; want %q", p, err, db+".sock")
	}
	t.Setenv("XDG_RUNTIME_DIR", "relative/dir") // not a runtime dir: ignored
	if p, _ := SocketPath(db); p != db+".sock" {
		t.Fatalf("a relative XDG_RUNTIME_DIR was used: %s", p)
	}
}

// deepDir returns a folder whose path is at least n bytes long.
func deepDir(t *testing.T, n int) string {
	t.Helper()
	dir := t.TempDir()
	for len(dir) < n {
		dir = filepath.Join(dir, strings.Repeat("d", 40))
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestSocketPathFallsBackWhenTheUsualPlaceIsTooLong(t *testing.T) {
	tmp := shortTemp(t)
	tempDirs = func() []string { return []string{tmp} }
	t.Cleanup(func() { tempDirs = defaultTempDirs })

	t.Setenv("XDG_RUNTIME_DIR", deepDir(t, 120))
	db := filepath.Join(deepDir(t, 120), "liberate.db")
	p, err := SocketPath(db)
	if err != nil {
		t.Fatal(err)
	}
	if filepath.Dir(filepath.Dir(p)) != tmp || !strings.HasPrefix(filepath.Base(filepath.Dir(p)), "liberate-") || !hashName.MatchString(filepath.Base(p)) {
		t.Fatalf("fallback path %s", p)
	}
	if len(p) > MaxSocketPath {
		t.Fatalf("%s is %d bytes, more than %d", p, len(p), MaxSocketPath)
	}
	s := listen(t, db, NewBus(room{Session: "deep"}), ServerOptions{})
	if m := fileMode(t, filepath.Dir(s.Path())); m.Perm() != 0o700 {
		t.Fatalf("per-user folder mode %v", m)
	}
	c, _ := startClient[room](t, db)
	awaitState(t, c, "connected", func(st State[room]) bool { return st.Snapshot.Value.Session == "deep" })
}

func TestSocketPathSaysWhenNothingIsShortEnough(t *testing.T) {
	long := deepDir(t, 120)
	tempDirs = func() []string { return []string{long} }
	t.Cleanup(func() { tempDirs = defaultTempDirs })
	t.Setenv("XDG_RUNTIME_DIR", long)
	_, err := SocketPath(filepath.Join(long, "liberate.db"))
	if !errors.Is(err, ErrPathTooLong) || !strings.Contains(err.Error(), "set XDG_RUNTIME_DIR") {
		t.Fatalf("SocketPath: %v, want ErrPathTooLong", err)
	}
}

func TestSocketPathIsNotBesideADatabaseInAnotherUsersFolder(t *testing.T) {
	t.Setenv("XDG_RUNTIME_DIR", "")
	tmp := shortTemp(t)
	tempDirs = func() []string { return []string{tmp} }
	t.Cleanup(func() { tempDirs = defaultTempDirs })
	db := filepath.Join(t.TempDir(), "liberate.db")
	asAnotherUser(t)
	p, err := SocketPath(db)
	if err != nil || !strings.HasPrefix(p, tmp) {
		t.Fatalf("SocketPath = %q, %v; want the per-user folder in %s", p, err, tmp)
	}
}

func TestEverySocketPathFitsTheOS(t *testing.T) {
	for _, n := range []int{1, 40, 80, 96, 97, 98, 99, 100, 120, 300} {
		t.Setenv("XDG_RUNTIME_DIR", "")
		db := filepath.Join(deepDir(t, n), "liberate.db")
		p, err := SocketPath(db)
		if err != nil {
			t.Fatal(err)
		}
		if len(p)+tempSuffixLen > 103 {
			t.Fatalf("database of %d bytes: socket %s (%d bytes) does not fit", len(db), p, len(p))
		}
	}
}

// shortTemp returns a new folder with a short path (test names make
// t.TempDir's paths long).
func shortTemp(t *testing.T) string {
	t.Helper()
	dir, err := mkShortTemp()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	return dir
}
