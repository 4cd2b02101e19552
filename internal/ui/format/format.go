// Package format turns durations, errors and plan items into the short
// texts the screens show.
package format

import (
	"fmt"
	"liberate/internal/structure"
	"liberate/internal/textsafe"
	"math"
	"strings"
	"time"
)

// SaveError is the first line of a save error, without its full stop,
// to go inside a sentence.
func SaveError(err error) string {
	s := err.Error()
	if i := strings.Index(s, "\n"); i >= 0 {
		s = s[:i]
	}
	return strings.TrimSuffix(s, ".")
}

// Minutes shows a duration as minutes with one decimal when needed.
func Minutes(d time.Duration) string {
	m := math.Round(d.Minutes()*10) / 10
	if m == float64(int(m)) {
		return fmt.Sprintf("%d", int(m))
	}
	return fmt.Sprintf("%.1f", m)
}

// StructureHeading names a structure of a plan, with the string item's own
// title when it has one: "1-2-4-All · Now what: next week".
func StructureHeading(p structure.PlannedStep, lang string) string {
	name := textsafe.Display(p.StructureName.In(lang))
	if t := textsafe.Display(p.OwnTitle(lang)); t != "" {
		name += " · " + t
	}
	return name
}
