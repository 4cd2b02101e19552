package cluster

import (
	"runtime"
	"slices"
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
//
// Each pair of notes is scored once, from its lower-numbered note: the sum
// runs over the shared features in the same order from either end, so it is
// the same number both would find. Both ends keep the pair in a bounded heap
// of their best candidates; every worker has its own heaps, merged at the
// end under one total order (similarity, then index), so the result does not
// depend on the number of workers.
func knn(c *corpus, k int, minSim float64) [][]neighbour {
	n := len(c.vecs)
	maxDF := int32(n)
	if n > 3000 {
		maxDF = int32(max(300, n/40))
	}
	exact := maxDF < int32(n)
	limit := k
	if exact {
		limit = 4 * k
	}
	type posting struct {
		doc int32
		w   float32
	}
	// Postings of feature f are post[start[f]:start[f+1]], in note order;
	// next[e] is where the postings after note i begin for the e-th entry
	// of all vectors (base[i] is note i's first entry).
	nf := len(c.df)
	on := make([]bool, nf)
	for id := range on {
		on[id] = indexed(c, int32(id), maxDF, n)
	}
	start := make([]int32, nf+1)
	base := make([]int, n+1)
	for i, v := range c.vecs {
		base[i+1] = base[i] + len(v.idx)
		for _, id := range v.idx {
			if on[id] {
				start[id+1]++
			}
		}
	}
	for f := range nf {
		start[f+1] += start[f]
	}
	post := make([]posting, start[nf])
	next := make([]int32, base[n])
	fill := slices.Clone(start[:nf])
	for i, v := range c.vecs {
		for j, id := range v.idx {
			if on[id] {
				post[fill[id]] = posting{int32(i), v.val[j]}
				fill[id]++
				next[base[i]+j] = fill[id]
			}
		}
	}
	workers := min(runtime.GOMAXPROCS(0), max(1, n/500))
	heaps := make([]candHeaps, workers)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			h := newCandHeaps(n, limit)
			acc := make([]float32, n)
			// hit[b] marks notes 64b..64b+63 as met, so that only those
			// stretches of acc are read back.
			hit := make([]bool, (n+63)/64)
			for i := w; i < n; i += workers {
				v := c.vecs[i]
				for j, id := range v.idx {
					if !on[id] {
						continue
					}
					q := v.val[j]
					for _, p := range post[next[base[i]+j]:start[id+1]] {
						acc[p.doc] += q * p.w
						hit[p.doc>>6] = true
					}
				}
				for b := (i + 1) >> 6; b < len(hit); b++ {
					if !hit[b] {
						continue
					}
					hit[b] = false
					lo := max(i+1, b<<6)
					seg := acc[lo:min(n, b<<6+64)]
					for x, s := range seg {
						// s is 0 for notes not met, or met only through
						// features of weight 0.
						if s > 0 && (exact || float64(s) >= minSim) {
							h.push(i, neighbour{int32(lo + x), s})
							h.push(lo+x, neighbour{int32(i), s})
						}
					}
					clear(seg)
				}
			}
			heaps[w] = h
		}()
	}
	wg.Wait()
	out := make([][]neighbour, n)
	parallel(n, func(lo, hi int) {
		var cands []neighbour
		for i := lo; i < hi; i++ {
			cands = cands[:0]
			for _, h := range heaps {
				cands = append(cands, h.of(i)...)
			}
			cands = topK(cands, limit)
			if exact {
				for x := range cands {
					cands[x].sim = float32(c.vecs[i].dot(c.vecs[cands[x].j]))
				}
				cands = topK(cands, k)
			}
			var res []neighbour
			for _, cd := range cands {
				if float64(cd.sim) >= minSim {
					res = append(res, cd)
				}
			}
			out[i] = res
		}
	})
	return out
}

// candHeaps holds for every note a min-heap (worst on top) of at most size
// candidates, all in one array.
type candHeaps struct {
	size  int
	count []int32 // candidates held per note
	h     []neighbour
}

func newCandHeaps(n, size int) candHeaps {
	return candHeaps{size: size, count: make([]int32, n), h: make([]neighbour, n*size)}
}

// of returns the candidates held for note i, in heap order.
func (c candHeaps) of(i int) []neighbour {
	return c.h[i*c.size : i*c.size+int(c.count[i])]
}

// better is the order of candidates: more similar first, ties to the lower
// index so the order does not depend on when candidates were found.
func better(a, b neighbour) bool {
	if a.sim != b.sim {
		return a.sim > b.sim
	}
	return a.j < b.j
}

// push offers x as a candidate of note i.
func (c candHeaps) push(i int, x neighbour) {
	if c.size == 0 {
		return
	}
	h := c.h[i*c.size : (i+1)*c.size]
	l := int(c.count[i])
	if l < c.size {
		h[l] = x
		c.count[i]++
		for p := l; p > 0; {
			up := (p - 1) / 2
			if !better(h[up], h[p]) {
				break
			}
			h[up], h[p] = h[p], h[up]
			p = up
		}
		return
	}
	if !better(x, h[0]) {
		return
	}
	h[0] = x
	for p := 0; ; {
		w := 2*p + 1
		if w >= l {
			return
		}
		if r := w + 1; r < l && better(h[w], h[r]) {
			w = r
		}
		if !better(h[p], h[w]) {
			return
		}
		h[p], h[w] = h[w], h[p]
		p = w
	}
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
// graph; an edge found from both ends is added once, where it is first met
// (from the lower end when both list it), with the larger weight.
func symmetrize(nb [][]neighbour) *wgraph {
	n := len(nb)
	lists := func(a int, b int32) (float32, bool) {
		for _, e := range nb[a] {
			if e.j == b {
				return e.sim, true
			}
		}
		return 0, false
	}
	g := &wgraph{adj: make([][]neighbour, n), self: make([]float64, n)}
	for i, l := range nb {
		for _, e := range l {
			s := e.sim
			if other, ok := lists(int(e.j), int32(i)); ok {
				if int(e.j) < i {
					continue // added from the other end
				}
				s = max(s, other)
			}
			a, b := min(int32(i), e.j), max(int32(i), e.j)
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
