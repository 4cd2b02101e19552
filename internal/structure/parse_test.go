package structure

import (
	"errors"
	"strings"
	"testing"

	"liberate/structures"
)

const minimalYAML = `slug: tiny
name: {en: Tiny, nl: Klein}
steps:
  - label: {en: Think, nl: Denk}
    config: alone
    min: 1
`

// parseErr parses data and returns the single error it expects.
func parseErr(t *testing.T, file, data string) *FileError {
	t.Helper()
	s, errs := Parse(file, []byte(data))
	if s != nil || len(errs) == 0 {
		t.Fatalf("Parse(%s) accepted a broken file", file)
	}
	var fe *FileError
	if !errors.As(errs[0], &fe) {
		t.Fatalf("error %v is not a *FileError", errs[0])
	}
	return fe
}

func TestParseAcceptsAMinimalStructure(t *testing.T) {
	s, errs := Parse("tiny.yaml", []byte(minimalYAML))
	if len(errs) > 0 {
		t.Fatalf("unexpected errors: %v", errs)
	}
	if s.Kind != KindStructure || s.Steps[0].Line != 4 {
		t.Fatalf("kind %q, step line %d; want structure, line 4", s.Kind, s.Steps[0].Line)
	}
}

func TestParseRejectsAnUnknownFieldWithFileAndLine(t *testing.T) {
	data := strings.Replace(minimalYAML, "    min: 1", "    minuts: 1", 1)
	fe := parseErr(t, "broken.yaml", data)
	if got, want := fe.Error(), `broken.yaml:6: unknown field "minuts"`; got != want {
		t.Fatalf("error %q, want %q", got, want)
	}
}

func TestParseRejectsMinutesThatAreNotANumber(t *testing.T) {
	data := strings.Replace(minimalYAML, "min: 1", "min: soon", 1)
	fe := parseErr(t, "tiny.yaml", data)
	if fe.Line != 6 || !strings.Contains(fe.Error(), `field "min"`) || !strings.Contains(fe.Error(), `"soon"`) {
		t.Fatalf("error %q should name line 6, field min and the value", fe)
	}
}

func TestParseRejectsMinAboveMax(t *testing.T) {
	data := minimalYAML + "    max: 0.5\n"
	fe := parseErr(t, "tiny.yaml", data)
	if fe.Line != 6 || !strings.Contains(fe.Msg, "larger than max") {
		t.Fatalf("error %q, want line 6 and min larger than max", fe)
	}
}

func TestParseRejectsNegativeMinutes(t *testing.T) {
	fe := parseErr(t, "tiny.yaml", strings.Replace(minimalYAML, "min: 1", "min: -2", 1))
	if fe.Line != 6 || !strings.Contains(fe.Msg, "negative") {
		t.Fatalf("error %q, want line 6 and negative", fe)
	}
}

func TestParseRejectsASlugThatIsNotKebabCase(t *testing.T) {
	fe := parseErr(t, "Tiny One.yaml", strings.Replace(minimalYAML, "slug: tiny", "slug: Tiny One", 1))
	if fe.Line != 1 || !strings.Contains(fe.Msg, "kebab-case") {
		t.Fatalf("error %q, want line 1 and kebab-case", fe)
	}
}

func TestParseRejectsASlugThatDiffersFromTheFileName(t *testing.T) {
	fe := parseErr(t, "dir/other.yaml", minimalYAML)
	if fe.File != "dir/other.yaml" || fe.Line != 1 || !strings.Contains(fe.Msg, "file name") {
		t.Fatalf("error %q, want dir/other.yaml:1 about the file name", fe)
	}
}

func TestParseRejectsANameWithoutDutch(t *testing.T) {
	fe := parseErr(t, "tiny.yaml", strings.Replace(minimalYAML, "{en: Tiny, nl: Klein}", "{en: Tiny}", 1))
	if fe.Line != 2 || !strings.Contains(fe.Msg, "nl") {
		t.Fatalf("error %q, want line 2 about nl", fe)
	}
}

func TestParseRejectsUnknownValues(t *testing.T) {
	cases := map[string]string{
		"config":  strings.Replace(minimalYAML, "config: alone", "config: octopus", 1),
		"unit":    minimalYAML + "    unit: per_hour\n",
		"capture": minimalYAML + "    capture: gossip\n",
		"cue":     minimalYAML + "    cue: gong\n",
		"repeat":  minimalYAML + "  - block: x\n    repeat: twice\n    steps: [{label: A, min: 1}]\n",
		"zero":    minimalYAML + "  - block: x\n    repeat: \"0\"\n    steps: [{label: A, min: 1}]\n",
	}
	for name, data := range cases {
		t.Run(name, func(t *testing.T) {
			fe := parseErr(t, "tiny.yaml", data)
			if fe.Line == 0 {
				t.Fatalf("error %q has no line", fe)
			}
		})
	}
}

func TestParseRejectsAStructureWithoutSteps(t *testing.T) {
	fe := parseErr(t, "tiny.yaml", "slug: tiny\nname: {en: Tiny, nl: Klein}\n")
	if !strings.Contains(fe.Msg, "step") {
		t.Fatalf("error %q should ask for steps", fe)
	}
}

func TestParseRejectsAStringWithoutItems(t *testing.T) {
	fe := parseErr(t, "retro.yaml", "slug: retro\nkind: string\nname: {en: Retro, nl: Retro}\n")
	if !strings.Contains(fe.Msg, "item") {
		t.Fatalf("error %q should ask for items", fe)
	}
}

func TestParseReportsYAMLSyntaxErrorsWithALine(t *testing.T) {
	fe := parseErr(t, "tiny.yaml", "slug: tiny\nname: [unclosed\n")
	if fe.Line == 0 || !strings.HasPrefix(fe.Error(), "tiny.yaml:") {
		t.Fatalf("error %q should carry file:line", fe)
	}
}

func TestParseReadsATaglineWrittenAsANumberOrASpan(t *testing.T) {
	for text, want := range map[string]Range{"30": {Min: 30}, `"35-50"`: {Min: 35, Max: 50}, "{min: 35, max: 50}": {Min: 35, Max: 50}} {
		s, errs := Parse("tiny.yaml", []byte(minimalYAML+"tagline_minutes: "+text+"\n"))
		if len(errs) > 0 {
			t.Fatalf("tagline %s: %v", text, errs)
		}
		if s.TaglineMinutes != want {
			t.Fatalf("tagline %s read as %+v, want %+v", text, s.TaglineMinutes, want)
		}
	}
	fe := parseErr(t, "tiny.yaml", minimalYAML+"tagline_minutes: {min: 3, most: 4}\n")
	if fe.Line != 7 || !strings.Contains(fe.Msg, `unknown field "most"`) {
		t.Fatalf("error %q, want line 7 unknown field most", fe)
	}
}

func TestParseRecordsTheLinesOfNestedStepsAndItems(t *testing.T) {
	data := `slug: two
name: {en: Two, nl: Twee}
steps:
  - label: A
    min: 1
  - block: turns
    repeat: "2"
    steps:
      - label: B
        min: 1
`
	s, errs := Parse("two.yaml", []byte(data))
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	if s.Steps[1].Line != 6 || s.Steps[1].Steps[0].Line != 9 {
		t.Fatalf("lines %d and %d, want 6 and 9", s.Steps[1].Line, s.Steps[1].Steps[0].Line)
	}
	str, errs := Parse("strings/retro.yaml", []byte("slug: retro\nname: {en: R, nl: R}\nitems:\n  - slug: two\n  - harvest: true\n    minutes: 5\n"))
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	if str.Kind != KindString || str.Items[1].Line != 5 {
		t.Fatalf("kind %q, item line %d; want string, 5", str.Kind, str.Items[1].Line)
	}
}

func TestEveryEmbeddedFileParses(t *testing.T) {
	for _, pattern := range []string{"*.yaml", "strings/*.yaml"} {
		names, err := fsGlob(pattern)
		if err != nil {
			t.Fatal(err)
		}
		for _, n := range names {
			data, err := structures.FS.ReadFile(n)
			if err != nil {
				t.Fatal(err)
			}
			if _, errs := Parse(n, data); len(errs) > 0 {
				t.Errorf("built-in %s: %v", n, errs)
			}
		}
	}
}

func FuzzParse(f *testing.F) {
	f.Add([]byte(minimalYAML))
	f.Add([]byte(strings.Replace(minimalYAML, "min: 1", "minuts: 1", 1)))
	f.Add([]byte("slug: tiny\nname: [unclosed\n"))
	f.Add([]byte("slug: tiny\nkind: string\nname: {en: a, nl: b}\nitems: [{slug: x}, {harvest: true, minutes: 5}]\n"))
	f.Add([]byte("tagline_minutes: \"35-50\"\n"))
	f.Add([]byte("a: &x [*x]\n"))
	for _, n := range []string{"1-2-4-all.yaml", "troika-consulting.yaml", "impromptu-networking.yaml", "fifteen-percent-solutions.yaml"} {
		if data, err := structures.FS.ReadFile(n); err == nil {
			f.Add(data)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		s, errs := Parse("tiny.yaml", data)
		if (s == nil) == (len(errs) == 0) {
			t.Fatalf("Parse returned structure %v with %d errors", s != nil, len(errs))
		}
		for _, err := range errs {
			var fe *FileError
			if !errors.As(err, &fe) || !strings.HasPrefix(err.Error(), "tiny.yaml") {
				t.Fatalf("error %q does not name the file", err)
			}
		}
		if s == nil {
			return
		}
		lib, _ := NewLibrary(map[string][]byte{"tiny.yaml": data})
		if got, ok := lib.Get("tiny"); ok {
			if _, err := lib.Plan([]string{got.Slug}, PlanOptions{Participants: 7}); err != nil && got.Kind == KindStructure {
				t.Fatalf("a valid structure did not plan: %v", err)
			}
		}
	})
}

func TestParseRejectsAnUnknownLanguageInAText(t *testing.T) {
	fe := parseErr(t, "tiny.yaml", strings.Replace(minimalYAML, "{en: Think, nl: Denk}", "{en: Think, de: Denk}", 1))
	if fe.Line != 4 || fe.Msg != `unknown field "de"` {
		t.Fatalf("error %q, want line 4 unknown field de", fe)
	}
}
