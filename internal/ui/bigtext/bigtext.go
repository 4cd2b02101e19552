// Package bigtext draws a countdown such as "12:00", "+0:42" or "1:02:03" in
// big block digits, in the largest size that fits a box, so the run screen can
// be read from the back of the room on any projector.
//
// Several bitmap fonts are drawn with full blocks (█) and half blocks (▀ ▄) and
// scaled by whole numbers: a terminal cell is about twice as tall as it is
// wide, so a bitmap dot is sx columns wide and sy half rows tall, and it looks
// square when sx equals sy. The drawings are 1 row (plain text), then 3, 5, 8
// and 10 rows from a 3×5 font, and 4, 7, 11, 14, 18, 21, 25, … rows (7·sy/2
// rounded up) from a 5×7 font, without limit. The package returns plain text
// lines; the caller styles them.
package bigtext

import (
	"strings"
	"unicode"

	"github.com/charmbracelet/x/ansi"
)

// Render draws s in the biggest size whose drawing fits within maxWidth
// columns and maxHeight rows and returns its lines, all of the same display
// width. s may hold the characters "0123456789:+-" and spaces.
//
// When no big size fits, or s holds any other character, Render returns s as
// one line of plain text, cut to maxWidth columns and with control characters
// shown as spaces. When maxWidth or maxHeight is below 1 it returns nil.
func Render(s string, maxWidth, maxHeight int) []string {
	if maxWidth < 1 || maxHeight < 1 {
		return nil
	}
	c, ok := choose(s, maxWidth, maxHeight)
	if !ok {
		return []string{plain(s, maxWidth)}
	}
	return draw(s, c)
}

// Fit returns the width and height of the drawing Render would return for the
// same arguments, without drawing it.
func Fit(s string, maxWidth, maxHeight int) (width, height int) {
	if maxWidth < 1 || maxHeight < 1 {
		return 0, 0
	}
	c, ok := choose(s, maxWidth, maxHeight)
	if !ok {
		return ansi.StringWidth(plain(s, maxWidth)), 1
	}
	return c.width, c.height
}

// maxSide is the biggest box side Render fills; bigger boxes are drawn as if
// they were this big, which keeps the arithmetic clear of overflow.
const maxSide = 10_000

// A choice is one font at one scale, with the size it gives s.
type choice struct {
	font          *font
	sx, sy        int // columns per dot, half rows per dot
	width, height int // in terminal cells
}

// choose picks the tallest drawing of s that fits the box, keeping dots no
// wider than square and no narrower than half a square; ok is false when only
// plain text fits.
func choose(s string, maxWidth, maxHeight int) (best choice, ok bool) {
	maxWidth, maxHeight = min(maxWidth, maxSide), min(maxHeight, maxSide)
	for _, f := range fonts {
		dots := dotWidth(f, s)
		if dots < 1 {
			return choice{}, false
		}
		maxSx := maxWidth / dots
		sy := min(2*maxHeight/f.height, 2*maxSx)
		if f.maxSy > 0 {
			sy = min(sy, f.maxSy)
		}
		if sy < 1 {
			continue
		}
		sx := min(sy, maxSx)
		c := choice{font: f, sx: sx, sy: sy, width: sx * dots, height: rowsFor(f.height, sy)}
		if !ok || c.height > best.height || (c.height == best.height && c.sx >= best.sx) {
			best, ok = c, true
		}
	}
	return best, ok
}

// dotWidth returns the width of s in bitmap dots in font f, gaps included, or
// 0 when s is empty or holds a character f cannot draw.
func dotWidth(f *font, s string) int {
	dots, n := 0, 0
	for _, r := range s {
		g := glyphIndex(r)
		if g < 0 {
			return 0
		}
		dots += f.glyphs[g].width
		n++
	}
	if n == 0 {
		return 0
	}
	return dots + (n-1)*f.gap
}

// rowsFor returns how many terminal rows a bitmap of the given height takes
// when each dot is sy half rows tall.
func rowsFor(height, sy int) int {
	return (height*sy + 1) / 2
}

// draw renders s with choice c. Terminal rows showing the same pair of bitmap
// rows are the same line, so each distinct line is built once, and all of them
// are cut from one string: a frame costs three allocations once the scaled
// glyphs are cached.
func draw(s string, c choice) []string {
	sc := scaledFor(c.font, c.sx, c.sy)
	var buf [16]int8
	idx := buf[:0]
	for _, r := range s {
		idx = append(idx, int8(glyphIndex(r)))
	}
	pairs := len(sc.rows[0])

	size := pairs * (len(idx) - 1) * len(sc.gap)
	for _, g := range idx {
		for _, row := range sc.rows[g] {
			size += len(row)
		}
	}

	var b strings.Builder
	b.Grow(size)
	ends := make([]int, pairs)
	for k := range pairs {
		for i, g := range idx {
			if i > 0 {
				b.WriteString(sc.gap)
			}
			b.WriteString(sc.rows[g][k])
		}
		ends[k] = b.Len()
	}

	all := b.String()
	lines := make([]string, len(sc.rowPair))
	for r, k := range sc.rowPair {
		start := 0
		if k > 0 {
			start = ends[k-1]
		}
		lines[r] = all[start:ends[k]]
	}
	return lines
}

// plain returns s as one printable line of at most maxWidth columns.
func plain(s string, maxWidth int) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	s = strings.Map(func(r rune) rune {
		if !unicode.IsPrint(r) {
			return ' '
		}
		return r
	}, s)
	return ansi.Truncate(s, maxWidth, "")
}
