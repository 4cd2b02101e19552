package store

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"syscall"
	"testing"
	"time"
	"unicode/utf8"

	bolt "go.etcd.io/bbolt"

	"liberate/internal/cluster"
	"liberate/internal/session"
	"liberate/internal/timer"
)

var t0 = time.Date(2026, 11, 22, 9, 54, 0, 0, time.UTC)

func openTemp(t *testing.T) (*Store, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "data", "liberate.db")
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { _ = s.Close() })
	return s, path
}

func reopen(t *testing.T, s *Store, opt Options) *Store {
	t.Helper()
	if err := s.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	s2, err := Open(s.Path(), opt)
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	t.Cleanup(func() { _ = s2.Close() })
	return s2
}

func saveSession(t *testing.T, s *Store, id string, created time.Time) *session.Session {
	t.Helper()
	ss := &session.Session{ID: id, Title: "Irritation brainstorm " + id, Lang: "nl", Slugs: []string{"1-2-4-all"}, CreatedAt: created}
	if err := s.SaveSession(ss); err != nil {
		t.Fatalf("SaveSession: %v", err)
	}
	return ss
}

func addNote(t *testing.T, s *Store, sessionID, text string) *session.Note {
	t.Helper()
	n := &session.Note{SessionID: sessionID, Text: text, Kind: session.KindFrustration}
	if err := s.AddNote(n); err != nil {
		t.Fatalf("AddNote: %v", err)
	}
	return n
}

func texts(ns []session.Note) []string {
	var out []string
	for _, n := range ns {
		out = append(out, n.Text)
	}
	return out
}

func TestOpenCreatesPrivateFolderAndFileWithTheSchemaVersion(t *testing.T) {
	s, path := openTemp(t)
	dir, err := os.Stat(filepath.Dir(path))
	if err != nil {
		t.Fatal(err)
	}
	if dir.Mode().Perm() != 0o700 {
		t.Errorf("folder mode = %v, want 0700", dir.Mode().Perm())
	}
	file, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if file.Mode().Perm() != 0o600 {
		t.Errorf("file mode = %v, want 0600", file.Mode().Perm())
	}
	var version string
	_ = s.view("test", func(tx *bolt.Tx) error {
		version = string(tx.Bucket(bucketMeta).Get(keySchema))
		return nil
	})
	if version != fmt.Sprint(SchemaVersion) {
		t.Errorf("schema version = %q, want %d", version, SchemaVersion)
	}
	if s.db.NoSync {
		t.Error("NoSync is on: commits would not be fsync'd")
	}
}

func TestANoteIsReadableFromTheFileAsSoonAsAddNoteReturns(t *testing.T) {
	s, path := openTemp(t)
	ss := saveSession(t, s, "20261122-0954-ab12", t0)
	n := addNote(t, s, ss.ID, "the ERP asks for the same customer number three times")

	// Copy the bytes on disk while the store is still open: that is what a
	// crash right now would leave behind.
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	copyPath := filepath.Join(t.TempDir(), "copy.db")
	if err := os.WriteFile(copyPath, raw, 0o600); err != nil {
		t.Fatal(err)
	}
	c, err := Open(copyPath, Options{ReadOnly: true})
	if err != nil {
		t.Fatalf("open the copy: %v", err)
	}
	defer c.Close()
	notes, err := c.Notes(ss.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(notes) != 1 || notes[0].ID != n.ID || notes[0].Text != n.Text {
		t.Fatalf("copy holds %+v, want the note %d", notes, n.ID)
	}
	if err := c.Check(); err != nil {
		t.Errorf("Check of the copy: %v", err)
	}

	s2 := reopen(t, s, Options{})
	notes, err = s2.Notes(ss.ID)
	if err != nil || len(notes) != 1 || notes[0].Text != n.Text {
		t.Fatalf("after reopen: %v %v", notes, err)
	}
}

func TestASecondOpenOfTheSameFileFailsWithinTwoSecondsNamingTheFile(t *testing.T) {
	_, path := openTemp(t)
	// The wait is a setting, not a measurement: Open gives up after
	// DefaultTimeout (the contract allows two seconds).
	if DefaultTimeout <= 0 || DefaultTimeout > time.Second {
		t.Fatalf("DefaultTimeout = %v, want a positive wait of at most a second", DefaultTimeout)
	}
	for _, readOnly := range []bool{false, true} {
		s2, err := Open(path, Options{ReadOnly: readOnly})
		if err == nil {
			s2.Close()
			t.Fatalf("second Open (read-only %v) succeeded", readOnly)
		}
		if !errors.Is(err, ErrLocked) {
			t.Errorf("error %v is not ErrLocked", err)
		}
		if !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), "another liberate window") || !strings.Contains(err.Error(), "--db") {
			t.Errorf("message %q does not name the file and the way out", err)
		}
	}
}

func TestOpenAfterTheOtherWindowClosedSucceeds(t *testing.T) {
	s, path := openTemp(t)
	ss := saveSession(t, s, "a", t0)
	addNote(t, s, ss.ID, "one")
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s2, err := Open(path, Options{Timeout: 100 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	if got, _ := s2.Notes("a"); len(got) != 1 {
		t.Errorf("notes = %v", got)
	}
}

func TestADamagedFileIsReportedAsCorruptWithoutPanicking(t *testing.T) {
	garbage := func(n int) []byte {
		b := make([]byte, n)
		for i := range b {
			b[i] = byte(i*131 + 7)
		}
		return b
	}
	cases := map[string]func(t *testing.T, path string){
		"garbage over the whole file": func(t *testing.T, path string) {
			fi, _ := os.Stat(path)
			if err := os.WriteFile(path, garbage(int(fi.Size())), 0o600); err != nil {
				t.Fatal(err)
			}
		},
		"a short foreign file": func(t *testing.T, path string) {
			if err := os.WriteFile(path, []byte("# my notes\n"), 0o600); err != nil {
				t.Fatal(err)
			}
		},
		"garbage over a page of notes": func(t *testing.T, path string) {
			raw, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			at := bytes.Index(raw, []byte("note 25 "))
			if at < 0 {
				t.Fatal("note 25 not found in the file")
			}
			ps := os.Getpagesize()
			at -= at % ps
			copy(raw[at:at+ps], garbage(ps))
			if err := os.WriteFile(path, raw, 0o600); err != nil {
				t.Fatal(err)
			}
		},
		"garbage over the data pages": func(t *testing.T, path string) {
			f, err := os.OpenFile(path, os.O_RDWR, 0)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			fi, _ := f.Stat()
			ps := int64(os.Getpagesize())
			if _, err := f.WriteAt(garbage(int(fi.Size()-2*ps)), 2*ps); err != nil {
				t.Fatal(err)
			}
		},
	}
	for name, damage := range cases {
		t.Run(name, func(t *testing.T) {
			s, path := openTemp(t)
			ss := saveSession(t, s, "20261122-0954-ab12", t0)
			for i := range 50 {
				addNote(t, s, ss.ID, fmt.Sprintf("note %d %s", i, strings.Repeat("x", 200)))
			}
			if err := s.Close(); err != nil {
				t.Fatal(err)
			}
			damage(t, path)

			s2, err := Open(path, Options{Timeout: 100 * time.Millisecond})
			if err == nil {
				// Damage the open walk did not reach must show up in Check
				// or in reading the notes, never as a panic.
				defer s2.Close()
				_, nerr := s2.Notes(ss.ID)
				err = errors.Join(s2.Check(), nerr)
			}
			if !errors.Is(err, ErrCorrupt) {
				t.Fatalf("error %v is not ErrCorrupt", err)
			}
			t.Logf("reported as: %v", err)
			msg := err.Error()
			if !strings.Contains(msg, path) || !strings.Contains(msg, "backup") || !strings.Contains(msg, "move the file away") {
				t.Errorf("message %q does not name the file and the way out", msg)
			}
		})
	}
}

func TestAFileFromANewerLiberateIsRefused(t *testing.T) {
	s, path := openTemp(t)
	_ = s.update("test", func(tx *bolt.Tx) error {
		return tx.Bucket(bucketMeta).Put(keySchema, []byte(fmt.Sprint(SchemaVersion+1)))
	})
	s.Close()
	_, err := Open(path, Options{})
	if !errors.Is(err, ErrNewerSchema) {
		t.Fatalf("error %v is not ErrNewerSchema", err)
	}
	if !strings.Contains(err.Error(), "newer liberate") || !strings.Contains(err.Error(), "update liberate") {
		t.Errorf("message %q does not say to update liberate", err)
	}
}

func TestAnOlderFileIsBackedUpBeforeItIsMigrated(t *testing.T) {
	// A version-0 file: sessions written by a development build, no schema.
	dir := t.TempDir()
	path := filepath.Join(dir, "liberate.db")
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	err = db.Update(func(tx *bolt.Tx) error {
		all, _ := tx.CreateBucket(bucketSessions)
		b, _ := all.CreateBucket([]byte("old"))
		return b.Put(keySession, []byte(`{"id":"old","title":"From before"}`))
	})
	db.Close()
	if err != nil {
		t.Fatal(err)
	}

	at := time.Date(2026, 11, 23, 8, 30, 0, 0, time.UTC)
	s, err := Open(path, Options{Now: func() time.Time { return at }})
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	defer s.Close()

	backup := path + ".bak-v0-20261123-083000"
	bdb, err := bolt.Open(backup, 0o600, &bolt.Options{ReadOnly: true})
	if err != nil {
		t.Fatalf("no backup at %s: %v", backup, err)
	}
	_ = bdb.View(func(tx *bolt.Tx) error {
		if tx.Bucket(bucketMeta) != nil {
			t.Error("the backup was taken after the migration")
		}
		if tx.Bucket(bucketSessions).Bucket([]byte("old")) == nil {
			t.Error("the backup lacks the old session")
		}
		return nil
	})
	bdb.Close()

	ss, err := s.Session("old")
	if err != nil || ss.Title != "From before" {
		t.Fatalf("old session after migration: %+v %v", ss, err)
	}
	var version string
	_ = s.view("test", func(tx *bolt.Tx) error {
		version = string(tx.Bucket(bucketMeta).Get(keySchema))
		return nil
	})
	if version != fmt.Sprint(SchemaVersion) {
		t.Errorf("schema after migration = %q", version)
	}
	n := addNote(t, s, "old", "new note in an old session")
	if n.ID == 0 {
		t.Error("note got no id")
	}
}

func TestAFailedSaveLeavesNoNoteBehind(t *testing.T) {
	s, _ := openTemp(t)
	ss := saveSession(t, s, "s", t0)
	kept := addNote(t, s, ss.ID, "saved before the disk filled up")

	var ops []string
	s.InjectFault(func(op string) error {
		ops = append(ops, op)
		return &os.PathError{Op: "write", Path: s.Path(), Err: syscall.ENOSPC}
	})
	lost := &session.Note{SessionID: ss.ID, Text: "typed while the disk was full"}
	err := s.AddNote(lost)
	if !errors.Is(err, ErrDiskFull) || !errors.Is(err, syscall.ENOSPC) {
		t.Fatalf("AddNote error %v is not ErrDiskFull wrapping ENOSPC", err)
	}
	if !strings.Contains(err.Error(), "disk is full") || !strings.Contains(err.Error(), "free some space") {
		t.Errorf("message %q does not say what to do", err)
	}
	if lost.ID != 0 || !lost.CreatedAt.IsZero() {
		t.Errorf("the failed note was given id %d / stamp %v as if saved", lost.ID, lost.CreatedAt)
	}
	if len(ops) != 1 || ops[0] != "AddNote" {
		t.Errorf("fault saw ops %v", ops)
	}

	s.InjectFault(func(string) error { return syscall.EROFS })
	edit := *kept
	edit.Text = "edited while read-only"
	if err := s.UpdateNote(&edit); !errors.Is(err, ErrReadOnly) {
		t.Errorf("UpdateNote error %v is not ErrReadOnly", err)
	}
	s.InjectFault(nil)

	s2 := reopen(t, s, Options{})
	notes, err := s2.Notes(ss.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got := texts(notes); len(got) != 1 || got[0] != kept.Text {
		t.Fatalf("notes after reopen = %q, want only the note saved before the failure", got)
	}
	// The retry after the disk is freed gets the next id.
	if err := s2.AddNote(lost); err != nil || lost.ID <= kept.ID {
		t.Errorf("retry: id %d, err %v", lost.ID, err)
	}
}

func TestAReadOnlyFileRefusesWritesWithErrReadOnly(t *testing.T) {
	s, path := openTemp(t)
	ss := saveSession(t, s, "s", t0)
	addNote(t, s, ss.ID, "before")
	s.Close()
	if err := os.Chmod(path, 0o400); err != nil {
		t.Fatal(err)
	}
	r, err := Open(path, Options{ReadOnly: true})
	if err != nil {
		t.Fatalf("read-only Open: %v", err)
	}
	defer r.Close()
	n := &session.Note{SessionID: ss.ID, Text: "after"}
	err = r.AddNote(n)
	if !errors.Is(err, ErrReadOnly) {
		t.Fatalf("AddNote on a read-only store: %v, want ErrReadOnly", err)
	}
	if !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), "--db") {
		t.Errorf("message %q does not name the file and the way out", err)
	}
	if n.ID != 0 {
		t.Errorf("refused note got id %d", n.ID)
	}
	if got, _ := r.Notes(ss.ID); len(got) != 1 {
		t.Errorf("notes = %q", texts(got))
	}
}

func TestApplyWritesAllOrNothing(t *testing.T) {
	s, _ := openTemp(t)
	ss := saveSession(t, s, "s", t0)

	n := &session.Note{Text: "info gets lost between sales and planning"}
	e := &session.Event{Type: session.EventNoteAdded}
	err := s.Apply(ss.ID, func(w *Writer) error {
		if err := w.PutNote(n); err != nil {
			return err
		}
		e.NoteID = n.ID
		if err := w.PutEvent(e); err != nil {
			return err
		}
		ss.Pos = 3
		return w.PutSession(ss)
	})
	if err != nil {
		t.Fatal(err)
	}
	if n.ID == 0 || e.Seq != 1 || n.SessionID != ss.ID {
		t.Errorf("note %+v event %+v", n, e)
	}

	failed := &session.Note{Text: "never saved"}
	fe := &session.Event{Type: session.EventNoteAdded}
	boom := errors.New("boom")
	err = s.Apply(ss.ID, func(w *Writer) error {
		_ = w.PutNote(failed)
		_ = w.PutEvent(fe)
		ss.Pos = 4
		_ = w.PutSession(ss)
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("Apply error = %v", err)
	}
	if failed.ID != 0 || fe.Seq != 0 {
		t.Errorf("ids left on the failed values: note %d event %d", failed.ID, fe.Seq)
	}
	notes, _ := s.Notes(ss.ID)
	events, _ := s.Events(ss.ID)
	got, _ := s.Session(ss.ID)
	if len(notes) != 1 || len(events) != 1 || got.Pos != 3 {
		t.Errorf("after the failed Apply: %d notes, %d events, pos %d; want 1, 1, 3", len(notes), len(events), got.Pos)
	}
}

func TestNoteIDsAreUniqueAcrossSessions(t *testing.T) {
	s, _ := openTemp(t)
	a := saveSession(t, s, "a", t0)
	b := saveSession(t, s, "b", t0.Add(time.Hour))
	seen := map[uint64]bool{}
	for i := range 10 {
		for _, id := range []string{a.ID, b.ID} {
			n := addNote(t, s, id, fmt.Sprint(i))
			if seen[n.ID] {
				t.Fatalf("id %d given twice", n.ID)
			}
			seen[n.ID] = true
		}
	}
}

func TestNotesComeBackInCaptureOrderWithEditsAndSoftDeletes(t *testing.T) {
	s, _ := openTemp(t)
	ss := saveSession(t, s, "s", t0)
	var ns []*session.Note
	for i := range 12 { // past 9, so ids sort as numbers, not text
		ns = append(ns, addNote(t, s, ss.ID, fmt.Sprintf("note %d", i)))
	}
	ns[3].Text, ns[3].Kind, ns[3].Votes = "edited", session.KindIdea, 2
	ns[5].Deleted = true
	ns[7].ClusterID = "c1"
	for _, i := range []int{3, 5, 7} {
		if err := s.UpdateNote(ns[i]); err != nil {
			t.Fatal(err)
		}
	}
	got, err := s.Notes(ss.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 12 {
		t.Fatalf("%d notes, want 12", len(got))
	}
	for i := range got {
		if got[i].ID != ns[i].ID {
			t.Errorf("note %d has id %d, want %d", i, got[i].ID, ns[i].ID)
		}
	}
	if got[3].Text != "edited" || got[3].Kind != session.KindIdea || got[3].Votes != 2 || !got[5].Deleted || got[7].ClusterID != "c1" {
		t.Errorf("edits lost: %+v %+v %+v", got[3], got[5], got[7])
	}
	missing := &session.Note{ID: 999, SessionID: ss.ID, Text: "x"}
	if err := s.UpdateNote(missing); !errors.Is(err, ErrNotFound) {
		t.Errorf("UpdateNote of an unsaved note: %v", err)
	}
	if err := s.AddNote(&session.Note{SessionID: "nope", Text: "x"}); !errors.Is(err, ErrNotFound) {
		t.Errorf("AddNote to a missing session: %v", err)
	}
}

func TestNoteTextWithAnyBytesRoundTripsOrIsRefused(t *testing.T) {
	s, _ := openTemp(t)
	ss := saveSession(t, s, "s", t0)
	big := strings.Repeat("ab\x00c\u00e9", 1<<20/6+1)[:1<<20]
	cases := []struct {
		name, text string
	}{
		{"NUL bytes", "a\x00b\x00"},
		{"escape sequences", "\x1b[2J\x1b]0;title\x07red"},
		{"one megabyte", big},
		{"emoji and Dutch", "één idee 🚀"},
	}
	for _, c := range cases {
		n := addNote(t, s, ss.ID, c.text)
		got, _ := s.Notes(ss.ID)
		if last := got[len(got)-1]; last.ID != n.ID || last.Text != c.text {
			t.Errorf("%s: text did not round-trip", c.name)
		}
	}

	invalid := "bad \xff\xfe bytes"
	addNote(t, s, ss.ID, invalid)
	got, _ := s.Notes(ss.ID)
	if last := got[len(got)-1].Text; !utf8.ValidString(last) || !strings.HasPrefix(last, "bad ") {
		t.Errorf("invalid UTF-8 came back as %q", last)
	}

	tooBig := &session.Note{SessionID: ss.ID, Text: strings.Repeat("x", MaxNoteBytes+1)}
	if err := s.AddNote(tooBig); !errors.Is(err, ErrTooLarge) || tooBig.ID != 0 {
		t.Errorf("oversized note: id %d err %v", tooBig.ID, err)
	}
	if err := s.Check(); err != nil {
		t.Error(err)
	}
}

func TestSessionsAreListedNewestFirstWithNoteCounts(t *testing.T) {
	s, _ := openTemp(t)
	old := saveSession(t, s, "20261101-0900-aaaa", t0.Add(-48*time.Hour))
	mid := saveSession(t, s, "20261115-0900-bbbb", t0.Add(-24*time.Hour))
	saveSession(t, s, "20261122-0954-cccc", t0)
	addNote(t, s, mid.ID, "one")
	gone := addNote(t, s, mid.ID, "two")
	gone.Deleted = true
	_ = s.UpdateNote(gone)
	old.Finished = true
	_ = s.SaveSession(old)

	list, err := s.Sessions()
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, l := range list {
		ids = append(ids, l.ID)
	}
	if strings.Join(ids, " ") != "20261122-0954-cccc 20261115-0900-bbbb 20261101-0900-aaaa" {
		t.Fatalf("order = %v", ids)
	}
	if list[1].Notes != 1 || !list[2].Finished || list[2].Title == "" || len(list[2].Slugs) != 1 {
		t.Errorf("summaries = %+v", list)
	}
	last, err := s.LastSession()
	if err != nil || last.ID != old.ID {
		t.Errorf("last = %v %v, want the session saved last", last, err)
	}
}

func TestResolveSessionFindsWhatTheFacilitatorMeans(t *testing.T) {
	s, _ := openTemp(t)
	if _, err := s.ResolveSession(""); !errors.Is(err, ErrNotFound) {
		t.Errorf("empty file: %v", err)
	}
	saveSession(t, s, "20261101-0900-aaaa", t0.Add(-48*time.Hour))
	saveSession(t, s, "20261122-0954-cccc", t0)
	saveSession(t, s, "20261122-1010-dddd", t0.Add(time.Minute))
	saveSession(t, s, "20261115-0900-bbbb", t0.Add(-24*time.Hour)) // saved last
	cases := map[string]string{
		"":                   "20261115-0900-bbbb",
		"last":               "20261115-0900-bbbb",
		"20261101-0900-aaaa": "20261101-0900-aaaa",
		"20261101":           "20261101-0900-aaaa",
		"1":                  "20261122-1010-dddd",
		"4":                  "20261101-0900-aaaa",
		"20261122-10":        "20261122-1010-dddd",
	}
	for ref, want := range cases {
		got, err := s.ResolveSession(ref)
		if err != nil || got.ID != want {
			t.Errorf("ResolveSession(%q) = %v, %v; want %s", ref, got, err, want)
		}
	}
	if _, err := s.ResolveSession("20261122"); !errors.Is(err, ErrAmbiguous) {
		t.Errorf("ambiguous prefix: %v", err)
	}
	if _, err := s.ResolveSession("9"); !errors.Is(err, ErrNotFound) {
		t.Errorf("index past the list: %v", err)
	}
}

func TestTimelineClustersAndUndoRoundTrip(t *testing.T) {
	s, _ := openTemp(t)
	ss := saveSession(t, s, "s", t0)
	for i, typ := range []session.EventType{session.EventStarted, session.EventStepStart, session.EventExtended} {
		e := &session.Event{Type: typ, Delta: time.Minute, At: t0.Add(time.Duration(i) * time.Second)}
		if err := s.AppendEvent(ss.ID, e); err != nil || e.Seq != uint64(i+1) {
			t.Fatalf("AppendEvent: seq %d err %v", e.Seq, err)
		}
	}
	events, _ := s.Events(ss.ID)
	if len(events) != 3 || events[2].Type != session.EventExtended || events[2].Delta != time.Minute {
		t.Errorf("events = %+v", events)
	}

	if cs, err := s.Clusters(ss.ID); err != nil || cs != nil {
		t.Errorf("clusters before clustering = %v %v", cs, err)
	}
	want := []session.Cluster{{ID: "c1", Label: "Dubbel invoeren", Named: true, Terms: []string{"invoer"}}, {ID: "c2", Label: "Overdracht", Order: 1}}
	if err := s.SaveClusters(ss.ID, want); err != nil {
		t.Fatal(err)
	}
	cs, _ := s.Clusters(ss.ID)
	if len(cs) != 2 || cs[0].Label != "Dubbel invoeren" || !cs[0].Named || cs[1].Order != 1 {
		t.Errorf("clusters = %+v", cs)
	}

	if u, err := s.Undo(ss.ID); err != nil || u != nil {
		t.Errorf("undo before any = %v %v", u, err)
	}
	blob := []byte{0, 1, 2, 0xff}
	if err := s.SaveUndo(ss.ID, blob); err != nil {
		t.Fatal(err)
	}
	s2 := reopen(t, s, Options{})
	if u, _ := s2.Undo(ss.ID); !bytes.Equal(u, blob) {
		t.Errorf("undo = %v", u)
	}
}

func TestARunningTimerDeadlineSurvivesAReopen(t *testing.T) {
	s, _ := openTemp(t)
	deadline := time.Date(2026, 11, 22, 10, 3, 17, 123456789, time.FixedZone("CET", 3600))
	ss := &session.Session{ID: "s", Timer: timer.Timer{Planned: 5 * time.Minute, Running: true, Deadline: deadline}}
	if err := s.SaveSession(ss); err != nil {
		t.Fatal(err)
	}
	got, err := reopen(t, s, Options{ReadOnly: true}).Session("s")
	if err != nil {
		t.Fatal(err)
	}
	if !got.Timer.Running || !got.Timer.Deadline.Equal(deadline) {
		t.Errorf("timer = %+v, want running until %v", got.Timer, deadline)
	}
}

func TestBackupRoundTrips(t *testing.T) {
	s, _ := openTemp(t)
	ss := saveSession(t, s, "s", t0)
	for i := range 20 {
		addNote(t, s, ss.ID, fmt.Sprint("note ", i))
	}
	var buf bytes.Buffer
	n, err := s.Backup(&buf)
	if err != nil || n != int64(buf.Len()) {
		t.Fatalf("Backup: %d bytes, %v", n, err)
	}
	dir := t.TempDir()
	fromWriter := filepath.Join(dir, "from-writer.db")
	if err := os.WriteFile(fromWriter, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	toFile := filepath.Join(dir, "backup.db")
	if err := os.WriteFile(toFile, []byte("an older backup"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := s.BackupTo(toFile); err != nil {
		t.Fatal(err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 2 {
		t.Errorf("backup left temporary files: %v", entries)
	}
	for _, path := range []string{fromWriter, toFile} {
		b, err := Open(path, Options{})
		if err != nil {
			t.Fatalf("open backup %s: %v", path, err)
		}
		notes, _ := b.Notes(ss.ID)
		if len(notes) != 20 || notes[19].Text != "note 19" {
			t.Errorf("%s holds %d notes", path, len(notes))
		}
		if err := b.Check(); err != nil {
			t.Error(err)
		}
		// The copy keeps numbering notes after the original's.
		n := addNote(t, b, ss.ID, "after restore")
		if n.ID != 21 {
			t.Errorf("first note after restore got id %d, want 21", n.ID)
		}
		b.Close()
	}
}

func TestAFileDeletedWhileOpenIsPutBackWithTheNewNote(t *testing.T) {
	s, path := openTemp(t)
	ss := saveSession(t, s, "s", t0)
	addNote(t, s, ss.ID, "before the folder was removed")
	if err := os.RemoveAll(filepath.Dir(path)); err != nil {
		t.Fatal(err)
	}
	addNote(t, s, ss.ID, "after the folder was removed")
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("the file was not put back: %v", err)
	}
	addNote(t, s, ss.ID, "after it was put back")
	s2 := reopen(t, s, Options{})
	notes, _ := s2.Notes(ss.ID)
	if got := strings.Join(texts(notes), "|"); got != "before the folder was removed|after the folder was removed|after it was put back" {
		t.Errorf("notes = %s", got)
	}
}

func TestAFileReplacedWhileOpenIsNotOverwritten(t *testing.T) {
	s, path := openTemp(t)
	ss := saveSession(t, s, "s", t0)
	if err := os.Rename(path, path+".moved"); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte("someone else's file"), 0o600); err != nil {
		t.Fatal(err)
	}
	n := &session.Note{SessionID: ss.ID, Text: "x"}
	if err := s.AddNote(n); !errors.Is(err, ErrFileGone) {
		t.Errorf("AddNote after the file was replaced: %v", err)
	}
	if b, _ := os.ReadFile(path); string(b) != "someone else's file" {
		t.Error("the other file was overwritten")
	}
}

func TestUnknownSessionsAreNotFound(t *testing.T) {
	s, _ := openTemp(t)
	if _, err := s.LastSession(); !errors.Is(err, ErrNotFound) {
		t.Errorf("LastSession on an empty file: %v", err)
	}
	for name, f := range map[string]func() error{
		"Session":  func() error { _, err := s.Session("x"); return err },
		"Notes":    func() error { _, err := s.Notes("x"); return err },
		"Events":   func() error { _, err := s.Events("x"); return err },
		"Clusters": func() error { _, err := s.Clusters("x"); return err },
		"Undo":     func() error { _, err := s.Undo("x"); return err },
		"SaveUndo": func() error { return s.SaveUndo("x", nil) },
	} {
		if err := f(); !errors.Is(err, ErrNotFound) {
			t.Errorf("%s: %v", name, err)
		}
	}
}

func TestAReadOnlyOpenOfAMissingFileSaysToRunASession(t *testing.T) {
	path := filepath.Join(t.TempDir(), "none.db")
	_, err := Open(path, Options{ReadOnly: true})
	if !errors.Is(err, ErrNotFound) || !strings.Contains(err.Error(), path) {
		t.Errorf("error = %v", err)
	}
	if _, serr := os.Stat(path); serr == nil {
		t.Error("a read-only open created the file")
	}
}

func TestDefaultPathFollowsTheEnvironment(t *testing.T) {
	t.Setenv("LIBERATE_DB", "/tmp/x.db")
	if got := DefaultPath(); got != "/tmp/x.db" {
		t.Errorf("with LIBERATE_DB: %s", got)
	}
	t.Setenv("LIBERATE_DB", "")
	t.Setenv("XDG_DATA_HOME", "/data")
	if got := DefaultPath(); got != "/data/liberate/liberate.db" {
		t.Errorf("with XDG_DATA_HOME: %s", got)
	}
	t.Setenv("XDG_DATA_HOME", "")
	t.Setenv("HOME", "/home/fac")
	if got := DefaultPath(); got != "/home/fac/.local/share/liberate/liberate.db" {
		t.Errorf("default: %s", got)
	}
}

func TestNewSessionIDsSortByTimeAndAreShort(t *testing.T) {
	a := NewSessionID(t0)
	b := NewSessionID(t0.Add(time.Minute))
	if !strings.HasPrefix(a, "20261122-0954-") || len(a) != len("20261122-0954-ab12") {
		t.Errorf("id %q", a)
	}
	if a >= b {
		t.Errorf("%q does not sort before %q", a, b)
	}
}

func TestThemePillarAndWhySurviveAReopen(t *testing.T) {
	s, _ := openTemp(t)
	ss := saveSession(t, s, "s", t0)
	want := []session.Cluster{
		{ID: "c1", Label: "wachtwoord, inloggen", Why: []string{"wachtwoord", "inloggen"}, Pillar: cluster.PillarTechnology},
		{ID: "c2", Label: "Overdracht", Order: 1, Pillar: cluster.PillarPeople, PillarSet: true},
		{ID: "c3", Label: "zelf gemaakt", Order: 2},
	}
	if err := s.SaveClusters(ss.ID, want); err != nil {
		t.Fatal(err)
	}
	got, err := reopen(t, s, Options{ReadOnly: true}).Clusters(ss.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("clusters after a reopen = %+v, want %+v", got, want)
	}
}
