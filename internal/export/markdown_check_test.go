package export

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// unescaped counts the occurrences of c in line not preceded by an odd run
// of backslashes: the ones Markdown reads as syntax.
func unescaped(line string, c byte) int {
	n := 0
	for i := 0; i < len(line); i++ {
		if line[i] != c {
			continue
		}
		bs := 0
		for j := i - 1; j >= 0 && line[j] == '\\'; j-- {
			bs++
		}
		if bs%2 == 0 {
			n++
		}
	}
	return n
}

// checkMarkdown asserts, line by line, the structure the exporter builds,
// so no text from the session can add a block, open raw HTML, a link, code
// or emphasis, or bend a table:
//   - valid UTF-8 with no control byte but the newline, no ESC, no C1;
//   - every line is blank, a heading (one level-1 title), a list item, a
//     table row, an emphasised paragraph, the footer rule, or a footer
//     paragraph starting with a letter;
//   - no unescaped <, >, [, ], `, & or $ anywhere;
//   - emphasis markers come only in the pairs the exporter writes;
//   - every row of a table has as many unescaped pipes as its header.
func checkMarkdown(t *testing.T, out string) {
	t.Helper()
	if !utf8.ValidString(out) {
		t.Fatal("Markdown is not valid UTF-8")
	}
	for i := 0; i < len(out); i++ {
		if c := out[i]; (c < 0x20 && c != '\n') || c == 0x7f {
			t.Fatalf("Markdown holds control byte %#x", c)
		}
	}
	for _, r := range out {
		if r >= 0x80 && r < 0xa0 {
			t.Fatalf("Markdown holds C1 control %U", r)
		}
	}
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	titles, pipes := 0, -1
	for i, l := range lines {
		fail := func(why string) { t.Errorf("line %d %s: %q", i+1, why, l) }
		if !strings.HasPrefix(l, "|") {
			pipes = -1
		}
		switch {
		case l == "":
		case strings.HasPrefix(l, "# "):
			titles++
		case strings.HasPrefix(l, "## "), strings.HasPrefix(l, "### "):
		case strings.HasPrefix(l, "- [ ] "), strings.HasPrefix(l, "- [x] "):
			// A task: the box is the only unescaped bracket pair.
			l = "- " + l[6:]
			if rest := l[2:]; rest == "" || (!strings.HasPrefix(rest, "**") && leadingMarker(rest) >= 0) {
				fail("is a task that starts a nested block")
			}
		case strings.HasPrefix(l, "- "):
			if rest := l[2:]; rest == "" || (!strings.HasPrefix(rest, "**") && leadingMarker(rest) >= 0) {
				fail("is a list item that starts a nested block")
			}
		case strings.HasPrefix(l, "| "):
			n := unescaped(l, '|')
			if pipes < 0 {
				pipes = n
			} else if n != pipes {
				fail("is a table row with a different number of cells")
			}
			if !strings.HasSuffix(l, " |") {
				fail("is a table row that does not end with a pipe")
			}
		case l == "---":
		case strings.HasPrefix(l, "_") && strings.HasSuffix(l, "_"):
		default:
			if r, _ := utf8.DecodeRuneInString(l); !unicode.IsLetter(r) {
				fail("starts a paragraph with a non-letter")
			}
		}
		if strings.HasPrefix(l, "#") && strings.HasSuffix(l, "#") && !strings.HasSuffix(l, `\#`) {
			fail("is a heading with a closing sequence")
		}
		for _, c := range []byte("<>[]`&$~") {
			if unescaped(l, c) > 0 {
				fail("holds an unescaped " + string(c))
			}
		}
		if n := unescaped(l, '*'); n != 0 && n != 4 {
			fail("holds stray asterisks")
		}
		if n := unescaped(l, '_'); n != 0 && n != 2 {
			fail("holds stray underscores")
		}
	}
	if titles != 1 {
		t.Errorf("Markdown has %d level-1 headings, want 1", titles)
	}
}
