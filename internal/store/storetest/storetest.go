// Package storetest builds real liberate databases for tests of damaged
// files: a file of a given size with sessions, notes and timelines, and
// copies of it cut short or with flipped bytes.
package storetest

import (
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"liberate/internal/session"
	"liberate/internal/store"
	"liberate/internal/timer"
)

// SessionID returns the id of the i-th session Build writes.
func SessionID(i int) string { return fmt.Sprintf("20261122-09%02d-ab%02d", i%60, i%100) }

// Build writes a database at path with sessions sessions of notes notes
// each (about 250 bytes of JSON per note), each with a timeline entry per
// note, and returns it closed. Notes are written in one transaction per
// session, so a megabyte takes a fraction of a second.
func Build(t testing.TB, path string, sessions, notes int) {
	t.Helper()
	at := time.Date(2026, 11, 22, 9, 0, 0, 0, time.UTC)
	st, err := store.Open(path, store.Options{Now: func() time.Time { return at }})
	if err != nil {
		t.Fatalf("open %s: %v", path, err)
	}
	defer st.Close()
	for i := range sessions {
		ss := &session.Session{ID: SessionID(i), Title: fmt.Sprintf("Irritation brainstorm %d", i), Lang: "en",
			Slugs: []string{"1-2-4-all"}, CreatedAt: at.Add(time.Duration(i) * time.Minute),
			Timer: timer.Timer{Planned: 5 * time.Minute}}
		if err := st.SaveSession(ss); err != nil {
			t.Fatalf("save session: %v", err)
		}
		err := st.Apply(ss.ID, func(w *store.Writer) error {
			for j := range notes {
				n := &session.Note{SessionID: ss.ID, Kind: session.KindFrustration,
					Text: fmt.Sprintf("session %d note %d: %s", i, j, strings.Repeat("logging in takes forever ", 4))}
				if err := w.PutNote(n); err != nil {
					return err
				}
				if err := w.PutEvent(&session.Event{Type: session.EventNoteAdded, NoteID: n.ID}); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			t.Fatalf("save notes: %v", err)
		}
	}
}

// Cut writes the first n bytes of src to dst.
func Cut(t testing.TB, src, dst string, n int64) {
	t.Helper()
	data, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(dst, data[:min(n, int64(len(data)))], 0o600); err != nil {
		t.Fatal(err)
	}
}
