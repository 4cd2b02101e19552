package ui

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"liberate/internal/i18n"
	"liberate/internal/session"
	"liberate/internal/structure"
	"liberate/internal/timer"
	"liberate/internal/ui/home"
)

// builtinLibrary is the embedded LS menu with an empty user dir, loaded
// once for the package: the home screen only reads it.
var builtinLibrary = sync.OnceValues(func() (*structure.Library, error) {
	dir, err := os.MkdirTemp("", "liberate-ui-structures")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	lib, errs := structure.Load(dir)
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return lib, nil
})

func testLibrary(t *testing.T) *structure.Library {
	t.Helper()
	lib, err := builtinLibrary()
	if err != nil {
		t.Fatalf("built-in structures do not load: %v", err)
	}
	return lib
}

// fakeHome is a HomeSource over memory that records what it was asked.
type fakeHome struct {
	mu        sync.Mutex
	lib       *structure.Library
	list      []SessionInfo
	sessions  map[string]*session.Session
	notes     map[string][]session.Note
	hist      map[string]session.History
	loads     int
	started   [][]string
	exported  []string
	failStart error
	failLoad  error
}

func (f *fakeHome) Sessions() ([]SessionInfo, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.loads++
	if f.failLoad != nil {
		return nil, f.failLoad
	}
	return append([]SessionInfo(nil), f.list...), nil
}

func (f *fakeHome) Start(slugs []string, participants int) (*session.Session, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.started = append(f.started, slugs)
	if f.failStart != nil {
		return nil, f.failStart
	}
	plan, err := f.lib.Plan(slugs, structure.PlanOptions{Participants: participants})
	if err != nil {
		return nil, err
	}
	return session.New(session.Options{ID: "20261122-0900-" + slugs[0], Slugs: slugs, Speed: 1}, plan, t0), nil
}

func (f *fakeHome) Open(id string) (*session.Session, []session.Note, session.History, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	s, ok := f.sessions[id]
	if !ok {
		return nil, nil, session.History{}, fmt.Errorf("there is no session %s", id)
	}
	return cloneSession(s), f.notes[id], f.hist[id], nil
}

func (f *fakeHome) Export(id string) (string, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.exported = append(f.exported, id)
	return "/home/anne/.local/share/liberate/" + id + ".md", nil
}

// twoSessions is an open irritation brainstorm from this morning and a
// finished retrospective from last week; the first can be opened.
func twoSessions(t *testing.T, lib *structure.Library) *fakeHome {
	t.Helper()
	open := session.New(session.Options{ID: "20261122-0830-irritation", Title: "Irritation brainstorm · new CRM", Lang: "en", Slugs: []string{"1-2-4-all"}, Participants: 23}, testPlan(), t0.Add(-30*time.Minute))
	open.Start(t0.Add(-30 * time.Minute))
	open.Next(t0.Add(-29 * time.Minute))
	note := session.Note{ID: 1, SessionID: open.ID, Text: "Logging in takes forever", Kind: session.KindFrustration, StepIndex: 1, CreatedAt: t0.Add(-28 * time.Minute)}
	hist := session.History{}
	hist.Push(session.Op{Type: session.OpNoteAdd, After: note, Label: note.Text})
	return &fakeHome{
		lib: lib,
		list: []SessionInfo{
			{ID: "20261115-1400-retro", Title: "Team Noord retrospective", Slugs: []string{"retrospective"}, Created: t0.Add(-7*24*time.Hour + 5*time.Hour), Updated: t0.Add(-7*24*time.Hour + 7*time.Hour), Notes: 1, Finished: true},
			{ID: open.ID, Title: open.Title, Slugs: open.Slugs, Created: open.CreatedAt, Updated: t0.Add(-28 * time.Minute), Notes: 14},
		},
		sessions: map[string]*session.Session{open.ID: open},
		notes:    map[string][]session.Note{open.ID: {note}},
		hist:     map[string]session.History{open.ID: hist},
	}
}

// newHomeHarness opens the home screen over the built-in structures and
// src, and runs its Init (which loads the sessions).
func newHomeHarness(t *testing.T, lang string, src *fakeHome) *harness {
	t.Helper()
	if src == nil {
		return newHomeHarnessWith(t, lang, nil)
	}
	return newHomeHarnessWith(t, lang, src)
}

// newHomeHarnessWith is newHomeHarness over any home source.
func newHomeHarnessWith(t *testing.T, lang string, src HomeSource) *harness {
	t.Helper()
	clock := &timer.FakeClock{T: t0}
	st := newMemStore()
	deps := Deps{Store: st, Library: testLibrary(t), Clock: clock, Catalog: i18n.For(lang), Theme: ThemeDark,
		Ticker: func(time.Duration) tea.Cmd { return nil }}
	if src != nil {
		deps.Home = src
	}
	m := NewHome(deps)
	h := &harness{t: t, m: m, clock: clock, st: st}
	h.size(80, 24)
	h.run(m.Init())
	return h
}

func (h *harness) shownSlugs() []string {
	var out []string
	for _, e := range h.m.home.Shown {
		out = append(out, e.Structure.Slug)
	}
	return out
}

func TestHomeListsEveryStructureAndStringBeforeAnythingIsTyped(t *testing.T) {
	lib := testLibrary(t)
	h := newHomeHarness(t, "en", twoSessions(t, lib))
	if got, want := len(h.m.home.Shown), len(lib.All()); got != want {
		t.Fatalf("home lists %d entries, the library holds %d", got, want)
	}
	// Structures come first, then strings.
	seenString := false
	for _, e := range h.m.home.Shown {
		if e.Structure.Kind == structure.KindString {
			seenString = true
		} else if seenString {
			t.Fatalf("structure %s listed after a string", e.Structure.Slug)
		}
	}
	if !strings.Contains(h.screen(), "1-2-4-All") || !strings.Contains(h.screen(), "12 min") {
		t.Fatalf("first structure not listed with its minutes:\n%s", h.screen())
	}
}

func TestTypingFiltersTheListAtEveryLetterAndPreviewsTheSteps(t *testing.T) {
	h := newHomeHarness(t, "en", twoSessions(t, testLibrary(t)))
	all := len(h.m.home.Shown)
	prev := all
	for _, r := range "troika" {
		h.typeText(string(r))
		if n := len(h.m.home.Shown); n > prev {
			t.Fatalf("typing %q widened the list from %d to %d", h.m.home.Query, prev, n)
		}
		prev = len(h.m.home.Shown)
	}
	if got := h.shownSlugs(); len(got) == 0 || got[0] != "troika-consulting" {
		t.Fatalf("troika filters to %v", got)
	}
	scr := h.screen()
	for _, want := range []string{"Filter › troika", "Troika Consulting", "Reflect on your challenge", "Client shares the challenge · Client 1/3", "alone, in silence"} {
		if !strings.Contains(scr, want) {
			t.Fatalf("screen lacks %q:\n%s", want, scr)
		}
	}
}

func TestTheFilterFindsDutchWordsCategoriesAndPurposesInEitherLanguage(t *testing.T) {
	for _, c := range []struct {
		lang, query, want string
	}{
		{"en", "klant", "wise-crowds-large"},              // in the Dutch purpose only
		{"en", "frustr", "irritation-brainstorm"},         // names and purposes
		{"nl", "trojka", "troika-consulting"},             // Dutch alias
		{"nl", "peers", "troika-consulting"},              // English purpose from a Dutch screen
		{"en", "blootleggen", "1-2-4-all"},                // Dutch category word
		{"en", "124", "1-2-4-all"},                        // punctuation does not matter
		{"en", "15%", "fifteen-percent-solutions"},        // nor does the percent sign
		{"en", "café", "conversation-cafe"},               // nor accents
		{"en", "stories empathy", "heard-seen-respected"}, // every word must match
	} {
		t.Run(c.lang+"_"+c.query, func(t *testing.T) {
			h := newHomeHarness(t, c.lang, nil)
			h.typeText(c.query)
			got := h.shownSlugs()
			found := false
			for _, s := range got {
				found = found || s == c.want
			}
			if !found {
				t.Fatalf("%q does not find %s: %v", c.query, c.want, got)
			}
		})
	}
}

func TestANameMatchRanksAboveAPurposeMatch(t *testing.T) {
	h := newHomeHarness(t, "en", nil)
	h.typeText("frustr")
	got := h.shownSlugs()
	if len(got) < 2 {
		t.Fatalf("frustr finds %v", got)
	}
	first := h.m.home.Shown[0].Structure
	if !strings.Contains(strings.ToLower(first.Name.EN), "frustr") {
		t.Fatalf("first hit %s does not have frustr in its name: %v", first.Slug, got)
	}
}

func TestTypingQIntoTheFilterDoesNotQuitButQOnAnEmptyFilterDoes(t *testing.T) {
	h := newHomeHarness(t, "en", nil)
	h.typeText("tq")
	if h.m.quitting || h.m.home.Query != "tq" {
		t.Fatalf("q in a filter: quitting=%v query=%q", h.m.quitting, h.m.home.Query)
	}
	h.key("esc")
	if h.m.home.Query != "" || len(h.m.home.Shown) != len(h.m.home.Entries) {
		t.Fatalf("esc left query %q and %d entries", h.m.home.Query, len(h.m.home.Shown))
	}
	h.key("q")
	if !h.m.quitting {
		t.Fatal("q on an empty filter did not quit")
	}
}

func TestBackspaceRemovesTheLastLetterOfTheFilter(t *testing.T) {
	h := newHomeHarness(t, "en", nil)
	h.typeText("troikx")
	if len(h.m.home.Shown) != 0 || !strings.Contains(h.screen(), "Nothing matches “troikx”") {
		t.Fatalf("no-match not said:\n%s", h.screen())
	}
	h.m.Update(tea.KeyPressMsg{Code: tea.KeyBackspace})
	if h.m.home.Query != "troik" || h.shownSlugs()[0] != "troika-consulting" {
		t.Fatalf("after backspace: %q %v", h.m.home.Query, h.shownSlugs())
	}
}

func TestEnterStartsTheHighlightedStructureOnTheRunScreen(t *testing.T) {
	src := twoSessions(t, testLibrary(t))
	h := newHomeHarness(t, "en", src)
	h.typeText("troika")
	h.key("enter")
	if len(src.started) != 1 || src.started[0][0] != "troika-consulting" {
		t.Fatalf("started %v", src.started)
	}
	if h.m.screen != screenRun || h.m.run == nil {
		t.Fatalf("screen is %v after Enter", h.m.screen)
	}
	if c := h.m.run.Sess.Current(); c == nil || c.Label.EN != "Reflect on your challenge" || !h.m.run.Sess.Started() {
		t.Fatalf("run screen is not on Troika's first step")
	}
	if !strings.Contains(h.screen(), "Troika Consulting") {
		t.Fatalf("run screen does not show Troika:\n%s", h.screen())
	}
}

func TestDownThenEnterStartsTheEntryBelow(t *testing.T) {
	src := twoSessions(t, testLibrary(t))
	h := newHomeHarness(t, "en", src)
	want := h.m.home.Shown[1].Structure.Slug
	h.key("down")
	h.key("enter")
	if len(src.started) != 1 || src.started[0][0] != want {
		t.Fatalf("started %v, want %s", src.started, want)
	}
}

func TestAFailedStartIsSaidInOneLineAndTheHomeScreenStays(t *testing.T) {
	src := twoSessions(t, testLibrary(t))
	src.failStart = errors.New("the database is locked by another liberate; close it and try again\nstack")
	h := newHomeHarness(t, "en", src)
	h.typeText("troika")
	h.key("enter")
	if h.m.screen != screenHome {
		t.Fatalf("screen is %v after a failed start", h.m.screen)
	}
	scr := h.screen()
	if !strings.Contains(scr, "Could not start Troika Consulting: the database is locked by another liberate") || strings.Contains(scr, "stack") {
		t.Fatalf("failure not said in one line:\n%s", scr)
	}
	// The next try works once the cause is gone.
	src.failStart = nil
	h.key("enter")
	if h.m.screen != screenRun {
		t.Fatal("a second Enter did not start the structure")
	}
}

func TestSessionsAreReadByACommandNotWhileRendering(t *testing.T) {
	src := twoSessions(t, testLibrary(t))
	clock := &timer.FakeClock{T: t0}
	m := NewHome(Deps{Store: newMemStore(), Library: testLibrary(t), Clock: clock, Catalog: i18n.For("en"), Home: src,
		Ticker: func(time.Duration) tea.Cmd { return nil }})
	m.home.Pane = home.PaneSessions
	_ = m.View()
	if src.loads != 0 {
		t.Fatal("the view read the sessions")
	}
	if !strings.Contains(ansi.Strip(m.View().Content), "Loading the sessions") {
		t.Fatalf("no loading notice:\n%s", ansi.Strip(m.View().Content))
	}
	h := &harness{t: t, m: m, clock: clock}
	h.run(m.Init())
	if src.loads != 1 || len(m.home.Sessions) != 2 {
		t.Fatalf("Init loaded %d times, %d sessions", src.loads, len(m.home.Sessions))
	}
}

func TestSessionsAreListedNewestFirstWithNotesAndState(t *testing.T) {
	h := newHomeHarness(t, "en", twoSessions(t, testLibrary(t)))
	h.key("tab")
	scr := h.screen()
	a := strings.Index(scr, "Irritation brainstorm · new CRM")
	b := strings.Index(scr, "Team Noord retrospective")
	if a < 0 || b < 0 || a > b {
		t.Fatalf("sessions not newest first:\n%s", scr)
	}
	for _, want := range []string{"14 notes", "1 note ", "○ open", "✓ finished", "2026-11-22 08:32", "Sessions (2)"} {
		if !strings.Contains(scr, want) {
			t.Fatalf("sessions pane lacks %q:\n%s", want, scr)
		}
	}
}

func TestEnterOnASessionResumesItWithItsNotesAndUndoHistory(t *testing.T) {
	src := twoSessions(t, testLibrary(t))
	h := newHomeHarness(t, "en", src)
	h.key("tab")
	h.key("enter")
	if h.m.screen != screenRun || h.m.run == nil || h.m.run.Sess.ID != "20261122-0830-irritation" {
		t.Fatalf("Enter on a session did not resume it (screen %v)", h.m.screen)
	}
	if h.m.run.Sess.Pos != 1 || len(h.m.run.Notes) != 1 {
		t.Fatalf("resumed at step %d with %d notes", h.m.run.Sess.Pos, len(h.m.run.Notes))
	}
	if len(h.m.com.History.Undo) != 1 || h.m.com.History.Undo[0].Label != "Logging in takes forever" {
		t.Fatalf("undo history not passed on: %+v", h.m.com.History)
	}
}

func TestEExportsTheHighlightedSessionAndShowsWhereItWent(t *testing.T) {
	src := twoSessions(t, testLibrary(t))
	h := newHomeHarness(t, "en", src)
	h.typeText("e") // in the structures pane, e is a letter of the filter
	if len(src.exported) != 0 || h.m.home.Query != "e" {
		t.Fatalf("e in the structures pane exported %v", src.exported)
	}
	h.key("esc")
	h.key("tab")
	h.key("down")
	h.key("e")
	if len(src.exported) != 1 || src.exported[0] != "20261115-1400-retro" {
		t.Fatalf("exported %v", src.exported)
	}
	if !strings.Contains(h.screen(), "Markdown written to /home/anne/.local/share/liberate/20261115-1400-retro.md") {
		t.Fatalf("path not shown:\n%s", h.screen())
	}
}

func TestTypingInTheSessionsPaneGoesToTheFilter(t *testing.T) {
	h := newHomeHarness(t, "en", twoSessions(t, testLibrary(t)))
	h.key("tab")
	h.typeText("troika")
	if h.m.home.Pane != home.PaneStructures || h.m.home.Query != "troika" {
		t.Fatalf("pane %v query %q", h.m.home.Pane, h.m.home.Query)
	}
}

func TestQOnTheRunScreenGoesBackHomeAndReadsTheSessionsAgain(t *testing.T) {
	src := twoSessions(t, testLibrary(t))
	h := newHomeHarness(t, "en", src)
	h.typeText("troika")
	h.key("enter")
	h.key("c")
	h.typeText("q is a letter here")
	if h.m.screen != screenRun {
		t.Fatal("q typed into a note left the run screen")
	}
	h.key("esc")
	loads := src.loads
	h.key("q")
	if h.m.screen != screenHome || h.m.quitting {
		t.Fatalf("q on the run screen: screen %v quitting %v", h.m.screen, h.m.quitting)
	}
	if src.loads != loads+1 {
		t.Fatal("sessions not read again after coming back")
	}
	if _, ok := h.st.sessions["20261122-0900-troika-consulting"]; !ok {
		t.Fatal("the session was not saved on the way back")
	}
	if strings.Contains(h.screen(), "Starting") {
		t.Fatalf("stale status after coming back:\n%s", h.screen())
	}
}

func TestHomeHelpLineShowsOnlyLiveKeys(t *testing.T) {
	h := newHomeHarness(t, "en", twoSessions(t, testLibrary(t)))
	h.size(200, 60)
	l := lastLine(h.screen())
	if !strings.Contains(l, "q quit") || strings.Contains(l, "esc") || !strings.Contains(l, "enter start") {
		t.Fatalf("empty filter help = %q", l)
	}
	h.typeText("troika")
	l = lastLine(h.screen())
	if strings.Contains(l, "q quit") || !strings.Contains(l, "esc clear") || !strings.Contains(l, "ctrl+c quit") {
		t.Fatalf("typed filter help = %q", l)
	}
	h.typeText("xx")
	if l = lastLine(h.screen()); strings.Contains(l, "enter") {
		t.Fatalf("enter offered with nothing to start: %q", l)
	}
	h.key("esc")
	h.key("tab")
	if l = lastLine(h.screen()); !strings.Contains(l, "enter resume") || !strings.Contains(l, "e export") || strings.Contains(l, "a–z filter") {
		t.Fatalf("sessions help = %q", l)
	}
	h2 := newHomeHarness(t, "en", &fakeHome{lib: testLibrary(t)})
	h2.size(200, 60)
	h2.key("tab")
	if l = lastLine(h2.screen()); strings.Contains(l, "export") || strings.Contains(l, "resume") {
		t.Fatalf("export offered without sessions: %q", l)
	}
	if !strings.Contains(h2.screen(), "No sessions yet") {
		t.Fatalf("empty list not explained:\n%s", h2.screen())
	}
}

func TestTheHighlightStaysInViewOnALongList(t *testing.T) {
	h := newHomeHarness(t, "en", nil)
	h.key("end")
	last := h.m.home.Shown[len(h.m.home.Shown)-1]
	if h.m.home.Sel != len(h.m.home.Shown)-1 || !strings.Contains(h.screen(), "▶ "+ansi.Truncate(last.Name, 20, "")) {
		t.Fatalf("last entry not highlighted in view:\n%s", h.screen())
	}
	h.key("home")
	h.key("pgdown")
	if h.m.home.Sel == 0 || h.m.home.Sel >= len(h.m.home.Shown) {
		t.Fatalf("pgdown moved to %d", h.m.home.Sel)
	}
	sel := h.m.home.Shown[h.m.home.Sel]
	if !strings.Contains(h.screen(), "▶ "+ansi.Truncate(sel.Name, 20, "")) {
		t.Fatalf("pgdown moved the highlight out of view:\n%s", h.screen())
	}
	// Only the visible rows are rendered: the list has more entries than
	// the screen has lines.
	if n := strings.Count(h.screen(), "\n") + 1; n > 24 || len(h.m.home.Shown) < 24 {
		t.Fatalf("%d lines for %d entries", n, len(h.m.home.Shown))
	}
}

func TestAFailedSessionListIsSaidAndTheStructuresStillWork(t *testing.T) {
	src := twoSessions(t, testLibrary(t))
	src.failLoad = errors.New("the database file is damaged")
	h := newHomeHarness(t, "en", src)
	h.key("tab")
	if !strings.Contains(h.screen(), "Could not read the sessions: the database file is damaged") {
		t.Fatalf("load failure not said:\n%s", h.screen())
	}
	h.key("tab")
	h.typeText("troika")
	h.key("enter")
	if h.m.screen != screenRun {
		t.Fatal("structures do not start when the session list failed")
	}
}

func TestHostilePasteIntoTheFilterIsCleaned(t *testing.T) {
	h := newHomeHarness(t, "en", nil)
	h.m.Update(tea.PasteMsg{Content: "tro\x1b]2;PWNED\x07ika" + strings.Repeat("x", 1<<16)})
	if strings.ContainsRune(h.m.home.Query, 0x1b) || len([]rune(h.m.home.Query)) > home.MaxQuery {
		t.Fatalf("query holds %q", h.m.home.Query)
	}
	if strings.ContainsRune(h.m.View().Content, 0x07) {
		t.Fatal("view carries the hostile sequence")
	}
}

func TestTinyHomeWindowAsksForMoreRoom(t *testing.T) {
	for _, lang := range []string{"en", "nl"} {
		h := newHomeHarness(t, lang, nil)
		h.size(30, 8)
		want := map[string]string{"en": "larger", "nl": "groter"}[lang]
		if !strings.Contains(h.screen(), want) {
			t.Fatalf("%s tiny view:\n%s", lang, h.screen())
		}
	}
}

func TestHomeRendersWithoutPanicAtEverySize(t *testing.T) {
	h := newHomeHarness(t, "en", twoSessions(t, testLibrary(t)))
	setups := []func(){
		func() {},
		func() { h.typeText("troika") },
		func() { h.typeText("zzzz") },
		func() { h.key("esc"); h.key("tab") },
	}
	for _, setup := range setups {
		setup()
		checkEverySize(t, h)
	}
}

// checkEverySize renders h from 0×0 to 400×150 and checks that no frame
// is taller or wider than its window.
func checkEverySize(t *testing.T, h *harness) {
	t.Helper()
	for w := 0; w <= 400; w += 7 {
		for hh := 0; hh <= 150; hh += 5 {
			checkSize(t, h, w, hh)
		}
	}
	for _, s := range [][2]int{{1, 1}, {2, 1}, {1, 2}, {39, 9}, {40, 10}, {99, 30}, {100, 30}, {400, 150}} {
		checkSize(t, h, s[0], s[1])
	}
}

func checkSize(t *testing.T, h *harness, w, hh int) {
	t.Helper()
	h.size(w, hh)
	out := h.m.View().Content
	lines := strings.Split(out, "\n")
	if hh > 0 && len(lines) > hh {
		t.Fatalf("%dx%d: %d lines", w, hh, len(lines))
	}
	for _, l := range lines {
		if ansi.StringWidth(l) > w {
			t.Fatalf("%dx%d: line wider than the window: %q", w, hh, ansi.Strip(l))
		}
	}
}

// homeStates brings the home screen into each state worth a golden file.
var homeStates = []struct {
	name string
	set  func(h *harness)
}{
	{"unfiltered", func(h *harness) {}},
	{"troika", func(h *harness) { h.typeText("troika") }},
	{"frustr", func(h *harness) { h.typeText("frustr") }},
	{"klant", func(h *harness) { h.typeText("klant") }},
	{"sessions", func(h *harness) { h.key("tab") }},
}

func TestHomeGolden(t *testing.T) {
	for _, lang := range []string{"en", "nl"} {
		for _, size := range [][2]int{{80, 24}, {120, 40}} {
			for _, st := range homeStates {
				name := fmt.Sprintf("%s_%dx%d_%s", lang, size[0], size[1], st.name)
				t.Run(name, func(t *testing.T) {
					h := newHomeHarness(t, lang, twoSessions(t, testLibrary(t)))
					h.size(size[0], size[1])
					st.set(h)
					golden.RequireEqual(t, []byte(h.screen()))
				})
			}
		}
	}
}

func TestBOnASessionOpensItsBoard(t *testing.T) {
	h := newHomeHarness(t, "en", twoSessions(t, testLibrary(t)))
	h.size(200, 60)
	h.key("tab")
	if l := lastLine(h.screen()); !strings.Contains(l, "b board") {
		t.Fatalf("sessions help does not offer the board: %q", l)
	}
	h.key("b")
	if h.m.screen != screenBoard || h.m.run == nil || h.m.run.Sess.ID != "20261122-0830-irritation" {
		t.Fatalf("b on a session did not open its board (screen %v)", h.m.screen)
	}
	if !strings.Contains(h.screen(), "Logging in takes forever") {
		t.Fatalf("the board does not show the session's note:\n%s", h.screen())
	}
	// Esc goes to the session's run screen, q from there back home.
	h.key("esc")
	h.key("q")
	if h.m.screen != screenHome {
		t.Fatalf("esc, q from the board left screen %v", h.m.screen)
	}
}
