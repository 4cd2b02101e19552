package structure

import (
	"reflect"
	"testing"
)

func TestArrangeFoldsTheOddPeopleInAsLSPractisesIt(t *testing.T) {
	troika := &Structure{Group: Group{Size: 3, OddFallback: 4}}
	fifteen := &Structure{Group: Group{Size: 3, Min: 2, Max: 4}}
	cases := []struct {
		name string
		n    int
		cfg  Config
		s    *Structure
		want Split
	}{
		{"23 in pairs make ten pairs and a trio", 23, ConfigPairs, nil, Split{{2, 10}, {3, 1}}},
		{"23 in fours make five fours and a trio", 23, ConfigFours, nil, Split{{4, 5}, {3, 1}}},
		{"21 in fours make four fours and a five", 21, ConfigFours, nil, Split{{4, 4}, {5, 1}}},
		{"22 in fours make four fours and two trios", 22, ConfigFours, nil, Split{{4, 4}, {3, 2}}},
		{"23 in Troika make five trios and two fours", 23, ConfigClientBack, troika, Split{{3, 5}, {4, 2}}},
		{"5 in Troika make one group of five", 5, ConfigClient, troika, Split{{5, 1}}},
		{"23 at tables make three of six and one of five", 23, ConfigTables, nil, Split{{6, 3}, {5, 1}}},
		{"23 in small groups of 2-4 make seven trios and a pair", 23, ConfigSmall, fifteen, Split{{3, 7}, {2, 1}}},
		{"3 in pairs make one trio", 3, ConfigPairs, nil, Split{{3, 1}}},
		{"1 in fours is one group of one", 1, ConfigFours, nil, Split{{1, 1}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			size, p, ok := PolicyFor(c.cfg, c.s)
			if !ok {
				t.Fatalf("%s does not split", c.cfg)
			}
			if got := Arrange(c.n, size, p); !reflect.DeepEqual(got, c.want) {
				t.Fatalf("got %v, want %v", got, c.want)
			}
		})
	}
}

func TestArrangePlacesEveryPersonInExactlyOneGroupOfAnAllowedSize(t *testing.T) {
	structs := []*Structure{
		nil,
		{Group: Group{Size: 3, OddFallback: 4}},
		{Group: Group{Size: 3, Min: 2, Max: 4}},
		{Group: Group{Size: 6, Min: 5, Max: 7}},
		{Group: Group{Size: 5, Min: 4, Max: 7}},
	}
	configs := []Config{ConfigPairs, ConfigTrios, ConfigFours, ConfigSmall, ConfigTables, ConfigClient, ConfigClientBack}
	for _, s := range structs {
		for _, cfg := range configs {
			size, p, ok := PolicyFor(cfg, s)
			if !ok {
				t.Fatalf("%s does not split", cfg)
			}
			for n := 1; n <= 200; n++ {
				split := Arrange(n, size, p)
				if split.People() != n {
					t.Fatalf("%s %v n=%d: %v places %d people", cfg, s, n, split, split.People())
				}
				lo, hi := split[0].Size, split[0].Size
				for _, g := range split {
					if g.Count <= 0 || g.Size <= 0 {
						t.Fatalf("%s n=%d: empty group in %v", cfg, n, split)
					}
					lo, hi = min(lo, g.Size), max(hi, g.Size)
				}
				if hi-lo > 1 {
					t.Fatalf("%s n=%d: sizes %v differ by more than one", cfg, n, split)
				}
				if split.Groups() > 1 && (lo < p.Min || hi > p.Max) {
					t.Fatalf("%s n=%d: %v outside %d–%d", cfg, n, split, p.Min, p.Max)
				}
				if n >= p.Max*3 && lo < p.Min {
					t.Fatalf("%s n=%d: %v has a group below %d", cfg, n, split, p.Min)
				}
			}
		}
	}
}

func TestGroupSizeNamesThePeopleInOneGroup(t *testing.T) {
	troika := &Structure{Group: Group{Size: 3}}
	cases := map[Config]int{ConfigAlone: 1, ConfigPairs: 2, ConfigTrios: 3, ConfigFours: 4, ConfigClientBack: 3, ConfigTables: 3, ConfigWhole: 3, ConfigMill: 0}
	for cfg, want := range cases {
		if got := GroupSize(cfg, troika); got != want {
			t.Errorf("GroupSize(%s) = %d, want %d", cfg, got, want)
		}
	}
	if GroupSize(ConfigTables, nil) != 6 || GroupSize(ConfigSmall, &Structure{Group: Group{Min: 4, Max: 7}}) != 6 {
		t.Fatal("tables default to 6 and small groups to the middle of their range")
	}
}
