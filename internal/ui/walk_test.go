package ui

import (
	"errors"
	"flag"
	"fmt"
	"math/rand"
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
				case r == 0:
					sz := sizes[rng.Intn(len(sizes))]
					w, hh = sz[0], sz[1]
					h.size(w, hh)
				case r == 1:
					h.advance(time.Duration(rng.Intn(90)) * time.Second)
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
	for _, n := range h.m.run.notes {
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
				case r == 0:
					sz := sizes[rng.Intn(len(sizes))]
					w, hh = sz[0], sz[1]
					h.size(w, hh)
				case r == 1:
					h.advance(time.Duration(rng.Intn(120)) * time.Second)
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
					h.st.mu.Lock()
					h.st.fail = failures[rng.Intn(len(failures))]
					h.st.mu.Unlock()
				case r < 3:
					h.st.mu.Lock()
					h.st.fail = nil
					h.st.mu.Unlock()
				case r < 6:
					h.typeText(irritations[rng.Intn(len(irritations))])
				default:
					h.key(walkKeys[rng.Intn(len(walkKeys))])
				}
				checkFits(t, h, 100, 30, step)
			}
			h.st.mu.Lock()
			h.st.fail = nil
			h.st.mu.Unlock()
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
					h.st.mu.Lock()
					h.st.fail = errors.New("write liberate.db: no space left on device")
					h.st.mu.Unlock()
				case r < 3:
					h.st.mu.Lock()
					h.st.fail = nil
					h.st.mu.Unlock()
				default:
					k := boardKeys[rng.Intn(len(boardKeys))]
					if k == "esc" && h.board().mode == boardList {
						continue
					}
					h.key(k)
				}
				if h.m.screen != screenBoard {
					h.key("h")
				}
				if m := h.board().mode; m == boardCards || m == boardCountdown {
					h.board().mode = boardList
				}
				checkPartition(t, h)
			}
			h.st.mu.Lock()
			h.st.fail = nil
			h.st.mu.Unlock()
			for h.board().mode != boardList {
				h.key("esc")
			}
			h.key("s") // one more change, saved with the disk back
			checkStored(t, h)
			checkNotesStored(t, h)
		})
	}
}
