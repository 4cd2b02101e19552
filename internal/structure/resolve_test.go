package structure

import (
	"errors"
	"strings"
	"testing"
)

func TestResolveAcceptsWhatFacilitatorsType(t *testing.T) {
	lib, _ := Load("")
	cases := map[string]string{
		"1-2-4-all":         "1-2-4-all",
		"1-2-4":             "1-2-4-all",
		"124all":            "1-2-4-all",
		"1-2-4-ALL":         "1-2-4-all",
		"1-2-4-Allen":       "1-2-4-all",
		"troika":            "troika-consulting",
		"Troika Consulting": "troika-consulting",
		"trojka":            "troika-consulting",
		"15%":               "fifteen-percent-solutions",
		"15%-oplossingen":   "fifteen-percent-solutions",
		"impromptu":         "impromptu-networking",
		"Spontaan":          "impromptu-networking",
		"fifteen":           "fifteen-percent-solutions",
	}
	for in, want := range cases {
		s, err := lib.Resolve(in)
		if err != nil {
			t.Errorf("Resolve(%q): %v", in, err)
			continue
		}
		if s.Slug != want {
			t.Errorf("Resolve(%q) = %s, want %s", in, s.Slug, want)
		}
	}
}

func TestResolveFindsTheWholeMenuByItsShortNames(t *testing.T) {
	lib, _ := Load("")
	cases := map[string]string{
		"25/10": "twenty-five-ten-crowd-sourcing",
		"25-10": "twenty-five-ten-crowd-sourcing",
		"w3":    "what-so-what-now-what",
		"W³":    "what-so-what-now-what",
		"triz":  "triz",
		"TRIZ":  "triz",
	}
	for in, want := range cases {
		if _, ok := lib.Get(want); !ok {
			t.Skipf("%s is not in the menu yet", want)
		}
		s, err := lib.Resolve(in)
		if err != nil || s.Slug != want {
			t.Errorf("Resolve(%q) = %v, %v; want %s", in, s, err, want)
		}
	}
}

func tinyLibrary(t *testing.T, slugs ...string) *Library {
	t.Helper()
	files := map[string][]byte{}
	for _, s := range slugs {
		files[s+".yaml"] = []byte("slug: " + s + "\nname: {en: " + s + ", nl: " + s + "}\nsteps: [{label: a, min: 1}]\n")
	}
	lib, errs := NewLibrary(files)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	return lib
}

func TestResolveListsTheCandidatesOfAnAmbiguousPrefix(t *testing.T) {
	lib := tinyLibrary(t, "wise-crowds", "wise-crowds-large", "wicked-questions")
	_, err := lib.Resolve("wi")
	var amb *AmbiguousError
	if !errors.As(err, &amb) || !errors.Is(err, ErrAmbiguous) {
		t.Fatalf("want an ambiguity error, got %v", err)
	}
	if strings.Join(amb.Candidates, ",") != "wicked-questions,wise-crowds,wise-crowds-large" {
		t.Fatalf("candidates %v", amb.Candidates)
	}
	if !strings.Contains(err.Error(), "wicked-questions, wise-crowds, wise-crowds-large") {
		t.Fatalf("message %q should list the candidates", err)
	}
}

func TestResolvePrefersAnExactNameOverLongerOnes(t *testing.T) {
	lib := tinyLibrary(t, "wise-crowds", "wise-crowds-large")
	s, err := lib.Resolve("wise crowds")
	if err != nil || s.Slug != "wise-crowds" {
		t.Fatalf("got %v, %v", s, err)
	}
}

func TestResolveExplainsAnUnknownNameInOneSentence(t *testing.T) {
	lib := tinyLibrary(t, "alpha")
	_, err := lib.Resolve("zzz-nothing")
	if !errors.Is(err, ErrUnknown) {
		t.Fatalf("want ErrUnknown, got %v", err)
	}
	if !strings.Contains(err.Error(), "run `liberate list` to see what there is") || strings.Count(err.Error(), ".") > 0 {
		t.Fatalf("message %q is not the one-sentence hint", err)
	}
	if _, err := lib.Resolve("%%"); !errors.Is(err, ErrUnknown) {
		t.Fatalf("punctuation only should be unknown, got %v", err)
	}
}

func TestResolveSuggestsTheNameATypoMeant(t *testing.T) {
	lib := builtins(t)
	for q, want := range map[string]string{"trokia": "troika", "tirz": "triz", "troikaa": "troika"} {
		_, err := lib.Resolve(q)
		var ue *UnknownError
		if !errors.As(err, &ue) || ue.Suggestion != want || !strings.Contains(err.Error(), "did you mean "+want+"?") {
			t.Errorf("%s: %v, want a suggestion of %s", q, err, want)
		}
	}
	_, err := lib.Resolve("xyzzy")
	var ue *UnknownError
	if !errors.As(err, &ue) || ue.Suggestion != "" {
		t.Errorf("xyzzy: %v; nothing is near it", err)
	}
}
