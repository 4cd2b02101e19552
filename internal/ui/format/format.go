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

// Minutes shows a duration to the half minute, as whole minutes ("3") or
// minutes and seconds ("1:30"): never a decimal, which reads as 1.4 in
// English and 1,4 in Dutch. A few seconds show as 0.
func Minutes(d time.Duration) string {
	d = d.Round(30 * time.Second)
	if d%time.Minute == 0 {
		return fmt.Sprintf("%d", int(d/time.Minute))
	}
	return Clock(d)
}

// Clock shows a duration as minutes and seconds, "1:24", "12:00"; a
// negative one gets a minus sign.
func Clock(d time.Duration) string {
	sign := ""
	if d < 0 {
		sign, d = "-", -d
	}
	s := int(math.Round(d.Seconds()))
	return fmt.Sprintf("%s%d:%02d", sign, s/60, s%60)
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
