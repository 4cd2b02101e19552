package phone

import (
	"fmt"
	"strings"

	"rsc.io/qr"
)

// QuietZone is the light margin around a QR code, in modules, that
// scanners need to find it.
const QuietZone = 4

// qrInk sets black ink on a bright white ground: the code is dark on light
// on every theme (dark, light, projector, mono), as scanners expect. Basic
// ANSI colours survive every colour profile a terminal reports.
const qrInk = "\x1b[30;107m"

const qrReset = "\x1b[0m"

// QRModules returns the modules of the QR code of text (true = dark), with
// the quiet zone around them.
func QRModules(text string) ([][]bool, error) {
	code, err := qr.Encode(text, qr.M)
	if err != nil {
		return nil, fmt.Errorf("could not draw the QR code of %q: %w", text, err)
	}
	n := code.Size + 2*QuietZone
	out := make([][]bool, n)
	for y := range out {
		out[y] = make([]bool, n)
		for x := range out[y] {
			cx, cy := x-QuietZone, y-QuietZone
			out[y][x] = cx >= 0 && cy >= 0 && cx < code.Size && cy < code.Size && code.Black(cx, cy)
		}
	}
	return out, nil
}

// QRLines draws the QR code of text for a terminal: two modules per cell
// with half-block characters, black on bright white, quiet zone included.
// Every line has the same width in cells (the number of modules); there
// are half as many lines, rounded up.
func QRLines(text string) ([]string, error) {
	m, err := QRModules(text)
	if err != nil {
		return nil, err
	}
	var lines []string
	for y := 0; y < len(m); y += 2 {
		var b strings.Builder
		b.WriteString(qrInk)
		for x := range m[y] {
			top := m[y][x]
			bottom := y+1 < len(m) && m[y+1][x]
			switch {
			case top && bottom:
				b.WriteString("█")
			case top:
				b.WriteString("▀")
			case bottom:
				b.WriteString("▄")
			default:
				b.WriteByte(' ')
			}
		}
		b.WriteString(qrReset)
		lines = append(lines, b.String())
	}
	return lines, nil
}
