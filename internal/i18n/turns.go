package i18n

import (
	"fmt"
	"strings"
)

// Turns holds the words a plan adds to the steps of a turn that goes round a
// group (Troika's clients, 15% Solutions' persons) when the groups are of
// different sizes: the smaller groups finish first.
type Turns struct {
	Only    string // prefix of a step only some groups still run: "Only the %s: "
	OnlyOne string // the same for a single group: "Only the %s: " (Dutch: "Alleen het %s: ")
	Done    string // after the last turn of some groups: "In the %s everyone has had a turn."
	DoneOne string // the same for a single group
}

var turnsEN = Turns{
	Only:    "Only the %s: ",
	OnlyOne: "Only the %s: ",
	Done:    "In the %s everyone has had a turn.",
	DoneOne: "In the %s everyone has had a turn.",
}

var turnsNL = Turns{
	Only:    "Alleen de %s: ",
	OnlyOne: "Alleen het %s: ",
	Done:    "In de %s is iedereen aan de beurt geweest.",
	DoneOne: "In het %s is iedereen aan de beurt geweest.",
}

// Only is the prefix of a step that only the groups of these {size, count}
// still run: "Only the fours: ", "Alleen het drietal: ".
func (c *Catalog) Only(counts [][2]int) string {
	return c.groupNote(c.Turns.Only, c.Turns.OnlyOne, counts)
}

// Done says that in the groups of these {size, count} everyone has had a turn.
func (c *Catalog) Done(counts [][2]int) string {
	return c.groupNote(c.Turns.Done, c.Turns.DoneOne, counts)
}

func (c *Catalog) groupNote(many, one string, counts [][2]int) string {
	var parts []string
	total := 0
	for _, sc := range counts {
		size, n := sc[0], sc[1]
		total += n
		var w string
		if n == 1 {
			if w = c.Groups.Singular[size]; w == "" {
				w = fmt.Sprintf(c.Groups.Generic, size)
			}
		} else if w = c.Groups.Plural[size]; w == "" {
			w = fmt.Sprintf(c.Groups.GenericP, size)
		}
		parts = append(parts, w)
	}
	if len(parts) == 0 {
		return ""
	}
	words := parts[0]
	if len(parts) > 1 {
		words = strings.Join(parts[:len(parts)-1], ", ") + " " + c.Groups.And + " " + parts[len(parts)-1]
	}
	if total == 1 {
		return fmt.Sprintf(one, words)
	}
	return fmt.Sprintf(many, words)
}
