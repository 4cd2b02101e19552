package store

import (
	"errors"
	"os"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"liberate/internal/session"
)

func TestOwnerAndDueDateOfANoteSurviveAReopen(t *testing.T) {
	s, _ := openTemp(t)
	saveSession(t, s, "a", t0)
	n := &session.Note{SessionID: "a", Text: "leverancier bellen", Kind: session.KindAction, Owner: "Jan", Due: "2026-12-04"}
	if err := s.AddNote(n); err != nil {
		t.Fatal(err)
	}
	n.Owner, n.Due = "Piet", ""
	if err := s.UpdateNote(n); err != nil {
		t.Fatal(err)
	}
	s = reopen(t, s, Options{})
	notes, err := s.Notes("a")
	if err != nil || len(notes) != 1 || notes[0].Owner != "Piet" || notes[0].Due != "" {
		t.Fatalf("notes %+v %v", notes, err)
	}
}

func TestRenameAndRehearsalKeepTheLastSession(t *testing.T) {
	s, _ := openTemp(t)
	saveSession(t, s, "old", t0)
	saveSession(t, s, "new", t0.Add(time.Hour))
	ss, err := s.RenameSession("old", "  Kick-off\x1b[31m gemeente  ")
	if err != nil || ss.Title != "Kick-off gemeente" {
		t.Fatalf("rename: %+v %v", ss, err)
	}
	if _, err := s.SetRehearsal("old", true); err != nil {
		t.Fatal(err)
	}
	s = reopen(t, s, Options{})
	last, _ := s.LastSession()
	if last.ID != "new" {
		t.Fatalf("last = %s after editing an old session", last.ID)
	}
	old, _ := s.Session("old")
	if old.Title != "Kick-off gemeente" || !old.Rehearsal {
		t.Fatalf("old = %+v", old)
	}
	evs, _ := s.Events("old")
	if len(evs) != 1 || evs[0].Type != session.EventRenamed || evs[0].After != old.Title {
		t.Fatalf("rename not in the timeline: %+v", evs)
	}
	if _, err := s.RenameSession("old", "   "); err == nil {
		t.Fatal("an empty title was accepted")
	}
	if _, err := s.RenameSession("nope", "x"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("rename of a missing session: %v", err)
	}
}

func TestDeleteWritesABackupHidesTheSessionAndRestoreBringsItBack(t *testing.T) {
	now := t0.Add(48 * time.Hour)
	s, path := openTemp(t)
	s2, err := Open(path+"2", Options{Now: func() time.Time { return now }})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = s2.Close() })
	s = s2
	saveSession(t, s, "keep", t0)
	saveSession(t, s, "gone", t0.Add(time.Hour))
	addNote(t, s, "gone", "Inloggen duurt eindeloos")

	backup, err := s.DeleteSession("gone")
	if err != nil {
		t.Fatal(err)
	}
	if backup != path+"2.bak-delete-gone-20261124-095400" {
		t.Fatalf("backup at %s", backup)
	}
	// The backup holds the session with its note.
	db, err := bolt.Open(backup, 0o600, &bolt.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	_ = db.View(func(tx *bolt.Tx) error {
		if tx.Bucket(bucketSessions).Bucket([]byte("gone")).Bucket(bucketNotes).Stats().KeyN != 1 {
			t.Error("the backup lacks the deleted session's note")
		}
		return nil
	})
	db.Close()

	list, _ := s.Sessions()
	if len(list) != 1 || list[0].ID != "keep" {
		t.Fatalf("list after delete: %+v", list)
	}
	if _, err := s.ResolveSession("gone"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("a deleted session resolves: %v", err)
	}
	if last, err := s.LastSession(); err != nil || last.ID != "keep" {
		t.Fatalf("last after deleting the last: %v %v", last, err)
	}
	if _, err := s.RenameSession("gone", "x"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("rename of a deleted session: %v", err)
	}

	if _, err := s.RestoreSession("gone"); err != nil {
		t.Fatal(err)
	}
	notes, err := s.Notes("gone")
	if err != nil || len(notes) != 1 {
		t.Fatalf("restored notes %v %v", notes, err)
	}
	if list, _ := s.Sessions(); len(list) != 2 {
		t.Fatalf("list after restore: %+v", list)
	}
}

func TestPurgeRemovesDeletedSessionsAndAReopenPurgesWhatACrashLeft(t *testing.T) {
	s, _ := openTemp(t)
	saveSession(t, s, "a", t0)
	saveSession(t, s, "b", t0.Add(time.Minute))
	if _, err := s.DeleteSession("a"); err != nil {
		t.Fatal(err)
	}
	ids, err := s.PurgeDeleted()
	if err != nil || len(ids) != 1 || ids[0] != "a" {
		t.Fatalf("purged %v %v", ids, err)
	}
	if _, err := s.RestoreSession("a"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("a purged session came back: %v", err)
	}
	if _, err := s.DeleteSession("b"); err != nil {
		t.Fatal(err)
	}
	// Read-only opens leave it; a writer purges it.
	ro := reopen(t, s, Options{ReadOnly: true})
	if list, _ := ro.Sessions(); len(list) != 0 {
		t.Fatalf("a deleted session is listed read-only: %+v", list)
	}
	w := reopen(t, ro, Options{})
	if _, err := w.RestoreSession("b"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("open for writing did not purge: %v", err)
	}
	if _, err := w.LastSession(); !errors.Is(err, ErrNotFound) {
		t.Fatalf("last points at a purged session: %v", err)
	}
	if err := w.Check(); err != nil {
		t.Fatal(err)
	}
}

func TestADeleteThatCannotWriteItsBackupDeletesNothing(t *testing.T) {
	now := t0.Add(time.Hour)
	s, path := openTemp(t)
	s = reopen(t, s, Options{Now: func() time.Time { return now }})
	saveSession(t, s, "a", t0)
	// A folder where the backup should go: the copy cannot be renamed there.
	if err := os.MkdirAll(s.DeleteBackupPath("a", now)+"/x", 0o700); err != nil {
		t.Fatal(err)
	}
	_ = path
	if _, err := s.DeleteSession("a"); err == nil {
		t.Fatal("the delete went on without its backup")
	}
	if _, err := s.Session("a"); err != nil {
		t.Fatalf("the session is gone although its backup failed: %v", err)
	}
}

func TestSeriesFollowLinksAndLeaveRehearsalsOut(t *testing.T) {
	s, _ := openTemp(t)
	mk := func(id string, at time.Duration, follows string, rehearsal bool) {
		ss := &session.Session{ID: id, Title: id, CreatedAt: t0.Add(at), FollowUp: follows, Rehearsal: rehearsal}
		if err := s.SaveSession(ss); err != nil {
			t.Fatal(err)
		}
	}
	mk("kickoff", 0, "", false)
	mk("trial", time.Hour, "kickoff", true) // a rehearsal of the follow-up
	mk("followup1", 21*24*time.Hour, "kickoff", false)
	mk("followup2", 42*24*time.Hour, "followup1", false)
	mk("other", 2*time.Hour, "", false)
	mk("loop", 3*time.Hour, "loop", false) // a broken file: a session that follows itself

	series, err := s.SeriesOf("followup2")
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, ss := range series {
		ids = append(ids, ss.ID)
	}
	if len(ids) != 3 || ids[0] != "kickoff" || ids[1] != "followup1" || ids[2] != "followup2" {
		t.Fatalf("series = %v", ids)
	}
	if _, err := s.SeriesOf("trial"); err == nil {
		t.Fatal("a rehearsal has a series")
	}
	if one, err := s.SeriesOf("loop"); err != nil || len(one) != 1 {
		t.Fatalf("loop: %v %v", one, err)
	}
	list, _ := s.Sessions()
	byID := map[string]SessionSummary{}
	for _, sum := range list {
		byID[sum.ID] = sum
	}
	if f := byID["followup1"]; f.Series != "kickoff" || f.SeriesPos != 2 || f.SeriesLen != 3 || f.FollowUp != "kickoff" {
		t.Fatalf("followup1 = %+v", f)
	}
	if tr := byID["trial"]; !tr.Rehearsal || tr.SeriesLen != 0 {
		t.Fatalf("trial = %+v", tr)
	}
	if o := byID["other"]; o.SeriesLen != 1 || o.SeriesPos != 1 {
		t.Fatalf("other = %+v", o)
	}
	// Deleting the middle of a series splits it.
	if _, err := s.DeleteSession("followup1"); err != nil {
		t.Fatal(err)
	}
	if series, _ := s.SeriesOf("followup2"); len(series) != 1 {
		t.Fatalf("series through a deleted session: %d", len(series))
	}
}

func TestAFollowUpOverTwoRealSessionsKeepsItsReviewAcrossAReopen(t *testing.T) {
	s, _ := openTemp(t)
	first := &session.Session{ID: "first", Title: "Irritatiebrainstorm", CreatedAt: t0}
	if err := s.SaveSession(first); err != nil {
		t.Fatal(err)
	}
	n1 := &session.Note{SessionID: "first", Text: "leverancier bellen", Kind: session.KindAction, Owner: "Jan", Due: "2026-12-04", ClusterID: "c1"}
	n2 := &session.Note{SessionID: "first", Text: "FAQ schrijven", Kind: session.KindAction}
	for _, n := range []*session.Note{n1, n2} {
		if err := s.AddNote(n); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.SaveClusters("first", []session.Cluster{{ID: "c1", Label: "printer", Votes: 6}}); err != nil {
		t.Fatal(err)
	}
	notes, _ := s.Notes("first")
	clusters, _ := s.Clusters("first")
	prev, _ := s.Session("first")

	second := &session.Session{ID: "second", Title: "Vervolg", CreatedAt: t0.AddDate(0, 0, 21)}
	second.LinkFollowUp(prev, notes, clusters)
	now := t0.AddDate(0, 0, 21)
	op, ev, _ := second.SetReview(0, session.ReviewDone, now)
	if err := s.SaveSession(second); err != nil {
		t.Fatal(err)
	}
	if err := s.Apply("second", func(w *Writer) error {
		if err := w.PutSession(second); err != nil {
			return err
		}
		return w.PutEvent(&ev)
	}); err != nil {
		t.Fatal(err)
	}
	_ = op
	second.ReviewPos = 1 // the walk stands on the second action
	if err := s.SaveSession(second); err != nil {
		t.Fatal(err)
	}

	s = reopen(t, s, Options{})
	got, err := s.Session("second")
	if err != nil {
		t.Fatal(err)
	}
	if got.FollowUp != "first" || len(got.Review) != 2 || got.Review[0].State != session.ReviewDone || got.Review[0].Owner != "Jan" || got.ReviewPos != 1 {
		t.Fatalf("review after reopen: %+v", got)
	}
	if len(got.Rescores) != 1 || got.Rescores[0].Label != "printer" || got.Rescores[0].Before != 6 {
		t.Fatalf("rescores after reopen: %+v", got.Rescores)
	}
	evs, _ := s.Events("second")
	if len(evs) != 1 || evs[0].Type != session.EventReviewed || evs[0].NoteID != n1.ID {
		t.Fatalf("events %+v", evs)
	}
}
