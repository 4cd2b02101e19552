package cluster

import (
	"github.com/blevesearch/snowballstem"
	"github.com/blevesearch/snowballstem/dutch"
	"github.com/blevesearch/snowballstem/english"
)

// stemmer stems folded words with the Snowball stemmers and remembers the
// results: notes repeat their words a lot.
type stemmer struct {
	cache [3]map[string]string
}

func newStemmer() *stemmer {
	return &stemmer{cache: [3]map[string]string{{}, {}, {}}}
}

// stem returns the stem of w in l; langUnknown stems as Dutch when the word
// looks Dutch to the Dutch stemmer's rules and as English otherwise, which in
// practice means: the shorter of both stems.
func (s *stemmer) stem(w string, l lang) string {
	if len(w) <= 3 {
		return w
	}
	if r, ok := s.cache[l][w]; ok {
		return r
	}
	var r string
	switch l {
	case langNL:
		env := snowballstem.NewEnv(w)
		dutch.Stem(env)
		r = env.Current()
	case langEN:
		env := snowballstem.NewEnv(w)
		english.Stem(env)
		r = env.Current()
	default:
		a, b := s.stem(w, langNL), s.stem(w, langEN)
		r = b
		if len(a) < len(b) {
			r = a
		}
	}
	s.cache[l][w] = r
	return r
}
