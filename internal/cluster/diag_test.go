package cluster

import (
	"os"
	"sort"
	"strings"
	"testing"
)

func TestDevConcepts(t *testing.T) {
	if os.Getenv("CLUSTER_CONC") == "" {
		t.Skip()
	}
	texts, _ := loadLabelled(t, "../../../shared/data/clustering/"+os.Getenv("CLUSTER_CONC")+".csv")
	c := analyze(texts)
	type kv struct {
		k  string
		df int32
	}
	var l []kv
	for id, name := range c.names {
		if strings.HasPrefix(name, "c:") {
			l = append(l, kv{name, c.df[id]})
		}
	}
	sort.Slice(l, func(a, b int) bool { return l[a].df > l[b].df })
	for _, x := range l {
		t.Logf("%-25s df=%4d bridge=%.2f", x.k, x.df, c.bridge[x.k])
	}
}
