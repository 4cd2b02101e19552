package cluster

import (
	"math"
	"slices"
	"strings"
)

// svec is a sparse vector: feature ids in increasing order and their weights.
type svec struct {
	idx []int32
	val []float32
}

func (v svec) dot(w svec) float64 {
	var s float64
	i, j := 0, 0
	for i < len(v.idx) && j < len(w.idx) {
		switch {
		case v.idx[i] == w.idx[j]:
			s += float64(v.val[i]) * float64(w.val[j])
			i++
			j++
		case v.idx[i] < w.idx[j]:
			i++
		default:
			j++
		}
	}
	return s
}

// feature blocks: each is weighted TF-IDF and normalised on its own before
// the blocks are mixed, so a long note's many n-grams do not drown its words.
const (
	blockWord = iota
	blockConcept
	blockGram
	numBlocks
)

// blockWeight is the share of each block in the cosine of two notes.
var blockWeight = [numBlocks]float64{blockWord: 1.0, blockConcept: 0.6, blockGram: 0.6}

var conceptInWords = true

// conceptBoost scales concept features against the words they stand for.
var conceptBoost = 1.5

// doc is a note after analysis.
type doc struct {
	lang     lang
	words    []token  // content words (stop words removed), compounds included
	stems    []string // stem per content word, aligned with words
	parts    []string // stems of compound parts
	concepts []string // sorted
	trigger  []string // per concept: the first word (stem) or "phrase" that brought it
	terms    []int32  // ids of the word and concept features, sorted, for labels
	// silent marks the words (aligned with words) that are no word feature:
	// words of a lexicon phrase found in the note, and light words. It may
	// be shorter than words (nil when no word is silent): words past its end
	// are not silent.
	silent []bool
}

// corpus holds the analysed notes and their weighted vectors.
type corpus struct {
	docs   []doc
	vecs   []svec
	names  []string // feature id → "w:stem" or "c:concept"; "" for character n-grams, which only count by id
	block  []uint8  // feature id → block
	df     []int32
	bridge map[string]float64 // concept feature → share of its weight kept
	// weight is the number of notes each note stands for (folded
	// duplicates); nil when every note stands for itself.
	weight []float32
	// lang is the session's language: the language of most notes, or
	// langUnknown when both have as many.
	lang lang
}

// w is the weight of note i.
func (c *corpus) w(i int) float64 {
	if c.weight == nil {
		return 1
	}
	return float64(c.weight[i])
}

// analyze tokenises, guesses languages, removes stop words, stems, splits
// compounds, finds concepts and builds one weighted vector per note. The
// words of a lexicon phrase found in a note, and the light words of the
// notes (see below), are no word features: they count through the phrase.
func analyze(texts []string) *corpus {
	lx := defaultLexicon()
	n := len(texts)
	toks := make([][]token, n)
	langs := make([]lang, n)
	parallel(n, func(lo, hi int) {
		for i := lo; i < hi; i++ {
			toks[i] = tokenize(texts[i])
			langs[i] = guessLang(toks[i])
		}
	})
	var nl, en int
	for i := range texts {
		switch langs[i] {
		case langNL:
			nl++
		case langEN:
			en++
		}
	}
	// Notes without cues take the corpus majority, or stay undecided (both
	// stemmers) when the corpus is itself mixed.
	fallback := langUnknown
	if nl > 2*en {
		fallback = langNL
	} else if en > 2*nl {
		fallback = langEN
	}
	vocab := map[string]int{}
	for i := range toks {
		if langs[i] == langUnknown {
			langs[i] = fallback
		}
		for _, t := range toks[i] {
			if len(t.fold) >= 3 && !isStop(t.fold, langs[i]) {
				vocab[t.fold]++
			}
		}
	}
	c := &corpus{docs: make([]doc, n)}
	switch {
	case nl > en:
		c.lang = langNL
	case en > nl:
		c.lang = langEN
	}
	// Each note is analysed on its own (one stemmer cache per worker); the
	// corpus-wide counts are gathered afterwards in note order.
	lightIn := make([][]string, n) // per note: its light word candidates (see below)
	parallel(n, func(lo, hi int) {
		st := newStemmer()
		var folded, found []string
		var covered []bool
		type hit struct{ concept, trigger string }
		var hits []hit // concepts of this note with their first trigger
		add := func(cs []string, trigger string) {
		next:
			for _, k := range cs {
				for _, h := range hits {
					if h.concept == k {
						continue next
					}
				}
				hits = append(hits, hit{k, trigger})
			}
		}
		for i := lo; i < hi; i++ {
			d := &c.docs[i]
			d.lang = langs[i]
			folded = folded[:0]
			for _, t := range toks[i] {
				folded = append(folded, t.fold)
			}
			hits = hits[:0]
			covered = append(covered[:0], make([]bool, len(folded))...)
			found = lx.matchPhrases(folded, d.lang, st, found[:0], covered)
			add(found, "phrase")
			d.words = make([]token, 0, len(toks[i]))
			d.stems = make([]string, 0, len(toks[i]))
			for ti, t := range toks[i] {
				w := t.fold
				if isStop(w, d.lang) || (len(w) < 2) || isNumber(w) {
					continue
				}
				d.words = append(d.words, t)
				s := st.stem(w, d.lang)
				d.stems = append(d.stems, s)
				found = lx.matchWord(w, d.lang, st, found[:0])
				if covered[ti] {
					// The words of a phrase count through the phrase:
					// "werkt niet" is a failure, "werkt" alone is not.
					d.silence(len(d.words) - 1)
					if len(found) == 0 {
						lightIn[i] = append(lightIn[i], w)
					}
				}
				add(found, s)
				if d.lang != langEN {
					for _, p := range splitCompound(w, vocab, lx) {
						ps := st.stem(p, langNL)
						d.parts = append(d.parts, ps)
						found = lx.matchWord(p, langNL, st, found[:0])
						add(found, ps)
					}
				}
			}
			slices.SortFunc(hits, func(a, b hit) int { return strings.Compare(a.concept, b.concept) })
			if len(hits) > 0 {
				d.concepts = make([]string, len(hits))
				d.trigger = make([]string, len(hits))
				for j, h := range hits {
					d.concepts[j], d.trigger[j] = h.concept, h.trigger
				}
			}
		}
	})
	// A word without a meaning of its own in the lexicon that these notes
	// use inside a lexicon phrase is light: "duurt" in "duurt lang", "valt"
	// in "valt weg", "werkt" in "werkt niet". Its meaning comes from the
	// words around it, so it is no word feature in any note: on its own
	// ("duurt 10 minuten", "duurt maanden") it would tie notes of different
	// themes together.
	light := map[string]bool{}
	for _, ws := range lightIn {
		for _, w := range ws {
			light[w] = true
		}
	}
	if len(light) > 0 {
		for i := range c.docs {
			d := &c.docs[i]
			for j, t := range d.words {
				if light[t.fold] {
					d.silence(j)
				}
			}
		}
	}
	triggers := map[string]map[string]int{} // concept → trigger → notes
	for i := range c.docs {
		d := &c.docs[i]
		for j, k := range d.concepts {
			m := triggers[k]
			if m == nil {
				m = map[string]int{}
				triggers[k] = m
			}
			m[d.trigger[j]]++
		}
	}
	// A concept earns its weight by bridging different words: when all its
	// notes use the same word, the word feature already says it all.
	c.bridge = map[string]float64{}
	for k, m := range triggers {
		var total, top int
		for _, x := range m {
			total += x
			top = max(top, x)
		}
		c.bridge["c:"+k] = min(1, 2*(1-float64(top)/float64(total)))
	}
	c.weigh()
	return c
}

// silence marks word j as no word feature.
func (d *doc) silence(j int) {
	if len(d.silent) <= j {
		d.silent = append(d.silent, make([]bool, len(d.words)-len(d.silent))...)
	}
	d.silent[j] = true
}

func isNumber(w string) bool {
	for _, r := range w {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// gramKeys appends the 3- to 5-letter pieces of a word marked with its
// boundaries, which meet across typos and inflections ("vergadering",
// "vergaderingen", "vergadring"). Each piece is packed with its length into
// a uint64 (five bytes fit), so no strings are made.
func gramKeys(w string, dst []uint64) []uint64 {
	var buf [40]byte
	b := append(append(buf[:0], '<'), w[:min(len(w), len(buf)-1)]...)
	if len(b) < len(buf) {
		b = append(b, '>') // a long word is cut at 40 bytes, end mark included
	}
	for n := 3; n <= 5; n++ {
		for i := 0; i+n <= len(b); i++ {
			k := uint64(n)
			for _, x := range b[i : i+n] {
				k = k<<8 | uint64(x)
			}
			dst = append(dst, k)
		}
	}
	return dst
}

// splitCompound splits a Dutch compound into two known words, the vocabulary
// being the corpus's own words and the lexicon: "wachtwoordbeleid" →
// wachtwoord + beleid, "klantenportaal" → klanten + portaal,
// "werkgeversverklaring" → werkgevers + verklaring. Linking s and e(n) are
// allowed. A head nowhere else is accepted when the tail is a lexicon word
// of six letters or more: "zaaksysteem" → zaak + systeem. Words of the
// lexicon are not split: they are already understood.
func splitCompound(w string, vocab map[string]int, lx *lexicon) []string {
	if len(w) < 7 || lx.words[w] {
		return nil
	}
	known := func(p string) int {
		f := vocab[p]
		if lx.words[p] {
			f += 3
		}
		return f
	}
	best, bestScore := -1, 0.0
	var bestHead string
	for i := 3; i <= len(w)-3; i++ {
		head, tail := w[:i], w[i:]
		ft := known(tail)
		if len(tail) < 4 && !lx.words[tail] {
			continue
		}
		headKnown := false
		for _, h := range []string{head, strings.TrimSuffix(head, "s"), strings.TrimSuffix(head, "en"), strings.TrimSuffix(head, "e")} {
			if len(h) < 3 || (len(h) < 4 && !lx.words[h]) {
				continue
			}
			fh := known(h)
			if fh == 0 {
				continue
			}
			headKnown = true
			// A lexicon word as head vouches for an unseen tail
			// ("wachtwoordbeleid" when "beleid" occurs nowhere else).
			if ft == 0 {
				if !lx.words[h] || len(h) < 5 || len(tail) < 5 {
					continue
				}
				ft = 1
			}
			score := math.Sqrt(float64(fh)*float64(ft)) * float64(min(len(h), len(tail)))
			if score > bestScore {
				best, bestScore, bestHead = i, score, h
			}
			break
		}
		// A Dutch compound means what its last part means: a lexicon word
		// of six letters or more as tail vouches for an unseen head
		// ("zaaksysteem", "beeldscherm", "kantoornetwerk").
		if !headKnown && len(head) >= 4 && len(tail) >= 6 && lx.words[tail] {
			if score := math.Sqrt(float64(ft)) * float64(min(len(head), len(tail))); score > bestScore {
				best, bestScore, bestHead = i, score, head
			}
		}
	}
	if best < 0 {
		return nil
	}
	return []string{bestHead, w[best:]}
}

// weigh turns the documents' features into TF-IDF vectors, each block
// normalised to unit length and scaled by its weight, the whole normalised.
//
// Feature ids are handed out in order of first appearance (note by note,
// block by block), which fixes the order in which similarities are summed.
func (c *corpus) weigh() {
	n := len(c.docs)
	words := 0
	for i := range c.docs {
		words += len(c.docs[i].words)
	}
	wordID := map[string]int32{}    // stem → id
	conceptID := map[string]int32{} // concept → id
	// The number of words is a fair guess at the number of distinct
	// n-grams, which make most of the features.
	gramID := make(map[uint64]int32, words) // packed n-gram → id
	// A word's n-grams get their ids the first time the word is met; later
	// it only takes the same ids again.
	type span struct{ off, n int32 }
	gramsOf := make(map[string]span, words/2) // word → its n-gram ids in gramList
	var gramList []int32
	var keys []uint64
	c.block = make([]uint8, 0, words)
	newID := func(b int) int32 {
		c.block = append(c.block, uint8(b))
		return int32(len(c.block) - 1)
	}
	conceptBlock := blockConcept
	if conceptInWords {
		conceptBlock = blockWord
	}
	// The feature ids of note i, block by block, are all[off[i][b]:off[i][b+1]];
	// a word brings some 15 to 20 n-grams.
	all := make([]int32, 0, 20*words)
	off := make([][numBlocks + 1]int, n)
	word := func(s string) {
		id, ok := wordID[s]
		if !ok {
			id = newID(blockWord)
			wordID[s] = id
		}
		all = append(all, id)
	}
	for i := range c.docs {
		d := &c.docs[i]
		off[i][blockWord] = len(all)
		for j, s := range d.stems {
			if j >= len(d.silent) || !d.silent[j] {
				word(s)
			}
		}
		for _, s := range d.parts {
			word(s)
		}
		off[i][blockConcept] = len(all)
		for _, k := range d.concepts {
			id, ok := conceptID[k]
			if !ok {
				id = newID(conceptBlock)
				conceptID[k] = id
			}
			all = append(all, id)
		}
		if conceptBlock == blockWord {
			off[i][blockConcept] = len(all) // the concepts closed the word block
		}
		off[i][blockGram] = len(all)
		for _, t := range d.words {
			sp, ok := gramsOf[t.fold]
			if !ok {
				keys = gramKeys(t.fold, keys[:0])
				sp = span{int32(len(gramList)), int32(len(keys))}
				for _, k := range keys {
					id, ok := gramID[k]
					if !ok {
						id = newID(blockGram)
						gramID[k] = id
					}
					gramList = append(gramList, id)
				}
				gramsOf[t.fold] = sp
			}
			all = append(all, gramList[sp.off:sp.off+sp.n]...)
		}
		off[i][numBlocks] = len(all)
	}
	nf := len(c.block)
	c.names = make([]string, nf)
	boost := make([]float64, nf) // feature id → weight factor (concepts' bridge)
	for id := range boost {
		boost[id] = 1
	}
	for s, id := range wordID {
		c.names[id] = "w:" + s
	}
	for k, id := range conceptID {
		name := "c:" + k
		c.names[id] = name
		boost[id] = c.bridge[name] * conceptBoost
	}
	docIDs := func(i, b int) []int32 { return all[off[i][b]:off[i][b+1]] }
	parallel(n, func(lo, hi int) {
		for i := lo; i < hi; i++ {
			for b := range numBlocks {
				slices.Sort(docIDs(i, b))
			}
		}
	})
	c.df = make([]int32, nf)
	for i := range n {
		for b := range numBlocks {
			s := docIDs(i, b)
			for j, id := range s {
				if j == 0 || s[j-1] != id {
					c.df[id]++
				}
			}
		}
	}
	fn := float64(n)
	idf := make([]float64, len(c.df))
	for id, df := range c.df {
		idf[id] = math.Log((fn+1)/(float64(df)+1)) + 1
	}
	c.vecs = make([]svec, n)
	parallel(n, func(lo, hi int) {
		var v svec // scratch: the blocks one after the other
		for i := lo; i < hi; i++ {
			v.idx, v.val = v.idx[:0], v.val[:0]
			var start [numBlocks + 1]int
			var total float64
			for b := range numBlocks {
				s := docIDs(i, b)
				start[b] = len(v.idx)
				var norm float64
				for j := 0; j < len(s); {
					k := j
					for k < len(s) && s[k] == s[j] {
						k++
					}
					id := s[j]
					if c.df[id] > 1 || n <= 2 {
						tf := 1.0 // 1 + log(1)
						if k-j > 1 {
							tf = 1 + math.Log(float64(k-j))
						}
						w := tf * idf[id] * boost[id]
						v.idx = append(v.idx, id)
						v.val = append(v.val, float32(w))
						norm += w * w
					}
					j = k
				}
				if norm > 0 {
					scale := math.Sqrt(blockWeight[b] / norm)
					for j := start[b]; j < len(v.val); j++ {
						v.val[j] *= float32(scale)
					}
					total += blockWeight[b]
				}
			}
			start[numBlocks] = len(v.idx)
			if total > 0 {
				scale := float32(1 / math.Sqrt(total))
				for j := range v.val {
					v.val[j] *= scale
				}
			}
			c.vecs[i] = mergeBlocks(v, start)
			c.docs[i].terms = mergeUnique(docIDs(i, blockWord), docIDs(i, blockConcept))
		}
	})
}

// mergeBlocks returns the entries of v, whose blocks v[start[b]:start[b+1]]
// are each sorted by feature id, as one vector sorted by feature id. A
// feature belongs to one block only, so ids do not repeat.
func mergeBlocks(v svec, start [numBlocks + 1]int) svec {
	out := svec{idx: make([]int32, len(v.idx)), val: make([]float32, len(v.val))}
	pos := start
	for o := range out.idx {
		best := -1
		for b := range numBlocks {
			if pos[b] < start[b+1] && (best < 0 || v.idx[pos[b]] < v.idx[pos[best]]) {
				best = b
			}
		}
		out.idx[o], out.val[o] = v.idx[pos[best]], v.val[pos[best]]
		pos[best]++
	}
	return out
}

// mergeUnique returns the distinct ids of two sorted lists, sorted.
func mergeUnique(a, b []int32) []int32 {
	out := make([]int32, 0, len(a)+len(b))
	for len(a) > 0 || len(b) > 0 {
		var x int32
		if len(b) == 0 || len(a) > 0 && a[0] <= b[0] {
			x, a = a[0], a[1:]
		} else {
			x, b = b[0], b[1:]
		}
		if len(out) == 0 || out[len(out)-1] != x {
			out = append(out, x)
		}
	}
	return out
}
