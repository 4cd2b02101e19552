package bigtext

import (
	"strings"
	"sync"
)

// A scaled font holds the drawn rows of every glyph of one font at one scale.
// A terminal row shows two half rows, and at any scale only a few pairs of
// bitmap rows meet in one terminal row, so each glyph keeps one string per
// distinct pair instead of one per terminal row: this keeps the cache small
// even for a glyph a thousand rows tall.
type scaled struct {
	rowPair []int // for each terminal row, the index of its pair of bitmap rows
	rows    [numGlyphs][]string
	gap     string
}

// A pair names the bitmap rows shown in the top and bottom half of a terminal
// row; -1 is a half row below the bitmap.
type pair struct{ top, bottom int }

type scaleKey struct {
	font   *font
	sx, sy int
}

// maxCached bounds the cache; the run screen uses one scale at a time, and a
// resize only adds a few.
const maxCached = 32

var cache = struct {
	sync.Mutex
	m map[scaleKey]*scaled
}{m: make(map[scaleKey]*scaled)}

// scaledFor returns font f scaled to sx columns and sy half rows per dot,
// building it on first use.
func scaledFor(f *font, sx, sy int) *scaled {
	key := scaleKey{f, sx, sy}
	cache.Lock()
	defer cache.Unlock()
	if sc, ok := cache.m[key]; ok {
		return sc
	}
	if len(cache.m) >= maxCached {
		clear(cache.m)
	}
	sc := scale(f, sx, sy)
	cache.m[key] = sc
	return sc
}

// scale draws every glyph of f with dots sx columns wide and sy half rows tall.
func scale(f *font, sx, sy int) *scaled {
	halfRows := f.height * sy
	bitmapRow := func(half int) int {
		if half >= halfRows {
			return -1
		}
		return half / sy
	}

	sc := &scaled{rowPair: make([]int, rowsFor(f.height, sy)), gap: strings.Repeat(" ", f.gap*sx)}
	var pairs []pair
	seen := make(map[pair]int)
	for r := range sc.rowPair {
		p := pair{bitmapRow(2 * r), bitmapRow(2*r + 1)}
		k, ok := seen[p]
		if !ok {
			k = len(pairs)
			seen[p] = k
			pairs = append(pairs, p)
		}
		sc.rowPair[r] = k
	}

	for i, g := range f.glyphs {
		sc.rows[i] = make([]string, len(pairs))
		for k, p := range pairs {
			var b strings.Builder
			for x := range g.width {
				cell := block(g.inked(p.top, x), g.inked(p.bottom, x))
				for range sx {
					b.WriteString(cell)
				}
			}
			sc.rows[i][k] = b.String()
		}
	}
	return sc
}

// inked reports whether the dot at bitmap row y, column x is inked; rows
// outside the bitmap are paper.
func (g glyph) inked(y, x int) bool {
	return y >= 0 && y < len(g.ink) && g.ink[y][x]
}

// block returns the cell that shows a top and a bottom half row.
func block(top, bottom bool) string {
	switch {
	case top && bottom:
		return "█"
	case top:
		return "▀"
	case bottom:
		return "▄"
	}
	return " "
}
