package textsafe

import (
	"bytes"
	"io"
	"strings"
	"unicode/utf8"
)

// Terminal returns s safe to print on a terminal while keeping its layout:
// lines, tabs and runs of spaces stay as they are, so aligned columns stay
// aligned. Everything a terminal would act on is removed: ESC-based
// sequences and their C1 forms (whole), other C0 controls (carriage return
// among them, which could overwrite a line), DEL, C1 controls, and the bidi
// controls that reorder what is shown. Invalid UTF-8 becomes U+FFFD. A
// sequence never runs past the end of its line. Terminal is idempotent and
// returns s itself when there is nothing to remove.
func Terminal(s string) string {
	if terminalClean(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for {
		line, rest, more := strings.Cut(s, "\n")
		terminalLine(&b, line)
		if !more {
			break
		}
		b.WriteByte('\n')
		s = rest
	}
	return b.String()
}

// bidiControl reports whether r is one of the controls that reorder text:
// the Arabic letter mark, LRM and RLM, embeddings and overrides (U+202A–E)
// and isolates (U+2066–9).
func bidiControl(r rune) bool {
	return r == 0x061c || r == 0x200e || r == 0x200f || (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069)
}

func terminalClean(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if (c < 0x20 && c != '\n' && c != '\t') || c == 0x7f {
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if (r == utf8.RuneError && size == 1) || r < 0xa0 || bidiControl(r) {
			return false
		}
		i += size
	}
	return true
}

// terminalLine writes one line of s (no newline in it) without controls.
func terminalLine(b *strings.Builder, s string) {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c == 0x1b:
				i = skipEscape(s, i+1)
				continue
			case c == '\t':
			case c < 0x20 || c == 0x7f:
				i++
				continue
			}
			b.WriteByte(c)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			for i < len(s) {
				if r2, sz := utf8.DecodeRuneInString(s[i:]); r2 != utf8.RuneError || sz != 1 {
					break
				}
				i++
			}
			b.WriteRune(utf8.RuneError)
			continue
		}
		i += size
		switch {
		case r == 0x9b:
			i = skipCSI(s, i)
		case r == 0x9d:
			i = skipString(s, i, true)
		case r == 0x90 || r == 0x98 || r == 0x9e || r == 0x9f:
			i = skipString(s, i, false)
		case r < 0xa0 || bidiControl(r):
		default:
			b.WriteRune(r)
		}
	}
}

// Writer passes everything written to it through Terminal, line by line,
// before it reaches the underlying writer: the one gate for what a command
// prints. Call Flush at the end to write a last line without a newline.
type Writer struct {
	w   io.Writer
	buf []byte
	err error
}

// NewWriter returns a Writer that writes safe text to w.
func NewWriter(w io.Writer) *Writer { return &Writer{w: w} }

// maxPending is how much of an unfinished line Writer holds before it
// writes it anyway (cut at a character boundary).
const maxPending = 64 << 10

// Write cleans and writes every complete line in p; the rest waits for the
// next Write or Flush.
func (w *Writer) Write(p []byte) (int, error) {
	if w.err != nil {
		return 0, w.err
	}
	w.buf = append(w.buf, p...)
	cut := bytes.LastIndexByte(w.buf, '\n') + 1
	if cut == 0 && len(w.buf) > maxPending {
		cut = len(w.buf)
		for cut > 0 && !utf8.RuneStart(w.buf[cut-1]) {
			cut--
		}
		if cut > 0 {
			cut-- // the start byte of a possibly unfinished rune waits too
		}
	}
	if cut > 0 {
		if _, err := io.WriteString(w.w, Terminal(string(w.buf[:cut]))); err != nil {
			w.err = err
			return 0, err
		}
		w.buf = append(w.buf[:0], w.buf[cut:]...)
	}
	return len(p), nil
}

// Flush writes what is left of the last line.
func (w *Writer) Flush() error {
	if w.err != nil || len(w.buf) == 0 {
		return w.err
	}
	_, err := io.WriteString(w.w, Terminal(string(w.buf)))
	w.buf = w.buf[:0]
	w.err = err
	return err
}

// EscapeJSON rewrites encoded JSON so that no character a terminal or an
// editor would act on or reorder appears raw: C1 controls, DEL, bidi
// controls, line and paragraph separators and other invisible format
// characters become \uXXXX escapes (surrogate pairs above U+FFFF). The
// value is unchanged for any JSON reader. encoding/json already escapes
// C0 controls.
func EscapeJSON(b []byte) []byte {
	clean := true
	for i := 0; i < len(b); {
		if b[i] < utf8.RuneSelf {
			if b[i] == 0x7f {
				clean = false
				break
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		if jsonEscaped(r) {
			clean = false
			break
		}
		i += size
	}
	if clean {
		return b
	}
	out := make([]byte, 0, len(b)+16)
	for i := 0; i < len(b); {
		if b[i] < utf8.RuneSelf {
			if b[i] == 0x7f {
				out = append(out, `\u007f`...)
			} else {
				out = append(out, b[i])
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			out = append(out, `\ufffd`...)
		case jsonEscaped(r) && r > 0xffff:
			r -= 0x10000
			out = appendU(appendU(out, 0xd800+(r>>10)), 0xdc00+(r&0x3ff))
		case jsonEscaped(r):
			out = appendU(out, r)
		default:
			out = append(out, b[i:i+size]...)
		}
		i += size
	}
	return out
}

func jsonEscaped(r rune) bool {
	return (r >= 0x80 && r < 0xa0) || r == 0x2028 || r == 0x2029 || bidiControl(r) || invisible(r, 0)
}

func appendU(b []byte, r rune) []byte {
	const hex = "0123456789abcdef"
	return append(b, '\\', 'u', hex[r>>12&0xf], hex[r>>8&0xf], hex[r>>4&0xf], hex[r&0xf])
}

// Cell guards a spreadsheet cell against formula injection: a spreadsheet
// runs a cell that starts with =, +, -, @, a tab or a carriage return (also
// after leading spaces), so such a cell gets a leading apostrophe and is
// shown as the text it is. Every CSV liberate writes passes its cells
// through Cell.
func Cell(s string) string {
	t := strings.TrimLeft(s, " ")
	if t == "" {
		return s
	}
	switch t[0] {
	case '=', '+', '-', '@', '\t', '\r':
		return "'" + s
	}
	// Full-width forms that some spreadsheets read as their ASCII twins.
	if r, _ := utf8.DecodeRuneInString(t); r == '＝' || r == '＋' || r == '－' || r == '＠' {
		return "'" + s
	}
	return s
}
