package textsafe

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"
)

// rawControl returns the first byte or rune a terminal would act on, or -1.
func rawControl(s string) rune {
	for _, r := range s {
		if (r < 0x20 && r != '\n' && r != '\t') || r == 0x7f || (r >= 0x80 && r < 0xa0) || bidiControl(r) {
			return r
		}
	}
	return -1
}

func TestTerminalKeepsLayoutAndDropsWhatATerminalWouldObey(t *testing.T) {
	cases := map[string]string{
		"  1  1-2-4-all     12 min\n":            "  1  1-2-4-all     12 min\n",
		"name\x1b]0;PWNED\x07  (x)\n":            "name  (x)\n",
		"\x1b]52;c;ZXZpbA==\x07clip\n":           "clip\n",
		"\x1b[2J\x1b[Hcleared":                   "cleared",
		"a\u009b2Jb\u009d0;t\u009cc":             "abc",
		"over\rwrite":                            "overwrite",
		"bidi \u202eevil\u202c end":              "bidi evil end",
		"unterminated \x1b]0;title\nnext line\n": "unterminated \nnext line\n",
		"tab\tstays":                             "tab\tstays",
		"bad \xff\xfe utf8":                      "bad \ufffd utf8",
		"wide 日本語 and 👍🏽 stay":                   "wide 日本語 and 👍🏽 stay",
		"\ufeffBOM for Excel,stays\n":            "\ufeffBOM for Excel,stays\n",
	}
	for in, want := range cases {
		if got := Terminal(in); got != want {
			t.Errorf("Terminal(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestTheWriterCleansSequencesSplitAcrossWrites(t *testing.T) {
	var out bytes.Buffer
	w := NewWriter(&out)
	in := "héllo \x1b]0;title\x07wörld\nnext 日本\x1b[31m語\n last"
	for i := 0; i < len(in); i++ {
		if _, err := w.Write([]byte{in[i]}); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	if got, want := out.String(), Terminal(in); got != want {
		t.Errorf("byte by byte: %q, want %q", got, want)
	}
}

func TestEscapeJSONKeepsTheValueAndHidesControls(t *testing.T) {
	in := map[string]string{"t": "csi\u009b2J bidi\u202e sep\u2028 del\x7f tag\U000e0041 fine é 👍"}
	raw, _ := json.Marshal(in)
	esc := EscapeJSON(raw)
	if r := rawControl(string(esc)); r >= 0 {
		t.Fatalf("raw %U left in %s", r, esc)
	}
	for _, r := range string(esc) {
		if r == 0x7f || invisible(r, 0) {
			t.Fatalf("raw %U left in %s", r, esc)
		}
	}
	var back map[string]string
	if err := json.Unmarshal(esc, &back); err != nil || back["t"] != in["t"] {
		t.Fatalf("value changed: %q (%v)", back["t"], err)
	}
	if clean := []byte(`{"a":"plain é"}`); &EscapeJSON(clean)[0] != &clean[0] {
		t.Error("clean JSON was copied")
	}
}

func TestCellGuardsEveryFormulaStart(t *testing.T) {
	for _, s := range []string{"=HYPERLINK(\"http://x\")", "=cmd|' /C calc'!A0", "+1+1", "-2", "@SUM(1)", "\t=1", "\r=1", "  =1", "＝1"} {
		if got := Cell(s); !strings.HasPrefix(got, "'") {
			t.Errorf("Cell(%q) = %q, not guarded", s, got)
		}
	}
	for _, s := range []string{"", "plain", "1+1", "a=b", "'quoted"} {
		if got := Cell(s); got != s {
			t.Errorf("Cell(%q) = %q, changed", s, got)
		}
	}
}

func FuzzTerminal(f *testing.F) {
	for _, s := range []string{"a\x1b]0;x\x07b", "\u009b1m", "col  1\tcol 2\n", "\xff", "\u202e", "\x1b[", "a\r\nb"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := Terminal(s)
		if r := rawControl(out); r >= 0 || strings.ContainsRune(out, 0x1b) {
			t.Fatalf("Terminal(%q) = %q keeps %U", s, out, r)
		}
		if !utf8.ValidString(out) {
			t.Fatalf("Terminal(%q) = %q is not UTF-8", s, out)
		}
		if again := Terminal(out); again != out {
			t.Fatalf("not idempotent: %q → %q", out, again)
		}
		if strings.Count(out, "\n") != strings.Count(s, "\n") {
			t.Fatalf("lines changed: %q → %q", s, out)
		}
		var buf bytes.Buffer
		w := NewWriter(&buf)
		half := len(s) / 2
		_, _ = w.Write([]byte(s[:half]))
		_, _ = w.Write([]byte(s[half:]))
		_ = w.Flush()
		if r := rawControl(buf.String()); r >= 0 {
			t.Fatalf("Writer(%q) = %q keeps %U", s, buf.String(), r)
		}
		var v any
		raw, _ := json.Marshal(s)
		esc := EscapeJSON(raw)
		if err := json.Unmarshal(esc, &v); err != nil || v != strings.ToValidUTF8(s, "\ufffd") && v != string([]rune(s)) {
			// json.Marshal itself turns invalid UTF-8 into U+FFFD; compare with that.
			var orig any
			_ = json.Unmarshal(raw, &orig)
			if v != orig {
				t.Fatalf("EscapeJSON changed %q into %v (%v)", s, v, err)
			}
		}
	})
}
