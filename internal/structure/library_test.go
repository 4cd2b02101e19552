package structure

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func writeFile(t *testing.T, path, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestBuiltInsLoadWithoutErrors(t *testing.T) {
	lib, errs := Load("")
	if len(errs) > 0 {
		t.Fatalf("built-ins have errors: %v", errs)
	}
	for _, slug := range []string{"1-2-4-all", "troika-consulting", "impromptu-networking", "fifteen-percent-solutions"} {
		s, ok := lib.Get(slug)
		if !ok || s.Source != SourceBuiltIn {
			t.Fatalf("built-in %s missing or not marked built-in", slug)
		}
	}
}

func TestEveryBuiltInPlans(t *testing.T) {
	lib, _ := Load("")
	for _, s := range lib.All() {
		plan, err := lib.Plan([]string{s.Slug}, PlanOptions{Participants: 23})
		if err != nil || len(plan) == 0 {
			t.Errorf("%s: %d steps, %v", s.Slug, len(plan), err)
		}
	}
}

func TestAUserFileOverridesABuiltInAndSaysWhereItCameFrom(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "1-2-4-all.yaml")
	writeFile(t, p, `slug: 1-2-4-all
name: {en: 1-2-4-All (ours), nl: 1-2-4-Allen (van ons)}
steps:
  - {label: Alone, config: alone, min: 2}
  - {label: All, config: whole, min: 3}
`)
	lib, errs := Load(dir)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	s, _ := lib.Get("1-2-4-all")
	if s.Source != p || len(s.Steps) != 2 {
		t.Fatalf("source %q with %d steps; want %q with 2", s.Source, len(s.Steps), p)
	}
	if got := lib.TotalMinutes(s); got != 5 {
		t.Fatalf("total %v, want 5", got)
	}
}

func TestAUserFileAddsAStringInTheStringsFolder(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "strings", "our-retro.yaml"), `slug: our-retro
kind: string
name: {en: Our retro, nl: Onze retro}
items:
  - slug: impromptu-networking
  - slug: 1-2-4-all
    capture: frustration
  - {harvest: true, minutes: 10}
`)
	lib, errs := Load(dir)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	if s, ok := lib.Get("our-retro"); !ok || s.Kind != KindString {
		t.Fatal("the user's string was not loaded as a string")
	}
}

func TestABrokenUserFileIsSkippedAndTheBuiltInsStillLoad(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "troika-consulting.yaml"), "slug: troika-consulting\nname: {en: T, nl: T}\nsteps:\n  - {label: A, minuts: 3}\n")
	writeFile(t, filepath.Join(dir, "notes.txt"), "not a structure")
	lib, errs := Load(dir)
	if len(errs) != 1 {
		t.Fatalf("want one error, got %v", errs)
	}
	want := filepath.Join(dir, "troika-consulting.yaml") + `:4: unknown field "minuts"`
	if errs[0].Error() != want {
		t.Fatalf("error %q, want %q", errs[0], want)
	}
	s, ok := lib.Get("troika-consulting")
	if !ok || s.Source != SourceBuiltIn {
		t.Fatal("the built-in Troika did not survive a broken user file")
	}
	if len(lib.Structures()) < 4 {
		t.Fatalf("only %d structures loaded", len(lib.Structures()))
	}
}

func TestAMissingUserDirIsNotAnError(t *testing.T) {
	if _, errs := Load(filepath.Join(t.TempDir(), "nothing-here")); len(errs) > 0 {
		t.Fatal(errs)
	}
}

func TestAUserFileThatNestsSomethingMissingFallsBackToTheBuiltIn(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "1-2-4-all.yaml"), "slug: 1-2-4-all\nname: {en: X, nl: X}\nsteps:\n  - {nested: no-such-thing, min: 4}\n")
	lib, errs := Load(dir)
	if len(errs) != 1 || !strings.Contains(errs[0].Error(), "1-2-4-all.yaml:4:") || !strings.Contains(errs[0].Error(), "no-such-thing") {
		t.Fatalf("want one error at line 4 naming the missing structure, got %v", errs)
	}
	if s, _ := lib.Get("1-2-4-all"); s.Source != SourceBuiltIn {
		t.Fatal("the built-in did not come back")
	}
}

func TestNestingInACircleIsRejected(t *testing.T) {
	lib, errs := NewLibrary(map[string][]byte{
		"a.yaml": []byte("slug: a\nname: {en: A, nl: A}\nsteps:\n  - {label: x, min: 1}\n  - {nested: b}\n"),
		"b.yaml": []byte("slug: b\nname: {en: B, nl: B}\nsteps:\n  - {nested: a}\n"),
		"c.yaml": []byte("slug: c\nname: {en: C, nl: C}\nsteps:\n  - {nested: c}\n"),
	})
	if len(errs) != 3 {
		t.Fatalf("want three cycle errors, got %v", errs)
	}
	if !strings.Contains(errs[0].Error(), "a.yaml:5:") || !strings.Contains(errs[0].Error(), "a → b → a") {
		t.Fatalf("first error %q should point at a.yaml:5 and show the circle", errs[0])
	}
	if len(lib.All()) != 0 {
		t.Fatalf("structures in a circle stayed: %d", len(lib.All()))
	}
}

func TestAStringItemMustNameAKnownStructure(t *testing.T) {
	_, errs := NewLibrary(map[string][]byte{
		"strings/s.yaml": []byte("slug: s\nkind: string\nname: {en: S, nl: S}\nitems:\n  - slug: nope\n"),
	})
	var fe *FileError
	if len(errs) != 1 || !errors.As(errs[0], &fe) || fe.File != "strings/s.yaml" || fe.Line != 5 {
		t.Fatalf("want strings/s.yaml:5, got %v", errs)
	}
}

func TestTwoFilesWithOneSlugAreReported(t *testing.T) {
	dir := t.TempDir()
	body := "slug: mine\nname: {en: M, nl: M}\nsteps: [{label: a, min: 1}]\n"
	writeFile(t, filepath.Join(dir, "mine.yaml"), body)
	writeFile(t, filepath.Join(dir, "strings", "mine.yaml"), body)
	_, errs := Load(dir)
	if len(errs) != 1 || !strings.Contains(errs[0].Error(), "already defined") {
		t.Fatalf("want one duplicate error, got %v", errs)
	}
}

func TestListsAreSortedByName(t *testing.T) {
	lib, _ := Load("")
	all := lib.All()
	for i := 1; i < len(all); i++ {
		if strings.ToLower(all[i-1].Name.EN) > strings.ToLower(all[i].Name.EN) {
			t.Fatalf("%q comes before %q", all[i-1].Name.EN, all[i].Name.EN)
		}
	}
	if len(lib.Structures())+len(lib.Strings()) != len(all) {
		t.Fatal("structures and strings do not add up to all")
	}
}

func TestDefaultUserDirFollowsXDGConfigHome(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", "/tmp/xdg")
	if got := DefaultUserDir(); got != filepath.Join("/tmp/xdg", "liberate", "structures") {
		t.Fatalf("got %q", got)
	}
	t.Setenv("XDG_CONFIG_HOME", "")
	t.Setenv("HOME", "/home/someone")
	if got := DefaultUserDir(); got != filepath.Join("/home/someone", ".config", "liberate", "structures") {
		t.Fatalf("got %q", got)
	}
}
