package export

import (
	"strings"

	"liberate/internal/textsafe"
)

// mdSpecial marks the ASCII bytes that are escaped wherever they appear in
// Markdown text: CommonMark's inline syntax (emphasis, code, links, raw
// HTML, entities, backslash), ATX heading closers, GFM table pipes and
// strikethrough, and `$` which Obsidian reads as maths. A backslash escape
// of ASCII punctuation always renders as the character itself, and reads
// well enough when the Markdown is pasted as plain text.
var mdSpecial = func() (t [256]bool) {
	for _, c := range []byte("\\`*_[]<>#|~&$") {
		t[c] = true
	}
	return t
}()

// md returns s cleaned by textsafe.Display and escaped so that it renders
// as the literal text inside a paragraph, list item, heading or table cell.
// The result is always one line. Markers that only count at the start of a
// line (`-`, `+`, `=`, `1.`, `1)`) are escaped there too, so the text stays
// literal even when it begins a line.
func md(s string) string {
	s = textsafe.Display(s)
	if s == "" {
		return ""
	}
	lead := leadingMarker(s)
	if lead < 0 && !needsEscape(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + len(s)/8 + 2)
	for i := 0; i < len(s); i++ {
		c := s[i]
		if mdSpecial[c] || i == lead {
			b.WriteByte('\\')
		}
		b.WriteByte(c)
	}
	return b.String()
}

func needsEscape(s string) bool {
	for i := 0; i < len(s); i++ {
		if mdSpecial[s[i]] {
			return true
		}
	}
	return false
}

// leadingMarker returns the index of the byte that would make s start a
// list item, thematic break or setext underline, or -1.
func leadingMarker(s string) int {
	switch s[0] {
	case '-', '+', '=':
		return 0
	}
	i := 0
	for i < len(s) && i < 9 && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i > 0 && i < len(s) && (s[i] == '.' || s[i] == ')') {
		return i
	}
	return -1
}
