package room

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"liberate/internal/i18n"
	"liberate/internal/phone"
	"liberate/internal/textsafe"
	"liberate/internal/ui/layout"
	"liberate/internal/ui/styles"
)

// minLeft is the narrowest the countdown side may get beside the QR code.
const minLeft = 36

// withJoin draws s with its join slot: on a screen wide and tall enough,
// the QR code of the join URL on the right with the URL, the code and the
// phone notes that came in under it; otherwise one line with the URL and
// the code. The QR code carries its own black-on-white colours and quiet
// zone, so phones scan it on every theme.
func withJoin(s Snapshot, width, height int, draw func(s Snapshot, width, height int) string, st styles.Styles) string {
	qr, err := phone.QRLines(s.Join)
	if err != nil || len(qr) == 0 {
		return draw(s, width, height)
	}
	qrW := ansi.StringWidth(qr[0])
	panelW := qrW + 2
	text := joinText(s, panelW-1, st)
	if width-panelW < minLeft || height < len(qr)+len(text)+1 {
		return draw(s, width, height)
	}
	rest := s
	rest.Join, rest.JoinCode, rest.NotesIn, rest.Phones = "", "", 0, ""
	left := strings.Split(draw(rest, width-panelW, height), "\n")
	right := make([]string, 0, height)
	right = append(right, "") // beside the header
	right = append(right, qr...)
	right = append(right, text...)
	out := make([]string, height)
	for i := range out {
		l := ""
		if i < len(left) {
			l = left[i]
		}
		r := ""
		if i < len(right) {
			r = right[i]
		}
		out[i] = layout.PadRight(l, width-panelW) + " " + r
		if r == "" {
			out[i] = strings.TrimRight(out[i], " ")
		}
	}
	return strings.Join(out, "\n")
}

// joinText is the URL, the code spaced out for the back row, and the
// number of phone notes in, each cut to width.
func joinText(s Snapshot, width int, st styles.Styles) []string {
	t := i18n.PhoneFor(s.Lang)
	url := textsafe.Display(s.Join)
	lines := []string{st.Invitation.Render(ansi.Truncate(url, width, "…"))}
	if s.JoinCode != "" {
		code := strings.Join(strings.Split(textsafe.Display(s.JoinCode), ""), " ")
		lines = append(lines, st.Config.Render(ansi.Truncate(t.CodeLabel+"  "+code, width, "…")))
	}
	if s.NotesIn > 0 {
		lines = append(lines, st.Muted.Render(ansi.Truncate(fmt.Sprintf(plural(t.NotesIn, s.NotesIn), s.NotesIn), width, "…")))
	}
	if s.Phones != "" {
		for _, l := range layout.Wrap(textsafe.Display(s.Phones), width, 3) {
			lines = append(lines, st.Prompt.Render(l))
		}
	}
	return lines
}

// joinLine is the join slot in one line, for screens too small for the QR
// code: the code first, so it survives a narrow screen.
func joinLine(s Snapshot, width int, st styles.Styles) string {
	t := i18n.PhoneFor(s.Lang)
	var parts []string
	if s.JoinCode != "" {
		parts = append(parts, t.CodeLabel+" "+textsafe.Display(s.JoinCode))
	}
	parts = append(parts, textsafe.Display(s.Join))
	if s.NotesIn > 0 {
		parts = append(parts, fmt.Sprintf(plural(t.NotesIn, s.NotesIn), s.NotesIn))
	}
	if s.Phones != "" {
		parts = append([]string{textsafe.Display(s.Phones)}, parts...)
	}
	line := strings.Join(parts, " · ")
	if full := t.Join + ": " + line; ansi.StringWidth(full) <= width {
		line = full
	}
	return layout.Center(width, st.Prompt.Render(ansi.Truncate(line, width, "…")))
}

func plural(forms [2]string, n int) string {
	if n == 1 {
		return forms[0]
	}
	return forms[1]
}
