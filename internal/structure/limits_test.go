package structure

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"
)

func TestMinutesOutsideADayOrNotANumberAreRefusedWithFileAndLine(t *testing.T) {
	for value, want := range map[string]string{
		"1e12":  "more than a day",
		"1441":  "more than a day",
		".inf":  "not a number of minutes",
		".nan":  "not a number of minutes",
		"-.inf": "not a number of minutes",
	} {
		data := strings.Replace(minimalYAML, "min: 1", "min: "+value, 1)
		fe := parseErr(t, "tiny.yaml", data)
		if fe.Line != 6 || !strings.Contains(fe.Msg, want) {
			t.Errorf("min: %s gave %v, want line 6 and %q", value, fe, want)
		}
	}
	fe := parseErr(t, "tiny.yaml", strings.Replace(minimalYAML, "min: 1", `min: 1
    max: .nan`, 1))
	if fe.Line != 7 {
		t.Errorf("max: .nan gave %v, want line 7", fe)
	}
}

func TestRepeatsAreAtMostFifty(t *testing.T) {
	block := `slug: tiny
name: {en: Tiny, nl: Klein}
steps:
  - repeat: "%s"
    steps:
      - label: {en: Think, nl: Denk}
        min: 1
`
	if _, errs := Parse("tiny.yaml", []byte(strings.Replace(block, "%s", "50", 1))); len(errs) > 0 {
		t.Fatalf("repeat 50 refused: %v", errs)
	}
	fe := parseErr(t, "tiny.yaml", strings.Replace(block, "%s", "51", 1))
	if fe.Line != 4 || !strings.Contains(fe.Msg, "1 to 50") {
		t.Errorf("repeat 51 gave %v", fe)
	}
}

func TestAPlannedStepNeverLastsMoreThanADay(t *testing.T) {
	if d := minutes(1e12); d != 24*time.Hour {
		t.Errorf("minutes(1e12) = %v, want 24h", d)
	}
	if d := minutes(90); d != 90*time.Minute {
		t.Errorf("minutes(90) = %v", d)
	}
}

// deepFile nests steps depth levels deep, in flow style as a hostile file
// would (about 34 bytes a level).
func deepFile(depth int) string {
	var b strings.Builder
	b.WriteString("slug: deep\nname: {en: Deep, nl: Diep}\nsteps: ")
	for range depth {
		b.WriteString("[{repeat: \"2\", steps: ")
	}
	b.WriteString("[{label: Think, min: 1}]")
	for range depth {
		b.WriteString("}]")
	}
	b.WriteString("\n")
	return b.String()
}

func TestStepsNestedDeeperThanTheLimitAreRefusedCheaply(t *testing.T) {
	if _, errs := Parse("deep.yaml", []byte(deepFile(MaxStepDepth-1))); len(errs) > 0 {
		t.Fatalf("%d levels refused: %v", MaxStepDepth-1, errs)
	}
	data := deepFile(4000)
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	fe := parseErr(t, "deep.yaml", data)
	runtime.ReadMemStats(&after)
	if !strings.Contains(fe.Msg, "nested more than") || fe.Line == 0 {
		t.Fatalf("4000 levels gave %v", fe)
	}
	// The file is a few hundred kilobytes; reading it must cost a small
	// multiple of that, not the hundreds of megabytes a path per level costs.
	if got := after.TotalAlloc - before.TotalAlloc; got > 200<<20 {
		t.Errorf("refusing a %d-byte file allocated %d MB", len(data), got>>20)
	}
	t.Logf("%d bytes, 4000 levels: %v, %d MB allocated", len(data), fe, (after.TotalAlloc-before.TotalAlloc)>>20)
}

func TestSpecialFilesInTheStructuresFolderAreErrorsNotHangs(t *testing.T) {
	dir := t.TempDir()
	if err := os.Symlink("/dev/zero", filepath.Join(dir, "zero.yaml")); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(filepath.Join(dir, "pipe.yaml"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "big.yaml"), make([]byte, maxFileSize+1), 0o600); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	lib, errs := Load(dir)
	took := time.Since(start)
	got := map[string]string{}
	for _, err := range errs {
		for _, name := range []string{"zero", "pipe", "big"} {
			if strings.Contains(err.Error(), name+".yaml") {
				got[name] = err.Error()
			}
		}
	}
	for name, want := range map[string]string{"zero": "a device", "pipe": "a named pipe", "big": "more than"} {
		if !strings.Contains(got[name], want) {
			t.Errorf("%s.yaml: %q, want %q", name, got[name], want)
		}
	}
	if _, ok := lib.Get("1-2-4-all"); !ok {
		t.Error("the built-ins did not load")
	}
	t.Logf("loaded with three special files in %v: %v", took, errs)
}
