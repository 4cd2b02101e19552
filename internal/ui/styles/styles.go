package styles

import (
	"image/color"
	"os"

	"charm.land/lipgloss/v2"
)

// Theme names a colour scheme.
type Theme string

// Themes: dark and light terminals, a high-contrast projector scheme for
// washed-out beamers, and mono (no colour at all; NO_COLOR selects it).
const (
	ThemeDark      Theme = "dark"
	ThemeLight     Theme = "light"
	ThemeProjector Theme = "projector"
	ThemeMono      Theme = "mono"
	ThemeAuto      Theme = ""
)

// ParseTheme checks a --theme value.
func ParseTheme(s string) (Theme, bool) {
	switch Theme(s) {
	case ThemeDark, ThemeLight, ThemeProjector, ThemeMono, ThemeAuto:
		return Theme(s), true
	}
	return "", false
}

// ResolveTheme applies NO_COLOR and the terminal background to a requested
// theme.
func ResolveTheme(t Theme, darkBackground bool) Theme {
	if os.Getenv("NO_COLOR") != "" {
		return ThemeMono
	}
	if t == ThemeAuto {
		if darkBackground {
			return ThemeDark
		}
		return ThemeLight
	}
	return t
}

// palette is the small set of semantic colours a theme defines.
type palette struct {
	primary, base, muted, success, warning, danger, accent, bg color.Color
}

func paletteFor(t Theme) palette {
	switch t {
	case ThemeLight:
		return palette{
			primary: lipgloss.Color("#1d3b8b"), base: lipgloss.Color("#111111"), muted: lipgloss.Color("#5c5c5c"),
			success: lipgloss.Color("#0b6b2f"), warning: lipgloss.Color("#9a5b00"), danger: lipgloss.Color("#b00020"),
			accent: lipgloss.Color("#6a1b9a"),
		}
	case ThemeProjector:
		return palette{
			primary: lipgloss.Color("#ffffff"), base: lipgloss.Color("#ffffff"), muted: lipgloss.Color("#d0d0d0"),
			success: lipgloss.Color("#00ff5f"), warning: lipgloss.Color("#ffff00"), danger: lipgloss.Color("#ff3030"),
			accent: lipgloss.Color("#5fd7ff"), bg: lipgloss.Color("#000000"),
		}
	case ThemeMono:
		return palette{}
	default:
		return palette{
			primary: lipgloss.Color("#7dcfff"), base: lipgloss.Color("#e6e6e6"), muted: lipgloss.Color("#8a8a8a"),
			success: lipgloss.Color("#73daca"), warning: lipgloss.Color("#ffb347"), danger: lipgloss.Color("#ff5f5f"),
			accent: lipgloss.Color("#bb9af7"),
		}
	}
}

// Styles is every style the screens use, built from one theme's palette.
// Components get it passed down; there are no style globals.
type Styles struct {
	Theme      Theme
	Background color.Color // nil = the terminal's own

	Header, HeaderDim                                  lipgloss.Style
	Digits, DigitsWarning, DigitsFinal, DigitsOvertime lipgloss.Style
	DigitsPaused, DigitsUntimed                        lipgloss.Style
	Status, StatusWarning, StatusFinal, StatusOvertime lipgloss.Style
	Config, Split, Invitation, Prompt                  lipgloss.Style
	Note, NoteSelected, NoteKind, NoteDeleted          lipgloss.Style
	Capture, CaptureKind, Saved, Error, Info, Muted    lipgloss.Style
	HelpKey, HelpDesc, HelpSep                         lipgloss.Style
	Flash, Title, Selected, Item, Box, Accent, Danger  lipgloss.Style
}

// NewStyles builds the styles of theme t.
func NewStyles(t Theme) Styles {
	p := paletteFor(t)
	n := lipgloss.NewStyle()
	fg := func(c color.Color) lipgloss.Style {
		if c == nil {
			return n
		}
		return n.Foreground(c)
	}
	s := Styles{Theme: t, Background: p.bg}
	s.Header = fg(p.primary).Bold(true)
	s.HeaderDim = fg(p.muted)
	s.Digits = fg(p.base).Bold(true)
	s.DigitsWarning = fg(p.warning).Bold(true)
	s.DigitsFinal = fg(p.danger).Bold(true)
	s.DigitsOvertime = fg(p.danger).Bold(true).Reverse(true).Blink(true)
	s.DigitsPaused = fg(p.muted).Faint(t != ThemeProjector)
	s.DigitsUntimed = fg(p.muted)
	s.Status = fg(p.muted).Bold(true)
	s.StatusWarning = fg(p.warning).Bold(true)
	s.StatusFinal = fg(p.danger).Bold(true)
	s.StatusOvertime = fg(p.danger).Bold(true).Reverse(true)
	s.Config = fg(p.accent).Bold(true)
	s.Split = fg(p.base)
	s.Invitation = fg(p.base).Italic(true)
	s.Prompt = fg(p.primary)
	s.Note = fg(p.base)
	s.NoteSelected = fg(p.primary).Bold(true).Reverse(true)
	s.NoteKind = fg(p.muted)
	s.NoteDeleted = fg(p.muted).Strikethrough(true)
	s.Capture = fg(p.base)
	s.CaptureKind = fg(p.accent).Bold(true)
	s.Saved = fg(p.success).Bold(true)
	s.Error = fg(p.danger).Bold(true)
	s.Info = fg(p.muted)
	s.Muted = fg(p.muted)
	s.HelpKey = fg(p.primary).Bold(true)
	s.HelpDesc = fg(p.muted)
	s.HelpSep = fg(p.muted)
	s.Flash = fg(p.warning).Bold(true).Reverse(true)
	s.Title = fg(p.primary).Bold(true)
	s.Selected = fg(p.primary).Bold(true).Reverse(true)
	s.Item = fg(p.base)
	s.Box = n.Border(lipgloss.RoundedBorder()).BorderForeground(orNil(p.muted)).Padding(0, 1)
	s.Accent = fg(p.accent)
	s.Danger = fg(p.danger).Bold(true)
	if t == ThemeMono {
		s.Box = n.Border(lipgloss.NormalBorder()).Padding(0, 1)
	}
	return s
}

func orNil(c color.Color) color.Color {
	if c == nil {
		return lipgloss.NoColor{}
	}
	return c
}
