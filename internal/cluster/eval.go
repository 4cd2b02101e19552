package cluster

import (
	"math"
	"sort"
)

// Scores compares a predicted clustering with reference labels.
type Scores struct {
	ARI      float64 // adjusted Rand index
	NMI      float64 // normalised mutual information, arithmetic mean normalisation
	ACC      float64 // accuracy under the best one-to-one cluster-to-label mapping
	V        float64 // V-measure (harmonic mean of homogeneity and completeness)
	Purity   float64
	Clusters int // number of predicted clusters
	Labels   int // number of reference labels
}

// contingency counts how many items carry each (label, cluster) pair.
type contingency struct {
	table [][]float64 // [label][cluster]
	rows  []float64
	cols  []float64
	n     float64
}

func newContingency(labels []string, pred []int) contingency {
	lid := map[string]int{}
	var lnames []string
	for _, l := range labels {
		if _, ok := lid[l]; !ok {
			lid[l] = len(lnames)
			lnames = append(lnames, l)
		}
	}
	cid := map[int]int{}
	for _, p := range pred {
		if _, ok := cid[p]; !ok {
			cid[p] = len(cid)
		}
	}
	c := contingency{table: make([][]float64, len(lnames)), rows: make([]float64, len(lnames)), cols: make([]float64, len(cid)), n: float64(len(labels))}
	for i := range c.table {
		c.table[i] = make([]float64, len(cid))
	}
	for i, l := range labels {
		r, k := lid[l], cid[pred[i]]
		c.table[r][k]++
		c.rows[r]++
		c.cols[k]++
	}
	return c
}

// Evaluate scores pred (one cluster number per item) against labels (one
// reference label per item). Both must have the same length.
func Evaluate(labels []string, pred []int) Scores {
	if len(labels) != len(pred) {
		panic("cluster.Evaluate: labels and predictions differ in length")
	}
	c := newContingency(labels, pred)
	s := Scores{Clusters: len(c.cols), Labels: len(c.rows)}
	if c.n == 0 {
		return s
	}
	s.ARI = c.ari()
	hc, hk := entropy(c.rows, c.n), entropy(c.cols, c.n)
	mi := c.mutualInfo()
	switch {
	case hc == 0 && hk == 0:
		s.NMI = 1
	case hc+hk > 0:
		s.NMI = mi / ((hc + hk) / 2)
	}
	homo, comp := 1.0, 1.0
	if hc > 0 {
		homo = mi / hc
	}
	if hk > 0 {
		comp = mi / hk
	}
	if homo+comp > 0 {
		s.V = 2 * homo * comp / (homo + comp)
	}
	var pur float64
	for k := range c.cols {
		var best float64
		for r := range c.rows {
			best = math.Max(best, c.table[r][k])
		}
		pur += best
	}
	s.Purity = pur / c.n
	s.ACC = c.bestMatch() / c.n
	return s
}

func comb2(x float64) float64 { return x * (x - 1) / 2 }

func (c contingency) ari() float64 {
	var sumIJ, sumA, sumB float64
	for r := range c.rows {
		for k := range c.cols {
			sumIJ += comb2(c.table[r][k])
		}
		sumA += comb2(c.rows[r])
	}
	for k := range c.cols {
		sumB += comb2(c.cols[k])
	}
	expected := sumA * sumB / comb2(c.n)
	maxIdx := (sumA + sumB) / 2
	if maxIdx == expected {
		// Both partitions trivial (all in one cluster, or all singletons)
		// and identical in structure: scikit-learn returns 1.
		return 1
	}
	return (sumIJ - expected) / (maxIdx - expected)
}

func entropy(counts []float64, n float64) float64 {
	var h float64
	for _, x := range counts {
		if x > 0 {
			p := x / n
			h -= p * math.Log(p)
		}
	}
	return h
}

func (c contingency) mutualInfo() float64 {
	var mi float64
	for r := range c.rows {
		for k := range c.cols {
			x := c.table[r][k]
			if x > 0 {
				mi += x / c.n * math.Log(x*c.n/(c.rows[r]*c.cols[k]))
			}
		}
	}
	return math.Max(mi, 0)
}

// bestMatch is the number of items on the diagonal under the best one-to-one
// mapping of clusters to labels.
func (c contingency) bestMatch() float64 {
	nr, nc := len(c.rows), len(c.cols)
	size := max(nr, nc)
	cost := make([][]float64, size)
	for r := range cost {
		cost[r] = make([]float64, size)
		for k := range cost[r] {
			if r < nr && k < nc {
				cost[r][k] = -c.table[r][k]
			}
		}
	}
	assign := Hungarian(cost)
	var total float64
	for r, k := range assign {
		if r < nr && k < nc {
			total += c.table[r][k]
		}
	}
	return total
}

// Hungarian solves the assignment problem on a square cost matrix: it
// returns for each row the column assigned to it so that the total cost is
// minimal (Kuhn–Munkres with potentials, O(n³)).
func Hungarian(cost [][]float64) []int {
	n := len(cost)
	if n == 0 {
		return nil
	}
	inf := math.Inf(1)
	u := make([]float64, n+1)
	v := make([]float64, n+1)
	p := make([]int, n+1) // p[col] = row matched to col (1-based), 0 = none
	way := make([]int, n+1)
	for i := 1; i <= n; i++ {
		p[0] = i
		j0 := 0
		minv := make([]float64, n+1)
		used := make([]bool, n+1)
		for j := range minv {
			minv[j] = inf
		}
		for {
			used[j0] = true
			i0, delta, j1 := p[j0], inf, 0
			for j := 1; j <= n; j++ {
				if used[j] {
					continue
				}
				cur := cost[i0-1][j-1] - u[i0] - v[j]
				if cur < minv[j] {
					minv[j], way[j] = cur, j0
				}
				if minv[j] < delta {
					delta, j1 = minv[j], j
				}
			}
			for j := 0; j <= n; j++ {
				if used[j] {
					u[p[j]] += delta
					v[j] -= delta
				} else {
					minv[j] -= delta
				}
			}
			j0 = j1
			if p[j0] == 0 {
				break
			}
		}
		for j0 != 0 {
			j1 := way[j0]
			p[j0] = p[j1]
			j0 = j1
		}
	}
	res := make([]int, n)
	for j := 1; j <= n; j++ {
		if p[j] > 0 {
			res[p[j]-1] = j - 1
		}
	}
	return res
}

// sortedKeys returns the keys of m in increasing order.
func sortedKeys[V any](m map[string]V) []string {
	k := make([]string, 0, len(m))
	for s := range m {
		k = append(k, s)
	}
	sort.Strings(k)
	return k
}
