package cli

import (
	"encoding/json"
	"os"
	"strings"
	"testing"
	"time"

	"liberate/internal/action"
	"liberate/internal/session"
	"liberate/internal/store"
)

// withStore opens the test database, runs fn and closes it again, as the
// run screen would between two commands.
func (ta *testApp) withStore(t *testing.T, fn func(st *store.Store)) {
	t.Helper()
	st, err := store.Open(ta.Getenv("LIBERATE_DB"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	fn(st)
}

// firstWorkshop runs a short session with two actions (one with an owner
// and a date, typed the way a facilitator types it) and a voted theme.
func firstWorkshop(t *testing.T, ta *testApp) string {
	t.Helper()
	if _, errOut, code := ta.exec(t, "run", "1-2-4-all", "--title", "Irritatiebrainstorm CRM", "--lang", "nl"); code != 0 {
		t.Fatalf("run: %s", errOut)
	}
	var id string
	ta.withStore(t, func(st *store.Store) {
		sess, err := st.LastSession()
		if err != nil {
			t.Fatal(err)
		}
		id = sess.ID
		p := action.Parse("Jan: leverancier bellen over de printer @vr", ta.clock.Now())
		notes := []*session.Note{
			{SessionID: id, Text: "De printer loopt elke ochtend vast", Kind: session.KindFrustration, ClusterID: "c1"},
			{SessionID: id, Text: p.Text, Owner: p.Owner, Due: p.DueDate(), Kind: session.KindAction, StepIndex: 3},
			{SessionID: id, Text: "FAQ over inloggen schrijven", Kind: session.KindAction, StepIndex: 3},
		}
		for _, n := range notes {
			if err := st.AddNote(n); err != nil {
				t.Fatal(err)
			}
		}
		if err := st.SaveClusters(id, []session.Cluster{{ID: "c1", Label: "printer", Votes: 8}}); err != nil {
			t.Fatal(err)
		}
	})
	return id
}

func TestAFollowUpReviewsTheLastWorkshopAndExportsItsSmallWins(t *testing.T) {
	ta := newTestApp(t)
	first := firstWorkshop(t, ta)
	ta.clock.T = ta.clock.T.AddDate(0, 0, 21)
	if _, errOut, code := ta.exec(t, "run", "follow-up", "--follow-up", "last", "--lang", "nl"); code != 0 {
		t.Fatalf("follow-up: %s", errOut)
	}
	ta.withStore(t, func(st *store.Store) {
		sess, err := st.LastSession()
		if err != nil {
			t.Fatal(err)
		}
		if sess.FollowUp != first || len(sess.Review) != 2 || len(sess.Rescores) != 1 {
			t.Fatalf("follow-up %+v", sess)
		}
		review := false
		for _, p := range sess.Plan {
			review = review || p.Review
		}
		if !review {
			t.Fatal("the follow-up string has no review step")
		}
		now := ta.clock.Now()
		sess.SetReview(0, session.ReviewDone, now)
		sess.SetReview(1, session.ReviewStuck, now)
		sess.SetRescore(0, 3, now)
		if err := st.SaveSession(sess); err != nil {
			t.Fatal(err)
		}
		if err := st.AddNote(&session.Note{SessionID: sess.ID, Text: "Printer vervangen", Owner: "Fatima", Due: "2026-12-31", Kind: session.KindAction}); err != nil {
			t.Fatal(err)
		}
	})
	out, errOut, code := ta.exec(t, "export", "last", "--format", "md")
	if code != 0 {
		t.Fatalf("export: %s", errOut)
	}

	for _, want := range []string{
		"- **Vervolg op:** Irritatiebrainstorm CRM (2026-11-22)",
		"## Kleine successen",
		"- **Jan**: leverancier bellen over de printer",
		"- printer: van 8 naar 3",
		"| leverancier bellen over de printer | Jan | vr 27 nov 2026 | gedaan |",
		"| FAQ over inloggen schrijven |  |  | vastgelopen |",
		"| printer | 8 | 3 | −5 |",
		"## Wie doet wat, tegen wanneer",
		"- [ ] **Fatima**: Printer vervangen · do 31 dec 2026",
		"- [x] **Jan**: leverancier bellen over de printer · vr 27 nov 2026 · _Uit Irritatiebrainstorm CRM_",
		"- [ ] FAQ over inloggen schrijven · _vastgelopen_ · _Uit Irritatiebrainstorm CRM_",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("export lacks %q", want)
		}
	}
	if strings.Index(out, "## Kleine successen") > strings.Index(out, "## Tijdlijn") || !strings.HasSuffix(strings.Split(out, "\n---\n")[0], "_Plak deze lijst in Obsidian, GitHub of Confluence om de acties af te vinken._\n") {
		t.Errorf("small wins come first, the task list last:\n%s", out)
	}
	csvOut, _, _ := ta.exec(t, "export", first, "--format", "csv", "--no-bom")
	if !strings.Contains(csvOut, ",eigenaar,uiterlijk\n") || !strings.Contains(csvOut, ",Jan,2026-11-27\n") {
		t.Errorf("CSV lacks owner and due:\n%s", csvOut)
	}
	jsonOut, _, _ := ta.exec(t, "export", "last", "--format", "json")
	var doc struct {
		FollowUpOf string `json:"follow_up_of"`
		SmallWins  struct {
			ActionsDone []session.ActionReview `json:"actions_done"`
			ThemesEased []session.ThemeScore   `json:"themes_eased"`
		} `json:"small_wins"`
		Notes []session.Note `json:"notes"`
	}
	if err := json.Unmarshal([]byte(jsonOut), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.FollowUpOf != "Irritatiebrainstorm CRM" || len(doc.SmallWins.ActionsDone) != 1 || len(doc.SmallWins.ThemesEased) != 1 || doc.Notes[0].Owner != "Fatima" {
		t.Errorf("JSON %+v", doc)
	}

	list, _, _ := ta.exec(t, "sessions", "--lang", "en")
	lines := strings.Split(strings.TrimSpace(list), "\n")
	if len(lines) != 2 || !strings.Contains(lines[0], "series 2/2 · follows "+first) || !strings.Contains(lines[1], "series 1/2") {
		t.Errorf("sessions do not show the series:\n%s", list)
	}

	series, errOut, code := ta.exec(t, "export", "last", "--series", "--lang", "en")
	if code != 0 {
		t.Fatalf("series: %s", errOut)
	}

	for _, want := range []string{
		"# Series: Irritatiebrainstorm CRM",
		"| 1 | 2026-11-22 | Irritatiebrainstorm CRM | 3 | 2 | 0 |",
		"## Small wins",
		"- **Jan**: leverancier bellen over de printer",
		"- printer: from 8 to 3",
		"| printer | 8 | 3 | −5 |",
		"| leverancier bellen over de printer | Jan | Fri 27 Nov 2026 | 1 | done |",
		"| Printer vervangen | Fatima | Thu 31 Dec 2026 | 2 | not reviewed |",
	} {
		if !strings.Contains(series, want) {
			t.Errorf("series lacks %q\n%s", want, series)
		}
	}
	if _, errOut, code := ta.exec(t, "export", "last", "--series", "--format", "csv"); code == 0 || !strings.Contains(errOut, "--format md") {
		t.Errorf("series as CSV: %d %s", code, errOut)
	}
}

func TestARehearsalStaysOutOfTheSeriesAndCannotBeFollowedUp(t *testing.T) {
	ta := newTestApp(t)
	first := firstWorkshop(t, ta)
	if _, errOut, code := ta.exec(t, "run", "follow-up", "--follow-up", "last", "--speed", "60"); code != 0 {
		t.Fatalf("rehearsal of the follow-up: %s", errOut)
	}
	var trial string
	ta.withStore(t, func(st *store.Store) {
		s, _ := st.LastSession()
		trial = s.ID
		if !s.Rehearsal || s.FollowUp != first {
			t.Fatalf("trial %+v", s)
		}
	})
	list, _, _ := ta.exec(t, "sessions")
	if !strings.Contains(list, "rehearsal") || strings.Contains(list, "series 2/2") {
		t.Errorf("sessions:\n%s", list)
	}
	// "last" skips the rehearsal; naming it is refused.
	if _, errOut, code := ta.exec(t, "run", "1-2-4-all", "--follow-up", trial); code == 0 || !strings.Contains(errOut, "rehearsal") {
		t.Errorf("following up a rehearsal: %d %s", code, errOut)
	}
	if _, errOut, code := ta.exec(t, "run", "1-2-4-all", "--follow-up", "last"); code != 0 {
		t.Fatalf("follow-up of last: %s", errOut)
	}
	ta.withStore(t, func(st *store.Store) {
		s, _ := st.LastSession()
		if s.FollowUp != first {
			t.Fatalf("last followed %q, want the real workshop %q", s.FollowUp, first)
		}
	})
	if _, errOut, code := ta.exec(t, "export", trial, "--series"); code == 0 || !strings.Contains(errOut, "rehearsal") {
		t.Errorf("series of a rehearsal: %d %s", code, errOut)
	}
}

func TestSessionsRenameRehearsalAndDeleteWithConfirmation(t *testing.T) {
	ta := newTestApp(t)
	first := firstWorkshop(t, ta)
	out, errOut, code := ta.exec(t, "sessions", "rename", "1", "Kick-off", "gemeente")
	if code != 0 || !strings.Contains(out, "Renamed “Irritatiebrainstorm CRM” to “Kick-off gemeente”") {
		t.Fatalf("rename: %d %s %s", code, out, errOut)
	}
	if out, _, code := ta.exec(t, "sessions", "rehearsal", first); code != 0 || !strings.Contains(out, "rehearsal") {
		t.Fatalf("rehearsal: %s", out)
	}
	if list, _, _ := ta.exec(t, "sessions"); !strings.Contains(list, "Kick-off gemeente") || !strings.Contains(list, "rehearsal") {
		t.Fatalf("list:\n%s", list)
	}
	if out, _, _ := ta.exec(t, "sessions", "rehearsal", first, "--off"); !strings.Contains(out, "no longer a rehearsal") {
		t.Fatalf("rehearsal --off: %s", out)
	}

	ta.In = strings.NewReader("n\n")
	out, errOut, code = ta.exec(t, "sessions", "delete", first)
	if code != 0 || !strings.Contains(errOut, "Delete “Kick-off gemeente”") || !strings.Contains(errOut, "Nothing deleted") {
		t.Fatalf("no: %d %s %s", code, out, errOut)
	}
	ta.In = strings.NewReader("j\n")
	out, errOut, code = ta.exec(t, "sessions", "delete", first, "--lang", "nl")
	if code != 0 || !strings.Contains(out, "verwijderd; een kopie van de database staat in ") {
		t.Fatalf("ja: %d %s %s", code, out, errOut)
	}
	backup := strings.TrimSuffix(strings.TrimSpace(out[strings.Index(out, "staat in ")+len("staat in "):]), ".")
	if _, err := os.Stat(backup); err != nil {
		t.Fatalf("no backup at %q: %v", backup, err)
	}
	if _, errOut, _ := ta.exec(t, "sessions"); !strings.Contains(errOut, "no sessions yet") {
		t.Fatalf("the session is still listed: %s", errOut)
	}
	// The backup holds the session: it opens and has it.
	bst, err := store.Open(backup, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer bst.Close()
	if s, err := bst.Session(first); err != nil || s.Title != "Kick-off gemeente" {
		t.Fatalf("backup: %v %v", s, err)
	}
}

func TestSessionsDeleteWithYesAsksNothing(t *testing.T) {
	ta := newTestApp(t)
	first := firstWorkshop(t, ta)
	out, errOut, code := ta.exec(t, "sessions", "delete", first, "--yes")
	if code != 0 || strings.Contains(errOut, "[y/N]") || !strings.Contains(out, "Deleted") {
		t.Fatalf("--yes: %d %s %s", code, out, errOut)
	}
}

func TestABreakRunsWithItsMinutesAndTitleAndStartPlansClockTimes(t *testing.T) {
	ta := newTestApp(t)
	if _, errOut, code := ta.exec(t, "run", "break", "--minutes", "15", "--title", "Koffie"); code != 0 {
		t.Fatalf("break: %s", errOut)
	}
	ta.withStore(t, func(st *store.Store) {
		s, _ := st.LastSession()
		if len(s.Plan) != 1 || s.Plan[0].Planned != 15*time.Minute || s.Title != "Koffie" || s.Plan[0].OwnTitle("nl") != "Koffie" {
			t.Fatalf("break %+v", s.Plan)
		}
	})
	if _, errOut, code := ta.exec(t, "run", "1-2-4-all", "--minutes", "10"); code == 0 || !strings.Contains(errOut, "liberate run break") {
		t.Fatalf("--minutes without a break: %d %s", code, errOut)
	}
	if _, errOut, code := ta.exec(t, "run", "1-2-4-all", "break", "--start", "9.30"); code != 0 {
		t.Fatalf("--start: %s", errOut)
	}
	ta.withStore(t, func(st *store.Store) {
		s, _ := st.LastSession()
		at, ok := s.PlanClock(len(s.Plan) - 1)
		if !ok || at.Format("15:04") != "09:42" {
			t.Fatalf("the break starts at %v", at)
		}
	})
	out, _, _ := ta.exec(t, "export", "last")
	if !strings.Contains(out, "| Clock |") || !strings.Contains(out, "| 09:42 | Break |") || !strings.Contains(out, "| 09:57 | **Total** |") {
		t.Errorf("export without clock times:\n%s", out)
	}
	for _, bad := range []string{"25:00", "9:3", "half tien"} {
		if _, errOut, code := ta.exec(t, "run", "break", "--start", bad); code == 0 || !strings.Contains(errOut, "09:30") {
			t.Errorf("--start %s: %d %s", bad, code, errOut)
		}
	}
}
