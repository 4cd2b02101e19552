package store_test

import (
	"bytes"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"liberate/internal/session"
	"liberate/internal/store"
	"liberate/internal/store/storetest"
)

// sample builds a database once per test and returns its bytes.
func sample(t testing.TB, sessions, notes int) (string, []byte) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "sample.db")
	storetest.Build(t, path, sessions, notes)
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return path, data
}

// openDamaged opens data as a database file, read-only and for writing,
// and checks the promises for a damaged file: no crash, an error that is
// one sentence naming the file (or a store that reads without crashing),
// and not one byte written to the file when it is refused.
func openDamaged(t testing.TB, dir string, data []byte) (refused bool) {
	t.Helper()
	path := filepath.Join(dir, "liberate.db")
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	for _, ro := range []bool{true, false} {
		s, err := store.Open(path, store.Options{ReadOnly: ro, Timeout: 50 * time.Millisecond})
		if err != nil {
			refused = true
			if !errors.Is(err, store.ErrCorrupt) {
				t.Fatalf("readOnly=%v: %v is not ErrCorrupt", ro, err)
			}
			msg := err.Error()
			if strings.Count(msg, ". ") > 0 || strings.Contains(msg, "\n") || !strings.Contains(msg, path) {
				t.Fatalf("readOnly=%v: message is not one sentence naming the file: %q", ro, msg)
			}
			got, rerr := os.ReadFile(path)
			if rerr != nil || !bytes.Equal(got, data) {
				t.Fatalf("readOnly=%v: the refused file was written to (%d → %d bytes)", ro, len(data), len(got))
			}
			continue
		}
		// Opened: everything must read without a crash (errors are fine).
		list, _ := s.Sessions()
		for _, sum := range list {
			_, _, _ = s.ReadableNotes(sum.ID)
			_, _, _ = s.ReadableEvents(sum.ID)
			_, _ = s.Clusters(sum.ID)
			_, _ = s.Session(sum.ID)
		}
		_ = s.Close()
	}
	return refused
}

func TestEveryPageBoundaryCutOfADatabaseIsRefusedWithoutAWrite(t *testing.T) {
	_, data := sample(t, 4, 60) // the CLI test cuts a megabyte; this one is quicker
	ps := os.Getpagesize()
	dir := t.TempDir()
	// bbolt grows a file ahead of its use, so cuts past the last page in
	// use leave a sound file; every shorter cut must be refused.
	firstOpen := -1
	for cut := 0; cut < len(data); cut += ps {
		refused := openDamaged(t, dir, data[:cut])
		switch {
		case !refused && firstOpen < 0:
			firstOpen = cut
		case refused && firstOpen >= 0:
			t.Fatalf("a cut at %d was refused though a cut at %d opened", cut, firstOpen)
		}
	}
	if firstOpen < 0 {
		firstOpen = len(data)
	}
	t.Logf("%d bytes, %d pages; cuts below %d refused, above opened", len(data), len(data)/ps, firstOpen)
	if firstOpen < len(data)/2 {
		t.Errorf("cuts from %d of %d bytes opened as sound", firstOpen, len(data))
	}
}

func TestFlippedBytesNeverCrashOrWrite(t *testing.T) {
	_, data := sample(t, 4, 120)
	rng := rand.New(rand.NewPCG(14, 1))
	dir := t.TempDir()
	refused := 0
	trials := 300
	if testing.Short() {
		trials = 60
	}
	for range trials {
		b := bytes.Clone(data)
		for range 1 + rng.IntN(4) {
			i := rng.IntN(len(b))
			b[i] ^= byte(1 << rng.IntN(8))
		}
		if openDamaged(t, dir, b) {
			refused++
		}
	}
	t.Logf("%d of %d damaged copies refused, the rest read without a crash", refused, trials)
}

func TestAZeroLengthFileIsRefusedNotMigrated(t *testing.T) {
	path := filepath.Join(t.TempDir(), "liberate.db")
	if err := os.WriteFile(path, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	_, err := store.Open(path, store.Options{})
	if !errors.Is(err, store.ErrNotDatabase) || !strings.Contains(err.Error(), "empty") {
		t.Fatalf("zero-length file: %v", err)
	}
	if fi, _ := os.Stat(path); fi.Size() != 0 {
		t.Fatalf("the empty file was written to: %d bytes", fi.Size())
	}
}

func TestTheFileOfAnotherProgramIsRefusedNotMigrated(t *testing.T) {
	path := filepath.Join(t.TempDir(), "other.db")
	foreignDB(t, path)
	before, _ := os.ReadFile(path)
	_, err := store.Open(path, store.Options{})
	if !errors.Is(err, store.ErrNotDatabase) || !strings.Contains(err.Error(), "another program") {
		t.Fatalf("foreign file: %v", err)
	}
	after, _ := os.ReadFile(path)
	if !bytes.Equal(before, after) {
		t.Fatal("the foreign file was written to")
	}
	if m, _ := filepath.Glob(path + ".bak-*"); len(m) > 0 {
		t.Fatalf("a migration backup was made: %v", m)
	}
}

func TestAFailedCreateLeavesNoEmptyFile(t *testing.T) {
	dir := t.TempDir()
	if err := os.Chmod(dir, 0o500); err != nil {
		t.Fatal(err)
	}
	defer os.Chmod(dir, 0o700)
	path := filepath.Join(dir, "liberate.db")
	if _, err := store.Open(path, store.Options{}); err == nil {
		t.Skip("the folder is writable anyway (running as root)")
	}
	if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("a file was left behind: %v", err)
	}
}

func TestRepairCopiesEveryReadableSessionAndSaysWhatWasLost(t *testing.T) {
	src, data := sample(t, 8, 200)
	dir := t.TempDir()

	// A sound file comes through whole.
	whole := filepath.Join(dir, "whole.db")
	rep, err := store.Repair(src, whole, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !rep.Complete() || rep.Sessions != 8 || rep.Notes != 8*200 || rep.Events != 8*200 {
		t.Fatalf("sound file: %+v", rep)
	}
	s, err := store.Open(whole, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	notes, err := s.Notes(storetest.SessionID(3))
	s.Close()
	if err != nil || len(notes) != 200 {
		t.Fatalf("repaired notes: %d, %v", len(notes), err)
	}

	// A file cut in the middle: the new file opens and holds what was left.
	ps := os.Getpagesize()
	for _, frac := range []int{3, 2} {
		cut := len(data) / frac / ps * ps
		broken := filepath.Join(dir, fmt.Sprintf("cut%d.db", frac))
		if err := os.WriteFile(broken, data[:cut], 0o600); err != nil {
			t.Fatal(err)
		}
		out := filepath.Join(dir, fmt.Sprintf("repaired%d.db", frac))
		rep, err := store.Repair(broken, out, nil)
		if err != nil {
			t.Fatalf("repair of a file cut at %d: %v", cut, err)
		}
		if rep.Complete() || rep.Cause == "" {
			t.Errorf("cut at %d: the report does not say what was lost: %+v", cut, rep)
		}
		if got, _ := os.ReadFile(broken); !bytes.Equal(got, data[:cut]) {
			t.Fatal("repair wrote to the damaged file")
		}
		s, err := store.Open(out, store.Options{})
		if err != nil {
			t.Fatalf("the repaired file does not open: %v", err)
		}
		if err := s.Check(); err != nil {
			t.Fatalf("the repaired file is not sound: %v", err)
		}
		list, err := s.Sessions()
		if err != nil {
			t.Fatal(err)
		}
		total := 0
		for _, sum := range list {
			ns, err := s.Notes(sum.ID)
			if err != nil {
				t.Fatal(err)
			}
			total += len(ns)
		}
		if total != rep.Notes || len(list) != rep.Sessions {
			t.Errorf("report says %d sessions, %d notes; file holds %d, %d", rep.Sessions, rep.Notes, len(list), total)
		}
		if rep.Notes == 0 {
			t.Errorf("cut at %d of %d: no note recovered", cut, len(data))
		}
		// New notes get fresh ids in the repaired file.
		sum := list[0]
		ns, _ := s.Notes(sum.ID)
		var maxID uint64
		for _, n := range ns {
			maxID = max(maxID, n.ID)
		}
		n := addNote(t, s, sum.ID, "after the repair")
		if n.ID <= maxID {
			t.Errorf("a new note got id %d, not above %d", n.ID, maxID)
		}
		s.Close()
		t.Logf("cut at %d/%d: %+v", cut, len(data), rep)
	}
}

// FuzzOpenDamagedFile opens arbitrary bytes as a database. The seeds are a
// real file cut at every page boundary and with flipped bytes.
func FuzzOpenDamagedFile(f *testing.F) {
	_, data := sample(f, 2, 40)
	ps := os.Getpagesize()
	for cut := 0; cut <= len(data); cut += ps {
		f.Add(data[:cut])
	}
	for i := 0; i < len(data); i += len(data) / 16 {
		b := bytes.Clone(data)
		b[i] ^= 0x40
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		openDamaged(t, t.TempDir(), b)
	})
}

func addNote(t *testing.T, s *store.Store, id, text string) *session.Note {
	t.Helper()
	n := &session.Note{SessionID: id, Text: text, Kind: session.KindIdea}
	if err := s.AddNote(n); err != nil {
		t.Fatal(err)
	}
	return n
}

func foreignDB(t *testing.T, path string) {
	t.Helper()
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := db.Update(func(tx *bolt.Tx) error {
		b, err := tx.CreateBucket([]byte("widgets"))
		if err != nil {
			return err
		}
		return b.Put([]byte("a"), []byte("b"))
	}); err != nil {
		t.Fatal(err)
	}
}

// BenchmarkOpenChecksAFileOf10kNotes opens (read-only) and closes a file of
// 10,000 notes with their timeline: the check of every page before bbolt
// maps it is part of every command's start.
func BenchmarkOpenChecksAFileOf10kNotes(b *testing.B) {
	path := filepath.Join(b.TempDir(), "big.db")
	storetest.Build(b, path, 10, 1000)
	fi, _ := os.Stat(path)
	b.ReportMetric(float64(fi.Size())/(1<<20), "MB")
	b.ResetTimer()
	for b.Loop() {
		s, err := store.Open(path, store.Options{ReadOnly: true})
		if err != nil {
			b.Fatal(err)
		}
		s.Close()
	}
}
