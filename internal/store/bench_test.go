package store

import (
	"fmt"
	"path/filepath"
	"testing"

	"liberate/internal/session"
)

// BenchmarkAddNote measures how long a facilitator waits for a capture to
// be on disk: one transaction, committed with fsync, on a real file.
func BenchmarkAddNote(b *testing.B) {
	s, err := Open(filepath.Join(b.TempDir(), "liberate.db"), Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	ss := &session.Session{ID: "bench", Title: "Bench"}
	if err := s.SaveSession(ss); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		n := &session.Note{SessionID: ss.ID, Text: fmt.Sprintf("we enter the same order twice, in the ERP and in Excel (%d)", i), Kind: session.KindFrustration}
		if err := s.AddNote(n); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkNotes10k measures loading a big session's 10,000 notes, as resume
// and export do.
func BenchmarkNotes10k(b *testing.B) {
	s, err := Open(filepath.Join(b.TempDir(), "liberate.db"), Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	ss := &session.Session{ID: "bench", Title: "Bench"}
	if err := s.SaveSession(ss); err != nil {
		b.Fatal(err)
	}
	const total = 10000
	for start := 0; start < total; start += 1000 {
		err := s.Apply(ss.ID, func(w *Writer) error {
			for i := start; i < start+1000; i++ {
				n := &session.Note{Text: fmt.Sprintf("note %d: information gets lost between sales and planning", i), Kind: session.KindIdea}
				if err := w.PutNote(n); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			b.Fatal(err)
		}
	}
	b.ReportAllocs()
	for b.Loop() {
		notes, err := s.Notes(ss.ID)
		if err != nil || len(notes) != total {
			b.Fatalf("%d notes, %v", len(notes), err)
		}
	}
}

// BenchmarkOpen measures opening a file that holds 10,000 notes, which the
// TUI does before its first frame.
func BenchmarkOpen(b *testing.B) {
	path := filepath.Join(b.TempDir(), "liberate.db")
	s, err := Open(path, Options{})
	if err != nil {
		b.Fatal(err)
	}
	ss := &session.Session{ID: "bench", Title: "Bench"}
	_ = s.SaveSession(ss)
	_ = s.Apply(ss.ID, func(w *Writer) error {
		for i := range 10000 {
			if err := w.PutNote(&session.Note{Text: fmt.Sprint("note ", i)}); err != nil {
				return err
			}
		}
		return nil
	})
	s.Close()
	for b.Loop() {
		s, err := Open(path, Options{})
		if err != nil {
			b.Fatal(err)
		}
		s.Close()
	}
}
