package ui

import "liberate/internal/ui/styles"

// Theme names a colour scheme (see styles.Theme).
type Theme = styles.Theme

// The themes the command line offers.
const (
	ThemeDark      = styles.ThemeDark
	ThemeLight     = styles.ThemeLight
	ThemeProjector = styles.ThemeProjector
	ThemeMono      = styles.ThemeMono
	ThemeAuto      = styles.ThemeAuto
)

// ParseTheme checks a --theme value.
func ParseTheme(s string) (Theme, bool) { return styles.ParseTheme(s) }
