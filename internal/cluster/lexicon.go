package cluster

import (
	_ "embed"
	"sort"
	"strings"
	"sync"
)

//go:embed lexicon.txt
var lexiconText string

// lexEntry is one term of the lexicon: its folded words and the concepts it
// stands for.
type lexEntry struct {
	words    []string
	stems    [3][]string // per lang: stems of words (index langNL, langEN)
	concepts []string
}

// lexicon maps words and phrases in Dutch and English to shared concepts.
type lexicon struct {
	single   map[string][]string   // folded word or "nl:"/"en:" + stem → concepts
	phrases  map[string][]lexEntry // first folded word → phrases starting with it
	pstems   map[string][]lexEntry // "nl:"/"en:" + stem of first word → phrases
	words    map[string]bool       // every folded single word, for compound splitting
	concepts []string              // concept names, sorted
	pillar   map[string]Pillar     // concept → the pillar it leans to
}

var (
	lexOnce   sync.Once
	lexShared *lexicon
)

// defaultLexicon returns the embedded lexicon, parsed once.
func defaultLexicon() *lexicon {
	lexOnce.Do(func() { lexShared = parseLexicon(lexiconText) })
	return lexShared
}

// parseLexicon reads lines `concept: term, term phrase, ...`; blank lines and
// lines starting with # are ignored.
func parseLexicon(text string) *lexicon {
	lx := &lexicon{
		single:  map[string][]string{},
		phrases: map[string][]lexEntry{},
		pstems:  map[string][]lexEntry{},
		words:   map[string]bool{},
		pillar:  map[string]Pillar{},
	}
	seenConcept := map[string]bool{}
	add := func(m map[string][]string, k, c string) {
		for _, x := range m[k] {
			if x == c {
				return
			}
		}
		m[k] = append(m[k], c)
	}
	st := newStemmer()
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		name, terms, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		if p, isPillar := strings.CutPrefix(name, "!"); isPillar {
			// `!pillar: concept, concept`
			pl, _ := ParsePillar(strings.TrimSpace(p))
			for _, c := range strings.Split(terms, ",") {
				if c = strings.TrimSpace(c); c != "" && pl != PillarNone {
					lx.pillar[c] = pl
				}
			}
			continue
		}
		concept := strings.TrimSpace(name)
		if !seenConcept[concept] {
			seenConcept[concept] = true
			lx.concepts = append(lx.concepts, concept)
		}
		for _, term := range strings.Split(terms, ",") {
			toks := tokenize(term)
			if len(toks) == 0 {
				continue
			}
			words := make([]string, len(toks))
			for i, t := range toks {
				words[i] = t.fold
			}
			if len(words) == 1 {
				w := words[0]
				lx.words[w] = true
				add(lx.single, w, concept)
				if len(w) >= 4 {
					add(lx.single, "nl:"+st.stem(w, langNL), concept)
					add(lx.single, "en:"+st.stem(w, langEN), concept)
				}
				continue
			}
			e := lexEntry{words: words, concepts: []string{concept}}
			for _, l := range []lang{langNL, langEN} {
				e.stems[l] = make([]string, len(words))
				for i, w := range words {
					e.stems[l][i] = st.stem(w, l)
				}
			}
			lx.phrases[words[0]] = append(lx.phrases[words[0]], e)
			lx.pstems["nl:"+e.stems[langNL][0]] = append(lx.pstems["nl:"+e.stems[langNL][0]], e)
			lx.pstems["en:"+e.stems[langEN][0]] = append(lx.pstems["en:"+e.stems[langEN][0]], e)
		}
	}
	sort.Strings(lx.concepts)
	return lx
}

// matchWord returns the concepts of one folded word, by its spelling or, for
// words of four letters or more, by its stem in the note's language.
func (lx *lexicon) matchWord(w string, l lang, st *stemmer, dst []string) []string {
	dst = append(dst, lx.single[w]...)
	if len(w) >= 4 {
		if l != langEN {
			dst = append(dst, lx.single["nl:"+st.stem(w, langNL)]...)
		}
		if l != langNL {
			dst = append(dst, lx.single["en:"+st.stem(w, langEN)]...)
		}
	}
	return dst
}

// matchPhrases returns the concepts of multi-word terms found in words (all
// folded words of a note, stop words included). When covered is not nil (one
// entry per word), the words of every phrase found are marked in it.
func (lx *lexicon) matchPhrases(words []string, l lang, st *stemmer, dst []string, covered []bool) []string {
	for i, w := range words {
		cands := lx.phrases[w]
		if l != langEN {
			cands = append(cands[:len(cands):len(cands)], lx.pstems["nl:"+st.stem(w, langNL)]...)
		}
		if l != langNL {
			cands = append(cands[:len(cands):len(cands)], lx.pstems["en:"+st.stem(w, langEN)]...)
		}
		for _, e := range cands {
			if i+len(e.words) > len(words) {
				continue
			}
			ok := true
			for j, ew := range e.words {
				nw := words[i+j]
				if nw == ew {
					continue
				}
				if len(ew) >= 4 && ((l != langEN && st.stem(nw, langNL) == e.stems[langNL][j]) ||
					(l != langNL && st.stem(nw, langEN) == e.stems[langEN][j])) {
					continue
				}
				ok = false
				break
			}
			if ok {
				dst = append(dst, e.concepts...)
				if covered != nil {
					for j := range e.words {
						covered[i+j] = true
					}
				}
			}
		}
	}
	return dst
}
