package bigtext

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
)

// countdowns are the shapes of text the run screen shows, named for golden files.
var countdowns = []struct{ name, text string }{
	{"minutes", "12:00"},
	{"overtime", "+0:42"},
	{"hours", "1:02:03"},
}

var goldenBoxes = [][2]int{{20, 3}, {40, 6}, {80, 10}, {100, 18}, {200, 45}, {400, 140}}

func TestRenderMatchesGoldenDrawings(t *testing.T) {
	for _, c := range countdowns {
		for _, box := range goldenBoxes {
			t.Run(fmt.Sprintf("%s/%dx%d", c.name, box[0], box[1]), func(t *testing.T) {
				lines := Render(c.text, box[0], box[1])
				golden.RequireEqual(t, []byte(strings.Join(lines, "\n")+"\n"))
			})
		}
	}
}

// requireFits fails the test unless lines is a drawing of equal-width lines
// within the box.
func requireFits(t *testing.T, s string, lines []string, maxWidth, maxHeight int) {
	t.Helper()
	if len(lines) > max(maxHeight, 0) {
		t.Fatalf("Render(%q, %d, %d) is %d rows tall", s, maxWidth, maxHeight, len(lines))
	}
	first := 0
	if len(lines) > 0 {
		first = ansi.StringWidth(lines[0])
	}
	for i, l := range lines {
		if i > 0 && l == lines[i-1] {
			continue // big digits repeat rows; measuring each once keeps the grid test quick
		}
		w := ansi.StringWidth(l)
		if w > maxWidth {
			t.Fatalf("Render(%q, %d, %d) row %d is %d columns wide", s, maxWidth, maxHeight, i, w)
		}
		if w != first {
			t.Fatalf("Render(%q, %d, %d) row %d is %d columns wide, row 0 is %d", s, maxWidth, maxHeight, i, w, first)
		}
		if strings.Contains(l, "\n") {
			t.Fatalf("Render(%q, %d, %d) row %d holds a line break", s, maxWidth, maxHeight, i)
		}
	}
}

func TestDigitsAreAtLeastFiveRowsTallOnAHundredByEighteen(t *testing.T) {
	for _, c := range countdowns {
		if _, h := Fit(c.text, 100, 18); h < 5 {
			t.Errorf("%q at 100×18 is %d rows tall, want at least 5", c.text, h)
		}
	}
}

func TestDigitsAreAtLeastFifteenRowsTallOnTwoHundredByFortyFive(t *testing.T) {
	for _, c := range countdowns {
		if _, h := Fit(c.text, 200, 45); h < 15 {
			t.Errorf("%q at 200×45 is %d rows tall, want at least 15", c.text, h)
		}
	}
}

func TestDigitsKeepGrowingOnHugeScreens(t *testing.T) {
	for _, c := range countdowns {
		_, mid := Fit(c.text, 200, 45)
		_, big := Fit(c.text, 400, 150)
		_, huge := Fit(c.text, 1000, 1000)
		if !(mid < big && big < huge) {
			t.Errorf("%q is %d, %d and %d rows tall at 200×45, 400×150 and 1000×1000; want it to grow", c.text, mid, big, huge)
		}
	}
}

func TestRenderAlwaysFitsTheBoxAndFitAgrees(t *testing.T) {
	texts := []string{"12:00", "+0:42", "1:02:03", "-5:00", "0", "", "10 00", "99:99:99:99", "é12"}
	for w := 0; w <= 300; w += 5 {
		for h := 0; h <= 150; h += 3 {
			for _, s := range texts {
				lines := Render(s, w, h)
				requireFits(t, s, lines, w, h)
				fw, fh := Fit(s, w, h)
				gotW := 0
				if len(lines) > 0 {
					gotW = ansi.StringWidth(lines[0])
				}
				if fw != gotW || fh != len(lines) {
					t.Fatalf("Fit(%q, %d, %d) = %d×%d, Render drew %d×%d", s, w, h, fw, fh, gotW, len(lines))
				}
			}
		}
	}
}

func TestRenderPicksTheTallestSizeThatFits(t *testing.T) {
	for w := 1; w <= 300; w += 7 {
		for h := 1; h <= 150; h += 5 {
			for _, c := range countdowns {
				want := 1
				for _, f := range fonts {
					dots := dotWidth(f, c.text)
					for sy := 1; rowsFor(f.height, sy) <= h && (f.maxSy == 0 || sy <= f.maxSy); sy++ {
						for sx := (sy + 1) / 2; sx <= sy; sx++ {
							if sx*dots <= w && rowsFor(f.height, sy) <= h {
								want = max(want, rowsFor(f.height, sy))
							}
						}
					}
				}
				if _, got := Fit(c.text, w, h); got != want {
					t.Fatalf("Fit(%q, %d, %d) is %d rows tall; a %d-row size fits", c.text, w, h, got, want)
				}
			}
		}
	}
}

func TestEveryFontDrawsTheThreeSmallestHeightsByHand(t *testing.T) {
	heights := map[int]bool{}
	for h := 1; h <= 12; h++ {
		_, got := Fit("8", 200, h)
		heights[got] = true
	}
	for _, want := range []int{1, 3, 4, 5, 7} {
		if !heights[want] {
			t.Errorf("no box draws a %d-row countdown; heights drawn: %v", want, heights)
		}
	}
}

func TestDigitsAreDistinctAtEveryScale(t *testing.T) {
	for _, f := range fonts {
		top := f.maxSy
		if top == 0 {
			top = 12
		}
		for sy := 1; sy <= top; sy++ {
			for sx := (sy + 1) / 2; sx <= sy; sx++ {
				sc := scale(f, sx, sy)
				seen := map[string]int{}
				for d := range 10 {
					var b strings.Builder
					for _, k := range sc.rowPair {
						b.WriteString(sc.rows[d][k])
						b.WriteByte('\n')
					}
					if other, ok := seen[b.String()]; ok {
						t.Fatalf("font %s at %d×%d draws %d and %d alike", f.name, sx, sy, other, d)
					}
					seen[b.String()] = d
				}
			}
		}
	}
}

func TestTheColonIsNarrowerThanDigits(t *testing.T) {
	for _, f := range fonts {
		colon := f.glyphs[glyphIndex(':')].width
		for d := '0'; d <= '9'; d++ {
			if w := f.glyphs[glyphIndex(d)].width; colon >= w {
				t.Errorf("font %s: colon is %d dots wide, %c is %d", f.name, colon, d, w)
			}
		}
	}
}

func TestDotsStaySquareWhenThereIsRoom(t *testing.T) {
	// "8" alone in a wide box: dots are sx columns by sy half rows, square when equal.
	w, h := Fit("8", 1000, 70)
	if h != 70 || w != 5*20 {
		t.Errorf("Fit(\"8\", 1000, 70) = %d×%d, want 100×70 (five dots of 20 columns)", w, h)
	}
}

func TestDotsNarrowWhenWidthIsTheLimit(t *testing.T) {
	// "1:02:03" is 33 dots wide; 99 columns give 3 columns a dot, while 70 rows
	// would allow 20. Dots at most twice as tall as wide: 6 half rows, 21 rows.
	if w, h := Fit("1:02:03", 99, 70); w != 99 || h != 21 {
		t.Errorf("Fit(\"1:02:03\", 99, 70) = %d×%d, want 99×21", w, h)
	}
}

func TestRenderFallsBackToPlainTextWhenOnlyOneRowFits(t *testing.T) {
	got := Render("12:00", 80, 2)
	if len(got) != 1 || got[0] != "12:00" {
		t.Errorf("Render(\"12:00\", 80, 2) = %q, want [\"12:00\"]", got)
	}
}

func TestPlainTextIsCutToTheWidth(t *testing.T) {
	got := Render("1:02:03", 4, 1)
	if len(got) != 1 || got[0] != "1:02" {
		t.Errorf("Render(\"1:02:03\", 4, 1) = %q, want [\"1:02\"]", got)
	}
}

func TestAnEmptyBoxDrawsNothing(t *testing.T) {
	for _, box := range [][2]int{{0, 0}, {0, 10}, {10, 0}, {-3, 5}, {5, -3}} {
		if got := Render("12:00", box[0], box[1]); len(got) != 0 {
			t.Errorf("Render(\"12:00\", %d, %d) = %q, want nothing", box[0], box[1], got)
		}
		if w, h := Fit("12:00", box[0], box[1]); w != 0 || h != 0 {
			t.Errorf("Fit(\"12:00\", %d, %d) = %d×%d, want 0×0", box[0], box[1], w, h)
		}
	}
}

func TestAnAbsurdlyBigBoxIsFilledOnlyUpToTenThousandCells(t *testing.T) {
	w, h := Fit("8", math.MaxInt, math.MaxInt)
	if w > 10_000 || h > 10_000 || h < 9_000 {
		t.Errorf("Fit(\"8\", MaxInt, MaxInt) = %d×%d, want a drawing nearly 10 000 rows tall", w, h)
	}
}

func TestUnknownCharactersFallBackToPlainText(t *testing.T) {
	got := Render("12h00", 200, 50)
	if len(got) != 1 || got[0] != "12h00" {
		t.Errorf("Render(\"12h00\", 200, 50) = %q, want [\"12h00\"]", got)
	}
}

func TestPlainTextShowsControlCharactersAsSpaces(t *testing.T) {
	got := Render("1\x1b[31m2\n3\xff", 80, 1)
	if len(got) != 1 || got[0] != "1 [31m2 3\uFFFD" {
		t.Errorf("Render with control characters = %q", got)
	}
}

func TestWideCharactersAreCutWithoutOverflowing(t *testing.T) {
	got := Render("時間です", 5, 1)
	if len(got) != 1 || ansi.StringWidth(got[0]) > 5 {
		t.Errorf("Render(\"時間です\", 5, 1) = %q, wider than 5 columns", got)
	}
}

func TestSpacesSeparateGroupsOfDigits(t *testing.T) {
	with, _ := Fit("12 00", 1000, 20)
	without, _ := Fit("1200", 1000, 20)
	if with <= without {
		t.Errorf("\"12 00\" is %d columns wide, \"1200\" %d; want the space to add room", with, without)
	}
}

func FuzzRender(f *testing.F) {
	f.Add("12:00", 80, 10)
	f.Add("+0:42", 400, 140)
	f.Add("1:02:03", 20, 3)
	f.Add("\x1b[2J\xff時", 3, 1)
	f.Fuzz(func(t *testing.T, s string, w, h int) {
		// Boxes from 1 below the smallest to the biggest terminal we promise.
		w = (w%1002+1002)%1002 - 1
		h = (h%1002+1002)%1002 - 1
		lines := Render(s, w, h)
		requireFits(t, s, lines, w, h)
		if fw, fh := Fit(s, w, h); fh != len(lines) || (fh > 0 && fw != ansi.StringWidth(lines[0])) {
			t.Fatalf("Fit(%q, %d, %d) = %d×%d disagrees with Render", s, w, h, fw, fh)
		}
	})
}
