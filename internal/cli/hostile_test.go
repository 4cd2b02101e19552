package cli

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"liberate/internal/session"
	"liberate/internal/store"
)

// Escape sequences an attacker would hide in a file, a note or a flag: a
// window title, a clipboard write (OSC 52), a screen clear, their C1 forms,
// a bidi override and a bare carriage return.
const (
	escTitle = "\x1b]0;PWNED\x07"
	escClip  = "\x1b]52;c;ZXZpbA==\x07"
	escClear = "\x1b[2J\x1b[H"
	c1CSI    = "\u009b2J"
	c1OSC    = "\u009d0;t\u009c"
	bidi     = "\u202e"
	hostile  = escTitle + escClip + escClear + c1CSI + c1OSC + bidi + "\r"
)

// yamlHostile spells hostile inside a double-quoted YAML string.
const yamlHostile = `\e]0;PWNED\a\e]52;c;ZXZpbA==\a\e[2J\e[H\x9b2J\x9d0;t\x9c\u202e\r`

// rawControl returns the first character in s a terminal would act on (a
// C0 control other than newline and tab, DEL, a C1 control, a bidi
// control), or -1.
func rawControl(s string) (rune, int) {
	for i, r := range s {
		switch {
		case r == utf8.RuneError:
			if _, size := utf8.DecodeRuneInString(s[i:]); size == 1 {
				return r, i
			}
		case (r < 0x20 && r != '\n' && r != '\t') || r == 0x7f || (r >= 0x80 && r < 0xa0),
			r == 0x061c, r == 0x200e, r == 0x200f, r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
			return r, i
		}
	}
	return -1, -1
}

// hostileFixture fills the test app's folders with hostile files and its
// database with hostile notes; it returns the hostile session's id and the
// path of an escape-laden CSV.
func hostileFixture(t *testing.T, ta *testApp) (string, string) {
	t.Helper()
	if err := os.MkdirAll(ta.UserDir, 0o755); err != nil {
		t.Fatal(err)
	}
	evil := `slug: evil
name: {en: "Evil ` + yamlHostile + `", nl: "Kwaad ` + yamlHostile + `"}
purpose: "Purpose ` + yamlHostile + `"
invitation: "Invitation ` + yamlHostile + `"
timing_source: "official ` + yamlHostile + `"
categories: ["reveal ` + yamlHostile + `"]
tips: ["Tip ` + yamlHostile + `"]
steps:
  - label: "Step ` + yamlHostile + `"
    prompt: "Prompt ` + yamlHostile + `"
    tip: "Step tip ` + yamlHostile + `"
    config: whole
    min: 3
`
	if err := os.WriteFile(filepath.Join(ta.UserDir, "evil.yaml"), []byte(evil), 0o644); err != nil {
		t.Fatal(err)
	}
	// A file named with escape codes, broken so it is reported.
	if err := os.WriteFile(filepath.Join(ta.UserDir, "x"+escTitle+escClip+c1CSI+".yaml"), []byte("slug: [\n"), 0o644); err != nil {
		t.Fatal(err)
	}

	if _, errOut, code := ta.exec(t, "run", "1-2-4-all", "--title", "Title "+hostile, "--invitation", "Q "+hostile); code != 0 {
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
	// Written as another tool or an older liberate might: raw, uncleaned.
	sess.Title = "Raw title " + hostile
	if err := st.SaveSession(sess); err != nil {
		t.Fatal(err)
	}
	for i, txt := range []string{"=HYPERLINK(\"http://evil\") " + hostile, "+1+1", "-2 " + bidi, "@SUM(1)", "note " + hostile, "=cmd|' /C calc'!A0"} {
		n := &session.Note{SessionID: sess.ID, Text: txt, Kind: session.Kind("kind" + hostile), StepIndex: 3, Structure: "1-2-4-all" + hostile, StepPath: "p" + hostile, CreatedAt: ta.clock.Now()}
		n.Votes = i
		if err := st.AddNote(n); err != nil {
			t.Fatal(err)
		}
	}
	if err := st.SaveClusters(sess.ID, []session.Cluster{{ID: "c1", Label: "=Label " + hostile, Terms: []string{"term" + hostile}}}); err != nil {
		t.Fatal(err)
	}

	csvPath := filepath.Join(t.TempDir(), "notes"+escTitle+".csv")
	var b strings.Builder
	b.WriteString("text,who\n")
	for _, txt := range []string{"=HYPERLINK(\"http://evil\",\"click\")", "=cmd|' /C calc'!A0", "+1+1", "-1", "@SUM(1)", "login " + escTitle + " slow", "login " + escClip + " slow", "\"login " + c1CSI + c1OSC + bidi + " slow\"", "printer jams " + escClear} {
		b.WriteString(txt + ",x\n")
	}
	if err := os.WriteFile(csvPath, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return sess.ID, csvPath
}

// TestNoCommandPrintsARawControlCharacterFromHostileInput walks every
// command over hostile structure files, a hostile file name, hostile notes
// in the database, a hostile CSV and hostile arguments, and fails on any
// raw control character in what they print, and on any CSV cell that a
// spreadsheet would run as a formula.
func TestNoCommandPrintsARawControlCharacterFromHostileInput(t *testing.T) {
	ta := newTestApp(t)
	id, csvPath := hostileFixture(t, ta)
	dir := t.TempDir()
	runs := [][]string{
		{"list"}, {"list", "--json"}, {"list", "--lang", "nl"},
		{"show", "evil"}, {"show", "evil", "--json"}, {"show", "evil", "--lang", "nl"},
		{"show", "no-such" + hostile}, {"show", "1-2-4-all"},
		{"sessions"}, {"sessions", "--json"},
		{"export"}, {"export", id, "--format", "json"}, {"export", "--format", "csv"}, {"export", "--format", "csv", "--semicolon"},
		{"export", "no-such" + hostile},
		{"export", "-o", filepath.Join(dir, "out"+escTitle+".md")},
		{"export", "-o", filepath.Join(dir, "out"+escTitle+".md")}, // exists now: refused, naming the file
		{"cluster", csvPath}, {"cluster", csvPath, "--format", "csv"}, {"cluster", csvPath, "--format", "json"},
		{"cluster", "-", "--format", "csv"},
		{"cluster", filepath.Join(dir, "missing"+escClip+".csv")},
		{"run", "evil", "--title", hostile}, {"run", "no-such" + escTitle}, {"run", "1-2-4-all", "--speed", "NaN"},
		{"resume"}, {"resume", "x" + hostile},
		{"backup", "-o", filepath.Join(dir, "b"+escTitle+".db")},
		{"repair", "-o", filepath.Join(dir, "r"+escTitle+".db")},
		{"--db", filepath.Join(dir, "db"+escTitle, "x.db"), "sessions"},
		{"--lang", "x" + escTitle, "list"},
		{"--theme", "x" + escTitle, "list"},
		{"list", "--no-such-flag" + escTitle},
		{"no-such-command" + escTitle},
	}
	stdinCSV, _ := os.ReadFile(csvPath)
	for _, args := range runs {
		ta.In = strings.NewReader(string(stdinCSV))
		out, errOut, code := ta.exec(t, args...)
		for name, s := range map[string]string{"stdout": out, "stderr": errOut} {
			if r, at := rawControl(s); r >= 0 {
				t.Errorf("liberate %q (exit %d): raw %U in %s at %d: %q", args, code, r, name, at, s[max(0, at-40):min(len(s), at+40)])
			}
		}
		if strings.Contains(strings.Join(args, " "), "--format csv") && code == 0 {
			checkFormulaGuard(t, args, out)
		}
	}
	// The structure's texts are shown, only without the sequences.
	out, _, _ := ta.exec(t, "show", "evil")
	for _, want := range []string{"Evil", "Prompt", "Step tip", "Tip"} {
		if !strings.Contains(out, want) {
			t.Errorf("show evil lacks %q:\n%s", want, out)
		}
	}
	_, errOut, _ := ta.exec(t, "list")
	if !strings.Contains(errOut, "skipped") || !strings.Contains(errOut, ".yaml") {
		t.Errorf("the badly named file is not reported: %q", errOut)
	}
}

// checkFormulaGuard fails when a CSV cell starts like a formula.
func checkFormulaGuard(t *testing.T, args []string, out string) {
	t.Helper()
	out = strings.TrimPrefix(out, "\ufeff")
	r := csv.NewReader(strings.NewReader(out))
	if strings.Contains(strings.Join(args, " "), "semicolon") {
		r.Comma = ';'
	}
	r.FieldsPerRecord = -1
	rows, err := r.ReadAll()
	if err != nil {
		t.Errorf("liberate %q: not CSV: %v", args, err)
		return
	}
	for _, row := range rows {
		for _, c := range row {
			if c != "" && strings.ContainsRune("=+-@", rune(strings.TrimLeft(c, " ")[0])) {
				t.Errorf("liberate %q: cell %q starts a formula", args, c)
			}
		}
	}
}
