package phone

import "math/rand/v2"

// Rounds is the number of scoring rounds of 25/10 Crowd Sourcing: every
// card is scored five times, so the best total is 25.
const Rounds = 5

// Allocation says which card each phone scores in each round of 25/10.
// Cards and phones are indexes into the list given to Allocate: phone i
// wrote card i.
type Allocation struct {
	// Cards[phone][round] is the card that phone scores in that round
	// (0-based); a phone has fewer than Rounds cards when the room is
	// smaller than Rounds+1 phones.
	Cards [][]int
}

// Allocate hands out the cards of n phones (phone i wrote card i) for the
// scoring rounds, the way a room passes paper cards on: phones sit in a
// random circle, and in round r every phone scores the card of the phone r
// places further on. So no phone ever scores its own card or one card
// twice, every round hands out every card exactly once, and every card is
// scored min(Rounds, n-1) times, the most the room allows.
func Allocate(n int, rng *rand.Rand) Allocation {
	a := Allocation{Cards: make([][]int, n)}
	if n < 2 {
		for i := range a.Cards {
			a.Cards[i] = []int{}
		}
		return a
	}
	circle := rng.Perm(n) // circle[k] is the phone sitting at place k
	rounds := min(Rounds, n-1)
	for k, p := range circle {
		cards := make([]int, rounds)
		for r := range rounds {
			cards[r] = circle[(k+1+r)%n]
		}
		a.Cards[p] = cards
	}
	return a
}

// TimesScored returns how many phones score each card.
func (a Allocation) TimesScored() []int {
	out := make([]int, len(a.Cards))
	for _, cards := range a.Cards {
		for _, c := range cards {
			out[c]++
		}
	}
	return out
}
