package structure

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestTheFollowUpStringChecksInReviewsAndAsksWhatNext(t *testing.T) {
	lib := menuLibrary(t)
	plan := menuPlan(t, lib, "follow-up")
	var review []PlannedStep
	for _, p := range plan {
		if p.Review {
			review = append(review, p)
		}
	}
	if len(review) != 1 || review[0].Planned != 15*time.Minute || review[0].Capture != CaptureNone || review[0].Prompt.NL == "" {
		t.Fatalf("review steps %+v", review)
	}
	if plan[0].Structure != "impromptu-networking" || plan[0].Title.NL != "Inchecken" {
		t.Fatalf("first step %+v", plan[0])
	}
	last := plan[len(plan)-1]
	if last.Structure != "1-2-4-all" || last.Capture != CaptureAction || !strings.Contains(last.Prompt.NL, "@vr") {
		t.Fatalf("last step %+v", last)
	}
	for _, alias := range []string{"vervolg", "followup"} {
		if s, err := lib.Resolve(alias); err != nil || s.Slug != "follow-up" {
			t.Errorf("%s → %v %v", alias, s, err)
		}
	}
}

func TestABreakIsOneTimedStepAndAStringItemSetsItsMinutes(t *testing.T) {
	lib := menuLibrary(t)
	plan := menuPlan(t, lib, "pauze")
	if len(plan) != 1 || plan[0].Planned != 15*time.Minute || !plan[0].Timed || plan[0].Max < 2*time.Hour {
		t.Fatalf("break %+v", plan)
	}
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "strings"), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "strings", "day.yaml"), []byte(`slug: day
kind: string
name: {en: Day, nl: Dag}
items:
  - slug: 1-2-4-all
  - slug: break
    title: {en: Coffee, nl: Koffie}
    minutes: 10
  - slug: 1-2-4-all
    minutes: 30
`), 0o600); err != nil {
		t.Fatal(err)
	}
	lib2, errs := Load(dir)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	day, err := lib2.Plan([]string{"day"}, PlanOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var brk *PlannedStep
	for i := range day {
		if day[i].Structure == "break" {
			brk = &day[i]
		}
	}
	if brk == nil || brk.Planned != 10*time.Minute || brk.OwnTitle("nl") != "Koffie" {
		t.Fatalf("break in a string: %+v", brk)
	}
	if day[len(day)-1].Planned != 5*time.Minute {
		t.Fatalf("minutes on a structure of several steps change nothing: %v", day[len(day)-1].Planned)
	}
}

func TestAnItemCannotBeHarvestAndReview(t *testing.T) {
	_, errs := Parse("bad.yaml", []byte("slug: bad\nkind: string\nname: {en: Bad, nl: Slecht}\nitems:\n  - harvest: true\n    review: true\n"))
	if len(errs) != 1 || !strings.Contains(errs[0].Error(), "either a harvest or a review") {
		t.Fatalf("errs %v", errs)
	}
}
