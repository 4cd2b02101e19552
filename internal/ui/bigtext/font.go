package bigtext

import "strings"

// A font is a set of hand-drawn bitmap glyphs of one height. Glyphs are drawn
// with '#' for ink and '.' for paper so the designs stay readable in source.
type font struct {
	name   string
	height int // bitmap rows
	gap    int // bitmap columns between glyphs
	maxSy  int // largest vertical scale (in half rows) this font is used at; 0 means no limit
	glyphs [numGlyphs]glyph
}

// A glyph is one character of a font: its width in bitmap columns and, for each
// bitmap row, whether each column is inked.
type glyph struct {
	width int
	ink   [][]bool
}

// The characters a countdown is made of, in glyph-table order.
const glyphChars = "0123456789:+- "

const numGlyphs = len(glyphChars)

// glyphIndex returns the glyph-table index of r, or -1 when no font draws it.
func glyphIndex(r rune) int {
	switch {
	case r >= '0' && r <= '9':
		return int(r - '0')
	case r == ':':
		return 10
	case r == '+':
		return 11
	case r == '-':
		return 12
	case r == ' ':
		return 13
	}
	return -1
}

// mustFont builds a font from drawings listed in glyphChars order; a drawing
// of a blank glyph is given as its width in dots on each row.
func mustFont(name string, height, maxSy int, drawings [numGlyphs]string) font {
	f := font{name: name, height: height, gap: 1, maxSy: maxSy}
	for i, d := range drawings {
		rows := strings.Fields(d)
		if len(rows) != height {
			panic("bigtext: glyph " + string(glyphChars[i]) + " of font " + name + " has the wrong height")
		}
		g := glyph{width: len(rows[0]), ink: make([][]bool, height)}
		for y, row := range rows {
			if len(row) != g.width {
				panic("bigtext: glyph " + string(glyphChars[i]) + " of font " + name + " has ragged rows")
			}
			g.ink[y] = make([]bool, g.width)
			for x, c := range row {
				g.ink[y][x] = c == '#'
			}
		}
		f.glyphs[i] = g
	}
	return f
}

// small is a 3×5 font in the style of a seven-segment display. Drawn with half
// blocks it is 3 rows tall; with full blocks, 5. Scaled further it is only
// used up to 10 rows, where it fills the gap below the next size of fine.
var small = mustFont("small", 5, 4, [numGlyphs]string{
	"### #.# #.# #.# ###", // 0
	".#. ##. .#. .#. ###", // 1
	"### ..# ### #.. ###", // 2
	"### ..# .## ..# ###", // 3
	"#.# #.# ### ..# ..#", // 4
	"### #.. ### ..# ###", // 5
	"### #.. ### #.# ###", // 6
	"### ..# ..# .#. .#.", // 7
	"### #.# ### #.# ###", // 8
	"### #.# ### ..# ###", // 9
	". # . # .",           // :
	"... .#. ### .#. ...", // +
	"... ... ### ... ...", // -
	".. .. .. .. ..",      // space
})

// fine is a 5×7 font with rounded corners. Drawn with half blocks it is 4
// rows tall, with full blocks 7, and it scales without limit for big screens.
var fine = mustFont("fine", 7, 0, [numGlyphs]string{
	".###. #...# #...# #...# #...# #...# .###.", // 0
	"..#.. .##.. ..#.. ..#.. ..#.. ..#.. .###.", // 1
	".###. #...# ....# ...#. ..#.. .#... #####", // 2
	".###. #...# ....# ..##. ....# #...# .###.", // 3
	"...#. ..##. .#.#. #..#. ##### ...#. ...#.", // 4
	"##### #.... ####. ....# ....# #...# .###.", // 5
	"..##. .#... #.... ####. #...# #...# .###.", // 6
	"##### ....# ...#. ..#.. .#... .#... .#...", // 7
	".###. #...# #...# .###. #...# #...# .###.", // 8
	".###. #...# #...# .#### ....# ...#. .##..", // 9
	". . # . # . .", // :
	"..... ..#.. ..#.. ##### ..#.. ..#.. .....", // +
	"..... ..... ..... ##### ..... ..... .....", // -
	"... ... ... ... ... ... ...",               // space
})

// fonts lists the bitmap fonts from the smallest to the largest design.
var fonts = []*font{&small, &fine}
