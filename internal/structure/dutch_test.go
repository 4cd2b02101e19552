package structure

import (
	"reflect"
	"strings"
	"testing"

	"liberate/internal/i18n"
)

// keptNames are method names Dutch facilitators use in English; a Dutch
// text may hold them as they are.
var keptNames = []string{
	"Wise Crowds", "Min Specs", "Open Space Technology", "Open Space", "Shift & Share", "Helping Heuristics",
	"Improv Prototyping", "Celebrity Interview", "User Experience Fishbowl", "Wicked Questions",
	"Strategy Knotworking", "Talking with Pixies", "Design StoryBoards", "Mad Tea", "Calm Tea",
	"Purpose-To-Practice", "Drawing Monsters", "Liberating Structures", "Fieldbook", "Rhapsody",
	"wicked question", "Separateness", "Tuning", "Action", "Reason", "Quiet Presence", "Guided Discovery", "Loving Provocation", "Process Mindfulness", "Ecocycle",
}

// TestDutchOfEveryStructureReadsAsADutchFacilitatorWritesIt checks every
// Dutch text of the built-in structures and strings: names capitalise only
// their first word, no English words, no hyphens Dutch writes together,
// nested quotes as ‘…’ inside “…”.
func TestDutchOfEveryStructureReadsAsADutchFacilitatorWritesIt(t *testing.T) {
	for _, s := range builtins(t).All() {
		if s.Name.NL != s.Name.EN {
			for _, p := range i18n.DutchProblems(s.Name.NL, true, keptNames...) {
				t.Errorf("%s name %q: %s", s.Slug, s.Name.NL, p)
			}
		}
		walkTexts(s.Slug, reflect.ValueOf(*s), func(path string, tx Text) {
			if tx.NL == "" || tx.NL == tx.EN {
				return
			}
			isLabel := strings.HasSuffix(path, ".Label") || strings.HasSuffix(path, ".Title")
			for _, p := range i18n.DutchProblems(tx.NL, isLabel, keptNames...) {
				t.Errorf("%s %q: %s", path, tx.NL, p)
			}
			// The run screen shows an invitation inside “…”: quotes in it are ‘…’.
			if strings.HasSuffix(path, ".Invitation") && strings.ContainsAny(tx.NL+tx.EN, "“”") {
				t.Errorf("%s %q: nested quotes go ‘…’ inside “…”", path, tx.NL)
			}
		})
	}
	want := map[string]string{
		"agreement-certainty-matrix": "Overeenstemmings- en zekerheidsmatrix",
		"ecocycle-planning":          "Ecocyclusplanning",
		"principles-walk-around":     "Principewandeling",
		"simple-ethnography":         "Eenvoudige etnografie",
		"drawing-together":           "Samen tekenen",
		"social-network-webbing":     "Sociaal netwerk weven",
		"nine-whys":                  "Negen keer waarom",
		"positive-gossip":            "Positief roddelen",
	}
	lib := builtins(t)
	for slug, name := range want {
		s, err := lib.Resolve(slug)
		if err != nil || s.Name.NL != name {
			t.Errorf("%s is called %q in Dutch, want %q (%v)", slug, s.Name.NL, name, err)
		}
	}
}

// walkTexts calls f with every Text inside v, named by its path.
func walkTexts(path string, v reflect.Value, f func(string, Text)) {
	switch v.Kind() {
	case reflect.Struct:
		if tx, ok := v.Interface().(Text); ok {
			f(path, tx)
			return
		}
		for i := 0; i < v.NumField(); i++ {
			if v.Type().Field(i).IsExported() {
				walkTexts(path+"."+v.Type().Field(i).Name, v.Field(i), f)
			}
		}
	case reflect.Slice:
		for i := 0; i < v.Len(); i++ {
			walkTexts(path, v.Index(i), f)
		}
	case reflect.Pointer:
		if !v.IsNil() {
			walkTexts(path, v.Elem(), f)
		}
	}
}
