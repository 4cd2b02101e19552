package room

import (
	"image"
	"image/color"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/makiuchi-d/gozxing"
	"github.com/makiuchi-d/gozxing/qrcode"

	"liberate/internal/timer"
	"liberate/internal/ui/styles"
)

const qrInk = "\x1b[30;107m"

func joinSnapshot() Snapshot {
	now := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	tm := timer.New(5*time.Minute, 1)
	tm.Start(now)
	return Snapshot{Session: "s", Lang: "en", Timed: true, Timer: tm, Structure: "1-2-4-All", Step: "Step 4/4",
		Config: "WHOLE GROUP", Invitation: "What slows you down every day?",
		Join: "http://192.168.1.23:8025/K7M3QX", JoinCode: "K7M3QX", NotesIn: 12}
}

// qrOf cuts the QR code out of a rendered view (the cells drawn black on
// bright white) and decodes it as a phone's camera would.
func qrOf(t *testing.T, view string) string {
	t.Helper()
	var rows [][]bool
	for _, line := range strings.Split(view, "\n") {
		i := strings.Index(line, qrInk)
		if i < 0 {
			continue
		}
		j := strings.Index(line[i:], "\x1b[0m")
		top, bottom := []bool{}, []bool{}
		for _, c := range line[i+len(qrInk) : i+j] {
			top = append(top, c == '█' || c == '▀')
			bottom = append(bottom, c == '█' || c == '▄')
		}
		rows = append(rows, top, bottom)
	}
	if len(rows) == 0 {
		t.Fatal("no QR code on the screen")
	}
	const scale = 4
	img := image.NewGray(image.Rect(0, 0, len(rows[0])*scale, len(rows)*scale))
	for y, row := range rows {
		for x, dark := range row {
			v := uint8(255)
			if dark {
				v = 0
			}
			for d := range scale * scale {
				img.SetGray(x*scale+d%scale, y*scale+d/scale, color.Gray{Y: v})
			}
		}
	}
	bmp, _ := gozxing.NewBinaryBitmapFromImage(img)
	res, err := qrcode.NewQRCodeReader().Decode(bmp, nil)
	if err != nil {
		t.Fatalf("the QR code on the screen does not decode: %v", err)
	}
	return res.GetText()
}

func TestTheJoinSlotShowsAScannableQRCodeOnEveryTheme(t *testing.T) {
	s := joinSnapshot()
	now := s.Timer.Since.Add(time.Minute)
	for _, theme := range []styles.Theme{styles.ThemeDark, styles.ThemeLight, styles.ThemeProjector, styles.ThemeMono} {
		for _, size := range [][2]int{{80, 24}, {100, 30}, {200, 60}, {240, 67}} {
			v := View(s, size[0], size[1], now, styles.NewStyles(theme))
			lines := strings.Split(v, "\n")
			if len(lines) != size[1] {
				t.Fatalf("%s %v: %d lines", theme, size, len(lines))
			}
			for i, l := range lines {
				if w := ansi.StringWidth(l); w > size[0] {
					t.Fatalf("%s %v: line %d is %d wide", theme, size, i, w)
				}
			}
			if got := qrOf(t, v); got != s.Join {
				t.Fatalf("%s %v: the QR code says %q", theme, size, got)
			}
			plain := ansi.Strip(v)
			for _, want := range []string{s.Join, "K 7 M 3 Q X", "12 notes in", "WHOLE GROUP"} {
				if !strings.Contains(plain, want) {
					t.Fatalf("%s %v lacks %q:\n%s", theme, size, want, plain)
				}
			}
		}
	}
}

func TestASmallScreenShowsTheJoinURLInOneLine(t *testing.T) {
	s := joinSnapshot()
	v := ansi.Strip(View(s, 60, 20, s.Timer.Since, styles.NewStyles(styles.ThemeMono)))
	if strings.Contains(View(s, 60, 20, s.Timer.Since, styles.NewStyles(styles.ThemeMono)), qrInk) {
		t.Fatal("a QR code squeezed into 60×20")
	}
	if !strings.Contains(v, "Code K7M3QX · http://192.168.1.23:8025/K7M3QX · 12 notes in") {
		t.Fatalf("no join line:\n%s", v)
	}
	// Dutch on a Dutch session.
	s.Lang = "nl"
	if v := ansi.Strip(View(s, 120, 30, s.Timer.Since, styles.NewStyles(styles.ThemeMono))); !strings.Contains(v, "12 notities binnen") {
		t.Fatalf("Dutch join slot:\n%s", v)
	}
}

func TestTheRoomViewWithoutJoinIsUnchanged(t *testing.T) {
	s := joinSnapshot()
	s.Join, s.JoinCode, s.NotesIn = "", "", 0
	if v := View(s, 100, 30, s.Timer.Since, styles.NewStyles(styles.ThemeDark)); strings.Contains(v, qrInk) || strings.Contains(v, "notes in") {
		t.Fatal("a join slot without a join URL")
	}
}
