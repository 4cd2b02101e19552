package cli

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"liberate/internal/session"
	"liberate/internal/store"
	"liberate/internal/timer"
	"liberate/internal/ui"
)

// testApp is an App with fake streams, a fake clock, its own database and
// user structure dir, and a TUI runner that records the model instead of
// taking over the terminal.
type testApp struct {
	*App
	out, err *bytes.Buffer
	models   []*ui.Model
	clock    *timer.FakeClock
	env      map[string]string
}

func newTestApp(t *testing.T) *testApp {
	t.Helper()
	dir := t.TempDir()
	ta := &testApp{out: &bytes.Buffer{}, err: &bytes.Buffer{}, clock: &timer.FakeClock{T: time.Date(2026, 11, 22, 9, 0, 0, 0, time.UTC)}}
	env := map[string]string{"LIBERATE_DB": filepath.Join(dir, "liberate.db"), "LANG": "en_GB.UTF-8"}
	ta.env = env
	ta.App = &App{
		In: strings.NewReader(""), Out: ta.out, Err: ta.err,
		Clock:   ta.clock,
		UserDir: filepath.Join(dir, "structures"),
		Getenv:  func(k string) string { return env[k] },
	}
	ta.RunTUI = func(m *ui.Model) error {
		ta.models = append(ta.models, m)
		return nil
	}
	return ta
}

// exec runs liberate with args on a fresh App sharing the database and
// returns stdout, stderr and the exit code.
func (ta *testApp) exec(t *testing.T, args ...string) (string, string, int) {
	t.Helper()
	ta.out.Reset()
	ta.err.Reset()
	fresh := *ta.App
	fresh.lib, fresh.cat = nil, nil
	fresh.DBPath, fresh.Lang, fresh.Theme = "", "", ""
	code := Main(context.Background(), &fresh, args)
	return ta.out.String(), ta.err.String(), code
}

func TestListJSONHoldsTheWholeMenuWithOfficialTotals(t *testing.T) {
	ta := newTestApp(t)
	out, errOut, code := ta.exec(t, "list", "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var entries []struct {
		Slug         string  `json:"slug"`
		Name         string  `json:"name"`
		Kind         string  `json:"kind"`
		TotalMinutes float64 `json:"total_minutes"`
		Steps        []struct {
			Name    string  `json:"name"`
			Group   string  `json:"group"`
			Minutes float64 `json:"minutes"`
		} `json:"steps"`
	}
	if err := json.Unmarshal([]byte(out), &entries); err != nil {
		t.Fatalf("not JSON: %v", err)
	}
	bySlug := map[string]float64{}
	structures := 0
	for _, e := range entries {
		bySlug[e.Slug] = e.TotalMinutes
		if e.Kind == "structure" {
			structures++
		}
		if len(e.Steps) == 0 || e.Name == "" {
			t.Errorf("%s has no name or steps", e.Slug)
		}
	}
	if structures < 43 {
		t.Fatalf("%d structures, want at least 43", structures)
	}
	for slug, want := range map[string]float64{"1-2-4-all": 12, "triz": 35, "nine-whys": 20, "wicked-questions": 25, "drawing-together": 40} {
		if bySlug[slug] != want {
			t.Errorf("%s total %v, want %v", slug, bySlug[slug], want)
		}
	}
	if _, ok := bySlug["irritation-brainstorm"]; !ok {
		t.Error("irritation-brainstorm string missing from list --json")
	}
}

func TestListGroupsByCategoryInTheChosenLanguage(t *testing.T) {
	ta := newTestApp(t)
	out, _, code := ta.exec(t, "list", "--lang", "nl")
	if code != 0 || !strings.Contains(out, "Blootleggen") || !strings.Contains(out, "1-2-4-Allen") {
		t.Fatalf("exit %d, Dutch list:\n%s", code, out)
	}
}

func TestShowAcceptsAliasesAndPrefixes(t *testing.T) {
	ta := newTestApp(t)
	for _, name := range []string{"troika", "15%", "25-10", "1-2-4-all", "TRIZ"} {
		out, errOut, code := ta.exec(t, "show", name)
		if code != 0 || !strings.Contains(out, "min") {
			t.Errorf("show %s: exit %d %s", name, code, errOut)
		}
	}
	out, _, _ := ta.exec(t, "show", "troika")
	if !strings.Contains(out, "Client 3/3") || !strings.Contains(out, "Confidential") {
		t.Fatalf("troika show lacks the client turns:\n%s", out)
	}
}

func TestShowJSONHoldsTheDefinition(t *testing.T) {
	ta := newTestApp(t)
	out, _, code := ta.exec(t, "show", "1-2-4-all", "--json")
	var got map[string]any
	if code != 0 || json.Unmarshal([]byte(out), &got) != nil {
		t.Fatalf("exit %d, %s", code, out)
	}
	if got["slug"] != "1-2-4-all" || got["total_minutes"] != 12.0 || got["source"] != "built-in" {
		t.Fatalf("show --json: %v %v %v", got["slug"], got["total_minutes"], got["source"])
	}
}

func TestABrokenUserFileNamesFileAndLineButBuiltinsStillWork(t *testing.T) {
	ta := newTestApp(t)
	os.MkdirAll(ta.UserDir, 0o755)
	broken := "slug: broken\nname: {en: Broken, nl: Kapot}\nsteps:\n  - label: {en: A, nl: A}\n    minuts: 3\n"
	os.WriteFile(filepath.Join(ta.UserDir, "broken.yaml"), []byte(broken), 0o644)
	out, errOut, code := ta.exec(t, "show", "1-2-4-all")
	if code != 0 || !strings.Contains(out, "1-2-4-All") {
		t.Fatalf("built-in failed to show with a broken user file: %d %s", code, errOut)
	}
	if !strings.Contains(errOut, "broken.yaml:5") || !strings.Contains(errOut, "minuts") {
		t.Fatalf("error does not name file, line and field: %q", errOut)
	}
}

func TestAUserFileOverridesABuiltinAndShowSaysWhere(t *testing.T) {
	ta := newTestApp(t)
	os.MkdirAll(ta.UserDir, 0o755)
	own := "slug: 1-2-4-all\nname: {en: 1-2-4-All (ours), nl: 1-2-4-Allen (eigen)}\nsteps:\n  - {label: {en: Alone, nl: Alleen}, config: alone, min: 2}\n  - {label: {en: All, nl: Allen}, config: whole, min: 6}\n"
	path := filepath.Join(ta.UserDir, "1-2-4-all.yaml")
	os.WriteFile(path, []byte(own), 0o644)
	out, _, code := ta.exec(t, "show", "1-2-4-all")
	if code != 0 || !strings.Contains(out, path) || !strings.Contains(out, "8 min") {
		t.Fatalf("override not used or source not named:\n%s", out)
	}
}

func TestRunStartsASessionAndOpensTheRunScreen(t *testing.T) {
	ta := newTestApp(t)
	_, errOut, code := ta.exec(t, "run", "1-2-4-all", "--invitation", "What slows you down every day?", "--participants", "23")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if len(ta.models) != 1 {
		t.Fatalf("run opened %d screens", len(ta.models))
	}
	out, _, _ := ta.exec(t, "sessions", "--json")
	var list []store.SessionSummary
	if err := json.Unmarshal([]byte(out), &list); err != nil || len(list) != 1 {
		t.Fatalf("sessions after run: %v %s", err, out)
	}
	if !strings.Contains(list[0].Title, "1-2-4-All") {
		t.Fatalf("default title %q", list[0].Title)
	}
}

func TestRunChainsStructuresAndStrings(t *testing.T) {
	ta := newTestApp(t)
	if _, errOut, code := ta.exec(t, "run", "impromptu", "1-2-4-all", "15%"); code != 0 {
		t.Fatalf("ad-hoc chain: %s", errOut)
	}
	if _, errOut, code := ta.exec(t, "run", "irritation-brainstorm", "--lang", "nl"); code != 0 {
		t.Fatalf("string: %s", errOut)
	}
	st, err := store.Open(ta.Getenv("LIBERATE_DB"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	sess, err := st.LastSession()
	if err != nil {
		t.Fatal(err)
	}
	if sess.Lang != "nl" || sess.Plan[0].StructureCount < 4 {
		t.Fatalf("irritation brainstorm planned %d structures in %q", sess.Plan[0].StructureCount, sess.Lang)
	}
}

func TestRunRejectsAnUnknownStructureWithAHint(t *testing.T) {
	ta := newTestApp(t)
	_, errOut, code := ta.exec(t, "run", "no-such-thing")
	if code == 0 || !strings.Contains(errOut, "liberate list") || strings.Count(strings.TrimSpace(errOut), "\n") > 0 {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	if len(ta.models) != 0 {
		t.Fatal("a screen opened for an unknown structure")
	}
}

func TestBadGlobalFlagsSayWhatToDo(t *testing.T) {
	ta := newTestApp(t)
	if _, errOut, code := ta.exec(t, "list", "--lang", "fr"); code == 0 || !strings.Contains(errOut, "--lang en") {
		t.Fatalf("bad --lang: %d %q", code, errOut)
	}
	if _, errOut, code := ta.exec(t, "list", "--theme", "pink"); code == 0 || !strings.Contains(errOut, "projector") {
		t.Fatalf("bad --theme: %d %q", code, errOut)
	}
	if _, errOut, code := ta.exec(t, "run", "1-2-4-all", "--speed", "0"); code == 0 || !strings.Contains(errOut, "--speed") {
		t.Fatalf("bad --speed: %d %q", code, errOut)
	}
}

func TestResumeWithoutSessionsSaysHowToStart(t *testing.T) {
	ta := newTestApp(t)
	_, errOut, code := ta.exec(t, "resume")
	if code == 0 || !strings.Contains(errOut, "liberate run") {
		t.Fatalf("exit %d %q", code, errOut)
	}
}

// seedSession runs 1-2-4-All and stores notes as the run screen would.
func seedSession(t *testing.T, ta *testApp, texts ...string) *session.Session {
	t.Helper()
	if _, errOut, code := ta.exec(t, "run", "1-2-4-all", "--title", "Irritations at the town hall"); code != 0 {
		t.Fatal(errOut)
	}
	st, err := store.Open(ta.Getenv("LIBERATE_DB"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	sess, err := st.LastSession()
	if err != nil {
		t.Fatal(err)
	}
	for i, txt := range texts {
		n := &session.Note{SessionID: sess.ID, Text: txt, Kind: session.KindFrustration, StepIndex: 3, Structure: "1-2-4-all", CreatedAt: ta.clock.Now().Add(time.Duration(i) * time.Second)}
		if err := st.AddNote(n); err != nil {
			t.Fatal(err)
		}
	}
	return sess
}

func TestResumeOpensTheLastSessionWithItsNotes(t *testing.T) {
	ta := newTestApp(t)
	seedSession(t, ta, "Logging in takes forever")
	if _, errOut, code := ta.exec(t, "resume"); code != 0 {
		t.Fatal(errOut)
	}
	if len(ta.models) != 2 {
		t.Fatalf("resume opened %d screens in total", len(ta.models))
	}
}

func TestExportMarkdownHoldsTheNotesEscaped(t *testing.T) {
	ta := newTestApp(t)
	seedSession(t, ta, "Logging in takes forever", "**bold** | <script>alert(1)</script> \x1b]2;PWNED\x07")
	out, errOut, code := ta.exec(t, "export", "last", "--format", "md")
	if code != 0 {
		t.Fatal(errOut)
	}
	for _, want := range []string{"# Irritations at the town hall", "Logging in takes forever", "\\*\\*bold\\*\\*", "CC BY-SA 4.0"} {
		if !strings.Contains(out, want) {
			t.Errorf("markdown lacks %q", want)
		}
	}
	if strings.ContainsRune(out, 0x1b) || strings.Contains(out, "<script>") {
		t.Fatal("markdown carries an escape or raw HTML")
	}
}

func TestExportWritesAFileWithDashO(t *testing.T) {
	ta := newTestApp(t)
	seedSession(t, ta, "one", "two")
	path := filepath.Join(t.TempDir(), "notes.csv")
	if _, errOut, code := ta.exec(t, "export", "--format", "csv", "--semicolon", "-o", path); code != 0 {
		t.Fatal(errOut)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(b, []byte("\xef\xbb\xbf")) {
		t.Fatal("CSV lacks the BOM for Excel")
	}
	r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))))
	r.Comma = ';'
	rows, err := r.ReadAll()
	if err != nil || len(rows) != 3 || rows[0][0] != "cluster" {
		t.Fatalf("csv rows %v err %v", rows, err)
	}
}

func TestExportJSONIsTheFullSession(t *testing.T) {
	ta := newTestApp(t)
	seedSession(t, ta, "one")
	out, _, code := ta.exec(t, "export", "1", "--format", "json")
	var doc map[string]any
	if code != 0 || json.Unmarshal([]byte(out), &doc) != nil || doc["format"] != "liberate-session" {
		t.Fatalf("json export: %d %.200s", code, out)
	}
}

func TestExportRejectsUnknownFormats(t *testing.T) {
	ta := newTestApp(t)
	seedSession(t, ta, "one")
	if _, errOut, code := ta.exec(t, "export", "--format", "pdf"); code == 0 || !strings.Contains(errOut, "md, json or csv") {
		t.Fatalf("%d %q", code, errOut)
	}
}

func TestALockedDatabaseFailsFastWithAClearMessage(t *testing.T) {
	ta := newTestApp(t)
	seedSession(t, ta, "one")
	holdDatabase(t, ta)
	// How long it waits is store.DefaultTimeout (checked in the store's
	// tests); here: it gives up, in one sentence, naming the file and --db.
	_, errOut, code := ta.exec(t, "sessions")
	if code == 0 || !strings.Contains(errOut, "liberate.db") || !strings.Contains(errOut, "--db") {
		t.Fatalf("%d %q", code, errOut)
	}
	if strings.Count(strings.TrimSpace(errOut), "\n") != 0 {
		t.Fatalf("more than one line: %q", errOut)
	}
}

func TestClusterReadsLinesAndWritesCSVInInputOrder(t *testing.T) {
	ta := newTestApp(t)
	in := "wachtwoord vergeten\nww vergeten weer\ncannot log in\nprinter jams\nprinter out of paper\nprinter offline again\n"
	ta.In = strings.NewReader(in)
	out, errOut, code := ta.exec(t, "cluster", "-", "--format", "csv")
	if code != 0 {
		t.Fatal(errOut)
	}
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil || len(rows) != 7 || rows[0][0] != "text" || rows[0][1] != "cluster" {
		t.Fatalf("rows %v err %v", rows, err)
	}
	if rows[1][0] != "wachtwoord vergeten" || rows[6][0] != "printer offline again" {
		t.Fatalf("input order lost: %v", rows)
	}
	if rows[4][1] != rows[5][1] {
		t.Fatalf("printer notes split: %v", rows)
	}
}

func TestBackupWritesACopyThatOpens(t *testing.T) {
	ta := newTestApp(t)
	seedSession(t, ta, "one", "two")
	path := filepath.Join(t.TempDir(), "copy.db")
	out, errOut, code := ta.exec(t, "backup", "-o", path)
	if code != 0 || !strings.Contains(out, "copy.db") {
		t.Fatalf("%d %s", code, errOut)
	}
	if n := backupNotes(t, path); n != 2 {
		t.Fatalf("backup holds %d notes", n)
	}
}

// backupNotes opens a backup file, checks it and counts the notes of its
// last session.
func backupNotes(t *testing.T, path string) int {
	t.Helper()
	st, err := store.Open(path, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if err := st.Check(); err != nil {
		t.Fatalf("the backup does not check out: %v", err)
	}
	sess, err := st.LastSession()
	if err != nil {
		t.Fatal(err)
	}
	notes, _ := st.Notes(sess.ID)
	return len(notes)
}

func TestVersionCarriesTheAttribution(t *testing.T) {
	ta := newTestApp(t)
	out, _, code := ta.exec(t, "--version")
	if code != 0 || !strings.Contains(out, "CC BY-SA 4.0") || !strings.Contains(out, "liberate") {
		t.Fatalf("%d %q", code, out)
	}
}

func TestSessionsBeforeAnyDatabaseSaysThereAreNoneYet(t *testing.T) {
	ta := newTestApp(t)
	out, errOut, code := ta.exec(t, "sessions")
	if code != 0 || out != "" || !strings.Contains(errOut, "no sessions yet") {
		t.Fatalf("exit %d, out %q, err %q", code, out, errOut)
	}
	out, _, code = ta.exec(t, "sessions", "--json")
	if code != 0 || strings.TrimSpace(out) != "[]" {
		t.Fatalf("--json: exit %d, out %q", code, out)
	}
	_, errOut, code = ta.exec(t, "export", "last")
	if code == 0 || strings.Count(strings.TrimSpace(errOut), "\n") != 0 || !strings.Contains(errOut, "run a session first") {
		t.Fatalf("export without a database: exit %d, err %q", code, errOut)
	}
	if _, err := os.Stat(ta.Getenv("LIBERATE_DB")); !os.IsNotExist(err) {
		t.Fatalf("listing sessions created the database: %v", err)
	}
}

func TestNoTerminalIsSaidInOneSentence(t *testing.T) {
	err := tuiError(errors.New("bubbletea: error opening TTY: open /dev/tty: no such device or address"))
	if err == nil || !strings.Contains(err.Error(), "needs a terminal") || strings.Contains(err.Error(), "bubbletea") {
		t.Fatalf("got %v", err)
	}
	if tuiError(nil) != nil {
		t.Fatal("no error became one")
	}
}

func TestBackupWhileAnotherLiberateHoldsTheFileGivesItsRunningCopy(t *testing.T) {
	ta := newTestApp(t)
	seedSession(t, ta, "one", "two")
	held := holdDatabase(t, ta)
	path := filepath.Join(t.TempDir(), "copy.db")
	// Before the running liberate made its copy, the lock error stands.
	if _, errOut, code := ta.exec(t, "backup", "-o", path); code == 0 || !strings.Contains(errOut, "--db") {
		t.Fatalf("backup of a locked file without a running copy: %d %q", code, errOut)
	}
	if err := held.AutoBackup(); err != nil { // as at a step change
		t.Fatal(err)
	}
	out, errOut, code := ta.exec(t, "backup", "-o", path)
	if code != 0 || !strings.Contains(out, "copy.db") || !strings.Contains(errOut, "running copy") {
		t.Fatalf("backup of a locked file: %d %q %q", code, out, errOut)
	}
	if n := backupNotes(t, path); n != 2 {
		t.Fatalf("the copy holds %d notes", n)
	}
}

func TestADamagedRunningCopyIsNotPassedOn(t *testing.T) {
	ta := newTestApp(t)
	seedSession(t, ta, "one")
	holdDatabase(t, ta)
	if err := os.WriteFile(store.AutoBackupPath(ta.Getenv("LIBERATE_DB")), bytes.Repeat([]byte{0xff}, 8192), 0o600); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "copy.db")
	_, errOut, code := ta.exec(t, "backup", "-o", path)
	if code == 0 || strings.Count(strings.TrimSpace(errOut), "\n") != 0 {
		t.Fatalf("a damaged running copy: %d %q", code, errOut)
	}
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Fatalf("a damaged copy was written: %v", err)
	}
}

// holdDatabase opens the test database as another liberate would, until
// the test ends.
func holdDatabase(t *testing.T, ta *testApp) *store.Store {
	t.Helper()
	held, err := store.Open(ta.Getenv("LIBERATE_DB"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { held.Close() })
	return held
}

// screen renders a recorded model at w×h without colours.
func screen(t *testing.T, m *ui.Model, w, h int) string {
	t.Helper()
	m.Update(tea.WindowSizeMsg{Width: w, Height: h})
	return ansi.Strip(m.View().Content)
}

func TestADutchSessionResumesInDutchUnderAnEnglishLocale(t *testing.T) {
	ta := newTestApp(t)
	if _, errOut, code := ta.exec(t, "run", "1-2-4-all", "--lang", "nl"); code != 0 {
		t.Fatal(errOut)
	}
	ta.env["LANG"] = "C"
	if _, errOut, code := ta.exec(t, "resume"); code != 0 {
		t.Fatal(errOut)
	}
	got := screen(t, ta.models[len(ta.models)-1], 100, 30)
	if !strings.Contains(got, "Eerst: 1-2-4-Allen") || strings.Contains(got, "First:") {
		t.Fatalf("the title screen of a Dutch session resumed under LANG=C is not in Dutch:\n%s", got)
	}
	// The clicker starts the first step.
	ta.models[len(ta.models)-1].Update(tea.KeyPressMsg{Code: tea.KeyPgDown})
	got = screen(t, ta.models[len(ta.models)-1], 100, 30)
	if !strings.Contains(got, "ALLEEN") || strings.Contains(got, "ALONE") {
		t.Fatalf("a Dutch session resumed under LANG=C is not in Dutch:\n%s", got)
	}
	// An explicit --lang still wins.
	if _, errOut, code := ta.exec(t, "resume", "--lang", "en"); code != 0 {
		t.Fatal(errOut)
	}
	ta.models[len(ta.models)-1].Update(tea.KeyPressMsg{Code: tea.KeyPgDown})
	if got := screen(t, ta.models[len(ta.models)-1], 100, 30); !strings.Contains(got, "ALONE") {
		t.Fatalf("--lang en on resume is not in English:\n%s", got)
	}
	// Its export is in Dutch too.
	out, errOut, code := ta.exec(t, "export", "last")
	if code != 0 || !strings.Contains(out, "## Tijdlijn") || !strings.Contains(out, "Gelicentieerd onder CC BY-SA 4.0") {
		t.Fatalf("export of a Dutch session under LANG=C: exit %d %s\n%s", code, errOut, out)
	}
}

func TestShowTroikaForSeventeenPlansAFourthClientForTheFours(t *testing.T) {
	ta := newTestApp(t)
	out, errOut, code := ta.exec(t, "show", "troika", "--participants", "17")
	if code != 0 {
		t.Fatal(errOut)
	}
	for _, want := range []string{"Client 4/4", "3 trios and 2 fours", "Only the fours: the client describes", "In the trios everyone has had a turn."} {
		if !strings.Contains(out, want) {
			t.Errorf("show troika --participants 17 lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "Client 5/") {
		t.Error("more client turns than the fours have members")
	}
	last := out[strings.LastIndex(out, "Client 4/4"):]
	if strings.Contains(last, "next person becomes the client") {
		t.Errorf("the last turn still says the next person becomes the client:\n%s", last)
	}
}

func TestListJSONGivesImpromptuNetworkingTheOfficialFifteenToTwenty(t *testing.T) {
	ta := newTestApp(t)
	out, _, code := ta.exec(t, "list", "--json")
	if code != 0 {
		t.Fatal(out)
	}
	var entries []struct {
		Slug            string  `json:"slug"`
		Total, Min, Max float64 `json:"-"`
		TotalMinutes    float64 `json:"total_minutes"`
		MinTotalMinutes float64 `json:"min_total_minutes"`
		MaxTotalMinutes float64 `json:"max_total_minutes"`
	}
	if err := json.Unmarshal([]byte(out), &entries); err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if e.Slug == "impromptu-networking" {
			if e.MinTotalMinutes != 15 || e.MaxTotalMinutes != 20 || e.TotalMinutes < 15 || e.TotalMinutes > 20 {
				t.Fatalf("Impromptu Networking plans %v (%v–%v), want within 15–20", e.TotalMinutes, e.MinTotalMinutes, e.MaxTotalMinutes)
			}
			return
		}
	}
	t.Fatal("no impromptu-networking in list --json")
}

func TestRunWithATypoSuggestsTheStructure(t *testing.T) {
	ta := newTestApp(t)
	_, errOut, code := ta.exec(t, "run", "trokia")
	if code == 0 || !strings.Contains(errOut, "did you mean troika?") || len(ta.models) != 0 {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
}

func TestShowAndHelpSpeakDutch(t *testing.T) {
	ta := newTestApp(t)
	out, _, code := ta.exec(t, "show", "troika", "--lang", "nl")
	if code != 0 {
		t.Fatal(out)
	}
	for _, want := range []string{"Tijden: officieel", "Categorie: blootleggen, helpen", "Gedefinieerd in: ingebouwd", "Trojkaconsultatie"} {
		if !strings.Contains(out, want) {
			t.Errorf("show in Dutch lacks %q:\n%s", want, out)
		}
	}
	for _, bad := range []string{"official", "reveal", "built-in"} {
		if strings.Contains(out, bad) {
			t.Errorf("show in Dutch says %q", bad)
		}
	}
	ta.env["LANG"] = "nl_BE.UTF-8"
	out, _, _ = ta.exec(t, "run", "--help")
	for _, want := range []string{"Een sessie starten", "Aantal mensen in de zaal", "Hulp bij run"} {
		if !strings.Contains(out, want) {
			t.Errorf("run --help under nl_BE lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "Head-Count") || strings.Contains(out, "head-count") {
		t.Errorf("help still says head-count:\n%s", out)
	}
	ta.env["LANG"] = "C"
	if out, _, _ = ta.exec(t, "--help", "--lang", "nl"); !strings.Contains(out, "Gelicentieerd onder") || !strings.Contains(out, "Werkvormen en reeksen") {
		t.Errorf("--help --lang nl:\n%s", out)
	}
}

func TestShellCompletionCompletesSlugsSessionsAndFlagValues(t *testing.T) {
	ta := newTestApp(t)
	sess := seedSession(t, ta, "Logging in takes forever")
	for _, c := range []struct {
		args []string
		want []string
	}{
		{[]string{"__complete", "run", "tro"}, []string{"troika-consulting", "troika"}},
		{[]string{"__complete", "run", "1-2-4-all", "irr"}, []string{"irritation-brainstorm"}},
		{[]string{"__complete", "show", "wise"}, []string{"wise-crowds", "wise-crowds-large"}},
		{[]string{"__complete", "resume", ""}, []string{"last", sess.ID}},
		{[]string{"__complete", "export", ""}, []string{"last", sess.ID}},
		{[]string{"__complete", "export", "--format", ""}, []string{"md", "json", "csv"}},
		{[]string{"__complete", "list", "--lang", ""}, []string{"en", "nl"}},
		{[]string{"__complete", "run", "--theme", ""}, []string{"dark", "light", "projector", "mono"}},
	} {
		out, errOut, code := ta.exec(t, c.args...)
		if code != 0 {
			t.Fatalf("%v: exit %d %s", c.args, code, errOut)
		}
		got := map[string]bool{}
		for _, line := range strings.Split(out, "\n") {
			got[strings.SplitN(line, "\t", 2)[0]] = true
		}
		for _, w := range c.want {
			if !got[w] {
				t.Errorf("%v does not offer %q:\n%s", c.args, w, out)
			}
		}
	}
}

func TestLeavingARunWithQPrintsHowToResume(t *testing.T) {
	ta := newTestApp(t)
	ta.RunTUI = func(m *ui.Model) error {
		m.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
		m.Update(tea.KeyPressMsg{Code: 'q', Text: "q"})
		return nil
	}
	out, errOut, code := ta.exec(t, "run", "1-2-4-all", "--lang", "nl")
	if code != 0 {
		t.Fatal(errOut)
	}
	if !strings.HasPrefix(out, "Sessie bewaard: `liberate resume ") || !strings.Contains(out, "de klok loopt intussen door") || strings.Count(out, "\n") != 1 {
		t.Fatalf("after q: %q", out)
	}
}
