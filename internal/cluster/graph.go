package cluster

import (
	"runtime"
	"sort"
	"sync"
)

// neighbour is one edge of the similarity graph.
type neighbour struct {
	j   int32
	sim float32
}

// knn finds for every note its k most similar notes with an inverted index,
// so no n×n matrix is ever built. Features present in more than maxDF notes
// (for large inputs) are left out of the candidate search: they are shared by
// so many notes that they cannot tell neighbours apart, and their postings
// would make the search quadratic. Candidates are then scored exactly.
func knn(c *corpus, k int, minSim float64) [][]neighbour {
	n := len(c.vecs)
	maxDF := int32(n)
	if n > 3000 {
		maxDF = int32(max(300, n/40))
	}
	type posting struct {
		doc int32
		w   float32
	}
	post := make([][]posting, len(c.names))
	for i, v := range c.vecs {
		for j, id := range v.idx {
			if indexed(c, id, maxDF, n) {
				post[id] = append(post[id], posting{int32(i), v.val[j]})
			}
		}
	}
	out := make([][]neighbour, n)
	workers := min(runtime.GOMAXPROCS(0), max(1, n/500))
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			acc := make([]float32, n)
			var touched []int32
			var cands []neighbour
			for i := w; i < n; i += workers {
				v := c.vecs[i]
				touched = touched[:0]
				for j, id := range v.idx {
					if !indexed(c, id, maxDF, n) {
						continue
					}
					q := v.val[j]
					for _, p := range post[id] {
						if acc[p.doc] == 0 {
							touched = append(touched, p.doc)
						}
						acc[p.doc] += q * p.w
					}
				}
				cands = cands[:0]
				for _, d := range touched {
					if int(d) != i {
						cands = append(cands, neighbour{d, acc[d]})
					}
					acc[d] = 0
				}
				exact := maxDF < int32(n)
				limit := k
				if exact {
					limit = 4 * k
				}
				cands = topK(cands, limit)
				if exact {
					for x := range cands {
						cands[x].sim = float32(v.dot(c.vecs[cands[x].j]))
					}
					cands = topK(cands, k)
				}
				res := make([]neighbour, 0, len(cands))
				for _, cd := range cands {
					if float64(cd.sim) >= minSim {
						res = append(res, cd)
					}
				}
				out[i] = res
			}
		}(w)
	}
	wg.Wait()
	return out
}

// indexed reports whether feature id takes part in the candidate search.
// Beyond a few thousand notes the character n-grams are left out: there are
// many per note and they are shared widely; they still count when the
// candidates are scored exactly.
func indexed(c *corpus, id int32, maxDF int32, n int) bool {
	if c.df[id] > maxDF {
		return false
	}
	return n <= 3000 || c.block[id] != blockGram
}

// topK keeps the k most similar candidates, ties broken by index so the
// result does not depend on the order candidates were found in.
func topK(c []neighbour, k int) []neighbour {
	better := func(a, b neighbour) bool {
		if a.sim != b.sim {
			return a.sim > b.sim
		}
		return a.j < b.j
	}
	if len(c) > k {
		// Keep the best k in a min-heap (worst on top), then sort them.
		h := c[:0:0]
		if k > 0 {
			h = make([]neighbour, 0, k)
		}
		down := func(i int) {
			for {
				l := 2*i + 1
				if l >= len(h) {
					return
				}
				w := l
				if r := l + 1; r < len(h) && better(h[l], h[r]) {
					w = r
				}
				if !better(h[i], h[w]) {
					return
				}
				h[i], h[w] = h[w], h[i]
				i = w
			}
		}
		for _, x := range c {
			if len(h) < k {
				h = append(h, x)
				for i := len(h) - 1; i > 0; {
					p := (i - 1) / 2
					if !better(h[p], h[i]) {
						break
					}
					h[p], h[i] = h[i], h[p]
					i = p
				}
				continue
			}
			if k > 0 && better(x, h[0]) {
				h[0] = x
				down(0)
			}
		}
		c = append(c[:0], h...)
	}
	sort.Slice(c, func(a, b int) bool { return better(c[a], c[b]) })
	return c
}

// wgraph is an undirected weighted graph in adjacency lists.
type wgraph struct {
	adj  [][]neighbour
	self []float64 // weight of self loops (aggregated nodes)
}

// symmetrize turns the directed k-nearest-neighbour lists into an undirected
// graph; an edge found from both ends keeps its weight once.
func symmetrize(nb [][]neighbour) *wgraph {
	n := len(nb)
	type key struct{ a, b int32 }
	w := map[key]float32{}
	for i, l := range nb {
		for _, e := range l {
			a, b := int32(i), e.j
			if a > b {
				a, b = b, a
			}
			if e.sim > w[key{a, b}] {
				w[key{a, b}] = e.sim
			}
		}
	}
	g := &wgraph{adj: make([][]neighbour, n), self: make([]float64, n)}
	for i, l := range nb {
		for _, e := range l {
			a, b := int32(i), e.j
			if a > b {
				a, b = b, a
			}
			s, ok := w[key{a, b}]
			if !ok {
				continue
			}
			delete(w, key{a, b})
			g.adj[a] = append(g.adj[a], neighbour{b, s})
			g.adj[b] = append(g.adj[b], neighbour{a, s})
		}
	}
	return g
}

// louvain finds communities that maximise modularity at the given
// resolution: the number of communities follows from the graph, not from a
// parameter. fixed[i] >= 0 pins node i to a community shared with every node
// of the same fixed value; pinned groups never merge with each other. Nodes
// are visited in index order, so the result is deterministic.
func louvain(g *wgraph, resolution float64, fixed []int) []int {
	n := len(g.adj)
	member := make([]int, n) // original node → current aggregated node
	for i := range member {
		member[i] = i
	}
	// Pinned notes start merged into one node per hand-made group.
	label := make([]int, n) // current node → fixed group or -1
	if fixed != nil {
		first := map[int]int{}
		for i := 0; i < n; i++ {
			if fixed[i] < 0 {
				continue
			}
			if f, ok := first[fixed[i]]; ok {
				member[i] = f
			} else {
				first[fixed[i]] = i
			}
		}
		member, g, label = aggregate(g, member, fixed)
	} else {
		for i := range label {
			label[i] = -1
		}
	}
	for level := 0; level < 20; level++ {
		comm, moved := localMove(g, resolution, label)
		if !moved {
			break
		}
		ren, g2, lbl2 := aggregate(g, comm, label)
		for i := range member {
			member[i] = ren[member[i]]
		}
		g, label = g2, lbl2
	}
	return member
}

// aggregate collapses nodes with the same community into one node each,
// numbered in order of first appearance; it returns the renumbered mapping,
// the collapsed graph and each new node's fixed group.
func aggregate(g *wgraph, comm []int, label []int) ([]int, *wgraph, []int) {
	n := len(g.adj)
	renum := map[int]int{}
	out := make([]int, len(comm))
	for i, c := range comm {
		r, ok := renum[c]
		if !ok {
			r = len(renum)
			renum[c] = r
		}
		out[i] = r
	}
	m := len(renum)
	h := &wgraph{adj: make([][]neighbour, m), self: make([]float64, m)}
	lbl := make([]int, m)
	for i := range lbl {
		lbl[i] = -1
	}
	acc := make([]float64, m)
	var touched []int
	// Nodes of each new community.
	groups := make([][]int, m)
	for i := 0; i < n; i++ {
		groups[out[i]] = append(groups[out[i]], i)
		if label != nil && label[i] >= 0 {
			lbl[out[i]] = label[i]
		}
	}
	for c := 0; c < m; c++ {
		touched = touched[:0]
		for _, i := range groups[c] {
			h.self[c] += g.self[i]
			for _, e := range g.adj[i] {
				d := out[e.j]
				if d == c {
					h.self[c] += float64(e.sim) // each internal edge seen from both ends
					continue
				}
				if acc[d] == 0 {
					touched = append(touched, d)
				}
				acc[d] += float64(e.sim)
			}
		}
		sort.Ints(touched)
		for _, d := range touched {
			h.adj[c] = append(h.adj[c], neighbour{int32(d), float32(acc[d])})
			acc[d] = 0
		}
	}
	return out, h, lbl
}

// localMove is Louvain's first phase: move single nodes to the neighbouring
// community with the best modularity gain until no move helps.
func localMove(g *wgraph, res float64, label []int) ([]int, bool) {
	n := len(g.adj)
	deg := make([]float64, n)
	var m2 float64
	for i := range g.adj {
		deg[i] = g.self[i]
		for _, e := range g.adj[i] {
			deg[i] += float64(e.sim)
		}
		m2 += deg[i]
	}
	comm := make([]int, n)
	tot := make([]float64, n)
	clabel := make([]int, n) // community → fixed group or -1
	for i := range comm {
		comm[i] = i
		tot[i] = deg[i]
		clabel[i] = label[i]
	}
	if m2 == 0 {
		return comm, false
	}
	wTo := make([]float64, n)
	var touched []int
	moved := false
	for pass := 0; pass < 50; pass++ {
		changes := 0
		for i := 0; i < n; i++ {
			ci := comm[i]
			touched = touched[:0]
			for _, e := range g.adj[i] {
				d := comm[e.j]
				if wTo[d] == 0 {
					touched = append(touched, d)
				}
				wTo[d] += float64(e.sim)
			}
			// A pinned node never leaves its community.
			if label[i] >= 0 {
				for _, d := range touched {
					wTo[d] = 0
				}
				continue
			}
			tot[ci] -= deg[i]
			best, bestGain := ci, wTo[ci]-res*tot[ci]*deg[i]/m2
			for _, d := range touched {
				if d == ci {
					continue
				}
				gain := wTo[d] - res*tot[d]*deg[i]/m2
				if gain > bestGain+1e-12 {
					best, bestGain = d, gain
				}
			}
			for _, d := range touched {
				wTo[d] = 0
			}
			tot[best] += deg[i]
			if best != ci {
				// A free community that receives a pinned node would need
				// the label; nodes only carry labels when pinned and pinned
				// nodes do not move, so only this check is needed:
				if clabel[best] >= 0 && clabel[ci] >= 0 && clabel[best] != clabel[ci] {
					tot[best] -= deg[i]
					tot[ci] += deg[i]
					continue
				}
				comm[i] = best
				changes++
				moved = true
			}
		}
		if changes == 0 {
			break
		}
	}
	return comm, moved
}
