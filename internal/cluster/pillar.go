package cluster

import (
	"slices"
	"strings"
)

// Pillar is one of the three sides of a digital change a theme can be
// about: its people, its process or its technology.
type Pillar uint8

const (
	// PillarNone is no pillar (a theme without notes).
	PillarNone Pillar = iota
	// PillarPeople is about people: skills, roles, workload, culture.
	PillarPeople
	// PillarProcess is about the way of working: steps, rules, hand-offs.
	PillarProcess
	// PillarTechnology is about systems, devices and data.
	PillarTechnology
)

// Pillars lists the pillars in their usual order: people, process,
// technology.
var Pillars = []Pillar{PillarPeople, PillarProcess, PillarTechnology}

// String returns the pillar's English key: "people", "process",
// "technology", or "" for PillarNone.
func (p Pillar) String() string {
	switch p {
	case PillarPeople:
		return "people"
	case PillarProcess:
		return "process"
	case PillarTechnology:
		return "technology"
	}
	return ""
}

// Next is the pillar after p in the order people → process → technology →
// people, for a key that cycles through them.
func (p Pillar) Next() Pillar {
	switch p {
	case PillarPeople:
		return PillarProcess
	case PillarProcess:
		return PillarTechnology
	}
	return PillarPeople
}

// ParsePillar reads a pillar key as String writes it (also the Dutch
// "mens", "proces", "techniek"); false when s names none.
func ParsePillar(s string) (Pillar, bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "people", "mens":
		return PillarPeople, true
	case "process", "proces":
		return PillarProcess, true
	case "technology", "techniek":
		return PillarTechnology, true
	}
	return PillarNone, false
}

// pillarOf suggests the pillar of a group from the concepts of its notes:
// each note (with its weight) shares one vote among the pillars its
// concepts lean to. A group whose notes name no concept with a pillar is
// put under process, where most frustrations of a change sit.
func pillarOf(c *corpus, m []int) Pillar {
	lx := defaultLexicon()
	var votes [4]float64
	for _, i := range m {
		var ps []Pillar
		for _, k := range c.docs[i].concepts {
			if p := lx.pillar[k]; p != PillarNone {
				ps = append(ps, p)
			}
		}
		for _, p := range ps {
			votes[p] += c.w(i) / float64(len(ps))
		}
	}
	best := PillarProcess
	for _, p := range Pillars {
		if votes[p] > votes[best]+1e-9 {
			best = p
		}
	}
	return best
}

// MarshalText writes the pillar's key, so stored themes read "people",
// "process" or "technology".
func (p Pillar) MarshalText() ([]byte, error) { return []byte(p.String()), nil }

// UnmarshalText reads a pillar key; an unknown key is no pillar, so a file
// from a newer version still opens.
func (p *Pillar) UnmarshalText(b []byte) error {
	*p, _ = ParsePillar(string(b))
	return nil
}

// NoteWhy returns the words of note that say why it sits in a theme with
// these terms: for each term the note shares (the same word, another form
// of it, or a word of the same concept — "ww" for "wachtwoord"), the
// note's own word, in the order of terms.
func NoteWhy(note string, terms []string) []string {
	if len(terms) == 0 {
		return nil
	}
	c := analyze(append([]string{note}, terms...))
	d := &c.docs[0]
	var out []string
	for k := range terms {
		for _, id := range c.docs[k+1].terms {
			if _, ok := slices.BinarySearch(d.terms, id); !ok {
				continue
			}
			w := noteWord(d, c.names[id])
			if w != "" && !slices.Contains(out, w) {
				out = append(out, w)
			}
			break
		}
	}
	return out
}
