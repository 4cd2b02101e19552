// Package cluster groups short notes (Dutch, English or both) into themes
// and names each theme in the notes' own words. It finds the number of
// themes itself, keeps the facilitator's hand placements, and runs in well
// under a second for thousands of notes.
package cluster

import (
	"cmp"
	"math"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
)

// Options tune a clustering run. The zero value finds everything itself.
type Options struct {
	// K forces the number of groups; 0 lets the notes decide.
	K int
	// Fixed pins notes (by index into the texts) to a group placed by hand.
	// Pinned notes stay in that group, pull similar notes in, and the group
	// keeps its id.
	Fixed map[int]string
	// Lang is the session's language ("nl" or "en"): theme labels use its
	// notes' words first. "" takes the language of most notes.
	Lang string
}

// Group is one theme.
type Group struct {
	// ID is stable: the hand-given id for groups with pinned notes, else a
	// slug of the label made unique within the result.
	ID string
	// Label names the theme in the notes' own words.
	Label string
	// Terms are the words and concepts the members share, strongest first.
	Terms []string
	// Members are indexes into the texts, in increasing order.
	Members []int
	// Why names what holds the group together: the terms most of its
	// notes share, strongest first (at most three; none for one note).
	Why []string
	// Pillar is the suggested pillar: whether the theme is about people,
	// process or technology, from the concepts its notes name.
	Pillar Pillar
}

// Result is a clustering of all texts.
type Result struct {
	// Groups are ordered largest first, ties by first member.
	Groups []Group
	// Assign gives for every text the index of its group in Groups.
	Assign []int
	// NoteWhy gives for every text the terms of its group it holds: why it
	// sits there. Empty when it joined on spelling or on its neighbours.
	NoteWhy [][]string
}

// Tuning, one configuration for all inputs.
var (
	neighbours  = 10   // k of the k-nearest-neighbour graph
	minEdgeSim  = 0.08 // weaker similarities are not edges
	resolution  = 4.0  // modularity resolution: over-segment, then merge
	refineSteps = 3    // spherical k-means passes after each step
	centroidCap = 400  // features kept per centroid
	mergeSim    = 0.65 // clusters whose centres are this similar merge
	minSizeDiv  = 5.0  // groups under √n/minSizeDiv notes are absorbed
	sampleCap   = 2000 // larger inputs are clustered on a sample of this size
	useWard     = true // --k merges by Ward's criterion, else by average linkage
	langMerge   = true // a Dutch and an English theme of one concept merge
)

// Cluster groups texts into themes. Empty input gives an empty result; every
// text ends in exactly one group; the same input always gives the same
// output.
//
// Up to sampleCap notes are clustered directly. Larger inputs are clustered
// on an evenly spread sample (plus every pinned note), whose themes then take
// in the other notes by nearest centre. The sample stands for many more
// notes, so its graph is read at a coarser resolution: a theme must be
// broader to count as one in 20,000 notes than in 2,000.
func Cluster(texts []string, opt Options) Result {
	n := len(texts)
	if n == 0 {
		return Result{}
	}
	f := foldDuplicates(texts, opt.Fixed)
	repTexts := make([]string, len(f.reps))
	repFixed := map[int]string{}
	for r, i := range f.reps {
		repTexts[r] = texts[i]
		if id, ok := opt.Fixed[i]; ok {
			repFixed[r] = id
		}
	}
	c := analyze(repTexts)
	c.weight = f.weight
	switch opt.Lang {
	case "nl":
		c.lang = langNL
	case "en":
		c.lang = langEN
	}
	fixed, fixedNames := pinned(len(repTexts), repFixed)
	assign := clusterNotes(c, fixed, len(fixedNames) > 0, opt.K)
	return buildResult(texts, c, f, assign, fixed, fixedNames)
}

// clusterNotes groups the analysed notes of c: the graph's communities,
// refined, then merged to the number of themes the notes hold (or to k).
func clusterNotes(c *corpus, fixed []int, anyFixed bool, k int) []int {
	n := len(c.vecs)
	core := sampleOf(n, sampleCap, fixed)
	sub, subFixed := c, fixed
	res := resolution
	if core != nil {
		sub = c.subset(core)
		subFixed = make([]int, len(core))
		for j, i := range core {
			subFixed[j] = fixed[i]
		}
		res = resolution * math.Sqrt(float64(len(core))/float64(n))
	}
	m := len(sub.vecs)
	var comm []int
	if m == 1 {
		comm = []int{0}
	} else {
		g := symmetrize(knn(sub, neighbours, minEdgeSim))
		var f []int
		if anyFixed {
			f = subFixed
		}
		comm = louvain(g, res, f)
	}
	assign := refine(sub, comm, subFixed, refineSteps)
	if mergeSim < 1 {
		assign = mergeSimilar(sub, assign, subFixed, mergeSim, 1)
		assign = refine(sub, assign, subFixed, refineSteps)
	}
	if core != nil {
		assign = extend(c, core, assign, fixed)
		assign = refine(c, assign, fixed, 2)
	}
	assign = absorbSmall(c, assign, fixed, minGroupSize(n))
	if langMerge && k == 0 {
		assign = mergeAcrossLanguages(c, assign, fixed)
	}
	if k > 0 {
		assign = forceK(c, assign, fixed, k)
		assign = refine(c, assign, fixed, refineSteps)
		if len(members(assign)) != min(k, n) {
			assign = forceK(c, assign, fixed, k)
		}
	}
	return assign
}

// mergeAcrossLanguages joins a theme written mostly in Dutch with one
// written mostly in English when most notes of both name the same concept:
// "wachtwoord verlopen" and "password expired" are one problem, even when
// their words and spellings kept them apart. Themes holding notes pinned to
// different groups never merge.
func mergeAcrossLanguages(c *corpus, assign []int, fixed []int) []int {
	groups := members(assign)
	k := len(groups)
	if k < 2 {
		return assign
	}
	type profile struct {
		nl, en, size float64
		concepts     map[string]float64
		pin          int
	}
	ps := make([]profile, k)
	for g, m := range groups {
		p := profile{concepts: map[string]float64{}, pin: -1}
		for _, i := range m {
			w := c.w(i)
			p.size += w
			switch c.docs[i].lang {
			case langNL:
				p.nl += w
			case langEN:
				p.en += w
			}
			for _, k := range c.docs[i].concepts {
				p.concepts[k] += w
			}
			if fixed[i] >= 0 {
				p.pin = fixed[i]
			}
		}
		ps[g] = p
	}
	lean := func(p profile) lang {
		switch {
		case p.nl >= 2*p.size/3:
			return langNL
		case p.en >= 2*p.size/3:
			return langEN
		}
		return langUnknown
	}
	parent := make([]int, k)
	for g := range parent {
		parent[g] = g
	}
	root := func(g int) int {
		for parent[g] != g {
			g = parent[g]
		}
		return g
	}
	for a := 0; a < k; a++ {
		la := lean(ps[a])
		if la == langUnknown {
			continue
		}
		best, bestShare := -1, 0.0
		for b := 0; b < k; b++ {
			lb := lean(ps[b])
			if lb == langUnknown || lb == la || root(b) == root(a) {
				continue
			}
			if ps[a].pin >= 0 && ps[b].pin >= 0 && ps[a].pin != ps[b].pin {
				continue
			}
			for _, name := range sortedKeys(ps[a].concepts) {
				sa, sb := ps[a].concepts[name]/ps[a].size, ps[b].concepts[name]/ps[b].size
				if sa >= 0.6 && sb >= 0.6 && min(sa, sb) > bestShare {
					best, bestShare = b, min(sa, sb)
				}
			}
		}
		if best >= 0 {
			parent[root(best)] = root(a)
		}
	}
	out := make([]int, len(assign))
	for i, a := range assign {
		out[i] = root(a)
	}
	return renumber(out)
}

// folded maps the notes onto their distinct representatives: notes that
// read the same once case, accents, punctuation, spacing and word order are
// set aside are one note of weight (the number of its copies) to the
// clustering, and all land in the same theme.
type folded struct {
	reps   []int     // index of the first note of each representative, increasing
	repOf  []int     // note → its representative
	weight []float32 // representative → number of notes it stands for
}

// foldDuplicates folds near-duplicate notes. Pinned notes are never folded:
// each keeps its own hand placement.
func foldDuplicates(texts []string, fixed map[int]string) folded {
	f := folded{repOf: make([]int, len(texts))}
	seen := make(map[string]int, len(texts))
	var words []string
	for i, t := range texts {
		if _, pin := fixed[i]; !pin {
			words = words[:0]
			for _, tok := range tokenize(t) {
				words = append(words, tok.fold)
			}
			slices.Sort(words)
			key := strings.Join(words, " ")
			if r, ok := seen[key]; ok {
				f.repOf[i] = r
				f.weight[r]++
				continue
			}
			seen[key] = len(f.reps)
		}
		f.repOf[i] = len(f.reps)
		f.reps = append(f.reps, i)
		f.weight = append(f.weight, 1)
	}
	return f
}

// sampleOf picks about size notes spread evenly over the input, plus every
// pinned note, in increasing order; nil when the input is small enough to
// use whole.
func sampleOf(n, size int, fixed []int) []int {
	if n <= size {
		return nil
	}
	var out []int
	next := 0
	for i := 0; i < n; i++ {
		take := fixed[i] >= 0
		if i*size/n >= next {
			take = true
			next = i*size/n + 1
		}
		if take {
			out = append(out, i)
		}
	}
	return out
}

// subset is the corpus restricted to the notes idx, sharing the feature
// table (names, blocks, document frequencies) of the whole.
func (c *corpus) subset(idx []int) *corpus {
	s := &corpus{names: c.names, block: c.block, df: c.df, vecs: make([]svec, len(idx))}
	if c.weight != nil {
		s.weight = make([]float32, len(idx))
	}
	for j, i := range idx {
		s.vecs[j] = c.vecs[i]
		if c.weight != nil {
			s.weight[j] = c.weight[i]
		}
	}
	return s
}

// extend gives every note the theme of the sample whose centre is most
// similar; sampled notes keep theirs.
func extend(c *corpus, core []int, subAssign []int, fixed []int) []int {
	k := 0
	for _, a := range subAssign {
		k = max(k, a+1)
	}
	cs := buildCentroids(c.subset(core), subAssign, k)
	out := make([]int, len(c.vecs))
	for i := range out {
		out[i] = -1
	}
	for j, i := range core {
		out[i] = subAssign[j]
	}
	parallel(len(out), func(lo, hi int) {
		score := make([]float64, k)
		for i := lo; i < hi; i++ {
			if out[i] >= 0 {
				continue
			}
			out[i] = cs.nearest(c.vecs[i], score, 0)
		}
	})
	return renumber(out)
}

// nearest returns the centre most similar to v (ties to the lower number),
// or def when v meets no centre. score is scratch space of one entry per
// centre.
func (cs centroids) nearest(v svec, score []float64, def int) int {
	for x := range score {
		score[x] = 0
	}
	for j, id := range v.idx {
		for _, p := range cs.of(id) {
			score[p.c] += float64(v.val[j] * p.w)
		}
	}
	best := def
	for x, s := range score {
		if s > score[best]+1e-9 {
			best = x
		}
	}
	return best
}

// parallel runs f over [0, n) split into contiguous ranges, one per
// processor. Each index is handled by exactly one call, so results written
// per index do not depend on scheduling.
func parallel(n int, f func(lo, hi int)) {
	workers := min(runtime.GOMAXPROCS(0), max(1, n/256))
	if workers <= 1 {
		f(0, n)
		return
	}
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		lo, hi := w*n/workers, (w+1)*n/workers
		wg.Add(1)
		go func() {
			defer wg.Done()
			f(lo, hi)
		}()
	}
	wg.Wait()
}

// parallelEach calls f(i) for every i in [0, n), handing the indexes out one
// at a time to one worker per processor, which suits tasks of uneven size.
// work is called once per worker and returns its f, so that each worker can
// own scratch space.
func parallelEach(n int, work func() func(i int)) {
	workers := min(runtime.GOMAXPROCS(0), n)
	if workers <= 1 {
		if n > 0 {
			f := work()
			for i := range n {
				f(i)
			}
		}
		return
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			f := work()
			for i := int(next.Add(1)) - 1; i < n; i = int(next.Add(1)) - 1 {
				f(i)
			}
		}()
	}
	wg.Wait()
}

// pinned turns the hand placements into a group number per note (-1 when
// free), groups numbered in sorted order of their ids.
func pinned(n int, m map[int]string) ([]int, []string) {
	fixed := make([]int, n)
	for i := range fixed {
		fixed[i] = -1
	}
	ids := map[string]bool{}
	for i, id := range m {
		if i >= 0 && i < n {
			ids[id] = true
		}
	}
	names := sortedKeys(ids)
	num := map[string]int{}
	for i, s := range names {
		num[s] = i
	}
	for i, id := range m {
		if i >= 0 && i < n {
			fixed[i] = num[id]
		}
	}
	return fixed, names
}

// centroids holds normalised, pruned cluster centres in an inverted index:
// the centres holding feature f are post[start[f]:start[f+1]], in cluster
// order.
type centroids struct {
	start []int32
	post  []cw
}

type cw struct {
	c int32
	w float32
}

// of returns the centres holding feature id with their weights.
func (cs centroids) of(id int32) []cw {
	return cs.post[cs.start[id]:cs.start[id+1]]
}

// buildCentroids indexes the centres of the k clusters of assign.
func buildCentroids(c *corpus, assign []int, k int) centroids {
	cents := make([]svec, k)
	buildCentres(c, groupsOf(assign, k), cents, nil)
	return invert(cents, len(c.df))
}

// buildCentres sets cents[g] to the centre of the notes groups[g] for every
// group marked stale (every group when stale is nil), spread over the
// processors one group at a time.
func buildCentres(c *corpus, groups [][]int, cents []svec, stale []bool) {
	var todo []int
	for g := range groups {
		if stale == nil || stale[g] {
			todo = append(todo, g)
		}
	}
	parallelEach(len(todo), func() func(int) {
		acc := newAccumulator(len(c.df))
		return func(t int) {
			g := todo[t]
			for _, i := range groups[g] {
				acc.addScaled(c.vecs[i], c.w(i))
			}
			norm := acc.norm2()
			v := acc.flush(centroidCap, svec{})
			if norm == 0 {
				cents[g] = svec{} // no features: the centre attracts nothing
				return
			}
			inv := 1 / math.Sqrt(norm)
			for j := range v.val {
				v.val[j] = float32(float64(v.val[j]) * inv)
			}
			cents[g] = v
		}
	})
}

// invert indexes vectors by feature, for nf features: the vectors holding
// feature f, in vector order, are post[start[f]:start[f+1]].
func invert(vs []svec, nf int) centroids {
	cs := centroids{start: make([]int32, nf+1)}
	for _, v := range vs {
		for _, id := range v.idx {
			cs.start[id+1]++
		}
	}
	for f := range nf {
		cs.start[f+1] += cs.start[f]
	}
	cs.post = make([]cw, cs.start[nf])
	fill := slices.Clone(cs.start[:nf])
	for ci, v := range vs {
		for j, id := range v.idx {
			cs.post[fill[id]] = cw{int32(ci), v.val[j]}
			fill[id]++
		}
	}
	return cs
}

// groupsOf lists the notes of each of the k clusters, in increasing order,
// in one backing array.
func groupsOf(assign []int, k int) [][]int {
	end := make([]int, k+1)
	for _, a := range assign {
		end[a+1]++
	}
	for g := range k {
		end[g+1] += end[g]
	}
	all := make([]int, len(assign))
	fill := slices.Clone(end[:k])
	for i, a := range assign {
		all[fill[a]] = i
		fill[a]++
	}
	out := make([][]int, k)
	for g := range out {
		out[g] = all[end[g]:end[g+1]:end[g+1]]
	}
	return out
}

// accumulator sums sparse vectors in a dense array, remembering which entries
// it touched.
type accumulator struct {
	dense   []float64
	touched []int32
	ws      []float64 // scratch for pruning
}

func newAccumulator(nf int) *accumulator {
	return &accumulator{dense: make([]float64, nf)}
}

// addScaled adds w·v.
func (a *accumulator) addScaled(v svec, w float64) {
	for j, id := range v.idx {
		if a.dense[id] == 0 {
			a.touched = append(a.touched, id)
		}
		a.dense[id] += w * float64(v.val[j])
	}
}

// norm2 is the squared length of the sum.
func (a *accumulator) norm2() float64 {
	var norm float64
	for _, id := range a.touched {
		norm += a.dense[id] * a.dense[id]
	}
	return norm
}

// flush appends to dst the cap largest entries of the sum (in order of first
// touch) and clears the accumulator.
func (a *accumulator) flush(cap int, dst svec) svec {
	limit := math.Inf(-1)
	if len(a.touched) > cap {
		a.ws = a.ws[:0]
		for _, id := range a.touched {
			a.ws = append(a.ws, a.dense[id])
		}
		limit = kthLargest(a.ws, cap)
	}
	dst.idx = slices.Grow(dst.idx, min(cap, len(a.touched)))
	dst.val = slices.Grow(dst.val, min(cap, len(a.touched)))
	kept := 0
	for _, id := range a.touched {
		if a.dense[id] >= limit && kept < cap {
			dst.idx = append(dst.idx, id)
			dst.val = append(dst.val, float32(a.dense[id]))
			kept++
		}
		a.dense[id] = 0
	}
	a.touched = a.touched[:0]
	return dst
}

// refine moves free notes to their most similar cluster centre, a few
// spherical k-means passes starting from the graph's communities. Clusters
// left empty disappear; the result is renumbered in order of first note.
// Only the centres of clusters that gained or lost notes are rebuilt: the
// others sum the same notes in the same order.
func refine(c *corpus, assign []int, fixed []int, steps int) []int {
	assign = renumber(assign)
	n := len(assign)
	var cents []svec
	var stale []bool // nil: every centre is to be built
	for step := 0; step < steps; step++ {
		k := 0
		for _, a := range assign {
			k = max(k, a+1)
		}
		if cents == nil {
			cents = make([]svec, k)
		}
		buildCentres(c, groupsOf(assign, k), cents, stale)
		cs := invert(cents, len(c.df))
		next := make([]int, n)
		parallel(n, func(lo, hi int) {
			sc := make([]float64, k)
			for i := lo; i < hi; i++ {
				next[i] = assign[i]
				if fixed[i] >= 0 {
					continue
				}
				next[i] = cs.nearest(c.vecs[i], sc, assign[i])
			}
		})
		changed := make([]bool, k)
		any := false
		for i, a := range next {
			if a != assign[i] {
				changed[a], changed[assign[i]], any = true, true, true
			}
		}
		var from []int
		assign, from = renumberFrom(next)
		if !any {
			break
		}
		kept := make([]svec, len(from))
		stale = make([]bool, len(from))
		for r, old := range from {
			kept[r], stale[r] = cents[old], changed[old]
		}
		cents = kept
	}
	return assign
}

// renumber maps cluster numbers (≥ 0) to 0..k-1 in order of first
// appearance.
func renumber(a []int) []int {
	out, _ := renumberFrom(a)
	return out
}

// renumberFrom is renumber that also returns the old number of each new
// cluster.
func renumberFrom(a []int) (out, from []int) {
	top := -1
	for _, x := range a {
		top = max(top, x)
	}
	to := make([]int, top+1)
	for i := range to {
		to[i] = -1
	}
	out = make([]int, len(a))
	for i, x := range a {
		if to[x] < 0 {
			to[x] = len(from)
			from = append(from, x)
		}
		out[i] = to[x]
	}
	return out, from
}

// forceK merges clusters by average linkage, or splits the largest one,
// until there are exactly k (or as many as there are notes). A merge never
// makes a cluster larger than three times n/k while another pair can still
// merge, so --k gives themes, not one blob and crumbs.
func forceK(c *corpus, assign []int, fixed []int, k int) []int {
	n := len(assign)
	k = min(k, n)
	if len(members(assign)) > k {
		total := 0.0
		for i := range assign {
			total += c.w(i)
		}
		assign = mergeLinkage(c, assign, fixed, linkStop{k: k, maxSize: 3 * total / float64(k), ward: useWard})
	}
	for {
		groups := members(assign)
		if len(groups) >= k {
			return assign
		}
		// Split the largest cluster around its two most distant notes.
		big := 0
		for g := range groups {
			if len(groups[g]) > len(groups[big]) {
				big = g
			}
		}
		m := groups[big]
		p := farthest(c, m, m[0])
		q := farthest(c, m, p)
		next := len(groups)
		for _, i := range m {
			if fixed[i] >= 0 {
				continue
			}
			if i == q || (i != p && c.vecs[i].dot(c.vecs[q]) > c.vecs[i].dot(c.vecs[p])) {
				assign[i] = next
			}
		}
		if len(members(assign)) == len(groups) {
			// Nothing could move (all pinned or identical): give up.
			return assign
		}
	}
}

// linkStop says when mergeLinkage stops: at k clusters; merges beyond
// maxSize (total weight) wait until no other pair can merge.
type linkStop struct {
	k       int
	maxSize float64
	ward    bool // Ward's criterion instead of average linkage
}

// mergeLinkage joins clusters by average linkage over note-to-note
// similarities (weighted by the notes' copies): the pair whose notes are
// most similar on average merges first. A large, loose cluster is on
// average far from everything, so it does not swallow its neighbours the
// way a centre does. Clusters holding notes pinned to different groups
// never merge.
func mergeLinkage(c *corpus, assign []int, fixed []int, stop linkStop) []int {
	groups := members(assign)
	k := len(groups)
	if k <= max(1, stop.k) {
		return assign
	}
	acc := newAccumulator(len(c.df))
	sums := make([]svec, k)
	size := make([]float64, k)
	for g, m := range groups {
		for _, i := range m {
			acc.addScaled(c.vecs[i], c.w(i))
			size[g] += c.w(i)
		}
		sums[g] = acc.flush(4*centroidCap, svec{})
	}
	D := make([][]float64, k)
	for a := range D {
		D[a] = make([]float64, k)
	}
	post := invert(sums, len(c.df))
	for a, v := range sums {
		row := D[a]
		for j, id := range v.idx {
			w := float64(v.val[j])
			for _, p := range post.of(id) {
				row[p.c] += w * float64(p.w)
			}
		}
	}
	pin := make([]int, k)
	for g := range pin {
		pin[g] = -1
	}
	for i, a := range assign {
		if fixed[i] >= 0 {
			pin[a] = fixed[i]
		}
	}
	alive := make([]bool, k)
	parent := make([]int, k)
	for g := range alive {
		alive[g] = true
		parent[g] = g
	}
	left := k
	maxSize := stop.maxSize
	if maxSize <= 0 {
		maxSize = math.Inf(1)
	}
	for left > max(1, stop.k) {
		ba, bb, bs := -1, -1, math.Inf(-1)
		capped := false
		for pass := 0; pass < 2 && ba < 0; pass++ {
			for a := 0; a < k; a++ {
				if !alive[a] {
					continue
				}
				for b := a + 1; b < k; b++ {
					if !alive[b] || (pin[a] >= 0 && pin[b] >= 0 && pin[a] != pin[b]) {
						continue
					}
					s := D[a][b] / (size[a] * size[b])
					if stop.ward {
						// Ward: the smallest growth of the squared error,
						// as a negative score.
						s = -(size[a] * size[b] / (size[a] + size[b])) *
							(D[a][a]/(size[a]*size[a]) + D[b][b]/(size[b]*size[b]) - 2*s)
					}
					if pass == 0 && size[a]+size[b] > maxSize {
						capped = true
						continue
					}
					if s > bs {
						ba, bb, bs = a, b, s
					}
				}
			}
			if !capped {
				break
			}
		}
		if ba < 0 {
			break
		}
		D[ba][ba] += D[bb][bb] + 2*D[ba][bb]
		for x := 0; x < k; x++ {
			if x != ba {
				D[ba][x] += D[bb][x]
				D[x][ba] = D[ba][x]
			}
		}
		size[ba] += size[bb]
		alive[bb] = false
		parent[bb] = ba
		if pin[ba] < 0 {
			pin[ba] = pin[bb]
		}
		left--
	}
	root := func(g int) int {
		for parent[g] != g {
			g = parent[g]
		}
		return g
	}
	out := make([]int, len(assign))
	for i, a := range assign {
		out[i] = root(a)
	}
	return renumber(out)
}

func farthest(c *corpus, m []int, from int) int {
	best, bestSim := m[0], math.Inf(1)
	for _, i := range m {
		if s := c.vecs[i].dot(c.vecs[from]); s < bestSim && i != from {
			best, bestSim = i, s
		}
	}
	return best
}

func members(assign []int) [][]int {
	k := 0
	for _, a := range assign {
		k = max(k, a+1)
	}
	return groupsOf(assign, k)
}

// buildResult orders the groups, names them and gives them ids. assign
// holds a group per representative of f; every note joins its
// representative's group.
func buildResult(texts []string, c *corpus, f folded, assign []int, fixed []int, fixedNames []string) Result {
	repGroups := members(assign)
	groups := make([][]int, len(repGroups))
	for i, r := range f.repOf {
		g := assign[r]
		groups[g] = append(groups[g], i)
	}
	order := make([]int, len(groups))
	for g := range order {
		order[g] = g
	}
	sort.SliceStable(order, func(a, b int) bool {
		ga, gb := groups[order[a]], groups[order[b]]
		if len(ga) != len(gb) {
			return len(ga) > len(gb)
		}
		return ga[0] < gb[0]
	})
	res := Result{Groups: make([]Group, len(groups)), Assign: make([]int, len(texts)), NoteWhy: make([][]string, len(texts))}
	used := map[string]bool{}
	for _, s := range fixedNames {
		used[s] = true
	}
	cnt := make([]termCount, len(c.names))
	repWhy := make([][]string, len(f.reps))
	for gi, g0 := range order {
		m, reps := groups[g0], repGroups[g0]
		terms := describe(c, reps, cnt)
		g := Group{Members: m, Terms: words(terms), Pillar: pillarOf(c, reps)}
		g.Label = labelOf(c, terms, reps)
		g.Why = whyOf(c, terms, reps, len(m))
		for _, r := range reps {
			// A note names the shared terms in its own words.
			var why []string
			for _, t := range terms {
				if _, ok := slices.BinarySearch(c.docs[r].terms, t.id); ok {
					w := noteWord(&c.docs[r], c.names[t.id])
					if w == "" {
						w = t.word
					}
					if !slices.Contains(why, w) {
						why = append(why, w)
					}
				}
			}
			repWhy[r] = why
		}
		for _, i := range m {
			res.NoteWhy[i] = repWhy[f.repOf[i]]
		}
		for _, r := range reps {
			if fixed[r] >= 0 {
				g.ID = fixedNames[fixed[r]]
				break
			}
		}
		res.Groups[gi] = g
		for _, i := range m {
			res.Assign[i] = gi
		}
	}
	for gi := range res.Groups {
		g := &res.Groups[gi]
		if g.ID != "" {
			continue
		}
		base := slug(g.Label)
		id := base
		for k := 2; used[id]; k++ {
			id = base + "-" + strconv.Itoa(k)
		}
		used[id] = true
		g.ID = id
	}
	return res
}

// whyOf names what holds a group of n notes together: its strongest terms,
// and for a concept the different words its notes use for it ("ww,
// wachtwoord, inloggen"), at most three; nothing for a single note.
func whyOf(c *corpus, terms []groupTerm, reps []int, n int) []string {
	if n < 2 {
		return nil
	}
	var out []string
	add := func(w string) {
		if len(out) < 3 && w != "" && !hasDigit(w) && !slices.Contains(out, w) {
			out = append(out, w)
		}
	}
	for _, t := range terms {
		add(t.word)
		if name := c.names[t.id]; strings.HasPrefix(name, "c:") {
			for _, w := range conceptWords(c, name[2:], reps) {
				add(w)
			}
		}
	}
	return out
}

// termCount is how much of a group uses a term: weighted and in distinct
// notes.
type termCount struct {
	w     float64
	notes int32
}

// groupTerm is a term that sets a group apart: its feature and the word
// the notes use for it.
type groupTerm struct {
	id    int32
	word  string
	score float64
}

// describe ranks the words and concepts that set a group apart: how many of
// its notes use the term, times how specific the term is to the group. cnt
// is scratch space of one zero per feature, left zeroed. Notes count with
// their weight. A term is named in the session's language when its notes
// in that language use a word for it, and never by a numeral.
func describe(c *corpus, m []int, cnt []termCount) []groupTerm {
	var touched []int32
	size := 0.0
	for _, i := range m {
		w := c.w(i)
		size += w
		for _, id := range c.docs[i].terms {
			if cnt[id].notes == 0 {
				touched = append(touched, id)
			}
			cnt[id].w += w
			cnt[id].notes++
		}
	}
	var ts []groupTerm
	for _, id := range touched {
		k, kd := cnt[id].w, int(cnt[id].notes)
		cnt[id] = termCount{}
		if size > 1 && k < 2 {
			continue
		}
		cover := k / size
		// Specificity counts distinct notes, as df does.
		spec := float64(kd) / float64(max(int(c.df[id]), kd))
		s := cover * spec
		if strings.HasPrefix(c.names[id], "c:") {
			s *= 0.9
		}
		ts = append(ts, groupTerm{id: id, score: s})
	}
	// Strongest first; equal scores in order of name.
	slices.SortFunc(ts, func(a, b groupTerm) int {
		if a.score != b.score {
			return cmp.Compare(b.score, a.score)
		}
		return strings.Compare(c.names[a.id], c.names[b.id])
	})
	// The session's own language names the terms when it can.
	var own []int
	for _, i := range m {
		if c.lang == langUnknown || c.docs[i].lang == c.lang {
			own = append(own, i)
		}
	}
	var out []groupTerm
	seen := map[string]bool{}
	for _, t := range ts {
		name := c.names[t.id]
		w := termWord(c, name, own)
		if w == "" {
			// Only notes in the other language use it: it names the
			// theme after the session's own words.
			if w = termWord(c, name, m); len(own) > 0 {
				t.score *= 0.7
			}
		}
		if w == "" || seen[w] || hasDigit(w) {
			continue
		}
		seen[w] = true
		t.word = w
		out = append(out, t)
		if len(out) == 8 {
			break
		}
	}
	slices.SortStableFunc(out, func(a, b groupTerm) int { return cmp.Compare(b.score, a.score) })
	return out[:min(5, len(out))]
}

// termWord is the word the notes m use for feature name: a stem's most
// common spelling, or a concept's most common word. A concept is named by
// the notes' word, never by the lexicon's own name: "inloggen", not
// "login".
func termWord(c *corpus, name string, m []int) string {
	if strings.HasPrefix(name, "w:") {
		return surfaceOf(c, name[2:], m)
	}
	return conceptSurface(c, name[2:], m)
}

// noteWord is the word one note uses for feature name, as termWord for a
// group of that one note.
func noteWord(d *doc, name string) string {
	stem := name[2:]
	if !strings.HasPrefix(name, "w:") {
		j, ok := slices.BinarySearch(d.concepts, stem)
		if !ok {
			return ""
		}
		if d.trigger[j] == "phrase" {
			// A phrase brought it: name the phrase's word that means
			// the concept on its own ("password" of "password reset").
			lx, st := defaultLexicon(), newStemmer()
			for _, w := range d.words {
				if slices.Contains(lx.matchWord(w.fold, d.lang, st, nil), stem) {
					return w.surface
				}
			}
			return ""
		}
		stem = d.trigger[j]
	}
	if w := slices.Index(d.stems, stem); w >= 0 {
		return d.words[w].surface
	}
	w, _ := compoundWith(d, stem)
	return w
}

func hasDigit(s string) bool {
	return strings.ContainsAny(s, "0123456789")
}

// words lists the words of terms.
func words(ts []groupTerm) []string {
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = t.word
	}
	return out
}

// surfaceOf returns the most common spelling of a stem among the group's
// notes, as typed (lower case, accents kept); a stem only met inside
// compounds is given as the whole compound ("wachtwoordbeleid").
func surfaceOf(c *corpus, stem string, m []int) string {
	cnt := map[string]int{}
	for _, i := range m {
		d := &c.docs[i]
		for j, s := range d.stems {
			if s == stem {
				cnt[d.words[j].surface]++
			}
		}
	}
	if len(cnt) == 0 {
		for _, i := range m {
			if w, ok := compoundWith(&c.docs[i], stem); ok {
				cnt[w]++
			}
		}
	}
	return mostUsed(cnt)
}

// conceptSurface returns the word the group's notes most often used for
// concept k, as typed. It is "" when only multi-word phrases without a word
// of the concept of their own brought it.
func conceptSurface(c *corpus, k string, m []int) string {
	ws := conceptWords(c, k, m)
	if len(ws) == 0 {
		return ""
	}
	return ws[0]
}

// conceptWords lists the words the group's notes used for concept k, as
// typed: the most used first, ties to the longer word (an abbreviation
// like "ww" names a theme less well than "wachtwoord"), then in order.
func conceptWords(c *corpus, k string, m []int) []string {
	cnt := map[string]int{}
	var st *stemmer
	for _, i := range m {
		d := &c.docs[i]
		j, ok := slices.BinarySearch(d.concepts, k)
		if !ok {
			continue
		}
		if d.trigger[j] == "phrase" {
			// The phrase's word that means the concept on its own:
			// "password" of "password reset"; none for "log in".
			if st == nil {
				st = newStemmer()
			}
			for _, w := range d.words {
				if slices.Contains(defaultLexicon().matchWord(w.fold, d.lang, st, nil), k) {
					cnt[w.surface]++
					break
				}
			}
			continue
		}
		if w := slices.Index(d.stems, d.trigger[j]); w >= 0 {
			cnt[d.words[w].surface]++
		} else if w, ok := compoundWith(d, d.trigger[j]); ok {
			cnt[w]++
		}
	}
	out := sortedKeys(cnt)
	slices.SortStableFunc(out, func(a, b string) int {
		return cmp.Or(cmp.Compare(cnt[b], cnt[a]), cmp.Compare(len(b), len(a)))
	})
	return out
}

// compoundWith finds the note's word that holds part as a compound part.
func compoundWith(d *doc, part string) (string, bool) {
	for _, w := range d.words {
		if strings.Contains(w.fold, part) {
			return w.surface, true
		}
	}
	return "", false
}

// mostUsed is the most counted word; ties go to the shorter, then the
// first in order. "" when cnt is empty.
func mostUsed(cnt map[string]int) string {
	best, bc := "", 0
	for _, s := range sortedKeys(cnt) {
		if cnt[s] > bc || (cnt[s] == bc && len(s) < len(best)) {
			best, bc = s, cnt[s]
		}
	}
	return best
}

// labelOf names a group with its strongest terms: two, or three when the
// third is nearly as strong as the second, never two spellings of one word.
// A group without shared terms (one note) is named by the first content
// words of its note.
func labelOf(c *corpus, terms []groupTerm, reps []int) string {
	var ws []string
	for _, t := range terms {
		if len(ws) == 3 || (len(ws) == 2 && t.score < 0.8*terms[1].score) {
			break
		}
		dup := false
		for _, w := range ws {
			dup = dup || sameWord(w, t.word)
		}
		if !dup {
			ws = append(ws, t.word)
		}
	}
	if len(ws) == 0 {
		d := &c.docs[reps[0]]
		for _, t := range d.words {
			if len(ws) == 3 {
				break
			}
			if !hasDigit(t.surface) {
				ws = append(ws, t.surface)
			}
		}
	}
	if len(ws) == 0 {
		return "notes"
	}
	return strings.Join(ws, ", ")
}

// sameWord reports whether a and b are spellings of one word: one is the
// other with an ending ("wachtwoord", "wachtwoorden").
func sameWord(a, b string) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	return len(a) >= 4 && strings.HasPrefix(b, a) && len(b)-len(a) <= 3
}

// slug turns a label into an id: folded, words joined by hyphens.
func slug(label string) string {
	s := strings.Join(strings.Fields(Fold(label)), "-")
	if len(s) > 40 {
		s = strings.TrimRight(s[:40], "-")
	}
	if s == "" {
		s = "group"
	}
	return s
}

// mergeSimilar joins clusters whose centres are more similar than minSim
// (centroid linkage on cosine), most similar pair first, until no pair is
// that similar or only minK clusters are left. Clusters holding notes pinned
// to different groups never merge.
func mergeSimilar(c *corpus, assign []int, fixed []int, minSim float64, minK int) []int {
	groups := members(assign)
	k := len(groups)
	if k <= minK {
		return assign
	}
	// Pruned centre sums (not normalised) of every cluster.
	acc := newAccumulator(len(c.df))
	sums := make([]svec, k)
	for g, m := range groups {
		for _, i := range m {
			acc.addScaled(c.vecs[i], c.w(i))
		}
		sums[g] = acc.flush(centroidCap, svec{})
	}
	// D[a][b] = sum_a · sum_b, through an inverted index of the sums.
	D := make([][]float64, k)
	for a := range D {
		D[a] = make([]float64, k)
	}
	post := invert(sums, len(c.df))
	for a, v := range sums {
		row := D[a]
		for j, id := range v.idx {
			w := float64(v.val[j])
			for _, p := range post.of(id) {
				row[p.c] += w * float64(p.w)
			}
		}
	}
	pin := make([]int, k)
	for g := range pin {
		pin[g] = -1
	}
	for i, a := range assign {
		if fixed[i] >= 0 {
			pin[a] = fixed[i]
		}
	}
	alive := make([]bool, k)
	parent := make([]int, k)
	for g := range alive {
		alive[g] = true
		parent[g] = g
	}
	left := k
	for left > minK {
		ba, bb, bs := -1, -1, minSim
		for a := 0; a < k; a++ {
			if !alive[a] || D[a][a] == 0 {
				continue
			}
			for b := a + 1; b < k; b++ {
				if !alive[b] || D[b][b] == 0 || (pin[a] >= 0 && pin[b] >= 0 && pin[a] != pin[b]) {
					continue
				}
				s := D[a][b] / math.Sqrt(D[a][a]*D[b][b])
				if s > bs {
					ba, bb, bs = a, b, s
				}
			}
		}
		if ba < 0 {
			break
		}
		D[ba][ba] += D[bb][bb] + 2*D[ba][bb]
		for x := 0; x < k; x++ {
			if x != ba {
				D[ba][x] += D[bb][x]
				D[x][ba] = D[ba][x]
			}
		}
		alive[bb] = false
		parent[bb] = ba
		if pin[ba] < 0 {
			pin[ba] = pin[bb]
		}
		left--
	}
	root := func(g int) int {
		for parent[g] != g {
			g = parent[g]
		}
		return g
	}
	out := make([]int, len(assign))
	for i, a := range assign {
		out[i] = root(a)
	}
	return renumber(out)
}

// kthLargest returns the k-th largest value of ws (1-based), reordering ws.
func kthLargest(ws []float64, k int) float64 {
	lo, hi, want := 0, len(ws)-1, len(ws)-k
	for lo < hi {
		// Median of three as pivot; Hoare partition.
		mid := lo + (hi-lo)/2
		a, b, c := ws[lo], ws[mid], ws[hi]
		p := max(min(a, b), min(max(a, b), c))
		i, j := lo, hi
		for i <= j {
			for ws[i] < p {
				i++
			}
			for ws[j] > p {
				j--
			}
			if i <= j {
				ws[i], ws[j] = ws[j], ws[i]
				i++
				j--
			}
		}
		switch {
		case want <= j:
			hi = j
		case want >= i:
			lo = i
		default:
			return ws[want]
		}
	}
	return ws[want]
}

// minGroupSize is the smallest group kept on its own when the notes decide
// the number of groups: stray notes join their closest theme instead of each
// becoming a theme of one.
func minGroupSize(n int) int {
	return max(2, int(math.Round(math.Sqrt(float64(n))/minSizeDiv)))
}

// absorbSmall moves the free notes of groups smaller than minSize to the
// most similar larger group. Notes similar to no larger group stay where they
// are; groups holding pinned notes are never dissolved.
func absorbSmall(c *corpus, assign []int, fixed []int, minSize int) []int {
	groups := members(assign)
	small := make([]bool, len(groups))
	any := false
	bigAssign := make([]int, len(assign))
	for g, m := range groups {
		pinned := false
		for _, i := range m {
			pinned = pinned || fixed[i] >= 0
		}
		small[g] = len(m) < minSize && !pinned
		any = any || small[g]
	}
	if !any {
		return assign
	}
	for i, a := range assign {
		bigAssign[i] = a
		if small[a] {
			bigAssign[i] = -1
		}
	}
	k := len(groups)
	// Centres of the large groups only.
	only := make([]int, 0, len(assign))
	idx := make([]int, 0, len(assign))
	for i, a := range bigAssign {
		if a >= 0 {
			only = append(only, a)
			idx = append(idx, i)
		}
	}
	cs := buildCentroids(c.subset(idx), only, k)
	out := append([]int(nil), assign...)
	score := make([]float64, k)
	for i, a := range assign {
		if !small[a] || fixed[i] >= 0 {
			continue
		}
		for x := range score {
			score[x] = 0
		}
		v := c.vecs[i]
		for j, id := range v.idx {
			for _, p := range cs.of(id) {
				score[p.c] += float64(v.val[j] * p.w)
			}
		}
		best, bs := -1, 0.0
		for x, s := range score {
			if s > bs {
				best, bs = x, s
			}
		}
		if best >= 0 {
			out[i] = best
		}
	}
	return renumber(out)
}
