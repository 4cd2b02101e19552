package ui

import (
	"bytes"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"liberate/internal/i18n"
	"liberate/internal/session"
	"liberate/internal/store"
	"liberate/internal/ui/run"
)

// TestAProgramRunCapturesIntoBboltAndLeaksNoGoroutines runs the real
// Bubble Tea program over a real database: capture a note, quit, and check
// the note is on disk and every goroutine of the program has ended.
func TestAProgramRunCapturesIntoBboltAndLeaksNoGoroutines(t *testing.T) {
	st, err := store.Open(filepath.Join(t.TempDir(), "smoke.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	now := time.Now()
	sess := session.New(session.Options{ID: store.NewSessionID(now), Title: "smoke", Lang: "en"}, testPlan(), now)
	if err := st.SaveSession(sess); err != nil {
		t.Fatal(err)
	}
	m := NewRun(Deps{Store: st, Catalog: i18n.For("en"), Theme: ThemeMono}, sess, nil, session.History{})
	tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(100, 30))
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool { return bytes.Contains(b, []byte("ALONE")) },
		teatest.WithDuration(5*time.Second))
	tm.Send(tea.KeyPressMsg{Code: 'c', Text: "c"})
	tm.Type("Logging in takes forever")
	tm.Send(tea.KeyPressMsg{Code: tea.KeyEnter})
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool { return bytes.Contains(b, []byte("1 captured")) },
		teatest.WithDuration(5*time.Second))
	tm.Send(tea.KeyPressMsg{Code: tea.KeyEscape})
	tm.Send(tea.KeyPressMsg{Code: 'q', Text: "q"})
	tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))

	notes, err := st.Notes(sess.ID)
	if err != nil || len(notes) != 1 || notes[0].Text != "Logging in takes forever" {
		t.Fatalf("notes after the run: %v %v", notes, err)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(3 * time.Second)
	left := ours()
	for len(left) > 0 && time.Now().Before(deadline) {
		runtime.Gosched()
		left = ours()
	}
	if len(left) > 0 {
		t.Fatalf("%d goroutines of the program are still running:\n%s", len(left), strings.Join(left, "\n\n"))
	}
}

// ours lists the goroutines running code of the program (Bubble Tea,
// liberate's UI, bbolt), leaving out this test's own and the runtime's
// signal loop that lives for the whole process.
func ours() []string {
	buf := make([]byte, 1<<20)
	all := strings.Split(string(buf[:runtime.Stack(buf, true)]), "\n\n")
	var out []string
	for _, g := range all {
		if strings.Contains(g, "TestAProgramRun") || strings.Contains(g, "teatest.NewTestModel.func2") || strings.Contains(g, "testing.(*M).Run") {
			continue
		}
		if strings.Contains(g, "charm.land/bubbletea") || strings.Contains(g, "liberate/internal/") || strings.Contains(g, "go.etcd.io/bbolt") {
			out = append(out, g)
		}
	}
	return out
}

// TestAFullDiskKeepsTheNoteAndSaysSoPlainly injects ENOSPC into the real
// store: the note waits apart, the screen says why, and the retry saves it
// once the disk has room again.
func TestAFullDiskKeepsTheNoteAndSaysSoPlainly(t *testing.T) {
	st, err := store.Open(filepath.Join(t.TempDir(), "full.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	h := newHarness(t, "en", testPlan())
	if err := st.SaveSession(h.session()); err != nil {
		t.Fatal(err)
	}
	h.m.deps.Store, h.m.com.Store = st, st
	h.st = nil
	h.key("c")
	st.InjectFault(func(op string) error {
		if op == "AddNote" {
			return syscall.ENOSPC
		}
		return nil
	})
	h.typeText("Approvals wait for one manager")
	h.key("enter")
	scr := h.screen()
	if !strings.Contains(scr, "1 note waiting: disk full") || !strings.Contains(scr, "Approvals wait for one manager") || strings.Contains(scr, "✓ saved") {
		t.Fatalf("full disk not said plainly:\n%s", scr)
	}
	if h.m.run.Input.Value() != "" {
		t.Fatalf("line holds %q", h.m.run.Input.Value())
	}
	st.InjectFault(nil)
	h.advance(run.RetryEvery)
	notes, _ := st.Notes(h.session().ID)
	if len(notes) != 1 || notes[0].Text != "Approvals wait for one manager" {
		t.Fatalf("retry saved %v", notes)
	}
}
