package structure

import "testing"

func BenchmarkLoadBuiltIns(b *testing.B) {
	for b.Loop() {
		if _, errs := Load(""); len(errs) > 0 {
			b.Fatal(errs)
		}
	}
}

func BenchmarkPlanTroikaForTwentyThree(b *testing.B) {
	lib, _ := Load("")
	for b.Loop() {
		if _, err := lib.Plan([]string{"troika"}, PlanOptions{Participants: 23}); err != nil {
			b.Fatal(err)
		}
	}
}
