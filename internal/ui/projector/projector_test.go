package projector

import (
	"context"
	"errors"
	"os"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"liberate/internal/i18n"
	"liberate/internal/timer"
	"liberate/internal/ui/room"
)

func TestMain(m *testing.M) {
	time.Local = time.UTC
	os.Unsetenv("NO_COLOR")
	os.Exit(m.Run())
}

var t0 = time.Date(2026, 11, 22, 9, 0, 0, 0, time.UTC)

// scripted is a feed that hands on prepared states, then reports it ended.
type scripted struct{ states []State }

func (s *scripted) Next(ctx context.Context) (State, error) {
	if err := ctx.Err(); err != nil {
		return State{}, err
	}
	if len(s.states) == 0 {
		return State{}, errors.New("closed")
	}
	st := s.states[0]
	s.states = s.states[1:]
	return st, nil
}

func snap(bell uint64) room.Snapshot {
	s := room.Snapshot{Session: "s1", Lang: "en", Timed: true, Structure: "1-2-4-All", Step: "Step 2/4", Config: "PAIRS",
		Invitation: "What slows you down every day?", Bell: bell}
	s.Timer = timer.New(2*time.Minute, 1)
	s.Timer.Start(t0)
	return s
}

func newTest(lang string, clock *timer.FakeClock) *Model {
	m := New(Options{Catalog: i18n.For(lang), Theme: "dark", Clock: clock, Where: "/tmp/s9.db",
		Ticker: func(time.Duration) tea.Cmd { return nil }})
	m.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	return m
}

func screen(m *Model) string { return ansi.Strip(m.View().Content) }

func TestAProjectorStartedFirstWaitsForLiberate(t *testing.T) {
	for _, lang := range []string{"en", "nl"} {
		clock := &timer.FakeClock{T: t0}
		m := newTest(lang, clock)
		got := screen(m)
		if !strings.Contains(got, i18n.For(lang).Live.Waiting[:10]) || !strings.Contains(got, "/tmp/s9.db") {
			t.Fatalf("%s: no waiting screen:\n%s", lang, got)
		}
		if lines := strings.Count(got, "\n") + 1; lines != 30 {
			t.Fatalf("%s: %d lines", lang, lines)
		}
	}
}

func TestTheCountdownRunsFromTheDeadlineWithoutTraffic(t *testing.T) {
	clock := &timer.FakeClock{T: t0}
	m := newTest("en", clock)
	m.Apply(State{Connected: true, Snapshot: snap(1)})
	clock.Advance(30 * time.Second)
	m.Update(tickMsg(clock.Now()))
	if got := screen(m); !strings.Contains(m.View().WindowTitle, "1:30") || !strings.Contains(got, "PAIRS") {
		t.Fatalf("after 30 s the title says %q:\n%s", m.View().WindowTitle, got)
	}
	clock.Advance(2 * time.Minute)
	m.Update(tickMsg(clock.Now()))
	if got := screen(m); !strings.Contains(got, "OVERTIME +0:30") {
		t.Fatalf("no overtime from the deadline alone:\n%s", got)
	}
	if m.Frames() != 1 {
		t.Fatalf("%d states for one snapshot", m.Frames())
	}
}

func TestTheBellRingsWhenItsNumberMovesAndNotOnAReconnect(t *testing.T) {
	clock := &timer.FakeClock{T: t0}
	m := newTest("en", clock)
	if cmd := m.Apply(State{Connected: true, Snapshot: snap(4)}); cmd != nil || m.Rings() != 0 {
		t.Fatalf("the first snapshot rang")
	}
	s := snap(5)
	s.Flash, s.FlashUntil = "Pairs", t0.Add(1500*time.Millisecond)
	if cmd := m.Apply(State{Connected: true, Snapshot: s}); cmd == nil || m.Rings() != 1 {
		t.Fatalf("a moved bell number did not ring")
	}
	if got := screen(m); !strings.Contains(got, "🔔 Pairs") {
		t.Fatalf("no flash:\n%s", got)
	}
	m.Apply(State{Connected: true, Snapshot: s})
	if m.Rings() != 1 {
		t.Fatalf("the same number rang again")
	}
	m.Apply(State{})
	if got := screen(m); !strings.Contains(got, i18n.For("en").Console.Lost) {
		t.Fatalf("a lost liberate is not said:\n%s", got)
	}
	// A resumed liberate counts from zero again: no ring on reconnect, and
	// the next bell rings.
	m.Apply(State{Connected: true, Snapshot: snap(0)})
	m.Apply(State{Connected: true, Snapshot: snap(1)})
	if m.Rings() != 2 {
		t.Fatalf("rings after a reconnect: %d, want 2", m.Rings())
	}
	muted := snap(2)
	muted.Silent = true
	if cmd := m.Apply(State{Connected: true, Snapshot: muted}); cmd != nil {
		t.Fatalf("a muted bell rang")
	}
	other := snap(9)
	other.Session = "s2"
	if cmd := m.Apply(State{Connected: true, Snapshot: other}); cmd != nil {
		t.Fatalf("a change of session rang")
	}
}

func TestKeysChangeNothingButQuit(t *testing.T) {
	clock := &timer.FakeClock{T: t0}
	feed := &scripted{states: []State{{Connected: true, Snapshot: snap(1)}, {Connected: true, Snapshot: snap(2)}}}
	m := New(Options{Feed: feed, Catalog: i18n.For("en"), Clock: clock, Ticker: func(time.Duration) tea.Cmd { return nil }})
	m.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	m.Update(m.next()())
	before := screen(m)
	for _, k := range []tea.KeyPressMsg{{Code: tea.KeySpace, Text: " "}, {Code: tea.KeyPgDown}, {Code: 'b', Text: "b"}, {Code: tea.KeyEnter}} {
		if _, c := m.Update(k); c != nil {
			t.Fatalf("%v did something", k)
		}
	}
	if screen(m) != before {
		t.Fatalf("keys changed the screen")
	}
	if _, c := m.Update(tea.KeyPressMsg{Code: 'q', Text: "q"}); c == nil {
		t.Fatalf("q does not quit")
	}
	if _, err := feed.Next(m.ctx); !errors.Is(err, context.Canceled) {
		t.Fatalf("the feed goes on after q (%v)", err)
	}
}
