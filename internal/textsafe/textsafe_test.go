package textsafe

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestCleanRemovesTerminalSequencesAndControls(t *testing.T) {
	cases := []struct {
		name, in, want string
	}{
		{"window title OSC with BEL", "before\x1b]2;PWNED\x07after", "beforeafter"},
		{"OSC with ST", "a\x1b]0;title\x1b\\b", "ab"},
		{"clipboard write OSC 52", "x\x1b]52;c;ZXZpbA==\x07y", "xy"},
		{"hyperlink OSC 8", "\x1b]8;;http://evil\x1b\\click\x1b]8;;\x1b\\", "click"},
		{"clear screen CSI", "\x1b[2Jtext", "text"},
		{"colour CSI with parameters", "\x1b[1;31mred\x1b[0m", "red"},
		{"private CSI", "\x1b[?1049hscreen", "screen"},
		{"DCS string", "a\x1bPq#0;2;0;0;0\x1b\\b", "ab"},
		{"APC string", "a\x1b_Gf=100;AAAA\x1b\\b", "ab"},
		{"PM and SOS strings", "a\x1b^pm\x1b\\b\x1bXsos\x1b\\c", "abc"},
		{"two-byte escape", "a\x1bcb\x1b7c", "abc"},
		{"charset escape with intermediate", "a\x1b(0b", "ab"},
		{"lone ESC at end", "abc\x1b", "abc"},
		{"C1 CSI", "a\u009b2Jb", "ab"},
		{"C1 OSC ended by C1 ST", "a\u009d2;PWNED\u009cb", "ab"},
		{"C1 OSC ended by BEL", "a\u009d0;t\x07b", "ab"},
		{"other C1 controls", "a\u0080\u008d\u0096b", "ab"},
		{"C0 controls and DEL", "a\x00\x01\x07\x08\x7fb", "ab"},
		{"unterminated OSC swallows the rest", "keep\x1b]0;rest of it", "keep"},
		{"CSI broken by a control resumes as text", "a\x1b[12\x00b", "ab"},
		{"CAN aborts a string", "a\x1b]0;t\x18b", "ab"},
		{"ESC inside a string starts a new sequence", "a\x1b]0;t\x1b[31mb", "ab"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := Clean(c.in); got != c.want {
				t.Errorf("Clean(%q) = %q, want %q", c.in, got, c.want)
			}
		})
	}
}

func TestCleanMakesOneLineOfSingleSpaces(t *testing.T) {
	cases := map[string]string{
		"  padded  ":                   "padded",
		"line one\nline two":           "line one line two",
		"tab\tand\r\ncrlf":             "tab and crlf",
		"many     spaces":              "many spaces",
		"nbsp\u00a0and\u2028separator": "nbsp and separator",
		"space \x1b[0m escape":         "space escape",
		"\n\t \n":                      "",
		"next\u0085line":               "next line",
	}
	for in, want := range cases {
		if got := Clean(in); got != want {
			t.Errorf("Clean(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestCleanRemovesBidiAndInvisibleFormatCharacters(t *testing.T) {
	cases := map[string]string{
		"\u202eevil":                       "evil",
		"a\u202ab\u202bc\u202cd\u202de":    "abcde",
		"\u2066iso\u2067late\u2068d\u2069": "isolated",
		"l\u200erm\u200f":                  "lrm",
		"zero\u200bwidth":                  "zerowidth",
		"\ufeffbom":                        "bom",
		"soft\u00adhyphen":                 "softhyphen",
		"word\u2060joiner":                 "wordjoiner",
		"smuggled\U000E0041\U000E0042":     "smuggled",
		"arabic\u061cmark":                 "arabicmark",
	}
	for in, want := range cases {
		if got := Clean(in); got != want {
			t.Errorf("Clean(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestCleanKeepsWideCharactersAndEmojiSequences(t *testing.T) {
	keep := []string{
		"会议太长",
		"Overleg 👍🏽 klaar",
		"family 👨\u200d👩\u200d👧",
		"flag 🏴\U000E0067\U000E0062\U000E0073\U000E0063\U000E0074\U000E007F",
		"mi\u200cxed",
		"Ça marche, ½ €",
		"keycap 1\ufe0f\u20e3",
	}
	for _, s := range keep {
		if got := Clean(s); got != s {
			t.Errorf("Clean(%q) = %q, want it unchanged", s, got)
		}
	}
}

func TestCleanRepairsInvalidUTF8WithOneReplacementPerRun(t *testing.T) {
	got := Clean("a\xff\xfeb\xc3c")
	if want := "a\ufffdb\ufffdc"; got != want {
		t.Errorf("Clean = %q, want %q", got, want)
	}
}

func TestCleanReturnsCleanTextWithoutCopying(t *testing.T) {
	s := "Waiting for the ERP to load, every morning"
	if n := testing.AllocsPerRun(100, func() { _ = Display(s) }); n != 0 {
		t.Errorf("Display of clean text allocated %v times, want 0", n)
	}
}

func TestNoteRefusesTextWithNothingVisible(t *testing.T) {
	for _, in := range []string{"", "   ", "\t\n", "\x1b[2J", "\u202e\u200b", "\x1b]2;PWNED\x07"} {
		if _, _, err := Note(in); !errors.Is(err, ErrEmpty) {
			t.Errorf("Note(%q) error = %v, want ErrEmpty", in, err)
		}
	}
}

func TestNoteKeepsShortNotesWhole(t *testing.T) {
	got, truncated, err := Note("  Too many logins\n")
	if err != nil || truncated || got != "Too many logins" {
		t.Errorf("Note = %q, %v, %v; want %q, false, nil", got, truncated, err, "Too many logins")
	}
}

func TestNoteCutsLongTextAtARuneBoundary(t *testing.T) {
	in := strings.Repeat("é", MaxNoteRunes+10)
	got, truncated, err := Note(in)
	if err != nil || !truncated {
		t.Fatalf("Note: truncated = %v, err = %v; want true, nil", truncated, err)
	}
	if !utf8.ValidString(got) || utf8.RuneCountInString(got) != MaxNoteRunes {
		t.Errorf("Note kept %d runes (valid %v), want %d", utf8.RuneCountInString(got), utf8.ValidString(got), MaxNoteRunes)
	}
}

func TestNoteAtExactlyTheMaximumIsNotTruncated(t *testing.T) {
	in := strings.Repeat("界", MaxNoteRunes)
	got, truncated, err := Note(in + "   ")
	if err != nil || truncated || got != in {
		t.Errorf("Note: %d runes, truncated %v, err %v; want %d, false, nil", utf8.RuneCountInString(got), truncated, err, MaxNoteRunes)
	}
}

func TestNoteNeverEndsInASpaceAfterCutting(t *testing.T) {
	in := strings.Repeat("a", MaxNoteRunes-1) + " bcd"
	got, truncated, _ := Note(in)
	if !truncated || strings.HasSuffix(got, " ") {
		t.Errorf("Note ends %q (truncated %v), want no trailing space and truncated", got[len(got)-3:], truncated)
	}
}

func TestNoteTruncationMatchesCleanThenCut(t *testing.T) {
	in := strings.Repeat("ab \x1b[31m  cd\u202e ", 1000)
	got, _, _ := Note(in)
	full := []rune(Clean(in))
	want := strings.TrimRight(string(full[:MaxNoteRunes]), " ")
	if got != want {
		t.Errorf("Note differs from Clean cut at the maximum")
	}
}

func TestDisplayIsIdempotent(t *testing.T) {
	in := "\x1b]2;PWNED\x07 **bold**\u202e\t\xffx"
	once := Display(in)
	if twice := Display(once); twice != once {
		t.Errorf("Display(Display(s)) = %q, want %q", twice, once)
	}
}

// invalidRuns counts the runs of bytes that are not valid UTF-8: each may
// grow to a three-byte U+FFFD.
func invalidRuns(s string) int {
	runs, in := 0, false
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		bad := r == utf8.RuneError && size == 1
		if bad && !in {
			runs++
		}
		in = bad
		i += size
	}
	return runs
}

func checkClean(t *testing.T, in, out string) {
	t.Helper()
	if !utf8.ValidString(out) {
		t.Fatalf("output is not valid UTF-8: %q", out)
	}
	for i := 0; i < len(out); i++ {
		if c := out[i]; c < 0x20 || c == 0x7f {
			t.Fatalf("output holds control byte %#x at %d: %q", c, i, out)
		}
	}
	for _, r := range out {
		switch {
		case r >= 0x80 && r < 0xa0:
			t.Fatalf("output holds C1 control %U: %q", r, out)
		case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069, r == 0x200e, r == 0x200f:
			t.Fatalf("output holds bidi control %U: %q", r, out)
		}
	}
	if strings.HasPrefix(out, " ") || strings.HasSuffix(out, " ") || strings.Contains(out, "  ") {
		t.Fatalf("output is not trimmed and collapsed: %q", out)
	}
	if again := Clean(out); again != out {
		t.Fatalf("Clean is not idempotent: %q then %q", out, again)
	}
	if max := len(in) + 2*invalidRuns(in); len(out) > max {
		t.Fatalf("output is %d bytes, more than %d", len(out), max)
	}
}

func FuzzClean(f *testing.F) {
	for _, s := range []string{
		"\x1b]2;PWNED\x07",
		"\x1b[2J",
		"\x1b]52;c;ZXZpbA==\x07",
		"\u202eevil",
		"\xff\xfe\xc3(\xa0\xa1\xe2\x28\xa1\xf0\x90\x28\xbc",
		"\xc2\x9b2J\xc2\x9d0;t\xc2\x9c",
		"\x1bP1$r\x1b\\\x1b_G\x1b\\\x1bX\x1b^",
		"  tab\tnew\nline  ",
		"🏴\U000E0067\U000E0062\U000E007F \U000E0041",
		"会议 👨\u200d👩\u200d👧",
		strings.Repeat("1 MB paste \x1b[31m **bold** \u202e ", 1<<20/32),
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		checkClean(t, in, Clean(in))
		note, truncated, err := Note(in)
		if err != nil {
			if Clean(in) != "" {
				t.Fatalf("Note refused %q, which has visible text", in)
			}
			return
		}
		checkClean(t, in, note)
		if n := utf8.RuneCountInString(note); n > MaxNoteRunes || (!truncated && note != Clean(in)) {
			t.Fatalf("Note = %d runes, truncated %v, differs from Clean %v", n, truncated, note != Clean(in))
		}
	})
}

func BenchmarkNoteOf1MBPaste(b *testing.B) {
	in := strings.Repeat("De planning staat in drie systemen \x1b[1m en niemand weet welke klopt. ", 1<<20/72)
	b.SetBytes(int64(len(in)))
	for b.Loop() {
		_, _, _ = Note(in)
	}
}

func BenchmarkCleanOf1MBPaste(b *testing.B) {
	in := strings.Repeat("De planning staat in drie systemen \x1b[1m en niemand weet welke klopt. ", 1<<20/72)
	b.SetBytes(int64(len(in)))
	for b.Loop() {
		_ = Clean(in)
	}
}

func BenchmarkNoteOf1MBOfEscapes(b *testing.B) {
	in := strings.Repeat("\x1b[31m\u202e\u200b", 1<<20/12)
	b.SetBytes(int64(len(in)))
	for b.Loop() {
		_, _, _ = Note(in)
	}
}
