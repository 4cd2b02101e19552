package i18n

import (
	"reflect"
	"testing"
)

// TestDutchHasEveryStringEnglishHas walks both catalogues: every string
// field and every map key filled in English is filled in Dutch too.
func TestDutchHasEveryStringEnglishHas(t *testing.T) {
	compare(t, "Catalog", reflect.ValueOf(*For("en")), reflect.ValueOf(*For("nl")))
}

func compare(t *testing.T, path string, en, nl reflect.Value) {
	switch en.Kind() {
	case reflect.Struct:
		for i := 0; i < en.NumField(); i++ {
			if !en.Type().Field(i).IsExported() {
				continue
			}
			compare(t, path+"."+en.Type().Field(i).Name, en.Field(i), nl.Field(i))
		}
	case reflect.String:
		if en.String() != "" && nl.String() == "" {
			t.Errorf("%s has no Dutch text", path)
		}
	case reflect.Map:
		for _, k := range en.MapKeys() {
			v := nl.MapIndex(k)
			if !v.IsValid() {
				t.Errorf("%s[%v] has no Dutch text", path, k)
				continue
			}
			compare(t, path+"["+k.String()+"]", en.MapIndex(k), v)
		}
	}
}

func TestPhraseNamesGroupsInWords(t *testing.T) {
	if got := For("en").Groups.Phrase([][2]int{{2, 10}, {3, 1}}); got != "10 pairs and 1 trio" {
		t.Fatalf("en: %q", got)
	}
	if got := For("nl").Groups.Phrase([][2]int{{4, 5}, {3, 1}}); got != "5 viertallen en 1 drietal" {
		t.Fatalf("nl: %q", got)
	}
}

func TestNormalizeAcceptsLocalesAndRefusesOthers(t *testing.T) {
	for in, want := range map[string]string{"nl": "nl", "nl_BE.UTF-8": "nl", "EN": "en", "en-GB": "en"} {
		if got, ok := Normalize(in); !ok || got != want {
			t.Errorf("Normalize(%q) = %q %v", in, got, ok)
		}
	}
	if _, ok := Normalize("fr"); ok {
		t.Error("French accepted")
	}
}

func TestEveryReviewStateHasItsOwnNameInBothLanguages(t *testing.T) {
	for _, lang := range Supported {
		c := For(lang).FollowUp
		seen := map[string]bool{}
		for _, st := range []string{"", "done", "under_way", "stuck", "dropped"} {
			name := c.StateName(st)
			if name == "" || seen[name] {
				t.Errorf("%s: state %q is named %q, empty or shared", lang, st, name)
			}
			seen[name] = true
		}
	}
}
