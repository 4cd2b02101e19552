package cluster

import (
	"math/rand/v2"
	"slices"
	"testing"
)

func TestKthLargestMatchesSorting(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for trial := 0; trial < 200; trial++ {
		n := 1 + r.IntN(300)
		ws := make([]float64, n)
		for i := range ws {
			ws[i] = float64(r.IntN(20)) // many ties
		}
		k := 1 + r.IntN(n)
		s := slices.Clone(ws)
		slices.Sort(s)
		if got := kthLargest(ws, k); got != s[n-k] {
			t.Fatalf("n=%d k=%d: got %v, want %v", n, k, got, s[n-k])
		}
	}
}
