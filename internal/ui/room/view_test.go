package room

import (
	"encoding/json"
	"fmt"
	"os"
	"reflect"
	"strings"
	"testing"
	"time"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"liberate/internal/i18n"
	"liberate/internal/timer"
	"liberate/internal/ui/bigtext"
	"liberate/internal/ui/layout"
	"liberate/internal/ui/styles"
)

func TestMain(m *testing.M) {
	time.Local = time.UTC
	os.Unsetenv("NO_COLOR")
	os.Exit(m.Run())
}

var t0 = time.Date(2026, 11, 22, 9, 0, 0, 0, time.UTC)

// sizes are the terminals the room view is checked at: a laptop's default,
// a larger window, and two full-screen beamer terminals.
var sizes = [][2]int{{80, 24}, {100, 30}, {200, 60}, {240, 67}}

// pairs is the 1-2-4-All pairs step, 2 minutes, started at t0, as the run
// screen resolves it for the room in lang.
func pairs(lang string) Snapshot {
	cat := i18n.For(lang)
	s := Snapshot{
		Session: "20261122-0900-test", Lang: lang, Timed: true,
		Structure: "1-2-4-All", Step: fmt.Sprintf(cat.Run.Step, 2, 4),
		Config:     cat.Run.Configs["pairs"],
		Groups:     fmt.Sprintf(cat.Groups.People, 23) + ": " + cat.Groups.Phrase([][2]int{{2, 10}, {3, 1}}),
		Invitation: "What slows you down every day?",
		Prompt:     "Share your ideas and build on each other's; keep the ones that grow.",
		Captured:   3, Bell: 2,
	}
	if lang == "nl" {
		s.Structure = "1-2-4-Allen"
		s.Invitation = "Wat houdt je elke dag op?"
		s.Prompt = "Deel je ideeën en bouw voort op die van de ander; houd vast wat groeit."
	}
	s.Timer = timer.New(2*time.Minute, 1)
	s.Timer.Start(t0)
	return s
}

// scenes are the kinds of step the room sees, each with the moment it is
// drawn at.
func scenes(lang string) []struct {
	name string
	snap Snapshot
	at   time.Time
} {
	cat := i18n.For(lang)
	running := pairs(lang)

	untimed := pairs(lang)
	untimed.Step = fmt.Sprintf(cat.Run.Step, 1, 4)
	untimed.Timed, untimed.Config, untimed.Groups = false, cat.Run.Configs["facilitator"], ""
	untimed.Prompt = "Explain the invitation and the steps."
	untimed.Timer = timer.New(0, 1)
	untimed.Timer.Start(t0)

	paused := pairs(lang)
	paused.Timer.Pause(t0.Add(50 * time.Second))
	paused.Paused = true

	blank := pairs(lang)
	blank.Blank = true

	flash := pairs(lang)
	flash.Flash, flash.FlashUntil = titleWords(cat.Run.Configs["pairs"]), t0.Add(1500*time.Millisecond)

	focus := pairs(lang)
	focus.Show = ShowFocus
	focus.Focus = Focus{Position: fmt.Sprintf(cat.Board.ThemeOf, 2, 5), Theme: Theme{Label: "inloggen", Votes: 8, Notes: []Note{
		{Mark: "F", Text: "I have to log in three times a day", Votes: 3},
		{Mark: "F", Text: "Wachtwoord verloopt elke maand opnieuw"},
		{Mark: "I", Text: "Password resets take a day via the helpdesk", Votes: 5},
	}}}

	themes := pairs(lang)
	themes.Show = ShowThemes
	themes.Themes = []Theme{
		{Label: "customer, twice", Votes: 8, Size: 2},
		{Label: "meeting", Votes: 4, Size: 3},
		{Label: cat.Board.Unclustered, Size: 1},
	}

	countdown := pairs(lang)
	countdown.Show = ShowCountdown
	countdown.Countdown = Countdown{Level: 23, Read: 3, Top: 10, Cards: []string{"#7  A shared login for the CRM  → ask IT on Monday  (23)"}}

	finished := pairs(lang)
	finished.Finished, finished.Total = true, 11*time.Minute+42*time.Second

	return []struct {
		name string
		snap Snapshot
		at   time.Time
	}{
		{"timed", running, t0.Add(30 * time.Second)},
		{"warning", running, t0.Add(100 * time.Second)},
		{"overtime", running, t0.Add(2*time.Minute + 42*time.Second)},
		{"untimed", untimed, t0.Add(75 * time.Second)},
		{"paused", paused, t0.Add(5 * time.Minute)},
		{"blank", blank, t0.Add(30 * time.Second)},
		{"bell", flash, t0.Add(time.Second)},
		{"focus", focus, t0.Add(30 * time.Second)},
		{"themes", themes, t0.Add(30 * time.Second)},
		{"countdown", countdown, t0.Add(30 * time.Second)},
		{"finished", finished, t0.Add(12 * time.Minute)},
	}
}

func titleWords(s string) string {
	rs := []rune(strings.ToLower(s))
	return strings.ToUpper(string(rs[:1])) + string(rs[1:])
}

func TestRoomViewGolden(t *testing.T) {
	st := styles.NewStyles(styles.ThemeDark)
	for _, lang := range []string{"en", "nl"} {
		for _, sc := range scenes(lang) {
			for _, sz := range sizes {
				t.Run(fmt.Sprintf("%s_%dx%d_%s", lang, sz[0], sz[1], sc.name), func(t *testing.T) {
					out := View(sc.snap, sz[0], sz[1], sc.at, st)
					lines := strings.Split(out, "\n")
					if len(lines) != sz[1] {
						t.Fatalf("%d lines, want %d", len(lines), sz[1])
					}
					for i, l := range lines {
						if w := ansi.StringWidth(l); w > sz[0] {
							t.Fatalf("line %d is %d cells wide, more than %d:\n%s", i, w, sz[0], ansi.Strip(l))
						}
					}
					golden.RequireEqual(t, []byte(ansi.Strip(out)))
				})
			}
		}
	}
}

func TestTheCountdownTakesAtLeastFifteenRowsOnABeamerAt200x60(t *testing.T) {
	st := styles.NewStyles(styles.ThemeDark)
	out := ansi.Strip(View(pairs("en"), 200, 60, t0.Add(30*time.Second), st))
	rows := 0
	for _, l := range strings.Split(out, "\n") {
		if strings.ContainsAny(l, "█▀▄") {
			rows++
		}
	}
	if rows < 15 {
		t.Fatalf("the digits take %d rows at 200×60:\n%s", rows, out)
	}
}

func TestStatesAreSaidInWordsNotOnlyInColour(t *testing.T) {
	st := styles.NewStyles(styles.ThemeMono)
	for _, lang := range []string{"en", "nl"} {
		cat := i18n.For(lang).Run
		for _, sc := range scenes(lang) {
			out := ansi.Strip(View(sc.snap, 100, 30, sc.at, st))
			want := map[string]string{"warning": cat.Warning, "overtime": cat.Overtime + " +0:42", "paused": cat.Paused, "untimed": cat.Untimed, "finished": cat.Finished}[sc.name]
			if want != "" && !strings.Contains(out, want) {
				t.Errorf("%s %s: %q is not on screen:\n%s", lang, sc.name, want, out)
			}
		}
	}
}

func TestTheRoomSeesNoKeyHintsOrSessionClock(t *testing.T) {
	st := styles.NewStyles(styles.ThemeDark)
	cat := i18n.For("en").Run
	s := pairs("en")
	s.Console = Console{PausedHint: cat.PausedHint, UntimedHint: cat.UntimedHint, FinishedHint: cat.FinishedHint,
		BlankHint: cat.Blank, HarvestHint: cat.HarvestHint, Muted: "🔕 " + cat.Muted, Schedule: true,
		PlannedEnd: t0.Add(12 * time.Minute), RestPlanned: 9 * time.Minute}
	for _, mod := range []func(*Snapshot){
		func(*Snapshot) {},
		func(s *Snapshot) { s.Paused = true; s.Timer.Pause(t0.Add(time.Second)) },
		func(s *Snapshot) { s.Timed = false },
		func(s *Snapshot) { s.Finished = true },
		func(s *Snapshot) { s.Blank = true },
	} {
		c := s
		mod(&c)
		console := ansi.Strip(View(c, 100, 30, t0.Add(10*time.Second), st))
		projected := ansi.Strip(View(c.ForRoom(), 100, 30, t0.Add(10*time.Second), st))
		for _, hint := range []string{cat.PausedHint, cat.UntimedHint, cat.FinishedHint, cat.Blank, cat.HarvestHint, cat.Muted, "ends 09:"} {
			if strings.Contains(projected, hint) {
				t.Errorf("the room sees %q:\n%s", hint, projected)
			}
		}
		if console == projected && !c.Blank && !c.Finished {
			t.Errorf("the console part made no difference:\n%s", console)
		}
	}
}

func TestASnapshotSurvivesJSON(t *testing.T) {
	for _, sc := range scenes("nl") {
		b, err := json.Marshal(sc.snap)
		if err != nil {
			t.Fatal(err)
		}
		var back Snapshot
		if err := json.Unmarshal(b, &back); err != nil {
			t.Fatal(err)
		}
		st := styles.NewStyles(styles.ThemeDark)
		if got, want := View(back, 100, 30, sc.at, st), View(sc.snap, 100, 30, sc.at, st); got != want {
			t.Fatalf("%s draws differently after JSON:\n%s\nwant\n%s", sc.name, ansi.Strip(got), ansi.Strip(want))
		}
		if !reflect.DeepEqual(back.ForRoom().Console, Console{}) {
			t.Fatalf("ForRoom kept the console part")
		}
	}
}

func BenchmarkRoomView(b *testing.B) {
	st := styles.NewStyles(styles.ThemeDark)
	s := pairs("en")
	for _, sz := range [][2]int{{100, 30}, {200, 60}} {
		b.Run(fmt.Sprintf("%dx%d", sz[0], sz[1]), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				_ = View(s, sz[0], sz[1], t0.Add(30*time.Second), st)
			}
		})
	}
}

func TestPaintedDigitsAreWhatLipGlossWouldDraw(t *testing.T) {
	lines := bigtext.Render("12:34", 120, 20)
	for _, th := range []styles.Theme{styles.ThemeDark, styles.ThemeLight, styles.ThemeProjector, styles.ThemeMono} {
		st := styles.NewStyles(th)
		for _, ds := range []lipgloss.Style{st.Digits, st.DigitsWarning, st.DigitsFinal, st.DigitsOvertime, st.DigitsPaused, st.DigitsUntimed} {
			got := paintDigits(lines, 140, ds)
			for i, l := range lines {
				if want := layout.Center(140, ds.Render(l)); got[i] != want {
					t.Fatalf("%s line %d:\n%q\nwant\n%q", th, i, got[i], want)
				}
			}
		}
	}
}
