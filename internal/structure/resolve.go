package structure

import (
	"errors"
	"fmt"
	"regexp"
	"sort"
	"strings"
	"unicode"
)

// ErrUnknown is matched (errors.Is) by the error Resolve returns when nothing
// has the name.
var ErrUnknown = errors.New("unknown structure")

// ErrAmbiguous is matched (errors.Is) by the error Resolve returns when a
// name fits several structures.
var ErrAmbiguous = errors.New("ambiguous structure name")

// UnknownError says no structure or string answers to Query; Suggestion is
// the nearest name when one is a typo away ("trokia" → "troika").
type UnknownError struct {
	Query      string
	Suggestion string
}

// Error is one sentence that says what to do.
func (e *UnknownError) Error() string {
	if e.Suggestion != "" {
		return fmt.Sprintf("there is no structure or string called %q; did you mean %s? (`liberate list` shows them all)", e.Query, e.Suggestion)
	}
	return fmt.Sprintf("there is no structure or string called %q; run `liberate list` to see what there is", e.Query)
}

// Is makes errors.Is(err, ErrUnknown) true.
func (e *UnknownError) Is(target error) bool { return target == ErrUnknown }

// AmbiguousError says Query fits several structures, listed in Candidates.
type AmbiguousError struct {
	Query      string
	Candidates []string // slugs, sorted
}

// Error lists the candidates in one sentence.
func (e *AmbiguousError) Error() string {
	list := e.Candidates
	more := ""
	if len(list) > 8 {
		more = fmt.Sprintf(" and %d more", len(list)-8)
		list = list[:8]
	}
	return fmt.Sprintf("%q could be %s%s; type more of the name", e.Query, strings.Join(list, ", "), more)
}

// Is makes errors.Is(err, ErrAmbiguous) true.
func (e *AmbiguousError) Is(target error) bool { return target == ErrAmbiguous }

var reParen = regexp.MustCompile(`\(([^()]+)\)`)

var foldReplacer = strings.NewReplacer(
	"³", "3", "²", "2", "¹", "1", "%", "",
	"á", "a", "à", "a", "ä", "a", "â", "a",
	"é", "e", "è", "e", "ë", "e", "ê", "e",
	"í", "i", "ì", "i", "ï", "i", "î", "i",
	"ó", "o", "ò", "o", "ö", "o", "ô", "o",
	"ú", "u", "ù", "u", "ü", "u", "û", "u",
	"ç", "c", "ñ", "n", "&", "and",
)

// squash reduces a name to lower-case letters and digits, so "25/10",
// "25-10" and "2510" meet, as do "1-2-4-All" and "124all".
func squash(s string) string {
	s = foldReplacer.Replace(strings.ToLower(s))
	var b strings.Builder
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// keysOf are the names a definition answers to: slug, aliases, names in
// both languages and abbreviations in brackets ("W³", "DAD").
func keysOf(s *Structure) []string {
	keys := []string{s.Slug}
	keys = append(keys, s.Aliases...)
	for _, n := range []string{s.Name.EN, s.Name.NL} {
		if n == "" {
			continue
		}
		keys = append(keys, n)
		for _, m := range reParen.FindAllStringSubmatch(n, -1) {
			keys = append(keys, m[1])
		}
		keys = append(keys, reParen.ReplaceAllString(n, ""))
	}
	return keys
}

func (l *Library) buildIndex() {
	l.index = map[string][]string{}
	l.shown = map[string]string{}
	for slug, s := range l.defs {
		for _, k := range keysOf(s) {
			q := squash(k)
			if q == "" {
				continue
			}
			// A suggestion is shown as something to type: the slug or
			// alias itself, the slug for a name.
			if k == slug || contains(s.Aliases, k) {
				l.shown[q] = k
			} else if _, ok := l.shown[q]; !ok {
				l.shown[q] = slug
			}
			if !contains(l.index[q], slug) {
				l.index[q] = append(l.index[q], slug)
			}
		}
	}
	l.keys = make([]string, 0, len(l.index))
	for k := range l.index {
		l.keys = append(l.keys, k)
	}
	sort.Strings(l.keys)
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// Resolve finds a structure or string by what a facilitator types: the slug,
// an alias, the English or Dutch name, an unambiguous prefix of any of them,
// in any case and with any punctuation ("troika", "25/10", "15%", "w3",
// "1-2-4"). An ambiguous name returns an *AmbiguousError listing the
// candidates; an unknown one an *UnknownError.
func (l *Library) Resolve(name string) (*Structure, error) {
	if s, ok := l.defs[strings.TrimSpace(name)]; ok {
		return s, nil
	}
	q := squash(name)
	if q == "" {
		return nil, &UnknownError{Query: name}
	}
	if slugs := l.index[q]; len(slugs) == 1 {
		return l.defs[slugs[0]], nil
	} else if len(slugs) > 1 {
		return nil, l.ambiguous(name, slugs)
	}
	var found []string
	i := sort.SearchStrings(l.keys, q)
	for ; i < len(l.keys) && strings.HasPrefix(l.keys[i], q); i++ {
		for _, slug := range l.index[l.keys[i]] {
			if !contains(found, slug) {
				found = append(found, slug)
			}
		}
	}
	if len(found) == 0 && len(q) >= 3 {
		// A word from the middle of a name: "crowd", "consulting".
		for _, k := range l.keys {
			if strings.Contains(k, q) {
				for _, slug := range l.index[k] {
					if !contains(found, slug) {
						found = append(found, slug)
					}
				}
			}
		}
	}
	switch len(found) {
	case 0:
		return nil, &UnknownError{Query: name, Suggestion: l.suggest(q)}
	case 1:
		return l.defs[found[0]], nil
	}
	return nil, l.ambiguous(name, found)
}

func (l *Library) ambiguous(name string, slugs []string) error {
	c := append([]string(nil), slugs...)
	sort.Strings(c)
	return &AmbiguousError{Query: name, Candidates: c}
}

// suggest is the name closest to the squashed query q when it is a typo or
// two away (a swapped pair of letters counts as one), "" otherwise.
func (l *Library) suggest(q string) string {
	limit := max(1, len([]rune(q))/3)
	best, bestD := "", limit+1
	for _, k := range l.keys {
		d := typoDistance(q, k)
		if d < bestD || (d == bestD && best != "" && len(l.shown[k]) < len(best)) {
			best, bestD = l.shown[k], d
		}
	}
	if bestD > limit {
		return ""
	}
	return best
}

// typoDistance is the optimal string alignment distance between a and b:
// insertions, deletions, substitutions and swaps of neighbours.
func typoDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	d := make([][]int, len(ra)+1)
	for i := range d {
		d[i] = make([]int, len(rb)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(ra); i++ {
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(ra)][len(rb)]
}
