package structure

import (
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
)

var reSlug = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// Known values of the enumerated fields, in the order they are listed to the
// user when a value is not recognised.
var (
	knownConfigs = []Config{ConfigAlone, ConfigPairs, ConfigTrios, ConfigFours, ConfigSmall, ConfigTables,
		ConfigWhole, ConfigStations, ConfigFishbowl, ConfigClientBack, ConfigClient, ConfigMill, ConfigFacilitator}
	knownUnits    = []Unit{UnitTotal, UnitPerPerson, UnitPerTurn, UnitPerStation, UnitPerSentence, UnitPerElement, UnitPerRound}
	knownCaptures = []Capture{CaptureNone, CaptureFrustration, CaptureIdea, CaptureAction, CaptureNote, CaptureQuestion, CaptureCard}
	knownCues     = []Cue{CueSingle, CueDouble, CueNone}
	knownRepeats  = []string{RepeatGroupSize, RepeatStations, RepeatUntilDone}
)

// Symbolic repeat counts of a block.
const (
	RepeatGroupSize = "group_size" // once per member of the structure's group (Troika: each is client once)
	RepeatStations  = "stations"   // once per station (Shift & Share, group.stations, default 6)
	RepeatUntilDone = "until_done" // open-ended; the facilitator repeats with `r`
)

// configSynonyms are spellings people naturally write in their own files;
// they are read as the canonical configuration.
var configSynonyms = map[string]Config{
	"pair": ConfigPairs, "duos": ConfigPairs, "trio": ConfigTrios, "triads": ConfigTrios,
	"four": ConfigFours, "foursome": ConfigFours, "quartet": ConfigFours, "quartets": ConfigFours,
	"table": ConfigTables, "all": ConfigWhole, "whole-group": ConfigWhole, "plenary": ConfigWhole,
	"client_back": ConfigClientBack, "small-groups": ConfigSmall, "group": ConfigSmall, "groups": ConfigSmall,
	"station": ConfigStations, "solo": ConfigAlone,
}

func oneOf[T ~string](v T, known []T) bool {
	for _, k := range known {
		if v == k {
			return true
		}
	}
	return false
}

func listOf[T ~string](known []T) string {
	parts := make([]string, len(known))
	for i, k := range known {
		parts[i] = string(k)
	}
	return strings.Join(parts, ", ")
}

// validateFile checks what a single file can tell about itself.
func validateFile(file string, s *Structure, lines lineTable) []error {
	v := &validator{file: file, lines: lines}
	v.structure(s)
	return sortedErrors(v.errs)
}

type validator struct {
	file  string
	lines lineTable
	errs  []error
}

func (v *validator) add(field string, format string, args ...any) {
	v.errs = append(v.errs, &FileError{File: v.file, Line: v.lines.at(field), Field: field, Msg: fmt.Sprintf(format, args...)})
}

func (v *validator) structure(s *Structure) {
	want := fileSlug(v.file)
	switch {
	case s.Slug == "":
		v.add("slug", "field \"slug\" is missing; use the file name, %q", want)
	case !reSlug.MatchString(s.Slug):
		v.add("slug", "slug %q is not kebab-case (lower-case words joined by hyphens, like \"troika-consulting\")", s.Slug)
	case s.Slug != want:
		v.add("slug", "slug %q does not match the file name; call the file %s.yaml or the slug %q", s.Slug, s.Slug, want)
	}
	if s.Name.EN == "" || s.Name.NL == "" {
		v.add("name", "field \"name\" needs both en and nl")
	}
	if s.Kind == "" {
		s.Kind = KindStructure
		if len(s.Items) > 0 && len(s.Steps) == 0 {
			s.Kind = KindString
		}
	}
	switch s.Kind {
	case KindStructure:
		if len(s.Steps) == 0 {
			v.add("steps", "a structure needs at least one step under \"steps\"")
		}
		if len(s.Items) > 0 {
			v.add("items", "a structure has steps, not items; use kind: string for a string")
		}
	case KindString:
		if len(s.Items) == 0 {
			v.add("items", "a string needs at least one item under \"items\"")
		}
		if len(s.Steps) > 0 {
			v.add("steps", "a string has items, not steps; use kind: structure for a structure")
		}
	default:
		v.add("kind", "kind %q is not known; use structure or string", s.Kind)
	}
	if s.Capture != "" && !oneOf(s.Capture, knownCaptures) {
		v.add("capture", "capture %q is not known; use one of %s", s.Capture, listOf(knownCaptures))
	}
	for i, a := range s.Aliases {
		if strings.TrimSpace(a) == "" {
			v.add(fmt.Sprintf("aliases[%d]", i), "an alias is empty")
		}
	}
	v.minutesRange("tagline_minutes", s.TaglineMinutes.Min, s.TaglineMinutes.Max)
	if s.TaglineMinutes.Unit != "" && !oneOf(s.TaglineMinutes.Unit, knownUnits) {
		v.add("tagline_minutes.unit", "unit %q is not known; use one of %s", s.TaglineMinutes.Unit, listOf(knownUnits))
	}
	g := s.Group
	for _, f := range []struct {
		name string
		n    int
	}{{"size", g.Size}, {"min", g.Min}, {"max", g.Max}, {"odd_fallback", g.OddFallback}, {"min_participants", g.MinParticipants}, {"stations", g.Stations}} {
		if f.n < 0 {
			v.add("group."+f.name, "group %s must not be negative", f.name)
		}
	}
	if g.Min > 0 && g.Max > 0 && g.Min > g.Max {
		v.add("group.min", "group min %d is larger than max %d", g.Min, g.Max)
	}
	if g.Size > 0 && g.Max > 0 && g.Size > g.Max {
		v.add("group.size", "group size %d is larger than max %d", g.Size, g.Max)
	}
	if g.Size > 0 && g.Min > 0 && g.Size < g.Min {
		v.add("group.size", "group size %d is smaller than min %d", g.Size, g.Min)
	}
	v.steps("steps", s.Steps)
	for i := range s.Items {
		v.item(fmt.Sprintf("items[%d]", i), &s.Items[i])
	}
}

// MaxStepMinutes is the longest a step may last: a day.
const MaxStepMinutes = 24 * 60

// badMinutes checks one number of minutes: a finite number from 0 to
// MaxStepMinutes. It returns "" when m is fine.
func badMinutes(m float64) string {
	switch {
	case math.IsNaN(m) || math.IsInf(m, 0):
		return fmt.Sprintf("%v is not a number of minutes; write a number such as 5 or 2.5", m)
	case m > MaxStepMinutes:
		return fmt.Sprintf("%g minutes is more than a day; a step lasts at most %d minutes", m, MaxStepMinutes)
	}
	return ""
}

// minutesRange checks the official total of a structure, which may span
// days (Open Space runs up to three): finite, at most a week.
func (v *validator) minutesRange(field string, lo, hi float64) {
	for _, f := range []struct {
		name string
		m    float64
	}{{"min", lo}, {"max", hi}} {
		switch {
		case math.IsNaN(f.m) || math.IsInf(f.m, 0):
			v.add(field+"."+f.name, "%v is not a number of minutes; write a number such as 90", f.m)
			return
		case f.m > 7*MaxStepMinutes:
			v.add(field+"."+f.name, "%g minutes is more than a week", f.m)
			return
		}
	}
	if lo < 0 {
		v.add(field+".min", "minutes must not be negative (%g)", lo)
	}
	if hi < 0 {
		v.add(field+".max", "minutes must not be negative (%g)", hi)
	}
	if hi > 0 && lo > hi {
		v.add(field+".min", "min %g is larger than max %g", lo, hi)
	}
}

func (v *validator) steps(prefix string, steps []Step) {
	for i := range steps {
		v.step(fmt.Sprintf("%s[%d]", prefix, i), &steps[i])
	}
}

func (v *validator) step(p string, st *Step) {
	at := func(f string) string { return p + "." + f }
	if c, ok := configSynonyms[strings.ToLower(string(st.Config))]; ok {
		st.Config = c
	}
	if st.Config != "" && !oneOf(st.Config, knownConfigs) {
		v.add(at("config"), "config %q is not known; use one of %s", st.Config, listOf(knownConfigs))
	}
	if st.Unit != "" && !oneOf(st.Unit, knownUnits) {
		v.add(at("unit"), "unit %q is not known; use one of %s", st.Unit, listOf(knownUnits))
	}
	if st.Capture != "" && !oneOf(st.Capture, knownCaptures) {
		v.add(at("capture"), "capture %q is not known; use one of %s", st.Capture, listOf(knownCaptures))
	}
	if st.Cue != "" && !oneOf(st.Cue, knownCues) {
		v.add(at("cue"), "cue %q is not known; use one of %s", st.Cue, listOf(knownCues))
	}
	for _, f := range []struct {
		name string
		m    float64
	}{{"min", st.Min}, {"max", st.Max}, {"default", st.Default}} {
		if why := badMinutes(f.m); why != "" {
			v.add(at(f.name), "field %q: %s", f.name, why)
			return
		}
		if f.m < 0 {
			v.add(at(f.name), "field %q: minutes must not be negative (%g)", f.name, f.m)
		}
	}
	if st.Max > 0 && st.Min > st.Max {
		v.add(at("min"), "field \"min\": %g is larger than max %g", st.Min, st.Max)
	}
	if st.Default > 0 {
		if st.Default < st.Min {
			v.add(at("default"), "field \"default\": %g is below min %g", st.Default, st.Min)
		}
		if st.Max > 0 && st.Default > st.Max {
			v.add(at("default"), "field \"default\": %g is above max %g", st.Default, st.Max)
		}
	}
	hasMinutes := st.Min > 0 || st.Default > 0 || st.Max > 0
	if st.Timed != nil && *st.Timed && !hasMinutes {
		v.add(at("timed"), "a timed step needs minutes (min, and max or default if it is a range)")
	}
	if st.Repeat != "" && !validRepeat(st.Repeat) {
		v.add(at("repeat"), "repeat %q is not a whole number from 1 to %d or one of %s", st.Repeat, MaxRepeat, strings.Join(knownRepeats, ", "))
	}
	switch {
	case len(st.Steps) > 0 && st.Nested != "":
		v.add(at("nested"), "a step either nests a structure or has its own steps, not both")
	case len(st.Steps) > 0:
		if hasMinutes {
			v.add(at("min"), "a block takes its minutes from its steps; move the minutes to a step")
		}
		v.steps(at("steps"), st.Steps)
	case st.Nested != "":
		if !reSlug.MatchString(st.Nested) {
			v.add(at("nested"), "nested %q is not a structure slug", st.Nested)
		}
	default:
		if st.Label.EN == "" && st.Label.NL == "" {
			v.add(p, "a step needs a label")
		}
		if st.Repeat != "" {
			v.add(at("repeat"), "repeat needs steps (or nested) to repeat")
		}
	}
}

func validRepeat(r string) bool {
	if oneOf(r, knownRepeats) {
		return true
	}
	n, err := strconv.Atoi(r)
	return err == nil && n > 0 && n <= MaxRepeat
}

// MaxRepeat bounds a block's repeat count; no structure runs a step more
// than a few dozen times.
const MaxRepeat = 50

func (v *validator) item(p string, it *Item) {
	if it.Slug == "" && !it.Harvest && !it.Review {
		v.add(p, "an item needs the slug of a structure (or harvest: true, or review: true)")
	}
	if it.Harvest && it.Review {
		v.add(p+".review", "an item is either a harvest or a review, not both")
	}
	if it.Slug != "" && !reSlug.MatchString(it.Slug) {
		v.add(p+".slug", "item slug %q is not a structure slug", it.Slug)
	}
	if it.Capture != "" && !oneOf(it.Capture, knownCaptures) {
		v.add(p+".capture", "capture %q is not known; use one of %s", it.Capture, listOf(knownCaptures))
	}
	if why := badMinutes(it.Minutes); why != "" {
		v.add(p+".minutes", "field \"minutes\": %s", why)
	} else if it.Minutes < 0 {
		v.add(p+".minutes", "minutes must not be negative (%g)", it.Minutes)
	}
}
