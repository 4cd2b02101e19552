package cluster

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// foldRune maps one lower-case rune to its plain ASCII spelling so that
// "reëel", "reeel" and "REËEL" meet. It returns "" for runes that are not
// letters or digits after folding (combining marks, symbols).
func foldRune(r rune) string {
	if r < utf8.RuneSelf {
		return string(r)
	}
	switch r {
	case 'à', 'á', 'â', 'ã', 'ä', 'å', 'ā', 'ă', 'ą':
		return "a"
	case 'æ':
		return "ae"
	case 'ç', 'ć', 'č', 'ĉ', 'ċ':
		return "c"
	case 'ď', 'đ', 'ð':
		return "d"
	case 'è', 'é', 'ê', 'ë', 'ē', 'ė', 'ę', 'ě':
		return "e"
	case 'ì', 'í', 'î', 'ï', 'ī', 'į', 'ı':
		return "i"
	case 'ĳ':
		return "ij"
	case 'ñ', 'ń', 'ň':
		return "n"
	case 'ò', 'ó', 'ô', 'õ', 'ö', 'ø', 'ō', 'ő':
		return "o"
	case 'œ':
		return "oe"
	case 'ř':
		return "r"
	case 'ś', 'š', 'ş':
		return "s"
	case 'ß':
		return "ss"
	case 'ť', 'ţ':
		return "t"
	case 'ù', 'ú', 'û', 'ü', 'ū', 'ů', 'ű':
		return "u"
	case 'ý', 'ÿ':
		return "y"
	case 'ź', 'ż', 'ž':
		return "z"
	case 'ł':
		return "l"
	}
	if unicode.Is(unicode.Mn, r) {
		return ""
	}
	if unicode.IsLetter(r) || unicode.IsDigit(r) {
		return string(r)
	}
	return ""
}

// token is one word of a note: its folded form (lower case, no accents) and
// its surface form as typed (lower case, accents kept), used for labels.
type token struct {
	fold    string
	surface string
}

// isJoiner reports whether r glues two word parts together ("e-mail",
// "can't", "ERP-systeem") instead of separating words.
func isJoiner(r rune) bool {
	switch r {
	case '-', '\'', '’', '‘', '‐', '‑':
		return true
	}
	return false
}

// tokenize splits a note into words. Letters and digits form words; hyphens
// and apostrophes between two word characters are dropped so the parts join
// ("log-in" → "login", "can't" → "cant"); everything else separates words.
func tokenize(text string) []token {
	var toks []token
	var fold, surf strings.Builder
	flush := func() {
		if fold.Len() > 0 {
			toks = append(toks, token{fold: fold.String(), surface: surf.String()})
		}
		fold.Reset()
		surf.Reset()
	}
	runes := []rune(text)
	for i, r := range runes {
		if r == utf8.RuneError {
			flush()
			continue
		}
		lr := unicode.ToLower(r)
		if unicode.IsLetter(lr) || unicode.IsDigit(lr) || unicode.Is(unicode.Mn, lr) {
			f := foldRune(lr)
			if f == "" && !unicode.Is(unicode.Mn, lr) {
				flush()
				continue
			}
			fold.WriteString(f)
			surf.WriteRune(lr)
			continue
		}
		if isJoiner(r) && fold.Len() > 0 && i+1 < len(runes) {
			next := unicode.ToLower(runes[i+1])
			if unicode.IsLetter(next) || unicode.IsDigit(next) {
				surf.WriteRune(r)
				continue
			}
		}
		flush()
	}
	flush()
	// "'s" and "s" left from possessives and Dutch plurals of abbreviations
	// ("pc's") are folded into the word already; a lone "s" or "t" from
	// "it 's" carries nothing.
	out := toks[:0]
	for _, t := range toks {
		if len(t.fold) == 1 && (t.fold == "s" || t.fold == "t") {
			continue
		}
		out = append(out, t)
	}
	return out
}

// Fold returns text in lower case with accents removed, punctuation turned
// into single spaces and the Dutch ligature ĳ spelled out, so that two
// spellings of the same words compare equal.
func Fold(text string) string {
	toks := tokenize(text)
	parts := make([]string, len(toks))
	for i, t := range toks {
		parts[i] = t.fold
	}
	return strings.Join(parts, " ")
}
