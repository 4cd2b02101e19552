package phone

import (
	"math/rand/v2"
	"slices"
	"testing"
)

func TestAllocateNeverHandsAPhoneItsOwnCardOrOneCardTwice(t *testing.T) {
	for n := 0; n <= 61; n++ {
		for seed := range uint64(5) {
			a := Allocate(n, rand.New(rand.NewPCG(seed, uint64(n))))
			if len(a.Cards) != n {
				t.Fatalf("n=%d: %d phones allocated", n, len(a.Cards))
			}
			want := min(Rounds, max(n-1, 0))
			for p, cards := range a.Cards {
				if len(cards) != want {
					t.Fatalf("n=%d phone %d scores %d cards, want %d", n, p, len(cards), want)
				}
				seen := map[int]bool{}
				for _, c := range cards {
					if c == p {
						t.Fatalf("n=%d: phone %d scores its own card", n, p)
					}
					if c < 0 || c >= n {
						t.Fatalf("n=%d: phone %d handed card %d", n, p, c)
					}
					if seen[c] {
						t.Fatalf("n=%d: phone %d scores card %d twice", n, p, c)
					}
					seen[c] = true
				}
			}
			for c, times := range a.TimesScored() {
				if times != want {
					t.Fatalf("n=%d: card %d scored %d times, want %d", n, c, times, want)
				}
			}
		}
	}
}

func TestAllocateHandsOutEveryCardOnceInEachRound(t *testing.T) {
	n := 23
	a := Allocate(n, rand.New(rand.NewPCG(7, 7)))
	for r := range Rounds {
		var round []int
		for _, cards := range a.Cards {
			round = append(round, cards[r])
		}
		slices.Sort(round)
		for i, c := range round {
			if c != i {
				t.Fatalf("round %d hands out %v, not every card once", r+1, round)
			}
		}
	}
}

func TestAllocateIsRandom(t *testing.T) {
	a := Allocate(30, rand.New(rand.NewPCG(1, 2)))
	b := Allocate(30, rand.New(rand.NewPCG(3, 4)))
	if slices.EqualFunc(a.Cards, b.Cards, slices.Equal[[]int]) {
		t.Fatal("two seeds gave the same allocation")
	}
	// Neighbours in the circle are not neighbours in the list.
	same := 0
	for p, cards := range a.Cards {
		if cards[0] == (p+1)%30 {
			same++
		}
	}
	if same > 5 {
		t.Fatalf("%d phones score the next phone's card: the circle is not shuffled", same)
	}
}
