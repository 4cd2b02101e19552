package ui

import (
	"errors"
	"fmt"
	"math/rand"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"liberate/internal/session"
	"liberate/internal/structure"
	"liberate/internal/ui/board"
)

// irritations is what a room says after an irritation brainstorm, in
// Dutch and English, about four themes.
var irritations = []string{
	"The printer jams every morning",
	"Printer on the second floor is always out of paper",
	"De printer werkt nooit als je haast hebt",
	"Scanning to email fails at the printer",
	"I have to log in three times a day",
	"Wachtwoord verloopt elke maand opnieuw",
	"Password resets take a day via the helpdesk",
	"Inloggen op het CRM duurt eindeloos",
	"Too many meetings without an agenda",
	"Vergaderingen lopen altijd uit",
	"Meetings start late because the beamer fails",
	"Weekly meeting could be an email",
	"The CRM asks for the same customer data twice",
	"Klantgegevens moeten we dubbel invoeren in het CRM",
	"Customer data in the CRM is out of date",
	"CRM search never finds the customer",
}

// newBoardHarness captures notes on the whole-group step and opens the
// board, which proposes themes.
func newBoardHarness(t *testing.T, lang string, notes []string) *harness {
	t.Helper()
	h := newHarness(t, lang, testPlan())
	for i := 0; i < 3; i++ {
		h.key("pgdown")
	}
	h.key("c")
	for _, n := range notes {
		h.typeText(n)
		h.key("enter")
	}
	h.key("esc")
	h.key("h")
	if h.m.screen != screenBoard {
		t.Fatalf("h did not open the board (screen %v)", h.m.screen)
	}
	return h
}

func (h *harness) board() *board.Screen { return h.m.board }

// noteByText returns the note with text s.
func (h *harness) noteByText(s string) session.Note {
	h.t.Helper()
	for _, n := range h.m.run.Notes {
		if n.Text == s {
			return n
		}
	}
	h.t.Fatalf("no note %q", s)
	return session.Note{}
}

// selectNote selects the note with text s on the board.
func (h *harness) selectNote(s string) {
	n := h.noteByText(s)
	b := h.board()
	b.SelCluster, b.SelNote = n.ClusterID, n.ID
	b.FixSelection()
}

// renameTheme names the selected theme (or the theme of the selected note)
// with r, clearing the old name first.
func (h *harness) renameTheme(name string) {
	h.key("r")
	for range 60 {
		h.key("backspace")
	}
	h.typeText(name)
	h.key("enter")
}

// selectTheme selects the theme in section s.
func (h *harness) selectTheme(s int) {
	b := h.board()
	b.SelCluster, b.SelNote = b.SectionID(s), 0
}

// checkPartition fails unless every live note is in exactly one section,
// every theme id is unique and the store agrees with the screen.
func checkPartition(t *testing.T, h *harness) {
	t.Helper()
	b := h.board()
	seen := map[int]int{}
	for s, mem := range b.Members {
		for _, i := range mem {
			seen[i]++
			if seen[i] > 1 {
				t.Fatalf("note %d is in two sections", i)
			}
			n := h.m.run.Notes[i]
			if s < len(b.Clusters) && n.ClusterID != b.Clusters[s].ID {
				t.Fatalf("note %q listed under %q but points at %q", n.Text, b.Clusters[s].ID, n.ClusterID)
			}
		}
	}
	for i, n := range h.m.run.Notes {
		if !n.Deleted && seen[i] != 1 {
			t.Fatalf("note %q is in %d sections", n.Text, seen[i])
		}
	}
	ids := map[string]bool{}
	for _, c := range b.Clusters {
		if c.ID == "" || ids[c.ID] {
			t.Fatalf("theme id %q empty or twice", c.ID)
		}
		ids[c.ID] = true
	}
}

// checkStored fails unless the store holds the board as shown.
func checkStored(t *testing.T, h *harness) {
	t.Helper()
	b := h.board()
	if b.Saving() {
		t.Fatal("a write is still pending")
	}
	h.st.mu.Lock()
	defer h.st.mu.Unlock()
	if len(h.st.clusters) != len(b.Clusters) {
		t.Fatalf("store has %d themes, board %d", len(h.st.clusters), len(b.Clusters))
	}
	for i := range b.Clusters {
		if !clusterEqual(h.st.clusters[i], b.Clusters[i]) {
			t.Fatalf("stored theme %d = %+v, board %+v", i, h.st.clusters[i], b.Clusters[i])
		}
	}
	for _, n := range h.m.run.Notes {
		sn := h.st.notes[n.ID]
		if boardFields(sn, n) {
			t.Fatalf("stored note %q = %q/%v/%d, board %q/%v/%d", n.Text, sn.ClusterID, sn.Pinned, sn.Votes, n.ClusterID, n.Pinned, n.Votes)
		}
	}
}

func TestOpeningTheBoardProposesThemesAndSavesThem(t *testing.T) {
	h := newBoardHarness(t, "en", irritations)
	b := h.board()
	if len(b.Clusters) < 2 {
		t.Fatalf("want several themes, got %d", len(b.Clusters))
	}
	checkPartition(t, h)
	checkStored(t, h)
	if !strings.Contains(h.screen(), "✓ saved") {
		t.Fatalf("no saved mark:\n%s", h.screen())
	}
	printer := h.noteByText("The printer jams every morning").ClusterID
	if printer == "" || h.noteByText("Printer on the second floor is always out of paper").ClusterID != printer {
		t.Fatalf("the printer notes are not together:\n%s", h.screen())
	}
	if h.noteByText("The printer jams every morning").Pinned {
		t.Fatal("a note placed by the clustering is pinned")
	}
}

func TestEscAndHReturnToTheRunScreen(t *testing.T) {
	for _, k := range []string{"esc", "h"} {
		h := newBoardHarness(t, "en", irritations[:4])
		h.key(k)
		if h.m.screen != screenRun {
			t.Fatalf("%s left the screen at %v", k, h.m.screen)
		}
		h.key("h")
		if h.m.screen != screenBoard || len(h.board().Clusters) == 0 {
			t.Fatalf("reopening lost the board")
		}
	}
}

func TestBracketsMoveANoteToTheNextThemeAndPinItAndUndoPutsItBack(t *testing.T) {
	h := newBoardHarness(t, "en", irritations)
	b := h.board()
	text := "The printer jams every morning"
	h.selectNote(text)
	from := h.noteByText(text).ClusterID
	sec := b.SectionOf(from)
	h.key("]")
	n := h.noteByText(text)
	if want := b.SectionID(b.Neighbour(sec, +1)); n.ClusterID != want || !n.Pinned {
		t.Fatalf("after ] note is in %q pinned=%v, want %q pinned", n.ClusterID, n.Pinned, want)
	}
	if b.SelNote != n.ID {
		t.Fatal("the selection did not follow the note")
	}
	checkPartition(t, h)
	checkStored(t, h)
	h.key("u")
	if n := h.noteByText(text); n.ClusterID != from || n.Pinned {
		t.Fatalf("undo left the note in %q pinned=%v", n.ClusterID, n.Pinned)
	}
	checkStored(t, h)
	h.key("ctrl+y")
	if n := h.noteByText(text); n.ClusterID == from || !n.Pinned {
		t.Fatal("redo did not move the note again")
	}
	checkStored(t, h)
}

func TestMPicksTheTargetThemeByNumber(t *testing.T) {
	h := newBoardHarness(t, "en", irritations)
	b := h.board()
	text := "Weekly meeting could be an email"
	h.selectNote(text)
	target := 0
	if b.SectionOf(h.noteByText(text).ClusterID) == 0 {
		target = 1
	}
	h.key("m")
	if b.Mode != board.ModePick || !strings.Contains(h.screen(), "Move to") {
		t.Fatalf("m did not open the picker:\n%s", h.screen())
	}
	h.key(fmt.Sprint(target + 1))
	if b.Mode != board.ModeList {
		t.Fatal("one digit did not finish the pick with fewer than ten themes")
	}
	if got := h.noteByText(text).ClusterID; got != b.Clusters[target].ID {
		t.Fatalf("note went to %q, want %q", got, b.Clusters[target].ID)
	}
	// 0 takes it out of every theme, and it is no longer pinned.
	h.key("m")
	h.key("0")
	if n := h.noteByText(text); n.ClusterID != "" || n.Pinned {
		t.Fatalf("m 0 left the note in %q pinned=%v", n.ClusterID, n.Pinned)
	}
	checkPartition(t, h)
	checkStored(t, h)
}

func TestMergingAThemeMovesItsNotesAndVotesIntoTheTarget(t *testing.T) {
	h := newBoardHarness(t, "en", irritations)
	b := h.board()
	before := len(b.Clusters)
	h.selectTheme(1)
	src := b.Clusters[1]
	srcNotes := len(b.Members[1])
	h.typeText("3")
	h.key("enter")
	h.selectTheme(0)
	dst := b.Clusters[0]
	dstNotes := len(b.Members[0])
	h.selectTheme(1)
	h.key("M")
	h.key("1")
	if len(b.Clusters) != before-1 {
		t.Fatalf("%d themes after the merge, want %d", len(b.Clusters), before-1)
	}
	if b.Clusters[0].ID != dst.ID || len(b.Members[0]) != srcNotes+dstNotes || b.Clusters[0].Votes != dst.Votes+3 {
		t.Fatalf("target = %+v with %d notes, want %d notes and %d votes", b.Clusters[0], len(b.Members[0]), srcNotes+dstNotes, dst.Votes+3)
	}
	if b.SectionOf(src.ID) != len(b.Clusters) {
		t.Fatal("the merged theme is still on the board")
	}
	checkPartition(t, h)
	checkStored(t, h)
	h.key("u")
	if len(b.Clusters) != before || b.Clusters[1].ID != src.ID || len(b.Members[1]) != srcNotes {
		t.Fatal("undo did not bring the merged theme back")
	}
	checkStored(t, h)
}

func TestSplittingANotePutsItInANewThemeOfItsOwn(t *testing.T) {
	h := newBoardHarness(t, "en", irritations)
	b := h.board()
	before := len(b.Clusters)
	text := "Scanning to email fails at the printer"
	h.selectNote(text)
	h.key("x")
	n := h.noteByText(text)
	s := b.SectionOf(n.ClusterID)
	if len(b.Clusters) != before+1 || s >= len(b.Clusters) || len(b.Members[s]) != 1 || !n.Pinned {
		t.Fatalf("split: %d themes, note in section %d (%d notes), pinned=%v", len(b.Clusters), s, len(b.Members[s]), n.Pinned)
	}
	if b.Clusters[s].Label != "Scanning to email fails at" {
		t.Fatalf("new theme is called %q", b.Clusters[s].Label)
	}
	checkPartition(t, h)
	checkStored(t, h)
}

func TestANewThemeOpensItsNameAndTheNameIsKept(t *testing.T) {
	h := newBoardHarness(t, "en", irritations)
	b := h.board()
	before := len(b.Clusters)
	h.selectTheme(0)
	h.key("n")
	if len(b.Clusters) != before+1 || b.Mode != board.ModeRename {
		t.Fatalf("n: %d themes, mode %v", len(b.Clusters), b.Mode)
	}
	checkStored(t, h)
	// The provisional name is a placeholder: typing replaces it.
	if got := h.board().Input.Value(); got != "" {
		t.Fatalf("a new theme's name line holds %q; the provisional name should only be a placeholder", got)
	}
	h.typeText("Quick wins")
	h.key("enter")
	c := b.Clusters[1]
	if c.Label != "Quick wins" || !c.Named || len(b.Members[1]) != 0 {
		t.Fatalf("new theme = %+v", c)
	}
	checkStored(t, h)
	// Rename of an existing theme.
	h.selectTheme(0)
	h.renameTheme("Printing")
	if b.Clusters[0].Label != "Printing" || !b.Clusters[0].Named {
		t.Fatalf("rename gave %+v", b.Clusters[0])
	}
	h.key("u")
	if b.Clusters[0].Label == "Printing" || b.Clusters[0].Named {
		t.Fatalf("undo of the rename gave %+v", b.Clusters[0])
	}
	// An empty name is refused with a message.
	h.key("r")
	for range 60 {
		h.key("backspace")
	}
	h.key("enter")
	if !strings.Contains(h.screen(), "A theme needs a name") {
		t.Fatalf("empty name not refused:\n%s", h.screen())
	}
}

func TestReorderingMovesAThemeAndUndoRestoresTheOrder(t *testing.T) {
	h := newBoardHarness(t, "en", irritations)
	b := h.board()
	first, second := b.Clusters[0].ID, b.Clusters[1].ID
	h.selectTheme(0)
	h.key("]")
	if b.Clusters[0].ID != second || b.Clusters[1].ID != first || b.Clusters[1].Order != 1 {
		t.Fatalf("] on a theme did not move it down: %q %q", b.Clusters[0].ID, b.Clusters[1].ID)
	}
	if b.SelCluster != first {
		t.Fatal("the selection did not stay on the moved theme")
	}
	checkStored(t, h)
	h.key("[")
	if b.Clusters[0].ID != first {
		t.Fatal("[ did not move it back up")
	}
	h.key("]")
	h.key("u")
	if b.Clusters[0].ID != first {
		t.Fatal("undo did not restore the order")
	}
	checkStored(t, h)
}

func TestOnlyAnEmptyThemeCanBeRemoved(t *testing.T) {
	h := newBoardHarness(t, "en", irritations)
	b := h.board()
	before := len(b.Clusters)
	h.selectTheme(0)
	h.key("d")
	if len(b.Clusters) != before || !strings.Contains(h.screen(), "Only an empty theme") {
		t.Fatalf("a full theme was removed or no reason given:\n%s", h.screen())
	}
	h.key("n")
	h.key("esc")
	h.key("d")
	if len(b.Clusters) != before {
		t.Fatalf("the empty theme was not removed: %d themes", len(b.Clusters))
	}
	checkPartition(t, h)
	checkStored(t, h)
}

func TestRegroupKeepsNamedThemesAndPinnedNotesAndTakesInNewNotes(t *testing.T) {
	h := newBoardHarness(t, "en", irritations)
	b := h.board()
	// Name the printer theme, pin a meeting note into it by hand.
	printer := h.noteByText("The printer jams every morning").ClusterID
	s := b.SectionOf(printer)
	h.selectTheme(s)
	h.key("r")
	for range 60 {
		h.key("backspace")
	}
	h.typeText("Printing woes")
	h.key("enter")
	h.typeText("4")
	h.key("enter")
	odd := "Weekly meeting could be an email"
	h.selectNote(odd)
	h.key("m")
	h.key(fmt.Sprint(b.PickNumber(b.SectionOf(printer))))
	if h.noteByText(odd).ClusterID != printer {
		t.Fatal("the note was not moved by hand")
	}
	// New notes arrive on the run screen.
	h.key("esc")
	h.key("c")
	h.typeText("Printer toner is empty again")
	h.key("enter")
	h.typeText("Nieuwe vergadering zonder agenda")
	h.key("enter")
	h.key("esc")
	h.key("h")
	if !strings.Contains(h.screen(), "Unclustered") {
		t.Fatalf("new notes not shown as unclustered:\n%s", h.screen())
	}
	h.key("g")
	checkPartition(t, h)
	checkStored(t, h)
	s = b.SectionOf(printer)
	if s >= len(b.Clusters) || b.Clusters[s].Label != "Printing woes" || !b.Clusters[s].Named || b.Clusters[s].Votes != 4 {
		t.Fatalf("the named theme lost its name, votes or identity: %+v", b.Clusters)
	}
	if h.noteByText(odd).ClusterID != printer || !h.noteByText(odd).Pinned {
		t.Fatal("the pinned note did not stay")
	}
	for _, n := range []string{"Printer toner is empty again", "Nieuwe vergadering zonder agenda"} {
		if h.noteByText(n).ClusterID == "" {
			t.Fatalf("new note %q did not join a theme", n)
		}
	}
	// Regrouping is one change: undo returns the board as it was.
	h.key("u")
	if h.noteByText("Printer toner is empty again").ClusterID != "" {
		t.Fatal("undo of the regroup kept the new note in a theme")
	}
	checkStored(t, h)
}

func TestAFailedWriteShowsTheBoardAsOnDiskAndKeepsTheHistory(t *testing.T) {
	h := newBoardHarness(t, "en", irritations)
	b := h.board()
	undo := len(h.m.com.History.Undo)
	text := "The printer jams every morning"
	h.selectNote(text)
	from := h.noteByText(text).ClusterID
	h.st.mu.Lock()
	h.st.fail = errors.New("disk full")
	h.st.mu.Unlock()
	h.key("]")
	if got := h.noteByText(text).ClusterID; got != from {
		t.Fatalf("the failed move is still shown: note in %q", got)
	}
	if len(h.m.com.History.Undo) != undo {
		t.Fatal("the failed change stayed in the history")
	}
	scr := h.screen()
	if !strings.Contains(scr, "Not saved: disk full") || !strings.Contains(scr, "not saved") {
		t.Fatalf("no plain error:\n%s", scr)
	}
	h.st.mu.Lock()
	h.st.fail = nil
	h.st.mu.Unlock()
	h.key("]")
	if h.noteByText(text).ClusterID == from || b.Failed {
		t.Fatal("the retry did not go through")
	}
	checkStored(t, h)
}

func TestUndoOnTheRunScreenRevertsABoardChange(t *testing.T) {
	h := newBoardHarness(t, "en", irritations)
	text := "The printer jams every morning"
	h.selectNote(text)
	from := h.noteByText(text).ClusterID
	h.key("]")
	h.key("esc")
	h.key("u")
	if h.noteByText(text).ClusterID != from {
		t.Fatal("undo on the run screen did not move the note back")
	}
	checkStored(t, h)
}

func TestARestartedBoardAppliesUndoFromTheSavedHistory(t *testing.T) {
	h := newBoardHarness(t, "en", irritations)
	text := "The printer jams every morning"
	h.selectNote(text)
	from := h.noteByText(text).ClusterID
	h.key("]")
	// As after a restart: the history is there, the board is not.
	h.m.board = nil
	h.key("esc")
	h.m.screen = screenRun
	h.key("u")
	if h.noteByText(text).ClusterID != from {
		t.Fatal("undo without an open board did not move the note back")
	}
}

func TestTheBoardReadsSavedThemesOnFirstOpen(t *testing.T) {
	h := newHarness(t, "en", testPlan())
	st := &clusterMemStore{memStore: h.st, saved: []session.Cluster{{ID: "b", Label: "Second", Order: 1}, {ID: "a", Label: "First", Order: 0, Named: true}}}
	h.m.deps.Store, h.m.com.Store = st, st
	h.key("c")
	h.typeText("Printer jams")
	h.key("enter")
	h.key("esc")
	n := h.m.run.Notes[0]
	n.ClusterID = "b"
	h.m.run.Notes[0] = n
	h.key("h")
	b := h.board()
	if len(b.Clusters) != 2 || b.Clusters[0].ID != "a" || b.SectionOf(n.ClusterID) != 1 || len(b.Members[1]) != 1 {
		t.Fatalf("saved themes not shown in order: %+v", b.Clusters)
	}
}

type clusterMemStore struct {
	*memStore
	saved []session.Cluster
}

func (s *clusterMemStore) Clusters(string) ([]session.Cluster, error) { return s.saved, nil }

// boardKeys are the keys the random walk presses: everything the board
// reacts to, with the navigation keys more often.
var boardKeys = []string{
	"up", "down", "down", "up", "pgdown", "pgup", "[", "]", "]", "m", "M", "1", "2", "3", "0", "enter",
	"x", "n", "esc", "r", "a", "d", "g", "s", "+", "-", "7", "f", "tab", "u", "ctrl+z", "ctrl+y", "K", "J",
	"backspace", "right", "left", "?", "home", "end",
}

func TestRandomKeySequencesKeepEveryNoteInExactlyOneTheme(t *testing.T) {
	for seed := int64(1); seed <= 12; seed++ {
		t.Run(fmt.Sprint(seed), func(t *testing.T) {
			rng := rand.New(rand.NewSource(seed))
			h := newBoardHarness(t, "en", irritations)
			for step := 0; step < 250; step++ {
				k := boardKeys[rng.Intn(len(boardKeys))]
				if k == "esc" && h.board().Mode == board.ModeList {
					continue // leaving the board is tested elsewhere
				}
				h.key(k)
				if h.m.screen != screenBoard {
					h.key("h")
				}
				if h.board().Mode == board.ModeCards || h.board().Mode == board.ModeCountdown {
					h.board().Mode = board.ModeList
				}
				checkPartition(t, h)
				_ = h.screen()
			}
			checkStored(t, h)
			// Undo everything: the board is as first proposed or empty.
			for h.board().Mode != board.ModeList {
				h.key("esc")
			}
			for len(h.m.com.History.Undo) > 0 && h.m.com.History.Undo[len(h.m.com.History.Undo)-1].Type != session.OpNoteAdd {
				h.key("u")
				checkPartition(t, h)
			}
			checkStored(t, h)
		})
	}
}

func TestTheBoardRendersAtEverySizeWithoutPanic(t *testing.T) {
	h := newBoardHarness(t, "en", append(irritations, "a note with 日本語 and emoji 🎉 and \x1b[31mred\x1b[0m"))
	b := h.board()
	modes := []func(){
		func() { b.Mode = board.ModeList; b.Compact = false },
		func() { b.Mode = board.ModeList; b.Compact = true },
		func() { b.Compact = false; b.FocusOn(0) },
		func() { b.Mode = board.ModePick; b.Pick = board.PickMove },
		func() { b.Mode = board.ModeRename },
		func() { b.OpenCards(false) },
		func() { b.Mode = board.ModeCountdown },
	}
	for mi, set := range modes {
		set()
		for _, size := range [][2]int{{1, 1}, {2, 1}, {1, 2}, {400, 150}} {
			checkFits(t, h, size[0], size[1], mi)
		}
		for w := 0; w <= 400; w += 13 {
			for hh := 0; hh <= 150; hh += 7 {
				checkFits(t, h, w, hh, mi)
			}
		}
	}
}

func checkFits(t *testing.T, h *harness, w, hh, mode int) {
	t.Helper()
	h.size(w, hh)
	out := h.m.View().Content
	lines := strings.Split(out, "\n")
	if hh > 0 && len(lines) > hh {
		t.Fatalf("mode %d %dx%d: %d lines", mode, w, hh, len(lines))
	}
	for _, l := range lines {
		if ansi.StringWidth(l) > w {
			t.Fatalf("mode %d %dx%d: line wider than the window: %q", mode, w, hh, ansi.Strip(l))
		}
		if strings.Contains(ansi.Strip(l), "\x1b") {
			t.Fatalf("an escape sequence from a note reached the screen")
		}
	}
}

func TestOnlyVisibleNotesAreRenderedOnABigBoard(t *testing.T) {
	h := newBoardHarness(t, "en", irritations)
	b := h.board()
	// Four hundred notes in the first theme.
	for i := 0; i < 400; i++ {
		h.m.run.Notes = append(h.m.run.Notes, session.Note{ID: uint64(1000 + i), Text: fmt.Sprintf("note %d", i), ClusterID: b.Clusters[0].ID, Kind: session.KindIdea})
	}
	b.Reindex()
	h.size(80, 24)
	if lines := strings.Count(h.screen(), "\n") + 1; lines != 24 {
		t.Fatalf("%d lines", lines)
	}
	h.selectTheme(len(b.Clusters) - 1)
	if !strings.Contains(h.screen(), b.Clusters[len(b.Clusters)-1].Label[:5]) {
		t.Fatalf("the selected last theme is not scrolled into view:\n%s", h.screen())
	}
}

// boardScenes bring the board into states worth a golden file.
var boardScenes = []struct {
	name string
	set  func(h *harness)
}{
	{"proposed", func(h *harness) {}},
	{"voted", func(h *harness) {
		h.selectTheme(1)
		h.typeText("12")
		h.key("enter")
		h.selectNote("Weekly meeting could be an email")
		h.key("+")
		h.key("+")
		h.key("s")
		h.selectTheme(0)
	}},
	{"picking", func(h *harness) {
		h.selectNote("Weekly meeting could be an email")
		h.key("m")
	}},
	{"compact", func(h *harness) { h.key("tab") }},
	{"why", func(h *harness) {
		h.advance(10 * time.Second)
		h.selectTheme(1)
	}},
	{"notewhy", func(h *harness) {
		h.advance(10 * time.Second)
		h.selectNote("Password resets take a day via the helpdesk")
	}},
}

func TestBoardGolden(t *testing.T) {
	for _, tc := range []struct {
		lang string
		w, h int
	}{{"en", 80, 24}, {"en", 120, 40}, {"en", 200, 60}, {"nl", 80, 24}} {
		for _, sc := range boardScenes {
			if tc.lang == "nl" && sc.name != "proposed" && sc.name != "voted" && sc.name != "why" && sc.name != "notewhy" {
				continue
			}
			t.Run(fmt.Sprintf("%s_%dx%d_%s", tc.lang, tc.w, tc.h, sc.name), func(t *testing.T) {
				h := newBoardHarness(t, tc.lang, irritations)
				h.size(tc.w, tc.h)
				sc.set(h)
				golden.RequireEqual(t, []byte(h.screen()))
			})
		}
	}
}

func TestBoardFocusGolden(t *testing.T) {
	for _, tc := range []struct {
		lang string
		w, h int
	}{{"en", 80, 24}, {"en", 120, 40}, {"nl", 200, 60}} {
		t.Run(fmt.Sprintf("%s_%dx%d", tc.lang, tc.w, tc.h), func(t *testing.T) {
			h := newBoardHarness(t, tc.lang, irritations)
			h.size(tc.w, tc.h)
			h.selectTheme(0)
			h.typeText("7")
			h.key("enter")
			h.key("f")
			golden.RequireEqual(t, []byte(h.screen()))
		})
	}
}

func TestFocusStepsThroughThemesWithTheClicker(t *testing.T) {
	h := newBoardHarness(t, "en", irritations)
	b := h.board()
	h.selectTheme(0)
	h.key("enter")
	if b.Mode != board.ModeFocus {
		t.Fatal("enter on a theme did not focus it")
	}
	h.key("pgdown")
	if b.SelCluster != b.Clusters[1].ID {
		t.Fatal("pgdown did not show the next theme")
	}
	label := strings.ToUpper(b.Clusters[1].Label)
	if !strings.Contains(strings.ReplaceAll(h.screen(), " ", ""), strings.ReplaceAll(label, " ", "")) {
		t.Fatalf("focus does not show %q large:\n%s", label, h.screen())
	}
	h.typeText("5")
	h.key("enter")
	if b.Clusters[1].Votes != 5 {
		t.Fatalf("a tally typed in focus gave %d votes", b.Clusters[1].Votes)
	}
	h.key("esc")
	if b.Mode != board.ModeList || b.SelCluster != b.Clusters[1].ID {
		t.Fatal("esc did not return to the list on the focused theme")
	}
}

func BenchmarkBoardViewWithFourHundredNotes(b *testing.B) {
	t := &testing.T{}
	h := newBoardHarness(t, "en", irritations)
	bd := h.board()
	for i := 0; i < 400; i++ {
		h.m.run.Notes = append(h.m.run.Notes, session.Note{ID: uint64(1000 + i), Text: fmt.Sprintf("note %d about the printer and the CRM", i),
			ClusterID: bd.Clusters[i%len(bd.Clusters)].ID, Kind: session.KindIdea})
	}
	bd.Reindex()
	h.size(200, 60)
	h.selectTheme(2)
	b.ReportAllocs()
	for b.Loop() {
		_ = h.m.View()
	}
}

func TestRenameOnANoteNamesTheThemeItIsIn(t *testing.T) {
	h := newBoardHarness(t, "en", irritations)
	b := h.board()
	n := h.noteByText("The CRM asks for the same customer data twice")
	h.selectNote(n.Text)
	h.renameTheme("CRM")
	if b.Mode != board.ModeList {
		t.Fatalf("r on a note did not rename (mode %v)", b.Mode)
	}
	for _, c := range b.Clusters {
		if c.ID == n.ClusterID {
			if c.Label != "CRM" || !c.Named {
				t.Fatalf("the note's theme is %+v after the rename", c)
			}
			checkStored(t, h)
			return
		}
	}
	t.Fatalf("note %q is in no theme", n.Text)
}

func TestTheClickerOntoAHarvestStepOpensTheBoardWithTheClockRunning(t *testing.T) {
	plan := testPlan()
	harvest := structure.PlannedStep{
		Structure: "harvest", StructureName: text("Cluster the frustrations", "De frustraties clusteren"),
		StructureIndex: 1, StructureCount: 2, Path: "1", Number: 1, Total: 1,
		Label: text("Harvest", "Oogsten"), Config: structure.ConfigWhole,
		Planned: 8 * time.Minute, Min: 8 * time.Minute, Max: 8 * time.Minute, Timed: true,
		Capture: structure.CaptureNone, Harvest: true, CycleStart: 4, CycleEnd: 4,
	}
	for i := range plan {
		plan[i].StructureCount = 2
	}
	h := newHarness(t, "en", append(plan, harvest))
	for i := 0; i < 3; i++ {
		h.key("pgdown")
	}
	h.key("c")
	for _, n := range irritations[:6] {
		h.typeText(n)
		h.key("enter")
	}
	h.key("esc")
	if h.m.screen != screenRun {
		t.Fatalf("the board opened before the harvest step (screen %v)", h.m.screen)
	}
	h.key("pgdown")
	if h.m.screen != screenBoard {
		t.Fatalf("pgdown onto the harvest step left screen %v, want the board", h.m.screen)
	}
	h.advance(90 * time.Second)
	if got := h.screen(); !strings.Contains(got, "06:30 · Harvest") {
		t.Fatalf("the board does not show the harvest clock:\n%s", got)
	}
	// The clicker walks the themes and, past the last one, leaves the
	// harvest step: here that is the end of the session.
	b := h.board()
	for i := 0; i < len(b.Sections())-1; i++ {
		h.key("pgdown")
		if h.m.screen != screenBoard {
			t.Fatalf("pgdown %d left the board before the last theme", i+1)
		}
	}
	h.key("pgdown")
	if h.m.screen != screenRun || !h.m.run.Sess.Finished {
		t.Fatalf("pgdown past the last theme: screen %v, finished %v", h.m.screen, h.m.run.Sess.Finished)
	}
	// Back onto the harvest step opens nothing by itself; h does, and
	// PgUp on the first theme goes back to the whole-group step.
	h.key("pgup")
	h.key("h")
	h.selectTheme(0)
	h.key("pgup")
	if h.m.screen != screenRun || h.m.run.Sess.Pos != 3 {
		t.Fatalf("pgup on the first theme: screen %v, step %d", h.m.screen, h.m.run.Sess.Pos)
	}
	// Outside a harvest step the board keeps PgUp/PgDn to itself.
	h.key("h")
	h.selectTheme(0)
	h.key("pgup")
	if h.m.screen != screenBoard {
		t.Fatalf("pgup on the board of an ordinary step left the board")
	}
}

func TestUndoingANoteDeletionOnTheBoardShowsTheNoteThere(t *testing.T) {
	h := newBoardHarness(t, "en", irritations)
	h.key("esc") // back to the run screen
	h.key("c")
	h.key("up") // the newest note
	h.key("d")
	h.key("esc") // from the note list to the capture line
	h.key("esc") // and closed
	live := len(h.m.run.LiveNotes())
	if live != len(irritations)-1 {
		t.Fatalf("%d live notes after deleting one", live)
	}
	h.key("h")
	checkPartition(t, h)
	h.key("u") // restores the note while the board is open
	if len(h.m.run.LiveNotes()) != len(irritations) {
		t.Fatalf("undo did not restore the note")
	}
	checkPartition(t, h)
	if !strings.Contains(h.screen(), "CRM search never finds the customer") {
		t.Fatalf("the restored note is not on the board:\n%s", h.screen())
	}
}

// boardFields reports whether two versions of a note differ in what the
// board changes.
func boardFields(a, b session.Note) bool {
	return a.ClusterID != b.ClusterID || a.Pinned != b.Pinned || a.Votes != b.Votes
}

// clusterEqual compares two themes field by field.
func clusterEqual(a, b session.Cluster) bool {
	return a.ID == b.ID && a.Label == b.Label && a.Named == b.Named && a.Order == b.Order &&
		a.Votes == b.Votes && slices.Equal(a.Terms, b.Terms)
}
