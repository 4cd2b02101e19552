// Package textsafe makes the text a facilitator types or pastes safe to
// store, show in the terminal and export. A note is one line of plain,
// visible text: terminal escape sequences and control characters are
// removed, invalid UTF-8 is repaired, bidi overrides and other invisible
// format characters that could make a note look like something else are
// dropped, and whitespace is collapsed. Wide characters (CJK, emoji,
// including ZWJ sequences and flag tag sequences) are kept.
package textsafe

import (
	"errors"
	"strings"
	"unicode"
	"unicode/utf8"
)

// MaxNoteRunes is the longest note, in runes, that Note keeps. A note is one
// thing the room said, typed live; 2000 runes is far beyond that and still
// small enough for the board, the screen and a Markdown list item.
const MaxNoteRunes = 2000

// ErrEmpty is returned by Note when nothing visible is left to save.
var ErrEmpty = errors.New("the note is empty: type some text before saving")

// Clean returns s as one line of safe, visible text: invalid UTF-8 becomes
// U+FFFD (one per run of bad bytes); ESC-based sequences (CSI, OSC, DCS,
// SOS, PM, APC and two- or three-byte escapes) and their 8-bit C1 forms are
// removed whole; other C0/C1 controls and DEL are removed; tabs, newlines
// and other Unicode spaces become single spaces; bidi overrides, isolates,
// marks and other invisible format characters are removed; the result is
// trimmed. Clean is idempotent, and returns s itself when it is already
// clean.
func Clean(s string) string {
	out, _ := sanitize(s, -1)
	return out
}

// Display neutralises already-stored text before it reaches the terminal
// or an export: the same rules as Clean, so text stored by an older version
// or written into the database by another tool cannot move the cursor,
// retitle the window or reorder what is shown. Display is idempotent and
// allocates nothing for text that is already clean.
func Display(s string) string { return Clean(s) }

// Note prepares a typed or pasted note for saving: it cleans s, refuses
// text with nothing visible in it (ErrEmpty), and cuts text longer than
// MaxNoteRunes at a rune boundary, reporting truncated so the UI can tell
// the facilitator. Cleaning stops as soon as the maximum is reached, so a
// 1 MB paste costs little more than its first few kilobytes.
func Note(s string) (clean string, truncated bool, err error) {
	out, cut := sanitize(s, MaxNoteRunes)
	if out == "" {
		return "", false, ErrEmpty
	}
	return out, cut, nil
}

// sanitize does the work of Clean; with limit >= 0 it stops at limit runes of
// output and reports whether visible text was cut off.
func sanitize(s string, limit int) (string, bool) {
	if isClean(s) && (limit < 0 || len(s) <= limit || utf8.RuneCountInString(s) <= limit) {
		return s, false
	}
	var b strings.Builder
	grow := len(s)
	if limit >= 0 && grow > limit*utf8.UTFMax {
		grow = limit * utf8.UTFMax
	}
	b.Grow(grow)

	n := 0           // runes written
	space := false   // a space is pending: written before the next visible rune
	last := rune(-1) // the last rune written
	truncated := false

	// emit writes r after any pending space; it reports false when the
	// limit is reached.
	emit := func(r rune) bool {
		need := 1
		if space {
			need = 2
		}
		if limit >= 0 && n+need > limit {
			truncated = true
			return false
		}
		if space {
			b.WriteByte(' ')
			space = false
			n++
		}
		if r < utf8.RuneSelf {
			b.WriteByte(byte(r))
		} else {
			b.WriteRune(r)
		}
		n++
		last = r
		return true
	}

	i := 0
loop:
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c == 0x1b:
				i = skipEscape(s, i+1)
				continue
			case c == ' ' || (c >= '\t' && c <= '\r'):
				space = n > 0
				i++
				continue
			case c < 0x20 || c == 0x7f:
				i++
				continue
			}
			if !emit(rune(c)) {
				break loop
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			i++
			for i < len(s) {
				if r2, sz := utf8.DecodeRuneInString(s[i:]); r2 != utf8.RuneError || sz != 1 {
					break
				}
				i++
			}
			if !emit(utf8.RuneError) {
				break loop
			}
			continue
		}
		i += size
		switch {
		case r == 0x9b: // CSI
			i = skipCSI(s, i)
			continue
		case r == 0x9d: // OSC
			i = skipString(s, i, true)
			continue
		case r == 0x90 || r == 0x98 || r == 0x9e || r == 0x9f: // DCS, SOS, PM, APC
			i = skipString(s, i, false)
			continue
		case unicode.IsSpace(r): // includes NEL, NBSP, line and paragraph separators
			space = n > 0
			continue
		case r < 0xa0: // other C1 controls
			continue
		}
		prev := last
		if space {
			prev = ' '
		}
		if invisible(r, prev) {
			continue
		}
		if !emit(r) {
			break loop
		}
	}
	return b.String(), truncated
}

// skipEscape returns the index just past the escape sequence whose ESC was
// at i-1. An ESC that starts no valid sequence is dropped on its own.
func skipEscape(s string, i int) int {
	if i >= len(s) {
		return i
	}
	switch s[i] {
	case '[':
		return skipCSI(s, i+1)
	case ']':
		return skipString(s, i+1, true)
	case 'P', 'X', '^', '_': // DCS, SOS, PM, APC
		return skipString(s, i+1, false)
	}
	// nF, Fp, Fe and Fs escapes: intermediates 0x20–0x2F, then a final byte.
	j := i
	for j < len(s) && s[j] >= 0x20 && s[j] <= 0x2f {
		j++
	}
	if j < len(s) && s[j] >= 0x30 && s[j] <= 0x7e {
		return j + 1
	}
	return i
}

// skipCSI returns the index past a control sequence's parameters,
// intermediates and final byte. Like a terminal, it abandons the sequence
// at a byte that cannot belong to it, which is then read as text again.
func skipCSI(s string, i int) int {
	for i < len(s) {
		c := s[i]
		switch {
		case c >= 0x40 && c <= 0x7e:
			return i + 1
		case c >= 0x20 && c <= 0x3f:
			i++
		default:
			return i
		}
	}
	return i
}

// skipString returns the index past a control string (OSC, DCS, SOS, PM,
// APC): up to ST (ESC \ or U+009C), BEL for OSC, or CAN/SUB, which abort it.
// An ESC that is not ST ends the string and starts a new sequence; a string
// without an end runs to the end of the text, as it would on a terminal.
func skipString(s string, i int, bel bool) int {
	for i < len(s) {
		switch c := s[i]; {
		case c == 0x07 && bel:
			return i + 1
		case c == 0x1b:
			if i+1 < len(s) && s[i+1] == '\\' {
				return i + 2
			}
			return i
		case c == 0x18 || c == 0x1a:
			return i + 1
		case c == 0xc2 && i+1 < len(s) && s[i+1] == 0x9c:
			return i + 2
		}
		i++
	}
	return i
}

// invisible reports whether r is a format character that shows nothing and
// could reorder or disguise text: bidi embeddings, overrides, isolates and
// marks, zero-width spaces, word joiners, soft hyphens, BOMs, Hangul fillers
// and tag characters outside an emoji flag sequence. ZWNJ and ZWJ stay:
// scripts and emoji sequences need them.
func invisible(r, prev rune) bool {
	switch {
	case r < 0xad:
		return false
	case r == 0x200c || r == 0x200d:
		return false
	case r >= 0xe0020 && r <= 0xe007f:
		// Tag characters only spell subdivision flags after U+1F3F4.
		return !(prev == 0x1f3f4 || (prev >= 0xe0020 && prev <= 0xe007e))
	case r == 0x115f || r == 0x1160 || r == 0x3164 || r == 0xffa0:
		return true
	}
	return unicode.Is(unicode.Cf, r)
}

// isClean reports whether Clean would return s unchanged.
func isClean(s string) bool {
	if s == "" {
		return true
	}
	prev := rune(' ') // a leading space is not clean
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c < 0x20 || c == 0x7f || (c == ' ' && prev == ' ') {
				return false
			}
			prev = rune(c)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if (r == utf8.RuneError && size == 1) || r < 0xa0 || unicode.IsSpace(r) || invisible(r, prev) {
			return false
		}
		prev = r
		i += size
	}
	return prev != ' '
}
