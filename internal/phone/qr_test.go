package phone

import (
	"image"
	"image/color"
	"strings"
	"testing"

	"github.com/makiuchi-d/gozxing"
	"github.com/makiuchi-d/gozxing/qrcode"
)

// pixels turns the terminal cells of QRLines back into an image, the way a
// phone's camera sees them: each cell is two modules high, ink (black) for
// the half a glyph covers and the ground (bright white) for the rest.
func pixels(t *testing.T, lines []string, scale int) image.Image {
	t.Helper()
	var rows [][]bool
	for i, line := range lines {
		if !strings.HasPrefix(line, qrInk) || !strings.HasSuffix(line, qrReset) {
			t.Fatalf("line %d is not drawn black on bright white: %q", i, line)
		}
		cells := []rune(strings.TrimSuffix(strings.TrimPrefix(line, qrInk), qrReset))
		top, bottom := make([]bool, len(cells)), make([]bool, len(cells))
		for x, c := range cells {
			switch c {
			case '█':
				top[x], bottom[x] = true, true
			case '▀':
				top[x] = true
			case '▄':
				bottom[x] = true
			case ' ':
			default:
				t.Fatalf("line %d has %q, not a half block", i, c)
			}
		}
		rows = append(rows, top, bottom)
	}
	w := len(rows[0])
	img := image.NewGray(image.Rect(0, 0, w*scale, len(rows)*scale))
	for y, row := range rows {
		if len(row) != w {
			t.Fatalf("row %d is %d modules wide, not %d", y, len(row), w)
		}
		for x, dark := range row {
			v := uint8(255)
			if dark {
				v = 0
			}
			for dy := range scale {
				for dx := range scale {
					img.SetGray(x*scale+dx, y*scale+dy, color.Gray{Y: v})
				}
			}
		}
	}
	return img
}

func decode(t *testing.T, img image.Image) string {
	t.Helper()
	bmp, err := gozxing.NewBinaryBitmapFromImage(img)
	if err != nil {
		t.Fatal(err)
	}
	res, err := qrcode.NewQRCodeReader().Decode(bmp, map[gozxing.DecodeHintType]interface{}{gozxing.DecodeHintType_PURE_BARCODE: false})
	if err != nil {
		t.Fatalf("the QR code does not decode: %v", err)
	}
	return res.GetText()
}

func TestTheTerminalQRCodeDecodesToTheJoinURL(t *testing.T) {
	for _, url := range []string{
		"http://127.0.0.1:8025/K7M3QX",
		"http://192.168.178.23:41234/" + NewCode(),
		"http://[fe80::1]:8025/ACDEFG",
	} {
		lines, err := QRLines(url)
		if err != nil {
			t.Fatal(err)
		}
		if got := decode(t, pixels(t, lines, 4)); got != url {
			t.Fatalf("decoded %q, want %q", got, url)
		}
	}
}

func TestTheQRCodeKeepsItsQuietZone(t *testing.T) {
	m, err := QRModules("http://192.168.1.23:8025/K7M3QX")
	if err != nil {
		t.Fatal(err)
	}
	n := len(m)
	for y := range n {
		for x := range n {
			inZone := x < QuietZone || y < QuietZone || x >= n-QuietZone || y >= n-QuietZone
			if inZone && m[y][x] {
				t.Fatalf("module (%d,%d) in the quiet zone is dark", x, y)
			}
		}
	}
	lines, _ := QRLines("http://192.168.1.23:8025/K7M3QX")
	// A join URL fits beside the countdown on an 80×24 screen.
	if len(lines) > 20 || len([]rune(strings.TrimSuffix(strings.TrimPrefix(lines[0], qrInk), qrReset))) > 42 {
		t.Fatalf("the QR code takes %d lines of %d cells", len(lines), n)
	}
}
