package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"liberate/internal/session"
	"liberate/internal/store"
	"liberate/internal/textsafe"
	"liberate/internal/ui/run"
)

var episode = []string{
	"Logging in takes forever", "MFA prompts every hour", "The CRM asks for the same data twice",
	"Approvals wait a week", "Meetings without an agenda", "The printer jams every morning",
	"Wachtwoord verloopt elke maand", "Declaraties blijven hangen", "Information gets lost between teams",
	"Nobody knows who owns the intranet", "Too many tools for one task", "De helpdesk belt nooit terug",
}

// TestTwelveNotesTypedWhileTheDiskIsFullAreSavedAsTwelveNotesInOrder types
// twelve notes while a fake store fails every save (a full disk), then lets
// the disk recover: every note waits apart, in order, visible, and each is
// saved and acknowledged on its own; nothing is merged, cut or dropped.
func TestTwelveNotesTypedWhileTheDiskIsFullAreSavedAsTwelveNotesInOrder(t *testing.T) {
	h := newHarness(t, "en", testPlan())
	h.key("pgdown")
	h.key("pgdown")
	h.key("pgdown") // the whole-group step
	h.key("c")
	h.st.failAdds = 40 // more than the saves tried while typing
	for i, txt := range episode {
		h.typeText(txt)
		h.key("enter")
		if h.m.run.Input.Value() != "" {
			t.Fatalf("after note %d the line holds %q", i+1, h.m.run.Input.Value())
		}
	}
	if got := len(h.st.liveTexts()); got != 0 {
		t.Fatalf("%d notes saved on a full disk", got)
	}
	w := h.m.run.Waiting()
	if len(w) != len(episode) {
		t.Fatalf("%d notes waiting, want %d", len(w), len(episode))
	}
	for i, n := range w {
		if n.Text != episode[i] {
			t.Fatalf("waiting note %d is %q, want %q", i+1, n.Text, episode[i])
		}
	}
	scr := h.screen()
	if !strings.Contains(scr, "12 notes waiting: disk full") || strings.Contains(scr, "✓ saved") {
		t.Fatalf("the queue is not shown:\n%s", scr)
	}
	for _, sz := range [][2]int{{80, 24}, {200, 60}} {
		t.Run(fmt.Sprintf("%dx%d", sz[0], sz[1]), func(t *testing.T) {
			h.size(sz[0], sz[1])
			golden.RequireEqual(t, []byte(h.screen()))
			for _, l := range strings.Split(h.m.View().Content, "\n") {
				if ansi.StringWidth(l) > sz[0] {
					t.Fatalf("a line is wider than %d: %q", sz[0], ansi.Strip(l))
				}
			}
		})
	}
	h.size(100, 30)

	// The disk has room again after a few more failed tries.
	tries := 0
	for len(h.m.run.Waiting()) > 0 && tries < 60 {
		h.st.mu.Lock()
		h.st.failAdds = max(0, h.st.failAdds-10)
		h.st.mu.Unlock()
		h.advance(run.RetryEvery)
		tries++
	}
	got := h.st.liveTexts()
	if len(got) != len(episode) {
		t.Fatalf("%d notes saved, want %d: %q", len(got), len(episode), got)
	}
	for i := range episode {
		if got[i] != episode[i] {
			t.Fatalf("note %d saved as %q, want %q", i+1, got[i], episode[i])
		}
	}
	if live := h.m.run.LiveNotes(); len(live) != len(episode) {
		t.Fatalf("the screen lists %d notes", len(live))
	}
	adds := 0
	for _, op := range h.m.com.History.Undo {
		if op.Type == session.OpNoteAdd {
			adds++
		}
	}
	if adds != len(episode) {
		t.Fatalf("%d notes acknowledged in the undo history, want %d", adds, len(episode))
	}
	if scr := h.screen(); strings.Contains(scr, "waiting") || !strings.Contains(scr, "12 captured") {
		t.Fatalf("after the episode:\n%s", scr)
	}
}

// TestLeavingWithNotesWaitingAsksAndWritesThemBesideTheDatabase quits while
// notes wait: liberate asks first, and y writes them to a recovery file
// beside the database before it leaves.
func TestLeavingWithNotesWaitingAsksAndWritesThemBesideTheDatabase(t *testing.T) {
	h := newHarness(t, "en", testPlan())
	dir := t.TempDir()
	h.st.path = filepath.Join(dir, "liberate.db")
	h.key("c")
	h.st.failAdds = 100
	for _, txt := range episode[:3] {
		h.typeText(txt)
		h.key("enter")
	}
	h.key("esc")
	_, q := h.m.Update(keyMsg("q"))
	if drive(h, q) {
		t.Fatal("left with three notes waiting without asking")
	}
	scr := h.screen()
	if !strings.Contains(scr, "3 notes are not saved yet") || !strings.Contains(scr, "y/q: write them to a file") {
		t.Fatalf("no question:\n%s", scr)
	}
	_, y := h.m.Update(keyMsg("y"))
	if !drive(h, y) {
		t.Fatal("y did not leave")
	}
	files, _ := filepath.Glob(filepath.Join(dir, "liberate.db.unsaved-*.txt"))
	if len(files) != 1 {
		t.Fatalf("recovery files: %v", files)
	}
	data, _ := os.ReadFile(files[0])
	text := string(data)
	at := 0
	for _, txt := range episode[:3] {
		i := strings.Index(text[at:], "] "+txt+"\n")
		if i < 0 {
			t.Fatalf("the recovery file lacks %q in order:\n%s", txt, text)
		}
		at += i
	}
	t.Logf("%s:\n%s", filepath.Base(files[0]), text)
}

// TestAFileCutShortUnderARunningSessionWritesEveryNoteToTheRecoveryFile
// truncates the database while the session runs: the next save fails with
// a clear sentence, nothing crashes, and every note the screen holds (saved
// ones and the new one) is written to the recovery file.
func TestAFileCutShortUnderARunningSessionWritesEveryNoteToTheRecoveryFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "liberate.db")
	st, err := store.Open(path, store.Options{})
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
	for _, txt := range episode[:5] {
		h.typeText(txt + " " + strings.Repeat("x", 900))
		h.key("enter")
	}
	if n, _ := st.Notes(h.session().ID); len(n) != 5 {
		t.Fatalf("%d notes saved before the cut", len(n))
	}
	if err := os.Truncate(path, 8192); err != nil {
		t.Fatal(err)
	}
	h.typeText("typed after the cut")
	h.key("enter")
	h.advance(time.Second) // the tick loop goes on: nothing crashes
	scr := h.screen()
	if !strings.Contains(scr, "damaged while liberate ran") {
		t.Fatalf("the damage is not said:\n%s", scr)
	}
	files, _ := filepath.Glob(path + ".unsaved-*.txt")
	if len(files) != 1 {
		t.Fatalf("recovery files: %v", files)
	}
	data, _ := os.ReadFile(files[0])
	for _, txt := range append(episode[:5:5], "typed after the cut") {
		if !strings.Contains(string(data), txt) {
			t.Fatalf("the recovery file lacks %q:\n%s", txt, data)
		}
	}
	// A note typed after that joins the recovery file too.
	h.typeText("and one more")
	h.key("enter")
	data, _ = os.ReadFile(files[0])
	if !strings.Contains(string(data), "and one more") {
		t.Fatalf("a later note is not in the recovery file:\n%s", data)
	}
	// Leaving asks nothing more: everything is in the file.
	_, q := h.m.Update(ctrlC)
	if !drive(h, q) {
		t.Fatalf("did not leave:\n%s", h.screen())
	}
}

func TestPlusStopsAtAClearMaximumPerStep(t *testing.T) {
	h := newHarness(t, "en", testPlan())
	for range 500 {
		h.key("+")
	}
	planned := h.session().Timer.Planned
	limit := h.session().Plan[0].Max + run.MaxExtend
	if planned > limit || planned < limit-time.Minute {
		t.Fatalf("planned %v after 500 presses, want at most %v", planned, limit)
	}
	if !strings.Contains(h.screen(), fmt.Sprintf("at most %d minutes longer", int(run.MaxExtend/time.Minute))) {
		t.Fatalf("the limit is not said:\n%s", h.screen())
	}
	h.key("-")
	if h.session().Timer.Planned != planned-time.Minute {
		t.Fatal("- does not work at the limit")
	}
}

func TestAShortenedNoteSaysSoAfterItIsSaved(t *testing.T) {
	h := newHarness(t, "en", testPlan())
	h.key("c")
	h.m.run.Input.SetValue(strings.Repeat("lang ", 600))
	h.key("enter")
	if got := h.st.liveTexts(); len(got) != 1 || len([]rune(got[0])) > textsafe.MaxNoteRunes || len([]rune(got[0])) < textsafe.MaxNoteRunes-5 {
		t.Fatalf("saved %d notes", len(got))
	}
	if !strings.Contains(h.screen(), "saved, shortened to 2000 characters") {
		t.Fatalf("the cut is hidden:\n%s", h.screen())
	}
}
