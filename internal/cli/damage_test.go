package cli

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"liberate/internal/store"
	"liberate/internal/store/storetest"
)

// oneSentence fails unless errOut is one "liberate: …" line naming path.
func oneSentence(t *testing.T, what, errOut, path string) {
	t.Helper()
	line := strings.TrimSuffix(errOut, "\n")
	if !strings.HasPrefix(line, "liberate: ") || strings.Contains(line, "\n") || strings.Contains(line, "goroutine") || !strings.Contains(line, path) {
		t.Fatalf("%s: not one sentence naming %s: %q", what, path, errOut)
	}
}

// TestEveryPageBoundaryCutIsOneSentenceAndExitOneForEveryCommand cuts a
// database of about a megabyte at every page boundary and runs sessions,
// export, resume, run and backup on each cut: every damaged cut gives one
// sentence and exit 1, creates no session, opens no screen and leaves the
// file as it was. repair then recovers the sessions that are still there.
func TestEveryPageBoundaryCutIsOneSentenceAndExitOneForEveryCommand(t *testing.T) {
	ta := newTestApp(t)
	src := filepath.Join(t.TempDir(), "full.db")
	storetest.Build(t, src, 8, 120)
	data, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	path := ta.Getenv("LIBERATE_DB")
	ps := os.Getpagesize()
	damaged := 0
	start := time.Now()
	for cut := 0; cut < len(data); cut += ps {
		if err := os.WriteFile(path, data[:cut], 0o600); err != nil {
			t.Fatal(err)
		}
		st, err := store.Open(path, store.Options{ReadOnly: true})
		if err == nil {
			st.Close()
			continue // past the last page in use: a sound file
		}
		damaged++
		for _, args := range [][]string{
			{"sessions"}, {"sessions", "--json"}, {"export"}, {"export", "--format", "csv"}, {"resume"},
			{"run", "1-2-4-all"}, {"backup", "-o", filepath.Join(t.TempDir(), "b.db")},
		} {
			ta.models = nil
			out, errOut, code := ta.exec(t, args...)
			if code != 1 || out != "" || len(ta.models) > 0 {
				t.Fatalf("cut at %d, liberate %q: exit %d, %d screens, stdout %q", cut, args, code, len(ta.models), out)
			}
			oneSentence(t, strings.Join(args, " "), errOut, path)
		}
		if got, _ := os.ReadFile(path); !bytes.Equal(got, data[:cut]) {
			t.Fatalf("cut at %d: the damaged file was written to", cut)
		}
	}
	t.Logf("%d bytes, %d of %d cuts damaged, 7 commands each refused in %v", len(data), damaged, len(data)/ps, time.Since(start).Round(time.Millisecond))
	if damaged < len(data)/ps/2 {
		t.Fatalf("only %d cuts were found damaged", damaged)
	}

	// repair recovers what the cut left.
	cut := len(data) / 2 / ps * ps
	if err := os.WriteFile(path, data[:cut], 0o600); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "rescued.db")
	stdout, errOut, code := ta.exec(t, "repair", "-o", out)
	if code != 0 || !strings.Contains(stdout, "rescued.db") || !strings.Contains(errOut, "lost:") || !strings.Contains(errOut, "was not touched") {
		t.Fatalf("repair: exit %d\n%s\n%s", code, stdout, errOut)
	}
	js, errOut, code := ta.exec(t, "--db", out, "sessions", "--json")
	var list []store.SessionSummary
	if code != 0 || json.Unmarshal([]byte(js), &list) != nil || len(list) == 0 {
		t.Fatalf("sessions of the repaired file: %d %q %s", code, errOut, js)
	}
	whole := 0
	for _, s := range list {
		if s.Notes == 120 {
			whole++
		}
	}
	if whole < 3 {
		t.Errorf("only %d sessions came back with all their notes: %+v", whole, list)
	}
	t.Logf("repair of a cut at %d/%d: %d sessions back, %d with all their notes", cut, len(data), len(list), whole)
	// The repaired file exports and resumes.
	if _, errOut, code := ta.exec(t, "--db", out, "export"); code != 0 {
		t.Fatalf("export of the repaired file: %s", errOut)
	}
	if _, errOut, code := ta.exec(t, "--db", out, "resume"); code != 0 {
		t.Fatalf("resume of the repaired file: %s", errOut)
	}
}

func TestAZeroLengthOrForeignFileIsRefusedByRunNotMigrated(t *testing.T) {
	ta := newTestApp(t)
	path := ta.Getenv("LIBERATE_DB")
	if err := os.WriteFile(path, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	_, errOut, code := ta.exec(t, "run", "1-2-4-all")
	if code != 1 || !strings.Contains(errOut, "not a liberate database") || len(ta.models) > 0 {
		t.Fatalf("run on an empty file: %d %q", code, errOut)
	}
	if fi, _ := os.Stat(path); fi.Size() != 0 {
		t.Fatal("the empty file was written to")
	}
	if err := os.WriteFile(path, []byte("# my notes\n\nnot a database at all\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	_, errOut, code = ta.exec(t, "run", "1-2-4-all")
	if code != 1 || !strings.Contains(errOut, "damaged") || !strings.Contains(errOut, "repair") {
		t.Fatalf("run on a text file: %d %q", code, errOut)
	}
}

func TestOneUnreadableNoteCostsOnlyThatNoteInAnExport(t *testing.T) {
	ta := newTestApp(t)
	sess := seedSession(t, ta, "Logging in takes forever", "MFA prompts every hour", "The printer jams")
	path := ta.Getenv("LIBERATE_DB")
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	err = db.Update(func(tx *bolt.Tx) error {
		nb := tx.Bucket([]byte("sessions")).Bucket([]byte(sess.ID)).Bucket([]byte("notes"))
		c := nb.Cursor()
		k, _ := c.First()
		k, _ = c.Next()
		return nb.Put(k, []byte(`{"id": 2, "text": "MFA prom`)) // cut mid-record
	})
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	out, errOut, code := ta.exec(t, "export")
	if code != 0 || !strings.Contains(out, "Logging in takes forever") || !strings.Contains(out, "The printer jams") || strings.Contains(out, "MFA") {
		t.Fatalf("export with one unreadable note: %d\n%s", code, out)
	}
	if !strings.Contains(errOut, "1 notes of this session could not be read") {
		t.Fatalf("no warning: %q", errOut)
	}
	sessions, _, _ := ta.exec(t, "sessions")
	if !strings.Contains(sessions, " 2 notes") {
		t.Errorf("sessions does not count the two readable notes:\n%s", sessions)
	}
}

func TestRunWithoutATerminalCreatesNothing(t *testing.T) {
	ta := newTestApp(t)
	ta.IsTerminal = func() bool { return false }
	_, errOut, code := ta.exec(t, "run", "1-2-4-all")
	if code != 1 || !strings.Contains(errOut, "needs a terminal") || !strings.Contains(errOut, "no session was created") {
		t.Fatalf("run without a terminal: %d %q", code, errOut)
	}
	if _, err := os.Stat(ta.Getenv("LIBERATE_DB")); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("a database was created: %v", err)
	}
}

func TestRunFlagsOutsideTheirRangeAreRefusedBeforeAnythingIsWritten(t *testing.T) {
	ta := newTestApp(t)
	for _, args := range [][]string{
		{"--speed", "NaN"}, {"--speed", "1e-300"}, {"--speed", "0"}, {"--speed", "+Inf"}, {"--speed", "3601"},
		{"--participants", "-5"}, {"--participants", "1000000000"}, {"--participants", "10001"},
	} {
		_, errOut, code := ta.exec(t, append([]string{"run", "1-2-4-all"}, args...)...)
		if code != 1 || !strings.Contains(errOut, "out of range") || strings.Contains(errOut, "disk") {
			t.Errorf("run %v: %d %q", args, code, errOut)
		}
	}
	if _, err := os.Stat(ta.Getenv("LIBERATE_DB")); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("a database was created: %v", err)
	}
	for _, args := range [][]string{{"--speed", "0.1"}, {"--speed", "3600"}, {"--participants", "10000"}, {"--participants", "1"}} {
		if _, errOut, code := ta.exec(t, append([]string{"run", "1-2-4-all"}, args...)...); code != 0 {
			t.Errorf("run %v refused: %q", args, errOut)
		}
	}
}

func TestExportAndBackupNeverOverwriteOrFollowALinkWithoutBeingAsked(t *testing.T) {
	ta := newTestApp(t)
	seedSession(t, ta, "Logging in takes forever")
	dir := t.TempDir()
	file := filepath.Join(dir, "workshop.md")
	for _, cmd := range [][]string{{"export", "-o", file}, {"backup", "-o", file}, {"cluster", "-", "-o", file}} {
		if err := os.WriteFile(file, []byte("my own report"), 0o644); err != nil {
			t.Fatal(err)
		}
		ta.In = strings.NewReader("a\nb\n")
		_, errOut, code := ta.exec(t, cmd...)
		if code != 1 || !strings.Contains(errOut, "already exists") || !strings.Contains(errOut, "--force") {
			t.Fatalf("%v over an existing file: %d %q", cmd, code, errOut)
		}
		if got, _ := os.ReadFile(file); string(got) != "my own report" {
			t.Fatalf("%v overwrote the file", cmd)
		}
		ta.In = strings.NewReader("a\nb\n")
		if _, errOut, code := ta.exec(t, append(cmd, "--force")...); code != 0 {
			t.Fatalf("%v --force: %q", cmd, errOut)
		}
		if got, _ := os.ReadFile(file); string(got) == "my own report" {
			t.Fatalf("%v --force did not replace the file", cmd)
		}
	}
	// A symbolic link is never written through, not even with --force.
	target := filepath.Join(dir, "target.txt")
	os.WriteFile(target, []byte("keep me"), 0o644)
	link := filepath.Join(dir, "link.md")
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}
	for _, cmd := range [][]string{{"export", "-o", link, "--force"}, {"backup", "-o", link, "--force"}} {
		_, errOut, code := ta.exec(t, cmd...)
		if code != 1 || !strings.Contains(errOut, "symbolic link") {
			t.Fatalf("%v: %d %q", cmd, code, errOut)
		}
		if fi, _ := os.Lstat(link); fi.Mode()&os.ModeSymlink == 0 {
			t.Fatal("the link was replaced")
		}
		if got, _ := os.ReadFile(target); string(got) != "keep me" {
			t.Fatal("the link's target was written")
		}
	}
	// A folder is not a place to free space in.
	_, errOut, code := ta.exec(t, "export", "-o", dir)
	if code != 1 || !strings.Contains(errOut, "is a folder") || strings.Contains(errOut, "space") {
		t.Fatalf("export -o DIR: %d %q", code, errOut)
	}
}

func TestABackupToAReadOnlyFolderBlamesTheFolderNotTheDatabase(t *testing.T) {
	ta := newTestApp(t)
	seedSession(t, ta, "one")
	dir := t.TempDir()
	if err := os.Chmod(dir, 0o500); err != nil {
		t.Fatal(err)
	}
	defer os.Chmod(dir, 0o700)
	if f, err := os.Create(filepath.Join(dir, "probe")); err == nil {
		f.Close()
		t.Skip("the folder is writable anyway (running as root)")
	}
	for _, cmd := range [][]string{{"backup", "-o", filepath.Join(dir, "copy.db")}, {"export", "-o", filepath.Join(dir, "x.md")}} {
		_, errOut, code := ta.exec(t, cmd...)
		if code != 1 || !strings.Contains(errOut, "may not write in the folder "+dir) || strings.Contains(errOut, "damaged") || strings.Contains(errOut, "liberate.db is read-only") {
			t.Fatalf("%v to a read-only folder: %d %q", cmd, code, errOut)
		}
	}
}

func TestTemporaryFilesOfAKilledLiberateAreRemovedAtTheNextBackup(t *testing.T) {
	ta := newTestApp(t)
	seedSession(t, ta, "one")
	dir := filepath.Dir(ta.Getenv("LIBERATE_DB"))
	dead := filepath.Join(dir, "liberate.db.backup-1.liberate-tmp-999999999-0a0b0c0d")
	alive := filepath.Join(dir, "liberate.db.autobackup.liberate-tmp-"+itoa(os.Getppid())+"-0a0b0c0d")
	for _, p := range []string{dead, alive} {
		if err := os.WriteFile(p, []byte("half a copy"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	if _, errOut, code := ta.exec(t, "backup"); code != 0 {
		t.Fatal(errOut)
	}
	if _, err := os.Stat(dead); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the copy of a killed liberate is still there: %v", err)
	}
	if _, err := os.Stat(alive); err != nil {
		t.Errorf("the copy of a running liberate was removed: %v", err)
	}
	matches, _ := filepath.Glob(filepath.Join(dir, ".*"))
	if len(matches) > 0 {
		t.Errorf("hidden files beside the database: %v", matches)
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

func TestADevZeroLinkAndAPipeInTheStructuresFolderAreErrorsAtOnce(t *testing.T) {
	ta := newTestApp(t)
	os.MkdirAll(ta.UserDir, 0o755)
	if err := os.Symlink("/dev/zero", filepath.Join(ta.UserDir, "zero.yaml")); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(filepath.Join(ta.UserDir, "pipe.yaml"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, cmd := range [][]string{{"list"}, {"show", "1-2-4-all"}, {"run", "1-2-4-all"}} {
		start := time.Now()
		_, errOut, code := ta.exec(t, cmd...)
		took := time.Since(start)
		if code != 0 || !strings.Contains(errOut, "zero.yaml is a device") || !strings.Contains(errOut, "pipe.yaml is a named pipe") {
			t.Fatalf("%v: %d %q", cmd, code, errOut)
		}
		t.Logf("liberate %v with /dev/zero and a FIFO in the folder: %v", cmd, took)
	}
}
