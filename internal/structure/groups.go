package structure

import (
	"math"
	"sort"
)

// Policy is the range of group sizes a configuration accepts around its
// target size, so an odd head-count can be absorbed: pairs take one trio,
// fours take trios or fives, Troika's trios take a foursome.
type Policy struct {
	Min int // smallest acceptable group
	Max int // largest acceptable group
}

// GroupSize is the number of people in one group of cfg for structure s:
// alone 1, pairs 2, trios 3, fours 4; small groups, tables and the client's
// trio take the structure's group size (tables default to 6, client trios to
// 3, small groups to the middle of group.min–group.max, else 4). For the whole
// group it is the structure's group size, 0 when the file gives none (the
// head-count decides). Other configurations have no fixed size: 0.
func GroupSize(cfg Config, s *Structure) int {
	var g Group
	if s != nil {
		g = s.Group
	}
	switch cfg {
	case ConfigAlone:
		return 1
	case ConfigPairs:
		return 2
	case ConfigTrios:
		return 3
	case ConfigFours:
		return 4
	case ConfigSmall:
		if g.Size > 0 {
			return g.Size
		}
		if g.Min > 0 && g.Max > 0 {
			return (g.Min + g.Max + 1) / 2
		}
		return 4
	case ConfigTables:
		if g.Size > 0 {
			return g.Size
		}
		return 6
	case ConfigClient, ConfigClientBack:
		if g.Size > 0 {
			return g.Size
		}
		return 3
	case ConfigWhole:
		return g.Size
	}
	return 0
}

// PolicyFor is the target size and accepted range for cfg in structure s:
//
//   - pairs 2, accepting one trio (never someone alone);
//   - trios 3, accepting the structure's odd_fallback (Troika: 4; default 4);
//   - fours 4, accepting 3 to 5;
//   - small groups and tables: the structure's group.min–group.max, else one
//     either side of the size (tables 5–7);
//   - client trios like trios, with the structure's size.
//
// ok is false for configurations that do not split the room.
func PolicyFor(cfg Config, s *Structure) (size int, p Policy, ok bool) {
	var g Group
	if s != nil {
		g = s.Group
	}
	size = GroupSize(cfg, s)
	switch cfg {
	case ConfigPairs:
		return 2, Policy{Min: 2, Max: 3}, true
	case ConfigTrios, ConfigClient, ConfigClientBack:
		if cfg == ConfigTrios {
			size = 3
		}
		fb := g.OddFallback
		if fb <= 0 {
			fb = size + 1
		}
		p = Policy{Min: min(size, fb), Max: max(size, fb)}
		if g.Min > 0 && cfg != ConfigTrios {
			p.Min = min(p.Min, g.Min)
		}
		if g.Max > 0 && cfg != ConfigTrios {
			p.Max = max(p.Max, g.Max)
		}
		return size, p, true
	case ConfigFours:
		return 4, Policy{Min: 3, Max: 5}, true
	case ConfigSmall, ConfigTables:
		p = Policy{Min: max(2, size-1), Max: size + 1}
		if g.Min > 0 {
			p.Min = g.Min
		}
		if g.Max > 0 {
			p.Max = g.Max
		}
		p.Min, p.Max = min(p.Min, size), max(p.Max, size)
		return size, p, true
	}
	return size, Policy{}, false
}

// Arrange divides n people into groups of size so that everyone is in
// exactly one group. With no policy the accepted range is size±1 (never
// below 2 for groups of two or more). Among the group counts whose sizes all
// fit the range, it picks the one with the fewest groups off the target
// size, then the one whose average is closest to it, then more, smaller
// groups; sizes within one split differ by at most one. So 23 people make 10
// pairs and a trio, 5 fours and a trio, 7 Troika groups (5 trios, 2 fours),
// or tables 6, 6, 6, 5; 21 in fours make 4 fours and a five rather than
// 3 fours and 3 trios. When no count fits (5 people in Troika trios), the
// range is widened upward one person at a time; fewer people than the
// smallest group form one group. The result lists the most common size first.
func Arrange(n, size int, policy ...Policy) Split {
	if n <= 0 {
		return nil
	}
	if size <= 1 {
		return Split{{Size: 1, Count: n}}
	}
	p := Policy{Min: max(2, size-1), Max: size + 1}
	if len(policy) > 0 && policy[0].Min > 0 && policy[0].Max >= policy[0].Min {
		p = policy[0]
	}
	lo, hi := min(p.Min, size), max(p.Max, size)
	if n <= lo {
		return Split{{Size: n, Count: 1}}
	}
	for ; ; hi++ {
		if s := bestSplit(n, size, lo, hi); s != nil {
			return s
		}
	}
}

func bestSplit(n, size, lo, hi int) Split {
	type choice struct {
		g, off int
		dist   float64
	}
	var best *choice
	for g := (n + hi - 1) / hi; g <= n/lo; g++ {
		q, r := n/g, n%g // r groups of q+1, g-r groups of q
		off := 0
		if q != size {
			off += g - r
		}
		if r > 0 && q+1 != size {
			off += r
		}
		c := choice{g: g, off: off, dist: math.Abs(float64(n)/float64(g) - float64(size))}
		if best == nil || c.off < best.off || (c.off == best.off && c.dist < best.dist-1e-9) ||
			(c.off == best.off && math.Abs(c.dist-best.dist) <= 1e-9 && c.g > best.g) {
			cc := c
			best = &cc
		}
	}
	if best == nil {
		return nil
	}
	q, r := n/best.g, n%best.g
	var s Split
	if best.g-r > 0 {
		s = append(s, GroupCount{Size: q, Count: best.g - r})
	}
	if r > 0 {
		s = append(s, GroupCount{Size: q + 1, Count: r})
	}
	sort.SliceStable(s, func(i, j int) bool {
		if s[i].Count != s[j].Count {
			return s[i].Count > s[j].Count
		}
		return s[i].Size < s[j].Size
	})
	return s
}

// People is the number of people a split places.
func (s Split) People() int {
	n := 0
	for _, g := range s {
		n += g.Size * g.Count
	}
	return n
}

// Groups is the number of groups in a split.
func (s Split) Groups() int {
	n := 0
	for _, g := range s {
		n += g.Count
	}
	return n
}
