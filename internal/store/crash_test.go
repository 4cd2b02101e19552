package store

import (
	"bufio"
	"bytes"
	"errors"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"liberate/internal/session"
	"liberate/internal/timer"
)

var (
	crashTrials = flag.Int("crash.trials", 0, "kills in TestAKilledCaptureLosesNoAcknowledgedNote (0: 50, or 15 with -short)")
	crashSeed   = flag.Uint64("crash.seed", 0, "seed of the kill moments (0: from the clock, logged)")
)

const (
	envCrashDB       = "LIBERATE_STORE_CRASH_DB"
	envCrashDeadline = "LIBERATE_STORE_CRASH_DEADLINE"
	crashSessionID   = "20261122-0954-ab12"
)

// TestHelperProcess is the facilitator's liberate in the crash test: it
// captures notes as fast as it can and prints "ack <id>" only after the
// store said the note is saved. It does nothing in a normal test run.
func TestHelperProcess(t *testing.T) {
	path := os.Getenv(envCrashDB)
	if path == "" {
		t.Skip("run by TestAKilledCaptureLosesNoAcknowledgedNote")
	}
	fail := func(format string, args ...any) {
		fmt.Fprintf(os.Stderr, "helper: "+format+"\n", args...)
		os.Exit(3)
	}
	deadline, err := time.Parse(time.RFC3339Nano, os.Getenv(envCrashDeadline))
	if err != nil {
		fail("deadline: %v", err)
	}
	s, err := Open(path, Options{Timeout: 10 * time.Second})
	if err != nil {
		fail("open: %v", err)
	}
	ss, err := s.Session(crashSessionID)
	if err != nil && !errors.Is(err, ErrNotFound) {
		fail("read session: %v", err)
	}
	if err != nil {
		ss = &session.Session{ID: crashSessionID, Title: "Crash", Slugs: []string{"1-2-4-all"},
			Timer: timer.Timer{Planned: 5 * time.Minute, Running: true, Deadline: deadline}}
		if err := s.SaveSession(ss); err != nil {
			fail("save session: %v", err)
		}
	}
	os.Stdout.WriteString("ready\n")
	for i := range 100000 {
		n := &session.Note{SessionID: ss.ID, Text: fmt.Sprintf("note %d: %s", i, strings.Repeat("irritation ", i%50))}
		if i%2 == 0 {
			n.Kind = session.KindFrustration
			err = s.AddNote(n)
		} else {
			// A note, its event and the session's count in one transaction.
			n.Kind = session.KindIdea
			err = s.Apply(ss.ID, func(w *Writer) error {
				if err := w.PutNote(n); err != nil {
					return err
				}
				if err := w.PutEvent(&session.Event{Type: session.EventNoteAdded, NoteID: n.ID}); err != nil {
					return err
				}
				ss.Pos++
				return w.PutSession(ss)
			})
		}
		if err != nil {
			fail("save note %d: %v", i, err)
		}
		os.Stdout.WriteString("ack " + strconv.FormatUint(n.ID, 10) + "\n")
	}
	os.Exit(0)
}

// TestAKilledCaptureLosesNoAcknowledgedNote kills a capturing liberate with
// SIGKILL at random moments and checks, after each kill, that every note it
// acknowledged is in the file, that the file is sound, that the notes saved
// together with an event and a session change are all-or-nothing, and that
// the running step's deadline survived.
func TestAKilledCaptureLosesNoAcknowledgedNote(t *testing.T) {
	trials := *crashTrials
	if trials <= 0 {
		trials = 50
		if testing.Short() {
			trials = 15
		}
	}
	seed := *crashSeed
	if seed == 0 {
		seed = uint64(time.Now().UnixNano())
	}
	t.Logf("%d trials, -crash.seed=%d", trials, seed)
	rng := rand.New(rand.NewPCG(seed, 0))

	path := filepath.Join(t.TempDir(), "liberate.db")
	deadline := time.Date(2026, 11, 22, 10, 3, 17, 250_000_000, time.Local)
	acked := map[uint64]bool{}
	start := time.Now()
	for trial := range trials {
		// -1: kill while it may still be opening; 0..40: after that many acks.
		target := rng.IntN(42) - 1
		got, err := runAndKill(t, path, deadline, target)
		if err != nil {
			t.Fatalf("trial %d (kill after %d): %v", trial, target, err)
		}
		for _, id := range got {
			acked[id] = true
		}
		verifyAfterKill(t, path, deadline, acked, trial)
	}
	t.Logf("%d kills, %d acknowledged notes, all present; %v", trials, len(acked), time.Since(start).Round(time.Millisecond))
}

// runAndKill starts the helper, kills it after target acknowledged notes
// (or at once for target < 0) and returns every id it acknowledged, also
// those printed between the decision to kill and its death.
func runAndKill(t *testing.T, path string, deadline time.Time, target int) ([]uint64, error) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperProcess$")
	cmd.Env = append(os.Environ(), envCrashDB+"="+path, envCrashDeadline+"="+deadline.Format(time.RFC3339Nano))
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	killed := false
	kill := func() {
		if !killed {
			_ = cmd.Process.Kill()
			killed = true
		}
	}
	if target < 0 {
		kill()
	}
	var ids []uint64
	sc := bufio.NewScanner(out)
	ready := false
	for sc.Scan() {
		line := sc.Text()
		switch {
		case line == "ready":
			ready = true
		case strings.HasPrefix(line, "ack "):
			id, err := strconv.ParseUint(strings.TrimPrefix(line, "ack "), 10, 64)
			if err != nil {
				kill()
				return nil, fmt.Errorf("helper printed %q", line)
			}
			ids = append(ids, id)
		default:
			continue // test framework chatter
		}
		if ready && len(ids) >= target {
			kill()
		}
	}
	err = cmd.Wait()
	if !killed {
		return nil, fmt.Errorf("helper ended by itself (%v): %s", err, stderr.String())
	}
	if stderr.Len() > 0 && strings.Contains(stderr.String(), "helper: ") {
		return nil, fmt.Errorf("helper failed: %s", stderr.String())
	}
	return ids, nil
}

func verifyAfterKill(t *testing.T, path string, deadline time.Time, acked map[uint64]bool, trial int) {
	t.Helper()
	if _, err := os.Stat(path); os.IsNotExist(err) {
		if len(acked) > 0 {
			t.Fatalf("trial %d: the file is gone", trial)
		}
		return
	}
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatalf("trial %d: reopen after kill: %v", trial, err)
	}
	defer s.Close()
	if err := s.Check(); err != nil {
		t.Fatalf("trial %d: Check after kill: %v", trial, err)
	}
	ss, err := s.Session(crashSessionID)
	if err != nil {
		if len(acked) > 0 {
			t.Fatalf("trial %d: session lost: %v", trial, err)
		}
		return
	}
	if !ss.Timer.Running || !ss.Timer.Deadline.Equal(deadline) {
		t.Fatalf("trial %d: timer after kill = %+v, want running until %v", trial, ss.Timer, deadline)
	}
	notes, err := s.Notes(crashSessionID)
	if err != nil {
		t.Fatal(err)
	}
	events, err := s.Events(crashSessionID)
	if err != nil {
		t.Fatal(err)
	}
	present := map[uint64]session.Kind{}
	for _, n := range notes {
		present[n.ID] = n.Kind
	}
	for id := range acked {
		if _, ok := present[id]; !ok {
			t.Fatalf("trial %d: acknowledged note %d is missing (%d notes in the file)", trial, id, len(notes))
		}
	}
	// At most one note per kill was saved but not yet acknowledged.
	if extra := len(notes) - len(acked); extra < 0 || extra > trial+1 {
		t.Fatalf("trial %d: %d notes in the file, %d acknowledged", trial, len(notes), len(acked))
	}
	// Notes saved with Apply came with their event and the session's count.
	ideas := 0
	for _, n := range notes {
		if n.Kind == session.KindIdea {
			ideas++
		}
	}
	withEvent := map[uint64]bool{}
	for _, e := range events {
		if present[e.NoteID] != session.KindIdea {
			t.Fatalf("trial %d: event %d points at note %d, which is not in the file", trial, e.Seq, e.NoteID)
		}
		withEvent[e.NoteID] = true
	}
	if len(withEvent) != ideas || len(events) != ideas || ss.Pos != ideas {
		t.Fatalf("trial %d: %d notes saved with Apply, %d events, session count %d: a transaction was torn", trial, ideas, len(events), ss.Pos)
	}
}
