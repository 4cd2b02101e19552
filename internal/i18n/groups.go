package i18n

import (
	"fmt"
	"strings"
)

// Groups holds the words for group arithmetic ("10 pairs and 1 trio").
type Groups struct {
	Singular map[int]string // 1: "person alone", 2: "pair", 3: "trio", 4: "four", …
	Plural   map[int]string
	Generic  string // "group of %d"
	GenericP string // "groups of %d"
	And      string
	People   string // "%d people"
}

var groupsEN = Groups{
	Singular: map[int]string{1: "person alone", 2: "pair", 3: "trio", 4: "four", 5: "five", 6: "six", 7: "seven"},
	Plural:   map[int]string{1: "people alone", 2: "pairs", 3: "trios", 4: "fours", 5: "fives", 6: "sixes", 7: "sevens"},
	Generic:  "group of %d",
	GenericP: "groups of %d",
	And:      "and",
	People:   "%d people",
}

var groupsNL = Groups{
	Singular: map[int]string{1: "persoon alleen", 2: "tweetal", 3: "drietal", 4: "viertal", 5: "vijftal", 6: "zestal", 7: "zevental"},
	Plural:   map[int]string{1: "personen alleen", 2: "tweetallen", 3: "drietallen", 4: "viertallen", 5: "vijftallen", 6: "zestallen", 7: "zeventallen"},
	Generic:  "groep van %d",
	GenericP: "groepen van %d",
	And:      "en",
	People:   "%d mensen",
}

// Phrase renders group counts in words: Phrase([][2]int{{2,10},{3,1}}) =
// "10 pairs and 1 trio". Each entry is {size, count}.
func (g Groups) Phrase(counts [][2]int) string {
	var parts []string
	for _, c := range counts {
		size, n := c[0], c[1]
		if n <= 0 {
			continue
		}
		var word string
		if n == 1 {
			word = g.Singular[size]
			if word == "" {
				word = fmt.Sprintf(g.Generic, size)
			}
		} else {
			word = g.Plural[size]
			if word == "" {
				word = fmt.Sprintf(g.GenericP, size)
			}
		}
		parts = append(parts, fmt.Sprintf("%d %s", n, word))
	}
	switch len(parts) {
	case 0:
		return ""
	case 1:
		return parts[0]
	}
	return strings.Join(parts[:len(parts)-1], ", ") + " " + g.And + " " + parts[len(parts)-1]
}
