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
//
// The words are written into one folded and one surface buffer per note and
// the tokens are slices of them: two strings per note instead of per word.
func tokenize(text string) []token {
	type span struct{ f0, f1, s0, s1 int }
	var spanBuf [32]span
	var foldBuf, surfBuf [256]byte
	spans, fold, surf := spanBuf[:0], foldBuf[:0], surfBuf[:0]
	f0, s0 := 0, 0 // start of the current word in fold and surf
	flush := func() {
		if len(fold) > f0 {
			spans = append(spans, span{f0, len(fold), s0, len(surf)})
		} else {
			surf = surf[:s0]
		}
		f0, s0 = len(fold), len(surf)
	}
	for i, r := range text {
		if r == utf8.RuneError {
			flush()
			continue
		}
		if r < utf8.RuneSelf {
			// ASCII fast path: the same rules without table lookups.
			lr := byte(r)
			if 'A' <= lr && lr <= 'Z' {
				lr += 'a' - 'A'
			}
			if 'a' <= lr && lr <= 'z' || '0' <= lr && lr <= '9' {
				fold = append(fold, lr)
				surf = append(surf, lr)
				continue
			}
		} else if lr := unicode.ToLower(r); unicode.IsLetter(lr) || unicode.IsDigit(lr) || unicode.Is(unicode.Mn, lr) {
			f := foldRune(lr)
			if f == "" && !unicode.Is(unicode.Mn, lr) {
				flush()
				continue
			}
			fold = append(fold, f...)
			surf = utf8.AppendRune(surf, lr)
			continue
		}
		if isJoiner(r) && len(fold) > f0 {
			next, size := utf8.DecodeRuneInString(text[i+utf8.RuneLen(r):])
			next = unicode.ToLower(next)
			if size > 0 && (unicode.IsLetter(next) || unicode.IsDigit(next)) {
				surf = utf8.AppendRune(surf, r)
				continue
			}
		}
		flush()
	}
	flush()
	fs := string(fold)
	ss := fs
	if string(surf) != fs {
		ss = string(surf)
	}
	// "'s" and "s" left from possessives and Dutch plurals of abbreviations
	// ("pc's") are folded into the word already; a lone "s" or "t" from
	// "it 's" carries nothing.
	toks := make([]token, 0, len(spans))
	for _, sp := range spans {
		t := token{fold: fs[sp.f0:sp.f1], surface: ss[sp.s0:sp.s1]}
		if len(t.fold) == 1 && (t.fold == "s" || t.fold == "t") {
			continue
		}
		toks = append(toks, t)
	}
	return toks
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
