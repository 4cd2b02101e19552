package i18n

import (
	"reflect"
	"strings"
	"testing"
)

// TestDutchCatalogueReadsAsADutchFacilitatorWritesIt walks every Dutch
// string: no English words, no hyphens Dutch spelling leaves out, and the
// known corrections stay corrected.
func TestDutchCatalogueReadsAsADutchFacilitatorWritesIt(t *testing.T) {
	walkStrings("Catalog", reflect.ValueOf(*For("nl")), func(path, s string) {
		for _, p := range DutchProblems(s, false) {
			t.Errorf("%s %q: %s", path, s, p)
		}
		for _, bad := range []string{"OVERTIJD", "MINDER DAN 20% OVER", "Licensed under", "Clusters", "Cliënt"} {
			if strings.Contains(s, bad) {
				t.Errorf("%s %q says %q", path, s, bad)
			}
		}
	})
	nl := For("nl")
	if nl.Run.Overtime != "■ TIJD IS OM" || nl.Run.Warning != "▲ BIJNA TIJD" || nl.Run.Ahead != "%s voor op schema" {
		t.Errorf("run states %q %q %q", nl.Run.Overtime, nl.Run.Warning, nl.Run.Ahead)
	}
	if !strings.HasSuffix(nl.Export.Attribution, "Gelicentieerd onder CC BY-SA 4.0.") || nl.Export.Clusters != "Thema's" {
		t.Errorf("export %q %q", nl.Export.Attribution, nl.Export.Clusters)
	}
}

func TestDutchProblemsFindsTheKnownCases(t *testing.T) {
	for _, c := range []struct {
		s    string
		name bool
	}{
		{"Overeenstemming- en Zekerheidsmatrix", true},
		{"Ecocyclus-planning", true},
		{"Principes-wandeling", true},
		{"Eenvoudige Etnografie", true},
		{"Samen Tekenen", true},
		{"Sociaal Netwerk Weven", true},
		{"Positieve Roddel", true},
		{"Tijden: official", false},
		{"Categorie: reveal", false},
		{"Licensed under CC BY-SA 4.0.", false},
	} {
		if len(DutchProblems(c.s, c.name)) == 0 {
			t.Errorf("%q passes", c.s)
		}
	}
	for _, ok := range []string{"Overeenstemmings- en zekerheidsmatrix", "Ecocyclusplanning", "Principewandeling",
		"Wat? Dus wat? Wat nu?", "25/10-crowdsourcing", "TRIZ (ruimte maken)", "Negen keer waarom", "zee-egel",
		"niet-gedaan", "het CRM-systeem", "Generatieve relaties STAR"} {
		if p := DutchProblems(ok, true); len(p) > 0 {
			t.Errorf("%q is good Dutch, got %v", ok, p)
		}
	}
	if p := DutchProblems("Wise Crowds voor grote groepen", true, "Wise Crowds"); len(p) > 0 {
		t.Errorf("a kept method name: %v", p)
	}
}

// walkStrings calls f with every non-empty string in v.
func walkStrings(path string, v reflect.Value, f func(path, s string)) {
	switch v.Kind() {
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			if v.Type().Field(i).IsExported() {
				walkStrings(path+"."+v.Type().Field(i).Name, v.Field(i), f)
			}
		}
	case reflect.String:
		if v.String() != "" {
			f(path, v.String())
		}
	case reflect.Map:
		for _, k := range v.MapKeys() {
			walkStrings(path+"["+reflect.ValueOf(k.Interface()).String()+"]", v.MapIndex(k), f)
		}
	case reflect.Slice, reflect.Array:
		for i := 0; i < v.Len(); i++ {
			walkStrings(path, v.Index(i), f)
		}
	}
}
