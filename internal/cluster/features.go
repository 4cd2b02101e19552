package cluster

import (
	"math"
	"sort"
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
	concepts []string
	feats    [numBlocks][]string
}

// corpus holds the analysed notes and their weighted vectors.
type corpus struct {
	docs    []doc
	vecs    []svec
	names   []string         // feature id → name ("w:stem", "c:concept", "g:gram")
	ids     map[string]int32 // name → feature id
	block   []uint8          // feature id → block
	df      []int32
	surface map[string]map[string]int // stem → surface → count, for labels
	bridge  map[string]float64        // concept feature → share of its weight kept
}

// analyze tokenises, guesses languages, removes stop words, stems, splits
// compounds, finds concepts and builds one weighted vector per note.
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
	c := &corpus{docs: make([]doc, n), surface: map[string]map[string]int{}}
	// Each note is analysed on its own (one stemmer cache per worker); the
	// corpus-wide counts are gathered afterwards in note order.
	trig := make([][]string, n) // per note: first trigger of each concept
	parallel(n, func(lo, hi int) {
		st := newStemmer()
		var folded []string
		for i := lo; i < hi; i++ {
			d := &c.docs[i]
			d.lang = langs[i]
			folded = folded[:0]
			for _, t := range toks[i] {
				folded = append(folded, t.fold)
			}
			hits := map[string]string{} // concept → first trigger in this note
			hit := func(cs []string, trigger string) {
				for _, k := range cs {
					if _, ok := hits[k]; !ok {
						hits[k] = trigger
					}
				}
			}
			hit(lx.matchPhrases(folded, d.lang, st, nil), "phrase")
			for _, t := range toks[i] {
				w := t.fold
				if isStop(w, d.lang) || (len(w) < 2) || isNumber(w) {
					continue
				}
				d.words = append(d.words, t)
				s := st.stem(w, d.lang)
				d.stems = append(d.stems, s)
				hit(lx.matchWord(w, d.lang, st, nil), s)
				if d.lang != langEN {
					for _, p := range splitCompound(w, vocab, lx) {
						d.parts = append(d.parts, st.stem(p, langNL))
						hit(lx.matchWord(p, langNL, st, nil), st.stem(p, langNL))
					}
				}
			}
			d.concepts = sortedKeys(hits)
			trig[i] = make([]string, len(d.concepts))
			for j, k := range d.concepts {
				trig[i][j] = hits[k]
			}
			for j, s := range d.stems {
				d.feats[blockWord] = append(d.feats[blockWord], "w:"+s)
				for _, g := range charGrams(d.words[j].fold) {
					d.feats[blockGram] = append(d.feats[blockGram], g)
				}
			}
			for _, p := range d.parts {
				d.feats[blockWord] = append(d.feats[blockWord], "w:"+p)
			}
			for _, k := range d.concepts {
				if conceptInWords {
					d.feats[blockWord] = append(d.feats[blockWord], "c:"+k)
				} else {
					d.feats[blockConcept] = append(d.feats[blockConcept], "c:"+k)
				}
			}
		}
	})
	triggers := map[string]map[string]int{} // concept → trigger → notes
	for i := range c.docs {
		d := &c.docs[i]
		for j, k := range d.concepts {
			m := triggers[k]
			if m == nil {
				m = map[string]int{}
				triggers[k] = m
			}
			m[trig[i][j]]++
		}
		for j, s := range d.stems {
			m := c.surface[s]
			if m == nil {
				m = map[string]int{}
				c.surface[s] = m
			}
			m[d.words[j].surface]++
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

func isNumber(w string) bool {
	for _, r := range w {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

func uniqueSorted(s []string) []string {
	if len(s) < 2 {
		return s
	}
	sort.Strings(s)
	out := s[:1]
	for _, x := range s[1:] {
		if x != out[len(out)-1] {
			out = append(out, x)
		}
	}
	return out
}

// charGrams returns the 3- to 5-letter pieces of a word marked with its
// boundaries, which meet across typos and inflections ("vergadering",
// "vergaderingen", "vergadring").
func charGrams(w string) []string {
	b := []byte("<" + w + ">")
	if len(b) > 40 {
		b = b[:40]
	}
	var out []string
	for n := 3; n <= 5; n++ {
		for i := 0; i+n <= len(b); i++ {
			out = append(out, "g:"+string(b[i:i+n]))
		}
	}
	return out
}

// splitCompound splits a Dutch compound into two known words, the vocabulary
// being the corpus's own words and the lexicon: "wachtwoordbeleid" →
// wachtwoord + beleid, "klantenportaal" → klanten + portaal,
// "werkgeversverklaring" → werkgevers + verklaring. Linking s and e(n) are
// allowed. Words of the lexicon are not split: they are already understood.
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
		for _, h := range []string{head, strings.TrimSuffix(head, "s"), strings.TrimSuffix(head, "en"), strings.TrimSuffix(head, "e")} {
			if len(h) < 3 || (len(h) < 4 && !lx.words[h]) {
				continue
			}
			fh := known(h)
			if fh == 0 {
				continue
			}
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
	}
	if best < 0 {
		return nil
	}
	return []string{bestHead, w[best:]}
}

// weigh turns the documents' features into TF-IDF vectors, each block
// normalised to unit length and scaled by its weight, the whole normalised.
func (c *corpus) weigh() {
	n := len(c.docs)
	ids := map[string]int32{}
	c.ids = ids
	docIDs := make([][numBlocks][]int32, n)
	for i := range c.docs {
		for b := 0; b < numBlocks; b++ {
			for _, f := range c.docs[i].feats[b] {
				id, ok := ids[f]
				if !ok {
					id = int32(len(c.names))
					ids[f] = id
					c.names = append(c.names, f)
					c.block = append(c.block, uint8(b))
					c.df = append(c.df, 0)
				}
				docIDs[i][b] = append(docIDs[i][b], id)
			}
		}
	}
	for i := range docIDs {
		for b := 0; b < numBlocks; b++ {
			s := docIDs[i][b]
			sort.Slice(s, func(x, y int) bool { return s[x] < s[y] })
			for j, id := range s {
				if j == 0 || s[j-1] != id {
					c.df[id]++
				}
			}
		}
	}
	c.vecs = make([]svec, n)
	fn := float64(n)
	for i := range docIDs {
		var v svec
		var total float64
		for b := 0; b < numBlocks; b++ {
			s := docIDs[i][b]
			start := len(v.idx)
			var norm float64
			for j := 0; j < len(s); {
				k := j
				for k < len(s) && s[k] == s[j] {
					k++
				}
				id := s[j]
				df := float64(c.df[id])
				if c.df[id] > 1 || n <= 2 {
					tf := 1 + math.Log(float64(k-j))
					idf := math.Log((fn+1)/(df+1)) + 1
					w := tf * idf
					if b, ok := c.bridge[c.names[id]]; ok {
						w *= b * conceptBoost
					}
					v.idx = append(v.idx, id)
					v.val = append(v.val, float32(w))
					norm += w * w
				}
				j = k
			}
			if norm > 0 {
				scale := math.Sqrt(blockWeight[b] / norm)
				for j := start; j < len(v.val); j++ {
					v.val[j] *= float32(scale)
				}
				total += blockWeight[b]
			}
		}
		if total > 0 {
			scale := float32(1 / math.Sqrt(total))
			for j := range v.val {
				v.val[j] *= scale
			}
		}
		sortVec(&v)
		c.vecs[i] = v
	}
}

// sortVec orders a vector's entries by feature id.
func sortVec(v *svec) {
	p := make([]int, len(v.idx))
	for i := range p {
		p[i] = i
	}
	sort.Slice(p, func(a, b int) bool { return v.idx[p[a]] < v.idx[p[b]] })
	idx := make([]int32, len(p))
	val := make([]float32, len(p))
	for i, j := range p {
		idx[i], val[i] = v.idx[j], v.val[j]
	}
	v.idx, v.val = idx, val
}
