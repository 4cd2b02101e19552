package export

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"liberate/internal/session"
)

// seriesOf is a workshop and two follow-ups: an action done at once, one
// stuck and then done, one dropped; the printer theme eases, the login theme
// does not.
func seriesOf(text string) []Data {
	first := irritationSession()
	first.Session.ID, first.Session.Title = "s1", "Kick-off "+text
	first.Notes = []session.Note{
		{ID: 1, Text: "Bel de leverancier " + text, Owner: "Jan", Due: "2026-03-20", Kind: session.KindAction, CreatedAt: at(9, 40, 0)},
		{ID: 2, Text: "FAQ", Kind: session.KindAction, CreatedAt: at(9, 41, 0)},
		{ID: 3, Text: "Kill the fax", Kind: session.KindAction, CreatedAt: at(9, 42, 0)},
	}
	second := irritationSession()
	second.Session.ID, second.Session.Title, second.Session.FollowUp = "s2", "Follow-up", "s1"
	second.Session.CreatedAt = at(9, 0, 0).AddDate(0, 0, 21)
	second.Notes = nil
	second.Session.Review = []session.ActionReview{
		{NoteID: 1, From: "s1", Text: first.Notes[0].Text, Owner: "Jan", Due: "2026-03-20", State: session.ReviewDone},
		{NoteID: 2, From: "s1", Text: "FAQ", State: session.ReviewStuck},
		{NoteID: 3, From: "s1", Text: "Kill the fax", State: session.ReviewDropped},
	}
	second.Session.Rescores = []session.ThemeScore{
		{ClusterID: "c1", From: "s1", Label: "printer " + text, Before: 9, After: 4, Scored: true},
		{ClusterID: "c2", From: "s1", Label: "inloggen", Before: 5, After: 6, Scored: true},
	}
	third := irritationSession()
	third.Session.ID, third.Session.Title, third.Session.FollowUp = "s3", "Second follow-up", "s2"
	third.Session.CreatedAt = at(9, 0, 0).AddDate(0, 0, 42)
	third.Notes = nil
	third.Session.Review = []session.ActionReview{{NoteID: 2, From: "s1", Text: "FAQ", State: session.ReviewDone}}
	third.Session.Rescores = []session.ThemeScore{
		{ClusterID: "c1", From: "s1", Label: "printer " + text, Before: 4, After: 2, Scored: true},
		{ClusterID: "c2", From: "s1", Label: "inloggen", Before: 6},
	}
	return []Data{first, second, third}
}

func TestASeriesReportFollowsThemesAndActionsThroughEverySession(t *testing.T) {
	r, err := Series(seriesOf(""), "en", at(12, 0, 0))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := WriteSeries(&buf, r, "md"); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	checkMarkdown(t, out)
	for _, want := range []string{
		"| printer | 9 | 4 | 2 | −7 |",
		"| inloggen | 5 | 6 |  | +1 |",
		"| Bel de leverancier | Jan | Fri 20 Mar 2026 | 1 | done |",
		"| FAQ |  |  | 1 | stuck → done |",
		"| Kill the fax |  |  | 1 | dropped |",
		"- **Jan**: Bel de leverancier",
		"- FAQ",
		"- printer: from 9 to 2",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("series lacks %q\n%s", want, out)
		}
	}
	if strings.Contains(out, "inloggen: from") {
		t.Error("a theme that grew is no small win")
	}
	buf.Reset()
	if err := WriteSeries(&buf, r, "json"); err != nil {
		t.Fatal(err)
	}
	var back SeriesReport
	if err := json.Unmarshal(buf.Bytes(), &back); err != nil || back.Format != SeriesFormat || len(back.Sessions) != 3 || back.Actions[1].Fate != session.ReviewDone || back.Themes[1].Scores[2] != nil {
		t.Fatalf("JSON %v %+v", err, back)
	}
	if err := WriteSeries(&buf, r, "csv"); err == nil {
		t.Fatal("a series as CSV")
	}
	if _, err := Series(nil, "en", time.Time{}); err == nil {
		t.Fatal("an empty series")
	}
}

func FuzzSeriesMarkdown(f *testing.F) {
	for _, s := range []string{hostile, "- [ ] x", "|a|", "**", "_x_", "\xff", "# h #"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		r, err := Series(seriesOf(text), "nl", at(12, 0, 0))
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if err := WriteSeries(&buf, r, "md"); err != nil {
			t.Fatal(err)
		}
		checkMarkdown(t, buf.String())
	})
}
