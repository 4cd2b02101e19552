package export

import (
	"testing"

	"liberate/internal/i18n"
	"liberate/internal/session"
)

func TestReviewStatesAreNamedByTheCatalogue(t *testing.T) {
	c := i18n.For("nl").FollowUp
	want := map[session.ReviewState]string{
		session.ReviewOpen: c.Open, session.ReviewDone: c.Done, session.ReviewUnderWay: c.UnderWay,
		session.ReviewStuck: c.Stuck, session.ReviewDropped: c.Dropped,
	}
	for st, name := range want {
		if got := stateName(st, c); got != name {
			t.Errorf("state %q is named %q, want %q", st, got, name)
		}
	}
}
