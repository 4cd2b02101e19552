package ui

import (
	"errors"
	"flag"
	"fmt"
	"liberate/internal/ui/board"
	"math/rand"
	"reflect"
	"slices"
	"testing"
	"time"
)

// walkSeeds is how many random walks each walk test takes; more find more:
// go test ./internal/ui/ -run RandomWalks -walk.seeds 500
var walkSeeds = flag.Int("walk.seeds", 16, "random walks per walk test")

// walkKeys is every key a facilitator (or a cat on the keyboard) can press
// on any screen, letters and digits included, without q and ctrl+c, which
// end the program.
var walkKeys = []string{
	"space", "enter", "esc", "tab", "pgdown", "pgup", "right", "left", "up", "down",
	"ctrl+z", "ctrl+y", "backspace", "+", "-", "?", ".", "[", "]", "|", ":",
	"a", "b", "c", "d", "e", "f", "g", "h", "j", "k", "m", "n", "p", "r", "s", "u", "x", "y", "z",
	"K", "J", "M", "0", "1", "2", "3", "5", "7", "9",
}

// TestRandomWalksThroughEveryScreenNeverLoseANote presses random keys
// across the run screen, capture line, agenda, board, focus view, cards and
// countdown, with time passing and the window changing size. After every
// key the screen fits the window; at the end every note the screen knows
// is in the store exactly as shown, and nothing the store holds is missing
// from the screen.
func TestRandomWalksThroughEveryScreenNeverLoseANote(t *testing.T) {
	sizes := [][2]int{{80, 24}, {100, 30}, {200, 60}, {40, 12}, {20, 6}, {120, 40}}
	for seed := int64(1); seed <= int64(*walkSeeds); seed++ {
		t.Run(fmt.Sprint(seed), func(t *testing.T) {
			rng := rand.New(rand.NewSource(seed))
			h := newHarness(t, "en", testPlan())
			if seed%2 == 0 {
				h = newHarness(t, "nl", testPlan())
			}
			w, hh := 100, 30
			for step := 0; step < 400; step++ {
				switch r := rng.Intn(20); {
				case r < 2:
					w, hh = resizeOrWait(h, rng, r, sizes, w, hh)
				case r < 4:
					h.typeText(irritations[rng.Intn(len(irritations))])
				default:
					h.key(walkKeys[rng.Intn(len(walkKeys))])
				}
				checkFits(t, h, w, hh, step) // step numbers the key, not a board mode
			}
			checkNotesStored(t, h)
		})
	}
}

func checkNotesStored(t *testing.T, h *harness) {
	t.Helper()
	h.st.mu.Lock()
	defer h.st.mu.Unlock()
	var ids []uint64
	for _, n := range h.m.run.Notes {
		ids = append(ids, n.ID)
		sn, ok := h.st.notes[n.ID]
		if !ok {
			t.Fatalf("note %q on screen is not in the store", n.Text)
		}
		if sn.Text != n.Text || sn.Deleted != n.Deleted || sn.Kind != n.Kind {
			t.Fatalf("stored note %q/%v/%s differs from the screen's %q/%v/%s", sn.Text, sn.Deleted, sn.Kind, n.Text, n.Deleted, n.Kind)
		}
	}
	for id, n := range h.st.notes {
		if !slices.Contains(ids, id) {
			t.Fatalf("stored note %q is missing from the screen", n.Text)
		}
	}
}

// TestRandomWalksFromTheHomeScreenFitEveryWindow starts at the home screen
// and lets random keys filter, start and open sessions, go to their boards
// and agendas and back home, at changing window sizes.
func TestRandomWalksFromTheHomeScreenFitEveryWindow(t *testing.T) {
	keys := append([]string{"q", "tab", "enter", "b", "e", "t", "r", "i", "1"}, walkKeys...)
	sizes := [][2]int{{80, 24}, {100, 30}, {200, 60}, {40, 12}, {120, 40}, {30, 8}}
	for seed := int64(1); seed <= int64(*walkSeeds)/2; seed++ {
		t.Run(fmt.Sprint(seed), func(t *testing.T) {
			rng := rand.New(rand.NewSource(seed))
			h := newHomeHarness(t, []string{"en", "nl"}[seed%2], twoSessions(t, testLibrary(t)))
			w, hh := 80, 24
			for step := 0; step < 400; step++ {
				k := keys[rng.Intn(len(keys))]
				if k == "q" && h.m.screen == screenHome {
					continue // quitting ends the walk; tested elsewhere
				}
				switch r := rng.Intn(25); {
				case r < 2:
					w, hh = resizeOrWait(h, rng, r, sizes, w, hh)
				default:
					h.key(k)
				}
				if h.m.quitting {
					t.Fatalf("step %d: key %q quit from screen %v", step, k, h.m.screen)
				}
				checkFits(t, h, w, hh, step)
			}
		})
	}
}

// TestRandomWalksWithAFailingDiskShowNothingUnsavedAsSaved repeats the walk
// while the disk fails now and then (full, read-only, gone): whatever the
// screen lists as a note is in the store as shown, and the store holds
// nothing the screen does not know about.
func TestRandomWalksWithAFailingDiskShowNothingUnsavedAsSaved(t *testing.T) {
	failures := []error{
		errors.New("write liberate.db: no space left on device"),
		errors.New("open liberate.db: read-only file system"),
		errors.New("sync liberate.db: input/output error"),
	}
	for seed := int64(1); seed <= int64(*walkSeeds); seed++ {
		t.Run(fmt.Sprint(seed), func(t *testing.T) {
			rng := rand.New(rand.NewSource(seed))
			h := newHarness(t, "en", testPlan())
			for step := 0; step < 300; step++ {
				switch r := rng.Intn(20); {
				case r == 0:
					h.st.setFail(failures[rng.Intn(len(failures))])
				case r < 3:
					h.st.setFail(nil)
				case r < 6:
					h.typeText(irritations[rng.Intn(len(irritations))])
				default:
					h.key(walkKeys[rng.Intn(len(walkKeys))])
				}
				checkFits(t, h, 100, 30, step)
			}
			h.st.setFail(nil)
			checkNotesStored(t, h)
		})
	}
}

// TestBoardWalksWithAFailingDiskKeepScreenAndFileInStep does the same on
// the board: after the disk recovers and one more change is saved, the
// file holds the themes, placements and tallies the room sees.
func TestBoardWalksWithAFailingDiskKeepScreenAndFileInStep(t *testing.T) {
	for seed := int64(1); seed <= int64(*walkSeeds); seed++ {
		t.Run(fmt.Sprint(seed), func(t *testing.T) {
			rng := rand.New(rand.NewSource(seed))
			h := newBoardHarness(t, "en", irritations)
			for step := 0; step < 250; step++ {
				switch r := rng.Intn(20); {
				case r == 0:
					h.st.setFail(errors.New("write liberate.db: no space left on device"))
				case r < 3:
					h.st.setFail(nil)
				default:
					k := boardKeys[rng.Intn(len(boardKeys))]
					if k == "esc" && h.board().Mode == board.ModeList {
						continue
					}
					h.key(k)
				}
				if h.m.screen != screenBoard {
					h.key("h")
				}
				if m := h.board().Mode; m == board.ModeCards || m == board.ModeCountdown {
					h.board().Mode = board.ModeList
				}
				checkPartition(t, h)
			}
			h.st.setFail(nil)
			for h.board().Mode != board.ModeList {
				h.key("esc")
			}
			h.key("s") // one more change, saved with the disk back
			checkStored(t, h)
			checkNotesStored(t, h)
		})
	}
}

// TestCardWalksKeepTheScoresOnDisk types random 25/10 card lines (good and
// bad), scores, read-outs and countdown keys, with the disk failing now and
// then and the window changing size; the cards on disk are the cards on
// screen once the disk is back and one more card is saved.
func TestCardWalksKeepTheScoresOnDisk(t *testing.T) {
	ideas := []string{"One customer list", "Single sign-on", "Stop the Friday report", "Fewer fields", "Een vaste printerbeheerder"}
	sizes := [][2]int{{80, 24}, {100, 30}, {200, 60}, {40, 12}, {120, 40}}
	for seed := int64(1); seed <= int64(*walkSeeds); seed++ {
		t.Run(fmt.Sprint(seed), func(t *testing.T) {
			rng := rand.New(rand.NewSource(seed))
			h := newBoardHarness(t, "en", irritations[:6])
			h.key("c")
			w, hh := 100, 30
			line := func() string {
				n := rng.Intn(14)
				switch rng.Intn(5) {
				case 0:
					return fmt.Sprintf("%d %s | %s", n, ideas[rng.Intn(len(ideas))], "ask around")
				case 1, 2:
					s := fmt.Sprintf("%d:", n)
					for range rng.Intn(7) {
						s += fmt.Sprintf(" %d", rng.Intn(7))
					}
					return s
				case 3:
					return fmt.Sprintf("%d -", n)
				default:
					return ideas[rng.Intn(len(ideas))]
				}
			}
			keys := []string{"enter", "enter", "tab", "up", "down", "pgdown", "pgdown", "pgup", "esc", "c", "backspace", "home", "ctrl+z", "ctrl+y", "h"}
			for step := 0; step < 250; step++ {
				switch r := rng.Intn(20); {
				case r == 0:
					h.st.setFail(errors.New("write liberate.db: no space left on device"))
				case r < 3:
					h.st.setFail(nil)
				case r == 3:
					sz := sizes[rng.Intn(len(sizes))]
					w, hh = sz[0], sz[1]
					h.size(w, hh)
				case r < 9:
					h.typeText(line())
				default:
					h.key(keys[rng.Intn(len(keys))])
				}
				if h.m.screen != screenBoard {
					h.key("h")
				}
				if m := h.board().Mode; m != board.ModeCards && m != board.ModeCountdown {
					for i := 0; h.board().Mode != board.ModeList && i < 5; i++ {
						h.key("esc")
					}
					h.key("c")
				}
				checkFits(t, h, w, hh, step)
			}
			h.st.setFail(nil)
			for i := 0; h.board().Mode != board.ModeCards; i++ {
				if i > 20 {
					t.Fatalf("cannot get back to the card entry from mode %v", h.board().Mode)
				}
				if h.board().Mode == board.ModeList {
					h.key("c")
				} else {
					h.key("esc") // closes a read-out line, then the countdown
				}
				if h.m.screen != screenBoard {
					h.key("h")
				}
			}
			for range 80 {
				h.key("backspace")
			}
			h.typeText("99 Last card | save it")
			h.key("enter")
			h.st.mu.Lock()
			stored := h.st.sessions[h.m.run.Sess.ID]
			h.st.mu.Unlock()
			if stored == nil {
				t.Fatal("no session on disk")
			}
			t.Logf("%d cards, countdown reached %v", len(h.m.run.Sess.Cards), h.board().CountdownLevel())
			if !reflect.DeepEqual(stored.Cards, h.m.run.Sess.Cards) {
				t.Fatalf("cards on disk %+v, on screen %+v", stored.Cards, h.m.run.Sess.Cards)
			}
			for _, c := range h.m.run.Sess.Cards {
				if len(c.Scores) > 5 {
					t.Fatalf("card %d has %d scores", c.Number, len(c.Scores))
				}
				for _, s := range c.Scores {
					if s < 1 || s > 5 {
						t.Fatalf("card %d has score %d", c.Number, s)
					}
				}
			}
		})
	}
}

// setFail makes every write of the store fail with err (nil: none).
func (s *memStore) setFail(err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.fail = err
}

// resizeOrWait changes the window to a random size (r == 0) or lets up to
// two minutes pass (r == 1), and returns the window size.
func resizeOrWait(h *harness, rng *rand.Rand, r int, sizes [][2]int, w, hh int) (int, int) {
	if r == 0 {
		sz := sizes[rng.Intn(len(sizes))]
		w, hh = sz[0], sz[1]
		h.size(w, hh)
		return w, hh
	}
	h.advance(time.Duration(rng.Intn(120)) * time.Second)
	return w, hh
}
