// Package layout holds the width maths every screen shares: centring,
// padding, wrapping and clipping of text measured in terminal cells, and
// the one-line help of the keys that work right now.
package layout

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	"github.com/charmbracelet/x/ansi"

	"liberate/internal/textsafe"
	"liberate/internal/ui/styles"
)

// Center centres s in width cells (left padding only), truncating it when
// it does not fit.
func Center(width int, s string) string {
	w := ansi.StringWidth(s)
	if w >= width {
		return ansi.Truncate(s, width, "")
	}
	return strings.Repeat(" ", (width-w)/2) + s
}

// PadRight fills s with spaces to width cells, truncating it when longer.
func PadRight(s string, width int) string {
	w := ansi.StringWidth(s)
	if w >= width {
		return ansi.Truncate(s, width, "")
	}
	return s + strings.Repeat(" ", width-w)
}

// PadLeft right-aligns s in width cells.
func PadLeft(s string, width int) string {
	w := ansi.StringWidth(s)
	if w >= width {
		return s
	}
	return strings.Repeat(" ", width-w) + s
}

// Wrap word-wraps s to width cells in at most maxLines lines; the last line
// ends in "…" when text was left out.
func Wrap(s string, width, maxLines int) []string {
	if width < 1 || maxLines < 1 {
		return nil
	}
	lines := strings.Split(ansi.Wordwrap(s, width, " -"), "\n")
	var out []string
	for _, l := range lines {
		out = append(out, ansi.Truncate(l, width, "…"))
	}
	if len(out) > maxLines {
		out = out[:maxLines]
		last := out[maxLines-1]
		out[maxLines-1] = ansi.Truncate(last, width-1, "") + "…"
	}
	return out
}

// Clip makes s safe to show and cuts it to n cells.
func Clip(s string, n int) string {
	return ansi.Truncate(textsafe.Display(s), n, "…")
}

// LeftRight puts left and right on one line of width cells, dropping the
// right part when both do not fit.
func LeftRight(width int, left, right string) string {
	lw, rw := ansi.StringWidth(left), ansi.StringWidth(right)
	if right == "" {
		return ansi.Truncate(left, width, "…")
	}
	if lw+rw+2 > width {
		if lw > width {
			return ansi.Truncate(left, width, "…")
		}
		return left
	}
	return left + strings.Repeat(" ", width-lw-rw) + right
}

// FitInput gives a text input its width and re-seats the visible part of
// a long value: bubbles' textinput only recomputes that window on edits,
// so a note typed before a resize (or before the first frame) would
// otherwise run past the edge of the screen.
func FitInput(in *textinput.Model, w int) {
	if in.Width() == w {
		return
	}
	in.SetWidth(w)
	pos := in.Position()
	in.CursorEnd()
	in.SetCursor(pos)
}

// WithHelp returns b with other help text.
func WithHelp(b key.Binding, k, desc string) key.Binding {
	b.SetHelp(k, desc)
	return b
}

// WithEnabled returns b enabled or disabled.
func WithEnabled(b key.Binding, on bool) key.Binding {
	b.SetEnabled(on)
	return b
}

// HelpLine renders the enabled bindings in one line that fits width.
func HelpLine(st styles.Styles, width int, bindings ...key.Binding) string {
	sep := st.HelpSep.Render(" · ")
	render := func(b key.Binding) (string, int) {
		h := b.Help()
		return st.HelpKey.Render(h.Key) + " " + st.HelpDesc.Render(h.Desc), len([]rune(h.Key)) + 1 + ansi.StringWidth(h.Desc)
	}
	// The key that lists all the others ("?") is kept at the end when the
	// line runs out of room, so the rest can always be found.
	var help string
	reserve := 0 // room kept for " · ? help"
	for i, b := range bindings {
		if b.Enabled() && b.Help().Key == "?" {
			var w int
			help, w = render(b)
			reserve = w + 3
			bindings = append(bindings[:i:i], bindings[i+1:]...)
			break
		}
	}
	out := ""
	used := 0
	for _, b := range bindings {
		if !b.Enabled() {
			continue
		}
		item, w := render(b)
		extra := 0
		if out != "" {
			extra = 3
		}
		if used+extra+w+reserve > width {
			break
		}
		if out != "" {
			out += sep
		}
		out += item
		used += extra + w
	}
	if help != "" && used+reserve <= width {
		if out != "" {
			out += sep
		}
		out += help
	}
	return out
}
